"""The answer chain over the real corpus: citations, languages, versions, links, abstention, verification."""
from __future__ import annotations

import json

import pytest

from assistant.chain import Assistant, BadQuestionError
from assistant.records import CitationOut
from assistant.verify import quote_in_unit, verify
from conftest import in_parallel, run_kaia

JSON_KEYS = {"id", "question", "answer", "abstained", "citations", "sources", "as_of", "timings_ms"}
CITATION_KEYS = {"n", "doc", "article", "paragraph", "item", "label", "quote", "quote_ko", "lang", "version", "url",
                 "verified"}


@pytest.fixture(scope="module")
def assistant(built_settings, store) -> Assistant:
    a = Assistant(built_settings, store)
    a.warm_up()
    return a


def cited(ans) -> list[tuple[str, str | None, str | None]]:
    return [(c.doc, c.article, c.paragraph) for c in ans.citations]


def all_verified(ans, store) -> None:
    # verbatim up to whitespace, as the verifier reads quotes (a guideline point wraps over the PDF's lines)
    for c in ans.citations:
        assert c.verified
        assert quote_in_unit(store, c.uid, c.quote)
        if c.quote_ko:
            assert quote_in_unit(store, c.uid_ko, c.quote_ko)


def test_citation_lookup_english(assistant, store):
    ans = assistant.ask("What does Article 31(1) require?", as_of="2026-09-01")
    assert not ans.abstained
    assert ans.citations[0].label == "AI Basic Act Art. 31(1)"
    assert "notify the user in advance" in ans.answer
    assert ans.citations[0].quote_ko and "사전에 고지" in ans.citations[0].quote_ko
    all_verified(ans, store)


def test_citation_lookup_korean(assistant, store):
    ans = assistant.ask("제36조제1항은 무엇을 정하고 있나요?", as_of="2026-09-01")
    assert not ans.abstained and ans.lang == "ko"
    assert ans.citations[0].label.startswith("인공지능기본법 제36조")
    assert "국내대리인" in ans.answer
    assert ans.citations[0].quote_ko is None  # a Korean quote is the original itself
    all_verified(ans, store)


def test_a_bracketed_number_in_an_article_without_paragraphs_is_its_item(assistant, store):
    # "Art. 2(4)(i)": the Act's definitions have items, not paragraphs (written from held-out 52)
    ans = assistant.ask("Does a city's automated resident-parking permit decision fall within the area described in "
                        "Art. 2(4)(i)?", as_of="2026-09-01")
    assert not ans.abstained
    assert any(c.label == "AI Basic Act Art. 2 item 4(i)" for c in ans.citations), [c.label for c in ans.citations]
    all_verified(ans, store)


def test_fitted_citations_read_a_paragraph_as_the_item_only_where_no_paragraph_exists():
    from corpus.citations import find_citations, fitted

    exists = {"act:2::4:i", "act:31:1"}.__contains__
    assert [c.cid for c in fitted(find_citations("Art. 2(4)(i) and Art. 31(1)"), exists)] == ["act:2::4:i", "act:31:1"]
    assert [c.cid for c in fitted(find_citations("Art. 31(7)"), exists)] == ["act:31:7"]  # unknown stays unknown


def test_english_question_answered_from_the_decree(assistant, store):
    ans = assistant.ask("How many daily users in Korea make a foreign AI company appoint a domestic agent?",
                        as_of="2026-09-01")
    assert not ans.abstained
    decree = [c for c in ans.citations if c.doc == "decree"]
    assert decree and decree[0].article == "29"
    assert decree[0].lang == "en" and decree[0].quote_ko and "100만명" in " ".join(c.quote_ko or "" for c in decree)
    assert "1 million" in ans.answer
    all_verified(ans, store)


def test_lists_are_quoted_with_their_introduction_and_sub_items(assistant, store):
    """An item picked from the answering provision comes with the sentence introducing its list (Decree Art. 33
    states the 3-year cycle there), and a sub-item is cited as itself (Act Art. 2 item 4(g)), not as its article."""
    ans = assistant.ask("Which criteria does Decree Art. 33 reexamine, and how often?", as_of="2026-09-01")
    assert "every 3 years" in ans.answer
    ans = assistant.ask("Under Art. 2 of the AI Basic Act, are hiring and loan screening high-impact areas?",
                        as_of="2026-09-01")
    g = [c for c in ans.citations if (c.article, c.item, c.subitem) == ("2", "4", "g")]
    assert g and "hiring and loan screening" in g[0].quote and g[0].label.endswith("item 4(g)")
    assert not any(c.item is None and "hiring" in c.quote for c in ans.citations)
    all_verified(ans, store)


def test_table_rows_come_with_their_header(assistant, store):
    """A fine schedule's row ("| ... | 500 | 1,000 | 1,500 |") is quoted with the table's caption (the unit of its
    figures) and header (which violation each column counts); the header is never quoted without a row."""
    ans = assistant.ask("시행령 별표 2에 따르면 사전 고지를 하지 않아 처음 위반하면 과태료가 얼마인가요?", as_of="2026-09-01")
    quotes = [c.quote for c in ans.citations]
    rows = [q for q in quotes if q.startswith("|") and "500" in q]
    assert rows, quotes
    assert any("1차 위반" in q for q in quotes) and any("만원" in q for q in quotes)
    header = next(i for i, q in enumerate(quotes) if "1차 위반" in q)
    assert any(q.startswith("|") for q in quotes[header + 1:])
    all_verified(ans, store)


@pytest.mark.parametrize("question", ["If we don't tell users that our service is AI, how much is the fine?",
                                      "이용자에게 AI라는 사실을 안 알리면 과태료가 얼마인가요?"])
