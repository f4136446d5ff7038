"""What the chat page shows, rendered safely: the sources panel (HTML), the chat text (Markdown) and the Markdown
export of an answer. Everything that came from a question or a document is escaped here: questions and documents
are untrusted, and the page must render them as text, never as markup."""
from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from corpus.model import KIND_LABELS_EN, KIND_LABELS_KO, LAW_KINDS, Unit
from ingest.store import IndexStore
from ui.i18n import fmt_date, t, tables


def esc(text: Any) -> str:
    """Text for HTML: every markup character escaped, quotes included (it may land in an attribute)."""
    return html.escape("" if text is None else str(text), quote=True)


_MD_INLINE = re.compile(r"([\\`*_~|#!])")
_MD_AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp):|\bwww\.|@")


def _line_start(line: str) -> str:
    """Escape what would make a line a list, quote, heading or link definition ("1." → "1\\.")."""
    m = re.match(r"(\s*)(\d+)([.)])", line)
    if m:
        return f"{m.group(1)}{m.group(2)}\\{m.group(3)}{line[m.end():]}"
    return re.sub(r"^(\s*)([-+>=\[])", r"\1\\\2", line)


def md_text(text: str, keep_bullets: bool = False) -> str:
    """Text for the chat (Markdown): shown literally — no HTML, links, emphasis or headings from the text itself."""
    s = html.escape(text, quote=False)  # entities render as the characters, never as tags
    s = _MD_INLINE.sub(r"\\\1", s)
    s = s.replace("](", "]\\(")  # no inline links
    s = _MD_AUTOLINK.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], s)  # no bare-URL or e-mail links
    lines = []
    for line in s.split("\n"):
        if keep_bullets and line.startswith("- "):
            lines.append("- " + _line_start(line[2:]))
        else:
            lines.append(_line_start(line))
    return "\n".join(lines)


def _safe_url(url: str) -> str | None:
    return url if url.startswith(("https://", "http://")) else None


# ----------------------------------------------------------------------------------- rendering


def _spans(text: str, quotes: list[str]) -> list[tuple[int, int]]:
    """Where each quote sits in the text (exact, else ignoring whitespace differences), merged."""
    spans = []
    for q in quotes:
        if not q:
            continue
        i = text.find(q)
        if i >= 0:
            spans.append((i, i + len(q)))
            continue
        words = q.split()
        m = re.search(r"\s+".join(map(re.escape, words)), text) if words else None
        if m:
            spans.append(m.span())
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def highlight(text: str, quotes: list[str], lang: str = "en") -> str:
    """The text escaped, with each quote wrapped in <mark>; quotes not found are shown marked below it."""
    spans = _spans(text, quotes)
    out, pos = [], 0
    for a, b in spans:
        out += [esc(text[pos:a]), "<mark>", esc(text[a:b]), "</mark>"]
        pos = b
    out.append(esc(text[pos:]))
    body = f'<div class="kaia-text">{"".join(out)}</div>'
    missing = [q for q in quotes if q and not _spans(text, [q])]
    for q in missing:
        body += f'<p class="kaia-quote">{esc(t("src_quoted", lang))} <mark>{esc(q)}</mark></p>'
    return body


def _status_of(store: IndexStore, u: Unit, lang: str = "en") -> str:
    """What a unit's wording is: official text, a translation (which), commentary or a user document."""
    doc = store.docs[u.doc]
    sf = next((f for f in doc.files if f.file == u.source_file), None)
    if sf and sf.official:
        return t("src_official", lang)
    return (sf.version_note if sf and sf.version_note else "") or doc.authority


def in_force(start: str | None, end: str | None, lang: str = "en") -> str:
    """"in force 2026-01-22 → now" / "시행 2026년 1월 22일 → 현재"."""
    return t("src_in_force", lang, start=fmt_date(start, lang) or t("src_unknown_date", lang),
             end=fmt_date(end, lang) or t("src_now", lang))


