"""The fact reader measured on phrasings written by someone who did not write the vocabulary
(tests/data/fact_phrasings.*.jsonl: dev files studied while writing the patterns, a test file that was not)."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from assistant.facts import FactReader
from corpus.knowledge import knowledge

DATA = Path(__file__).resolve().parent / "data"
# Accuracy over every fact the phrasings state (or leave open): measured on the test file, which was read once
# before any pattern was written for it (0.654 at the first run; see eval/findings.md), and kept as a floor here.
# fact_phrasings.ways.jsonl (where a label is shown, whether outputs leave the service): written blind for the two facts
# of session 36, 0.45 at its first run (patterns only, written before it), 0.95 after it was studied.
# fact_phrasings.edits.jsonl (whether the outputs asked about come only from plain editing): written blind for the
# fact of session 37, 0.50 at its first run (patterns only, written before it), 0.975 after it was studied.
FLOOR = {"fact_phrasings.dev.jsonl": 0.9, "fact_phrasings.dev2.jsonl": 0.8, "fact_phrasings.test.jsonl": 0.7,
         "fact_phrasings.ways.jsonl": 0.9, "fact_phrasings.edits.jsonl": 0.9}


@pytest.fixture(scope="module")
def reader():
    return FactReader(knowledge())


def accuracy(reader: FactReader, path: Path) -> tuple[float, list[str]]:
    ok = total = 0
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        got = reader.read(d["text"])
        for fid, want in d["facts"].items():
            value = got.get(fid)
            expected = None if want == "unknown" else want
            if isinstance(value, tuple):
                # a band (a figure converted at an unknown rate, or a part bounded by its whole) is not an exact
                # reading: right where the phrasing leaves the figure unknown or the figure lies within it
                good = expected is None or (not isinstance(expected, bool) and isinstance(expected, (int, float))
                                            and value[0] * 0.99 <= expected <= value[1] * 1.01)
            elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
                good = value is not None and abs(value - expected) <= 0.01 * expected
            else:
                good = value == expected
            ok += good
            total += 1
            if not good:
                misses.append(f"{d['id']} {fid}: {want} != {value}")
    return ok / total, misses


@pytest.mark.parametrize("name", sorted(FLOOR))
def test_fact_reading_on_other_authors_phrasings(reader, name):
    acc, misses = accuracy(reader, DATA / name)
    assert acc >= FLOOR[name], f"{name}: {acc:.3f}\n" + "\n".join(misses[:40])


@pytest.mark.parametrize("text, fact, value", [
    # written from held-outs 52 and 53 (studied after their first runs)
    ("Korean daily average users over the last three months of the year were around 400,000.", "daily_users_kr",
     4e5),
    ("Between 0.9 and 1.1 million Koreans use our app daily.", "daily_users_kr", (9e5, 1.1e6)),
    ("It's a distilled mid-tier architecture that is nowhere near state-of-the-art.", "frontier_tech", False),
    ("Our latest model took roughly 2 x 10^26 FLOPs to train.", "high_impact_area", None),
    ("Our model meets all three of the Decree's criteria for the safety obligations.", "stated_safety_tier", True),
    ("MSIT confirmed our blood-donor eligibility screening AI as high-impact.", "stated_high_impact", True),
    ("MSIT confirmed our blood-donor eligibility screening AI as high-impact.", "msit_confirmed", None),
    ("불법 현수막 탐지 AI를 외주로 개발했는데 저희는 요구사양만 주고 설계랑 개발은 업체가 다 했어요.", "develops_ai", False),
    ("주일 예배 생중계에 AI 음성합성 서비스로 만든 솔로 파트를 넣었어요.", "outputs_only", True),
    ("주로 직원들이 쓰는데 협력업체 소속 기사님들 몇 분도 계정 받아서 로그인해요.", "internal_use_only", None),
    ("주로 직원들이 쓰는데 협력업체 소속 기사님들 몇 분도 계정 받아서 로그인해요.", "provides_to_others", None),
    ("We are tiny in Korea now (about 20k daily users) and have no office there.", "no_korean_office", True),
    ("We were once hit with an administrative fine for ignoring an MSIT correction order.", "fined_for_order", True),
    ("We sell AI-assisted structural design software to Korean architecture firms.", "outputs_only", False),
    ("경찰서 수사과에서 절도 사건 용의자를 CCTV 얼굴인식으로 찾는 AI를 도입하려 합니다.", "defense_security_only", False),
    ("드론 영상분석 AI 고객 중 하나가 육군인데, 같은 모델을 과수원 병해충 탐지용으로 농가에도 팔고 있어요.",
     "defense_security_only", False),
    ("간호사가 대부분 그대로 따르지만 최종 결정은 의료진이 합니다.", "human_final_decision", None),
    ("So we're outside the safety tier (no risk-management results to submit).", "significant_risk", None),
    ("Total revenue was about KRW 800 billion. Do we cross the KRW 1 trillion revenue line?", "revenue_krw", 8e11),
    ("Our app clones a user's voice; the voices sound fairly natural but a bit synthetic.", "realistic_media", None),
    ("We rebrand a third-party LLM and resell it as a writing tool.", "provides_to_others", True),
    ("Our app turns selfies into AI-generated K-drama posters.", "outputs_only", False),
    ("Our app turns selfies into AI-generated K-drama posters.", "notice_posted", None),
    ("실제 기사랑 구분이 어려운 텍스트를 만들어 줍니다.", "realistic_media", False),
    # written from held-out 54 (studied after its first run)
    ("I'm a grad student who, as a weekend hobby, fine-tuned a small poetry model.", "individual_creator", True),
    ("MSIT has confirmed that our AI that schedules supply cut-offs is high-impact.", "stated_high_impact", True),
    ("한국 내 주소나 영업소는 없습니다.", "no_korean_office", True),
    ("한국 법인도 지점도 없고 서버도 해외예요.", "no_korean_office", True),
    ("한국 법은 국내 회사한테만 적용되는 거 아닌가요?", "no_korean_office", None),
    ("It has no Korean office and revenue far below any threshold.", "daily_users_kr", None),
    ("The studio's revenue was well under KRW 10 billion last year.", "revenue_krw", (0.0, 1e10)),
    # written from held-out 55 (studied after its first run)
    ("Our app for captains: every morning it uses a generative model to write up catch reports.", "outputs_only",
     False),
    ("Quarrying doesn't appear anywhere in the Act's list as far as I can see.", "high_impact_area", False),
    ("Client: a US image-generation company, no Korean address, small Korean user base.", "no_korean_office", True),
    ("작년 12월에 바이럴이 돼서 12월 한 달은 국내 이용자가 하루 평균 150만 명쯤 됐는데, 10월·11월 숫자는 따로 안 봤어요.",
     "daily_users_kr", None),
    # written from held-outs 57 to 60 (studied after their first runs)
    ("AI 기반 퍼즐 게임을 한국 시장에도 내놓고 있어요.", "provides_to_others", True),
    ("Our clinic group is launching a 'smart triage' service for walk-in patients.", "provides_to_others", True),
    ("소속 변호사들만 접속하는 계약서 검토용 AI를 사내에 구축했어요.", "internal_use_only", True),
    ("저희 고객들만 쓰는 앱이에요.", "internal_use_only", False),
    ("지금은 저희 직원들만 쓰는데 다음 달부터 계열사 직원들도 쓰게 하려고요.", "internal_use_only", None),
    ("사내 변호사들끼리만 쓰는 요약 도구인데, 의뢰인 포털에도 열어줄지는 아직 결정을 못 했어요.", "internal_use_only", None),
    ("A city bus operator rolls out an AI that brakes buses automatically, treating it as high-impact AI.",
     "stated_high_impact", True),
    ("MSIT confirmed last month that the AI we use to balance load at our plant is high-impact.", "stated_high_impact",
     True),
    ("A consultant told us that because our controller manages heating energy, we're running high-impact AI.",
     "stated_high_impact", None),
    ("Guests love the clips and call it art.", "artistic_work", True),
    ("The model is state of the art.", "artistic_work", None),
    ("Our zoo's AR app lets children create realistic videos of themselves feeding tigers.", "outputs_only", False),
    ("사내 법무팀이 생성형 AI로 계약서 검토 도구를 만들었어요.", "outputs_only", False),
    ("We built a contract-review tool on an LLM.", "notice_in_documents", None),
    ("We put the AI notice in the contract.", "notice_in_documents", True),
    ("지금은 하루 140만 명입니다. 매출은 전체 3천억 원, AI 서비스 부문 70억 원이고요.", "revenue_krw", 3e11),
    ("지금은 하루 140만 명입니다. 매출은 전체 3천억 원, AI 서비스 부문 70억 원이고요.", "ai_revenue_krw", 7e9),
    ("We do the risk work internally and report to the Ministry of Science and ICT.", "public_body", None),
    ("Korean daily users peaked at 1.5 million last July.", "daily_users_kr", None),
    ("Korean daily users peaked at 1.5 million last July.", "serves_korea", True),
    ("국내 일평균 이용자가 작년 7월 최고치로 150만 명이었어요.", "daily_users_kr", None),
    ("고객 얼굴 사진을 넣으면 AI가 시술 후 모습을 만들어 보여주고 카톡으로도 보내줘요.", "provides_to_others", True),
    # session 20, from studied sets: Korean use told as incidental is left open; a list the asker denies; biometrics
    # named without any criminal investigation
    ("We're in Lisbon; we geo-block Korea, though a few Koreans get in through a VPN.", "serves_korea", None),
    ("Koreans might be using it, but only a handful of Koreans, and we don't target the country.", "serves_korea",
     None),
    ("베트남 회사고 한국 시장은 전혀 겨냥하지 않아요. 한국 사람이 몇 명 쓸 수는 있겠죠.", "serves_korea", None),
    ("Our horoscope app is only on the Korean app stores.", "serves_korea", True),
    ("한국인 관광객을 위한 AI 통역 앱이에요.", "serves_korea", True),
    ("채석장 발파 설계 AI예요. 에너지, 먹는물, 의료, 교통 이런 거랑은 상관없는 업종이에요.", "high_impact_area", False),
    ("현장 CCTV로 안전모 미착용을 감지하는데 얼굴도 찍혀요.", "high_impact_area", False),
    ("Our gym's door opens by face recognition.", "high_impact_area", False),
    ("The police match CCTV faces against mugshots with our face recognition.", "high_impact_area", True),
    ("얼굴 인식으로 관람객 통계만 내요(수사기관에 제공하는 건 없습니다).", "high_impact_area", False),
    ("Radiologists use it only as a screening aid and make the diagnosis themselves.", "ai_aid_only", True),
    ("심사역은 AI 점수를 참고자료로만 보고 소득과 상환 이력을 따져 직접 결정해요.", "ai_aid_only", True),
    ("A credit officer signs off on every application.", "ai_aid_only", None),
    ("Our radiologists look at its flags but make the final read themselves.", "ai_aid_only", True),
    ("Recruiters still read every full application and decide who gets an interview.", "ai_aid_only", True),
    ("그 판독 결과를 참고해서 제가 최종 판독을 내립니다.", "ai_aid_only", True),
    # "some do X, some may do Y…" varies, even where an ellipsis runs into the asking sentence
    ("참고만 하는 데도 있을 거고 점수 컷으로 바로 떨어뜨리는 데도 있을 수 있고… 저희 서비스 고영향 AI인가요?", "ai_aid_only", None),
    # written from held-outs 63 and 64 (studied after their first runs)
    ("법무팀 직원 12명만 씁니다. 외부 고객이나 협력사는 접근 자체가 안 돼요.", "internal_use_only", True),
    ("해외 개발사의 채용 AI를 라이선스 받아서 기능이나 용도 변경 없이 그대로 써요.", "third_party_ai", True),
    ("찍은 사진 배경을 구독형 생성형 AI 툴로 바꾸거나 합성해서 고객 앨범으로 드려요.", "outputs_only", True),
    ("Fixed schedules plus a soil-moisture threshold, no machine learning or inference at all.", "ai_in_product", False),
    ("We show no AI notice on the kiosk.", "ai_in_product", None),
    ("Our tutoring app is in the Korean App Store with a Korean UI.", "serves_korea", True),
    ("AI 관련 매출은 거의 없고 회사 전체 매출은 1조 2천억원이에요.", "revenue_krw", 1.2e12),
    ("최근 3개월 평균은 모르고, 매출은 크지 않습니다.", "revenue_krw", None),
    ("작년 여름엔 한국 하루 이용자가 120만명까지 찍었어요.", "daily_users_kr", None),
    ("작년엔 한국 이용자가 아예 없었어요.", "daily_users_kr", 0.0),
    ("Of that, the AI tool brought in about KRW 3 billion.", "ai_revenue_krw", 3e9),
    ("직불금 신청서를 AI가 검토해서 자격요건이 안 맞으면 자동으로 반려해요.", "human_final_decision", False),
    ("At the purification plant an AI sets coagulant and chlorine dosing.", "high_impact_area", True),
    ("직불금 신청서를 AI가 자동으로 반려해요.", "high_impact_area", True),  # returned, not a pet
    ("Our municipal wastewater treatment plant uses AI to tune aeration.", "high_impact_area", False),
    ("풍력발전단지에서 AI로 발전량을 예측해요.", "high_impact_area", None),
    # written from held-outs 65 and 66 (studied in part after their first runs)
    ("긴급복지 지원 신청이 들어오면 AI가 지원 대상인지 아닌지를 결정해서 신청인한테 통보해요.", "high_impact_area", True),
    ("긴급복지 지원 신청이 들어오면 AI가 지원 대상인지 아닌지를 결정해서 신청인한테 통보해요.", "human_final_decision",
     False),
    ("That ranking decides who is seen first unless a triage nurse overrides it.", "human_final_decision", False),
    ("유족분들 화장 예약 문의 받는 챗봇을 생성형 AI로 만들었어요.", "provides_to_others", True),
    ("Our voicebot talks to shippers and answers tracking questions.", "provides_to_others", True),
    ("내부 규정상 '참고자료'지만 실무적으로는 거의 점수대로 처리돼요.", "ai_aid_only", None),
    # written from held-out 56 (studied after its first run)
    ("Our church office uses an LLM assistant only among staff to draft schedules.", "internal_use_only", True),
    ("Our autonomous forklifts move pallets only inside our own warehouse, never on public roads.", "high_impact_area",
     False),
    ("딸기 농장 하는데요, 비닐하우스 온도랑 습도를 AI가 알아서 조절해요.", "high_impact_area", False),
    ("A recruiter 'makes the final call' — in practice they usually just follow the ranking.", "human_final_decision",
     None),
    ("심사역이 그 점수를 고려해서 승인 여부를 정해요. 점수가 결과에 얼마나 영향을 주는지는 따로 측정해본 적 없습니다.",
     "human_final_decision", None),
    # written from held-out 51 (studied after its first run)
    ("Total revenue will land somewhere between KRW 500 billion and 1.5 trillion.", "revenue_krw", (5e11, 1.5e12)),
    ("We embed a machine-readable provenance tag in every image.", "label_machine_readable", True),
    # written from held-out 50 (studied after its first run)
    ("It earned the equivalent of KRW 13 billion last year from its AI tutor subscription.", "ai_revenue_krw", 13e9),
    ("법문을 생성형 AI로 요약해서 글로 보여줍니다.", "realistic_media", False),
    ("친구 셋이서 재미로 만든 모델이라 돈 받을 생각은 없어요.", "individual_creator", True),
    # written from held-out 49 (studied after its first run)
    ("과태료를 체납한 적은 한 번도 없습니다.", "in_arrears", False),
    ("Our AI business (chatbots, translation and an image tool) earned KRW 11 billion last year.", "ai_revenue_krw",
     11e9),
    ("The assistant is used purely within the firm; drafts are never shared with clients or anyone outside.",
     "internal_use_only", True),
    # (content made with AI on a customer's order is the maker's output, as MSIT's guideline reads a film's AI CG)
    ("고객 주문으로 반려동물 사진을 AI로 합성해서 영상으로 만들어 드립니다.", "outputs_only", True),
    ("작년 10~12월 일평균 이용자는 80만명 정도였어요.", "daily_users_kr", 800000.0),
    # written from held-out 48 (studied after its first run)
    ("The narrator's voice sounds exactly like a famous announcer.", "realistic_media", True),
    ("방산 AI인데 민수 버전으로도 납품할 예정입니다.", "defense_security_only", False),
    ("시행령 제24조 기준 세 가지를 모두 충족한다고 봅니다.", "stated_safety_tier", True),
    # written from held-out 47 (studied after its first run)
    ("We deploy a non-generative model that ranks loan files.", "generative", False),
    ("앱 첫 화면에 'AI 상담사'라고 크게 적혀 있어요.", "ai_use_evident", True),
    ("회원분들께 AI 챗봇으로 예약 안내를 해 드려요.", "provides_to_others", True),
    ("I'm a retired teacher making birthday cards for my grandchildren with an image generator.", "individual_creator",
     True),
    ("The ministry emailed us on day 25 that it would reply within a further 20 days.", "extension_notified", True),
    ("We don't sell it to anyone; only our accountants use it.", "provides_to_others", False),
    ("고객에게는 제공하지 않습니다. 직원들만 씁니다.", "internal_use_only", True),
    ("Our chatbot answers customer questions.", "provides_to_others", True),
    ("Do we have to label AI-generated images if we do not label them yet?", "generative", True),
    ("We are a Seoul company.", "no_korean_office", False),
    ("We have no office or staff in Korea.", "no_korean_office", True),
    ("최종 결정은 담당 공무원이 합니다.", "human_final_decision", True),
    ("Applicants are rejected automatically, with no human review.", "human_final_decision", False),
    ("하루 평균 이용자 120만 명", "daily_users_kr", 1_200_000),
    ("AI 매출 약 80억, 전체 매출 1조 2천억 원", "revenue_krw", 1.2e12),
    ("AI 매출 약 80억, 전체 매출 1조 2천억 원", "ai_revenue_krw", 8e9),
    ("about 1.5 million Koreans use our app every day", "daily_users_kr", 1_500_000),
    ("trained with roughly 3 × 10^25 FLOPs", "training_compute_flops", 3e25),
    # A foreign figure is a band of won, at both ends of the currency's band of yearly average rates.
    ("Our global revenue was $2 billion.", "revenue_krw", (2.3e12, 3.4e12)),
    ("작년 AI 매출은 500만 달러였어요", "ai_revenue_krw", (5.75e9, 8.5e9)),
    ("AI revenue of EUR 20 million", "ai_revenue_krw", (2.2e10, 3.8e10)),
    # MSIT's guideline tests borrowed into significant effect: a medical device's class (p. 46), a public body's check
    # that leaves no discretion (p. 132); staff with "no discretion" over the AI's result is not that
    ("식약처에서 3등급 디지털의료기기로 허가받았어요.", "medical_device_class_high", True),
    ("The software is a class II medical device.", "medical_device_class_high", False),
    ("It could end up as a Class 2 or Class 3 digital medical device.", "medical_device_class_high", None),
    ("We use an AI tool that simply matches the applicant's ID against the resident register.", "simple_eligibility",
     True),
    ("신청자 정보를 행정 데이터와 대조해서 감면 대상인지만 알려줘요.", "simple_eligibility", True),
    ("Our staff have no discretion to change what the AI decides.", "simple_eligibility", None),
    ("담당자는 AI 결과를 확인만 해요.", "simple_eligibility", None),
    # animals' health care is in neither health area: the Medical Devices Act's devices are for people
    ("동물병원 원장입니다. 엑스레이 판독 보조 AI 프로그램을 구독해서 씁니다.", "high_impact_area", False),
    ("Our vet clinic uses an AI X-ray reading aid.", "high_impact_area", False),
    ("병원 영상의학과에서 엑스레이 판독 AI를 씁니다.", "high_impact_area", True),
    # a dollar of another country is not the US dollar; a place named after a figure is not its currency; revenue
    # from the AI service is not the company's total
    ("Our AI revenue was about 12 million Singapore dollars.", "ai_revenue_krw", (1.02e10, 1.56e10)),
    ("Our revenue from the AI service was SGD 12 million.", "revenue_krw", None),
    ("Our revenue was 50 million in Hong Kong last year.", "revenue_krw", 5e7),
    ("매출은 RM 40 million이고요", "revenue_krw", (1e10, 1.5e10)),
    ("Total revenue was THB 900 million.", "revenue_krw", (2.88e10, 4.32e10)),
    ("there's no visible mark on the images", "label_visible", False),
    # AI-service revenue is part of total revenue: bounded by it where only the whole is given
    ("작년 전체 매출이 원화로 환산하면 70억원 정도예요.", "ai_revenue_krw", (0.0, 7e9)),
    ("Our loan-screening AI has been assessed as high-impact.", "stated_high_impact", True),
    ("심사역은 결과를 고객에게 통보만 합니다.", "human_final_decision", False),
    # an item of a list a negation opens; an apostrophe is not a quotation mark
    ("It doesn't generate text and isn't used for credit, hiring or anything like that.", "high_impact_area", False),
    ("Over October–December our Korean users averaged roughly 1.3 million a day.", "daily_users_kr", 1_300_000.0),
    ("작년에 과기정통부 시정명령을 제때 이행하지 않아서 과태료를 한 번 낸 적이 있어요.", "fined_for_order", True),
    ("과태료 처분을 받은 적은 없고요.", "fined_for_order", False),
    ("For our high-impact AI service, do we have to publish a contact?", "stated_high_impact", True),
    ("고영향 AI로 분류된 대출심사 시스템을 운영합니다.", "stated_high_impact", True),
    ("Is this high-impact AI?", "stated_high_impact", None),
    ("Is our high-impact AI rule reading right?", "stated_high_impact", None),
    ("We generated a few background scenes with a commercial AI video tool and cut them into our film.",
     "outputs_only", True),
    ("We generate images with our own diffusion model and sell them to clients.", "outputs_only", False),
    # a model supplied only to businesses that serve the end users themselves
    ("We license our speech model to call-centre vendors via an API only; we never deal with their end users.",
     "upstream_only", True),
    ("저희 번역 엔진은 API로만 제공하고, 고객사가 자체 앱으로 소비자에게 서비스해요.", "upstream_only", True),
    ("We sell our translation app to consumers through the app store.", "upstream_only", None),
    # "no" denies a noun phrase a few words before its noun
    ("We have no registered business office in Korea.", "no_korean_office", True),
    ("We do have a registered business office in Korea.", "no_korean_office", False),
    ("Small Canadian firm, no Korean presence at all.", "no_korean_office", True),
    # an office in Korea stands against a headquarters abroad
    ("Our company is headquartered in Tokyo but we have a registered branch office in Seoul.", "no_korean_office", False),
    # a business whose trade is AI offers it to others; working at one does not say so
    ("We're a small Canadian AI company with no Korean office.", "provides_to_others", True),
    ("미국에 있는 AI 스타트업입니다. 한국 사무소는 없고요.", "provides_to_others", True),
    ("I work at an AI company and use ChatGPT for my notes.", "provides_to_others", None),
    # where the users are
    ("We're a Berlin startup, but about 30% of our chatbot users are in Korea.", "serves_korea", True),
    ("None of our users are in Korea.", "serves_korea", False),
    # a figure said in words to lie below every threshold for it reads as nothing; Korean revenue alone does not
    ("Foreign AI app, no Korean office, revenue far below the thresholds.", "revenue_krw", 0.0),
    ("EU company, well under the revenue and user thresholds.", "daily_users_kr", 0.0),
    ("해외 게임사입니다. 매출 기준은 해당 없고요.", "revenue_krw", 0.0),
    ("US company, small Korean revenue.", "revenue_krw", None),
    ("Our revenue is not small at all.", "revenue_krw", None),
    # an application form is hiring; "we suspect" is no criminal suspect
    ("AI가 지원서를 읽고 점수가 기준에 못 미치면 자동으로 불합격 메일을 보냅니다.", "high_impact_area", True),
    ("We suspect our playlist recommender might be caught by the Act.", "high_impact_area", False),
    # a notice given only once use has started
    ("Our AI tutor only reveals that it's an AI after the student's third message.", "notice_after_start", True),
    # the Decree counts last year's last three months: a figure of now is not it
    ("올해 3월 한국에 출시한 뒤 지금 일평균 이용자가 200만 명 정도예요.", "daily_users_kr", None),
    ("2025년 10~12월 한국 일평균 이용자는 20만 명 정도였어요.", "daily_users_kr", 200_000.0),
    ("1일 평균 이용자 수가 150만명이었어요.", "daily_users_kr", 1_500_000.0),
    # a range is a band, decided only where both ends agree; "5 billion and 2 billion" are two figures
    ("Our compute comes out somewhere between 0.8×10^26 and 1.3×10^26 FLOPs.", "training_compute_flops",
     (0.8e26, 1.3e26)),
    ("계산 방식에 따라 8×10^25에서 1.3×10^26 FLOP까지 나옵니다.", "training_compute_flops", (0.8e26, 1.3e26)),
    ("Revenue of 5 billion and 2 billion won from AI.", "revenue_krw", 5e9),
    # an assessment made in-house is not in-house use
    ("학습 연산량을 내부적으로 계산해 보니 1.3×10^26 FLOP까지 나옵니다.", "internal_use_only", None),
    # denials a few words on
    ("체납된 과태료는 하나도 없습니다.", "in_arrears", False),
    ("이미지 생성 모델로 내부 실험만 하고 있고 외부에 공개하거나 제공한 적은 없습니다.", "provides_to_others", False),
    ("AI 스티커 앱을 냈는데 한국에서 다운로드가 꽤 있어요.", "serves_korea", True),
    # an order not complied with and then fined, told in the third person
    ("MSIT ordered it to correct its labels, it did not comply, and it was fined.", "fined_for_order", True),
    # the AI's result decides: reversed word order, "as the result says", "rarely change"
    ("이상 징후가 보이면 밸브 제어까지 자동으로 하는 시스템입니다.", "human_final_decision", False),
    ("담당자는 특별한 사정이 없으면 그 결과대로 처리해요.", "human_final_decision", False),
    ("The grades go into report cards and teachers rarely override them.", "human_final_decision", False),
    # a customer named by its trade is not the asker's trade; the developer named is another company
    ("광고대행사들한테 AI 영상 생성 서비스를 제공합니다.", "outputs_only", False),
    ("저희는 개발사한테 모델을 공급받아 서비스하는 이용사업자예요.", "develops_ai", False),
    # a Korean list a later negation closes; subscribing to a vendor's service is using it
    ("저희가 AI를 개발하거나 남한테 제공하지는 않습니다.", "develops_ai", False),
    ("외부 업체의 AI 면접 서비스를 구독해서 저희 지원자 면접 평가에 써요. 남한테 제공하지는 않습니다.",
     "provides_to_others", False),
    ("저희가 AI를 개발하고 고객사에 제공합니다.", "develops_ai", True),
    # where the public meets it: a customer-service bot, a chat on the website, a counter for residents
    ("We run a bike shop and added a customer-service chatbot to our website.", "provides_to_others", True),
    ("구청 홈페이지에 주민 민원 상담용 챗봇을 붙이려고 해요.", "provides_to_others", True),
    # commissioned from an outside developer: not by itself developing (guideline p. 206: it turns on how involved)
    ("저희 은행이 고객상담용 AI를 외주 개발사에 맡겨서 만들었어요.", "develops_ai", None),
    ("We fine-tuned the open model heavily on our credit files.", "significant_change", True),
    # what an obligation question asks to be done restates the duty, not the asker's facts
    ("Our app turns prompts into images people download. Do we need to mark the pictures as AI-made?",
     "outputs_only", False),
    ("I use Midjourney to make thumbnails for my YouTube videos. Do I need to label them?", "outputs_only", True),
    ("이 영상들에 대해 AI로 만든 거라는 걸 이용자가 확실히 알아볼 수 있게 표시를 해야 하나요?", "outputs_only", False),
    # "안" and the verb it negates; few is not none
    ("챗봇 이름이 '도우미 지니'라 AI인지 티가 잘 안 나요.", "ai_use_evident", False),
    ("해외 본사 AI 서비스인데 한국에선 이용자도 얼마 안 돼요.", "provides_to_others", True),
    # the app (not the asker) uses a model to write; "no letter about any extension"; Korean daily actives
    ("Our fitness app uses a generative model to write weekly workout plans for users.", "outputs_only", False),
    ("No answer yet and no letter about any extension.", "extension_notified", False),
    ("Korean daily actives averaged around 8,000.", "serves_korea", True),
    ("작년에 시정명령을 제때 이행 안 해서 과태료를 한 번 맞았어요.", "fined_for_order", True),
    ("We're a local government about to buy a high-impact AI system for welfare checks.", "stated_high_impact", True),
    ("준정부기관 구매 담당자입니다. 고영향 AI에 해당하는 심사 솔루션을 도입하려고 합니다.", "public_body", True),
    ("준정부기관 구매 담당자입니다. 고영향 AI에 해당하는 심사 솔루션을 도입하려고 합니다.", "stated_high_impact", True),
    # undecided: "…할지는 아직 협의 중", "아직 안 정했습니다", "haven't been able to confirm"
    ("예측값이 출력 조정에 자동으로 들어갈지, 담당자 참고자료로만 쓰일지는 아직 협의 중이에요.", "human_final_decision", None),
    ("AI가 신호를 직접 바꾸게 할지 운영자한테 추천만 하게 할지는 아직 안 정했습니다.", "human_final_decision", None),
    ("We do have a registered branch office (영업소) in Seoul.", "no_korean_office", False),
    ("회신이 없고, 기간을 연장한다는 문서도 받은 적이 없어요.", "extension_notified", False),
    ("한국 사람들도 앱스토어에서 많이 받아 씁니다.", "serves_korea", True),
    ("참고만 할 수도 있고, 커트라인 걸어서 자동 탈락시킬 수도 있고요.", "human_final_decision", None),
    # the category a question asks about is not a fact it states
    ("Does that make us an AI developer under the Act?", "develops_ai", None),
    ("Are we legally an 'AI developer'?", "develops_ai", None),
    ("We are an AI developer based in Seoul.", "develops_ai", True),
    # a negative reading overlapping a positive one is the same words with their negation
    ("We add no watermark and we don't show any message saying the picture is AI-made.", "output_notice", False),
    ("A pop-up message tells users the picture is AI-made.", "output_notice", True),
    # a customer the story names is not the asker's own trade
    ("We run a dubbing service: a film studio sends us an actor's lines and we clone the voice.", "outputs_only", False),
    ("We run a dubbing service: a film studio sends us an actor's lines and we clone the voice.",
     "provides_to_others", True),
    ("We're a small publisher and use an AI image tool for our covers.", "outputs_only", True),
    # the classification a question asks is not one it states; one the asker states is
    ("생체정보를 쓰니까 이거 고영향 AI로 분류되는 거죠?", "stated_high_impact", None),
    ("내부적으로는 고영향 인공지능에 해당하는 걸로 보고 있어요.", "stated_high_impact", True),
    ("내부적으로는 고영향 인공지능에 해당하는 걸로 보고 있어요.", "internal_use_only", None),
    # months without a day: decided where every day they could mean falls on one side of two years
    ("We were fined in March 2027 and caught again for the same thing in May 2029.", "fine_within_two_years", False),
    ("We were fined in March 2027 and caught again for the same thing in January 2028.", "fine_within_two_years",
     True),
    # a fact of practice stated, then doubted in a sentence that says the asker is unsure, is left open
    ("A loan officer signs off on each decision, but we've never tracked how often officers go against the score.",
     "human_final_decision", None),
    ("담당 직원이 최종 결정을 합니다. 그런데 직원들이 AI 의견을 얼마나 꼼꼼히 들여다보는지는 지점마다 제각각이에요.",
     "human_final_decision", None),
    # where the AI decides some cases on its own, not every final decision is a person's
    ("점수가 낮으면 자동으로 불합격 처리되고, 나머지는 인사담당자가 최종 결정합니다.", "human_final_decision", False),
    # "never been fined" in Korean with 도
    ("과태료를 받은 적도 없고요.", "fined_for_order", False),
    # a shop's air conditioning is no supply of energy
    ("매장 에어컨과 조명을 AI가 조절해 전기요금을 줄여 주는 서비스예요.", "high_impact_area", False),
    ("Our AI checks applications for a housing allowance for the city.", "high_impact_area", True),
    # Who would be the domestic agent, placed abroad or in Korea
    ("name the legal team of our Singapore holding company as the agent", "agent_abroad", True),
    ("The client wants to name its Tokyo subsidiary, which has no address or office in Korea, as the agent.",
     "agent_abroad", True),
    ("싱가포르에 있는 계열사를 국내대리인으로 지정해도 되나요?", "agent_abroad", True),
    ("Can our Korean reseller, a company registered with an office in Seoul, be appointed as that agent?",
     "agent_in_korea", True),
    ("Can our Korean reseller, a company registered with an office in Seoul, be appointed as that agent?",
     "agent_abroad", False),
    # The AI's result is the decision the area names; a score people then weigh is not
    ("기초생활 급여 신청자의 수급 자격을 AI가 판정하도록 시스템을 도입하려 합니다.", "human_final_decision", False),
    ("학교가 저희 AI로 서술형 수행평가 점수를 매겨서 성적에 반영해요.", "human_final_decision", False),
    ("it assigns each patient a priority level that decides who is seen first", "human_final_decision", False),
    ("the bank approves or declines automatically based on the score", "human_final_decision", False),
    ("AI가 지원자 답변을 분석해 점수를 매기는데, 면접관이 그 점수를 얼마나 반영할지는 아직 내부 기준이 없어요.",
     "human_final_decision", None),
    ("Our AI system decides how a regional electricity supplier dispatches power and when to shed load.",
     "high_impact_area", True),
    ("대학교 교양 과목 과제를 AI가 채점하고 그 점수가 학점에 반영됩니다.", "high_impact_area", False),
    # A detector of deepfakes generates nothing; doubt about whether a chatbot generates leaves it open
    ("Our app detects deepfakes: users upload a video and we return a score. We don't generate any images or text "
     "ourselves.", "generative", False),
    ("보험사 고객센터 챗봇을 외주로 도입했어요. 답변을 생성하는 건지 미리 만든 답변 중에서 고르는 건지는 잘 모르겠습니다.",
     "generative", None),
    ("Can we tell users about the AI only after they've already started using our service?", "notice_after_start",
     True),
    ("The model was built to screen job applicants, but we retrained and repurposed it to decide who gets loans.",
     "significant_change", True),
    # Another company's system brought in as it is, with its measures done
    ("저희는 대형 개발사가 만든 AI 채용평가 솔루션을 그대로 들여와 고객사에 제공해요. 그래도 저희가 위험관리방안을 따로 "
     "만들어야 하나요?", "develops_ai", False),
    ("외부 벤더가 위험관리방안, 설명 방안, 이용자 보호 방안을 다 갖춘 채용 평가 AI를 도입했어요.", "third_party_ai", True),
    ("외부 벤더가 위험관리방안, 설명 방안, 이용자 보호 방안을 다 갖춘 채용 평가 AI를 도입했어요.", "developer_measures",
     True),
    ("모바일 RPG 게임사입니다. NPC 대사를 LLM이 만들어요. 플레이어한테 알려야 하나요?", "provides_to_others", True),
    ("개인 신용대출 승인 여부랑 한도를 머신러닝 모델이 1차로 결정하고, 심사역은 예외 건만 들여다봐요.", "human_final_decision",
     False),
    ("teachers enter those scores directly into the students' official grades", "human_final_decision", False),
    ("AI가 결정하는지 사람이 결정하는지는 아직 정하지 않았어요.", "human_final_decision", None),
    # Patients who can't tell the voice isn't her: the voice is realistic, and the asker is not unsure of anything
    ("reminders are read by an AI voice cloned from the receptionist, and patients honestly can't tell it isn't her.",
     "realistic_media", True),
    ("We run an outbound calling service for dental clinics.", "provides_to_others", True),
    ("저희 고객센터 챗봇은 미리 짜놓은 시나리오대로만 답하는 규칙 기반이에요. 생성형 모델은 전혀 안 써요.", "generative", False),
    ("메타데이터에만 'AI 생성' 정보를 심어둘 뿐 안내 문구 같은 건 어디에도 없어요.", "output_notice", False),
    ("앱 이름이나 화면에는 AI라는 말이 없어요.", "notice_on_screen", False),
    ("our red team concluded its misuse could seriously and broadly affect people's lives", "broad_serious_risk", True),
    ("저희 대출 심사 모델이 고영향 AI로 정리됐습니다.", "stated_high_impact", True),
    # a generator's own operation sits at the edge of "supply of energy": the area is named, its reach left open
    ("We run solar farms that feed power into the grid.", "high_impact_area", None),
    ("We run a regional distribution grid; the AI switches feeders to shed load.", "high_impact_area", True),
    ("A taxi app whose AI dispatches each ride to a driver.", "high_impact_area", None),
    ("택시 호출 앱에서 AI가 예상 요금을 보여줘요.", "high_impact_area", False),
    ("We run solar farms that feed power into the grid.", "third_party_ai", None),  # not the Solar model
    ("a driver-assist system whose AI can brake the bus on its own", "high_impact_area", True),
    ("Our parking-garage chain uses an AI camera that reads licence plates.", "generative", False),
    ("Our parking-garage chain uses an AI camera that reads licence plates.", "third_party_ai", None),
    ("유족이 고인 사진이랑 음성 파일을 올리면 고인이 진짜 말하는 것 같은 영상을 만들어 드려요.", "provides_to_others", True),
    ("유족이 고인 사진이랑 음성 파일을 올리면 고인이 진짜 말하는 것 같은 영상을 만들어 드려요.", "realistic_media", True),
    ("중학교 수행평가 서술형 답안을 저희 AI가 채점하고 그 점수가 내신에 그대로 들어가요.", "human_final_decision", False),
    # An app users type prompts into is the AI service itself, whatever it makes
    ("We're a studio with an app where people type a prompt and get back an AI-generated picture.", "outputs_only",
     False),
    # biometrics: a use outside criminal investigation decides, whatever is said of the police
    ("Face recognition opens our office turnstiles - nothing to do with police.", "high_impact_area", False),
    ("경찰청에 실종아동 찾는 용도로만 쓰는 얼굴인식 AI를 납품해요.", "high_impact_area", False),
    ("저희 얼굴인식 솔루션을 경찰청에 납품합니다. 범죄 수사에 쓸지 실종자 수색에만 쓸지는 아직 정해지지 않았어요.",
     "high_impact_area", True),
    # MSIT's guideline: card issuance and fraud detection are not loan screening
    ("카드사랑 제휴해서 신용카드 발급 심사에 쓰는 AI 모델을 공급해요.", "high_impact_area", False),
    # a negation a word or two on may be another word's; one in the word itself is the fact's
    ("저희가 생성형 이미지 앱을 출시하는데, 그럼 7월까지는 AI 생성 표시 안 해도 되는 거죠?", "generative", True),
    ("이건 글을 새로 만들어내는 생성형이 아니고, 미리 써 둔 답변 중에서 골라 줘요. 고객센터 챗봇이에요.", "generative",
     False),
    # "people can't tell it from a real recording" says the output is realistic; it is no doubt of the asker's
    ("Customers get back a cloned voice; in blind tests people can't tell it from a genuine recording.",
     "realistic_media", True),
    # a caseworker who sees a case only on appeal does not make the final decision
    ("The AI decides which families qualify for a childcare subsidy; caseworkers only get involved if a family "
     "appeals.", "human_final_decision", False),
    ("The AI decides which families qualify for a childcare subsidy.", "high_impact_area", True),
    # Korean users spoken of in passing, and a fine for an order across an article number
    ("Its revenue and Korean user numbers are small.", "serves_korea", True),
    ("Last year MSIT fined it under Art. 43(1)3 for not complying with a correction order.", "fined_for_order", True),
    ("We were fined. The correction order came later.", "fined_for_order", None),
    # a product out in the world is offered to others
    ("Our generative chatbot launched in December 2025.", "provides_to_others", True),
    ("Some art in our game was made with generative AI during development, but nothing in the shipped game "
     "generates anything.", "outputs_only", True),
    # "internally we can't decide" is no internal use
    ("저희 AI가 고영향인지 아닌지 내부에서 도저히 판단이 안 서요.", "internal_use_only", None),
    ("과기부 확인 결과 저희 대출 심사 AI가 고영향이라고 나왔어요.", "stated_high_impact", True),
    ("The client now also wants to sell the same model to civilian drone makers.", "defense_security_only", False),
    # a change denied is read as none
    ("We use the licensed model exactly as delivered, with no retraining.", "significant_change", False),
    ("모델이나 용도는 하나도 안 바꾸고 로고만 바꿨어요.", "significant_change", False),
    ("We've concluded our loan-screening AI is high-impact.", "stated_high_impact", True),
    # "administrative fine" is no hospital administration
    ("Can MSIT impose an administrative fine on our credit-scoring system?", "high_impact_area", True),
    # adults are not the students the Act lists
    ("성인 대상 어학원인데 AI가 말하기 시험을 채점해요.", "high_impact_area", False),
    ("We sell an essay-scoring AI to high schools and the scores count toward students' grades.",
     "high_impact_area", True),
    # a list of places denied at once, and a foreign business named by its nationality
    ("의뢰인은 국내 주소·영업소가 없는 해외 AI 사업자로, 매출은 기준에 못 미칩니다.", "no_korean_office", True),
    ("의뢰인은 국내 주소·영업소가 없는 해외 AI 사업자입니다.", "provides_to_others", True),
    ("의뢰인은 국내 주소·영업소가 없는 해외 AI 사업자입니다.", "third_party_ai", None),
    ("We're a UK company and our app is sold through the app stores.", "no_korean_office", True),
    # a ceiling is a band from nothing up to it; AI revenue said to be small is below its threshold
    ("AI revenue is tiny and total revenue is under USD 20 million.", "ai_revenue_krw", 0.0),
    ("작년 회사 전체 매출이 약 2조원인데 AI 서비스 매출 비중은 작아요.", "ai_revenue_krw", 0.0),
    ("작년 회사 전체 매출이 약 2조원인데 AI 서비스 매출 비중은 작아요.", "revenue_krw", 2e12),
    ("Our total revenue last year was under KRW 500 billion.", "revenue_krw", (0.0, 5e11)),
    # two months of the last quarter are not its daily average
    ("Korean daily active users averaged about 1.3 million in October and November last year.", "daily_users_kr",
     None),
    ("About 300,000 daily Korean users on average in Oct-Dec last year.", "daily_users_kr", 300000.0),
    ("Our Korean daily users jumped to 1.2 million this March; last year from October to December we averaged "
     "around 400k a day.", "daily_users_kr", 400000.0),
    ("작년까지는 한국에서 서비스를 안 했고, 올해 3월 출시한 뒤 지금 일평균 이용자가 200만 명 정도예요.", "daily_users_kr", 0.0),
    ("Over October–December last year daily average users were between 0.9 and 1.1 million.", "daily_users_kr",
     (9e5, 1.1e6)),
    ("Average daily Korean users for October to December were about 1.3 million.", "daily_users_kr", 1.3e6),
    ("베를린에 있는 직원 6명짜리 회사이고 한국엔 주소도 사무실도 없습니다.", "no_korean_office", True),
    ("The only people who use it are our ~40 employees, drafting internal memos.", "internal_use_only", True),
    ("대출 심사 AI(고영향)를 운영하는 저축은행입니다.", "stated_high_impact", True),
    ("Our high-impact recruitment screening system goes live in October.", "stated_high_impact", True),
    ("We provide a high-impact loan-screening model.", "stated_high_impact", True),
    # a figure right after another fact's cue is that fact's
    ("FY2025: consolidated revenue about KRW 600 billion, of which AI-service revenue is about KRW 4 billion.",
     "ai_revenue_krw", 4e9),
    ("Our radiologists look at its flags but make the final read themselves.", "human_final_decision", True),
    ("그 판독 결과를 참고해서 제가 최종 판독을 내립니다.", "human_final_decision", True),
    # "무관합니다" denies; "주무관" (an official) does not
    ("AI 상품 추천만 쓰고, 채용·대출 같은 것과도 무관합니다.", "high_impact_area", False),
    ("○○시청 복지정책과 주무관입니다.", "public_body", True),
    ("We'd mark the generated lines only with an invisible machine-readable tag and show players nothing at all.",
     "label_machine_readable", True),
    ("We'd mark the generated lines only with an invisible machine-readable tag and show players nothing at all.",
     "output_notice", False),
    ("작년에 AI 제품 확인서를 받은 스마트 CCTV 제품인데, 구성 변경 없이 확인 신청을 한 번 더 하려고요.",
     "already_confirmed_unchanged", True),
    ("방산 드론용으로 개발한 영상인식 AI를 이번에 농업용 방제 드론 업체에도 판매하기로 했습니다.", "defense_security_only", False),
    ("We're a US model provider with no presence in Korea, and we designated a Seoul law firm as our domestic agent.",
     "no_korean_office", True),
    ("저희는 채용 플랫폼이고, A사가 개발한 서류평가 AI를 API로 그대로 붙여 씁니다.", "third_party_ai", True),
    ("저희는 채용 플랫폼이고, A사가 개발한 서류평가 AI를 API로 그대로 붙여 씁니다.", "develops_ai", False),
    # a notice denied with its own wording quoted before the denial
    ("앱 안에서 'AI가 만든 이미지입니다' 같은 문구나 음성 안내는 한 번도 띄운 적이 없습니다.", "output_notice", False),
    ("체납된 과태료 같은 건 전혀 없습니다.", "in_arrears", False),
    ("작년에 과기정통부 시정명령을 제때 안 따라서 과태료를 낸 적이 있어요.", "fined_for_order", True),
    ("We received no written notice of any extension.", "extension_notified", False),
    ("Last year it ignored an MSIT correction order about deepfake labelling and was fined for that.",
     "fined_for_order", True),
    # a product with no electronics uses no AI, whatever its marketing says
    ("We sell an office chair — purely mechanical, no electronics at all — marketed as 'AI-designed'.",
     "ai_in_product", False),
    ("이미지 생성 앱 운영 중입니다.", "provides_to_others", True),
    ("생성형도 아니고 채용·대출 같은 분야도 아닌데, 사전 고지를 띄워야 하나요?", "high_impact_area", False),
    # written from held-out 40 (studied after its first run)
    ("AI를 만들거나 고객에게 AI 서비스를 파는 건 아니에요.", "provides_to_others", False),
    ("고객에게 AI 서비스를 파는 건 맞아요.", "provides_to_others", True),
    ("저희 은행 모바일앱 상담 챗봇이 생성형 AI로 답변 문장을 만들어 냅니다.", "provides_to_others", True),
    ("저희 은행 모바일앱 상담 챗봇이 생성형 AI로 답변 문장을 만들어 냅니다.", "outputs_only", False),
    ("생성형 AI로 만든 그림을 제 블로그에 올립니다.", "outputs_only", True),
    ("학습 연산량이 10의 26승 FLOP을 넘지만 최첨단 기술을 쓰지도 않고 위험이 광범위하지도 않습니다.", "frontier_tech", False),
    ("학습 연산량이 10의 26승 FLOP을 넘지만 최첨단 기술을 쓰지도 않고 위험이 광범위하지도 않습니다.",
     "broad_serious_risk", False),
    ("We're a frontier-model lab: our model could have broad, serious effects on people.", "broad_serious_risk", True),
    ("We're a frontier-model lab: our model could have broad, serious effects on people.", "provides_to_others", True),
    ("고영향 AI가 들어간 복지 수급자격 심사 솔루션을 도입하려는데요.", "stated_high_impact", True),
    ("Our kiosk was confirmed as an AI product last year. We haven't changed anything in it.",
     "already_confirmed_unchanged", True),
    ("Our kiosk was confirmed as an AI product last year. We haven't changed anything in it.", "msit_confirmed", True),
    ("One bidder markets its product as AI-powered.", "msit_confirmed", None),
    ("그 업체 제품은 과기정통부 확인을 받지 않았어요.", "msit_confirmed", False),
    # written from held-outs 41 and 42 (studied after their first runs)
    ("싱가포르 소재 AI 회사입니다(한국 사무소 없음).", "provides_to_others", True),  # the aside's negation is its own
    ("납품받은 AI 판독 프로그램 결과를 진료할 때 참고만 해요.", "human_final_decision", True),
    ("동네 약국 여러 곳 운영하는데 매장에 생성형 AI 복약 상담 키오스크를 놨어요.", "provides_to_others", True),
    ("통신사 고객센터에 AI 음성 상담원을 붙였어요.", "generative", True),
    ("고영향 AI 운영 중인 보험사 준법팀입니다.", "stated_high_impact", True),
    ("고영향 AI 운영 중인 보험사 준법팀입니다.", "provides_to_others", True),
    ("납품받은 고영향 AI 모델을 저희가 보험 인수심사용으로 바꿔서 씁니다.", "stated_high_impact", True),
    ("Must we send our AI to MSIT to get it confirmed as high-impact or not before we launch?", "stated_high_impact",
     None),
    ("Our model is used in an army weapon system, but we also sell the exact same model to farms.",
     "defense_security_only", False),
    # a service the asker runs outweighs content made with AI
    ("번역 앱 운영하는데 생성형 AI로 번역해요.", "outputs_only", False),
    # written from held-out 43 (studied after its first run)
    ("저희는 중견기업이라 중소기업은 아닙니다.", "sme", False),  # "아닙니다" negates
    ("저희는 중견기업이라 중소기업은 아닙니다.", "public_body", None),  # another kind denied is no public body
    ("대부분은 사내용이지만, 고객이 요청하면 요약본을 이메일로 보내주기도 해요.", "internal_use_only", False),
    ("Our frontier model meets every criterion in Decree Art. 24(1).", "stated_safety_tier", True),
    ("고영향 AI로 대출 심사를 하는 핀테크입니다.", "stated_high_impact", True),
    ("고영향 AI로 대출 심사를 하는 핀테크입니다.", "provides_to_others", True),
    # written from held-out 44 (studied after its first run)
    ("소상공인인데 예전 과태료를 아직 못 낸 상태거든요.", "in_arrears", True),
    ("We sell 'AI-recipe' sourdough (the recipe was tuned with an AI tool).", "ai_in_product", False),
    ("Client developed a hull-defect AI for a Navy weapon-system programme.", "defense_security_only", True),
    ("The identical model is also licensed to two commercial shipyards.", "defense_security_only", False),
    ("급여 지급 자격 심사에 쓰는 AI가 과기정통부 확인으로 고영향 판정을 받았어요.", "stated_high_impact", True),
    ("의뢰인은 미국 소재 AI 기업으로 한국에 주소나 영업소가 없습니다.", "provides_to_others", True),
    # written from held-out 45 (studied after its first run)
    ("A model that ranks songs; it has nothing to do with hiring, loans, health or anything like that.",
     "high_impact_area", False),
    ("It's a model that ranks songs; it doesn't write lyrics, make music or produce any text.", "generative", False),
    ("사전 고지를 7개월째 안 하고 있었어요.", "violation_long", True),  # the negation is the duty's
    ("위반 상태가 6개월은 안 됐어요.", "violation_long", False),
    ("Agents get back photorealistic 'staged' rooms with furniture that isn't there; buyers honestly can't tell.",
     "realistic_media", True),
    ("We rent elderly-care robots to nursing homes.", "provides_to_others", True),
    ("The robot maker already has the risk management plan for this high-impact system.", "stated_high_impact", True),
    ("The robot maker already has the risk management plan for this high-impact system.", "third_party_ai", True),
    # written from held-out 46 (studied after its first run)
    ("저희 분식집 키오스크는 과거 주문 이력으로 메뉴 추천만 해요(생성형 아님, 고영향 분야도 아님).", "generative", False),
    # a colon opens another clause: "never" is not the list's negation
    ("The drafts never leave the company: only our own engineers read and sign them.", "internal_use_only", True),
    # session 21 (written from held-outs 65 to 68)
    ("성우 목소리로 학습한 음성합성 모델을 직접 만들었어요. 따로 AI 생성 표시 안 하고 보내도 되죠?", "generative", True),
    ("본사 직원뿐 아니라 대리점(각자 별도 사업자)도 로그인해서 씁니다. 우리끼리 쓰는 내부 업무용이에요.", "internal_use_only", False),
    ("협력업체 일부 담당자들한테도 계정을 열어줬어요. 사내 업무용 챗봇이에요.", "internal_use_only", None),
    ("A chat window on our booking site answers passengers about timetables.", "provides_to_others", True),
    ("We sell the forecasts to media outlets through an API.", "provides_to_others", True),
    ("Our model outputs a win probability. It doesn't write text or draw anything.", "generative", False),
    ("작년 회사 전체 매출이 1.2조원 정도인데, AI 기능 매출은 얼마 안 되고요.", "revenue_krw", 1.2e12),
    ("Last year we made about KRW 3 billion in total, all of it from the app.", "revenue_krw", 3e9),
    ("수험생 상담을 생성형 AI 챗봇으로 돌려요.", "provides_to_others", True),
    ("Every draft on screen is headed 'Generated by AI'.", "ai_use_evident", True),
    ("Our sticker app is suddenly huge with Korean teenagers.", "serves_korea", True),
    ("직원 9명인 소상공인인데요, 과태료 나올 수도 있다고 들었어요.", "sme", True),
    ("업체가 안에 어떤 AI를 쓰는지는 저도 잘 몰라요. 증상을 입력하면 챗봇이 답을 해줘요.", "generative", None),
    ("수급 여부는 담당 공무원이 서류 보고 직접 결정합니다.", "ai_aid_only", True),
    # (written from held-outs 151 and 154, after their first runs) AI revenue said to be all or none of the revenue
    ("Last year our revenue was about KRW 55 billion, all of it from the AI chat subscription.", "ai_revenue_krw",
     5.5e10),
    ("작년 매출은 850억원 정도이고 AI 서비스로 번 매출은 따로 없어요.", "ai_revenue_krw", 0.0),
    # "no" denies the office, not the offering that follows it (held-out 154)
    ("We're a Singapore company with no Korean office offering an AI tutoring app.", "provides_to_others", True),
    ("We're a Singapore company with no Korean office offering an AI tutoring app.", "no_korean_office", True),
    # a negation inside an aside the match runs into is the aside's (held-out 168)
    ("Our travel app writes AI itineraries that users only read inside the app (no download or share button).",
     "provides_to_others", True),
    # an app whose users make things is the AI offered, whoever runs it (held-outs 167, 168)
    ("Our music label is launching a fan app: fans type lyrics and get a song in our artist's AI voice.",
     "outputs_only", False),
    ("프리랜서 일러스트레이터인데, 이미지 생성 앱을 만들어서 월 구독으로 다른 사람들한테 팔려고 해요.", "individual_creator", False),
    ("프리랜서 일러스트레이터인데, 이미지 생성 앱을 만들어서 월 구독으로 다른 사람들한테 팔려고 해요.",
     "human_final_decision", None),
    # 공사 inside another word is no public corporation; "Korean" before a noun is not Koreans using it
    ("펫보험 앱 챗봇은 해외 빅테크 LLM API를 그대로 가져다 씁니다. API 제공사가 책임지나요?", "public_body", None),
    ("저희 항공사는 예약 챗봇을 운영합니다.", "public_body", None),
    ("서울교통공사 IT팀입니다.", "public_body", True),
    ("Its app has no Korean entity, but anyone can download it from the global app stores.", "provides_to_others", True),
    # (held-out 167) sold in Korea, or "there" of Korea named before; only the interface changed
    ("We're a German carmaker with no branch or office in Korea; an independent importer sells our cars there.",
     "serves_korea", True),
    ("Our cars are sold in Korea through an importer.", "serves_korea", True),
    ("We license the model from a vendor and only changed the interface.", "significant_change", False),
    # (held-out 168) a negated verb of making denies what it makes; a negated verb of another kind does not
    ("Readers make cartoon characters in our style. It cannot produce photorealistic people.", "realistic_media", False),
    ("We don't label the photorealistic images.", "realistic_media", True),
    # (held-outs 165, 167) "an in-app feature" is no verb of publishing; an "AI-generated label" is no AI-made content
    ("Our webtoon studio is launching an in-app feature: readers type a prompt and get an AI-generated panel.",
     "outputs_only", False),
    # (held-out 166) a prosecution service is a State agency
    ("Our prosecutors' office is procuring a face-matching system.", "public_body", True),
    ("서울중앙지방검찰청 IT팀입니다.", "public_body", True),
    # (held-outs 169, 170) an app where fans chat is the AI offered; a publisher (출판사) is no judge (판사) deciding;
    # a finished manuscript delivered to a publisher is only outputs
    ("Our agency is launching a fan app (about 60,000 fans) where people chat with our AI influencer.",
     "outputs_only", False),
    ("상용 번역 AI로 번역ㆍ식자를 하고 완성 원고만 출판사에 납품해요.", "human_final_decision", None),
    ("상용 번역 AI로 번역ㆍ식자를 하고 완성 원고만 출판사에 납품해요.", "outputs_only", True),
    # a verb of making whose object is denied (held-out 172, after its first run)
    ("Our model only ranks which listings each visitor sees first; it generates nothing.", "generative", False),
    ("The chatbot generates no answers of its own; it only picks from a fixed FAQ.", "generative", False),
    # an outside tool used to make the work, which is then sold or distributed (held-out 171, after its first run)
    ("We're a small cookbook publisher; we used an image-generation tool to create the food photos for our new book.",
     "outputs_only", True),
    ("We're a small independent comic-strip publisher and sell printed collections.", "outputs_only", True),
    ("웹툰 스튜디오인데 외부 채색 서비스로 컬러를 입혀서 완성 원고를 만들어 연재해요.", "outputs_only", True),
    # (written from held-out 175, after its first run) revenue an AI subscription brought in
    ("Our AI transcription subscriptions brought in about KRW 12 billion last year.", "ai_revenue_krw", 12e9),
])
def test_readings(reader, text, fact, value):
    got = reader.read(text).get(fact)
    if isinstance(value, float) and value:
        assert got is not None and abs(got - value) < 1e-6 * value
    elif isinstance(value, tuple):
        assert isinstance(got, tuple) and all(abs(g - v) <= 1e-6 * v for g, v in zip(got, value))
    else:
        assert got == value


def test_an_ai_generated_label_is_no_ai_made_content(reader):
    # (held-out 167) the label asked about says nothing of content made with AI being all that reaches others
    assert reader.read("Sellers can crop pictures in the editor. Does every photo edited there need an AI-generated "
                       "label?").get("outputs_only") is not True


def test_a_quoted_area_is_the_question_not_the_use(reader):
    f = reader.read("Our KYC face-matching checks IDs. Is this 'biometric analysis for criminal investigation'?")
    assert f.area != "biometric-investigation"


@pytest.mark.parametrize("text", [
    # a limit of another area (a university is no school the student-evaluation item covers) beside a decision
    # about people that the open "such as hiring and loan screening" item may reach
    "우리 대학 기숙사 입주자 선발을 올해부터 AI가 성적이랑 거리로 점수 매겨서 합니다. 고영향인가요?",
    "Our bike-share app uses AI to look at photos of returned bikes and, if it finds damage, the rider is billed. "
    "It also decides who gets approved or declined for membership. High-impact?",
    # nor by a word naming an unlisted trade (travel) beside such a decision
    "We sell travel packages and an AI will approve or reject customers' refund requests on its own. High-impact?",
])
def test_a_decision_about_people_is_not_ruled_out_of_every_area_by_another_area_s_limit(reader, text):
    f = reader.read(text)
    assert f.get("high_impact_area") is None and f.area == "rights-judgement", (f.get("high_impact_area"), f.area)


def test_naming_an_app_used_as_a_tool_says_nothing_of_offering(reader):
    assert reader.read("가게 홍보 사진을 AI 이미지 앱으로 만들어서 인스타에 올려요.").get("provides_to_others") is not True


@pytest.mark.parametrize("text", [
    "We use AI to decide who gets a store membership card. Is that high-impact like loan screening?",
    "회원카드 발급에 AI를 써요. 이것도 대출 심사처럼 고영향 AI인가요?",
])
def test_an_area_named_as_a_likeness_is_not_the_use(reader, text):
    assert reader.read(text).get("high_impact_area") is not True


def test_letting_others_use_it_under_consideration_leaves_it_open(reader):
    f = reader.read("Our HR team screens applicants with an AI tool, and we're considering letting our franchisees "
                    "use the same tool.")
    assert f.get("provides_to_others") is None


def test_another_area_s_limit_still_rules_out_a_use_no_area_reaches(reader):
    f = reader.read("우리 대학 도서관 AI가 책 위치를 안내해 줍니다. 고영향인가요?")
    assert f.get("high_impact_area") is False


@pytest.mark.parametrize("text, area", [
    # hiring named by two words, health care by one: a staffing agency's screening of nurses
    ("We're a staffing agency placing nurses in hospitals. Our AI scores applicants' CVs and sends the top ten to "
     "the hospital.", "rights-judgement"),
    # a State body deciding eligibility for an allowance, not a private judgement of applicants
    ("Our county's new model decides whether applicants qualify for a housing allowance and approves or denies them.",
     "public-decision"),
])
def test_of_several_areas_the_one_named_by_more_words_is_the_use(reader, text, area):
    f = reader.read(text)
    assert f.get("high_impact_area") is True and f.area == area, (f.get("high_impact_area"), f.area)


def test_described_examples_decide_what_patterns_leave_open(reader):
    """With an embedding model, a clause close to a described example decides a fact the patterns left open."""
    import numpy as np

    calls = []

    def embed(texts):
        calls.append(list(texts))
        # a toy model: the internal-use example and any clause mentioning "bookkeepers" point the same way
        return np.array([[1.0, 0.0] if ("bookkeepers" in t or "internal" in t.lower()) else [0.0, 1.0]
                         for t in texts])

    r = FactReader(knowledge(), embed=embed)
    f = r.read_examples("Just the bookkeepers touch it.", r.read("Just the bookkeepers touch it.", use_examples=False),
                        {"internal_use_only"})
    assert f.get("internal_use_only") is True and f.values["internal_use_only"].how == "example"
    assert f.get("provides_to_others") is False  # what the fact implies follows


def test_an_area_s_described_uses_read_the_area_the_patterns_left_open():
    """A use close to an area's described uses is read in that area (which area, too); one close to the unlisted
    uses is read outside every area; an area whose words the patterns found is not second-guessed."""
    import numpy as np

    k = knowledge()
    water = set(next(a for a in k.areas if a.id == "drinking-water").examples)
    unlisted = set(k.facts["high_impact_area"].examples.false)

    def embed(texts):
        # a toy model: the drinking-water uses and clauses about "dosing" point one way, the unlisted uses and
        # clauses about "rosters" another, everything else a third
        return np.array([[1.0, 0.0, 0.0] if t in water or "dosing" in t else
                         [0.0, 1.0, 0.0] if t in unlisted or "rosters" in t else [0.0, 0.0, 1.0] for t in texts])

    r = FactReader(k, embed=embed)

    def read(text: str):  # noqa: ANN202 - Facts
        return r.read_examples(text, r.read(text, use_examples=False), {"high_impact_area"})

    f = read("Our bottling line's AI handles the dosing by itself.")
    assert f.get("high_impact_area") is True and f.area == "drinking-water"
    assert f.values["high_impact_area"].how == "example"
    f = read("Our AI makes the weekly rosters.")
    assert f.get("high_impact_area") is False and f.area is None
    f = read("A solar farm's AI forecasts its output, and it also does the dosing.")  # the energy area's edge
    assert f.get("high_impact_area") is None and f.area == "energy"


@pytest.mark.parametrize("text, fact", [
    # "nobody has told us whether …" and "받았는지는 … 확인이 안 돼요" say the asker does not know
    ("We're a defense contractor. Nobody has told us whether the Minister of National Defense has designated that "
     "work.", "designated_task"),
    ("I may still owe part of an earlier fine — my accountant is checking whether it's actually overdue.", "in_arrears"),

    ("Teachers can edit the scores, but whether they actually review them or just paste them in varies by school.",
     "human_final_decision"),
    # written from held-out 49: a figure not worked out, a review never defined, practice varying by person
    ("12월 일평균 이용자는 120만명이었는데 10월·11월 수치는 집계 오류로 없어졌어요.", "daily_users_kr"),
    ("Nobody has yet assessed whether the model is at the technological frontier.", "frontier_tech"),
    ("월간 이용자는 120만명쯤인데 일평균 수치는 아직 안 뽑아봤어요.", "daily_users_kr"),
    ("Staff are meant to review the scores where needed, but we haven't defined when that happens.",
     "human_final_decision"),
    ("선생님마다 AI 점수를 그대로 쓰시는 분도 있고 다시 보시는 분도 있어요.", "human_final_decision"),
    ("담당 공무원이 결과를 검토한다고는 하는데, 실제로 얼마나 손을 댈지는 모르겠어요.", "human_final_decision"),
    ("매출은 본사 재무팀만 알아서 저는 몰라요. 전체 매출은 1조 원이 넘는다고 들었지만 확실하지 않아요.", "revenue_krw"),
    # practice that varies from customer to customer, or is up to someone else
    ("어떤 병원은 경보만 띄우고, 어떤 곳은 AI가 약품 투입량까지 자동으로 조절하게 쓰고 싶다고 해요.", "human_final_decision"),
    ("Whether teachers edit the drafts or paste them in as-is is up to them.", "human_final_decision"),
    ("간호사가 참고만 할지, 아니면 바로 순번에 반영할지는 병원마다 운영 방식이 달라요.", "human_final_decision"),
    # an alternative not yet chosen
    ("We haven't agreed with the clinic yet whether doctors will sign off each result or the tool will act on "
     "its own.", "human_final_decision"),
    ("추천 결과를 상담원이 확인하게 할지 바로 적용할지는 아직 안 정해졌어요.", "human_final_decision"),
    ("Marketing hasn't picked the voice yet: a robotic one, or a cloned voice that sounds like a real person.",
     "realistic_media"),
    # a choice left to later, or not yet known
    ("구청 심사 보조 AI입니다. 담당 공무원이 결과를 얼마나 재검토할지는 구청이 아직 정하지 않았어요.", "human_final_decision"),
    ("Human adjusters sign off, but we don't yet know how often they'll actually override it.",
     "human_final_decision"),
    # "might be", "can't quite remember", a figure not yet compiled, a listed use not yet settled
    ("예전 과태료를 다 냈는지 기억이 잘 안 나요(체납이 남아 있을 수도 있어요).", "in_arrears"),
    ("작년 전체 매출은 약 5,000억원이고, 그중 AI 서비스 매출이 얼마인지는 아직 따로 집계가 안 됐어요.", "ai_revenue_krw"),
    ("매장 출입관리용 얼굴인식 AI를 팔아요. 한 고객사가 경찰 수사 협조용으로도 쓰고 싶다고 하는데 용도는 아직 확정 안 됐어요.",
     "high_impact_area"),
    ("Our CTO says there's maybe a small learned component, but we haven't confirmed it's in the shipped firmware.",
     "ai_in_product"),
    # one thing or another ("4개월 전 업데이트인지 8개월 전 업데이트인지")
    ("고지 배너가 빠졌는데 4개월 전 업데이트인지 8개월 전 업데이트인지 로그가 애매합니다.", "violation_long"),
])


def test_what_a_sentence_says_the_asker_is_unsure_of_is_left_open(reader, text, fact):
    assert reader.read(text).get(fact) is None


def test_a_requirement_spoken_of_only_in_an_unsure_sentence_is_not_done(reader):
    # (the full stop of "Art." before a number ends no sentence)
    f = reader.read("We comply with the Credit Information Act Art. 35-2 duty to explain, but whether the procedure "
                    "under its Art. 36-2(1) is actually in place is unclear.")
    assert f.measures["loan-credit-information"] == (None, None)
    f = reader.read("We comply with the Credit Information Act Art. 35-2 duty to explain, and the procedure under "
                    "its Art. 36-2(1) is in place.")
    assert f.measures["loan-credit-information"] == (True, True)


def test_one_requirement_denied_in_any_of_its_mentions_is_not_done(reader):
    # "36조의2" is said plainly, its procedure denied a few words on: not in place
    f = reader.read("신용정보법 제35조의2 설명의무는 지키고 있는데, 같은 법 제36조의2제1항에 따른 설명의무 이행 절차는 아직 "
                    "갖추지 못했습니다.")
    assert f.measures["loan-credit-information"] == (True, False)


def test_a_sure_sentence_beside_an_unsure_one_still_counts(reader):
    f = reader.read("Our recruiters read every application and make the final decision. We're not sure about MSIT's "
                    "view on this.")
    assert f.get("human_final_decision") is True


def test_a_stated_exchange_rate_converts_a_foreign_figure(reader):
    f = reader.read("Our AI-service revenue last year was USD 6 million; the average rate was about KRW 1,400/USD.")
    assert f.get("ai_revenue_krw") == (8.4e9, 8.4e9) and f.values["ai_revenue_krw"].currency == "USD@1400"
    assert reader.read("AI-service revenue was USD 6 million.").get("ai_revenue_krw") == (6.9e9, 1.02e10)


def test_a_change_spoken_of_without_saying_whether_it_is_material_is_touched(reader):
    f = reader.read("We retrained the vendor's model on our own data and moved the decision thresholds.")
    assert f.get("significant_change") is None and "significant_change" in f.mentioned
    assert "significant_change" not in reader.read("We use it as delivered: no retraining.").mentioned


def test_the_closing_question_naming_the_duty_restates_it(reader):
    """"Does the rule for outputs hard to tell from real ones apply to us?" names the duty, not the asker's outputs."""
    import re

    q = ("Our app turns selfies into new profile pictures. Does the rule for outputs that are hard to tell from real "
         "ones apply to us?")
    naming = [re.compile(r"hard to tell from real ones", re.I)]
    assert reader.read(q).get("realistic_media") is True
    assert reader.read(q, naming=naming).get("realistic_media") is None
    # told in a sentence of its own, the same words are the asker's fact
    said = "Our avatars are hard to tell from real ones. Do we have to label them?"
    assert reader.read(said, naming=naming).get("realistic_media") is True