def test_how_much_is_answered_by_the_provision_stating_an_amount(assistant, question):
    """The fine schedule's general rules (reductions by half) state no amount; the fines article, which the schedule
    cites, does (KRW 30 million): asked how much, it comes first."""
    ans = assistant.ask(question, as_of="2026-09-01")
    assert (ans.sources[0].doc, ans.sources[0].article) == ("act", "43"), ans.sources[:3]
    assert "30 million" in ans.answer or "3천만원" in ans.answer


def test_korean_paraphrase(assistant, store):
    ans = assistant.ask("챗봇이 AI라는 사실을 고객에게 미리 알려야 하나요?", as_of="2026-09-01")
    assert not ans.abstained and ans.lang == "ko"
    assert {("act", "31", "1"), ("decree", "23", "1")} & set(cited(ans))
    assert "고지" in ans.answer
    all_verified(ans, store)


def test_answer_changes_with_the_as_of_date(assistant, store):
    q = "Must an impact assessment reflect the characteristics of populations vulnerable to AI?"
    before = assistant.ask(q, as_of="2026-03-01")
    after = assistant.ask(q, as_of="2026-08-01")
    assert ("act", "35", "1") in cited(before) and ("act", "35", "1") in cited(after)
    quotes_before = " ".join(c.quote + (c.quote_ko or "") for c in before.citations)
    assert "vulnerable" not in quotes_before and "인공지능취약계층" not in quotes_before
    c35 = next(c for c in after.citations if (c.doc, c.article, c.paragraph) == ("act", "35", "1")
               and "vulnerable" in c.quote)
    assert c35.effective_from == "2026-07-21"
    # The date can also come from the question itself.
    dated = assistant.ask("As of March 1, 2026, " + q[0].lower() + q[1:])
    assert dated.as_of == "2026-03-01"


def test_since_when_cites_the_addendum_that_dates_the_provision(assistant, store):
    """A provision in force, asked since when it applies, is answered with the addendum that sets its date (the
    amendment of Act No. 21311 brought Art. 6(2) item 7 in six months after promulgation)."""
    ans = assistant.ask("As of 1 August 2026, must the AI master plan cover AI-vulnerable groups, and from when?")
    assert ("act", "6", "2") in cited(ans)
    dating = [c for c in ans.citations if c.article == "addenda" and c.addendum == "21311"]
    assert dating and "6 months" in " ".join(c.quote for c in dating)
    all_verified(ans, store)


def test_link_expansion_act_to_decree(assistant):
    ans = assistant.ask("Which AI business operators must designate a domestic agent under Article 36(1)?",
                        as_of="2026-09-01")
    top = [(s.doc, s.article) for s in ans.sources[:6]]
    assert ("act", "36") in top and ("decree", "29") in top
    run = assistant.retriever.run
    from assistant.query import analyze
    from assistant.records import Query

    r = run(analyze(Query("시행령 제29조", "2026-09-01")))
    assert any(c.cid.startswith("act:36") and any(v.startswith("link:") for v in c.via) for c in r.candidates[:5])


@pytest.mark.parametrize("question", [
    "What are the maximum fines under the EU AI Act?",
    "How do I register a trademark for my chatbot's name?",
    "Can we deduct the cost of our AI model from corporate tax?",
    "What does Article 57 of the AI Basic Act say about compensation?",
    "일본 AI 추진법은 언제 시행되었나요?",
    "Has anyone actually been fined under the AI Basic Act so far?",
    "인공지능기본법 위반으로 과태료 부과 사례가 있나요?",
    "Does compute spent on fine-tuning count toward the 10^26 FLOPs threshold?",
    # consent and retention of personal information are the Personal Information Protection Act's (written from
    # held-outs 91 and 92)
    "세탁소에 CCTV를 달았는데 손님 얼굴이 찍힌 영상은 며칠까지 보관해도 되나요?",
    "We want to train a model on our members' photos. What consent wording does the personal information law require "
    "on our sign-up form?",
])
def test_abstains_out_of_scope(assistant, question):
    ans = assistant.ask(question, as_of="2026-09-01")
    assert ans.abstained, ans.answer
    assert ans.citations == []
    assert ans.related




@pytest.mark.parametrize("question, reason", [
    ("What's the weather in Seoul tomorrow?", "off-topic"),
    ("오늘 점심 뭐 먹지?", "off-topic"),
    ("Can you write me a poem about spring?", "off-topic"),
    ("hello, what can you do?", "off-topic"),
    ("Which cloud provider is cheapest for hosting a chatbot?", "advice"),
    ("How do I fine-tune Llama 3 on my data?", "advice"),
    ("우리 회사 AI 챗봇 마케팅 문구 좀 써줄래?", "advice"),
    ("파이썬으로 웹 크롤러 만드는 법 알려줘", "off-topic"),
    ("라면 맛있게 끓이는 법 알려줘", "off-topic"),  # a way to cook (는 법) is no law; 알려줘 asks kaia, not users
    ("Which GPU cloud provider in Seoul would be the cheapest for training our model?", "advice"),
    # (written from held-outs 126 to 128, after their first runs) pricing and build-or-buy
    ("Is it cheaper to train our own support bot or to license one from a vendor?", "advice"),
    ("AI 사주 앱 구독료를 얼마로 잡아야 수익이 날까요?", "advice"),
    # (written from held-outs 157 and 158, after their first runs) investment and valuation
    ("Is an AI translation startup with KRW 5 billion in revenue worth buying at an 8x revenue multiple?", "advice"),
    ("AI 비전 검사기를 들이면 몇 년이면 투자비를 회수할 수 있을까요?", "advice"),
])
def test_declines_what_is_not_about_the_law(assistant, question, reason):
    """Small talk and requests for advice or writing are declined with their own reason, not answered from
    whichever provision happens to share a word (a poem's 'write', lunch's 먹 in 먹는물, fine-tuning's 'fine')."""
    ans = assistant.ask(question, as_of="2026-09-01")
    assert ans.abstained and ans.related == [] and "Closest provisions" not in ans.answer
    assert ans.reason == reason and ans.to_json()["reason"] == reason
    from ui.render import chat_text

    assert chat_text(ans).startswith("**⚠️ Not a question about the AI Basic Act**")


