"""When the corpus does not address a question: another law or country, a provision that does not exist, or
nothing that matches well enough. Thresholds are calibrated on the project's evaluation set (eval/)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import LAW_KINDS
from ingest.store import IndexStore

from assistant.coverage import coverage
from assistant.query import FINE_TUNE, names_place
from assistant.records import Retrieval
from assistant.retrieve import _IDENTIFIER

# A question whose words the best provisions barely contain is declined. Only a floor: a rule that also declined
# on a weak vector match (coverage under 0.25 with cosine under 0.87, grid-searched on eval/questions.jsonl) caught
# two of its questions and declined 3 of 56 answerable questions of the second held-out set (SME questions naming
# their product: "a CCTV camera", "'AI Writer'"), whose details no law text repeats.
MIN_COVERAGE_ALONE = 0.1
# A question is about this corpus only if it shares a word the corpus uses more than in passing: every word of
# "오늘 점심 뭐 먹지?" or "write me a poem about spring" that the corpus has at all is rarer than this
# (inverse document frequency; "AI" is 1.2, "domestic" 3.9, "MOTIE ... issued" 5.2, "먹" 6.0).
OFF_TOPIC_IDF = 5.5
FIGURE_DEPTH = 2  # measured: 3 or 5 let three unanswerable amount questions through (a fine's amount is near)

# A request for business or technical advice, a recommendation or a piece of writing, rather than for what the law
# says: the corpus has nothing to answer it with, unless the question also asks about a legal duty.
ADVICE = re.compile(
    r"\b(which|what)\b(\s+[\w'-]+){0,4}\s+(is|are|would be|will be)\s+(the\s+)?(best|cheapest|better|fastest)\b|"
    r"\bbetter (option|choice|deal)\b|\brecommend|\bshould (i|we) (use|choose|pick|buy|go with)\b|"
    r"\b(write|compose) (me |us )?(a|an|some) |\bgood (name|slogan|investment)\b|"
    r"\bhow (do|can|should) (i|we) (build|train|fine-?tune|deploy|host|code|program|install|reset)\b|"
    r"나을까|나은가요|추천(해|좀|받)|어디가 (더 )?(좋|나)|뭐가 (더 )?(좋|나)|(써|만들어|짜)\s?(줘|줄래|주세요)|만드는 법",
    re.I)
LEGAL = re.compile(r"\b(laws?|legal|act|decree|notices?|rules?|regulat\w*|compl(y|iance|iant)|obligat\w*|required?|"
                   r"must|allowed|permitted|prohibit\w*|fines?|penalt\w*|dut(y|ies)|liab\w*|notify|label\w*)\b|"
                   r"(?<!는 )법|의무|규정|시행령|고시|과태료|허용|금지|해야|신고|적용|고지|표시", re.I)  # 만드는 법: a way to make


QUANTITY_QUESTION = re.compile(r"how much|how many|what (is the )?(rate|amount|price)|\brate\b|"
                               r"얼마|몇\s*(명|일|년|개월|시간|%|퍼센트|건)|비율|세율|금액", re.I)
QUANTITY = re.compile(r"\d[\d,.]*\s*(?:천|백|십)?\s*(원|만원|억|조원|won|krw|%|percent|일|days?|개월|months?|년|years?|명|persons?|"
                      r"members?|시간|hours?|times|회|분의|건|/\d)|10\^|\bKRW\b|(백|천)만원|승 ", re.I)

# Questions about how the law has been applied: fines actually imposed, cases, rulings, precedents. The law's own
# text cannot record its enforcement; a commentary passage or a user's document might.
ENFORCEMENT_RECORD = re.compile(
    r"\b(first|any|past|recent|previous|real|actual) (enforcement )?(cases?|precedents?|rulings?|court decisions?)\b|"
    r"\bcase law\b|\bprecedents?\b|\b(ha[sv]e?|did) (msit|the (ministry|government|minister|regulator)|anyone|any "
    r"(company|companies|firm|business)) (ever |already |actually |yet )*(been )?(fined|sanctioned|penali[sz]ed|"
    r"investigated|punished)|\b(been|was|were) (fined|sanctioned|penali[sz]ed|punished) (so far|yet|to date|already)|"
    r"\bhow many (companies|firms|businesses) (have|has) been|\b(any|which) (compan(y|ies)|firms?|business(es)?) "
    r"(ha(s|ve) )?(been )?(fined|sanctioned|penali[sz]ed|punished)|"
    r"판례|(처분|제재|부과|적발|처벌)\s*사례|실제로 .{0,20}(부과|처분|제재|적발)(받|된|한|했)|지금까지 .{0,20}(부과|처분|제재|적발)",
    re.I)


@dataclass
class Decision:
    abstain: bool
    reason: str = ""  # "no-candidates", "unknown-provision", "not-in-force", "foreign", "no-record", "off-topic",
    # "advice", "missing-document", "weak-match"
    detail: str = ""
    coverage: float = 0.0
    dense: float = 0.0


def off_topic(store: IndexStore, terms: list[str]) -> bool:
    """Whether no search term of the question is a word the corpus uses more than in passing."""
    idf = store.idf
    if any(_IDENTIFIER.match(t) and t in idf for t in terms):
        return False  # a number the corpus has ("Announcement No. 2026-271") names what is asked about
    return min((idf[t] for t in terms if t in idf), default=float("inf")) > OFF_TOPIC_IDF


def decide(store: IndexStore, r: Retrieval, missing: list[dict] | None = None) -> Decision:
    a = r.analysis
    q = a.query.question
    if not a.citations and off_topic(store, a.terms):
        return Decision(True, "off-topic")
    if ADVICE.search(q) and not LEGAL.search(FINE_TUNE.sub("tun", q)) and not a.citations:
        return Decision(True, "advice")
    if a.unknown_names:
        # Another jurisdiction is in scope only where the law itself names it, or where the question compares
        # Korea with it and commentary makes that comparison.
        law = " ".join(u.text for c in r.candidates[:5] if c.doc in ("act", "decree") or c.doc.startswith("notice")
                       for u in c.units).lower()
        comment = store.commentary_text
        compares = bool(re.search(r"korea|한국|우리나라", q, re.I))
        foreign = [n for n in a.unknown_names
                   if not names_place(n, law) and not (compares and names_place(n, comment))]
        if foreign:
            return Decision(True, "foreign", ", ".join(foreign))
    # Another field of law (copyright, elections, tax...) that nothing in the index mentions: the corpus is silent.
    silent = [(ko if a.lang == "ko" else en) for en, ko, p in a.other_fields if not store.mentions(p)]
    if silent:
        return Decision(True, "foreign", ", ".join(silent))
    for m in missing or []:
        pats = [re.compile(p, re.I) for p in m["patterns"]]
        if m.get("require_citation") and not a.citations:
            continue
        if any(p.search(q) for p in pats):
            near = " ".join(u.text for c in r.candidates[:5] for u in c.units)
            asks_contents = any(re.search(p, q, re.I) for p in m.get("contents_patterns", []))
            if a.citations or asks_contents or not any(p.search(near) for p in pats):
                return Decision(True, "missing-document", str(m["name_ko"] if a.lang == "ko" else m["name_en"]))
    if ENFORCEMENT_RECORD.search(q) and r.candidates and \
            all(store.docs[c.doc].kind in LAW_KINDS for c in r.candidates[:3] if c.doc in store.docs):
        return Decision(True, "no-record")
    if a.citations:
        resolved = [c for c in r.candidates if "citation" in c.via]
        if resolved:
            return Decision(False, "citation")
        known = [c for c in a.citations if store.find(c.cid)]
        if known:
            if any(any(v.startswith("entry-into-force:") for v in c.via) for c in r.candidates[:3]):
                return Decision(False, "not-yet-in-force", ", ".join(c.text for c in known))
            return Decision(True, "not-in-force", ", ".join(c.text for c in known))
        return Decision(True, "unknown-provision", ", ".join(c.text for c in a.citations))
    if not r.candidates:
        return Decision(True, "no-candidates")
    top = r.candidates[:3]
    if QUANTITY_QUESTION.search(q) and not any(QUANTITY.search(u.text) for c in r.candidates[:FIGURE_DEPTH] for u in c.units):
        # Asked for an amount, a rate or a date, and the best matches state none: the corpus does not have it.
        return Decision(True, "weak-match", "no figure", coverage=0.0)
    texts = [u.text for c in top for u in c.units]
    # An addendum ranked for a provision not yet in force stands for that provision: its words are what matched.
    pending = {v.split(":", 1)[1] for c in top for v in c.via if v.startswith("entry-into-force:")}
    texts += [u.text for cid in sorted(pending) for u in store.find(cid)]
    cov = coverage(store, a.terms, texts)
    dense = max((c.dense for c in top), default=0.0)
    if cov < MIN_COVERAGE_ALONE:
        return Decision(True, "weak-match", coverage=cov, dense=dense)
    return Decision(False, "ok", coverage=cov, dense=dense)