def test_the_words_continuing_the_duty_name_up_to_its_verb_restate_it(reader):
    """"Do the labelling rules for AI-generated content apply to me?": the content is the rule's, not the asker's."""
    import re

    q = ("I run an AI recipe app on my own. Do the labelling rules for AI-generated content still apply to me?")
    naming = [re.compile(r"labell?ing", re.I)]
    # ("for AI-generated content" names a kind of content, so it is not read even without the duty's name)
    assert reader.read(q).get("outputs_only") is not True
    assert reader.read(q, naming=naming).get("outputs_only") is not True
    said = "I post AI-generated content on my blog. Do the labelling rules apply to me?"
    assert reader.read(said, naming=naming).get("outputs_only") is True


def test_a_pattern_is_a_negative_only_by_a_word_of_negation(reader):
    # "don" inside "London" or "done" is no "don't"
    assert reader.neg.negative(r"\b(don'?t|do not) sell\b") and reader.neg.negative(r"\bnot sold\b")
    assert not reader.neg.negative(r"\b(seoul|london) office\b") and not reader.neg.negative(r"\bhave done the plans\b")


def test_a_denial_reaches_only_its_own_phrase(reader):
    # "no office in Korea, chatbot app": the chatbot is not denied
    assert reader.read("Foreign company, no office in Korea, chatbot app.").get("outputs_only") is not True
    assert reader.read("We make videos with no chatbot for viewers.").get("outputs_only") is True


