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


def highlight(text: str, quotes: list[str]) -> str:
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
        body += f'<p class="kaia-quote">Quoted: <mark>{esc(q)}</mark></p>'
    return body


def _status_of(store: IndexStore, u: Unit) -> str:
    """What a unit's wording is: official text, a translation (which), commentary or a user document."""
    doc = store.docs[u.doc]
    sf = next((f for f in doc.files if f.file == u.source_file), None)
    if sf and sf.official:
        return "official text"
    return (sf.version_note if sf and sf.version_note else "") or doc.authority


def _column(store: IndexStore, u: Unit, quotes: list[str], heading: str) -> str:
    bits = [u.version]
    if u.effective_from or u.effective_to:
        bits.append(f"in force {u.effective_from or '?'} → {u.effective_to or 'now'}")
    if u.page:
        bits.append(f"p. {u.page}")
    bits.append(_status_of(store, u))
    lang = f' lang="{esc(u.lang)}"' if u.lang else ""
    return (f'<div class="kaia-col"{lang}><h4>{esc(heading)}</h4>'
            f'<div class="kaia-meta">{" · ".join(esc(b) for b in bits if b)}</div>'
            f"{highlight(u.text, quotes)}</div>")


def _card(store: IndexStore, cites: list[Any], as_of: str, open_: bool) -> str:
    """One cited provision: labels, authority, version and dates, law.go.kr link, English and Korean texts."""
    c = cites[0]
    doc = store.docs.get(c.doc)
    main = store.units.get(c.uid)
    if doc is None or main is None:  # the index changed under the answer; show what the answer itself carries
        return (f'<details class="kaia-src" open><summary>[{c.n}] {esc(c.label)}</summary>'
                f'<p class="kaia-quote"><mark>{esc(c.quote)}</mark></p></details>')
    if main.lang == "ko":
        ko, en = main, store.twin(main, "en", as_of)
        ko_quotes, en_quotes = [x.quote for x in cites], []
    else:
        en = main
        ko = store.units.get(c.uid_ko) if c.uid_ko else store.twin(main, "ko", as_of)
        en_quotes, ko_quotes = [x.quote for x in cites], [x.quote_ko for x in cites if x.quote_ko]
    cols = []
    if en is not None:
        cols.append(_column(store, en, en_quotes, "English" if doc.kind in LAW_KINDS else "Text"))
    if ko is not None:
        cols.append(_column(store, ko, ko_quotes, "한국어 (Korean)"))
    ns = "".join(f'<span class="kaia-n">[{x.n}]</span>' for x in cites)
    label_ko = f" · {esc(c.label_ko)}" if c.label_ko and c.label_ko != c.label else ""
    kind = doc.kind if doc.kind in KIND_LABELS_EN else "user"
    badge = f'<span class="kaia-kind kaia-kind-{esc(kind)}">{esc(KIND_LABELS_EN[kind])} · {esc(KIND_LABELS_KO[kind])}</span>'
    url = _safe_url(c.url or main.url or doc.url)
    link = (f' · <a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(url)}</a>' if url else "")
    warn = ""
    if kind in ("commentary", "user"):
        warn = '<div class="kaia-warn">Not law: quoted for context only.</div>'
    elif kind == "guideline":
        warn = ('<div class="kaia-warn">MSIT guidance, not law: it explains how the ministry reads the provision '
                'beside it and does not bind. Available in Korean only. 가이드라인은 법령이 아닙니다.</div>')
    elif kind == "draft":
        warn = ('<div class="kaia-warn">A draft that never had legal effect (superseded by Presidential Decree '
                'No. 36053). 시행된 적 없는 초안입니다.</div>')
    if getattr(c, "change_note", ""):
        warn += f'<div class="kaia-change">{esc(c.change_note[0].upper() + c.change_note[1:])}.</div>'
    if not all(x.verified for x in cites):
        warn += '<div class="kaia-warn">Not every quote could be verified against the text.</div>'
    return (f'<details class="kaia-src" id="kaia-src-{c.n}"{" open" if open_ else ""}>'
            f"<summary>{ns}{esc(c.label)}{label_ko}{badge}</summary>"
            f'<div class="kaia-meta">Authority: {esc(doc.authority or KIND_LABELS_EN[kind])}{link}</div>'
            f'{warn}<div class="kaia-cols">{"".join(cols)}</div></details>')


