"""Query analysis: language, explicit citations, and the words to search with.

Founders ask in plain words ("tell customers", "fine", "챗봇"); the law says 고지, 과태료, 생성형 인공지능. A small
bilingual glossary of the corpus's own legal vocabulary bridges the two for lexical search.
"""
from __future__ import annotations

import re

from corpus.citations import find_citations
from corpus.numbers import date_spans
from ingest.tokenize import tokenize

from assistant.records import Analysis, Query

# (plain-language triggers, legal terms of the corpus to add). Triggers match lower-case, English ones at a word start.
GLOSSARY: list[tuple[tuple[str, ...], str]] = [
    (("notify", "notification", "inform", "tell my", "tell our", "tell user", "tell customer", "tell people",
      "tell them", "tell the user", "tell the public", "disclose", "disclosure", "let users know",
      "let customers know", "upfront", "in advance"), "notify user in advance 고지 사전"),
    (("label", "watermark", "mark the output", "mark ", "marked", "marking", "indicate", "tag ", "tagged", "disclaimer"),
     "label indicate output 표시 결과물"),
    # ("알려주세요", "알려줘": the user asking kaia to tell them, read without the trigger; see expand)
    (("알려", "알리", "안내", "밝혀", "공지"), "고지 사전 notify"),
    (("워터마크", "표기", "라벨 ", "라벨을", "라벨이", "라벨은"), "표시 결과물 label"),
    (("chatbot", "chat bot", "llm", "gpt", "genai", "gen ai", "generative", "text generator", "image generator"),
     "generative artificial intelligence 생성형 인공지능"),
    (("챗봇", "생성형", "생성 ai", "생성ai", "gpt", "llm"), "생성형 인공지능 generative"),
    (("deepfake", "deep fake", "synthetic video", "synthetic image", "voice clone", "fake video", "fake image"),
     "virtual sound image video difficult to distinguish from real 가상 음향 이미지 영상 구분"),
    (("딥페이크", "합성 영상", "합성영상", "가짜 영상", "합성 음성", "가상 모델", "가상 인물", "진짜 사람 같은",
      "실제 사람 같은", "진짜 같은", "실제와 구분"), "가상 음향 이미지 영상 실제 구분 어려운 고지 표시"),
    (("applicant", "job", "employ", "résumé", "resume", "candidate screening"),
     "hiring judgments evaluations rights obligations individuals high-impact"),
    (("지원자", "입사", "이력서", "면접"), "채용 판단 평가 권리 의무 고영향"),
    (("fine", "penalt", "sanction", "punish", "how much can", "pay if"), "administrative fine penalty 과태료 벌칙"),
    (("벌금", "과태료", "처벌", "제재", "벌칙"), "과태료 벌칙 administrative fine"),
    (("foreign compan", "overseas compan", "no office", "outside korea", "not based in korea", "local agent",
      "representative in korea", "local representative"), "domestic agent address business office 국내대리인"),
    (("abroad", "overseas", "outside korea", "outside of korea", "foreign company", "no office in korea",
      "based abroad", "us startup", "korean users"), "acts conducted outside the country affect domestic market users"),
    (("해외", "국외", "외국에서", "한국 밖"), "국외 행위 국내 시장 이용자 영향"),
    (("작은 회사", "소기업", "영세", "작은 기업"), "중소기업등 중소기업"),
    (("우대", "우선적으로", "혜택"), "우선 고려 지원"),
    (("대리인", "해외 기업", "외국 기업", "해외기업", "외국기업", "국내 주소", "대리해", "대신해 줄"), "국내대리인 주소 영업소"),
    (("represent us", "represent our", "represents us", "someone in korea", "a person in korea", "agent in korea"),
     "domestic agent designate 국내대리인"),
    # Having someone else do it: the law's word is a third party (제3자) or entrusting (위탁).
    (("outsourc", "external firm", "external consultant", "outside firm", "outside consultant", "another company do",
      "hire a firm", "hire someone", "consultancy"), "third party 제3자"),
    (("외부 업체", "외부 전문", "외주", "맡겨도", "맡길", "대행"), "제3자 third party"),
    # An AI used only inside the company: the Decree exempts internal business use from the notice duties.
    (("internal use", "internal tool", "in-house", "our own staff", "only our staff", "our employees", "only employees",
      "employees only", "staff only"), "internal business purposes 내부 업무 용도"),
    (("사내", "내부용", "내부 업무", "직원들만", "직원들끼리", "직원만", "임직원만"), "내부 업무 용도 internal business purposes"),
    # A company's size, in this law, is its revenue and its number of users (the domestic-agent thresholds).
    (("what size", "how big", "how large", "company size", "size of our", "size of the company"),
     "sales revenue number of users 매출액 이용자 수"),
    (("규모", "얼마나 커야", "얼마나 큰"), "매출액 이용자 수 sales revenue users"),
    (("high-risk", "high risk", "high-impact", "high impact", "hiring", "recruit", "loan", "credit scor",
      "medical device", "biometric", "student evaluation"), "high-impact artificial intelligence 고영향"),
    (("고위험", "고영향", "채용", "대출", "생체인식", "의료기기"), "고영향 인공지능 high-impact"),
    (("explanation", "explain why", "why the", "why it", "why my", "why our", "reason for", "reasons for",
      "have to explain", "must explain", "need to explain", "asks why", "ask why", "asked why"),
     "impacted person explanation main criteria principles final output 영향받는 설명"),
    (("설명을 받", "설명받", "설명을 요구", "설명을 요청", "설명해 달라", "이유를 알", "왜 그런", "설명해줘야",
      "설명해 줘야", "설명해야", "설명할 의무", "이유를 물"), "영향받는 자 설명 주요 기준 원리 최종결과 explanation"),
    (("reduc", "discount", "lower the fine", "cut the fine", "lenien", "mitigat"), "reduce mitigate 줄일 감경"),
    (("깎", "감경", "감액", "줄여", "줄일", "할인", "봐주"), "줄일 감경 reduce"),
    (("impact assessment", "assess the impact", "fundamental rights"), "impact assessment fundamental rights 영향평가"),
    (("영향평가", "기본권"), "영향평가 기본권 impact assessment"),
    (("flop", "compute", "computation", "training run", "frontier"), "cumulative amount of computation learning 연산량"),
    (("연산량", "flops", "연산"), "누적 연산량 학습"),
    (("startup", "start-up", "small business", "sme", "small compan", "small and medium"),
     "small and medium enterprises 중소기업"),
    (("스타트업", "중소기업", "소상공인", "벤처"), "중소기업등 중소기업"),
    (("military", "defense", "defence", "national security"), "national defense security 국방 국가안보"),
    (("국방", "안보", "군사"), "국방 국가안보"),
    (("elderly", "disabled", "disabilit", "vulnerable", "senior", "low-income", "low income"),
     "populations vulnerable to artificial intelligence 인공지능취약계층"),
    (("노인", "장애인", "취약계층", "고령자", "저소득"), "인공지능취약계층 취약계층"),
    (("take effect", "in force", "effective date", "enter into force", "start to apply", "when does", "commence",
      "from what date", "from when", "since when", "applies from", "apply from"),
     "enter into force enforcement date 시행"),
    (("시행일", "언제부터", "시행되"), "시행 시행일"),
    (("procurement", "public purchas", "government purchas", "buy ai", "confirmation certificate",
      "confirm that a product uses ai", "uses ai"), "confirmation procurement priority consideration 확인 구매"),
    (("조달", "구매", "확인서", "확인 절차"), "확인 우선 구매 확인절차"),
    (("training data", "dataset"), "training data learning data 학습용데이터"),
    (("학습데이터", "학습 데이터", "데이터셋"), "학습용데이터"),
    (("investigat", "inspect", "audit", "on-site", "fact-finding"), "fact-finding investigation 조사"),
    (("조사", "점검", "현장"), "조사 사실조사"),
    (("keep records", "retain", "record-keeping", "how long keep", "documentation"), "keep documents 보관 문서"),
    (("보관", "기록"), "보관 문서"),
    (("strategy committee", "national ai committee", "council", "presidential committee"),
     "Presidential Council National Artificial Intelligence Strategy 국가인공지능전략위원회"),
    (("전략위원회", "국가위원회", "대통령 직속"), "국가인공지능전략위원회 위원회"),
    # A company's own AI ethics committee is the Act's private autonomous ethics committee (Art. 28).
    (("ethics committee", "ai ethics board", "ai ethics council", "ai ethics panel"),
     "private autonomous artificial intelligence ethics committee 민간자율인공지능윤리위원회"),
    (("윤리위원회", "윤리 위원회"), "민간자율인공지능윤리위원회 private autonomous ethics committee"),
    # A government body for AI safety is the Artificial Intelligence Safety Institute (Art. 12).
    (("safety institute", "safety agency", "safety body", "safety authority", "ai safety organi", "ai safety office"),
     "Artificial Intelligence Safety Institute 인공지능안전연구소"),
    (("안전연구소", "안전 기관", "안전을 전담", "안전 문제를 전담", "안전 전담"), "인공지능안전연구소 안전연구소 Safety Institute"),
    # What a provider must make public: the Decree says post (게시) on its website (Art. 27(1)).
    (("post publicly", "publish", "make public", "on our website", "on the website", "publicly disclose",
      "put on our site"), "post website 게시 인터넷 홈페이지"),
    (("공개해야", "공개할", "홈페이지에", "게시해야", "게시할", "올려야"), "게시 인터넷 홈페이지 post website"),
    (("define", "definition", "meaning of", "what is meant", "what counts as", "count as", "qualify as",
      "distinguish"), "means 정의 말한다"),
    ((" 정의", "뜻", "의미", "무엇을 말", "해당하", "해당할", "구분"), "정의 말한다 means"),
    (("exempt", "exception", "does not apply", "not apply", "excluded"), "exception not apply 적용 제외 예외"),
    (("예외", "면제", "적용 제외", "적용되지"), "적용 예외 제외"),
    (("apply to us", "apply to me", "apply to our", "apply to my", "applies to us", "applies to our", "even apply"),
     "scope of application 적용범위"),
    (("적용되나", "적용 대상", "적용대상", "적용을 받", "해당되나"), "적용범위 scope of application"),
    # The EU's word for a business that uses an AI system someone else built; the Act's is 인공지능이용사업자.
    (("deployer", "we deploy", "license a model", "licensed model", "licence a model", "third-party model",
      "vendor's model", "vendor's ai", "vendor's system", "someone else's model", "another company's model",
      "from a developer", "from the developer", "from a vendor", "from the vendor"),
     "artificial intelligence-using business operator provided with an artificial intelligence system 이용사업자"),
    (("이용사업자", "외부 모델", "외부 개발사", "다른 회사의 모델", "다른 회사 모델", "받아서 서비스", "받아서 쓰"),
     "인공지능이용사업자 제공받은 인공지능시스템"),
    # Fines rise with repeated violations (Decree Annex 2): "the first time", "a third violation".
    (("first time", "first offen", "first violation", "second time", "second offen", "third time", "repeat offen",
      "repeated violation", "number of violations"), "1st 2nd 3rd violation 1차 2차 3차 위반"),
    (("처음", "첫 번째", "두 번째", "세 번째", "재위반", "또 위반", "다시 위반", "1차", "2차", "3차", "위반 횟수"),
     "1차 2차 3차 이상 위반 violation"),
    (("public procurement service", "조달청", "나라장터", "g2b"), "조달청 Public Procurement Service 목록정보시스템"),
]

