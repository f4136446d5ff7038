"""The default answerer: extractive and grounded, offline, no LLM.

It writes a short answer in the question's language from sentences of the retrieved provisions: a direct line
from the best provision, then supporting points, each with a marker [n] whose citation carries the verbatim
quote, the Korean original beside a translation, a label, the version and the link.
"""
from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus.labels import label
from corpus.numbers import date_spans
from corpus.model import LAW_KINDS, Unit
from ingest.blocks import ADDENDUM_HEADER
from ingest.store import IndexStore
from ingest.structure import classify

from assistant.abstain import QUANTITY, QUANTITY_QUESTION
from assistant.coverage import token_set
from assistant.records import Candidate, CitationOut, Retrieval

MAX_POINTS = 5  # measured: 4 -> 5 raises key facts 0.846 -> 0.858 (held-out 0.748 -> 0.757), citation precision flat
TOP_SENTENCES = 3
MAX_ITEMS = 6
LIST_ITEM = re.compile(r"\s*(\d+(의\d+)?\.|[가-하]\.|\(?[a-z]\)|\d+\))\s")  # an item line: "1.", "2의2.", "가.", "(a)", "1)"
LIST_INTRO = re.compile(r"(:|다음 각 (호|목)[^.]*\.?)\s*$|following:?\s*$|다음 각 (호|목)|\bthe following\b")
# A proviso ("provided …", "다만 …") or a second sentence that qualifies the first ("In this case, …", "이 경우 …": the
# latter part of a Korean paragraph, its 후단, e.g. Act Art. 31(3)'s easing for artistic works).
PROVISO = re.compile(r"(provided|however|but)\b|다만[,\s]|in (this|such) cases?\b|이 경우\s", re.I)
RELATIVE_MIN = 0.8  # a further provision is cited only if it scores at least this share of the best one
MAX_QUOTE = 600
RUNNING_PAGES = 3  # a short line standing whole on this many pages of a document is its running title, not a point
RUNNING_MAX = 60
NEIGHBOUR_RANK = 2  # a passage next to the best one is cited when it ranks among the first three
# A provision cited only for scoring close to the best one must also say about as much of the question: its best
# sentence at least this share of the best provision's (measured: citation precision 0.916 -> 0.926, key facts flat)
SEG_MIN = 0.7
# A list quoted from any provision but the best brings only the items that carry the question's words, at this share
# of its best item (measured: citation precision 0.926 -> 0.930, key facts 0.858 -> 0.864; held-out 0.928 -> 0.934)
RUNNER_ITEMS = 0.8
WANTS_FIGURE = re.compile(r"\bwhen\b|what date|by when|deadline|how long|within what|언제|며칠|기한|기간", re.I)
FIGURE_BONUS = 2.0  # measured flat from 0.75 to 3 (key facts 0.839 -> 0.846 against 0)
_TAG = re.compile(r"\s*(<[^<>]*\d{4}[^<>]*>|\[[^\[\]]*\d{4}[^\[\]]*\])")
_MARK = re.compile(r"^(?:[①-⑳㉑-㉟]\s*|\(\d{1,2}\)\s+|\d{1,2}(?:의\d+|-\d+)?\.\s+|[가-하]\.\s+|[a-n]\.\s+)")
_INLINE_LIST = re.compile(r":\s+-\s")
# A guideline's footnote citing its sources ("2) 손한빈. (2023). 생성형 인공지능의 서예 콘텐츠 초탐. 동양예술, …"): a
# reference, not guidance.
_FOOTNOTE = re.compile(r"^\d{1,2}\)\s.{0,80}\(\d{4}\)")
_TABLE_RULE = re.compile(r"^\|\s*:?-{3,}")
# A guideline page comes from a PDF: its lines wrap in mid-sentence, a list mark opens each point (a symbol font's
# bullet often comes out as "Ÿ", "l" or "v"), and a full stop may glue two sentences ("…않습니다.예를 들어").
_BULLETS = "→☞※∙•ㆍ·･▪◦⚫Ÿ➊-➓"  # list marks taken off a point (a regex class's contents)
_POINT = re.compile(rf"^(?:[{_BULLETS}○□■◆◇▶⋮①-⑳|(\[<「『-]|[lv](?= )|\d{{1,2}}[.)](?!\d)|\d+(?:-\d+)+|[가-하][.)]|"
                    r"제\d+조|[A-Z]\d*[.:)] )")