def test_a_new_use_spoken_of_touches_whether_the_change_is_material(reader):
    f = reader.read("We bought a vendor's CV-screening AI. We now want to also use it to rank existing staff for "
                    "promotion.")
    assert f.get("significant_change") is None and "significant_change" in f.mentioned


@pytest.mark.parametrize("text, fact, value", [
    # a Korean negating adverb a match took in, right before its verb (written from held-out 96)
    ("고객들이 이 AI를 안 써요. 직원만 써요.", "provides_to_others", False),
    ("고객이 대본을 넣으면 실제 성우 목소리랑 구분이 안 되는 AI 음성을 만들어 주는 서비스예요.", "provides_to_others", True),
    # a count not known says there are users to count
    ("본사는 한국에 사무실이 없어요. 한국 일 사용자 수는 본사가 집계를 안 해서 모른대요.", "serves_korea", True),
    # planning output from forecast demand is no listed use; the energy supply's demand is not read so
    ("We make fertiliser and use an AI model to forecast seasonal demand by region for production planning.",
     "high_impact_area", False),
    ("We forecast hourly electricity demand with ML for a regional power supplier.", "high_impact_area", None),
    # (97-98) "can't be told apart" denies nothing; vending machines in a station are no transport; opening an in-house
    # tool to outsiders talked of leaves it open
    ("유가족이 듣는 목소리가 진짜 목소리랑 구분이 안 돼요.", "realistic_media", True),
    ("지하철역에 있는 자판기 화면에 AI가 추천 음료를 띄워요.", "high_impact_area", False),
    ("Our staff use a generative tool to draft lot descriptions. Management is also talking about opening it on our "
     "website for consignors, but nothing is decided.", "provides_to_others", None),
    # (101-102) the second of two verbs one negation opens; a nominaliser with 도 before the negated copula
    ("We don't develop or sell any AI tools; we only show the clips it made.", "provides_to_others", False),
    ("저희가 AI를 개발한 것도 아니고 손님한테 AI 서비스를 파는 것도 아니에요.", "provides_to_others", False),
    # an unlisted use denied makes no use a listed one; predicting how much people will eat is demand forecasting
    ("The model only counts pallets (no text or video generation).", "high_impact_area", None),
    ("Our model predicts how many meals each canteen will sell tomorrow.", "high_impact_area", False),
    # a subcontractor is no public body, whichever ministry designated its work; a private trade the asker runs
    ("We're a subcontractor; the Ministry of Justice designated the project.", "public_body", False),
    ("남대문 시장에서 그릇 도매상 해요.", "public_body", False),
    # hiring the asker's own guards or counsellors; staff who only look at a bought tool's recommendations
    ("상담원 뽑을 때 외부 AI 면접 도구를 그대로 씁니다.", "internal_use_only", True),
    ("We licensed a ready-made tool; our officers simply look at its recommendations.", "outputs_only", True),
    # a nurse tallying "technicians in Busan" keeps the office in Korea, whatever the vendor's home
    ("Small lab with 12 technicians in Busan; the CAD software comes from a German company.", "no_korean_office", False),
    # opening the in-house tool to partners not yet decided
    ("직원들끼리만 봐요. 협력업체 기사님들도 보게 할지는 아직 안 정했어요.", "internal_use_only", None),
    # (from held-outs 107 to 112)
    # the "안" of "구분이 안 돼요" says how real it is, not that it is not
    ("우리 앱의 AI 목소리는 진짜 아나운서가 말하는 거랑 구분이 거의 안 돼요.", "realistic_media", True),
    ("합성한 얼굴 사진이 실물이랑 구별이 안 될 만큼 자연스러워요.", "realistic_media", True),
    # screening one's own applicants is internal use
    ("저희 회사 채용팀입니다. 올해 하반기 채용에 외부 AI 서류평가 솔루션을 구독해서 지원자 서류를 걸러요.", "internal_use_only", True),
    ("I'm the HR manager at a shipping firm, and we screen applicants with a licensed AI tool before interviews.",
     "internal_use_only", True),
    ("우리 회사 인사팀에서 이번 신입 채용부터 AI 면접 프로그램을 쓰기로 했어요.", "provides_to_others", False),
    # a small wording change for the original purpose
    ("개발사한테 받은 상담 AI를 원래 목적대로 쓰고 있고, 저희는 인사 문구만 조금 손봤어요.", "significant_change", False),
    ("벤더 시스템을 기존 용도 그대로 돌리는 중이고 프롬프트 문구만 살짝 고쳤습니다.", "significant_change", False),
    # a feature that answers whoever puts something in is offered; a picture remade as a drawing is generated
    ("미용실 앱에 얼굴 사진을 올리면 AI가 어울리는 헤어스타일 사진을 새로 만들어 주는 기능을 넣었어요.", "provides_to_others", True),
    ("사진을 올리면 수채화 그림으로 바꿔주는 기능이에요.", "generative", True),
    # an app listed as absent says nothing of offering
    ("축제 부스예요. 앱이나 약관 같은 건 없어요.", "provides_to_others", None),
    # no one looking in between
    ("AI가 지원서를 점수화하고, 중간에 인사팀이 들여다보는 과정은 없습니다.", "human_final_decision", False),
    ("대출 승인 결과가 AI 판정대로 자동으로 발송돼요.", "human_final_decision", False),
    # nobody's rights hanging on it is no listed use
    ("We're a county statistics office; the AI only sorts survey answers into industry codes, and no one's benefits "
     "or fees depend on the output.", "high_impact_area", False),
    ("구청 통계 업무에만 쓰고, 누구의 수당이나 자격도 이걸로 달라지지 않아요.", "high_impact_area", False),
    # an output weighed beside everything else is an aid
    ("The triage score pops up on screen and our doctors weigh the score along with everything else they know.",
     "ai_aid_only", True),
    ("The model's forecast is only one input; our planners set the schedule themselves.", "ai_aid_only", True),
    ("The AI drafts a mark for each essay, and a teacher checks and can change every mark before it counts.",
     "ai_aid_only", True),
    # Korean guests, or a Korean version where nothing else is said, serve Korea
    ("대만에서 온천 예약 챗봇을 운영하는데 한국 관광객이 많이 써요.", "serves_korea", True),
    ("베트남 회사예요. 앱에서 한국어 지원을 시작했어요.", "serves_korea", True),
    # a head count of 300 or more does not make an SME
    ("We're a 650-employee food processor.", "sme", None),
    # (written from held-outs 109 to 114 in session 28) a chatbot made with generative AI is the product offered
    ("생성형 AI로 만든 예약 안내 챗봇을 홈페이지에 붙였고 방문객들이 써요.", "outputs_only", False),
    ("생성형 AI로 만든 안내 챗봇을 홈페이지에 붙였어요.", "outputs_only", None),
    # the asker's HR choosing among candidates a vendor's tool scored is its own hiring
    ("We're a hotel group hiring seasonal cleaners. A vendor's AI tool rates the candidates' video answers and our "
     "HR manager shortlists from that.", "internal_use_only", True),
    ("물류회사 인사팀에 있어요. 구독한 AI로 지원자 서류를 1차로 거릅니다.", "internal_use_only", True),
    ("We're an HR-tech startup; the HR teams of the firms we sell to screen candidates with our model.",
     "internal_use_only", False),
    # the asker places the use outside the sensitive fields
    ("It sorts our warehouse parcels by size and isn't used in any of the regulated sectors.", "high_impact_area",
     False),
    ("창고 재고 정리용이라 민감한 분야에는 전혀 안 써요.", "high_impact_area", False),
    # the final say named after the same person's other steps
    ("A claims adjuster reads the file, phones the customer and makes the final decision herself.",
     "human_final_decision", True),
    # a confirmation told with "it's"
    ("MSIT has confirmed it's high-impact, and our model sets no prices.", "stated_high_impact", True),
    # a platform serves people beyond the business, unless an in-house one
    ("중고 가전 거래 플랫폼인데 AI가 시세를 알려줘요.", "provides_to_others", True),
    ("사내 업무 플랫폼인데 AI 요약 기능을 붙였어요.", "provides_to_others", False),
    # sold to others however the sentence runs between verb and buyer
    ("The lab now sells the captioning model as a monthly plan to regional broadcasters.", "provides_to_others", True),
    # whether the outputs will look real not yet known
    ("가상 피팅 기능을 만드는 중인데 실물처럼 보일지는 아직 모르겠어요. 합성 사진을 고객이 받아요.", "realistic_media", None),
    # (written from held-outs 115 and 116, after their first runs) an AI that only watches and alerts is an aid
    ("The model just raises an alarm when boiler pressure drifts; our engineers choose the response.", "ai_aid_only",
     True),
    ("배관 누수가 의심되면 관리실에 문자로만 보내 주고 조치는 직원이 정해요.", "ai_aid_only", True),
    ("지게차에 졸음 감지 카메라를 달아 경고음을 울려 주는데 운전은 직접 기사님이 해요.", "ai_aid_only", True),
    # a private academy or a university grading is not the school evaluation the Act lists, whatever the grading
    ("영어학원 운영하는데 주간 테스트를 AI가 채점해서 성적표가 바로 나가요.", "high_impact_area", False),
    ("Our university's AI marks first-year calculus exams and the marks go straight onto transcripts.",
     "high_impact_area", False),
    ("고등학교 기말고사를 AI가 채점해서 점수가 그대로 성적에 들어가요.", "high_impact_area", True),
    # (one named among the customers is not the asker)
    ("Our startup sells an AI that grades students' exams to cram schools and to public middle schools.",
     "high_impact_area", True),
    # "no plan to" denies what it follows
    ("드론 표적 추적 모델은 군 전용이고 민수용으로 납품할 계획은 없습니다.", "defense_security_only", True),
    # one client building its own product on the asker's model
    ("We license our speech model by API. A telco built a voice assistant with it for its subscribers.",
     "upstream_only", True),
    # sold to people in Korea
    ("We're a Lisbon studio and market our tuning app chiefly to Korean choirs and Korean music schools.",
     "serves_korea", True),
    # (written from held-outs 117 to 120, after their first runs) an API sold only to businesses that build on it
    ("Our bank-grade model is offered only via an API to enterprise clients, which run their own apps on it.",
     "upstream_only", True),
    ("We sell the speech engine just through an API; corporate customers that build their own kiosks use it.",
     "upstream_only", True),
    # asking whether someone would treat it as high-impact states nothing
    ("Would the ministry treat this as high-impact AI just because it sits in a truck cab?", "stated_high_impact",
     None),
    ("Our counsel treat this as high-impact AI, so we follow the operator duties.", "stated_high_impact", True),
    # a negation after "-고" and a new topic is that clause's: the grading stands (not after "-거나": one clause)
    ("중학교 수행평가 글쓰기를 AI가 채점하고 교사는 따로 검토하지 않아요.", "high_impact_area", True),
    ("저희가 AI를 개발하거나 AI 서비스를 남한테 제공하는 건 아니고 결과물만 광고에 써요.", "provides_to_others", False),
    # (written from held-outs 123 and 124, after their first runs) people left only watching what the AI does
    ("The AI recalculates the route and steers the ship on its own; the crew only monitors.", "human_final_decision",
     False),
    ("The AI recalculates the route and steers the ship on its own; the crew only monitors.", "ai_aid_only", None),
    ("배차와 운행 조정은 AI가 하고 관제사는 모니터링만 합니다.", "human_final_decision", False),
    ("Our AI only monitors the pumps and flags anomalies; the operators decide.", "ai_aid_only", True),
    # a risk level the AI gives someone is its output, not how risky the AI is
    ("If the model rates someone low-risk, no counsellor ever sees the chat.", "significant_risk", None),
    ("It's a low-risk tool that suggests playlists.", "significant_risk", False),
    # an app put out with ads is offered to others, whoever runs it
    ("As a sole proprietor I've just launched a quiz app with ads where an LLM writes the questions.",
     "provides_to_others", True),
    # people outside the company uploading to the service
    ("입주민이 민원 사진을 올리면 AI가 답변 초안을 써 줘요.", "provides_to_others", True),
    # (written from held-out 151, after its first run) a game publisher's game is its product, not content made with AI
    ("We're a mobile game publisher; our new RPG has NPCs whose dialogue an LLM generates live.", "outputs_only", False),
    ("We're a small publisher and made the cover art with an image generator.", "outputs_only", True),
    # (written from held-outs 175–176, after their first runs)
    ("교육용 앱에서 캐릭터가 생성형 AI로 실시간 답변을 만들어 아이들과 이야기해요.", "outputs_only", False),
    ("The narration was voiced with an AI tool in the studio; there's no AI running in the app itself.",
     "outputs_only", True),
    ("내부용으로 돌리던 재고 예측 AI를 이제 거래처 업체들에 유료로 판매하려고 합니다.", "internal_use_only", False),
    ("거래처 업체들에 유료로 판매하고 있어요.", "provides_to_others", True),
    ("노래 파일에는 귀에 안 들리는 워터마크만 넣어요.", "label_machine_readable", True),
    ("Every track carries an inaudible watermark.", "label_machine_readable", True),
    # (written from held-outs 177–178, after their first runs)
    ("Some 300 dental clinics subscribe to our company's booking service.", "provides_to_others", True),
    ("We built a coding assistant for our developers.", "generative", True),
    ("사내 코드 어시스턴트를 씁니다.", "generative", True),
    ("저희 직원 교대 근무표 짜는 데만 씁니다.", "internal_use_only", True),
    # (written from held-outs 179–180, after their first runs)
    ("저희 배경 그림은 수채화풍이라 실물처럼 보일 가능성은 전혀 없어요.", "realistic_media", False),
    ("These pastel doodles could never pass for a real photo.", "realistic_media", False),
    ("고객이 셀카를 올리면 가상 메이크업을 입혀 보여줍니다.", "generative", True),
    ("반려동물 사진을 올리면 AI가 유화 초상화를 그려 줍니다.", "provides_to_others", True),
    ("Our county is rolling out a chatbot for residents. Our county uses it too.", "public_body", True),
    ("We are the largest bakery in our city and use AI for ordering.", "public_body", None),
    ("I'm a freelance photographer now opening a paid service where clients upload portraits for AI retouching.",
     "individual_creator", False),
    # (written from held-outs 181-182, after their first runs)
    ("홍보팀이 'AI로 만든 이미지'라는 문구를 붙일지 고민 중입니다.", "develops_ai", None),
    ("AI기본법상 'AI로 만들었다'는 안내가 필요한지 궁금합니다.", "develops_ai", None),
    ("저희가 추천 모델을 직접 만들었어요.", "develops_ai", True),
    ("Our GPT-written newsletters are checked by an editor and emailed to subscribers.", "outputs_only", True),
    ("We compose jingles with a licensed music-generation service and release the finished songs on our label.",
     "outputs_only", True),
    ("On the side of my vlog, I sell a voice-changer plug-in built on my own model to other streamers.",
     "individual_creator", False),
    ("We license our scheduling AI to hospitals in Korea from our office in Osaka.", "serves_korea", True),
    ("Our Korean office handles sales; we have customers only in Japan.", "serves_korea", False),
    ("도쿄 본사에서 근무하는 한국인 직원을 국내대리인으로 두려고 합니다.", "agent_abroad", True),
    ("AI가 카드 이용 실적을 보고 한도를 정합니다.", "human_final_decision", False),
    ("AI가 점수를 계산하면 심사역이 한도를 정합니다.", "human_final_decision", True),
    ("We will put up signs in every branch telling visitors about the AI.", "notice_posted", True),
    ("Our robotaxi holds the safety certification under the Autonomous Vehicles Act.", "other_law_measures", True),
    ("I just built the booking bot for a hotel and don't operate it; the hotel runs it for its guests.",
     "upstream_only", True),
    ("앱 개발만 해 주고 운영은 발주처가 직접 합니다.", "upstream_only", True),
    # (written from held-outs 183-184, after their first runs)
    ("처음엔 사내용으로 만들었는데 이제 협력사에도 팔아요.", "internal_use_only", False),
    ("구독형 외부 AI 배경 툴로 배경을 그리고 작가가 다듬어서 플랫폼에 연재합니다.", "outputs_only", True),
])
def test_readings_written_from_held_outs_95_onward(reader, text, fact, value):
    """Pattern readings (no described examples), each written in other words from a held-out's failure."""
    assert reader.read(text, use_examples=False).get(fact) is value, text


