"""When the corpus does not address a question: small talk or a request for advice, another country's law or
another statute, a missing document, a provision that does not exist, or nothing that matches well enough."""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.knowledge import knowledge, one_of
from corpus.model import LAW_KINDS, split_cid
from ingest.store import IndexStore

from assistant.coverage import coverage
from assistant.query import names_place, without_fine_tuning
from assistant.records import Retrieval
from assistant.retrieve import IDENTIFIER

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
# says: the corpus has nothing to answer it with, unless the question also asks about a legal duty. The words are
# data (corpus/glossary.toml, [advice]).
_ADVICE = knowledge().glossary.advice
ADVICE = re.compile(one_of(_ADVICE.asks), re.I)
LEGAL = re.compile(one_of(_ADVICE.legal), re.I)  # 만드는 법: a way to make, not a law


QUANTITY_QUESTION = re.compile(r"how much|how many|what (is the )?(rate|amount|price)|\brate\b|"
                               r"얼마|몇\s*(명|일|년|개월|시간|%|퍼센트|건)|비율|세율|금액", re.I)
QUANTITY = re.compile(r"\d[\d,.]*\s*(?:천|백|십)?\s*(원|만원|억|조원|won|krw|%|percent|일|days?|개월|months?|년|years?|명|persons?|"
                      r"members?|시간|hours?|times|회|분의|건|/\d)|10\^|\bKRW\b|(백|천)만원|승 ", re.I)

# Questions about how the law has been applied: fines actually imposed, cases, rulings, precedents. The law's own
# text cannot record its enforcement; a commentary passage or a user's document might. Case law asked about, not
# case law a product searches ("저희는 … 판례 검색(RAG)만 만들었어요").
ENFORCEMENT_RECORD = re.compile(
    r"\b(first|any|past|recent|previous|real|actual) (enforcement )?(cases?|precedents?|rulings?|court decisions?)\b|"
    r"\b(any|is there|are there|what|existing) ([\w-]+ ){0,2}case law\b|\bcase law (on|about|under|regarding|for)\b|"
    r"\bprecedents?\b|\b(ha[sv]e?|did) (msit|the (ministry|government|minister|regulator)|anyone|any "
    r"(company|companies|firm|business)) (ever |already |actually |yet )*(been )?(fined|sanctioned|penali[sz]ed|"
    r"investigated|punished)|\b(been|was|were) (fined|sanctioned|penali[sz]ed|punished) (so far|yet|to date|already)|"
    r"\bhow many (companies|firms|businesses) (have|has) been|\b(any|which) (compan(y|ies)|firms?|business(es)?) "
    r"(ha(s|ve) )?(been )?(fined|sanctioned|penali[sz]ed|punished)|"
    r"판례(가|는|도|나|이|상)?\s*(있|나와|나왔|존재|없)|관련\s*판례|판례상|(처분|제재|부과|적발|처벌)\s*사례|"
    r"실제로 .{0,20}(부과|처분|제재|적발)(받|된|한|했)|지금까지 .{0,20}(부과|처분|제재|적발)",
    re.I)


@dataclass
class Decision:
    abstain: bool
    reason: str = ""  # "no-candidates", "unknown-provision", "not-in-force", "foreign", "no-record", "off-topic",
    # "advice", "other-statute", "missing-document", "weak-match"
    detail: str = ""
    coverage: float = 0.0
    dense: float = 0.0


# A question framed by another statute ("under the Personal Information Protection Act, ...", "개인정보 보호법상 ...")
# asks what that statute requires; the corpus only refers to such statutes. Unless the question also names this
# Act or AI, it is declined. The AI Basic Act's own names are not another statute.
OTHER_STATUTE = re.compile(
    r"\b(?:[Uu]nder|[Aa]ccording to|[Pp]er|[Bb]y) (?:the )?((?:[A-Z][\w'-]*\s){1,7}(?:Act|Law|Code))\b|"
    r"「?((?:[가-힣]+\s?){1,5}법)」?\s*(?:상|에 따르면|에 따라|에서는|에 의하면)(?![가-힣])")
# (and this Act's own term: "did the digital-medical-device limb of the high-impact definition already apply?")
THIS_ACT = re.compile(r"basic act|framework act|\bai act\b|ai law|기본법|인공지능법|\bai\b|artificial intelligence|인공지능|"
                      r"에이아이|시행령|enforcement decree|고시|high[- ]impact|고영향", re.I)


def other_statute(question: str) -> str | None:
    """The other statute a question is framed by, if it names neither this Act nor AI."""
    if THIS_ACT.search(question):
        return None
    m = OTHER_STATUTE.search(question)
    return (m.group(1) or m.group(2)).strip() if m else None