@pytest.mark.parametrize("question, reason", [
    ("How do Korea's AI fines compare with the EU AI Act's turnover-based penalties?", "foreign"),
    ("What does Japanese law require of a chatbot that speaks Korean?", "foreign"),
    # (written from held-out 104) labour law and diplomatic immunity, which the corpus does not touch
    ("AI 상담봇을 들이면서 상담원 몇 명을 정리해고하려는데 해고 예고는 며칠 전에 해야 하나요?", "foreign"),
    ("Can MSIT fine a foreign consulate given diplomatic immunity under the Vienna Convention?", "foreign"),
    # (written from held-outs 123 and 124) a licence, a registration or an inspection under another regime
    ("Before we launch ride-hailing in Seoul, what passenger-transport licence or platform permit do we need?",
     "foreign"),
    ("Do we need to register as a virtual asset service provider with Korea's Financial Intelligence Unit first?",
     "foreign"),
    # (written from held-outs 125 and 127) customs duties, Hong Kong's own rules
    ("중국에서 한국 소비자에게 직구로 파는 물건의 관세는 어떻게 신고하나요?", "foreign"),
    # a fine under another field's statute is not answered by what the map says of this Act's fines (held-out 128)
    ("온라인몰 상품 설명을 AI로 쓰다가 원산지를 잘못 적었어요. 원산지표시법 위반이면 과태료가 얼마예요?", "foreign"),
    ("Does Hong Kong's privacy commissioner expect a privacy impact assessment of our loan model there?", "foreign"),
    # (a field or place before the asker's product, where the duty named is another field's words, stays declined)
    ("Our insurance app's AI writes the notices. Under Korean labour law, how much notice must we give staff we lay "
     "off?", "foreign"),
    ("Under Korea's elevator safety law, how often must a maintenance company carry out self-inspections on the "
     "lifts it services, and can an AI sensor system replace the technician's visit?", "foreign"),
    ("Before we train a speech model on our members' voices, what written consent do we need for their voice data?",
     "not-regulated"),
    # (written from held-outs 110 and 112) consent to use customers' photos or patients' records for training
    ("사진관인데 손님들 사진을 모아서 AI 학습에 쓰려고 해요. 손님 동의는 어떻게 받아야 하나요?", "not-regulated"),
    ("Can we use our clinic patients' records to train an AI model, and what consent do we need from them?",
     "not-regulated"),
    # obligations under another place's own law, which a commentary passage mentions but the corpus does not hold
    # (written from held-out 112)
    ("Our Korean robotics startup will sell in France next year. Which obligations apply to us under the EU AI Act?",
     "foreign"),
    ("Should we incorporate in Singapore instead of Korea?", "foreign"),
    ("Which is stricter on chatbot notices, Korea or Singapore?", "foreign"),
    ("싱가포르의 AI 규정은 챗봇 고지를 어떻게 하라고 하나요?", "foreign"),
    ("Under the Personal Information Protection Act, how soon must a data breach be reported?", "other-statute"),
    ("근로기준법상 면접 절차를 바꾸려면 노조 동의가 필요한가요?", "other-statute"),
])
def test_other_jurisdictions_and_statutes_are_declined(assistant, question, reason):
    ans = assistant.ask(question, as_of="2026-09-01")
    assert ans.abstained and ans.reason == reason