def test_what_someone_else_claims_touches_a_fact_without_settling_it(reader):
    f = reader.read("I bought the preferred AI product and it failed. My director says I skipped the vendor's test "
                    "report. Am I personally liable?", use_examples=False)
    assert f.get("gross_negligence") is None and "gross_negligence" in f.mentioned


def test_a_name_of_something_else_does_not_touch_whether_ai_use_is_evident(reader):
    # "약 이름 물어보면 생성형 AI가": the drug's name, not the product's
    f = reader.read("손님이 약 이름 물어보면 생성형 AI가 복용법을 답해 줘요. 표시해야 하나요?", use_examples=False)
    assert "ai_use_evident" not in f.mentioned
    f = reader.read("앱 이름을 'AI 동화그림'으로 할지 아직 못 정했어요. 고지해야 하나요?", use_examples=False)
    assert "ai_use_evident" in f.mentioned


def test_others_not_knowing_it_is_ai_is_no_doubt_of_the_askers(reader):
    # (written from held-out 105) the sentence still states what the system does
    f = reader.read("The new room has an AI host that talks to players in real time using a generative voice model; "
                    "the players don't know it's AI unless we say so.", use_examples=False)
    assert f.get("generative") is True and f.get("provides_to_others") is True


def test_a_duty_restated_from_its_subject_on_states_no_fact(reader):
    # "do the portraits need a mark that they're AI-made?" restates the labelling duty; it is not content made with AI
    f = reader.read("Customers upload selfies and our AI returns portraits. Do the downloaded portraits need a visible "
                    "mark that they're AI-made?", use_examples=False)
    assert f.get("outputs_only") is not True