def sources_html(store: IndexStore, ans: Any) -> str:
    """The sources panel: each cited provision in full with the quoted words marked, or the abstention callout."""
    head = (f'<p class="kaia-head">Question: “{esc(ans.question)}” · law as of {esc(ans.as_of)} · '
            f"{esc(ans.mode)} answer</p>")
    if ans.abstained:
        related = []
        for s, lab in zip(ans.sources, ans.related):
            units = store.find(s.cid, lang=ans.lang, as_of=ans.as_of) or store.find(s.cid, as_of=ans.as_of)
            text = f'<div class="kaia-text">{esc(units[0].text)}</div>' if units else ""
            related.append(f'<details class="kaia-src kaia-related"><summary>{esc(lab)}</summary>{text}</details>')
        rel = ("<h4>Related provisions (not an answer)</h4>" + "".join(related)) if related else ""
        return (f'{head}<div class="kaia-abstain" role="note"><h3>{esc(decline_title(ans))}</h3>'
                f"<p>{esc(ans.answer)}</p></div>{rel}")
    groups: dict[str, list[Any]] = {}
    for c in ans.citations:
        groups.setdefault(c.uid or f"#{c.n}", []).append(c)
    cards = [_card(store, cs, ans.as_of, open_=i == 0) for i, cs in enumerate(groups.values())]
    return head + verdict_html(ans) + "".join(cards)


def decline_title(ans: Any) -> str:
    """The heading of a declined answer: not about the law at all, or not in the corpus."""
    reason = getattr(ans, "reason", "")
    return "Not a question about the AI Basic Act" if reason in ("off-topic", "advice") else "Not found in the corpus"


# The verdict a yes/no answer leads with, named in words (never by colour alone) in the answer's language.
# The signs are in the fonts the page asks for (DejaVu, Noto), so they never show as empty boxes.
VERDICTS = {"yes": ("✓", "Yes", "예"), "no": ("✗", "No", "아니요"), "depends": ("⚖", "It depends", "경우에 따라 다릅니다")}


def verdict_label(verdict: str | None, lang: str) -> str:
    if verdict not in VERDICTS:
        return ""
    icon, en, ko = VERDICTS[verdict]
    return f"{icon} {ko if lang == 'ko' else en}"


def verdict_html(ans: Any) -> str:
    """The verdict callout of the sources panel (empty for answers without one)."""
    verdict = getattr(ans, "verdict", None)
    if verdict not in VERDICTS or ans.abstained:
        return ""
    title = "결론" if ans.lang == "ko" else "Verdict"
    first = ans.answer.split("\n", 1)[0]
    return (f'<div class="kaia-verdict kaia-verdict-{esc(verdict)}" role="status">'
            f'<h3>{esc(title)}: {esc(verdict_label(verdict, ans.lang))}</h3><p>{esc(first)}</p></div>')


def chat_text(ans: Any) -> str:
    """The assistant's chat message: the verdict on its own line, the answer with its [n] markers, notes in
    italics; abstentions marked."""
    if ans.abstained:
        return f"**⚠️ {decline_title(ans)}**\n\n> " + md_text(ans.answer).replace("\n", "\n> ")
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
        raw = raw[:cut] + ["", "**근거 조항**" if ans.lang == "ko" else "**The provisions**", ""] + raw[cut + 1:]
    for line in raw:
        if line.startswith("(") and line.endswith(")"):
            lines.append(f"*{md_text(line)}*")
        elif line in ("**근거 조항**", "**The provisions**"):
            lines.append(line)
        else:
            lines.append(md_text(line, keep_bullets=True))
    return "\n".join(lines)


def answer_markdown(record: dict[str, Any]) -> str:
    """A Markdown file of one answer: question, answer, and each citation with version, link, quote and Korean."""
    out = ["# kaia answer", "", f"**Question:** {record['question']}", "",
           f"**Law as of:** {record['as_of']} · **Language:** {record['lang']} · **Mode:** {record['mode']}", "",
           "## Answer", ""]
    if record.get("verdict") in VERDICTS:
        out += [f"**{'결론' if record['lang'] == 'ko' else 'Verdict'}: {verdict_label(record['verdict'], record['lang'])}**",
                ""]
    out += [record["answer"], ""]
    if record["abstained"]:
        out += ["*Not found in the corpus.* Related provisions (not an answer): " + "; ".join(record["related"]), ""]
    if record["citations"]:
        out += ["## Citations", ""]
    for c in record["citations"]:
        title = c["label"] + (f" / {c['label_ko']}" if c.get("label_ko") and c["label_ko"] != c["label"] else "")
        dates = f"in force {c.get('effective_from') or '?'} → {c.get('effective_to') or 'now'}"
        out += [f"### [{c['n']}] {title}", "", f"- Version: {c['version']} ({dates})"]
        if c.get("page"):
            out.append(f"- Page: {c['page']}")
        if c.get("url"):
            out.append(f"- Link: <{c['url']}>")
        out += ["", "> " + c["quote"].replace("\n", "\n> "), ""]
        ko = c.get("quote_ko") or c.get("korean_text")
        if c.get("lang") == "ko":
            out += ["Korean original: the quote above.", ""]
        elif ko:
            out += ["Korean original (원문):", "", "> " + ko.replace("\n", "\n> "), ""]
    out.append(f"_Exported from kaia on {datetime.now().isoformat(timespec='seconds')}. The Korean text controls; "
               "English translations have no legal effect._")
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