@pytest.mark.parametrize("question", [
    # Asking for the best way to meet a duty, or naming one's product, is still a question about the law.
    "What is the best way to notify users under the AI Act?",
    "Which is better for our chatbot notice under the law: a banner or a pop-up?",
    "We sell an AI-powered CCTV camera and want public buyers to favour it. Which organisations check that it uses AI?",
    "What is the maximum fine for not telling users that our service is AI?",
    "At what amount of training compute do the AI safety duties start?",
    # Where a company is based, or a statute the Act refers to, does not take a question about the Act elsewhere.
    "We're a Singapore company with Korean users. Does the Korean AI Basic Act apply to us?",
    # "or" between two things that are not places sets no jurisdictions side by side
    "We're a Singapore chatbot company with no office or staff in Korea. Do we need a domestic agent in Korea?",
    "저희 회사는 미국 법인인데 한국 이용자에게 AI 서비스를 팔면 한국 AI 기본법이 적용되나요?",
    "Does complying with the Personal Information Protection Act count toward the AI Basic Act's safety measures?",
    "We're a startup in Busan and want to sell our AI app in Vietnam. Does the government support going overseas?",
    "AI 기본법에서 고지 의무가 뭔지 알려주세요",
    # a comparison far from the place named compares no jurisdictions (written from held-out 54)
    "미국 본사 AI 번역 서비스 담당자입니다. 국내대리인을 안 둬서 이미 한 번 과태료를 맞았는데 아직도 못 정했어요. 두 번째로 걸리면 기준 "
    "금액이 첫 번째보다 훨씬 올라가는 거죠?",
    # where the AI-product confirmation is had, asked by the preference it brings (written from held-out 112)
    "축사 환기 AI 장비를 만드는 회사예요. 관공서에 납품할 때 AI 제품으로 인정받으려면 확인은 어디서 받고 며칠 걸려요?",
    # a business that compares prices is no comparison of places (written from held-out 112)
    "홍콩에 있는 호텔 가격 비교 앱 회사예요. 한국엔 사무실이 없어요. AI 서비스 매출이 120억원인데 국내대리인을 둬야 하나요?",
    "We're a Singapore-based price-comparison site with Korean users. Does the Korean AI Basic Act apply to us?",
    # a vendor's home named in a question written in Korean is no jurisdiction (written from held-out 78)
    "미국 회사의 생성형 AI API를 가져다 저희 서비스에 붙여 유료로 팔아요. 모델은 미국 회사가 만들었으니 AI라고 알리는 의무는 그 회사 몫 "
    "아닌가요?",
    # a company's home beside another field's word is no foreign law where the map decides (written from held-out 81)
    "독일 자동차보험 회사인데 부산에 한국 영업소가 있어요. AI 보험 상담 챗봇을 한국에서 운영하는데 국내대리인을 따로 지정해야 하나요?",
    # "사이" between two figures compares no jurisdictions
    "싱가포르 소재 AI 회사입니다(한국 사무소 없음). 그룹 전체 매출이 환율에 따라 9천억~1조2천억원 사이라 애매합니다. "
    "국내대리인 지정 대상인가요?",
    # a language is no jurisdiction (written from held-out 102)
    "Our app dubs short videos into Chinese with the speaker's own cloned voice, and nobody can tell it's synthetic. "
    "Do we have to tell viewers it's AI?",
    # where a procedure is filed and how long it takes (written from held-out 104)
    "조달청에 납품하려는 스타트업인데 AI 제품 확인서는 어디에 신청하고 얼마나 걸려요?",
    # an insurer's claims paperwork is its trade, not compensation asked about (written from held-out 101)
    "손해보험사 보상팀인데 보상 서류 검토에 생성형 AI를 쓰고, 결과는 고객에게 안내문으로 나가요. AI 생성이라고 표시해야 하나요?",
    # a field or a place right before the asker's product or company, beside a duty of this Act named in the asking
    # sentence, is the asker's trade or home (written from held-outs 171 and 172)
    "If we launch our AI tax chatbot without telling users beforehand that it's AI and get caught, how big is the fine?",
    "If our Singapore company never designates a domestic agent, how much is the administrative fine?",
    # the company's home, then Korea's law named after it (written from held-out 187)
    "본사가 싱가포르라 한국 법은 상관없을 줄 알았는데, 앱에 생성형 AI 도우미가 있고 한국 이용자가 많아요. 저희한테도 적용되나요?",
    # another statute named beside this Act's own term, not the AI (written from held-out 191)
    "Our ECG software is licensed under the Digital Medical Products Act. Is it covered by the high-impact definition?",
    # another field's word beside whose duty it is in a chain of providers (written from held-out 190)
    "We license our generative chatbot to three insurers that run it under their own brands. Who must tell "
    "policyholders it's AI, us or the insurers?",
])
def test_legal_questions_in_plain_words_are_answered(assistant, question):
    ans = assistant.ask(question, as_of="2026-09-01")
    assert not ans.abstained, ans.answer
    assert ans.citations


def test_other_field_is_in_scope_where_the_index_mentions_it(store):
    """A field of law is declined because nothing indexed mentions it, not because it is on a list."""
    from types import SimpleNamespace

    from assistant.abstain import decide
    from assistant.query import analyze
    from assistant.records import Query, Retrieval

    r = Retrieval(analyze(Query("Who owns the copyright in images our AI generates?", "2026-09-01")), [])
    assert decide(store, r).reason == "foreign"
    text = store.all_text + " a user's note on copyright licences"
    mentions = SimpleNamespace(mentions=lambda p: bool(p.search(text)), docs=store.docs, idf=store.idf)
    assert decide(mentions, r).reason == "no-candidates"


def test_another_field_declines_only_where_a_sentence_that_asks_names_it(store):
    """"AI 보험 심사 솔루션 회사인데 … 정부가 어떤 걸 지원해 주나요?" names the asker's trade, not what it asks."""
    from assistant.abstain import decide
    from assistant.query import analyze
    from assistant.records import Query, Retrieval

    story = "We sell an AI tool to insurers. What support does the government give small AI companies?"
    r = Retrieval(analyze(Query(story, "2026-09-01")), [])
    assert decide(store, r, asking="What support does the government give small AI companies?").reason != "foreign"
    asked = "Does Korean insurance law let us price premiums with AI?"
    r = Retrieval(analyze(Query(asked, "2026-09-01")), [])
    assert decide(store, r, asking=asked).reason == "foreign"


def test_commentary_list_is_quoted_from_the_passage_that_continues(assistant, store):
    """Passages are cut by length: the passage after the best one carries on, and its bulleted list is quoted."""
    ans = assistant.ask("Which uses of AI in production does MOTIE Announcement No. 2026-271 cover?", as_of="2026-09-01")
    text = ans.answer
    assert "Predictive maintenance" in text and "Quality control" in text, text
    assert {c.article for c in ans.citations} >= {"passage-9", "passage-10"}
    all_verified(ans, store)


def test_enforcement_record_questions_are_told_apart():
    from assistant.abstain import ENFORCEMENT_RECORD

    for asked in ("Has MSIT ever fined a company under Article 43?", "Were any firms sanctioned so far?",
                  "Is there case law on high-impact AI?", "과태료를 실제로 부과받은 기업이 있나요?", "관련 판례가 있나요?"):
        assert ENFORCEMENT_RECORD.search(asked), asked
    for law in ("How much can a company be fined under Article 43?", "Is Article 31 in force yet?",
                "Can MSIT investigate us?", "과태료는 얼마까지 부과되나요?", "사실조사는 어떤 경우에 하나요?",
                # case law a product searches is not case law asked about
                "리걸테크예요. 저희는 프롬프트랑 판례 검색(RAG), 화면만 만들었어요. AI 개발사업자인가요?",
                "Our legal-research app runs a case law search on top of a licensed LLM. Are we a developer?"):
        assert not ENFORCEMENT_RECORD.search(law), law