@pytest.mark.parametrize("text", [
    # (written from held-out 116, after its first run) no AI sold at all is no AI-service revenue, and a total
    # revenue told with its currency first stays the total's
    "Our online bookshop's total revenue was about KRW 80 billion, and we don't charge for the AI reading assistant.",
    "전체 매출은 2천억 원이고 AI 기능으로 따로 돈을 받지는 않아요.",
    # (held-out 157, after its first run) the AI free and earning nothing of its own
    "Last fiscal year our total sales were about KRW 75 billion, the AI shopping assistant is free and earns nothing "
    "on its own.",
    "작년 전체 매출은 500억 원이고, AI 상담 기능은 무료라서 매출은 따로 없어요.",
])
def test_no_ai_sold_is_no_ai_service_revenue(reader, text):
    f = reader.read(text, use_examples=False)
    assert f.get("ai_revenue_krw") == 0.0 and f.get("revenue_krw") > 1e10


@pytest.mark.parametrize("question, value", [
    # content made with an outside tool and then published: only the outputs reach others
    ("We're a community choir. We make our concert flyers with Midjourney and post them on Facebook. Must we label them?",
     True),
    ("We create a synthetic host voice with an online text-to-speech service, then publish the finished shows on our "
     "channel. Do we have to label them?", True),
    ("동네 도서관 소식지 원고를 챗GPT로 쓰고 사서가 손봐서 게시판에 붙여요. AI 생성 표시를 해야 하나요?", True),
    # the words of a label in quotation marks say what the label would read, not how the asker works
    ("저희 앱은 이용자가 고른 사진으로 AI가 새 그림을 그려 줘요. 'AI로 만든 이미지'라는 문구를 안 붙이면 문제가 되나요?",
     False),
])
def test_content_made_with_an_outside_tool_and_a_label_s_quoted_words(reader, question, value):
    got = reader.read(question).values.get("outputs_only")
    assert (got.value if got is not None else None) is value, (question, got)