_POINT_MARK = re.compile(rf"^(?:[{_BULLETS}]|[lv](?= ))\s*")
_LINE_END = re.compile(r"(?:[.?!:;)\]」』>□]|[다음함임됨요])$")
_GLUED = re.compile(r"(?<=[다음함임됨요])\.(?=[^\s\d.)])")
_HEADING = re.compile(r"^(?:제\d+조(?:의\d+)?\s*\([^)]*\)|Article\s+\d+(?:-\d+)?\s*\([^)]*\))\s*")


@dataclass
class Segment:
    """A quotable piece of a provision: one sentence or one item line, with the unit it belongs to."""

    unit: Unit
    text: str
    order: int
    score: float = 0.0
    role: str = ""  # "caption", "header" or "row" of a table ("2. 개별기준 (단위: 만원)", "| 위반행위 | … |", "| 가. … | 500 |")


@dataclass
class Draft:
    answer: str
    citations: list[CitationOut]
    abstained: bool
    related: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    generated: bool = False  # written by an LLM: every sentence's figures are checked too
    reason: str = ""  # why an abstention declined (abstain.Decision.reason)


_SENTENCE_END = {"ko": re.compile(r"(?<=[다함음됨임]\.)\s+(?=\S)"),
                 "en": re.compile(r"(?<=[a-z\)”\"'];)\s+(?=\S)|(?<=[a-z0-9\)”\"']\.)\s+(?=[A-Z(])")}


def sentences_of(text: str, lang: str) -> list[str]:
    """Sentences of one line of statute text; a parenthesis is never split ("(… 공공기관을 말한다. 이하 같다)")."""
    parts, start = [], 0
    for m in _SENTENCE_END["ko" if lang == "ko" else "en"].finditer(text):
        head = text[start:m.start()]
        if head.count("(") > head.count(")") or head.count("「") > head.count("」"):
            continue
        parts.append(text[start:m.start()])
        start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def page_lines(text: str, running: frozenset[str] = frozenset()) -> list[str]:
    """The points of a guideline page as lines: wrapped lines joined, glued sentences apart, list marks off (each
    line still verbatim in the page up to whitespace); the document's `running` lines (its title at the foot of
    every page) left out."""
    out: list[str] = []
    apart = True  # (a running line left out parts the lines around it: joined, they would not be the page's words)
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line in running:
            apart = True
            continue
        if not apart and not _LINE_END.search(out[-1]) and not _POINT.match(line) and not out[-1].startswith("|"):
            out[-1] += " " + line
        else:
            out.append(line)
        apart = False
    return [_POINT_MARK.sub("", part) for line in out for part in _GLUED.sub(".\n", line).split("\n")]


def clean(sentence: str) -> str:
    """A sentence as quoted: without the structural marker, heading or amendment tag (still a verbatim substring)."""
    s = _HEADING.sub("", sentence)
    s = _MARK.sub("", s)
    s = _TAG.split(s)[0] if _TAG.search(s) else s
    return s.strip()


