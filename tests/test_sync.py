"""The law.go.kr Open API sync (`kaia sources status|check|update`): the client against a real HTTP server on
loopback that serves the recorded responses of shared/ (and changed copies of them made here), the API's faults,
and a simulated new amendment of the Act carried through check, update, status, kaia diff and answers."""
from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import pytest

from corpus.manifest import load_manifest
from corpus.settings import Settings
from ingest.lawgo_client import (KeyRejectedError, LawgoClient, LawgoError, NoKeyError, NotFoundError,
                                 classify_body, parse_listing)
from ingest.overlay import overlay_path, read_overlay
from ingest.sync import check, classify, load_feeds, status, update
from tests.conftest import make_settings

SOURCES = Settings().sources
EXAMPLES = SOURCES.parent / "lawgo-examples"
KEY = "test-key"
KEY_REJECTED = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><result>사용자 정보 검증에 실패하였습니다.</result>"
                "<msg>OPEN API 호출 시 사용자 검증을 위하여 정확한 서버장비의 IP주소 및 도메인주소를 등록해 주세요.</msg></Response>")
NOT_APPLIED = "<html><body>미신청된 목록/본문에 대한 접근입니다.</body></html>"
MAINTENANCE = "<!DOCTYPE html><html><head><title>국가법령정보센터</title></head><body>시스템 점검 중입니다.</body></html>"

# The simulated amendment: Act No. 21600, promulgated 2026-11-20, in force 2026-12-15 (a new MST), raising the fine
# of Art. 43(1) from 30 to 50 million won.
NEW_MST, NEW_NO, NEW_PROM, NEW_EF = "290001", "21600", "20261120", "20261215"
OLD_FINE, NEW_FINE = "3천만원 이하의 과태료를 부과한다.", "5천만원 이하의 과태료를 부과한다. <개정 2026.11.20>"


# ------------------------------------------------------------------------------------ the loopback API


def _rows(xml: str) -> tuple[str, list[str]]:
    head = xml[:xml.index("<law id=")]
    return head, re.findall(r"<law id=\"\d+\">.*?</law>", xml, flags=re.S)


def eflaw_listing(law_id: str, extra: list[str] = ()) -> str:
    """The recorded eflaw listing reduced to one law's rows (as `LID=` asks), plus `extra` rows."""
    head, rows = _rows((EXAMPLES / "eflaw_search_ai_basic_act_2026-07-20.xml").read_text(encoding="utf-8"))
    mine = [r for r in rows if f"<법령ID>{law_id}</법령ID>" in r] + list(extra)
    head = re.sub(r"<totalCnt>\d+</totalCnt>", f"<totalCnt>{len(mine)}</totalCnt>", head)
    return head + "".join(mine) + "</LawSearch>"


def new_act_row() -> str:
    """A listing row for the simulated amendment, made from the recorded row of the Act's 2026-07-21 phase."""
    _, rows = _rows((EXAMPLES / "eflaw_search_ai_basic_act_2026-07-20.xml").read_text(encoding="utf-8"))
    row = next(r for r in rows if "<시행일자>20260721</시행일자>" in r and "<법령ID>014820</법령ID>" in r)
    row = row.replace("<법령일련번호>282791<", f"<법령일련번호>{NEW_MST}<").replace("<공포번호>21311<", f"<공포번호>{NEW_NO}<")
    row = row.replace("<공포일자>20260120<", f"<공포일자>{NEW_PROM}<").replace("<시행일자>20260721<", f"<시행일자>{NEW_EF}<")
    return row.replace("MST=282791", f"MST={NEW_MST}").replace("efYd=20260721", f"efYd={NEW_EF}")


def amended_act() -> bytes:
    """A changed copy of the recorded 2026-07-21 text: the new number, dates and wording of Art. 43(1)."""
    text = (SOURCES / "act.ko.2026-07-21.xml").read_text(encoding="utf-8")
    assert text.count(OLD_FINE) == 1
    text = text.replace(OLD_FINE, NEW_FINE)
    text = text.replace("<공포일자>20260120</공포일자>", f"<공포일자>{NEW_PROM}</공포일자>", 1)
    text = text.replace("<공포번호>21311</공포번호>", f"<공포번호>{NEW_NO}</공포번호>", 1)
    text = text.replace("<시행일자>20260721</시행일자>", f"<시행일자>{NEW_EF}</시행일자>", 1)
    return text.encode("utf-8")


ADMRUL_LISTING = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><AdmRulSearch><target>admrul</target>"
                  "<totalCnt>1</totalCnt><page>1</page><admrul id=\"1\"><행정규칙일련번호>2100000283290</행정규칙일련번호>"
                  "<행정규칙명><![CDATA[인공지능제품ㆍ서비스 확인 절차 운영에 관한 고시]]></행정규칙명><행정규칙종류>고시</행정규칙종류>"
                  "<발령일자>20260721</발령일자><발령번호>2026-50</발령번호><소관부처명>과학기술정보통신부</소관부처명>"
                  "<현행연혁구분>현행</현행연혁구분><제개정구분명>제정</제개정구분명><행정규칙ID>97894</행정규칙ID>"
                  "<시행일자>20260721</시행일자></admrul></AdmRulSearch>")