@pytest.mark.parametrize("text, fact, value", [
    # (written from held-outs 137 to 140, after their first runs) everyone who used a service in a year or a month
    # bounds its daily average from above; a year is not a count
    ("About 2,500 Korean shoppers, I mean customers, used our chat assistant last year.", "daily_users_kr",
     (0.0, 2500.0)),
    ("작년 말 기준 한국 월간 활성 이용자가 80만 명 정도예요.", "daily_users_kr", (0.0, 8e5)),
    ("Korean users of the assistant over the last three months of 2025 were about 1.3 million, says our dashboard.",
     "daily_users_kr", None),
    # a subsidiary in Korea is a company of its own, not its parent's office; an office closed is none
    ("We're the Korean marketing subsidiary; the US parent has no branch or address of its own in Korea.",
     "no_korean_office", True),
    ("A Dutch app maker that shut down its Korean office in 2024 and now runs everything from Amsterdam.",
     "no_korean_office", True),
    ("We have a registered branch office in Busan.", "no_korean_office", False),
    # what the AI does by itself, told at length before the words that say so
    ("The barge's new system plans the berth approach, sets the thrusters and corrects for the current on its own.",
     "human_final_decision", False),
    ("It steers around floating debris with no crew input at all.", "human_final_decision", False),
    # customers meeting the AI: it books for them, speaks on their order screen, or shows them what it made of them
    ("Our dental clinic's new AI phone assistant books appointments for callers.", "provides_to_others", True),
    ("케이크 주문 화면에서 생성형 AI가 레터링 문구를 추천해 줘요.", "provides_to_others", True),
    ("안경원인데 손님 얼굴 사진으로 새 안경을 쓴 모습을 AI가 만들어서 보여드려요.", "provides_to_others", True),
    # text said to pass for a person's writing is still text, not sound, images or video
    ("AI가 쓴 보도자료 초안이 기자가 쓴 것과 구분이 안 될 정도예요.", "realistic_media", False),
    ("고객이 대본을 넣으면 실제 성우 목소리랑 구분이 안 되는 음성을 만들어 줘요.", "realistic_media", True),
    # the client's internal use is not the asker's; content written with an outside tool is only its output
    ("고객사 관리자들만 쓰는 B2B 서비스라 사실상 고객사 내부용이에요.", "internal_use_only", False),
    ("We write the bulletin's stories with ChatGPT and make the pictures with an image generator.",
     "outputs_only", True),
    # held-outs 185-188 (after their first runs), in other words
    # a figure that closes a clause of its own is not the figure of a cue after it
    ("한국 가입자는 80만명인데 작년 4분기 하루 평균 국내 이용자는 5만명 정도였어요.", "daily_users_kr", 5e4),
    # a fraction of a figure lies below it
    ("Our summariser was trained with a tiny fraction of 10^26 FLOPs.", "training_compute_flops",
     (0.0, math.nextafter(1e26, 0.0))),
    # Koreans counted by their accounts
    ("About 900,000 Koreans have accounts on our booking app.", "serves_korea", True),
    # an app put out for others to use is no one's hobby
    ("I'm a painter launching a web app where visitors upload a photo and get an AI portrait in my style.",
     "individual_creator", False),
    # the asker's customers build and run their own products
    ("We license our speech model; our customers build and run their own voice assistants on it.",
     "upstream_only", True),
    # AI used for parts of one's own works; an AI editing program's results handed to customers
    ("Our animation studio uses generative AI for the skies in our own series.", "outputs_only", True),
    ("영상 제작소인데 AI 편집 프로그램으로 색감을 손봐서 고객에게 영상을 드려요.", "outputs_only", True),
    # in-house use told in the past, before opening the system to others
    ("사내에서만 쓰던 요약 챗봇을 이번에 협력사 포털에도 붙이려고 합니다.", "internal_use_only", False),
    # "실제" meaning the actual plan, not a likeness of the real
    ("AI는 수요만 예측하고, 실제 운행 계획은 배차팀 회의에서 사람이 정합니다.", "realistic_media", None),
    # internal use told as an internal LLM, a line of one's own, or a trade's staff
    ("Our internal LLM summarises board minutes for the legal team.", "internal_use_only", True),
    ("The defect model runs only on our own assembly line.", "internal_use_only", True),
    ("Only our 12 underwriters use the scoring tool.", "internal_use_only", True),
    # the one proposed as domestic agent lives abroad
    ("Could our sales director, who lives and works in Ho Chi Minh City, be our domestic agent?", "agent_abroad", True),
    ("자카르타 본사 직원을 국내대리인으로 올리려는데, 그 담당자는 한국에 주소가 없어요.", "agent_abroad", True),
    # AI revenue told as the AI product's share, or as nothing charged for the AI
    ("Revenue was KRW 90 billion last year, of which AI-coach subscriptions brought in KRW 2 billion.",
     "ai_revenue_krw", 2e9),
    ("We don't charge separately for our AI search feature.", "ai_revenue_krw", 0.0),
    # held-outs 187-192 (after their first runs), in other words: the people outside never touching it
    ("Our summariser drafts memos for our analysts; clients never see or use it.", "internal_use_only", True),
    ("Only our night-shift dispatchers ever see the model's routes.", "internal_use_only", True),
    ("Our chatbot answers shoppers on our website. Customers never see it make mistakes.", "internal_use_only", None),
    # people outside (in Korea) using it
    ("The quiz bot is run from Jakarta, but Korean students use it daily.", "provides_to_others", True),
    ("The quiz bot is run from Jakarta, but Korean students use it daily.", "serves_korea", True),
    # a received model changed in substance
    ("We retrained the licensed model heavily on our claims data before offering it to brokers.", "significant_change",
     True),
    ("We changed what the vendor's model is used for: it now sets prices.", "significant_change", True),
    # a negation of the gerund before the match, not of the match ("without marking the AI-generated images")
    ("If our staging tool ships without marking the AI-generated room photos, what happens?", "generative", True),
])
def test_readings_written_from_held_outs_137_onward(reader, text, fact, value):
    """Pattern readings (no described examples), each written in other words from a held-out's failure."""
    assert reader.read(text, use_examples=False).get(fact) == value, text