# Korean words for things only the English commentary discusses, so a Korean question can reach it lexically.
GLOSSARY += [
    (("산업부", "산업통상", "산업통상자원부"), "MOTIE Ministry of Trade Industry Energy"),
    (("공고",), "announcement"),
    (("논평", "칼럼", "해설 기사", "전문가 의견"), "commentary"),
    (("스타트업", "창업"), "startups"),
    (("일본",), "Japan soft law"), (("중국",), "China algorithmic governance"),
    (("지속가능", "esg"), "ESG sustainability"),
    (("모니터링", "사후 관리"), "monitoring after systems go live"),
    (("사전 승인", "승인"), "approvals before deployment"),
    (("개인정보 보호법", "개인정보보호법"), "Personal Information Protection Act"),
    (("규제 부담", "부담"), "compliance burden"),
    (("초안", "입법예고", "시행령안"), "draft decree"), (("걱정", "우려"), "concerns"),
    (("제조", "공장", "생산"), "manufacturing production lifecycle"),
]

# Names of other jurisdictions and laws: a question about them is outside this corpus unless the corpus names them.
FOREIGN = re.compile(
    r"\b(GDPR|EU|European Union|AI Act of the EU|EU AI Act|CCPA|HIPAA|California|Colorado|United States|U\.S\.|USA|"
    r"America|China|Chinese|Japan|Japanese|Singapore|India|Brazil|Canada|Germany|France|UK|United Kingdom|Britain|"
    r"Australia|Taiwan|Vietnam|New York|NYC|Illinois|Texas|Utah)\b"
    r"|(?<![가-힣])(?:유럽|미국|중국|일본|싱가포르|영국|캐나다|독일|프랑스|인도|대만|베트남|호주|뉴욕)(?=[\s의에은는이가도과와,.?]|$)")

