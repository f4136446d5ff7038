"""Checking the citations of a document someone else wrote (`kaia verify`): every reference to the Act, the Decree
or the Notice is looked up in the wording in force on the document's date and compared with what the text says of it
(its quotation, its figures, its title)."""
from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from corpus.citations import OTHER_STATUTE, Citation, Reference, find_references
from corpus.knowledge import knowledge, one_of
from corpus.labels import ko_date, label
from corpus.model import Unit, split_cid
from corpus.numbers import date_spans, figures
from corpus.script import has_korean
from ingest.passages import guess_lang
from ingest.store import IndexStore

from assistant.verify import split_sentences

# In order of seriousness: a reference with several faults reports the first, and names the others in its detail.
STATUSES = ("not-found", "not-in-force", "title-mismatch", "quote-differs", "figure-mismatch", "ok")
# Curly quotation marks may run over several lines (a quoted paragraph with its items); straight ones may not.
# A curly quotation may hold one of its own ("(이하 “법”) 제35조에 따라 …"): the inner pair does not end the outer one.
_QUOTE = re.compile(r"“(?P<a>(?:[^“”]|“[^“”]{0,200}”){8,4000})”|\"(?P<b>[^\"\n]{8,2000})\"|‘(?P<c>[^’\n]{8,2000})’|『(?P<d>[^』]{8,4000})』")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\)|\(중략\)|중략)\s*")
_WORD = re.compile(r"[0-9A-Za-z가-힣]+")
_WORDS = knowledge().phrasing.document
_DOC_DATE = re.compile(rf"^\s*(?:#+\s*)?(?:\*\*)?(?:{one_of(_WORDS.date_label)})\s*(?:\*\*)?\s*[:：]?", re.I)
# Numbers that name things rather than state figures: instruments ("No. 36053", "제36053호", "Notice 2026-50").
_NAMES = re.compile(r"(?:passage|pp?\.|page|단락|쪽)\s*\d{1,4}|\d{1,4}\s*(?:번째\s*단락|쪽)|(?:No\.|Nos\.|제)\s*\d{4,5}(?:-\d{1,3})?\s*호?|(?<!\d)\d{4}-\d{2,3}(?![\d-])|(?<!\d)(?:19|20)\d{2}(?!\d)(?!\s*(?:원|won|KRW))")
_LIST_MARK = re.compile(r"^\s*(?:[-*•#>]+\s*)*(?:\(?\d{1,2}[.)]|[①-⑳]|[가-하][.)]|[a-n][.)])\s+")
_URL = re.compile(r"https?://\S+")
_MARKER = re.compile(r"\[\d{1,3}\]")
_COMMENCEMENT = re.compile(one_of(_WORDS.commencement), re.I)
_ABSENCE = re.compile(one_of(_WORDS.absence), re.I)
_AFTER_QUOTE = re.compile(r"(?<=[.!?。][\"”’])\s+")
# A sentence with no quotation marks that repeats a provision this closely is read as quoting it.
CLOSE_RATIO = 0.85
CLOSE_MIN_WORDS = 8
_DATE_FIELDS = ("day", "start", "end")


@dataclass(frozen=True)
class Phrase:
    """A finding's words: a template of corpus/phrasing.toml [finding] and its fields (a field may be a Phrase)."""

    key: str
    fields: tuple[tuple[str, object], ...] = ()


def _p(key: str, **fields: object) -> Phrase:
    return Phrase(key, tuple(fields.items()))


def say(phrases: tuple[Phrase, ...] | list[Phrase], lang: str = "en") -> str:
    """Phrases in English or Korean, joined by "; " (dates the language's way)."""
    table = knowledge().phrasing.finding

    def one(p: Phrase) -> str:
        vals = {k: one(v) if isinstance(v, Phrase) else
                (ko_date(str(v)) if lang == "ko" and k in _DATE_FIELDS else v) for k, v in p.fields}
        return getattr(table[p.key], "ko" if lang == "ko" else "en").format(**vals)

    return "; ".join(one(p) for p in phrases)