def test_commentary_is_attributed_not_law(assistant, store):
    ans = assistant.ask("What did MOTIE Announcement No. 2026-271 propose?", as_of="2026-09-01")
    assert not ans.abstained
    c = ans.citations[0]
    assert c.doc == "commentary/hybrid-esg" and "2026-271" in " ".join(x.quote for x in ans.citations)
    assert "commentary" in ans.answer.splitlines()[0].lower() and "not law" in ans.answer.splitlines()[0]
    assert not any(x.doc == "act" and "2026-271" in x.quote for x in ans.citations)
    all_verified(ans, store)


def test_verifier_drops_a_forged_quote(store):
    real = store.find("act:31:1", "en", "2026-09-01")[0]
    good = CitationOut(1, "act", "31", "1", None, "AI Basic Act Art. 31(1)", "shall notify the user in advance", None,
                       "en", real.version, real.url, False, uid=real.uid)
    forged = CitationOut(2, "act", "31", "1", None, "AI Basic Act Art. 31(1)",
                         "shall pay a fine of KRW 1 billion for every chatbot", None, "en", real.version, real.url,
                         False, uid=real.uid)
    text = "Operators must notify users first. [1]\n- They also pay KRW 1 billion per chatbot. [2]"
    v = verify(store, text, [good, forged])
    assert [c.n for c in v.citations] == [1] and v.citations[0].verified
    assert "1 billion" not in v.answer and "notify users first" in v.answer
    assert any("quote not found" in d for d in v.dropped)
    none_left = verify(store, "They pay KRW 1 billion. [2]", [forged])
    assert none_left.citations == [] and none_left.answer == ""


def test_unverifiable_answer_becomes_abstention(assistant, monkeypatch):
    original = assistant.extractive.compose

    def forge(r, lang):
        draft = original(r, lang)
        for c in draft.citations:
            c.quote = "text that no provision contains anywhere at all"
        return draft

    import assistant.chain as chain

    cite = chain.cite_marks

    def forge_lead(*args, **kw):
        lines, cites, by_cid = cite(*args, **kw)
        for c in cites:
            c.quote = "text that no provision contains anywhere at all"
        return lines, cites, by_cid

    monkeypatch.setattr(assistant.extractive, "compose", forge)
    monkeypatch.setattr(chain, "cite_marks", forge_lead)  # the verdict's own citations are checked the same way
    ans = assistant.ask("Do I have to tell customers my chatbot is AI?", as_of="2026-09-01")
    assert ans.abstained and ans.citations == [] and ans.dropped and ans.verdict is None


def test_json_contract(assistant):
    ans = assistant.ask("What is the administrative fine for failing to notify users?", as_of="2026-09-01", id="q1")
    d = ans.to_json()
    assert JSON_KEYS <= set(d) and d["id"] == "q1" and d["as_of"] == "2026-09-01"
    assert set(d["timings_ms"]) >= {"retrieve", "answer", "total"}
    assert len(d["sources"]) >= 10
    assert all(set(s) >= {"doc", "article", "paragraph", "item", "score"} for s in d["sources"])
    for c in d["citations"]:
        assert CITATION_KEYS <= set(c)
        assert c["paragraph"] is None or c["paragraph"].isdigit()
        assert c["item"] is None or c["item"].replace("-", "").isdigit()
    assert "30 million won" in d["answer"] and d["reason"] == ""
    # The versions answered from (never checked against law.go.kr in this data folder, so nothing newer known).
    versions = {v["doc"]: v for v in d["versions"]}
    assert all(set(v) == {"doc", "version", "checked", "newer_known"} for v in d["versions"])
    assert versions["act"]["version"] == "Act No. 21311" and versions["act"]["checked"] is None
    assert set(versions) == {c["doc"] for c in d["citations"]} and versions["act"]["newer_known"] == []
    json.dumps(d, ensure_ascii=False)


@pytest.mark.parametrize("bad", ["", "   \n\t ", "x" * 2001, "What is\x00 Article 31?", "hello\x1b[31m"])
def test_bad_questions_refused(assistant, bad):
    with pytest.raises(BadQuestionError):
        assistant.ask(bad)