class Extractive:
    """Composes the extractive answer from the ranked candidates."""

    def __init__(self, store: IndexStore) -> None:
        self.store = store
        # The as-of date of the question being answered; per thread, because the chat page answers several
        # users at once with one Extractive (a shared attribute mixed dates between users under load).
        self._local = threading.local()
        # Where set (the learned sentence reader, assistant/pages.py), what each guideline sentence's likelihood of
        # carrying what is asked adds to the question's words it shares: an English question shares few words with a
        # Korean guideline.
        self.salience: Callable[[list[str]], list[float]] | None = None

    @property
    def _as_of(self) -> str | None:
        return getattr(self._local, "as_of", None)

    @_as_of.setter
    def _as_of(self, value: str | None) -> None:
        self._local.as_of = value

    @property
    def _guided(self) -> dict[str, str]:
        """Guidance quoted in the answer being composed: its uid → the provision it is quoted beside (per thread)."""
        if not hasattr(self._local, "guided"):
            self._local.guided = {}
        return self._local.guided

    @_guided.setter
    def _guided(self, value: dict[str, str]) -> None:
        self._local.guided = value

    # ------------------------------------------------------------------ segments

    def _same_wording(self, cid: str, of: Unit) -> Unit | None:
        """The unit `cid` of the same source file (the same wording) as `of`, in force on the as-of date.

        An older text keeps only the parts that a newer text changed: a part whose wording the newer text kept was
        merged into it (ingest.loader.merge_versions), so an older paragraph's unchanged items live in the newer
        file, with the same wording, in force on the same days. That unit is the one meant."""
        units = self.store.by_cid.get(cid, [])
        same = next((u for u in units if u.source_file == of.source_file and u.in_force(self._as_of)), None)
        if same is not None or any(u.source_file == of.source_file for u in units):
            return same
        return next((u for u in units if u.doc == of.doc and u.lang == of.lang and u.in_force(self._as_of)
                     and u.effective_from <= (of.effective_to or "9999")
                     and (u.effective_to or "9999") >= of.effective_from), None)

    def _unit_at(self, parent: Unit, cid: str) -> Unit:
        return self._same_wording(cid, parent) or parent

    def segments(self, unit: Unit) -> list[Segment]:
        """Quotable sentences of a unit, each owned by the most precise unit containing it (paragraph, item)."""
        out: list[Segment] = []
        lines = unit.text.split("\n")
        if self.store.docs[unit.doc].kind == "guideline":
            lines = page_lines(unit.text, self._running(unit.doc))
        if unit.level in ("addendum", "annex") and len(lines) > 1:
            lines = lines[1:]  # the header line ("부칙 <제21311호,…>", "[별표 2]") is not a statement
        para = unit.cid if unit.level == "paragraph" else None
        item = unit.cid if unit.level == "item" else None
        for i, line in enumerate(lines):
            owner = unit
            kind = classify(line, unit.lang) if i or unit.level == "article" else None
            if kind and kind[0] == "paragraph" and unit.level == "article":
                para, item = f"{unit.cid}:{kind[1]}", None
                owner = self._unit_at(unit, para)
            elif kind and kind[0] == "item" and unit.level in ("article", "paragraph"):
                item = f"{para}:{kind[1]}" if para else f"{unit.cid}::{kind[1]}"
                owner = self._unit_at(unit, item)
            elif kind and kind[0] == "subitem" and item:
                # A sub-item ("a. Supply of energy ...") is its own unit (act:2::4:a), quoted and cited as such.
                owner = self._unit_at(unit, f"{item}:{kind[1]}")
            if line.startswith("|"):
                header = i + 1 < len(lines) and bool(_TABLE_RULE.match(lines[i + 1]))
                if header and out and out[-1].unit.uid == owner.uid and not lines[i - 1].startswith("|"):
                    out[-1].role = "caption"
                if not _TABLE_RULE.match(line):
                    out.append(Segment(owner, line.strip()[:MAX_QUOTE], len(out), role="header" if header else "row"))
                continue
            for sent in sentences_of(line, unit.lang):
                q = clean(sent)
                if len(q) >= 8 and not re.fullmatch(r"[\W\d]*", q) and "[ ]" not in q and "[  ]" not in q:
                    out.append(Segment(owner, q[:MAX_QUOTE], len(out)))
        return out

    @functools.lru_cache(maxsize=16)  # noqa: B019 - one Extractive per store, few documents
    def _running(self, doc: str) -> frozenset[str]:
        """Lines that stand whole on several pages of a document: its running title or header, not a statement."""
        seen: Counter[str] = Counter()
        for u in self.store.units.values():
            if u.doc == doc:
                seen.update({x.strip() for x in u.text.split("\n") if 0 < len(x.strip()) <= RUNNING_MAX})
        return frozenset(x for x, n in seen.items() if n >= RUNNING_PAGES)

    @staticmethod
    def _table_head(row: Segment, segs: list[Segment]) -> list[Segment]:
        """The caption and header row of the table a row belongs to: a row's figures mean nothing without them."""
        heads = [x for x in segs if x.order < row.order and x.role == "header"]
        if not heads:
            return []
        head = heads[-1]
        return [x for x in segs if x.order == head.order - 1 and x.role == "caption"] + [head]

    def _score(self, seg: Segment, terms: set[str], wants_figure: bool = False) -> float:
        idf = self.store.idf
        toks = token_set(seg.text)  # tokenized once per text (provisions recur from question to question)
        # Summed in a fixed order: a set's order follows string hashing, which changes from process to process,
        # and a different float rounding would break a tie between two sentences differently.
        hit = sum(idf.get(t, 1.0) for t in sorted(toks & terms))
        if wants_figure and (QUANTITY.search(seg.text) or date_spans(seg.text)):
            hit += FIGURE_BONUS  # "when / how much / how long": the sentence that states one answers it
        return hit + (0.5 if seg.order == 0 else 0.0)

    # ------------------------------------------------------------------ citations

    def _citation(self, n: int, seg: Segment, lang: str) -> CitationOut:
        u = seg.unit
        doc = self.store.docs[u.doc]
        ko = u if u.lang == "ko" else self.store.twin(u, "ko", self._as_of or u.effective_from or None)
        quote_ko = None
        if u.lang != "ko" and ko is not None:
            quote_ko = self._align_ko(seg, ko)
        return CitationOut(
            n=n, doc=u.doc, article=u.article, paragraph=u.paragraph, item=u.item, label=label(u, doc, lang),
            quote=seg.text, quote_ko=quote_ko, lang=u.lang, version=u.version, url=u.url, verified=False,
            uid=u.uid, uid_ko=ko.uid if (ko is not None and quote_ko) else None, label_ko=label(u, doc, "ko"),
            kind=doc.kind, subitem=u.subitem, addendum=u.addendum, effective_from=u.effective_from,
            effective_to=u.effective_to, page=u.page, interprets=self._guided.get(u.uid, ""),
        )

    def _align_ko(self, seg: Segment, ko: Unit) -> str:
        """The Korean original of an English quote: the same sentence where the sentence counts agree, else the
        whole Korean unit (its own text, without children)."""
        en_lines = seg.unit.text.split("\n")
        ko_lines = ko.text.split("\n")
        for li, line in enumerate(en_lines):
            sents = [clean(s) for s in sentences_of(line, "en")]
            if seg.text in sents and li < len(ko_lines):
                ko_sents = [clean(s) for s in sentences_of(ko_lines[li], "ko")]
                ko_sents = [s for s in ko_sents if len(s) >= 8]
                if len(ko_sents) == len([s for s in sents if len(s) >= 8]):
                    return ko_sents[[s for s in sents if len(s) >= 8].index(seg.text)]
                return clean(ko_lines[li])
        return clean(ko_lines[0])

    # ------------------------------------------------------------------ compose

    def supporting(self, r: Retrieval) -> list[Candidate]:
        """The provisions an answer may cite: the best one, and the next ones only where they score close to it or
        belong to it (same article, or linked to it Act ↔ Decree). Marginal hits are sources, not citations."""
        if not r.candidates:
            return []
        bound = self._bound(r)
        top = r.candidates[0]
        out = [top]
        for c in r.candidates[1:8]:
            if c.via and all(v.startswith("entry-into-force:") for v in c.via):
                continue  # the addendum dating a lesser hit: a source, while the best one answers the question
            if c.score >= RELATIVE_MIN * top.score or c.cid in bound:
                out.append(c)
        return out

    def _bound(self, r: Retrieval) -> set[str]:
        """The next provisions that belong to the best one: same article, linked to it, or named by the question."""
        top = r.candidates[0]
        top_art = ":".join(top.cid.split(":")[:2])
        linked = {x["cid"] for x in self.store.links.get(top.cid, []) + self.store.links.get(top_art, [])}
        linked_arts = {":".join(c.split(":")[:2]) for c in linked}
        # Passages are cut every ~700 characters, so the next one carries on what the best one started ("MOTIE
        # issued Announcement No. 2026-271 ..." | "It covers: predictive maintenance, quality control, ...").
        m = re.fullmatch(r"(.+):passage-(\d+)", top.cid)
        neighbours = {f"{m.group(1)}:passage-{int(m.group(2)) + d}" for d in (-1, 1)} if m else set()
        out = set()
        for rank, c in enumerate(r.candidates[1:8], 1):
            art = ":".join(c.cid.split(":")[:2])
            if art == top_art or c.cid in linked or art in linked_arts or "citation" in c.via or \
                    (c.cid in neighbours and rank <= NEIGHBOUR_RANK):
                out.add(c.cid)
        return out

    def pick(self, r: Retrieval, lang: str) -> list[Segment]:
        """Segments to quote: the best one or two of the top provision, then one from each next provision."""
        self._as_of = r.analysis.query.as_of
        terms = set(r.analysis.terms)
        wants_figure = bool(WANTS_FIGURE.search(r.analysis.query.question) or QUANTITY_QUESTION.search(
            r.analysis.query.question))
        chosen: list[Segment] = []
        attached: set[tuple[str, int]] = set()  # provisos quoted with their main clause
        seen_units: set[str] = set()
        top_best = 0.0
        bound = self._bound(r)
        for rank, cand in enumerate(self.supporting(r)):
            unit = self._whole_list(cand.unit(lang) or cand.unit("ko") or cand.units[0])
            if unit.uid in seen_units:
                continue
            segs = self.segments(unit)
            if not segs:
                continue
            for s in segs:
                s.score = self._score(s, terms, wants_figure)
            # A table's caption and header are quoted with the rows picked, never alone.
            best = sorted((x for x in segs if x.role not in ("caption", "header")), key=lambda s: (-s.score, s.order))
            if not best:
                continue
            if rank == 0:
                top_best = best[0].score
            elif cand.cid not in bound and best[0].score < SEG_MIN * top_best:
                continue
            lead = rank == 0 or "citation" in cand.via
            take = TOP_SENTENCES if lead else 1
            picked = [s for s in best if s.score > 0.5 or s.order == 0][:take] or best[:1]
            if lead:
                # An item picked from the answering provision brings its list's introduction ("... every 3 years:",
                # "... shall include the following:"), which states the rule the item belongs to.
                picked += [i for i in (self._intro_of(p, segs) for p in picked) if i is not None and i not in picked]
            picked += [h for p in picked if p.role == "row" for h in self._table_head(p, segs) if h not in picked]
            # A main clause quoted without its proviso overstates the rule ("shall not be liable" … "provided, this
            # shall not apply if …"): the proviso, or the sentence that qualifies it, always comes with it.
            orders = {p.order for p in picked}
            provisos = [x for x in segs if x.order - 1 in orders and x.order not in orders and PROVISO.match(x.text)]
            picked += provisos
            attached.update((x.unit.uid, x.order) for x in provisos)
            for s in sorted(picked, key=lambda s: s.order):
                if all(s.text != c.text for c in chosen):
                    chosen.append(s)
                if s.unit.level == "passage" and _INLINE_LIST.search(s.text):
                    # A passage's own bulleted list ("including: - A; - B; - C"): its bullets are the next sentences.
                    bullets = [x for x in segs if x.order > s.order and x.text.startswith("- ")]
                    chosen.extend(x for x in bullets[:MAX_ITEMS] if all(x.text != c.text for c in chosen))
                elif LIST_INTRO.search(s.text) and s.unit.level in ("paragraph", "article", "annex-part", "item"):
                    # A list's introduction says little alone: its items carry the figures and conditions.
                    items = self._items_of(s, segs)
                    if rank > 0 and items:
                        top_i = max(x.score for x in items)
                        items = [x for x in items if x.score > 0.5 and x.score >= RUNNER_ITEMS * top_i]
                    elif len(items) > MAX_ITEMS:
                        # A long list: the items that carry the question's words, in the list's order.
                        keep = sorted(items, key=lambda x: (-x.score, x.order))[:MAX_ITEMS]
                        items = [x for x in items if x in keep]
                    chosen.extend(x for x in items if all(x.text != c.text for c in chosen))
            seen_units.add(unit.uid)
            if sum(1 for c in chosen if c.unit.level not in ("item", "subitem") and not c.role
                   and (c.unit.uid, c.order) not in attached) >= MAX_POINTS:
                # a list's items (a table's rows) belong to its introduction, a proviso to its main clause: they do
                # not count as points
                break
        return self._with_intros(chosen)[:MAX_POINTS + MAX_ITEMS]

    @staticmethod
    def _items_of(intro: Segment, segs: list[Segment]) -> list[Segment]:
        """The items (or sub-items) of the list `intro` introduces: the segments after it owned by its children."""
        head = intro.unit.cid + ":"
        level = ("subitem",) if intro.unit.level == "item" else ("item", "subitem")
        return [x for x in segs if x.order > intro.order and x.unit.level in level and x.unit.uid != intro.unit.uid
                and x.unit.cid.startswith(head)]

    @staticmethod
    def _intro_of(seg: Segment, segs: list[Segment]) -> Segment | None:
        """The sentence introducing the list an item belongs to (the last list introduction of its parent before it)."""
        if seg.unit.level not in ("item", "subitem"):
            return None
        parent = seg.unit.cid.rsplit(":", 1)[0].rstrip(":")
        intros = [x for x in segs if x.order < seg.order and x.unit.cid == parent and LIST_INTRO.search(x.text)]
        return intros[-1] if intros else None

    def _parent(self, unit: Unit) -> Unit | None:
        return self._same_wording(unit.cid.rsplit(":", 1)[0].rstrip(":"), unit)

    def _whole_list(self, unit: Unit) -> Unit:
        """An item of a short list is quoted with its whole list ("may reduce or exempt fees in any of the following
        cases: 1. … 2. … 3. …"): one item alone reads as if it were the only case."""
        if unit.level != "item":
            return unit
        parent = self._parent(unit)
        if parent is None or parent.level != "paragraph":
            return unit
        lines = parent.text.split("\n")
        if LIST_INTRO.search(lines[0]) and len(lines) - 1 <= MAX_ITEMS:
            return parent
        return unit

    def _with_intros(self, chosen: list[Segment]) -> list[Segment]:
        """An item quoted alone ("1. A person who fails to provide the notification") needs the sentence that
        introduces its list ("… shall be subject to an administrative fine not exceeding 30 million won:")."""
        out: list[Segment] = []
        for seg in chosen:
            if seg.unit.level in ("item", "subitem"):
                parent = self._parent(seg.unit)
                if parent is not None:
                    first = parent.text.split("\n")[0]
                    sents = [clean(x) for x in sentences_of(first, parent.lang)]
                    intro = sents[-1] if sents else ""
                    if parent.level == "article" or len(intro) < 8:
                        intro = ""
                    if intro and all(intro != c.text for c in out + chosen):
                        out.append(Segment(parent, intro[:MAX_QUOTE], -1))
            if all(seg.text != c.text for c in out):
                out.append(seg)
        return out

    def guidance_segments(self, r: Retrieval) -> list[Segment]:
        """The sentences of the guidance found beside the law that carry most of the question's words (and, where the
        sentence reader is on, are likeliest to state what is asked)."""
        terms = set(r.analysis.terms)
        out: list[Segment] = []
        self._guided = {}
        for cand, law in r.guidance:
            unit = cand.units[0]
            segs = self.guidance_sentences(unit)
            likely = self.salience([x.text for x in segs]) if self.salience is not None and segs else [0.0] * len(segs)
            for seg, p in zip(segs, likely):
                seg.score = self._score(seg, terms) + p
            best = sorted(segs, key=lambda x: (-x.score, x.order))[:GUIDANCE_SENTENCES]
            out.extend(sorted(best, key=lambda x: x.order))
            self._guided[unit.uid] = law
        return out

    def guidance_sentences(self, unit: Unit) -> list[Segment]:
        """The quotable sentences of a guideline passage (its own heading, "2.6.1 용어의 정의", says nothing alone, nor
        does a footnote naming a source)."""
        return [x for x in self.segments(unit) if x.text.strip() != (unit.title or "").strip() and len(x.text) >= 12
                and not _FOOTNOTE.match(x.text)]

    def _interpreted_mark(self, c: CitationOut, cites: list[CitationOut], lang: str) -> str:
        """" on [n]" (Korean "[n] 관련 "): the answer's citation of the provision a guidance passage interprets, or ""
        where the answer does not quote it (the JSON's `interprets` still names it). A marker, not the provision's
        label, so that the guideline's words are never read as a quotation of the law."""
        law = self._guided.get(c.uid)
        if not law:
            return ""
        for x in cites:
            u = self.store.units.get(x.uid)
            if x.kind in LAW_KINDS and u is not None and (u.cid == law or u.cid.startswith(law + ":")
                                                          or law.startswith(u.cid + ":")):
                return f"[{x.n}] 관련 " if lang == "ko" else f" on [{x.n}]"
        return ""

    def compose(self, r: Retrieval, lang: str) -> Draft:
        segs = self.pick(r, lang)
        segs += [g for g in self.guidance_segments(r) if all(g.text != s.text for s in segs)]
        cites = [self._citation(i, s, lang) for i, s in enumerate(segs, 1)]
        self._local.cites = cites
        lines = []
        for i, (s, c) in enumerate(zip(segs, cites)):
            lines.append(self._line(s, c, lang, first=i == 0))
        notes = self._notes(cites, lang)
        for cand in r.candidates[:3]:
            for v in cand.via:
                if v.startswith("entry-into-force:"):
                    note = self._not_in_force_note(v.split(":", 1)[1], r.analysis.query.as_of, lang)
                    if note not in notes:  # several addenda may stand for the same provision
                        notes.insert(0, note)
        if any(c.lang != lang for c in cites if c.kind in LAW_KINDS):
            notes.append(f"{r.analysis.query.as_of} 현재 시행 문언의 번역이 없어 원문을 인용했습니다." if lang == "ko" else
                         f"Some provisions are quoted in Korean: there is no English translation of the wording in "
                         f"force on {r.analysis.query.as_of}.")
        return Draft("\n".join(lines), cites, abstained=False, notes=notes)

    def _line(self, s: Segment, c: CitationOut, lang: str, first: bool) -> str:
        from assistant.verify import split_sentences

        # Every sentence of a multi-sentence quote carries the marker, so each is checked on its own.
        parts = split_sentences(s.text.rstrip())
        text = f" [{c.n}] ".join(parts) if len(parts) > 1 else s.text.rstrip()
        if c.kind == "commentary":
            doc = self.store.docs[c.doc]
            if lang == "ko":
                return f"{'' if first else '- '}해설 자료 「{doc.title_en}」(제3자 논평, 법령 아님)에 따르면: “{text}” [{c.n}]"
            return f"{'' if first else '- '}According to the commentary “{doc.title_en}” (third-party, not law): “{text}” [{c.n}]"
        if c.kind == "guideline":
            on = self._interpreted_mark(c, getattr(self._local, "cites", []), lang)
            if lang == "ko":
                return f"{'' if first else '- '}{on}가이드라인(법령 아님) {c.label}: “{text}” [{c.n}]"
            korean = "" if self.store.units[c.uid].lang == "en" else "; in Korean only"
            return f"{'' if first else '- '}MSIT guidance{on} (not law{korean}), {c.label}: “{text}” [{c.n}]"
        if c.kind == "draft":
            if lang == "ko":
                return f"{'' if first else '- '}시행되지 않은 {c.label_ko or c.label}(초안, 법령 아님): “{text}” [{c.n}]"
            return f"{'' if first else '- '}{c.label} (a draft that never had legal effect): “{text}” [{c.n}]"
        if c.kind == "user":
            prefix = f"사용자 문서 {c.label}: " if lang == "ko" else f"Your document {c.label}: "
            return f"{'' if first else '- '}{prefix}“{text}” [{c.n}]"
        return f"{'' if first else '- '}{c.label}: {text} [{c.n}]"

    def _not_in_force_note(self, cid: str, as_of: str, lang: str) -> str:
        versions = self.store.find(cid)
        if not versions:
            return ""
        u = versions[0]
        doc = self.store.docs[u.doc]
        # A provision in force on the date whose addendum starts a part of it later (Act Art. 35(1), latter part, six
        # months on): that part starts later, not the provision.
        current = any(x.effective_from and x.effective_from <= as_of and (not x.effective_to or as_of <= x.effective_to)
                      for x in versions)
        later = sorted(x.effective_from for x in versions if x.effective_from and x.effective_from > as_of)
        if current and later:
            if lang == "ko":
                return f"{label(u, doc, 'ko')}은(는) {as_of} 현재 시행 중이나 그 일부는 {later[0]}부터 시행됩니다(부칙 참조)."
            return f"{label(u, doc, 'en')} is in force on {as_of}, but part of it applies only from {later[0]} (see the " \
                   f"addendum cited)."
        start = later[0] if later else min(x.effective_from for x in versions if x.effective_from)
        if lang == "ko":
            return f"{label(u, doc, 'ko')}은(는) {as_of} 현재 시행 전이며 {start}부터 시행됩니다(부칙 참조)."
        return f"{label(u, doc, 'en')} is not in force on {as_of}; it applies from {start} (see the addendum cited)."

    def _notes(self, cites: list[CitationOut], lang: str) -> list[str]:
        notes = []
        if any(c.lang == "en" and c.doc in ("decree", "notice-2026-50") for c in cites):
            notes.append("시행령과 고시의 영어는 kaia의 비공식 번역이며 한국어 원문이 우선합니다." if lang == "ko" else
                         "The English of the Decree and the Notice is kaia's unofficial translation; the Korean text controls.")
        if any(c.lang == "en" and c.doc == "act" for c in cites):
            notes.append("법률의 영문은 법제처(한국법제연구원) 참고 번역으로 법적 효력이 없습니다." if lang == "ko" else
                         "The English of the Act is the government's reference translation; it has no legal effect.")
        return notes


