"""What changed in the law between two dates: the provisions added, removed and changed, with a word diff, the
amending instrument and the date each change took effect."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from corpus.citations import parse_citation
from corpus.labels import label
from corpus.model import Unit, split_cid
from ingest.loader import next_day, wording_key
from ingest.store import IndexStore
from ingest.structure import strip_tags, tag_dates, written_date

# Units that are not provisions of the text in force (a text's reasons for enactment come and go with it).
_NOT_PROVISIONS = ("reasons",)
class UnknownTargetError(LookupError):
    """`kaia diff` was given something that names no document or provision."""


@dataclass
class Change:
    """One provision added, removed or changed between the two dates."""

    cid: str
    kind: str  # added | removed | changed
    label_en: str
    label_ko: str
    old: Unit | None
    new: Unit | None
    words: list[tuple[str, str]] = field(default_factory=list)  # ("=" | "-" | "+", text), Korean
    words_en: list[tuple[str, str]] = field(default_factory=list)  # the same for the English, where both exist
    took_effect: str = ""  # the date the newer wording (or the removal) took effect
    instrument: str = ""  # the amending act or decree, e.g. "Presidential Decree No. 36506"
    note: str = ""  # e.g. that the wording in force on one of the dates is not in the corpus

    @property
    def article(self) -> str:
        return split_cid(self.cid)[1] or ""


@dataclass
class Changes:
    target: str
    doc: str
    date_from: str
    date_to: str
    changes: list[Change]

    @property
    def articles(self) -> list[str]:
        """The articles (or annexes, addenda) touched, in order."""
        seen: list[str] = []
        for c in self.changes:
            if c.article not in seen:
                seen.append(c.article)
        return seen


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """A diff of two wordings by words (Korean words are spaced units too), as ("=", "-", "+") runs; amendment
    tags are left out (the change's instrument is given beside it)."""
    a, b = strip_tags(old).split(), strip_tags(new).split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return out


def _parent(cid: str) -> str | None:
    parts = cid.split(":")
    while len(parts) > 2:
        parts.pop()
        if parts[-1]:
            return ":".join(parts)
    return None


def _own_text(u: Unit, children: list[Unit]) -> str:
    """The unit's wording without its children's (the heading and lead-in of an article or paragraph)."""
    return wording_key(_own_words(u, children))


def _own_words(u: Unit, children: list[Unit]) -> str:
    text = u.text
    for c in children:
        text = text.replace(c.text, " ")
    return " ".join(text.split())


class ChangeFinder:
    """Compares the wordings of a document (or one provision and its parts) in force on two dates."""

    def __init__(self, store: IndexStore) -> None:
        self.store = store
        self._addenda_of: dict[str, list[tuple[str, str]]] = {}

    def resolve(self, target: str) -> tuple[str, str]:
        """(document id, cid prefix) for a document name or a citation; raise UnknownTargetError."""
        t = target.strip()
        for d in self.store.docs.values():
            names = {d.id, d.kind, d.short_en, d.short_ko, d.title_en, d.title_ko}
            if t.lower() in {n.lower() for n in names if n}:
                return d.id, ""
        cite = parse_citation(t)
        if cite is None or not self.store.find(cite.cid):
            raise UnknownTargetError(f"{target!r} names no document or provision of the corpus "
                                     "(try \"decree\", \"act\", \"Art. 35(1)\", \"Decree Art. 28\")")
        return cite.doc, cite.cid

    def units_on(self, doc: str, day: str, lang: str, prefix: str = "") -> dict[str, Unit]:
        out: dict[str, Unit] = {}
        for u in self.store.units.values():
            if (u.doc == doc and u.lang == lang and u.level not in _NOT_PROVISIONS and u.in_force(day)
                    and (not prefix or u.cid == prefix or u.cid.startswith(prefix + ":"))):
                out[u.cid] = u
        return out

    def diff(self, target: str, date_from: str, date_to: str) -> Changes:
        """The provisions added, removed and changed from `date_from` to `date_to` (either order is read as
        earlier → later)."""
        doc, prefix = self.resolve(target)
        date_from, date_to = sorted((date_from, date_to))
        old, new = self.units_on(doc, date_from, "ko", prefix), self.units_on(doc, date_to, "ko", prefix)
        if not old and not new:
            old, new = self.units_on(doc, date_from, "en", prefix), self.units_on(doc, date_to, "en", prefix)
        changes = [c for c in (self._change(cid, old, new, date_from, date_to) for cid in _ordered(old, new)) if c]
        return Changes(target, doc, date_from, date_to, changes)

    def _change(self, cid: str, old: dict[str, Unit], new: dict[str, Unit], d1: str, d2: str) -> Change | None:
        o, n = old.get(cid), new.get(cid)
        parent = _parent(cid)
        if o is None and n is not None:
            if parent in new and parent not in old:
                return None  # added (or of unknown earlier wording) with its parent: the parent is listed
            if self._gap(cid, n.lang, d1):
                return self._unknown(cid, o, n, d1, d2, d1)
            return self._make(cid, "added", o, n, d1, d2)
        if n is None and o is not None:
            if parent in old and parent not in new:
                return None
            if self._gap(cid, o.lang, d2):
                return self._unknown(cid, o, n, d1, d2, d2)
            return self._make(cid, "removed", o, n, d1, d2)
        assert o is not None and n is not None
        if o.uid == n.uid or wording_key(o.text) == wording_key(n.text):
            return None
        kids_o = [u for c, u in old.items() if _parent(c) == cid]
        kids_n = [u for c, u in new.items() if _parent(c) == cid]
        if (kids_o or kids_n) and _own_text(o, kids_o) == _own_text(n, kids_n):
            return None  # only its parts changed: they are listed themselves
        ch = self._make(cid, "changed", o, n, d1, d2)
        if kids_o or kids_n:  # the parts are listed themselves: diff the heading and lead-in only
            ch.words = word_diff(_own_words(o, kids_o), _own_words(n, kids_n))
            ch.words_en = []
        return ch

    def _unknown(self, cid: str, o: Unit | None, n: Unit | None, d1: str, d2: str, missing: str) -> Change:
        ch = self._make(cid, "changed", o, n, d1, d2)
        ch.note = (f"the wording in force on {missing} is not in the corpus (an intermediate consolidated text is "
                   "missing), so only the other date's wording is shown")
        return ch

    def _gap(self, cid: str | None, lang: str, day: str) -> bool:
        """Whether the provision has wordings before and after `day` in the corpus but none on it: the text in
        force that day (an intermediate consolidation) is not in the corpus."""
        if not cid:
            return False
        units = [u for u in self.store.by_cid.get(cid, []) if u.lang == lang]
        return (any(u.effective_to and u.effective_to < day for u in units)
                and any(u.effective_from > day for u in units) and not any(u.in_force(day) for u in units))

    def _make(self, cid: str, kind: str, o: Unit | None, n: Unit | None, d1: str, d2: str) -> Change:
        u = n or o
        assert u is not None
        doc = self.store.docs[u.doc]
        ch = Change(cid, kind, label(u, doc, "en"), label(u, doc, "ko"), o, n)
        if o is not None and n is not None:
            ch.words = word_diff(o.text, n.text)
            eo, en_ = self.store.twin(o, "en", d1), self.store.twin(n, "en", d2)
            if eo is not None and en_ is not None and eo.uid != en_.uid:
                ch.words_en = word_diff(eo.text, en_.text)
        ch.took_effect = n.effective_from if n is not None else (
            next_day(o.effective_to) if o is not None and o.effective_to else "")
        ch.instrument = self._instrument(u.doc, d1, ch.took_effect, n)
        return ch

    def _instrument(self, doc: str, after: str, took_effect: str, n: Unit | None) -> str:
        """The instruments that made a change taking effect on `took_effect`: the addenda promulgated on the dates
        the manifest maps to that day, or to a day since `after` that an amendment tag of the new wording names;
        else the version of the text the new wording comes from."""
        effective = {p: eff for f in self.store.docs[doc].files for p, eff in f.amendments.items()}
        dates = {p for p, eff in effective.items() if eff == took_effect}
        if n is not None:
            dates |= {d for d in tag_dates(n.text) if after < effective.get(d, "") <= took_effect}
        found = [f"No. {number} (promulgated {day})" for number, day in self._addenda(doc) if day in dates]
        if found:
            return f"{self._kind_name(doc)} " + " and ".join(found)
        return n.version if n is not None else ""

    def _addenda(self, doc: str) -> list[tuple[str, str]]:
        """(number, promulgation date as "2026.7.20") of each instrument whose addendum the document carries;
        read once per document (every change asks)."""
        if doc not in self._addenda_of:
            out: set[tuple[str, str]] = set()
            for u in self.store.units.values():
                if u.doc == doc and u.level == "addendum" and u.lang == "ko" and u.addendum and u.text:
                    day = written_date(u.text.splitlines()[0])
                    if day:
                        out.add((u.addendum, day))
            self._addenda_of[doc] = sorted(out)
        return self._addenda_of[doc]

    def _kind_name(self, doc: str) -> str:
        kind = self.store.docs[doc].kind
        return {"act": "Act", "decree": "Presidential Decree", "notice": "MSIT Notice"}.get(kind, kind)


def _ordered(old: dict[str, Unit], new: dict[str, Unit]) -> list[str]:
    """Every cid of either date, in the order of the text (the newer text first, removed ones where they were)."""
    order: list[str] = []
    for cid in list(new) + [c for c in old if c not in new]:
        if cid not in order:
            order.append(cid)
    return sorted(order, key=_cid_sort_key)


def _cid_sort_key(cid: str) -> tuple:
    def part(p: str) -> tuple:
        nums = re.findall(r"\d+", p)
        return (0 if nums else 1, tuple(map(int, nums)), p)
    return tuple(part(p) for p in cid.split(":")[1:])


RECENT_DAYS = 183  # "changed in the last six months"


def wording_change(store: IndexStore, cid: str, lang: str, as_of: str) -> str:
    """A note for a citation whose wording changed in the six months before `as_of` or will change on a known
    date after it (in the answer's language); "" when neither."""
    units = [u for u in store.by_cid.get(cid, []) if u.lang == lang] or \
        [u for u in store.by_cid.get(cid, []) if u.lang == "ko"]
    now = next((u for u in units if u.in_force(as_of)), None)
    if now is None:
        return ""
    later = sorted(u.effective_from for u in units if u.effective_from > as_of)
    if later and now.effective_to:
        day = later[0]
        return (f"이 조항의 문구는 {day}부터 바뀝니다(kaia diff로 비교)." if lang == "ko" else
                f"this provision's wording changes on {day} (compare with kaia diff)")
    earlier = [u for u in units if u.effective_to and u.effective_to < now.effective_from]
    since = (date.fromisoformat(as_of) - timedelta(days=RECENT_DAYS)).isoformat()
    if earlier and since < now.effective_from <= as_of:
        return (f"이 조항의 문구는 {now.effective_from}에 바뀌었습니다(kaia diff로 비교)." if lang == "ko" else
                f"this provision's wording changed on {now.effective_from} (compare with kaia diff)")
    return ""


def _unit_dict(u: Unit | None) -> dict[str, str] | None:
    if u is None:
        return None
    return {"uid": u.uid, "text": u.text, "version": u.version, "effective_from": u.effective_from,
            "effective_to": u.effective_to, "lang": u.lang}


def changes_dict(ch: Changes) -> dict:
    """The JSON of `kaia diff --json`."""
    return {"target": ch.target, "doc": ch.doc, "from": ch.date_from, "to": ch.date_to, "articles": ch.articles,
            "counts": {k: sum(1 for c in ch.changes if c.kind == k) for k in ("added", "removed", "changed")},
            "changes": [{"cid": c.cid, "kind": c.kind, "label_en": c.label_en, "label_ko": c.label_ko,
                         "took_effect": c.took_effect, "instrument": c.instrument, "note": c.note,
                         "old": _unit_dict(c.old), "new": _unit_dict(c.new),
                         "diff_ko": [list(w) for w in c.words], "diff_en": [list(w) for w in c.words_en]}
                        for c in ch.changes]}