def test_cli_ask_json_batch_and_errors(built_settings, tmp_path, kaia_main):
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "one", "question": "시행령 제29조제1항제2호의 매출액 기준은?", "persona": "ignored"},
        {"id": 2, "question": "What is the EU AI Act's fine for prohibited practices?"},
    ]) + "\n", encoding="utf-8")
    # Two real `kaia ask` processes at once: most of each one's time is starting Python and loading the models.
    out, batched = in_parallel(
        lambda: run_kaia(built_settings, "ask", "Do I have to label AI-generated images?", "--json",
                         "--as-of", "2026-09-01"),
        lambda: run_kaia(built_settings, "ask", "--batch", str(batch), "--json"))
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert JSON_KEYS <= set(d) and d["citations"] and not d["abstained"]
    assert batched.returncode == 0, batched.stderr
    rows = [json.loads(x) for x in batched.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["one", "2"]
    assert "100억원" in rows[0]["answer"] and rows[1]["abstained"] and rows[1]["reason"] == "foreign"
    # Refused questions: through the CLI's own code in this process (the real command's one-line refusals, with
    # their exit code, are tested as subprocesses in test_reliability.test_hostile_questions_at_the_cli).
    for args in (["ask", ""], ["ask", "x" * 2001], ["ask", "bad\x07question"]):
        bad = kaia_main(built_settings, *args)
        assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.startswith("kaia:")


def test_cli_missing_index(tmp_path):
    from conftest import make_settings

    out = run_kaia(make_settings(tmp_path / "empty"), "ask", "Do I need a domestic agent?")
    assert out.returncode == 2 and "run `kaia ingest`" in out.stderr and "Traceback" not in out.stderr


def test_glossary_triggers_start_words():
    from assistant.query import expand

    fines = "administrative fine penalty 과태료 벌칙"
    assert fines in expand("What is the fine for not labelling?")
    assert fines in expand("Are there penalties?")  # a trigger may begin a longer word
    assert fines not in expand('How does the Act define "generative artificial intelligence"?')
    assert "means 정의 말한다" in expand('How does the Act define "generative artificial intelligence"?')
    notify = "고지 사전 notify"
    assert notify in expand("챗봇이라고 이용자에게 공지해야 하나요?")
    assert notify not in expand("고영향 인공지능에 해당하나요?")  # 인공지능 holds 공지 ("notice")
    assert "정의 말한다 means" not in expand("학습 과정의 데이터")  # 과정의 is not 정의
    assert "scope of application 적용범위" in expand("Does the Korean AI law even apply to us?")
    assert "표시 결과물 label" not in expand("데이터 라벨러를 고용하면") and "표시 결과물 label" in expand("AI 라벨을 붙여야")


def test_definition_question_reaches_the_definitions(assistant):
    ans = assistant.ask('How does the AI Basic Act define "generative artificial intelligence"?', as_of="2026-09-01")
    assert ans.citations[0].doc == "act" and ans.citations[0].article == "2"
    assert "imitating the structure and characteristics" in ans.answer


@pytest.mark.parametrize("text,expected", [
    ("As of 1 April 2026, can agencies support start-ups?", "2026-04-01"),
    ("On 23 January 2026, does it apply?", "2026-01-23"),
    ("on January 22, 2026 the Act", "2026-01-22"),
    ("2026년 5월 15일 현재 시행되고 있나요?", "2026-05-15"),
    ("2026년 3월 기준으로", "2026-03-01"),
    ("2026.3.1. 기준", "2026-03-01"),
    ("as of Sept. 2026", "2026-09-01"),
    ("The Act No. 20676 of 21 January 2025 was promulgated", None),  # a date without an as-of cue
    ("What happened in 2026?", None),
    ("As of 31 February 2026?", None),  # not a date
    ("It's May 2026. Is that subsidy provision in force right now?", "2026-05-01"),  # the date it is now
    ("어머니가 70세신데, 지금(2026년 5월) 바로 신청할 수 있나요?", "2026-05-01"),
    ("오늘이 2026년 5월 1일인데 지금 바로 신청 가능한가요?", "2026-05-01"),
])
def test_question_date(text, expected):
    from assistant.query import question_date

    assert question_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("작년 12월 중순에 챗봇을 출시했는데 그때도 위반인가요?", "2025-12-01"),
    ("지난해(2024년) 3월 5일에 시작했는데 그 당시에도 의무가 있었나요?", "2024-03-05"),  # the year written beside it
    ("We launched in December last year without a notice. Was that a breach at the time?", "2025-12-01"),
    ("What if we launch in March this year? Would the rule bind us at that point?", "2026-03-01"),
    ("This may be fine at that time.", None),  # "may" is a verb here
    ("작년에 출시했어요. 그때도 적용됐나요?", None),  # a year without its month names no date
    # a story's past month beside a question about now: not the date asked about
    ("작년 3월에 고지 누락으로 과태료를 받았는데 이번에 또 적발됐어요. 가중되나요?", None),
    ("Korean daily users averaged 1.3 million in October and November last year. Do we need an agent?", None),
])
def test_question_date_counts_a_year_from_today(text, expected):
    from datetime import date

    from assistant.query import question_date

    assert question_date(text, today=date(2026, 12, 5)) == expected


def test_who_question_reaches_the_definition_of_the_body(assistant):
    """'Who do we apply to?' is answered by the notice's definition of the body its procedure names."""
    ans = assistant.ask("Who do we apply to for confirmation that our product really uses AI?", as_of="2026-09-01")
    first = ans.sources[0]
    assert (first.doc, first.article) == ("notice-2026-50", "2"), ans.sources[:3]
    assert "Korea Artificial Intelligence Promotion Association" in ans.answer or "한국인공지능진흥협회" in ans.answer
    # A question that does not ask who keeps the procedure first.
    how = assistant.ask("What documents do we attach to an application for confirmation that a product uses AI?",
                        as_of="2026-09-01")
    assert (how.sources[0].doc, how.sources[0].article) == ("notice-2026-50", "4"), how.sources[:3]
    # Of the bodies a procedure names, the one whose definition matches the question: who reviews, not who confirms.
    review = assistant.ask("AI 제품 확인 절차에서 AI가 쓰였는지 기술 심사를 하는 기관은 어디인가요?", as_of="2026-09-01")
    assert review.citations[0].item == "2" and "한국정보통신기술협회" in review.answer, review.answer[:300]


@pytest.mark.parametrize("question, item", [
    ("중학교 시험 답안을 AI가 채점하는 서비스도 고영향 인공지능에 해당하나요?", "4"),
    ("Does a tool that writes marketing copy count as generative AI under the Act?", "5"),
])
def test_falls_under_question_reaches_the_definition_of_the_term(assistant, question, item):
    """'Does X count as <a defined term>?' is answered by the definition of that term."""
    ans = assistant.ask(question, as_of="2026-09-01")
    first = ans.sources[0]
    assert (first.doc, first.article, first.item) == ("act", "2", item), ans.sources[:3]