@dataclass
class Finding:
    """What one reference of the document says, and whether the law in force bears it out. `detail` is in English;
    `detail_in(lang)` words it in another language."""

    line: int
    text: str
    cid: str
    label: str
    status: str
    detail: str
    law_text: str
    start: int = 0
    end: int = 0
    phrases: tuple[Phrase, ...] = ()

    def detail_in(self, lang: str) -> str:
        return say(self.phrases, lang) if self.phrases else self.detail


@dataclass
class DocumentReport:
    """Every reference of a document with its finding, and the date the law was taken as of."""

    as_of: str
    as_of_source: str  # "given", "document" (a date the document states) or "today"
    findings: list[Finding] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(f.status == s for f in self.findings) for s in STATUSES}

    @property
    def ok(self) -> bool:
        return all(f.status == "ok" for f in self.findings)

    def to_json(self) -> dict:
        refs = [{k: v for k, v in asdict(f).items() if k not in ("start", "end", "phrases")} for f in self.findings]
        return {"as_of": self.as_of, "as_of_source": self.as_of_source, "references": refs, "counts": self.counts}


def document_date(text: str) -> str | None:
    """The date a document states for itself in its first lines ("Date: 1 March 2026", "작성일: 2026. 3. 1."), if any."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:12]
    for ln in lines:
        m = _DOC_DATE.match(ln)
        spans = date_spans(ln)
        if spans and (m and m.group(0).strip(" :：*#") or re.fullmatch(r"[\s#*]*", ln[:spans[0][0]])
                      and not ln[spans[0][1]:].strip(" .*")):
            return spans[0][2]
    return None


@lru_cache(maxsize=16384)  # the same provisions are searched for every quotation of a long document
def _norm(s: str) -> str:
    s = s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'").replace("·", "ㆍ")
    return re.sub(r"\s+", " ", s).strip()


class CitationChecker:
    """Checks references against one open index."""

    def __init__(self, store: IndexStore) -> None:
        self.store = store
        self._figs: dict[str, set[str]] = {}
        self._korean: dict[str, bool] = {}
        self._memo: dict[tuple, str | None] = {}
        self._by_doc: dict[str, set[str]] = {}
        for cid in store.by_cid:
            self._by_doc.setdefault(cid.split(":", 1)[0], set()).add(cid)

    # ------------------------------------------------------------------ the document

    def check(self, text: str, as_of: str | None = None, lang: str | None = None,
              today: str | None = None) -> DocumentReport:
        """Find and check every reference in `text`; the law as of `as_of`, else the document's date, else today."""
        if as_of:
            day, source = as_of, "given"
        elif (stated := document_date(text)) is not None:
            day, source = stated, "document"
        else:
            day, source = today or date.today().isoformat(), "today"
        report = DocumentReport(day, source)
        # Addresses are not references ("…/법령/…/제4조"), and references inside a quotation are the law's own words.
        scan = _URL.sub(lambda m: " " * len(m.group(0)), text)
        quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(scan)]  # short ones too: references inside are quoted
        every_ref = find_references(scan, other_statutes=True)
        sentences = _sentence_spans(scan)
        verbatim = self._verbatim_spans(scan, every_ref, sentences)
        quoted += verbatim
        quoted = _merged(quoted)
        refs = [r for r in every_ref if r.citation.doc != OTHER_STATUTE and not _inside(quoted, r.start)
                and not (r.implicit and r.citation.cid not in self.store.by_cid)]
        if not refs:
            return report
        doc_quotes = _quotes(scan)
        owner = _quote_owners(scan, refs, sentences, doc_quotes)
        mine: dict[int, list[tuple[int, int]]] = {}
        for q, r in owner.items():
            mine.setdefault(id(r), []).append(q)
        lines = _Positions([i + 1 for i, ch in enumerate(scan) if ch == "\n"])
        sent_at = _Positions([a for a, _ in sentences])
        ref_at, every_at = _Positions([r.start for r in refs]), _Positions([r.start for r in every_ref])
        named_refs = [r for r in refs if r.doc_named]
        named_ends = _Positions([r.end for r in named_refs])
        verbatim_at = _Positions(sorted(a for a, _ in verbatim))
        for ref in refs:
            i = sent_at.last_at_or_before(ref.start)
            s0, s1 = sentences[i] if i >= 0 and ref.start < sentences[i][1] else (ref.start, ref.end)
            same = refs[ref_at.first_at_or_after(s0):ref_at.first_at_or_after(s1)]
            named = every_ref[every_at.first_at_or_after(s0):every_at.first_at_or_after(s1)]  # numbers naming, not figures
            j = named_ends.last_at_or_before(s0)
            prev = named_refs[j] if j >= 0 else None
            reproduced = verbatim_at.first_at_or_after(ref.end) < verbatim_at.first_at_or_after(ref.end + 4)
            finding = self._finding(text, scan, ref, same, named, (s0, s1), mine.get(id(ref), []), doc_quotes, day,
                                    lang, prev, reproduced, lines.last_at_or_before(ref.start) + 2)
            if finding is not None:
                report.findings.append(finding)
        return report

    def _finding(self, original: str, text: str, ref: Reference, same: list[Reference], named: list[Reference],
                 sentence: tuple[int, int], quotes: list[tuple[int, int]], doc_quotes: list[tuple[int, int]], day: str,
                 lang: str | None, prev: Reference | None, reproduced: bool, line: int) -> Finding | None:
        """The finding for one reference (None: it is another statute's); `text` is the document with its addresses
        blanked, `original` as given."""
        sent = text[sentence[0]:sentence[1]]
        want = lang or guess_lang(sent)
        cite = ref.citation
        every = self.store.by_cid.get(cite.cid, [])

        def done(status: str, phrases: list[Phrase], law: Unit | None, lbl: str) -> Finding:
            return Finding(line, re.sub(r"\s+", " ", ref.text), law.cid if law else cite.cid, lbl, status,
                           say(phrases), law.text if law else "", ref.start, ref.end, tuple(phrases))

        if ref.title and not ref.doc_named:
            # "제9조(인공지능정책센터의 지정)" with no document named: the document whose Article 9 has that title
            for doc in sorted(self._law_docs(), key=lambda d: d != cite.doc):
                alt = Citation(doc, cite.article, cite.paragraph, cite.item, cite.subitem, cite.text)
                if any(u.title and _same_title(ref.title, u.title) for u in self.store.by_cid.get(alt.cid, [])):
                    cite, every = alt, self.store.by_cid[alt.cid]
                    break
        if not every and not ref.doc_named:
            # "제27조제5항" with no document named: the document of the reference before it, if it has one
            for r in reversed([r for r in same if r.start < ref.start] + ([prev] if prev else [])):
                alt = Citation(r.citation.doc, cite.article, cite.paragraph, cite.item, cite.subitem, cite.text)
                if r.citation.doc != cite.doc and alt.cid in self.store.by_cid:
                    cite, every = alt, self.store.by_cid[alt.cid]
                    break
        if not every and ref.other_nearby:
            return None  # "공직선거법 … 제82조의8": not this law's, and this law has no such Article
        if not every and _ABSENCE.search(sent):
            return done("ok", [_p("absent_as_said")], None, self._label_cid(cite.cid, want))
        if not every:
            nearest = ", ".join(self.nearest(cite, want))
            return done("not-found", [_p("not_found", nearest=nearest or _p("none"))], None,
                        self._label_cid(cite.cid, want))
        # The official Korean text decides what is in force, on the dates the corpus has it for this document.
        official = [u for u in every if u.lang == "ko"] if self._has_korean(cite.doc, day) else every
        official = official or every
        inforce = [u for u in every if u.in_force(day)]
        law = self._pick(inforce, want)
        if not [u for u in official if u.in_force(day)]:
            shown = self._pick(every, want)
            if _COMMENCEMENT.search(sent):
                return done("ok", [_p("before_start_as_said", day=day, dates=self._dates(official))], shown,
                            self._label(shown, want))
            return done("not-in-force", [_p("not_in_force", day=day, dates=self._dates(official))], shown,
                        self._label(shown, want))
        problems: list[tuple[str, list[Phrase]]] = []
        if ref.title:
            why = self._title_problem(ref.title, cite, inforce)
            if why:
                problems.append(("title-mismatch", why))
        for q0, q1 in quotes:
            why = self._quote_problem(original[q0:q1], inforce, day)
            if why:
                problems.append(("quote-differs", why))
        if not quotes and len(same) == 1 and not reproduced:
            why = self._close_rendering(text, sentence, ref, inforce)
            if why:
                problems.append(("quote-differs", why))
        why = None if sent.count(" | ") >= 2 else self._figure_problem(text, sentence, same, named, doc_quotes, day)
        if why:
            problems.append(("figure-mismatch", why))
        if not problems:
            return done("ok", [], law, self._label(law, want))
        problems.sort(key=lambda p: STATUSES.index(p[0]))
        return done(problems[0][0], [ph for _, d in problems for ph in d], law, self._label(law, want))

    def _verbatim_spans(self, text: str, refs: list[Reference], sentences: list[tuple[int, int]]
                        ) -> list[tuple[int, int]]:
        """Provisions reproduced without quotation marks ("Art. 4(5): <its words>"): their words, like a quotation's,
        are the law's own, so the references inside them are not the writer's."""
        out = []
        at = _Positions([r.start for r in refs])
        for s0, s1 in sentences:
            k = at.first_at_or_after(s0)
            if k == len(refs) or refs[k].start >= s1:
                continue
            first = refs[k]
            colon = re.match(r"\s*[:：]\s*", text[first.end:s1])
            if not colon:
                continue
            start = first.end + colon.end()
            words = _MARKER.sub(" ", text[start:s1]).strip()
            if len(words) >= 8 and any(_contains(u.text, words) for u in self.store.by_cid.get(first.citation.cid, [])):
                out.append((start, s1))
        return out

    # ------------------------------------------------------------------ the checks

    def _title_problem(self, title: str, cite: Citation, inforce: list[Unit]) -> list[Phrase] | None:
        titles = {u.title for u in inforce if u.title}
        if not titles or any(_same_title(title, t) for t in titles):
            return None
        ko = has_korean(title)
        actual = " / ".join(sorted(titles, key=lambda t: has_korean(t) != ko)[:1])
        other = self._title_owner(title, cite.doc)
        return [_p("title_is", actual=repr(actual))] + ([_p("title_of", title=repr(title), other=other)] if other else [])

    def _title_owner(self, title: str, doc: str) -> str | None:
        """The article of the same document whose heading the given one is (the most alike, if any is alike)."""
        best: tuple[float, Unit] | None = None
        for cid in self._by_doc.get(doc, ()):
            for u in self.store.by_cid[cid]:
                if u.level == "article" and u.title:
                    score = title_likeness(title, u.title)
                    if score >= 0.75 and (best is None or score > best[0]):
                        best = (score, u)
        return self._label(best[1], "ko" if has_korean(title) else "en") if best else None

    def _quote_problem(self, quote: str, inforce: list[Unit], day: str) -> list[Phrase] | None:
        if not inforce:
            return None
        if any(_contains(u.text, quote) for u in inforce):
            return None
        best, ratio, diff = _best_diff(quote, inforce)
        if ratio >= 0.5:
            return [_p("quote_differs", label=self._label(best, best.lang), diff=diff)]
        owner = self._quote_owner(quote, day)
        return ([_p("quote_not_in", label=self._label(inforce[0], inforce[0].lang))]
                + ([_p("quote_owner", owner=owner)] if owner else []))

    def _quote_owner(self, quote: str, day: str) -> str | None:
        """The provision (the most specific one) that does contain a quotation, if any."""
        key = ("quote", quote, day)
        if key not in self._memo:
            self._memo[key] = self._find_quote_owner(quote, day)
        return self._memo[key]

    def _find_quote_owner(self, quote: str, day: str) -> str | None:
        hits = [u for u in self.store.units.values() if u.in_force(day) and u.doc in self._law_docs()
                and _contains(u.text, quote)]
        if not hits:
            return None
        order = {"subitem": 0, "item": 1, "paragraph": 2, "article": 3}
        u = min(hits, key=lambda x: (order.get(x.level, 4), x.lang != guess_lang(quote)))
        return self._label(u, u.lang)

    def _law_docs(self) -> set[str]:
        from corpus.model import LAW_KINDS

        return {d for d, doc in self.store.docs.items() if doc.kind in LAW_KINDS}

    def _close_rendering(self, text: str, sentence: tuple[int, int], ref: Reference, inforce: list[Unit]
                         ) -> list[Phrase] | None:
        """A sentence that repeats a provision almost word for word, with a word of substance changed inside the
        stretch it repeats, is a misquotation too (the words around that stretch are the writer's own)."""
        rest = _MARKER.sub(" ", text[sentence[0]:ref.start] + " " + text[ref.end:sentence[1]])
        q = _WORD.findall(rest)
        if len(q) < CLOSE_MIN_WORDS or not inforce:
            return None
        best, ratio, _ = _best_diff(rest, inforce)
        if ratio < CLOSE_RATIO:
            return None
        law = _WORD.findall(best.text)
        sm = SequenceMatcher(None, law, q, autojunk=False)
        ops = sm.get_opcodes()
        equal = [i for i, o in enumerate(ops) if o[0] == "equal"]
        inner = [o for o in ops[equal[0]:equal[-1] + 1] if o[0] != "equal"] if equal else []
        # Leaving out a long stretch is an elision; changing or dropping a word or three is what alters meaning.
        changed = {w.lower() for tag, a0, a1, b0, b1 in inner if tag != "delete" or a1 - a0 <= 3
                   for w in law[a0:a1] + q[b0:b1]} - _STOP
        if not changed:
            return None
        return [_p("close_differs", label=self._label(best, best.lang), diff=_word_diff(law, q, sm, True))]

    def _figure_problem(self, text: str, sentence: tuple[int, int], same: list[Reference], named: list[Reference],
                        quotes: list[tuple[int, int]], day: str) -> list[Phrase] | None:
        s0, s1 = sentence
        chars = list(text[s0:s1])
        for r in named:
            chars[r.start - s0:r.end - s0] = " " * (r.end - r.start)
        for q0, q1 in _clipped(quotes, sentence):
            chars[q0 - s0:q1 - s0] = " " * (q1 - q0)
        plain = "".join(chars)
        for a, b, _ in date_spans(plain):
            plain = plain[:a] + " " * (b - a) + plain[b:]
        plain = _LIST_MARK.sub(" ", _NAMES.sub(" ", _MARKER.sub(" ", plain)))
        stated = {f for f in figures(plain) if not re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{2}-\d{2}", f)}
        if not stated:
            return None
        known: set[str] = set()
        for r in same:
            for cid in (r.citation.cid, _parent(r.citation.cid)):
                for u in self.store.by_cid.get(cid, []):
                    if u.in_force(day):
                        known |= self._figures(u)
        extra = sorted(stated - known)
        if not extra:
            return None
        theirs = sorted((f for f in known if not re.fullmatch(r"\d", f)), key=_figure_key)[:8]
        owner = self._figure_owner(set(extra), {r.citation.doc for r in same}, day, plain)
        stated_here = ", ".join(map(_show_figure, extra))
        head = (_p("figure_theirs", figures=stated_here, theirs=", ".join(map(_show_figure, theirs))) if theirs
                else _p("figure_none", figures=stated_here))
        return [head] + ([_p("figure_owner", owner=owner)] if owner else [])

    def _has_korean(self, doc: str, day: str) -> bool:
        key = f"{doc}@{day}"
        if key not in self._korean:
            self._korean[key] = any(u.lang == "ko" and u.in_force(day) for cid in self._by_doc.get(doc, ())
                                    for u in self.store.by_cid[cid])
        return self._korean[key]

    def _figures(self, u: Unit) -> set[str]:
        """The figures a provision states: its numbers, less those of the references and list numbers in it."""
        if u.uid not in self._figs:
            chars = list(u.text)
            for r in find_references(u.text):
                chars[r.start:r.end] = " " * (r.end - r.start)
            plain = "\n".join(_LIST_MARK.sub(" ", ln) for ln in "".join(chars).split("\n"))
            self._figs[u.uid] = figures(plain)
        return self._figs[u.uid]

    def _figure_owner(self, extra: set[str], docs: set[str], day: str, sentence: str) -> str | None:
        """The provision of the same document that states the figures and shares most words with the sentence."""
        key = ("figure", frozenset(extra), frozenset(docs), day, sentence)
        if key not in self._memo:
            self._memo[key] = self._find_figure_owner(extra, docs, day, sentence)
        return self._memo[key]

    def _find_figure_owner(self, extra: set[str], docs: set[str], day: str, sentence: str) -> str | None:
        words = set(_WORD.findall(sentence.lower()))
        best: tuple[int, Unit] | None = None
        for u in self.store.units.values():
            if u.doc in docs and u.level in ("paragraph", "item", "subitem") and u.in_force(day) \
                    and extra <= self._figures(u):
                score = len(words & set(_WORD.findall(u.text.lower())))
                if best is None or score > best[0]:
                    best = (score, u)
        return self._label(best[1], best[1].lang) if best else None

    # ------------------------------------------------------------------ wording of findings

    def nearest(self, cite: Citation, lang: str) -> list[str]:
        """Real provisions close to one that does not exist: its siblings, or the articles numbered nearby."""
        doc, article, paragraph, item, sub = split_cid(cite.cid)
        cids = self._by_doc.get(doc, set())
        parent = [doc, article, paragraph, item, sub]
        depth = max(i for i, p in enumerate(parent) if p)
        for level in range(depth - 1, 0, -1):
            prefix = ":".join(x or "" for x in parent[:level + 1])
            kids = sorted((c for c in cids if c.startswith(prefix + ":") and c.count(":") == depth
                           and c.split(":")[depth]), key=_cid_key)
            if prefix in cids:
                return [self._label_cid(c, lang) for c in kids[:6]] or [self._label_cid(prefix, lang)]
        arts = sorted({c.split(":")[1] for c in cids if c.count(":") == 1 and re.fullmatch(r"\d+(?:-\d+)?", c.split(":")[1])},
                      key=lambda a: tuple(int(x) for x in a.split("-")))
        if not arts or not (article or "").split("-")[0].isdigit():
            return []
        n = int(article.split("-")[0])
        close = sorted(arts, key=lambda a: (abs(int(a.split("-")[0]) - n), a))[:3]
        return [self._label_cid(f"{doc}:{a}", lang) + self._title_of(f"{doc}:{a}", lang) for a in
                sorted(close, key=lambda a: tuple(int(x) for x in a.split("-")))]

    def _title_of(self, cid: str, lang: str) -> str:
        us = [u for u in self.store.by_cid.get(cid, []) if u.title]
        u = self._pick(us, lang)
        return f" ({u.title})" if u else ""

    @staticmethod
    def _pick(units: list[Unit], lang: str) -> Unit | None:
        if not units:
            return None
        mine = [u for u in units if u.lang == lang] or units
        return max(mine, key=lambda u: (u.effective_to == "", u.effective_from))

    def _label(self, u: Unit | None, lang: str) -> str:
        return label(u, self.store.docs[u.doc], lang) if u is not None and u.doc in self.store.docs else ""

    def _label_cid(self, cid: str, lang: str) -> str:
        doc, article, paragraph, item, sub = split_cid(cid)
        u = Unit(uid="", cid=cid, doc=doc, lang=lang, version="", level="", text="", article=article,
                 paragraph=paragraph, item=item, subitem=sub)
        return self._label(u, lang) or cid

    @staticmethod
    def _dates(units: list[Unit]) -> Phrase:
        start = min((u.effective_from for u in units if u.effective_from), default="")
        end = "" if any(not u.effective_to for u in units) else max(u.effective_to for u in units)
        if start and end:
            return _p("in_force_range", start=start, end=end)
        return _p("in_force_from", start=start) if start else _p("in_force_until", end=end)


# ----------------------------------------------------------------------------- text helpers


def _figure_key(f: str) -> tuple:
    return (0, float(f)) if re.fullmatch(r"\d+(?:\.\d+)?", f) else (1, 0.0)


def _show_figure(f: str) -> str:
    """A normalized figure as people read it: 30000000 → 30,000,000."""
    return f"{int(f):,}" if f.isdigit() else f


def _parent(cid: str) -> str:
    """The provision enclosing another: an item's paragraph, a paragraph's article (the id itself for an article)."""
    parts = cid.split(":")
    while len(parts) > 2:
        parts.pop()
        if parts[-1]:
            break
    return ":".join(p for p in parts) if len(parts) > 1 else cid


def _cid_key(cid: str) -> tuple:
    return tuple((0, int(p.split("-")[0]), p) if p[:1].isdigit() else (1, 0, p) for p in cid.split(":")[1:] if p)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, line by line; a line ending in ':' runs on into the next."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        at = 0
        for sent in (p for whole in split_sentences(line) for p in _AFTER_QUOTE.split(whole) if p.strip()):
            i = line.find(sent, at)
            if i < 0:
                continue
            spans.append((pos + i, pos + i + len(sent)))
            at = i + len(sent)
        pos += len(line) + 1
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and text[merged[-1][0]:merged[-1][1]].rstrip().endswith((":", "：")):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _quotes(text: str) -> list[tuple[int, int]]:
    """Spans of the quotations long enough to be quoting a provision (not naming a term), in order."""
    out = []
    for m in _QUOTE.finditer(text):
        g = next(k for k in "abcd" if m.group(k) is not None)
        q = m.group(g)
        if len(_WORD.findall(q)) >= (3 if has_korean(q) else 5):
            out.append((m.start(g), m.end(g)))
    return out


def _clipped(spans: list[tuple[int, int]], sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The parts of sorted, non-overlapping spans that fall in a sentence."""
    i = max(0, bisect.bisect_right(spans, (sentence[0], float("inf"))) - 1)
    out = []
    for a, b in spans[i:]:
        if a >= sentence[1]:
            break
        if b > sentence[0]:
            out.append((max(a, sentence[0]), min(b, sentence[1])))
    return out


# What may stand before a quotation on its own line that quotes the reference of the line above ("원문: “…”").
_QUOTE_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:[-*•>]\s*)?(?:[\w가-힣 ]{1,12}[:：]\s*)?$")


def _quote_owners(text: str, refs: list[Reference], sentences: list[tuple[int, int]], quotes: list[tuple[int, int]]
                  ) -> dict[tuple[int, int], Reference]:
    """The reference each quotation quotes: the nearest one in the sentence where it starts, else, for a quotation
    opening its own line, the last reference of the two lines above it ("[1] Art. 31(1) · …" / "  “…”")."""
    owner: dict[tuple[int, int], Reference] = {}
    sent_at, ref_at, end_at = (_Positions([a for a, _ in sentences]), _Positions([r.start for r in refs]),
                               _Positions([r.end for r in refs]))
    for q in quotes:
        i = sent_at.last_at_or_before(q[0] - 1)
        sent = sentences[i] if i >= 0 and q[0] - 1 < sentences[i][1] else (q[0], q[1])
        inside = [r for r in refs[ref_at.first_at_or_after(sent[0]):ref_at.first_at_or_after(sent[1])]
                  if not q[0] <= r.start < q[1]]
        if inside:
            owner[q] = _nearest_ref(q, inside)
            continue
        line_start = text.rfind("\n", 0, q[0]) + 1
        k = end_at.last_at_or_before(line_start)
        if k >= 0 and _QUOTE_LEAD.search(text[line_start - 1 if line_start else 0:q[0] - 1]) \
                and text.count("\n", refs[k].end, q[0]) <= 2:
            owner[q] = refs[k]
    return owner


class _Positions:
    """Sorted offsets, searched by bisection (a long document has thousands of references and sentences)."""

    def __init__(self, positions: list[int]) -> None:
        self.p = positions

    def first_at_or_after(self, pos: int) -> int:
        return bisect.bisect_left(self.p, pos)

    def last_at_or_before(self, pos: int) -> int:
        return bisect.bisect_right(self.p, pos) - 1


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` falls in one of the sorted, non-nested spans."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _nearest_ref(q: tuple[int, int], refs: list[Reference]) -> Reference | None:
    def gap(r: Reference) -> int:
        return q[0] - r.end if r.end <= q[0] else r.start - q[1] + 1  # a reference before the quote wins a tie
    return min(refs, key=lambda r: (abs(gap(r)), gap(r) < 0)) if refs else None


def _contains(law: str, quote: str) -> bool:
    """Whether a quotation is the provision's words, allowing elisions ("…", "[...]") between its pieces."""
    hay = _norm(law)
    pos = 0
    pieces = [p for p in (_norm(x).strip(" .,;") for x in _ELLIPSIS.split(quote)) if len(p) >= 2]
    if not pieces:
        return True
    for p in pieces:
        i = hay.find(p, pos)
        if i < 0:
            i = hay.lower().find(p.lower(), pos)  # a quotation may capitalize its first word
        if i < 0:
            return False
        pos = i + len(p)
    return True


def _best_diff(quote: str, units: list[Unit]) -> tuple[Unit, float, str]:
    """The unit whose words a quotation matches best, the share of the quotation's words matched, and the difference."""
    q = _WORD.findall(quote)
    best: tuple[Unit, float, str] | None = None
    for u in units:
        t = _WORD.findall(u.text)
        sm = SequenceMatcher(None, t, q, autojunk=False)
        matched = sum(b.size for b in sm.get_matching_blocks())
        ratio = matched / max(1, len(q))
        if best is None or ratio > best[1]:
            best = (u, ratio, _word_diff(t, q, sm))
    assert best is not None
    return best


def _word_diff(law: list[str], quote: list[str], sm: SequenceMatcher, inner: bool = False) -> str:
    """The changes from the law's words to the quotation's, within the span the quotation covers."""
    parts = []
    ops = sm.get_opcodes()
    first = next((i for i, o in enumerate(ops) if o[0] == "equal"), 0)
    last = max((i for i, o in enumerate(ops) if o[0] == "equal"), default=len(ops) - 1)
    for n, (tag, a0, a1, b0, b1) in enumerate(ops):
        if tag == "equal" or (n < first or n > last) and (b0 == b1 or inner):
            continue
        if n < first:  # words of the quotation before its first match: set against the law's words just before
            a0 = max(a0, a1 - (b1 - b0))
        elif n > last:
            a1 = min(a1, a0 + (b1 - b0))
        old, new = " ".join(law[a0:a1]), " ".join(quote[b0:b1])
        if tag == "replace":
            parts.append(f"law: “{old}” — text: “{new}”")
        elif tag == "delete":
            parts.append(f"law: “{old}” — text leaves it out")
        else:
            parts.append(f"text adds “{new}”")
    return "; ".join(parts[:4]) + (" …" if len(parts) > 4 else "")


_STOP = {"the", "of", "a", "an", "and", "on", "for", "to", "in", "by", "etc", "등", "및", "관한", "대한", "that", "or"}


def _title_words(s: str) -> set[str]:
    out = set()
    for w in re.findall(r"[0-9a-z가-힣]+", s.lower().replace("ㆍ", " ")):
        w = re.sub(r"(?<=[가-힣])(?:의|에|을|를|은|는)$", "", w)
        w = re.sub(r"(?<=[a-z]{3})s$", "", w)
        if w and w not in _STOP:
            out.add(w)
    return out


def title_likeness(given: str, actual: str) -> float:
    """How alike two headings are (1.0: the same words; a heading that leaves words out of the real one scores 1.0)."""
    a, b = _title_words(given), _title_words(actual)
    if not a or not b:
        return 0.0
    if a <= b:
        return 1.0
    return len(a & b) / len(a | b)


def _same_title(given: str, actual: str) -> bool:
    return title_likeness(given, actual) >= 0.75


# ----------------------------------------------------------------------------- reports

_SOURCE_WORDS = {"given": "the date asked for", "document": "the document's own date", "today": "today"}


def summary(report: DocumentReport) -> str:
    """One line: the date the law was taken as of, and how many references have each status."""
    counts = ", ".join(f"{n} {s}" for s, n in report.counts.items() if n)
    n = len(report.findings)
    return (f"law as of {report.as_of} ({_SOURCE_WORDS.get(report.as_of_source, report.as_of_source)}); "
            f"{n} reference{'s' if n != 1 else ''}" + (f": {counts}" if counts else ""))


def text_report(report: DocumentReport, name: str, law_chars: int = 400) -> str:
    """The readable report: each reference with its line, the reference as written, its status and the law's text."""
    out = [f"{name}: {summary(report)}"]
    if not report.findings:
        out.append("no reference to the AI Basic Act, its Enforcement Decree or MSIT Notice 2026-50 was found")
    for f in report.findings:
        out.append("")
        out.append(f"line {f.line}: {f.text} → {f.label or f.cid}  [{f.status}]")
        if f.detail:
            out.append(f"  {f.detail}")
        if f.law_text and f.status != "ok":
            law = re.sub(r"\s+", " ", f.law_text)
            out.append(f"  law: {law[:law_chars]}{'…' if len(law) > law_chars else ''}")
    return "\n".join(out)