def test_a_sanction_the_asker_cannot_name_touches_the_fine_for_an_order(reader):
    f = reader.read("No office in Korea, about 5,000 Korean users. Last spring the ministry sent us some penalty "
                    "notice, I forget what for. Do we need a domestic agent?", use_examples=False)
    assert f.get("fined_for_order") is None and "fined_for_order" in f.mentioned


def test_a_supplier_whose_client_serves_the_end_users_supplies_upstream(reader):
    # held-out 158 (after its first run): the duty falls on the telecom that provides the call service to callers
    f = reader.read("저희는 통신사에 AI 콜센터 보이스봇을 납품하는 업체입니다. 통신사 고객센터로 전화한 고객이 저희 봇과 통화해요.",
                    use_examples=False)
    assert f.get("upstream_only") is True


def test_clients_uploading_to_a_tool_that_returns_ai_notes_are_offered_an_ai_service(reader):
    # held-out 158: what clients upload and get back is the service itself, not AI-made content the firm publishes
    f = reader.read("Our firm is launching a paid contract-review tool for outside clients: clients upload contracts and "
                    "get AI-generated risk notes.", use_examples=False)
    assert f.get("outputs_only") is not True


def test_an_academy_introducing_itself_is_outside_school_student_evaluation(reader):
    # held-out 158 (after its first run): "코딩 학원입니다" settles it whatever grading is described
    f = reader.read("초등학생 대상 코딩 학원입니다. 월말 코딩 테스트를 AI가 채점하고, 그 점수로 다음 달 반 배정을 자동으로 해요.",
                    use_examples=False)
    assert f.get("high_impact_area") is not True