def _column(store: IndexStore, u: Unit, quotes: list[str], heading: str, lang: str = "en") -> str:
    bits = [u.version]
    if u.effective_from or u.effective_to:
        bits.append(in_force(u.effective_from, u.effective_to, lang))
    if u.page:
        bits.append(t("src_page", lang, page=u.page))
    bits.append(_status_of(store, u, lang))
    lang = f' lang="{esc(u.lang)}"' if u.lang else ""
    return (f'<div class="kaia-col"{lang}><h4>{esc(heading)}</h4>'
            f'<div class="kaia-meta">{" · ".join(esc(b) for b in bits if b)}</div>'
            f"{highlight(u.text, quotes, lang)}</div>")


def _card(store: IndexStore, cites: list[Any], as_of: str, open_: bool, lang: str = "en") -> str:
    """One cited provision: labels, authority, version and dates, law.go.kr link, English and Korean texts.
    In the Korean interface the Korean label and text lead, and the English translation is one click away."""
    c = cites[0]
    doc = store.docs.get(c.doc)
    main = store.units.get(c.uid)
    label = c.label_ko if lang == "ko" and c.label_ko else c.label
    if doc is None or main is None:  # the index changed under the answer; show what the answer itself carries
        return (f'<details class="kaia-src" open><summary>[{c.n}] {esc(label)}</summary>'
                f'<p class="kaia-quote"><mark>{esc(c.quote)}</mark></p></details>')
    if main.lang == "ko":
        ko, en = main, store.twin(main, "en", as_of)
        ko_quotes, en_quotes = [x.quote for x in cites], []
    else:
        en = main
        ko = store.units.get(c.uid_ko) if c.uid_ko else store.twin(main, "ko", as_of)
        en_quotes, ko_quotes = [x.quote for x in cites], [x.quote_ko for x in cites if x.quote_ko]
    en_col = ko_col = ""
    if en is not None:
        en_col = _column(store, en, en_quotes, t("src_english" if doc.kind in LAW_KINDS else "src_text", lang), lang)
    if ko is not None:
        ko_col = _column(store, ko, ko_quotes, t("src_korean", lang), lang)
    if lang == "ko" and ko_col and en_col:
        # The Korean text controls; its English twin (and English label) stays one click away.
        en_col = (f'<details class="kaia-twin" lang="en"><summary>{esc(t("src_english_twin", lang, label=c.label))}'
                  f"</summary>{en_col}</details>")
        cols = [ko_col, en_col]
    else:
        cols = [x for x in (en_col, ko_col) if x]
    twin = lang == "ko" and bool(ko_col and en_col)
    ns = "".join(f'<span class="kaia-n">[{x.n}]</span>' for x in cites)
    other = c.label if lang == "ko" else c.label_ko
    second = f" · {esc(other)}" if other and other != label and not twin else ""
    kind = doc.kind if doc.kind in KIND_LABELS_EN else "user"
    kinds = (KIND_LABELS_EN[kind], KIND_LABELS_KO[kind])
    if lang == "ko":
        kinds = kinds[::-1]
    badge = f'<span class="kaia-kind kaia-kind-{esc(kind)}">{esc(kinds[0])} · {esc(kinds[1])}</span>'
    url = _safe_url(c.url or main.url or doc.url)
    link = (f' · <a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(url)}</a>' if url else "")
    warn = ""
    if kind in ("commentary", "user"):
        warn = f'<div class="kaia-warn">{esc(t("src_not_law", lang))}</div>'
    elif kind == "guideline":
        warn = f'<div class="kaia-warn">{esc(t("src_guideline", lang))}</div>'
    elif kind == "draft":
        warn = f'<div class="kaia-warn">{esc(t("src_draft", lang))}</div>'
    if getattr(c, "change_note", ""):
        warn += f'<div class="kaia-change">{esc(c.change_note[0].upper() + c.change_note[1:])}.</div>'
    if not all(x.verified for x in cites):
        warn += f'<div class="kaia-warn">{esc(t("src_unverified", lang))}</div>'
    authority = ((doc.authority_ko or KIND_LABELS_KO[kind]) if lang == "ko"
                 else (doc.authority or KIND_LABELS_EN[kind]))
    return (f'<details class="kaia-src" id="kaia-src-{c.n}"{" open" if open_ else ""}>'
            f"<summary>{ns}{esc(label)}{second}{badge}</summary>"
            f'<div class="kaia-meta">{esc(t("src_authority", lang, authority=authority))}{link}</div>'
            f'{warn}<div class="kaia-cols">{"".join(cols)}</div></details>')