def test_counts_as_names_the_term_right_after_it(assistant):
    """'What counts as a valid way to give users notice?' asks about ways of notifying, not what a user is."""
    ans = assistant.ask("What counts as a valid way to give users the advance notice that our product runs on AI?",
                        as_of="2026-09-01")
    assert (ans.sources[0].doc, ans.sources[0].article) == ("decree", "23"), ans.sources[:3]


@pytest.mark.parametrize("question, article", [
    ("Who may sit on our company's own AI ethics committee?", "28"),
    ("Is there a government body for AI safety, and what does it do?", "12"),
    ("AI 안전을 전담하는 기관이 있나요?", "12"),
    ("Our AI rejects job applicants automatically. If an applicant asks why, do we have to explain?", "3"),
    ("AI가 채용 서류를 거르는데 지원자가 이유를 물으면 설명해줘야 하나요?", "3"),
])
def test_plain_words_reach_the_provision(assistant, question, article):
    """A company's ethics committee is the Act's private ethics committee (Art. 28), not the national Council; a
    government body for AI safety is the AI Safety Institute (Art. 12); having to explain a rejection is the
    impacted person's right to an explanation (Art. 3(2))."""
    ans = assistant.ask(question, as_of="2026-09-01")
    assert (ans.sources[0].doc, ans.sources[0].article) == ("act", article), ans.sources[:3]


def test_named_act_comes_first(assistant):
    """Asked what the Act imposes, the Act's provision comes before the Decree's threshold that sets its scope."""
    ans = assistant.ask("Our model's training compute is above the Presidential Decree threshold. What safety "
                        "obligations does the Act impose on us?", as_of="2026-09-01")
    assert (ans.sources[0].doc, ans.sources[0].article) == ("act", "32"), ans.sources[:3]


def test_named_decree_comes_first(assistant):
    ans = assistant.ask("What must an impact assessment of high-impact AI contain under the Enforcement Decree?",
                        as_of="2026-09-01")
    assert ans.sources[0].doc == "decree", ans.sources[:3]