def findings_html(findings: list[Any]) -> str:
    """Each reference that is not ok, with the law's wording beside it (escaped: the document is the user's)."""
    bad = [f for f in findings if f.status != "ok"]
    if not findings:
        return "<p class='kaia-head'>No reference to the AI Basic Act, its Enforcement Decree or MSIT Notice 2026-50 " \
               "was found.</p>"
    if not bad:
        return f"<p class='kaia-head'>All {len(findings)} references check out against the law in force.</p>"
    rows = []
    for f in bad:
        colour = FINDING_COLOURS.get(f.status, "#c62828")
        law = f"<details><summary>The law's wording</summary><p>{esc(f.law_text)}</p></details>" if f.law_text else ""
        rows.append(f"<div class='kaia-finding' style='border-left:4px solid {colour};padding-left:.6em;margin:.6em 0'>"
                    f"<b>Line {f.line}: {esc(f.text)}</b> → {esc(f.label or f.cid)} "
                    f"<span class='kaia-finding-status'>[{esc(f.status)}]</span><br>{esc(f.detail)}{law}</div>")
    return "".join(rows)


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


_KIND_KO = {"added": "신설", "removed": "삭제", "changed": "개정"}


def _change_head(c: Any, lang: str) -> str:
    name = c.label_ko if lang == "ko" else c.label_en
    if lang == "ko":
        bits = [f"{_KIND_KO[c.kind]}", f"{c.took_effect} 시행" if c.took_effect else "", c.instrument]
    else:
        bits = [c.kind, f"in force from {c.took_effect}" if c.took_effect else "", c.instrument]
    return f"{name} — " + " · ".join(b for b in bits if b)


def changes_text(ch: Any, lang: str = "en") -> str:
    """`kaia diff` for a terminal."""
    head = (f"{ch.target}: {ch.date_from} → {ch.date_to}, " +
            (f"변경 {len(ch.changes)}건 ({len(ch.articles)}개 조·별표·부칙)" if lang == "ko" else
             f"{len(ch.changes)} change(s) in {len(ch.articles)} article(s), annex(es) or addenda"))
    out = [head]
    if not ch.changes:
        out.append("두 날짜 사이에 바뀐 조항이 없습니다." if lang == "ko" else "Nothing changed between the two dates.")
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
    title = (f"### {ch.target}: {ch.date_from} → {ch.date_to} 변경 사항" if lang == "ko" else
             f"### What changed in {ch.target} from {ch.date_from} to {ch.date_to}")
    out = [title, ""]
    if not ch.changes:
        out.append("두 날짜 사이에 바뀐 조항이 없습니다." if lang == "ko" else "Nothing changed between the two dates.")
    for c in ch.changes:
        out.append(f"**{esc(_change_head(c, lang))}**")
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


def _number_ko(version: str) -> str:
    """'Act No. 21311' → '제21311호' (the Korean form of a promulgation number)."""
    m = re.search(r"No\.\s*(\d{4}-\d+|\d+)", version)
    return f"제{m.group(1)}호" if m else version


def versions_md(rows: list[Any], lang: str = "en") -> str:
    """One line for the chat page, in English or Korean: the version of each law text answers come from today,
    when the law.go.kr Open API was last checked for newer ones, and a warning where that check listed a newer
    version that is not indexed yet. `rows` are ingest.sync.DocStatus records (`kaia sources status`)."""
    if not rows:
        return ""
    ko = lang == "ko"
    parts, checked, newer = [], [], []
    for r in (r for r in rows if r.on_api):  # the law texts (guidance and commentary have no versions to check)
        texts = [t for t in r.in_force if t.lang == "ko"] or r.in_force
        if texts:
            v = texts[0].version
            if ko:
                parts.append(r.title_ko if _number_ko(v) in r.title_ko else f"{r.title_ko} {_number_ko(v)}")
            else:
                parts.append(r.title if v in r.title else f"{r.title} ({v})")
        if r.on_api:
            checked.append(r.checked[:10] if r.checked else "")
        for k in r.newer:
            label = r.title_ko if ko else r.title
            newer.append(f"{label} {_number_ko('No. ' + k.number)}, {k.effective} 시행" if ko else
                         f"{label} No. {k.number}, in force {k.effective}")
    if ko:
        line = "오늘 시행 중인 법령(색인 기준): " + " · ".join(parts) + ". "
        if not checked or not any(checked):
            line += "law.go.kr에서 새 버전을 확인한 적이 없습니다."
        else:
            line += f"law.go.kr 최종 확인: {min(c for c in checked if c)}."
        if newer:
            line += " ⚠ 아직 반영되지 않은 새 버전이 있습니다: " + "; ".join(newer) + "."
    else:
        line = "Law in force today, as indexed: " + " · ".join(parts) + ". "
        if not checked or not any(checked):
            line += "Never checked against law.go.kr for newer versions."
        else:
            line += f"Last checked against law.go.kr: {min(c for c in checked if c)}."
        if newer:
            line += " ⚠ A newer version is known but not indexed yet: " + "; ".join(newer) + "."
    return md_text(line)