def test_parking_is_ruled_out_only_as_a_hospital_s_parking(reader):
    # held-out 157 (after its first run): a district office checking who may get a disabled-parking permit is not
    # ruled out of every area by the health-care area's "hospital parking"
    f = reader.read("구청 주차관리과예요. 장애인 전용주차구역 주차가능 표지를 발급할 때 신청자 자격을 AI로 확인하려고 해요.",
                    use_examples=False)
    assert f.get("high_impact_area") is not False
    assert reader.read("병원 주차 안내에 AI 챗봇을 씁니다.", use_examples=False).get("high_impact_area") is False


def test_creating_no_new_images_says_the_ai_is_not_generative(reader):
    # held-out 155 (studied): "doesn't create any new images, voices or text" beside a label the question names
    f = reader.read("The only AI in it is a model that switches between our three cameras and cleans up background "
                    "noise - it doesn't create any new images, voices or text. Do we still have to put an "
                    "'AI-generated' label on the streams?", use_examples=False)
    assert f.get("generative") is False


def test_an_only_criterion_checked_against_a_register_is_simple_eligibility(reader):
    # held-out 156 (studied): MSIT guideline p. 132, an objective and simple check leaves no room for discretion
    f = reader.read("Our public library is piloting an AI tool that decides which residents may borrow free e-book "
                    "readers. The only criterion is whether the applicant's registered address is in our city, checked "
                    "against the resident registry.", use_examples=False)
    assert f.get("simple_eligibility") is True


@pytest.mark.parametrize("text", ["도 소방본부 구매 담당입니다.", "저희 경찰서 정보화 담당입니다."])
def test_fire_and_police_headquarters_are_public_bodies(reader, text):
    # held-out 156 (studied): a provincial fire headquarters is a State body
    assert reader.read(text, use_examples=False).get("public_body") is True


@pytest.mark.parametrize("text", [
    # held-outs 152 and 154 (studied): a model licensed to customers, or its weights released for anyone to use
    "We trained our own wafer-defect classification model, and now two fab customers pay us a licence fee to run it.",
    "We trained a Korean-language LLM and plan to release the weights free of charge on a public repository for anyone "
    "to use.",
])
def test_a_model_licensed_or_released_is_offered_to_others(reader, text):
    assert reader.read(text, use_examples=False).get("provides_to_others") is True


def test_robots_inside_clients_warehouses_are_outside_transport(reader):
    # held-out 159 (after its first run)
    f = reader.read("We make autonomous mobile robots that carry shelving racks to pickers inside our clients' "
                    "warehouses. They never leave the building or touch public roads.", use_examples=False)
    assert f.get("high_impact_area") is not True


def test_startups_building_their_own_services_on_our_api_is_upstream(reader):
    # held-out 160 (after its first run)
    f = reader.read("저희는 미국 파운데이션 모델 회사로, 한국 스타트업들이 저희 API로 자기 챗봇·이미지 서비스를 만들어 한국 이용자에게 "
                    "제공합니다.", use_examples=False)
    assert f.get("upstream_only") is True


@pytest.mark.parametrize("text", [
    # held-out 162 (after its first run): a count given as its order of magnitude
    "국내 하루 평균 이용자는 수백 명 수준입니다.",
    "Only a few thousand Korean users use it each day.",
    "We have hundreds of thousands of users in Korea.",
])
def test_a_count_named_by_its_order_of_magnitude_is_below_a_million(reader, text):
    assert reader.read(text, use_examples=False).get("daily_users_kr") == 0.0


def test_millions_of_users_are_not_below_a_million(reader):
    assert reader.read("국내 하루 이용자가 수백만 명입니다.", use_examples=False).get("daily_users_kr") != 0.0


def test_revenue_last_year_is_not_small_revenue(reader):
    # studied held-out 145: "매출이 작년에" is no "매출이 작아요"
    f = reader.read("본사 AI 사업부 서비스 매출이 작년에 7,500만 크로네 정도 나왔어요.", use_examples=False)
    assert f.get("ai_revenue_krw") is None  # a currency with no band decides nothing


def test_almost_all_revenue_from_the_ai_is_its_ai_revenue(reader):
    f = reader.read("작년 매출이 300억 원쯤 되는데 거의 전부 AI 챗봇 구독료입니다.", use_examples=False)
    assert f.get("ai_revenue_krw") == 30_000_000_000


@pytest.mark.parametrize("text", [
    # held-outs 160 and 162 (after their first runs): finished work delivered, the AI kept in-house
    "고객사 매뉴얼을 LLM으로 1차 번역하고 전문 번역가가 감수해서 완성 파일만 납품합니다.",
    "해외 음성복제 AI 서비스를 구독해서 외국어 더빙을 만들고, 완성된 드라마를 방송사에 납품해요.",
    "Our producers use a commercial voice-cloning tool in-house and we sell the finished voice-over files to clients.",
])
def test_finished_work_delivered_is_only_outputs(reader, text):
    f = reader.read(text, use_examples=False)
    assert (f.get("outputs_only"), f.get("provides_to_others")) == (True, False)


def test_a_drama_is_not_llama(reader):
    assert reader.read("완성된 드라마를 방송사에 납품해요.", use_examples=False).get("third_party_ai") is not True


def test_an_employee_of_the_headquarters_abroad_is_an_agent_abroad(reader):
    # held-out 164 (after its first run)
    f = reader.read("Can we name an employee of our Singapore headquarters, working from Singapore, as our Korean "
                    "domestic agent?", use_examples=False)
    assert f.get("agent_abroad") is True


@pytest.mark.parametrize("text, value", [
    # held-out 163 (after its first run): said in passing, as a given of the question
    ("CCTV 분석 솔루션을 팔아요. 생성형도 아니고 고영향 영역도 아닌데, 사전고지해야 하나요?", False),
    ("It's neither generative nor high-impact, but must we notify users?", False),
    ("이게 고영향 인공지능이 아닌가요?", None),  # asked, not said
])
def test_not_high_impact_said_in_passing_is_a_given(reader, text, value):
    assert reader.read(text, use_examples=False).get("stated_high_impact") is value


def test_medication_doses_are_health_care(reader):
    # held-out 163 (after its first run)
    f = reader.read("입소 어르신 투약량 조정 추천을 AI가 하고, 간호 인력이 추천값을 그대로 적용합니다.", use_examples=False)
    assert f.get("high_impact_area") is True


def test_hires_decided_on_the_score_alone_leave_no_human_decision(reader):
    # held-out 163 (after its first run)
    f = reader.read("지원자 영상을 분석해 점수를 내고, 그 점수만으로 합격자를 정해요.", use_examples=False)
    assert f.get("human_final_decision") is False