def test_an_area_s_described_uses_decide_with_the_real_model_on_phrasings_by_someone_else(assistant):
    """Where no area's words are found, the real model's likeness to the areas' described uses and to the unlisted
    ones reads the area: on the fact phrasings (written by someone who did not write the vocabulary) it decides some
    of the open ones and gets none wrong."""
    from pathlib import Path

    r = assistant.facts
    decided = 0
    for path in sorted((Path(__file__).resolve().parent / "data").glob("fact_phrasings.*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if "high_impact_area" not in d["facts"]:
                continue
            base = r.read(d["text"], use_examples=False)
            if base.get("high_impact_area") is not None or base.area is not None:
                continue
            got = r.read_examples(d["text"], base, {"high_impact_area"})
            value, want = got.get("high_impact_area"), d["facts"]["high_impact_area"]
            if value is None:
                continue
            decided += 1
            assert value == want and (got.area is None or got.area == d.get("area")), (d["id"], value, got.area)
    assert decided >= 3


@pytest.mark.parametrize("question, verdict", [
    # a use close to an area's described uses, decided by the AI alone; one close to the unlisted uses
    ("시청에서 도입한 AI가 시내 교차로의 신호 시간을 스스로 바꿉니다. 담당자 승인은 없어요. 고영향 AI인가요?", "yes"),
    ("Our water plant's AI decides how much chlorine goes into the supply, and no operator confirms it. Is that "
     "high-impact AI?", "yes"),
    ("우리 제과 공장 생산라인에서 AI가 모양이 찌그러진 쿠키를 불량품으로 골라내요. 이것도 고영향 AI인가요?", "no"),
])
def test_a_use_no_area_names_is_classified_by_its_likeness_to_described_uses(assistant, question, verdict):
    ans = assistant.ask(question)
    assert not ans.abstained and ans.verdict == verdict, ans.answer[:300]


def test_a_figure_the_map_decides_is_answered_beside_the_missing_counting_notice(assistant):
    # the notice on how compute is counted is not in the corpus; a stated figure far below 10^26 is still decided,
    # and the answer says what it rests on
    ans = assistant.ask("We pre-trained our own foundation model using about 3×10^25 FLOPs in total. Are we subject "
                        "to the Act's special safety obligations for large-compute AI?")
    assert not ans.abstained and ans.verdict == "no"
    assert "does not include the MSIT public notice on how the cumulative compute is calculated" in ans.answer
    assert any(c.doc == "decree" and c.article == "24" for c in ans.citations)


def test_a_figure_above_the_threshold_is_answered_with_what_else_it_turns_on(assistant):
    # "does that number alone bring the duties?": the Decree's other criteria decide, whatever the counting notice
    # (not in the corpus) says; the answer names the notice rather than declining
    ans = assistant.ask("국내 AI 연구소입니다. 이번에 사전학습한 자체 모델의 누적 연산량이 대략 3×10^26 FLOPs 나왔어요. 이 숫자만으로 안전성 확보 "
                        "의무 대상이 되는 건가요?")
    assert not ans.abstained and ans.verdict in ("depends", "no"), ans.answer[:300]
    assert "연산량 산정 방법에 관한 과학기술정보통신부 고시" in ans.answer


@pytest.mark.parametrize("question, verdict", [
    # Decree Art. 28(1) and Act Art. 35(1) gained the words on AI-vulnerable groups in the wording in force from
    # 2026-07-21: a date before it did not have them, a date after it does.
    ("2026년 2월 10일 기준으로, 영향평가에 인공지능취약계층의 특성을 반영하라는 규정이 시행되고 있었나요?", "no"),
    ("2026년 9월 1일 기준으로, 영향평가에 인공지능취약계층의 특성을 반영하라는 규정이 시행되고 있나요?", "yes"),
])
def test_a_dated_question_about_words_an_amendment_added(assistant, question, verdict):
    ans = assistant.ask(question)
    assert not ans.abstained and ans.verdict == verdict, ans.answer[:300]
    assert "2026-07-21" in ans.answer  # the date the words took effect is said


def test_a_provision_inserted_later_was_not_in_force_before_its_start(assistant):
    # Art. 17-2 was inserted by Act No. 21311 and applies from 2026-07-21: the addenda that name it are cited
    ans = assistant.ask("2026년 2월 15일 기준으로 제17조의2(이용비용 지원) 규정이 시행되고 있었나요?")
    assert not ans.abstained and ans.verdict == "no", ans.answer[:300]
    assert any(c.article == "addenda" and "21311" in c.label for c in ans.citations), ans.citations
    assert "2026-07-21" in ans.answer


@pytest.mark.parametrize("question", [
    # The provision is described in words, not cited: retrieval ranks the addenda that start it later first, and
    # the addenda name it (Act Art. 17-2, from 2026-07-21).
    "2026년 4월 15일 현재, 형편이 어려운 사람이 AI 서비스 이용료를 나라에서 지원받을 수 있는 규정이 시행되고 있나요?",
    "It's May 2026. We want to tell low-income families they can apply for the AI service cost subsidy the AI Basic Act "
    "amendment introduced. Is that subsidy provision in force right now?",
])
def test_a_provision_described_in_words_is_found_among_those_its_addenda_start_later(assistant, question):
    ans = assistant.ask(question)
    assert not ans.abstained and ans.verdict == "no", ans.answer[:300]
    assert "17" in ans.answer.split("\n")[0] and "2026-07-21" in ans.answer, ans.answer[:300]  # which one, from when
    assert any(c.article == "addenda" and "21311" in c.label for c in ans.citations), ans.citations


@pytest.mark.parametrize("question, as_of", [
    ("On 23 January 2026, did the digital-medical-device part of the high-impact AI definition already apply to our "
     "hospital's AI software?", None),
    ("디지털의료기기로만 분류되는 AI 소프트웨어를 2026년 1월 23일에 출시했어요. 그날 기준으로 고영향 인공지능에 해당했나요?", None),
])
def test_a_part_the_addenda_start_later_was_not_in_force_before_its_start(assistant, question, as_of):
    """"provided, the part of subparagraph 4d of Article 2 regarding digital medical devices shall enter into force on
    January 24, 2026": a dated question about that part before then is answered no, whatever the case's facts."""
    ans = assistant.ask(question, as_of=as_of)
    assert not ans.abstained and ans.verdict == "no", ans.answer[:300]
    assert "2026-01-24" in ans.answer and ("digital medical devices" in ans.answer or "디지털의료기기" in ans.answer)
    # the day after its start the part applies: the map's own reasoning answers again
    later = assistant.ask(question.replace("23 January", "25 January").replace("1월 23일", "1월 25일"))
    assert later.verdict != "no" or "2026-01-24" not in later.answer, later.answer[:300]


def test_a_not_covered_entry_with_an_answer_keeps_it_where_its_provision_ranks_first(assistant):
    """"…형사처벌까지 받을 수 있나요?": retrieval ranks Art. 42 (the one criminal provision) first; the entry's "no" stands."""
    ans = assistant.ask("작은 쇼핑몰을 하는데 생성형 AI 상담봇에 AI라고 안내하는 걸 빼먹었어요. 이걸로 벌금이나 징역 같은 "
                        "형사처벌까지 받을 수 있나요?", as_of="2026-09-01")
    assert not ans.abstained and ans.verdict == "no", ans.answer[:300]
    assert any(c.article == "42" for c in ans.citations) and any(c.article == "43" for c in ans.citations)


def test_a_not_yet_answer_quotes_the_addendum_that_starts_the_part_later(assistant):
    # Art. 35(1) is in force in March 2026; only its latter part (the AI-vulnerable) starts six months on
    ans = assistant.ask("영향평가에 인공지능취약계층 특성을 반영하라는 내용이 그때도 법에 있었나요?", as_of="2026-03-15")
    assert ans.verdict == "no"
    quotes = " ".join(c.quote for c in ans.citations)
    assert "제35조제1항 후단" in quotes and "6개월" in quotes
    assert "제35조제1항은(는) 2026-03-15 현재 시행 전" not in ans.answer


def test_a_lead_citing_a_list_s_opening_quotes_its_items(assistant, store):
    """"과태료는 고지 불이행, 국내대리인 미지정, 명령 불이행에 부과됩니다 [n]": Art. 43(1)'s opening line alone fines nobody."""
    ans = assistant.ask("생성형 AI 이미지에 AI 표시를 빠뜨렸는데, 그것만으로 바로 과태료가 나오나요?", as_of="2026-09-01")
    assert ans.verdict == "no", ans.answer[:300]
    quote = next(c.quote for c in ans.citations if c.article == "43" and c.paragraph == "1")
    assert "제31조제1항" in quote and "제40조제3항" in quote, quote
    all_verified(ans, store)


def test_a_note_does_not_quote_again_a_guideline_sentence_the_answer_quotes():
    from assistant.compose import unrepeated_notes

    said = "인공지능제품·서비스를 단순히 이용한 결과물을 자신의 서비스 등에 활용하는 자는 이용자에 해당"
    notes = [f"MSIT guidance, not law: p. 205: a user, not an operator. In its words (Korean only): “{said}”",
             "MSIT guidance, not law: p. 3: a YouTuber is a user. In its words (Korean only): “유튜버와 같이 …”"]
    out = unrepeated_notes(notes, [f"아니요, {said}하며, 사업자 의무를 부담하지 않습니다."])
    assert out[0] == "MSIT guidance, not law: p. 205: a user, not an operator." and out[1] == notes[1]