# Fields of law beside this one, as (English name, Korean name, pattern). A question about one of them is outside
# the corpus when the index never mentions it (checked against the index, so a field the corpus or a user's
# document does cover stays in scope: "personal information" is not listed for that reason, and liability for
# damages is mentioned by Act Art. 16(4)). Korean words guarded where they hide inside others (소비자 ⊃ 비자).
OTHER_FIELDS: list[tuple[str, str, re.Pattern[str]]] = [
    (en, ko, re.compile(p, re.I)) for en, ko, p in [
        ("copyright", "저작권", r"copyright|fair use|저작권|저작물|공정\s*이용"),
        ("patents", "특허", r"\bpatent|특허"),
        ("trademarks", "상표", r"trade\s?mark|상표"),
        ("elections", "선거", r"\belection|\belectoral|political campaign|선거|정치\s*광고"),
        ("tax", "세금", r"\btax(es|ation|ed)?\b|\bvat\b|세금|세액|법인세|부가가치세|조세|세제"),
        ("insurance", "보험", r"insurance|insurer|보험"),
        ("labour law", "노동법", r"minimum wage|overtime pay|severance|labou?r (law|standards)|근로기준법|최저임금|퇴직금"),
        ("competition law", "공정거래법", r"antitrust|anti-trust|competition law|monopol|cartel|fair trade act|"
                                          r"공정거래법|독점|담합"),
        ("defamation", "명예훼손", r"defamation|\blibel|slander|명예훼손"),
        ("immigration", "출입국", r"\bvisas?\b|immigration|work permit|(?<![가-힣])비자|출입국"),
        ("export controls", "수출 통제", r"export control|export licen|수출\s*통제|전략물자"),
    ]]