def _mode(mode: str, lang: str) -> str:
    """An answer mode's name in the interface language ("extractive" / "발췌(조문 인용)")."""
    return t(f"mode_{mode}", lang) if mode in ("extractive", "llm") else mode


def sources_html(store: IndexStore, ans: Any, lang: str = "en") -> str:
    """The sources panel in the interface language `lang`: each cited provision in full with the quoted words
    marked, or the abstention callout."""
    head = t("src_head", lang, question=ans.question, date=fmt_date(ans.as_of, lang), mode=_mode(ans.mode, lang))
    head = f'<p class="kaia-head">{esc(head)}</p>'
    if ans.abstained:
        related = []
        for s, lab in zip(ans.sources, ans.related):
            units = store.find(s.cid, lang=ans.lang, as_of=ans.as_of) or store.find(s.cid, as_of=ans.as_of)
            text = f'<div class="kaia-text">{esc(units[0].text)}</div>' if units else ""
            related.append(f'<details class="kaia-src kaia-related"><summary>{esc(lab)}</summary>{text}</details>')
        rel = (f"<h4>{esc(t('related_heading', lang))}</h4>" + "".join(related)) if related else ""
        # The callout says what it is in words and with a sign, never by its colour alone.
        return (f'{head}<div class="kaia-abstain" role="note"><h3>⚠ {esc(decline_title(ans, lang))}</h3>'
                f"<p>{esc(ans.answer)}</p></div>{rel}")
    groups: dict[str, list[Any]] = {}
    for c in ans.citations:
        groups.setdefault(c.uid or f"#{c.n}", []).append(c)
    cards = [_card(store, cs, ans.as_of, open_=i == 0, lang=lang) for i, cs in enumerate(groups.values())]
    return head + verdict_html(ans, lang) + "".join(cards)


def decline_title(ans: Any, lang: str = "en") -> str:
    """The heading of a declined answer: not about the law at all, or not in the corpus."""
    reason = getattr(ans, "reason", "")
    return t("declined_off_topic" if reason in ("off-topic", "advice") else "declined_not_found", lang)


# The verdict a yes/no answer leads with, named in words (never by colour alone). The signs are in the fonts the
# page asks for (DejaVu, Noto), so they never show as empty boxes.
VERDICTS = {"yes": "✓", "no": "✗", "depends": "⚖"}


def verdict_label(verdict: str | None, lang: str) -> str:
    """"✓ Yes" / "✓ 예" (empty for an answer without a verdict)."""
    if verdict not in VERDICTS:
        return ""
    return f"{VERDICTS[verdict]} {t(f'verdict_{verdict}', lang)}"


def verdict_html(ans: Any, lang: str | None = None) -> str:
    """The verdict callout of the sources panel in the interface language (the answer's by default; empty for
    answers without one)."""
    verdict = getattr(ans, "verdict", None)
    if verdict not in VERDICTS or ans.abstained:
        return ""
    lang = lang or ans.lang
    first = ans.answer.split("\n", 1)[0]
    return (f'<div class="kaia-verdict kaia-verdict-{esc(verdict)}" role="status">'
            f'<h3>{esc(t("verdict_title", lang))}: {esc(verdict_label(verdict, lang))}</h3><p>{esc(first)}</p></div>')


