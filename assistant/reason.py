"""Reasoning over the duty map: whether each duty binds the asker, given the facts read from the question.

Pure functions of the map and the facts (no retrieval, no text search): a duty applies when every term of its
`applies_when` is true and none of its exceptions is; it does not apply when a term is false, an exception is true
or it is not yet in force; otherwise it depends, on the unknown facts that would decide it, each with both branches.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corpus.conditions import TOUCHED, evaluate, names
from corpus.knowledge import Duty, Exception_, Knowledge, Way

from assistant.facts import Facts

APPLIES, NOT_APPLY, DEPENDS = "applies", "does-not-apply", "depends"


@dataclass
class Reason:
    """One step of the reasoning, worded by the map: a term's value, an exception, a note or the start date."""

    kind: str  # "term", "exception", "note", "date", "assumed"
    id: str
    value: bool | None
    rests_on: list[str] = field(default_factory=list)
    text: dict[str, str] = field(default_factory=dict)  # lang -> plain sentence with [cid] marks


@dataclass
class Status:
    """Whether one duty (or a term asked about) binds the asker, and why."""

    id: str
    status: str  # APPLIES, NOT_APPLY or DEPENDS
    because: list[Reason] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # the facts that would decide it, most decisive first
    branches: dict[str, dict[Any, str]] = field(default_factory=dict)  # fact -> {value: status}


@dataclass
class Counted:
    """Whether one measure of Art. 34(1) counts as taken under Decree Annex 1, for the regimes a question names."""

    item: int
    status: str  # "yes", "no", "depends", or "partial" (it counts only in part)
    entries: list[str] = field(default_factory=list)  # the Annex 1 entries that decide it (none: nothing listed)
    missing: list[tuple[str, int]] = field(default_factory=list)  # (entry, requirement) the question says not done
    open: list[tuple[str, int]] = field(default_factory=list)  # (entry, requirement) the question does not mention
    too_early: list[str] = field(default_factory=list)  # entries that did not yet apply on the date asked


@dataclass
class WayStatus:
    """Whether the way of doing a duty that a question describes is enough: "yes", "no" or "depends"."""

    verdict: str
    way: Way | None = None  # the way that decides it
    unknown: list[str] = field(default_factory=list)  # where it depends: the facts that would decide it
    open: list[Way] = field(default_factory=list)  # where it depends: the ways still open