# The names of one place in both languages: the English commentary says "United States" where a Korean question
# says 미국. ("US" is left out: it is also "us".)
PLACE_NAMES: list[tuple[str, ...]] = [
    ("EU", "European Union", "Europe", "유럽", "유럽연합"), ("United States", "U.S.", "USA", "America", "미국"),
    ("China", "Chinese", "중국"), ("Japan", "Japanese", "일본"), ("Singapore", "싱가포르"),
    ("UK", "United Kingdom", "Britain", "영국"), ("Canada", "캐나다"), ("Germany", "독일"), ("France", "프랑스"),
    ("India", "인도"), ("Taiwan", "대만"), ("Vietnam", "베트남"), ("Australia", "호주"), ("New York", "NYC", "뉴욕"),
]


# Korean names of places reach the English commentary ("미국" -> "United States"); 인도 is left out (also "delivery").
GLOSSARY += [(tuple(n for n in g if re.search(r"[가-힣]", n) and n != "인도"),
              " ".join(n for n in g if not re.search(r"[가-힣]", n))) for g in PLACE_NAMES if "인도" not in g]


def names_place(name: str, text: str) -> bool:
    """Whether lower-cased `text` names the place `name` in either language (English names as whole words)."""
    group = next((g for g in PLACE_NAMES if name.lower() in (n.lower() for n in g)), (name,))
    return any(re.search(rf"(?<![a-z]){re.escape(n.lower())}(?![a-z])", text) for n in group)