def chat_text(ans: Any, lang: str = "en") -> str:
    """The assistant's chat message: the verdict on its own line, the answer with its [n] markers, notes in
    italics; abstentions marked (with a heading in the interface language `lang`)."""
    if ans.abstained:
        return f"**⚠️ {decline_title(ans, lang)}**\n\n> " + md_text(ans.answer).replace("\n", "\n> ")
    lines = []
    verdict = getattr(ans, "verdict", None)
    if verdict in VERDICTS:
        lines += [f"### {verdict_label(verdict, ans.lang)}", ""]
    raw = ans.answer.split("\n")
    if len(raw) > 1 and raw[1].startswith("- ") and not raw[0].startswith("- ") and verdict not in VERDICTS:
        raw[0] = "- " + raw[0]  # the first quoted provision is one of the list, not a heading
    if verdict in VERDICTS and "" in raw:
        # The lead ends at the first blank line; the quoted provisions follow under their own heading.
        cut = raw.index("")
        raw = raw[:cut] + ["", t("chat_provisions", ans.lang), ""] + raw[cut + 1:]
    for line in raw:
        if line.startswith("(") and line.endswith(")"):
            lines.append(f"*{md_text(line)}*")
        elif line in (t("chat_provisions", "ko"), t("chat_provisions", "en")):
            lines.append(line)
        else:
            lines.append(md_text(line, keep_bullets=True))
    return "\n".join(lines)


def answer_markdown(record: dict[str, Any], lang: str = "en") -> str:
    """A Markdown file of one answer, headings in the interface language `lang`: question, answer, and each
    citation with version, link, quote and Korean."""
    out = [t("md_title", lang), "", t("md_question", lang, question=record["question"]), "",
           t("md_meta", lang, date=fmt_date(record["as_of"], lang), lang=record["lang"], mode=record["mode"]), "",
           t("md_answer", lang), ""]
    if record.get("verdict") in VERDICTS:
        out += [f"**{t('verdict_title', lang)}: {verdict_label(record['verdict'], lang)}**", ""]
    out += [record["answer"], ""]
    if record["abstained"]:
        out += [t("md_not_found", lang, related="; ".join(record["related"])), ""]
    if record["citations"]:
        out += [t("md_citations", lang), ""]
    for c in record["citations"]:
        first, second = c["label"], c.get("label_ko")
        if lang == "ko":
            first, second = second or first, first
        title = first + (f" / {second}" if second and second != first else "")
        dates = in_force(c.get("effective_from"), c.get("effective_to"), lang)
        out += [f"### [{c['n']}] {title}", "", t("md_version", lang, version=c["version"], dates=dates)]
        if c.get("page"):
            out.append(t("md_page", lang, page=c["page"]))
        if c.get("url"):
            out.append(t("md_link", lang, url=c["url"]))
        out += ["", "> " + c["quote"].replace("\n", "\n> "), ""]
        ko = c.get("quote_ko") or c.get("korean_text")
        if c.get("lang") == "ko":
            out += [t("md_korean_is_quote", lang), ""]
        elif ko:
            out += [t("md_korean_original", lang), "", "> " + ko.replace("\n", "\n> "), ""]
    out.append(t("md_footer", lang, when=datetime.now().isoformat(timespec="seconds")))
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------ "Check a document"

# Green, amber, red — and the status word beside each mark, so colour is never the only signal.
FINDING_COLOURS = {"ok": "#2e7d32", "not-in-force": "#f9a825", "title-mismatch": "#f9a825",
                   "not-found": "#c62828", "quote-differs": "#c62828", "figure-mismatch": "#c62828"}