# A place asked about as a jurisdiction: named with a law or set against Korea ("the EU AI Act", "Colorado's AI
# Act", "일본 AI 추진법", "Singapore instead of Korea", "EU와 미국 사이"), not as where a company is ("미국에만 법인이").
_LAW_WORD = (r"(?:'s)?\s*(?:[\w-]+\s){0,3}?(?:AI Act|Act|laws?|regulations?|rules|penalt\w*|fines?|GDPR)\b|"
             r"\s*(?:\S+\s){0,2}?\S*(?:법(?!인)|규제|규정|벌칙|과태료)")
# "사이" is a comparison between two things named ("EU와 미국 사이"): inside a word it is none ("회사이고", "싱가포르
# 회사이며"), nor between two figures ("9천억~1조2천억원 사이라").
VERSUS_NEAR = 40  # characters around a place named within which a comparison word compares it
# (a business described by what it compares — "여행자보험 비교 앱", "a price-comparison site" — compares no places)
_VERSUS = re.compile(r"instead of|rather than|\bvs\.?\b|versus|compar(?:ed|ing|e)\b(?! (?:app|site|platform|service|tool))|"
                     r"(?:와|과|랑|하고|에) ?비교|비교(?:하면|해서|해 ?보면|했을|하여)|대신|(?:와|과|랑) ?\S{1,12} 사이|보다",
                     re.I)
# "Korea or Singapore", "under the EU or here": an "or" sets two places side by side ("no office or staff in Korea"
# does not).
_OR_PLACE = r"\b(?:{place})\b[^.?!,]{{0,12}}\bor (?:in |under )?(?:the )?(?:korea|south korea|{place})\b|" \
            r"\b(?:korea|south korea)\b[^.?!,]{{0,12}}\bor (?:in |under )?(?:the )?(?:{place})\b"


# Obligations asked under a place's own law ("what do we have to do under the EU AI Act?", "EU AI법상 뭘 해야"): the
# corpus does not hold that law, whatever a commentary passage says of it, unless Korea's Act is named beside it.
_UNDER_PLACE = r"\b(?:under|according to|per|comply(?:ing)? with|obligations (?:in|of)|duties (?:in|of)|rules of) " \
               r"(?:the )?(?:{place})(?:'s)? (?:ai act|ai law|act|laws?|rules|regulations?)\b|" \
               r"(?:{place}) ?(?:ai ?법|ai ?act|인공지능법|법|규정|규제)(?:상|에 따라|에서는?|에선)"
_KOREAN_ACT = re.compile(r"korea'?s (?:ai )?(?:basic )?act|korean (?:ai )?(?:basic )?act|basic act|framework act|기본법|"
                         r"한국 ?(?:ai|인공지능) ?법|\bthis act\b|이 법", re.I)


# A question about Korea: it names Korea, a Korean city, the government or the ministry, or this Act.
_KOREA = re.compile(r"korea|한국|우리나라|국내|서울|부산|seoul|busan|\bgovernment\b|정부|\bmsit\b|과기정통부|basic act|"
                    r"기본법|\bthe act\b|this act|이 법", re.I)


def names_korea(question: str) -> bool:
    """Whether a question names Korea, its government or this Act (then it asks about Korea, whatever else it
    compares it with)."""
    return bool(_KOREA.search(question))


_TRADE = [re.compile(p, re.I) for p in knowledge().glossary.trade.after]


def _trade(pattern: str, text: str) -> bool:
    """Whether every place `pattern` matches in `text` names the asker's trade or home ("our insurance app")."""
    found = list(re.finditer(pattern, text, re.I))
    return bool(found) and all(any(t.match(text[m.end():]) for t in _TRADE) for m in found)