# Conversational words of plain questions ("do we need to make some kind of..."): they say nothing about which
# provision is meant, yet count in BM25 and coverage where a provision happens to repeat them. Stemmed as tokenize does.
_CHAT_WORDS = frozenset(tokenize(
    "make makes made making need needs some kind kinds saying say says lets let just want wants get gets got like "
    "really even actually already still them me us one anything something thing things know think sure ok okay "
    "pretty lot bit maybe please tell hey hi thanks"))

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")


# Words that make a date in the question the date the question is about (not, say, a promulgation date).
_AS_OF_CUE = re.compile(r"as of|as at|on |in |at |before|after|during|기준|현재|당시|시점|때|에는|에 ", re.I)


def question_date(text: str) -> str | None:
    """The date a question is about ("as of 1 March 2026", "2026년 3월 1일 기준"), if it names one."""
    for start, end, iso in date_spans(text):
        if _AS_OF_CUE.search(text[max(0, start - 12): end + 8]):
            return iso
    return None


def detect_lang(text: str) -> str:
    """'ko' if the question has Hangul in real measure, else 'en'."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    return "ko" if hangul and hangul * 3 >= latin else "en"


def _trigger(t: str) -> re.Pattern[str]:
    # An English trigger starts a word ("fine" is not in "define", "penalt" is in "penalty"); Korean ones are
    # parts of words by nature (조사 in 사실조사).
    return re.compile(("(?<![a-z])" if re.match(r"[a-z]", t) else "") + re.escape(t))


_TRIGGERS = [([_trigger(t) for t in triggers], terms) for triggers, terms in GLOSSARY]


_FINE_TUNE = re.compile(r"(?i)\bfine[- ]?tun")


def without_fine_tuning(text: str) -> str:
    """`text` with "fine-tuning" a model read as "tuning": no glossary, BM25 or legal-word check reads a fine into it."""
    return _FINE_TUNE.sub("tun", text)


# The user asking kaia itself ("알려주세요", "알려 줘", "tell me"), not about telling users; and "~하는 법" (the
# way to do something), not a law.
_ASKING_KAIA = re.compile(r"알려\s?(주|줘|줄)|tell me|tell us about")
_HOW_TO = re.compile(r"(?<=는)\s+법(?![률령규안])")


def expand(question: str) -> list[str]:
    """Glossary terms for the plain-language words in `question`."""
    # 인공지능 is read as AI: it holds 공지 ("notice"), which made every question naming it ask about notifying.
    low = f" {without_fine_tuning(question).lower().replace('인공지능', ' ai ')} "
    low = _ASKING_KAIA.sub(" ", low)
    return [terms for triggers, terms in _TRIGGERS if any(t.search(low) for t in triggers)]


def analyze(query: Query) -> Analysis:
    """Language, explicit citations and search terms of a question."""
    q = query.question
    lang = query.lang or detect_lang(q)
    extra = expand(q)
    text = _HOW_TO.sub(" ", without_fine_tuning(q))
    if detect_lang(q) == "ko":
        # Korean questions say "AI" where the law says 인공지능.
        text = re.sub(r"(?i)\bai\b|에이아이", " 인공지능 ", text)
    terms = [t for t in tokenize(text + " " + " ".join(extra)) if t not in _CHAT_WORDS]
    names = list(dict.fromkeys(m.group(0) for m in FOREIGN.finditer(q)))
    fields = [(en, ko, p) for en, ko, p in OTHER_FIELDS if p.search(q)]
    # The glossary's legal terms help the embedding too: "tell customers" is far from 고지 in vector space.
    dense = f"{text} {' '.join(extra)}".strip()
    return Analysis(query=query, lang=lang, citations=find_citations(q), terms=terms, dense_text=dense,
                    unknown_names=names, other_fields=fields)