def marked_text(text: str, findings: list[Any]) -> list[tuple[str, str | None]]:
    """The document as (segment, status) pairs for gr.HighlightedText: each reference marked with its status."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < pos:
            continue
        if f.start > pos:
            out.append((text[pos:f.start], None))
        out.append((text[f.start:f.end], f.status))
        pos = f.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def findings_html(findings: list[Any], lang: str = "en") -> str:
    """Each reference that is not ok, with the law's wording beside it (escaped: the document is the user's)."""
    bad = [f for f in findings if f.status != "ok"]
    if not findings:
        return f"<p class='kaia-head'>{esc(t('findings_none', lang))}</p>"
    if not bad:
        return f"<p class='kaia-head'>{esc(t('findings_all_ok', lang, n=len(findings)))}</p>"
    rows = []
    for f in bad:
        colour = FINDING_COLOURS.get(f.status, "#c62828")
        law = (f"<details><summary>{esc(t('finding_law', lang))}</summary><p>{esc(f.law_text)}</p></details>"
               if f.law_text else "")
        rows.append(f"<div class='kaia-finding' style='border-left:4px solid {colour};padding-left:.6em;margin:.6em 0'>"
                    f"<b>{esc(t('finding_line', lang, line=f.line))}: {esc(f.text)}</b> → {esc(f.label or f.cid)} "
                    f"<span class='kaia-finding-status'>[{esc(finding_status(f.status, lang))}]</span><br>"
                    f"{esc(f.detail_in(lang))}{law}</div>")
    return "".join(rows)


def finding_status(status: str, lang: str = "en") -> str:
    """A citation check's status as the interface names it ("not-found" / "없는 조항")."""
    key = f"finding_status_{status}"
    return t(key, lang) if key in tables()["en"] else status


def verify_markdown(report: Any, name: str, lang: str = "en") -> str:
    """The "Check a document" report for download, in the interface language: a table of findings, then the law's
    wording of each one not ok."""
    summary = verify_summary(report, lang)
    lines = [t("verify_md_title", lang, name=name), "", summary, "", t("verify_md_header", lang), "|---|---|---|---|---|"]
    for f in report.findings:
        cells = [str(f.line), f.text, f.label or f.cid, finding_status(f.status, lang), f.detail_in(lang)]
        lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    bad = [f for f in report.findings if f.status != "ok" and f.law_text]
    if bad:
        lines += ["", t("verify_md_law", lang)]
        for f in bad:
            lines += ["", t("verify_md_item", lang, line=f.line, label=f.label, status=finding_status(f.status, lang)),
                      "", "> " + f.law_text.replace("\n", "\n> ")]
    return "\n".join(lines) + "\n"


def verify_summary(report: Any, lang: str = "en") -> str:
    """The citation check's one-line summary in the interface language (in English, `kaia verify`'s own)."""
    from assistant.citecheck import summary

    if lang != "ko":
        return summary(report)
    counts = ", ".join(f"{n} {finding_status(s, lang)}" for s, n in report.counts.items() if n)
    key = f"verify_source_{report.as_of_source}"
    return t("verify_summary", lang, date=fmt_date(report.as_of, lang), n=len(report.findings),
             source=t(key, lang) if key in tables()["en"] else report.as_of_source,
             counts=f": {counts}" if counts else "")


def _runs(words: list[tuple[str, str]], html: bool, context: int = 8) -> str:
    """A word diff as text ([-old-]{+new+}) or HTML (<del>/<ins>), long unchanged runs shortened."""
    out = []
    for i, (op, text) in enumerate(words):
        if op == "=":
            w = text.split()
            if len(w) > 2 * context:
                head = " ".join(w[:context]) if i > 0 else ""
                tail = " ".join(w[-context:]) if i < len(words) - 1 else ""
                text = " … ".join(x for x in (head, tail) if x) if (head or tail) else "…"
                if i == 0:
                    text = "… " + text
                elif i == len(words) - 1:
                    text = text + " …"
            out.append(esc(text) if html else text)
        elif op == "-":
            out.append(f"<del>{esc(text)}</del>" if html else f"[-{text}-]")
        else:
            out.append(f"<ins>{esc(text)}</ins>" if html else f"{{+{text}+}}")
    return " ".join(out)


