""""Check my obligations": the facts asked step by step in plain language, then every duty of the map with its
status, what to do, the fine and the provisions, exportable as a Markdown checklist. Used by `kaia check` and by
the chat page's checker tab; the reasoning is the same Reasoner that gives answers their verdicts."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.knowledge import CID_MARK, Bilingual, Knowledge
from corpus.labels import ko_date

from assistant.facts import FactValue, Facts
from assistant.reason import APPLIES, DEPENDS, NOT_APPLY, Reasoner

MAX_STEPS = 14  # questions asked before the list is shown with what is still open
STATUS_TEXT = {APPLIES: {"en": "Applies", "ko": "적용됨"}, NOT_APPLY: {"en": "Does not apply", "ko": "적용되지 않음"},
               DEPENDS: {"en": "Depends", "ko": "경우에 따라 다름"}}
HEADINGS = {
    "title": {"en": "AI Basic Act obligations checklist", "ko": "인공지능기본법 의무 점검표"},
    "facts": {"en": "Facts you gave", "ko": "입력한 사실관계"},
    "as_of": {"en": "Law as of", "ko": "기준일"},
    "what": {"en": "What to do", "ko": "해야 할 일"},
    "why": {"en": "Why", "ko": "이유"},
    "fine": {"en": "If you do not", "ko": "이행하지 않으면"},
    "law": {"en": "Provisions", "ko": "근거 조항"},
    "open": {"en": "Still open", "ko": "확인이 필요한 사항"},
    "note": {"en": "kaia reads the law in force on the date above; the Korean text controls, and this is not legal "
                   "advice.", "ko": "위 기준일에 시행 중인 법령에 따른 점검이며, 한국어 원문이 우선하고 법률 자문이 아닙니다."},
    "unknown": {"en": "not stated", "ko": "미입력"},
    "yes": {"en": "yes", "ko": "예"}, "no": {"en": "no", "ko": "아니요"},
}
TRUE_WORDS = {"y", "yes", "true", "1", "예", "네", "응", "ㅇ", "맞아요", "그렇다"}
FALSE_WORDS = {"n", "no", "false", "0", "아니요", "아니오", "아니", "ㄴ", "아니다"}
SKIP_WORDS = {"", "?", "skip", "unknown", "모름", "모르겠음", "건너뛰기"}


class FactsFileError(ValueError):
    """A facts file or answer that does not fit the vocabulary (the message says which fact and why)."""


@dataclass
class CheckItem:
    id: str
    name: str
    status: str
    because: list[str]  # plain sentences with [cid] marks
    what: list[str] = field(default_factory=list)
    fine: str = ""
    provisions: list[str] = field(default_factory=list)  # canonical ids
    open: list[str] = field(default_factory=list)  # the facts that would decide it


@dataclass
class Checklist:
    as_of: str
    lang: str
    facts: dict[str, Any]
    items: list[CheckItem]

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "lang": self.lang, "facts": self.facts,
                "duties": [{"id": i.id, "name": i.name, "status": i.status, "because": [_plain(b) for b in i.because],
                            "what": [_plain(w) for w in i.what], "fine": _plain(i.fine), "provisions": i.provisions,
                            "open": i.open} for i in self.items]}


def _t(b: Bilingual, lang: str) -> str:
    return b.en if lang == "en" else b.ko


def _plain(text: str) -> str:
    return re.sub(r"\s+([.,;])", r"\1", CID_MARK.sub("", text)).strip()


class Checker:
    """The obligations checker over one duty map."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge
        self.r = Reasoner(knowledge)

    # ------------------------------------------------------------------ facts

    def facts_from(self, raw: dict[str, Any]) -> Facts:
        """Facts from a JSON object of fact ids (true/false, numbers, or null for unknown); FactsFileError if a
        key is not in the vocabulary or a value has the wrong type."""
        if not isinstance(raw, dict):
            raise FactsFileError("the facts must be a JSON object of fact ids, e.g. {\"provides_to_others\": true}")
        out = Facts()
        for key, value in raw.items():
            spec = self.k.facts.get(key)
            if spec is None:
                known = ", ".join(sorted(self.k.facts))
                raise FactsFileError(f"unknown fact {key!r}; the facts are: {known}")
            if value is None:
                continue
            if spec.type == "bool" and not isinstance(value, bool):
                raise FactsFileError(f"fact {key!r} takes true, false or null, not {value!r}")
            if spec.type == "number" and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
                raise FactsFileError(f"fact {key!r} takes a number (or null), not {value!r}")
            out.values[key] = FactValue(value, "(stated)", "stated")
        return self.close(out)

    def close(self, facts: Facts) -> Facts:
        """`facts` with what the stated facts imply (used only inside the company => not offered to others)."""
        from assistant.facts import FactReader

        FactReader(self.k)._imply(facts)
        return facts

    def load_facts(self, path: Path) -> Facts:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise FactsFileError(f"{path}: {exc.strerror}") from None
        except (UnicodeDecodeError, ValueError) as exc:
            raise FactsFileError(f"{path}: not a JSON file ({exc})") from None
        return self.facts_from(raw)

    def parse_answer(self, fid: str, text: str) -> Any:
        """An answer typed at a prompt: yes/no (예/아니요) or a number; None to leave the fact open."""
        t = (text or "").strip().lower().replace(",", "")
        if t in SKIP_WORDS:
            return None
        spec = self.k.facts[fid]
        if spec.type == "bool":
            if t in TRUE_WORDS:
                return True
            if t in FALSE_WORDS:
                return False
            raise FactsFileError("answer yes or no (예 / 아니요), or press Enter to leave it open")
        from corpus.numbers import quantities

        qs = quantities(t)
        if len(qs) != 1:
            raise FactsFileError("give one number (1200000, 1.2M, 120만, 10^26), or press Enter to leave it open")
        return qs[0][2]

    # ------------------------------------------------------------------ steps

    def next_fact(self, facts: Facts, as_of: str, asked: set[str] = frozenset()) -> str | None:
        """The fact that decides the most open duties (None when nothing is open or everything was asked)."""
        counts: dict[str, int] = {}
        for s in self.r.all_duties(facts, as_of):
            for fid in s.unknown:
                if fid not in asked:
                    counts[fid] = counts.get(fid, 0) + 1
        if not counts:
            return None
        order = list(self.k.facts)
        return max(counts, key=lambda f: (counts[f], -order.index(f)))

    def question(self, fid: str, lang: str) -> str:
        spec = self.k.facts[fid]
        ask = _t(spec.ask, lang)
        if lang == "ko":
            return f"{ask}?" if spec.type == "bool" else f"{ask}은(는)?"
        return f"Tell me {ask}." if spec.type == "number" else f"Tell me {ask}."

    # ------------------------------------------------------------------ result

    def checklist(self, facts: Facts, as_of: str, lang: str) -> Checklist:
        items = []
        for s in self.r.all_duties(facts, as_of):
            d = self.k.duties[s.id]
            if s.status == NOT_APPLY:
                because = [b.text[lang] for b in s.because[:1] if b.text] or \
                    ([f"{d.applies_from} [{d.dated_by[0]}]"] if s.because and s.because[0].kind == "date" else [])
            elif s.status == APPLIES:
                because = [_t(d.plain.rule, lang)] + [b.text[lang] for b in s.because if b.text]
            else:
                because = [_t(d.plain.rule, lang)]
            what = [_t(x, lang) for x in (d.plain.how, d.plain.deemed) if x is not None]
            fine = _t(d.plain.fine, lang) if d.plain.fine is not None else (
                _t(self.k.not_fined, lang) if d.type == "duty" else "")
            provisions = list(dict.fromkeys(d.rests_on + d.how + d.fine))
            items.append(CheckItem(d.id, _t(d.name, lang), s.status, because, what, fine, provisions,
                                   list(s.unknown)))
        stated = {k: v.value for k, v in facts.values.items() if v.how in ("stated", "pattern", "figure", "area",
                                                                           "example")}
        return Checklist(as_of, lang, stated, items)

    def markdown(self, cl: Checklist, labels: dict[str, str] | None = None) -> str:
        """The checklist as Markdown, headings in the checklist's language, provisions by their labels."""
        lang = cl.lang
        h = {k: v[lang] for k, v in HEADINGS.items()}
        day = ko_date(cl.as_of) if lang == "ko" else cl.as_of
        out = [f"# {h['title']}", "", f"{h['as_of']}: {day}", ""]
        if cl.facts:
            out += [f"## {h['facts']}", ""]
            for fid, value in cl.facts.items():
                shown = h["yes"] if value is True else h["no"] if value is False else f"{value:,.0f}" \
                    if isinstance(value, (int, float)) else str(value)
                out.append(f"- {_t(self.k.facts[fid].ask, lang)}: **{shown}**")
            out.append("")
        for item in sorted(cl.items, key=lambda i: (i.status != APPLIES, i.status != DEPENDS)):
            box = "x" if item.status == NOT_APPLY else " "
            out += [f"## [{box}] {item.name} — {STATUS_TEXT[item.status][lang]}", ""]
            out += [f"- {h['why']}: {self._cite(b, labels)}" for b in item.because]
            if item.status != NOT_APPLY:
                out += [f"- {h['what']}: {self._cite(w, labels)}" for w in item.what]
                if item.fine:
                    out.append(f"- {h['fine']}: {self._cite(item.fine, labels)}")
            if item.open:
                asks = "; ".join(_t(self.k.facts[f].ask, lang) for f in item.open)
                out.append(f"- {h['open']}: {asks}")
            law = ", ".join((labels or {}).get(c, c) for c in item.provisions)
            out += [f"- {h['law']}: {law}", ""]
        out.append(f"_{h['note']}_")
        return "\n".join(out) + "\n"

    @staticmethod
    def _cite(text: str, labels: dict[str, str] | None) -> str:
        """A plain sentence with its [cid] marks shown as provision labels."""
        return CID_MARK.sub(lambda m: f"({(labels or {}).get(m.group(1), m.group(1))})", text)


def provision_labels(store, cids: list[str], lang: str, as_of: str) -> dict[str, str]:  # noqa: ANN001 - IndexStore
    """Canonical id -> its label in `lang` ("AI Basic Act Art. 31(1)"), for the provisions the index has."""
    from corpus.labels import label

    out = {}
    for cid in cids:
        units = store.find(cid, as_of=as_of) or store.find(cid)
        if units:
            u = next((x for x in units if x.lang == lang), units[0])
            out[cid] = label(u, store.docs[u.doc], lang)
    return out


def all_cids(k: Knowledge) -> list[str]:
    return sorted(k.cited_ids())