class Reasoner:
    """Evaluates the map's terms and duties over one set of facts."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    # ------------------------------------------------------------------ terms

    def term(self, tid: str, facts: Facts) -> bool | None:
        return self._term(tid, facts, {})

    def _term(self, tid: str, facts: Facts, memo: dict[str, bool | None]) -> bool | None:
        if tid in memo:
            return memo[tid]
        t = self.k.terms[tid]
        if any(evaluate(self.k.condition(u), lambda n: self._lookup(n, facts, memo)) is True for u in t.unless):
            memo[tid] = False  # an exception the question states (AI solely for national defence)
            return False
        value = evaluate(self.k.condition(t.when), lambda n: self._lookup(n, facts, memo))
        touched = set().union(*(self.leaves(u) for u in t.unless)) & facts.mentioned if t.unless else set()
        # an exception stated in part and open in the rest ("solely for a weapon system", designation unsaid)
        touched |= {f for u in t.unless if evaluate(self.k.condition(u), lambda n: self._lookup(n, facts, memo))
                    is None for f in self.leaves(u) if facts.get(f) is not None}
        if value is None and not touched and self._by_assumption(t, facts, memo):
            value = True  # what it turns on the question says nothing of: read as the usual case, and said so
        elif value is True and touched:
            value = None  # an exception the question touches without deciding it (weapons AI: solely for defence?)
        memo[tid] = value
        return value

    def _lookup(self, name: str, facts: Facts, memo: dict[str, bool | None]) -> Any:
        if name in self.k.terms:
            return self._term(name, facts, memo)
        v = facts.get(name)
        return TOUCHED if v is None and name in facts.mentioned else v

    def leaves(self, condition: str) -> set[str]:
        """The facts a condition rests on, through the terms it uses."""
        out: set[str] = set()
        stack = list(names(self.k.condition(condition)))
        while stack:
            n = stack.pop()
            if n in self.k.terms:
                stack.extend(names(self.k.condition(self.k.terms[n].when)))
            else:
                out.add(n)
        return out

    def term_leaves(self, tid: str) -> set[str]:
        """The facts a term's value rests on: those of its condition and of its exceptions, at any depth."""
        out = self.leaves(self.k.terms[tid].when)
        for t in [tid, *self.leaves_terms(tid)]:
            for u in self.k.terms[t].unless:
                out |= self.leaves(u)
        return out

    def leaves_terms(self, tid: str) -> list[str]:
        """The terms a term is defined through, at any depth."""
        out: list[str] = []
        stack = [n for n in names(self.k.condition(self.k.terms[tid].when)) if n in self.k.terms]
        while stack:
            n = stack.pop()
            if n not in out:
                out.append(n)
                stack.extend(x for x in names(self.k.condition(self.k.terms[n].when)) if x in self.k.terms)
        return out

    def defaulted(self, tid: str, facts: Facts) -> bool:
        """Whether a term holds only by its written default (`coalesce(a, b, true)` with a and b unknown): the
        answer then says what would change it."""
        from corpus.conditions import Coalesce, Const

        node = self.k.condition(self.k.terms[tid].when)
        if not isinstance(node, Coalesce) or not isinstance(node.args[-1], Const):
            return False
        return all(evaluate(a, lambda n: self._lookup(n, facts, {})) is None for a in node.args[:-1])

    def exception_value(self, exception, facts: Facts) -> bool | None:  # noqa: ANN001 - an Exception_
        return self.holds(exception.when, facts)

    def holds(self, condition: str, facts: Facts) -> bool | None:
        """The three-valued truth of a condition of the map over the facts."""
        return evaluate(self.k.condition(condition), lambda n: self._lookup(n, facts, {}))

    def _by_assumption(self, t, facts: Facts, memo: dict[str, bool | None]) -> bool:  # noqa: ANN001 - a Term
        """Whether the term holds once the facts it `assume`s, where the question says nothing of them (neither
        states nor touches them), are taken as the usual case."""
        if self.leaves(t.when) & facts.mentioned:
            return False  # something it turns on is spoken of without being decided: left open
        if t.assume_if and evaluate(self.k.condition(t.assume_if), lambda n: self._lookup(n, facts, memo)) is not True:
            return False
        given = {f: v for f, v in t.assume.items() if facts.get(f) is None}
        return bool(given) and evaluate(
            self.k.condition(t.when), lambda n: given[n] if n in given else self._lookup(n, facts, memo)) is True

    def assumed(self, tid: str, facts: Facts) -> bool:
        """Whether a term holds only because the question said nothing of what it turns on (its `assume`)."""
        t = self.k.terms[tid]
        return bool(t.assume) and evaluate(self.k.condition(t.when), lambda n: self._lookup(n, facts, {})) is None \
            and self._by_assumption(t, facts, {})

    def _term_reason(self, tid: str, value: bool | None, facts: Facts | None = None) -> Reason:
        t = self.k.terms[tid]
        text = {}
        if value is not None:
            side = t.plain.true if value else t.plain.false
            if facts is not None:
                side = next((x.plain for x in (t.true_when if value else t.false_when)
                             if self.holds(x.when, facts) is True), side)
            text = {"en": side.en, "ko": side.ko}
        return Reason("term", tid, value, list(t.rests_on), text)

    def term_text(self, tid: str, value: bool, facts: Facts) -> dict[str, str]:
        """The plain sentence (lang -> text) that says the term's value, in the narrower words the facts call for."""
        return self._term_reason(tid, value, facts).text

    def classify(self, tid: str, facts: Facts) -> Status:
        """A term asked about directly ("is our hiring tool high-impact AI?")."""
        t = self.k.terms[tid]
        if t.asked_assume_if and self.holds(t.asked_assume_if, facts) is not True:
            facts = facts.copy()  # what it would assume is the point asked: touched, left open
            facts.mentioned |= {f for f in t.assume if facts.get(f) is None}
        value = self.term(tid, facts)
        if value is None:
            unknown = self._decisive(lambda f: self.term(tid, f), facts, self.term_leaves(tid)) or \
                self._open_exception(tid, facts)
            branches = {u: {v: _status(self.term(tid, facts.with_value(u, v))) for v in _branch_values(self.k, u)}
                        for u in unknown}
            return Status(tid, DEPENDS, [self._term_reason(tid, None)], unknown, branches)
        reason = self._term_reason(tid, value, facts)
        if value and t.ruled_out is not None:
            stated = {f for f, v in facts.values.items() if v.how not in ("implied", "assumed")}
            if any(self.holds(u, facts) is False and self.leaves(u) & stated for u in t.unless):
                reason = Reason("term", tid, True, list(t.rests_on), {"en": t.ruled_out.en, "ko": t.ruled_out.ko})
        return Status(tid, APPLIES if value else NOT_APPLY, [reason])

    # ------------------------------------------------------------------ duties

    def duty(self, duty: Duty, facts: Facts, as_of: str) -> Status:
        """Whether `duty` binds the asker on `as_of`, with the reasons and, if it depends, on what."""
        if as_of < duty.applies_from:
            return Status(duty.id, NOT_APPLY, [Reason("date", duty.id, False, list(duty.dated_by))])
        status, because = self.evaluate(duty, facts)
        if status != DEPENDS:
            return Status(duty.id, status, because)
        leaves: set[str] = set()
        for tid in duty.applies_when:
            if self.term(tid, facts) is None:
                leaves |= self.term_leaves(tid)
        if not leaves:  # every term holds: an exception the question touches is what is open
            for e in self._touched_exceptions(duty, facts):
                leaves |= self.leaves(e.when)
        unknown = self._decisive(lambda f: self.evaluate(duty, f)[0], facts, leaves) or [
            f for tid in duty.applies_when if self.term(tid, facts) is None for f in self._open_exception(tid, facts)]
        branches = {u: {v: self.evaluate(duty, self.given(facts, u, v))[0] for v in _branch_values(self.k, u)}
                    for u in unknown}
        return Status(duty.id, DEPENDS, because, unknown, branches)

    def given(self, facts: Facts, fid: str, value: Any) -> Facts:
        """`facts` with one fact set for a branch, and what it implies of the facts the question left open (offered
        to others: not used only in-house, whatever the question touched of that)."""
        out = facts.with_value(fid, value)
        spec = self.k.facts[fid]
        if spec.type == "bool":
            for other, v in (spec.implies.true if value else spec.implies.false).items():
                if other not in facts.values:
                    out = out.with_value(other, v)
                    out.mentioned.discard(other)
        return out

    def _open_exception(self, tid: str, facts: Facts) -> list[str]:
        """Where no one fact decides a term, the unknown facts of the exceptions it leaves open ("is it outside the
        Act as national-security AI?": whether it serves only such tasks, and whether they are designated)."""
        t = self.k.terms[tid]
        open_ = {f for u in t.unless if self.holds(u, facts) is None for f in self.leaves(u) if facts.get(f) is None}
        return [f for f in self.k.facts if f in open_ and self.k.facts[f].decides]

    def evaluate(self, duty: Duty, facts: Facts) -> tuple[str, list[Reason]]:
        for e in duty.exceptions:
            if evaluate(self.k.condition(e.when), lambda n: self._lookup(n, facts, {})) is True:
                return NOT_APPLY, [Reason("exception", e.id, True, list(e.rests_on),
                                          {"en": e.plain.en, "ko": e.plain.ko})]
        values = [(tid, self.term(tid, facts)) for tid in duty.applies_when]
        false = [tid for tid, v in values if v is False]
        if false:
            return NOT_APPLY, [self._term_reason(false[0], False, facts)]
        because = [self._term_reason(tid, True) for tid, v in values if v is True and not self.assumed(tid, facts)]
        because += [Reason("assumed", tid, True) for tid, v in values if v is True and self.assumed(tid, facts)]
        if any(v is None for _, v in values):
            return DEPENDS, because + [self._term_reason(tid, None) for tid, v in values if v is None]
        touched = self._touched_exceptions(duty, facts)
        if not touched:
            return APPLIES, because
        return DEPENDS, because + [Reason("exception", e.id, None, list(e.rests_on),
                                          {"en": e.plain.en, "ko": e.plain.ko}) for e in touched]

    def _touched_exceptions(self, duty: Duty, facts: Facts) -> list[Exception_]:
        """The duty's exceptions the question touches without deciding ("'PillPal AI': the name says AI" — whether
        that makes the use evident is left open): where every term holds, the duty then depends on them."""
        return [e for e in duty.exceptions if self.holds(e.when, facts) is None
                and self.leaves(e.when) & facts.mentioned]

    def notes(self, duty: Duty, facts: Facts) -> list[Reason]:
        """The duty's notes whose conditions the facts meet (deemed compliance, artistic works, ...)."""
        return [Reason("note", f"{duty.id}:{i}", True, list(n.rests_on), {"en": n.plain.en, "ko": n.plain.ko})
                for i, n in enumerate(duty.notes)
                if evaluate(self.k.condition(n.when), lambda x: self._lookup(x, facts, {})) is True]

    def _decisive(self, outcome, facts: Facts, leaves: set[str]) -> list[str]:  # noqa: ANN001 - Facts -> str|bool
        """The unknown facts whose value would change the outcome, in the vocabulary's order."""
        base = outcome(facts)
        out = []
        for fid in self.k.facts:
            if fid not in leaves or not self.k.facts[fid].decides:
                continue
            # a figure known only as a band ("USD 7 million", "under 1 trillion") decides where its ends disagree
            band = facts.values[fid].value if fid in facts.values else None
            if fid in facts.values and not isinstance(band, tuple):
                continue
            tried = band if isinstance(band, tuple) else _branch_values(self.k, fid)
            results = {_status(outcome(facts.with_value(fid, v))) for v in tried}
            if len(results) > 1 or results != {_status(base)}:
                out.append(fid)
        return out

    # ------------------------------------------------------------------ ways of doing a duty

    def way(self, duty: Duty, facts: Facts) -> WayStatus | None:
        """Whether the way of doing `duty` the question describes is enough: the first of the duty's ways whose
        condition holds decides; None where the question says nothing of how it is done (or every way is ruled
        out, which the map does not decide)."""
        leaves = set().union(*(self.leaves(w.when) for w in duty.ways)) if duty.ways else set()
        # The question must say how it is done: a way's own fact stated as so, not only a side condition the ways
        # share with the rest of the map (an artistic work), a circumstance of the use (downloads) or a way denied.
        described = {f for f in leaves - self._side_facts() if not self.k.facts[f].circumstance}
        if not any(facts.get(f) is True for f in described):
            return None
        status = self._way_verdict(duty, facts)
        if status is None or status.verdict != "depends":
            return status
        unknown = self._decisive(lambda f: getattr(self._way_verdict(duty, f), "verdict", "depends"), facts, leaves)
        return WayStatus("depends", None, unknown, status.open) if unknown else None

    def _side_facts(self) -> set[str]:
        """The facts the map's terms, exceptions and notes rest on (not descriptions of a way)."""
        if not hasattr(self, "_side"):
            conds = [t.when for t in self.k.terms.values()] + [u for t in self.k.terms.values() for u in t.unless]
            conds += [x.when for d in self.k.duties.values() for x in [*d.exceptions, *d.notes]]
            self._side = set().union(*(self.leaves(c) for c in conds))
        return self._side

    def _way_verdict(self, duty: Duty, facts: Facts) -> WayStatus | None:
        values = [(w, evaluate(self.k.condition(w.when), lambda n: self._lookup(n, facts, {}))) for w in duty.ways]
        held = next((w for w, v in values if v is True), None)
        if held is not None:
            return WayStatus("yes" if held.enough else "no", held)
        still = [w for w, v in values if v is None]
        return WayStatus("depends", open=still) if still else None

    # ------------------------------------------------------------------ Annex 1

    def deemed(self, regimes: list[str], items: list[int], facts: Facts, as_of: str) -> list[Counted]:
        """For each measure asked about, whether what the question says was done under the named regimes counts
        as taking it: every requirement of an entry done (and the entry applying on `as_of`) counts."""
        out = []
        for item in items:
            entries = [e for e in self.k.deemed if e.regime in regimes and item in e.items]
            c = Counted(item, "no", [e.id for e in entries])
            values = []
            for e in entries:
                if e.applies_from is not None and as_of < e.applies_from:
                    c.too_early.append(e.id)
                    values.append((e, False))
                    continue
                parts = facts.measures.get(e.id, ())
                c.missing += [(e.id, i) for i, v in enumerate(parts) if v is False]
                c.open += [(e.id, i) for i, v in enumerate(parts) if v is None]
                values.append((e, False if False in parts else None if None in parts else True))
            done = [e for e, v in values if v is True]
            if done:
                c.status = "yes" if any(e.partial is None for e in done) else "partial"
                c.entries = [next((e.id for e in done if e.partial is None), done[0].id)]
            elif any(v is None for _, v in values):
                c.status = "depends"
                c.entries = [e.id for e, v in values if v is None]
            out.append(c)
        return out

    def all_duties(self, facts: Facts, as_of: str) -> list[Status]:
        """Every duty of the map with its status (the "what applies to us?" answer and the checker's list)."""
        return [self.duty(d, facts, as_of) for d in self.k.duties.values()]


def _status(v: Any) -> str:
    if isinstance(v, str):
        return v
    return DEPENDS if v is None else APPLIES if v else NOT_APPLY


def _branch_values(k: Knowledge, fid: str) -> list[Any]:
    """The values a fact is tried with: true and false, or for a number a value on each side of the thresholds the
    map compares it with."""
    spec = k.facts[fid]
    if spec.type == "bool":
        return [True, False]
    from corpus.conditions import Compare

    thresholds: set[float] = set()

    def walk(node: Any) -> None:
        if isinstance(node, Compare) and node.left.name == fid:
            thresholds.add(node.right.value)
        for child in getattr(node, "args", ()) or ([node.arg] if hasattr(node, "arg") else []):
            walk(child)

    for node in k.conditions.values():
        walk(node)
    if not thresholds:
        return [0.0]
    t = min(thresholds)
    return [t, t / 10]