def _change_head(c: Any, lang: str, page: bool = False) -> str:
    """A change's heading line; on the page (`page`) its date is written the interface language's way, in a
    terminal it stays ISO (tools read `kaia diff`)."""
    name = c.label_ko if lang == "ko" else c.label_en
    day = fmt_date(c.took_effect, lang) if page else c.took_effect
    bits = [t(f"change_{c.kind}", lang), t("change_in_force", lang, date=day) if c.took_effect else "",
            c.instrument]
    return f"{name} — " + " · ".join(b for b in bits if b)


def changes_text(ch: Any, lang: str = "en") -> str:
    """`kaia diff` for a terminal."""
    head = f"{ch.target}: {ch.date_from} → {ch.date_to}, " + t("changes_count", lang, n=len(ch.changes),
                                                               a=len(ch.articles))
    out = [head]
    if not ch.changes:
        out.append(t("changes_none", lang))
    for c in ch.changes:
        out += ["", _change_head(c, lang)]
        if c.note:
            out.append(f"  ({c.note})")
        if c.words:
            out.append("  ko: " + _runs(c.words, html=False))
            if c.words_en:
                out.append("  en: " + _runs(c.words_en, html=False))
        elif c.new is not None:
            out.append("  + " + " ".join(c.new.text.split()))
        elif c.old is not None:
            out.append("  - " + " ".join(c.old.text.split()))
    return "\n".join(out)


def changes_markdown(ch: Any, lang: str = "en") -> str:
    """The "What changed" view and its export: each change with its word diff (<del>/<ins>)."""
    out = [t("changes_title", lang, target=ch.target, start=fmt_date(ch.date_from, lang),
             end=fmt_date(ch.date_to, lang)), ""]
    if not ch.changes:
        out.append(t("changes_none", lang))
    for c in ch.changes:
        out.append(f"**{esc(_change_head(c, lang, page=True))}**")
        out.append("")
        if c.note:
            out += [f"*{esc(c.note)}*", ""]
        if c.words:
            out += [f"> {_runs(c.words, html=True)}", ""]
            if c.words_en:
                out += [f"> {_runs(c.words_en, html=True)}", ""]
        elif c.new is not None:
            out += [f"> <ins>{esc(' '.join(c.new.text.split()))}</ins>", ""]
        elif c.old is not None:
            out += [f"> <del>{esc(' '.join(c.old.text.split()))}</del>", ""]
    return "\n".join(out).rstrip() + "\n"


# ------------------------------------------------------------------------------------ versions of the law


def _number(version: str) -> str:
    """'Act No. 21311' → '21311' (a version's promulgation number), else the version as it is."""
    m = re.search(r"No\.\s*(\d{4}-\d+|\d+)", version)
    return m.group(1) if m else version


def versions_md(rows: list[Any], lang: str = "en") -> str:
    """One line for the chat page, in the interface language: the version of each law text answers come from
    today, when the law.go.kr Open API was last checked for newer ones, and a warning where that check listed a
    newer version that is not indexed yet. `rows` are ingest.sync.DocStatus records (`kaia sources status`)."""
    if not rows:
        return ""
    ko = lang == "ko"
    parts, checked, newer = [], [], []
    for r in (r for r in rows if r.on_api):  # the law texts (guidance and commentary have no versions to check)
        texts = [x for x in r.in_force if x.lang == "ko"] or r.in_force
        title = r.title_ko if ko else r.title
        if texts:
            v = texts[0].version
            number = t("versions_number", lang, number=_number(v)) if ko else v
            parts.append(title if number in title else t("versions_doc", lang, doc=title, version=number))
        checked.append(r.checked[:10] if r.checked else "")
        for k in r.newer:
            newer.append(t("versions_newer_item", lang, doc=title, number=k.number,
                           date=fmt_date(k.effective, lang)))
    line = t("versions_today", lang, docs=" · ".join(parts))
    dates = [c for c in checked if c]
    line += " " + (t("versions_checked", lang, date=fmt_date(min(dates), lang)) if dates
                   else t("versions_never", lang))
    if newer:
        line += " " + t("versions_newer", lang, items="; ".join(newer))
    return md_text(line)