# Quoted from each guidance passage found beside the law. Three, since the sentence reader ranks them: the sentence
# carrying what the writers quote was its third as often as its second (held-outs 149–150, readers trained on 115–148:
# key facts +4 of 226, citation precision unchanged, answers 9% longer).
GUIDANCE_SENTENCES = 3
MAX_LEAD_QUOTE = 1500  # characters of a provision quoted for a sentence of the lead


def cite_marks(extractive: Extractive, lines: list[str], lang: str, as_of: str, start: int = 1
               ) -> tuple[list[str], list[CitationOut], dict[str, CitationOut]]:
    """Turn the [cid] marks of plain sentences into [n] citations, each quoting the provision it names: the
    smallest opening part of its text that holds every figure the sentences citing it state."""
    from corpus.knowledge import CID_MARK
    from corpus.numbers import figures

    from assistant.verify import split_sentences

    extractive._as_of = as_of
    needed: dict[str, set[str]] = {}
    for line in lines:
        # Split as the verifier will, so that "under Art. 40(1)" stays in the sentence whose figures it checks.
        for sent in split_sentences(line):
            stated = figures(CID_MARK.sub(" ", sent))
            for cid in CID_MARK.findall(sent):
                needed.setdefault(cid, set()).update(stated)
    numbers: dict[str, int] = {}
    cites: list[CitationOut] = []
    for cid in needed:
        # Addenda say from when the law applies, dates before they took effect included ("did the notice duty
        # bind on 10 January 2026?": no, it applies from 22 January 2026).
        units = extractive.store.find(cid, as_of=as_of) or (extractive.store.find(cid) if ":addenda-" in cid else [])
        unit = next((u for u in units if u.lang == lang), None) or next((u for u in units if u.lang == "ko"), None)
        if unit is None:
            continue  # not in force on the date: the sentence loses its mark, and the verifier drops it
        text_lines = [x for x in unit.text.split("\n") if x.strip()]
        ko = extractive.store.twin(unit, "ko", as_of) if unit.lang != "ko" else None
        ko_figures = figures(ko.text) if ko is not None else set()
        quote = ""
        # An addendum's heading ("부칙 <제21311호,2026.1.20>") alone says nothing of when the law applies.
        heading = 1 if len(text_lines) > 1 and ADDENDUM_HEADER.match(text_lines[0]) and \
            text_lines[0].rstrip().endswith(">") else 0
        for k in range(1 + heading, len(text_lines) + 1):
            quote = "\n".join(text_lines[:k])
            if needed[cid] <= figures(quote) | ko_figures or len(quote) >= MAX_LEAD_QUOTE:
                break
        # (a line opening a list says nothing without its items: "다음 각 호의 어느 하나에 해당하는 자에게는 3천만원 이하의
        # 과태료를 부과한다." is quoted with the failures it fines)
        k = quote.count("\n") + 1
        if LIST_INTRO.search(text_lines[k - 1]):
            while k < len(text_lines) and LIST_ITEM.match(text_lines[k]) and len(quote) < MAX_LEAD_QUOTE:
                quote, k = quote + "\n" + text_lines[k], k + 1
        n = start + len(cites)
        c = extractive._citation(n, Segment(unit, quote[:MAX_LEAD_QUOTE], 0), lang)
        if ko is not None:
            c.quote_ko, c.uid_ko = ko.text[:MAX_LEAD_QUOTE], ko.uid  # the whole Korean provision beside it
        numbers[cid] = n
        cites.append(c)
    out = [CID_MARK.sub(lambda m: f"[{numbers[m.group(1)]}]" if m.group(1) in numbers else "", line)
           for line in lines]
    return out, cites, {cid: cites[numbers[cid] - start] for cid in numbers}