def admrul_xml(number: str = "2026-50", effective: str = "20260721", serial: str = "2100000283290",
               change: tuple[str, str] | None = None) -> bytes:
    """The notice as the API's admrul XML would give it, made from its transcription: one run-on <조문내용> per
    article (the transcription only added line breaks before ① and 1.), and the addendum."""
    text = (SOURCES / "notice.msit-2026-50.ai-product-confirmation.ko.txt").read_text(encoding="utf-8")
    if change:
        assert text.count(change[0]) == 1
        text = text.replace(*change)
    arts: list[list[str]] = []
    addenda: list[str] = []
    section = ""
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("## "):
            section = s[3:]
        elif section.startswith("부칙") and s:
            addenda.append(s)
        elif not section and re.match(r"^제\d+조", s):
            arts.append([s])
        elif not section and s and arts:
            arts[-1].append(s)
    cdata = "".join(f"<조문내용><![CDATA[{' '.join(a)}]]></조문내용>" for a in arts)
    info = (f"<행정규칙기본정보><행정규칙일련번호>{serial}</행정규칙일련번호><행정규칙명><![CDATA[인공지능제품ㆍ서비스 확인 절차 "
            f"운영에 관한 고시]]></행정규칙명><행정규칙종류>고시</행정규칙종류><발령일자>{effective}</발령일자>"
            f"<발령번호>{number}</발령번호><행정규칙ID>97894</행정규칙ID><시행일자>{effective}</시행일자></행정규칙기본정보>")
    return (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><AdmRulService>{info}{cdata}<부칙><부칙내용><![CDATA["
            f"{chr(10).join(addenda)}]]></부칙내용></부칙></AdmRulService>").encode("utf-8")


Response = tuple[int, bytes, dict[str, str]]


def recorded_routes() -> dict[tuple[str, ...], Response]:
    """What the loopback API answers, keyed by (endpoint, target, the id asked for, efYd, type)."""
    def ok(data: bytes | str) -> Response:
        return 200, data.encode("utf-8") if isinstance(data, str) else data, {"Content-Type": "application/xml"}

    return {
        ("lawSearch.do", "eflaw", "014820", "", "XML"): ok(eflaw_listing("014820")),
        ("lawSearch.do", "eflaw", "015032", "", "XML"): ok(eflaw_listing("015032")),
        ("lawSearch.do", "elaw", "FRAMEWORK ACT ON THE DEVELOPMENT OF ARTIFICIAL INTELLIGENCE", "", "XML"):
            ok((EXAMPLES / "elaw_search_ai_basic_act_2026-07-20.xml").read_bytes()),
        ("lawSearch.do", "admrul", "인공지능제품ㆍ서비스 확인 절차 운영에 관한 고시", "", "XML"): ok(ADMRUL_LISTING),
        ("lawService.do", "eflaw", "282791", "20260721", "XML"): ok((SOURCES / "act.ko.2026-07-21.xml").read_bytes()),
        ("lawService.do", "eflaw", "282791", "20260122", "XML"): ok((SOURCES / "act.ko.2026-01-22.xml").read_bytes()),
        ("lawService.do", "elaw", "282791", "", "XML"): ok((SOURCES / "act.en.2026-07-21.xml").read_bytes()),
        ("lawService.do", "elaw", "268543", "", "XML"): ok((SOURCES / "act.en.enactment-20676.xml").read_bytes()),
        ("lawService.do", "eflaw", "015032", "20260122", "JSON"):
            ok((SOURCES / "history" / "decree.ko.2026-01-22.json").read_bytes()),
    }


@dataclass
class FakeLawgo:
    """A real HTTP server on 127.0.0.1 speaking the DRF API's dialect: errors as HTTP 200 bodies, a rejected key
    for any OC but the test's, the 미신청 page for anything it has no recording of."""

    url: str = ""
    routes: dict[tuple[str, ...], Response] = field(default_factory=dict)
    log: list[dict[str, str]] = field(default_factory=list)
    # Called before routing; a response it returns is sent instead (faults). Counted by its own calls.
    fault: Callable[[str, dict[str, str]], Response | None] | None = None
    delay: float = 0.0

    def reset(self) -> None:
        self.routes, self.log, self.fault, self.delay = recorded_routes(), [], None, 0.0

    def answer(self, endpoint: str, q: dict[str, str]) -> Response:
        if self.fault is not None:
            got = self.fault(endpoint, q)
            if got is not None:
                return got
        if q.get("OC") != KEY:
            return 200, KEY_REJECTED.encode("utf-8"), {"Content-Type": "application/xml"}
        ident = q.get("LID") or q.get("query") or q.get("MST") or q.get("ID") or ""
        key = (endpoint, q.get("target", ""), ident, q.get("efYd", ""), q.get("type", "XML"))
        return self.routes.get(key, (200, NOT_APPLIED.encode("utf-8"), {"Content-Type": "text/html"}))


@pytest.fixture(scope="module")
def fake_server():
    fake = FakeLawgo()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            parsed = urllib.parse.urlparse(self.path)
            q = {k: v[0] for k, v in urllib.parse.parse_qs(parsed.query).items()}
            endpoint = parsed.path.rsplit("/", 1)[-1]
            # Logged on arrival: a request the client has given up on (timeout tests) must not land in the next
            # test's log when its answer is finally made.
            fake.log.append({"endpoint": endpoint, **q})
            if fake.delay:
                time.sleep(fake.delay)
            code, body, headers = fake.answer(endpoint, q)
            self.send_response(code)
            for k, v in headers.items():
                self.send_header(k, v)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                pass

        def log_message(self, *args) -> None:  # noqa: ANN002 - quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/DRF"
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake(fake_server):
    fake_server.reset()
    return fake_server


@pytest.fixture
def api_settings(monkeypatch):
    """Settings of a data folder that talk to the loopback API; the same in the environment, for `kaia`."""
    def make(data_dir: Path, fake: FakeLawgo, **over) -> Settings:
        base = {"lawgo_oc": KEY, "lawgo_url": fake.url, "lawgo_backoff": 0.001, "lawgo_timeout": 2.0,
                "lawgo_retries": 2}
        values = {**base, **over}
        for k, v in values.items():
            monkeypatch.setenv(f"KAIA_{k.upper()}", str(v))
        return make_settings(data_dir, **values)

    return make


def tree(path: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes (to show a failed run changed nothing)."""
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()} \
        if path.exists() else {}


# --------------------------------------------------------------------------------- parsing and classifying


def test_listing_rows_are_read_from_the_recorded_xml_and_from_json():
    body = (EXAMPLES / "eflaw_search_ai_basic_act_2026-07-20.xml").read_bytes()
    rows = parse_listing(classify_body(body, "t", "xml"), "eflaw", "t")
    assert len(rows) == 6
    act = [r for r in rows if r.law_id == "014820"]
    assert {(r.mst, r.number, r.effective, r.status) for r in act if r.number == "21311"} == {
        ("282791", "21311", "2026-07-21", "시행예정"), ("282791", "21311", "2026-01-22", "현행")}
    # Zero-padded numbers (the income tax listing's 09897) are compared as numbers.
    other = parse_listing(classify_body((EXAMPLES / "eflaw_search_efYd_range_sodeukse_2026-07-19.xml").read_bytes(),
                                        "t", "xml"), "eflaw", "t")
    assert other[0].number == "9897" and other[0].promulgated == "2009-12-31"
    # JSON: one hit arrives as an object, not a one-element list.
    one = {"LawSearch": {"totalCnt": "1", "law": {"법령일련번호": "282791", "법령ID": "014820", "공포번호": "21311",
                                                  "공포일자": "20260120", "시행일자": "20260721", "현행연혁코드": "시행예정"}}}
    assert [r.mst for r in parse_listing(one, "eflaw", "t")] == ["282791"]
    with pytest.raises(LawgoError, match="lacks"):
        parse_listing({"LawSearch": {"law": {"법령ID": "014820"}}}, "eflaw", "t")
    admrul = parse_listing(classify_body(ADMRUL_LISTING.encode(), "t", "xml"), "admrul", "t")
    assert (admrul[0].mst, admrul[0].law_id, admrul[0].number) == ("2100000283290", "97894", "2026-50")


@pytest.mark.parametrize("body, expect, error, cause", [
    (KEY_REJECTED, "xml", KeyRejectedError, "rejected the key"),
    ('{"result": "사용자 정보 검증에 실패하였습니다.", "msg": "…"}', "json", KeyRejectedError, "rejected the key"),
    ("<Law>일치하는 법령이 없습니다.  법령명을 확인하여 주십시오.</Law>", "xml", NotFoundError, "no such law"),
    (NOT_APPLIED, "xml", NotFoundError, "미신청"),
    (MAINTENANCE, "json", LawgoError, "HTML page"),
    ("<html><script>location.assign('/x')</script></html>", "xml", LawgoError, "browser check"),
    ("", "xml", LawgoError, "empty response"),
    ("<LawSearch><law id=\"1\"><법령일련번호>28", "xml", LawgoError, "cut short"),
    ("<LawSearch><law></LawSearch>", "xml", LawgoError, "malformed XML"),
    ('{"법령": {"기본정보": ', "json", LawgoError, "cut short"),
    ('{"법령": ]', "json", LawgoError, "malformed JSON"),
])
def test_error_bodies_are_classified(body, expect, error, cause):
    with pytest.raises(error, match=cause) as info:
        classify_body(body.encode("utf-8"), "act (Korean, eflaw listing)", expect)
    assert str(info.value).startswith("act (Korean, eflaw listing): ")
    # Only what a later attempt may mend is retried: never a rejected key or an unknown law.
    assert info.value.retryable == (error is LawgoError)


def test_classify_finds_new_versions_and_phases_and_ignores_history():
    docs = {d.id: d for d in load_manifest(Settings().manifest)}
    feeds = {(f.doc, f.lang): f for f in load_feeds()}
    rows = parse_listing(classify_body(eflaw_listing("014820").encode(), "t", "xml"), "eflaw", "t")
    # The recorded listing: Act No. 21311's two phases are held, Nos. 21065 and 20676 are older: nothing new.
    assert classify(feeds[("act", "ko")], docs["act"], rows) == []
    decree_rows = parse_listing(classify_body(eflaw_listing("015032").encode(), "t", "xml"), "eflaw", "t")
    assert classify(feeds[("decree", "ko")], docs["decree"], decree_rows) == []
    # The Act's query also lists the decree: its rows are not the Act's.
    both = parse_listing(classify_body((EXAMPLES / "eflaw_search_ai_basic_act_2026-07-20.xml").read_bytes(), "t",
                                       "xml"), "eflaw", "t")
    assert classify(feeds[("act", "ko")], docs["act"], both) == []
    more = parse_listing(classify_body(eflaw_listing("014820", [new_act_row(), new_act_row().replace(
        f"<시행일자>{NEW_EF}<", "<시행일자>20270120<").replace("<공포번호>21600<", "<공포번호>21311<")
        .replace(f">{NEW_MST}<", ">282791<")]).encode(), "t", "xml"), "eflaw", "t")
    got = [(k.change, k.mst, k.number, k.effective) for k in classify(feeds[("act", "ko")], docs["act"], more)]
    assert got == [("new-version", NEW_MST, NEW_NO, "2026-12-15"), ("new-phase", "282791", "21311", "2027-01-20")]


def test_the_overlay_extends_the_manifest_and_gives_way_when_it_ships_the_same_version():
    import dataclasses

    from ingest.overlay import Overlay, apply_overlay

    docs = load_manifest(Settings().manifest)
    new = {"file": "lawgo/act/x.xml", "local": "lawgo/act/x.xml", "format": "lawgo-xml-ko", "lang": "ko",
           "version": "Act No. 21600", "effective_from": "2026-12-15", "fetched": "2026-12-02", "mst": "290001"}
    ov = Overlay(files={"act": [new]},
                 changes={"act": [{"file": "act.ko.2026-07-21.xml", "effective_to": "2026-12-14"}]})
    act = next(d for d in apply_overlay(docs, ov) if d.id == "act")
    by = {f.file: f for f in act.files}
    assert by["lawgo/act/x.xml"].local == "lawgo/act/x.xml" and by["act.ko.2026-07-21.xml"].effective_to == "2026-12-14"
    assert next(d for d in apply_overlay(docs, ov) if d.id == "decree") is next(d for d in docs if d.id == "decree")
    # A later kaia ships Act No. 21600 itself: the downloaded copy is no longer read beside it.
    shipped = dataclasses.replace(by["act.ko.2026-07-21.xml"], file="act.ko.2026-12-15.xml", version="Act No. 21600",
                                  effective_from="2026-12-15", effective_to="")
    later = [dataclasses.replace(d, files=d.files + (shipped,)) if d.id == "act" else d for d in docs]
    act = next(d for d in apply_overlay(later, ov) if d.id == "act")
    assert "lawgo/act/x.xml" not in {f.file for f in act.files}


# ------------------------------------------------------------------------------------- the client on loopback


def test_no_key_sends_nothing(api_settings, fake, tmp_path):
    s = api_settings(tmp_path / "data", fake, lawgo_oc="")
    with pytest.raises(NoKeyError, match="KAIA_LAWGO_OC"):
        LawgoClient(s).listing("eflaw", {"LID": "014820"}, "act (Korean, eflaw listing)")
    assert fake.log == []


def test_retries_back_off_on_429_and_5xx_then_succeed(api_settings, fake, tmp_path):
    s = api_settings(tmp_path / "data", fake, lawgo_retries=3, lawgo_backoff=0.5)
    failures = iter([(503, b"busy", {}), (429, b"slow down", {"Retry-After": "7"}), (502, b"", {})])
    fake.fault = lambda endpoint, q: next(failures, None)
    waits: list[float] = []
    rows = LawgoClient(s, sleep=waits.append).listing("eflaw", {"LID": "014820"}, "act")
    assert len(rows) == 4 and len(fake.log) == 4
    # Exponential backoff from KAIA_LAWGO_BACKOFF, and the server's Retry-After where it gives one.
    assert waits == [0.5, 7.0, 2.0]


def test_retries_are_bounded_and_the_message_names_document_and_cause(api_settings, fake, tmp_path):
    s = api_settings(tmp_path / "data", fake, lawgo_retries=2)
    fake.fault = lambda endpoint, q: (500, b"oops", {})
    with pytest.raises(LawgoError, match=r"^act \(Korean\): HTTP 500 .*gave up after 3 attempts") as info:
        LawgoClient(s, sleep=lambda _: None).listing("eflaw", {"LID": "014820"}, "act (Korean)")
    assert len(fake.log) == 3 and KEY not in str(info.value)  # the key is never printed
    fake.log.clear()
    fake.fault = lambda endpoint, q: (400, b"bad request", {})  # a client error: retrying cannot help
    with pytest.raises(LawgoError, match="HTTP 400"):
        LawgoClient(s, sleep=lambda _: None).listing("eflaw", {"LID": "014820"}, "act (Korean)")
    assert len(fake.log) == 1


def test_a_timeout_is_retried_then_reported(api_settings, fake, tmp_path):
    s = api_settings(tmp_path / "data", fake, lawgo_timeout=0.2, lawgo_retries=1)
    fake.delay = 0.6
    t0 = time.perf_counter()
    with pytest.raises(LawgoError, match=r"no answer within 0.2 s .*gave up after 2 attempts"):
        LawgoClient(s).listing("eflaw", {"LID": "014820"}, "act (Korean)")
    assert time.perf_counter() - t0 < 3


# ------------------------------------------------------------------------------------- check and status


def test_check_records_the_date_and_status_reports_it_offline(api_settings, fake, tmp_path, kaia_main):
    s = api_settings(tmp_path / "data", fake)
    before = kaia_main(s, "sources", "status")
    assert before.returncode == 0 and "never (run `kaia sources check`)" in before.stdout
    r = kaia_main(s, "sources", "check")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("nothing new") == 4
    # Four listings (eflaw by law ID for the Act and the decree, elaw, admrul) and the two current API texts,
    # whose hashes match the files kaia reads.
    assert sorted((e["endpoint"], e["target"]) for e in fake.log) == [
        ("lawSearch.do", "admrul"), ("lawSearch.do", "eflaw"), ("lawSearch.do", "eflaw"), ("lawSearch.do", "elaw"),
        ("lawService.do", "eflaw"), ("lawService.do", "elaw")]
    assert {e["LID"] for e in fake.log if e.get("LID")} == {"014820", "015032"}
    ov = read_overlay(s)
    assert set(ov.checked) == {"act", "decree", "notice-2026-50"} and ov.known == [] and not ov.files
    fake.log.clear()
    after = kaia_main(s, "sources", "status")
    assert fake.log == []  # status never goes online
    today = ov.checked["act"][:10]
    assert after.stdout.count(f"last checked: {today}") == 3
    assert "ko Act No. 21311 (in force 2026-07-21 → now)" in after.stdout
    js = json.loads(kaia_main(s, "sources", "status", "--json").stdout)
    assert {d["doc"] for d in js if d["on_api"]} == {"act", "decree", "notice-2026-50"}
    assert "guideline/transparency" in {d["doc"] for d in js}  # every document of the manifest, said to be off the API
    assert after.stdout.count("not on the law.go.kr Open API: not checked") == len(js) - 3


def test_check_reports_a_changed_text_under_the_same_mst(api_settings, fake, tmp_path):
    s = api_settings(tmp_path / "data", fake)
    key = ("lawService.do", "elaw", "282791", "", "XML")
    code, body, headers = fake.routes[key]
    fake.routes[key] = (code, body.replace(b"pause a risk", b"pose a risk"), headers)
    report = check(s)
    assert [(k.doc, k.lang, k.change, k.file) for k in report.new] == [
        ("act", "en", "changed-text", "act.en.2026-07-21.xml")]
    assert [k.change for k in read_overlay(s).known] == ["changed-text"]


FAULTS: dict[str, Callable[[str, dict[str, str]], Response | None]] = {
    "rejected key": lambda e, q: (200, KEY_REJECTED.encode("utf-8"), {}),
    "HTTP 429": lambda e, q: (429, b"Too Many Requests", {}),
    "HTTP 503": lambda e, q: (503, b"Service Unavailable", {}),
    "maintenance page": lambda e, q: (200, MAINTENANCE.encode("utf-8"), {"Content-Type": "text/html"}),
    "truncated body": lambda e, q: (200, eflaw_listing("014820").encode("utf-8")[:700], {}),
    "malformed body": lambda e, q: (200, b"<LawSearch><law id='1'></lawx></LawSearch>", {}),
    "not applied for": lambda e, q: (200, NOT_APPLIED.encode("utf-8"), {}) if q.get("target") == "admrul" else None,
}
FAULT_MESSAGES = {"rejected key": "rejected the key", "HTTP 429": "HTTP 429", "HTTP 503": "HTTP 503",
                  "maintenance page": "HTML page", "truncated body": "cut short", "malformed body": "malformed XML",
                  "not applied for": "미신청"}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_fault_of_check_is_one_clear_line_and_changes_nothing(api_settings, fault, fake, tmp_path, kaia_main):
    s = api_settings(tmp_path / "data", fake)
    assert check(s).new == []  # a first good check: its record must survive the failed one
    before = tree(s.data_dir)
    fake.fault = FAULTS[fault]
    r = kaia_main(s, "sources", "check")
    assert r.returncode == 2 and r.stdout == ""
    line = r.stderr.strip()
    assert "\n" not in line and "Traceback" not in line and KEY not in line
    assert FAULT_MESSAGES[fault] in line
    # The message names the document: the first listing asked for, or the notice's for the admrul fault.
    assert line.startswith("kaia: notice-2026-50" if fault == "not applied for" else "kaia: act (Korean")
    assert tree(s.data_dir) == before


def test_a_timeout_of_check_changes_nothing(api_settings, fake, tmp_path, kaia_main):
    s = api_settings(tmp_path / "data", fake, lawgo_timeout=0.2, lawgo_retries=1)
    fake.delay = 0.6
    r = kaia_main(s, "sources", "check")
    assert r.returncode == 2 and "no answer within 0.2 s" in r.stderr and "Traceback" not in r.stderr
    assert tree(s.data_dir) == {}


def test_no_key_is_one_line_and_nothing_is_sent(api_settings, fake, tmp_path, kaia_main):
    s = api_settings(tmp_path / "data", fake, lawgo_oc="")
    for cmd in ("check", "update"):
        r = kaia_main(s, "sources", cmd)
        assert r.returncode == 2 and "KAIA_LAWGO_OC" in r.stderr and r.stderr.count("\n") == 1
    assert fake.log == [] and tree(s.data_dir) == {}


# ------------------------------------------------------------------------------------------------ update


def test_update_faults_on_the_new_text_change_nothing(api_settings, fake, tmp_path, kaia_main):
    """A new version is listed, but its text comes cut short, malformed, unparseable or as another version:
    the update stops with a line naming the document and the cause; overlay, texts and index are untouched."""
    s = api_settings(tmp_path / "data", fake)
    fake.routes[("lawSearch.do", "eflaw", "014820", "", "XML")] = (200, eflaw_listing("014820", [new_act_row()])
                                                                   .encode("utf-8"), {})
    check(s)
    before = tree(s.data_dir)
    good = amended_act()
    no_articles = re.sub("<조문>.*</조문>".encode(), b"", good, flags=re.S)
    assert len(no_articles) < len(good) / 2  # <조문> … </조문> removed: well-formed, but no provisions
    cases = {
        "cut short": good[: len(good) // 2],
        "cannot be parsed": no_articles,
        "not No. 21600": good.replace(f"<공포번호>{NEW_NO}</공포번호>".encode(), "<공포번호>21599</공포번호>".encode()),
        "HTML page": MAINTENANCE.encode("utf-8"),
    }
    for cause, body in cases.items():
        fake.routes[("lawService.do", "eflaw", NEW_MST, NEW_EF, "XML")] = (200, body, {})
        r = kaia_main(s, "sources", "update")
        assert r.returncode == 2, (cause, r.stdout, r.stderr)
        assert r.stderr.startswith("kaia: act (Korean, Act No. 21600, in force 2026-12-15)"), r.stderr
        assert cause in r.stderr and r.stderr.count("\n") == 1
        assert tree(s.data_dir) == before, cause


def test_an_update_whose_indexing_fails_keeps_nothing(api_settings, fake, tmp_path, kaia_main):
    """The texts are good but the index cannot be written (another ingest holds the lock): the downloaded texts
    and the overlay are taken back, so the next update fetches them again."""
    from ingest.index import ingest_lock

    s = api_settings(tmp_path / "data", fake)
    fake.routes[("lawSearch.do", "eflaw", "014820", "", "XML")] = (
        200, eflaw_listing("014820", [new_act_row()]).encode("utf-8"), {})
    fake.routes[("lawService.do", "eflaw", NEW_MST, NEW_EF, "XML")] = (200, amended_act(), {})
    check(s)
    before = tree(s.lawgo_dir)
    with ingest_lock(s):
        r = kaia_main(s, "sources", "update")
    assert r.returncode == 2 and "another ingest is running" in r.stderr and "not kept" in r.stderr
    assert tree(s.lawgo_dir) == before
    assert [k.number for k in read_overlay(s).known] == [NEW_NO]


def test_without_the_shared_folder_update_downloads_the_law(api_settings, fake, tmp_path):
    """A user who has only the repository and a key: `kaia sources update` fetches the Act (both phases, both
    languages), the decree's texts and the notice into the data folder; guidance and commentary, not on the API,
    are left out with a warning."""
    from ingest.loader import parse_corpus

    s = api_settings(tmp_path / "data", fake, sources=tmp_path / "no-such-folder")
    # The API's current decree: made here from the recorded original by giving it No. 36580's number and date.
    current = json.loads((SOURCES / "history" / "decree.ko.2026-01-22.json").read_text(encoding="utf-8"))
    current["법령"]["기본정보"].update({"공포번호": "36580", "시행일자": "20260820"})
    fake.routes[("lawService.do", "eflaw", "015032", "", "JSON")] = (
        200, json.dumps(current, ensure_ascii=False).encode("utf-8"), {})
    fake.routes[("lawService.do", "admrul", "2100000283290", "", "XML")] = (200, admrul_xml(), {})
    report = update(s, index=False)
    got = sorted(f.replaces for f in report.fetched)
    assert got == ["act.en.2026-07-21.xml", "act.en.enactment-20676.xml", "act.ko.2026-01-22.xml",
                   "act.ko.2026-07-21.xml", "decree.ko.2026-08-20.txt", "history/decree.ko.2026-01-22.json",
                   "notice.msit-2026-50.ai-product-confirmation.ko.txt"]
    assert all((s.lawgo_dir / f.local).is_file() and f.local.startswith("lawgo/") for f in report.fetched)
    parsed = parse_corpus(s)
    by_doc = {d: sum(1 for u in parsed.units if u.doc == d) for d in ("act", "decree", "notice-2026-50")}
    assert by_doc["act"] > 500 and by_doc["decree"] > 300 and by_doc["notice-2026-50"] > 80
    assert any("guideline.transparency" in w and "left out" in w for w in parsed.warnings)
    # Where the API's current decree is a later version than the manifest's, it is not taken for it.
    current["법령"]["기본정보"].update({"공포번호": "36700", "시행일자": "20261201"})
    fake.routes[("lawService.do", "eflaw", "015032", "", "JSON")] = (
        200, json.dumps(current, ensure_ascii=False).encode("utf-8"), {})
    s2 = api_settings(tmp_path / "data2", fake, sources=tmp_path / "no-such-folder")
    report = update(s2, index=False)
    assert "decree.ko.2026-08-20.txt" not in {f.replaces for f in report.fetched} and len(report.fetched) == 6
    assert [x for x in report.skipped if "No. 36700, not No. 36580" in x]
def test_update_replaces_a_changed_text_and_keeps_the_shipped_file(api_settings, fake, tmp_path):
    from corpus.manifest import resolve_file
    from ingest.sync import documents

    s = api_settings(tmp_path / "data", fake)
    key = ("lawService.do", "elaw", "282791", "", "XML")
    code, body, headers = fake.routes[key]
    fake.routes[key] = (code, body.replace(b"pause a risk", b"pose a risk"), headers)
    report = update(s, index=False)
    assert [(f.replaces, f.describe) for f in report.fetched] == [
        ("act.en.2026-07-21.xml", "changed text of act.en.2026-07-21.xml: Act No. 21311")]
    sf = next(f for f in next(d for d in documents(s) if d.id == "act").files if f.file == "act.en.2026-07-21.xml")
    path = resolve_file(sf, s)
    assert path.parent == s.lawgo_dir / "lawgo" / "act" and b"pose a risk" in path.read_bytes()
    assert sf.sha256 != "afcf31a68862e17fc60673b6a3af2f138399159e4d85d46b6c630fae618d94e5"
    assert read_overlay(s).known == [] and b"pause a risk" in (SOURCES / "act.en.2026-07-21.xml").read_bytes()
    assert update(s, index=False).fetched == []  # the copy now matches the API: nothing more to fetch


def test_a_new_english_version_is_the_translation_of_the_new_korean_text(api_settings, fake, tmp_path):
    """Act No. 21600 listed in Korean (eflaw) and in English (elaw): the English text is recorded as the translation
    of the new Korean one; provisions the amendment left alone keep one English wording across both."""
    from ingest.loader import parse_corpus

    s = api_settings(tmp_path / "data", fake)
    head, rows = _rows((EXAMPLES / "elaw_search_ai_basic_act_2026-07-20.xml").read_text(encoding="utf-8"))
    en_row = rows[0].replace(">268543<", f">{NEW_MST}<").replace("<공포번호>20676<", f"<공포번호>{NEW_NO}<")
    en_row = en_row.replace("<공포일자>20250121<", f"<공포일자>{NEW_PROM}<").replace("<시행일자>20260122<", f"<시행일자>{NEW_EF}<")
    fake.routes[("lawSearch.do", "elaw", "FRAMEWORK ACT ON THE DEVELOPMENT OF ARTIFICIAL INTELLIGENCE", "", "XML")] = (
        200, (head + "".join(rows) + en_row + "</LawSearch>").encode("utf-8"), {})
    fake.routes[("lawSearch.do", "eflaw", "014820", "", "XML")] = (
        200, eflaw_listing("014820", [new_act_row()]).encode("utf-8"), {})
    fake.routes[("lawService.do", "eflaw", NEW_MST, NEW_EF, "XML")] = (200, amended_act(), {})
    en = (SOURCES / "act.en.2026-07-21.xml").read_text(encoding="utf-8")
    fine = "subject to an administrative fine not exceeding 30 million won"
    assert en.count(fine) == 1
    en = en.replace("<ancNo>21311</ancNo>", f"<ancNo>{NEW_NO}</ancNo>").replace(fine, fine.replace("30", "50"))
    fake.routes[("lawService.do", "elaw", NEW_MST, "", "XML")] = (200, en.encode("utf-8"), {})
    report = update(s, index=False)
    entries = {f.entry["lang"]: f.entry for f in report.fetched}
    assert entries["en"]["twin_of"] == entries["ko"]["file"] and entries["en"]["version"] == "Act No. 21600"
    units = [u for u in parse_corpus(s).units if u.doc == "act"]

    def wording(cid: str, lang: str, day: str) -> list[str]:
        return [u.text for u in units if u.cid == cid and u.lang == lang and u.in_force(day)]

    assert ["30 million won" in t for t in wording("act:43:1", "en", "2026-12-14")] == [True]
    assert ["50 million won" in t for t in wording("act:43:1", "en", "2026-12-15")] == [True]
    assert len(wording("act:31:1", "en", "2026-12-20")) == 1 and wording("act:31:1", "en", "2026-08-01") == \
        wording("act:31:1", "en", "2026-12-20")


def test_the_admrul_reader_reads_the_notice_as_its_transcription_does():
    """The run-on articles of the API's administrative-rule XML are cut where the transcription put its line breaks:
    the same provisions with the same wording."""
    from ingest.loader import parse_file, wording_key
    from ingest.lawgo_admrul import split_run_on

    doc = next(d for d in load_manifest(Settings().manifest) if d.id == "notice-2026-50")
    shipped = doc.files[0]
    want = {u.cid: wording_key(u.text) for u in parse_file(doc, shipped, SOURCES / shipped.file)
            if u.level not in ("reasons", "form")}
    tmp = Path(__import__("tempfile").mkdtemp()) / "notice.xml"
    tmp.write_bytes(admrul_xml())
    from dataclasses import replace
    got = {u.cid: wording_key(u.text) for u in parse_file(doc, replace(shipped, format="lawgo-admrul-xml"), tmp)}
    assert got == want and len(got) > 40
    # A date inside a sentence is not an item: items are cut in sequence only.
    assert split_run_on("제9조(시행) 이 고시는 2026. 7. 21. 부터 시행한다. 1. 가 2. 나") == [
        "제9조(시행) 이 고시는 2026. 7. 21. 부터 시행한다.", "1. 가", "2. 나"]


def test_a_new_notice_version_from_admrul_joins_the_notices_history(api_settings, fake, tmp_path):
    from ingest.loader import parse_corpus

    s = api_settings(tmp_path / "data", fake)
    row = ADMRUL_LISTING[ADMRUL_LISTING.index("<admrul id"):ADMRUL_LISTING.index("</AdmRulSearch>")]
    new_row = (row.replace("2100000283290", "2100000299999").replace("<발령번호>2026-50<", "<발령번호>2026-80<")
               .replace("20260721", "20261201").replace("<현행연혁구분>현행<", "<현행연혁구분>시행예정<"))
    fake.routes[("lawSearch.do", "admrul", "인공지능제품ㆍ서비스 확인 절차 운영에 관한 고시", "", "XML")] = (
        200, ADMRUL_LISTING.replace("</AdmRulSearch>", new_row + "</AdmRulSearch>").encode("utf-8"), {})
    old, new = "신청 접수 후 15일 이내에 제1항에 따른 결정을", "신청 접수 후 10일 이내에 제1항에 따른 결정을"
    fake.routes[("lawService.do", "admrul", "2100000299999", "", "XML")] = (
        200, admrul_xml("2026-80", "20261201", "2100000299999", (old, new)), {})
    assert [(k.change, k.number) for k in check(s).new] == [("new-version", "2026-80")]
    report = update(s, index=False)
    assert [f.entry["version"] for f in report.fetched] == ["MSIT Notice No. 2026-80"]
    assert read_overlay(s).changes["notice-2026-50"] == [
        {"file": "notice.msit-2026-50.ai-product-confirmation.ko.txt", "effective_to": "2026-11-30"}]
    units = [u for u in parse_corpus(s).units if u.doc == "notice-2026-50"]

    def texts(cid: str, lang: str, day: str) -> list[str]:
        return [u.text for u in units if u.cid == cid and u.lang == lang and u.in_force(day)]

    assert ["15일 이내에" in t for t in texts("notice-2026-50:6:2", "ko", "2026-11-30")] == [True]
    assert ["10일 이내에" in t for t in texts("notice-2026-50:6:2", "ko", "2026-12-01")] == [True]
    # An article the new version left alone has one history, and keeps its English translation.
    art1 = [u for u in units if u.cid == "notice-2026-50:1" and u.lang == "ko"]
    assert len(art1) == 1 and art1[0].effective_from == "2026-07-21" and art1[0].source_file.startswith("lawgo/")
    assert len(texts("notice-2026-50:1", "en", "2026-12-20")) == 1


@pytest.mark.slow
def test_a_new_amendment_is_checked_fetched_indexed_diffed_and_answered(api_settings, fake, fresh_settings, kaia_main):
    """The issue's scenario: the API lists Act No. 21600 (a changed copy of the recorded text). `check` reports it,
    `update` fetches, parses and indexes it (only the Act re-indexed), `status` shows it, `kaia diff` shows the
    change, and answers cite the new wording from its enforcement date, with the versions they answer from."""
    s = api_settings(fresh_settings.data_dir, fake)
    fake.routes[("lawSearch.do", "eflaw", "014820", "", "XML")] = (
        200, eflaw_listing("014820", [new_act_row()]).encode("utf-8"), {})

    r = kaia_main(s, "sources", "check")
    assert r.returncode == 0, r.stderr
    assert "new version: Act No. 21600 (MST 290001), promulgated 2026-11-20, in force 2026-12-15 [시행예정]" in r.stdout
    st = kaia_main(s, "sources", "status").stdout
    assert "NEWER, not in the corpus yet: new version: Act No. 21600" in st
    ask = kaia_main(s, "ask", "제43조제1항은 무엇을 규정하나요?", "--json", "--as-of", "2026-12-16")
    versions = {v["doc"]: v for v in json.loads(ask.stdout)["versions"]}
    assert versions["act"]["version"] == "Act No. 21311"
    assert versions["act"]["newer_known"][0]["version"] == "Act No. 21600"
    text = kaia_main(s, "ask", "제43조제1항은 무엇을 규정하나요?", "--as-of", "2026-12-16").stdout
    assert text.rstrip().endswith("warning: answered from Act No. 21311; Act No. 21600 (in force 2026-12-15) is "
                                  "known but not indexed yet: run `kaia sources update`")

    # A fault with an index in place: the index and the data folder's sources stay as they were.
    gen_before = (s.index_root / "CURRENT").read_text()
    sources_before = tree(s.lawgo_dir)
    fake.routes[("lawService.do", "eflaw", NEW_MST, NEW_EF, "XML")] = (200, amended_act()[:40000], {})
    r = kaia_main(s, "sources", "update")
    assert r.returncode == 2 and "cut short" in r.stderr and "Traceback" not in r.stderr
    assert (s.index_root / "CURRENT").read_text() == gen_before and tree(s.lawgo_dir) == sources_before

    fake.routes[("lawService.do", "eflaw", NEW_MST, NEW_EF, "XML")] = (200, amended_act(), {})
    r = kaia_main(s, "sources", "update")
    assert r.returncode == 0, r.stderr
    assert "downloaded act: new version: Act No. 21600, in force 2026-12-15" in r.stdout
    assert "re-indexed act;" in r.stdout
    assert "kaia diff act --from 2026-12-14 --to 2026-12-15" in r.stdout
    assert (s.index_root / "CURRENT").read_text() != gen_before
    ov = read_overlay(s)
    assert ov.known == [] and [e["version"] for e in ov.files["act"]] == ["Act No. 21600"]
    assert {c["file"]: c["effective_to"] for c in ov.changes["act"]} == {"act.ko.2026-07-21.xml": "2026-12-14"}
    assert overlay_path(s).parent == s.data_dir / "sources"

    st = kaia_main(s, "sources", "status").stdout
    assert "indexed, takes effect 2026-12-15: ko Act No. 21600" in st and "NEWER" not in st

    d = kaia_main(s, "diff", "act", "--from", "2026-12-14", "--to", "2026-12-15", "--json")
    changes = json.loads(d.stdout)["changes"]
    assert [c["cid"] for c in changes if c["kind"] == "changed"] == ["act:43:1"]

    def answer(as_of: str) -> tuple[str, str, dict]:
        out = json.loads(kaia_main(s, "ask", "제43조제1항은 무엇을 규정하나요?", "--json", "--as-of", as_of).stdout)
        quotes = " ".join(c["quote"] for c in out["citations"] if c["doc"] == "act" and c["article"] == "43")
        return out["answer"], quotes, {v["doc"]: v for v in out["versions"]}

    before_text, before_quotes, before_v = answer("2026-12-14")
    after_text, after_quotes, after_v = answer("2026-12-15")
    # Before it takes effect the answer quotes the old wording whole: the lead sentence the amendment changed, and
    # the items it left alone (merged into the new text, cited from there).
    assert "3천만원 이하의 과태료를 부과한다." in before_quotes and "5천만원" not in before_text
    assert "제31조제1항을 위반하여 고지를 이행하지 아니한 자" in before_quotes
    assert "5천만원 이하의 과태료를 부과한다." in after_quotes and "3천만원" not in after_text
    old = kaia_main(s, "show", "제43조제1항", "--as-of", "2026-12-14").stdout
    assert "3천만원 이하의 과태료" in old and "5천만원" not in old
    assert before_v["act"]["version"] == "Act No. 21311" and after_v["act"]["version"] == "Act No. 21600"
    assert after_v["act"]["newer_known"] == [] and after_v["act"]["checked"]
    # The English translation of the provisions the amendment left alone stays in use after it takes effect.
    en = kaia_main(s, "show", "Art. 31(1)", "--lang", "en", "--as-of", "2026-12-20")
    assert en.returncode == 0 and "artificial intelligence" in en.stdout.lower()


# ------------------------------------------------------------------------------------------ the chat page


def test_the_page_line_names_versions_check_date_and_a_newer_version(api_settings, fake, tmp_path):
    from ui.render import versions_md

    s = api_settings(tmp_path / "data", fake)
    line = versions_md(status(s), "en")
    assert line.startswith("Law in force today, as indexed: AI Basic Act (Act No. 21311)")
    assert "Enforcement Decree (Presidential Decree No. 36580) · MSIT Notice No. 2026-50." in line
    assert "Never checked against law.go.kr" in line and "⚠" not in line
    ko = versions_md(status(s), "ko")
    assert "인공지능기본법 제21311호" in ko and "과학기술정보통신부 고시 제2026-50호." in ko and "확인한 적이 없습니다" in ko
    fake.routes[("lawSearch.do", "eflaw", "014820", "", "XML")] = (
        200, eflaw_listing("014820", [new_act_row()]).encode("utf-8"), {})
    check(s)
    line, ko = versions_md(status(s), "en"), versions_md(status(s), "ko")
    today = read_overlay(s).checked["act"][:10]
    assert f"Last checked against law.go.kr: {today}." in line
    assert "⚠ A newer version is known but not indexed yet: AI Basic Act No. 21600, in force 2026-12-15." in line
    y, m, d = (int(x) for x in today.split("-"))
    assert f"law.go.kr 최종 확인: {y}년 {m}월 {d}일." in ko and "인공지능기본법 제21600호, 2026년 12월 15일 시행" in ko


def test_the_chat_page_shows_the_versions_line(web_server):
    import urllib.request

    _, url = web_server
    with urllib.request.urlopen(url + "config", timeout=30) as resp:
        config = json.loads(resp.read().decode("utf-8"))
    line = next(c for c in config["components"] if c.get("props", {}).get("elem_id") == "kaia-versions")
    # Written on load in the page's language (the browser test reads it in Korean and in English).
    assert line["props"]["value"] == ""
    deps = [d for d in config["dependencies"] if line["id"] in d.get("outputs", [])]
    assert deps  # a private event (test_web checks the page's endpoints are the documented ones)