def foreign_names(question: str, names: list[str], r: Retrieval, about_act: bool = False) -> list[str]:
    """The places a question names that put it outside the corpus.

    A jurisdiction asked about (its law, or compared with Korea) is in scope where the law among the best matches
    names it, or where a commentary passage among them does; a place named as a company's home is in scope where
    the question asks about Korea, or, with `about_act` (the asking sentence names a duty of this Act), where every
    mention of it is followed by the asker's product or company ("our Singapore company")."""
    top = r.candidates[:5]
    law = " ".join(u.text for c in top if c.doc in ("act", "decree") or c.doc.startswith("notice")
                   for u in c.units).lower()
    comment = " ".join(u.text for c in top if c.doc.startswith("commentary/") for u in c.units).lower()
    # (a question written in Korean asks about Korea's Act, as one naming Korea does: "미국 회사가 만든 모델이니까 고지 의무는
    # 그 회사 몫 아닌가요?" names the vendor's home, not a law)
    korea = names_korea(question) or r.analysis.lang == "ko"
    out = []
    for n in names:
        if about_act and _trade(re.escape(n), question):
            continue
        # (a comparison near the place: "첫 번째보다 훨씬 올라가나요?" compares fines, not the US with Korea)
        versus = any(_VERSUS.search(question[max(0, m.start() - VERSUS_NEAR):m.end() + VERSUS_NEAR])
                     for m in re.finditer(re.escape(n), question, re.I)) or \
            re.search(_OR_PLACE.format(place=re.escape(n)), question, re.I)
        # (the law named after the place is Korea's where Korea stands between: "본사가 베트남이라 한국 법은 상관없을
        # 줄 알았는데" names the company's home, then Korea's law)
        asked = any(not _KOREA.search(m.group(0)[len(n):]) for m in
                    re.finditer(re.escape(n) + f"(?:{_LAW_WORD})", question, re.I)) or (korea and bool(versus))
        under = bool(re.search(_UNDER_PLACE.format(place=re.escape(n)), question, re.I)) and \
            not _KOREAN_ACT.search(question)
        if not under and (names_place(n, law) or names_place(n, comment) or (korea and not asked)):
            continue
        out.append(n)
    return out


def off_topic(store: IndexStore, terms: list[str]) -> bool:
    """Whether no search term of the question is a word the corpus uses more than in passing."""
    idf = store.idf
    if any(IDENTIFIER.match(t) and t in idf for t in terms):
        return False  # a number the corpus has ("Announcement No. 2026-271") names what is asked about
    return min((idf[t] for t in terms if t in idf), default=float("inf")) > OFF_TOPIC_IDF


def decide(store: IndexStore, r: Retrieval, missing: list[dict] | None = None, asking: str | None = None,
           about_act: bool = False) -> Decision:
    """Whether to decline the question, and why. `asking`: the sentences that ask, where another field of law must
    be named to decline ("AI 보험 심사 솔루션 회사인데 … 정부가 어떤 걸 지원해 주나요?" names the asker's trade, not what it asks).
    `about_act`: the asking sentence names a duty of this Act ("if our Singapore company never designates a domestic
    agent, how much is the fine?", "what are the fines if our insurance app ignores a correction order?"): a place or
    a field of law named beside it is the asker's home or trade, not what is asked."""
    a = r.analysis
    q = a.query.question
    if not a.citations and off_topic(store, a.terms):
        return Decision(True, "off-topic")
    if ADVICE.search(q) and not LEGAL.search(without_fine_tuning(q)) and not a.citations:
        return Decision(True, "advice")
    if a.unknown_names:
        foreign = foreign_names(q, a.unknown_names, r, about_act)
        if foreign:
            return Decision(True, "foreign", ", ".join(foreign))
    statute = other_statute(q) if not a.citations else None
    if statute:
        return Decision(True, "other-statute", statute)
    # Another field of law (copyright, elections, tax...) that nothing in the index mentions: the corpus is silent.
    silent = [(ko if a.lang == "ko" else en) for en, ko, p in a.other_fields if not store.mentions(p)
              and (asking is None or p.search(asking)) and not (about_act and _trade(p.pattern, asking or q))]
    if silent:
        return Decision(True, "foreign", ", ".join(silent))
    for m in missing or []:
        pats = [re.compile(p, re.I) for p in m["patterns"]]
        if m.get("require_citation") and not a.citations:
            continue
        covered = str(m.get("covered_by", ""))
        if covered and a.citations and all(store.find(f"{covered}:{split_cid(c.cid)[1]}") for c in a.citations):
            continue  # the provisions named survive in the corpus after all
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
    if QUANTITY_QUESTION.search(q) and \
            not any(QUANTITY.search(u.text) for c in r.candidates[:FIGURE_DEPTH] for u in c.units):
        # Asked for an amount, a rate or a date, and the best matches state none: the corpus does not have it.
        return Decision(True, "weak-match", "no figure", coverage=0.0)
    if "asked" in top[0].via and not any(u.lang == a.lang for u in top[0].units):
        # The question names a guideline or the draft, which is Korean only: an English question's words cannot be
        # measured against it, and its best passage is what there is to quote.
        return Decision(False, "asked-document")
    texts = [u.text for c in top for u in c.units]
    # An addendum ranked for a provision not yet in force stands for that provision: its words are what matched.
    pending = {v.split(":", 1)[1] for c in top for v in c.via if v.startswith("entry-into-force:")}
    texts += [u.text for cid in sorted(pending) for u in store.find(cid)]
    cov = coverage(store, a.terms, texts)
    dense = max((c.dense for c in top), default=0.0)
    if cov < MIN_COVERAGE_ALONE:
        return Decision(True, "weak-match", coverage=cov, dense=dense)
    return Decision(False, "ok", coverage=cov, dense=dense)
