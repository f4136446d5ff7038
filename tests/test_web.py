"""The chat page through its real server: `kaia ui` in a subprocess on a free loopback port, driven by gradio_client."""
from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import socket
import sqlite3
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import launch_server, make_settings, run_kaia, wait_for_server
from conftest import start_server, stop_server  # noqa: F401 - test_browser imports them from here

pytestmark = pytest.mark.slow

FINES_QUESTION = "What are the EU AI Act's fines?"
NOTIFY_QUESTION = "Do I have to tell users that my chatbot uses generative AI?"


@pytest.fixture(scope="module")
def auth_server(built_settings, tmp_path_factory):
    """A second server, with a password, over a copy of the index alone. Launched, not waited for: see `server`."""
    settings_dir = tmp_path_factory.mktemp("web-auth") / "data"
    shutil.copytree(built_settings.data_dir / "index", settings_dir / "index")
    proc, url = launch_server(make_settings(settings_dir), {"KAIA_AUTH": "team:s3cret-pass"})
    yield proc, url
    stop_server(proc)


@pytest.fixture(scope="module")
def server(web_server, auth_server):
    """The shared server over a private copy of the index (uploads change it). Asking for it also launches the
    password-protected server, which then starts while the other tests run instead of when its test comes."""
    return web_server


@pytest.fixture
def client(server, tmp_path):
    from gradio_client import Client

    return Client(server[1], verbose=False, analytics_enabled=False, download_files=str(tmp_path))


def ask(client, question: str, as_of: str = "", lang: str = "auto", docs: list[str] | None = None):
    history, sources, status, box = client.predict(question, [], lang, as_of, docs or [], "extractive",
                                                   api_name="/ask")
    return history, sources, status


def text_of(message: dict) -> str:
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


def plain(md: str) -> str:
    """Chat Markdown as it reads on screen (the page escapes Markdown punctuation with backslashes)."""
    return re.sub(r"\\(.)", r"\1", md)


# --------------------------------------------------------------------------------------- answers


def test_answer_has_markers_and_sources_with_marked_quotes(client):
    history, sources, status = ask(client, NOTIFY_QUESTION)
    assert [m["role"] for m in history] == ["user", "assistant"]
    answer = plain(text_of(history[-1]))
    assert "[1]" in answer and "Art. 31" in answer
    assert "Not found" not in answer
    assert 'class="kaia-src"' in sources and "kaia-abstain" not in sources
    assert "<mark>" in sources and "law.go.kr" in sources
    assert "한국어" in sources and "English" in sources  # both languages side by side
    assert re.search(r"in force \d{4}-\d{2}-\d{2} → ", sources)  # dates in force
    assert "Act · 법률" in sources  # authority from the document kind
    assert "citation" in status

    md_path = client.predict(api_name="/export_markdown")
    md = Path(md_path).read_text(encoding="utf-8")
    assert md_path.endswith(".md")
    # [1] is the duty (Act Art. 31(1)) or the decree article implementing it, whichever ranks first.
    assert "## Citations" in md and re.search(r"### \[1\] (AI Basic Act Art\. 31|Enforcement Decree Art\. 23)", md)
    assert "### [" in md and "AI Basic Act Art. 31" in md
    assert "Version: Act No." in md and "law.go.kr" in md and "Korean original" in md
    # Every quote of the export is the text marked in the sources panel.
    quotes = [line[2:] for line in md.splitlines() if line.startswith("> ")]
    assert quotes
    marked = re.findall(r"<mark>(.*?)</mark>", sources, flags=re.S)
    assert html.escape(quotes[0], quote=True) in marked


def test_korean_question_answers_in_korean(client):
    history, sources, _ = ask(client, "생성형 인공지능으로 만든 결과물에 표시를 해야 하나요?")
    answer = plain(text_of(history[-1]))
    assert "[1]" in answer and "인공지능기본법" in answer
    assert "<mark>" in sources


def test_abstention_looks_different(client):
    history, sources, status = ask(client, FINES_QUESTION)
    answer = plain(text_of(history[-1]))
    assert answer.startswith("**⚠️ Not found in the corpus**")
    assert not re.search(r"\[\d+\]", answer)  # no citation markers
    assert 'class="kaia-abstain"' in sources and "Not found in the corpus" in sources
    assert "Related provisions (not an answer)" in sources and "kaia-related" in sources
    assert 'class="kaia-src"' not in sources and "<mark>" not in sources
    assert "Not found" in status


def test_a_situation_question_leads_with_its_verdict(client, tmp_path):
    question = ("Nobody outside the company sees it: our AI assistant is used only by our accountants. "
                "Do we have to show an AI notice?")
    history, sources, status = ask(client, question)
    answer = plain(text_of(history[-1]))
    first = answer.splitlines()[0]
    assert "No" in first and "✗" in first  # the verdict on its own line, in words as well as a sign
    assert "internal business purposes" in answer and "[1]" in answer
    assert 'class="kaia-verdict kaia-verdict-no"' in sources and "Verdict" in sources
    md = Path(client.predict(api_name="/export_markdown")).read_text(encoding="utf-8")
    assert "**Verdict: ✗ No**" in md


def test_the_obligations_checker_through_the_page(client):
    question, checklist = client.predict("en", "2026-12-01", api_name="/check_start")[:2]
    assert "Question 1." in question and "offer the AI product or service to others" in question
    assert checklist.startswith("# AI Basic Act obligations checklist")
    question, checklist = client.predict("yes", "en", "2026-12-01", api_name="/check_answer")[:2]
    assert "Question 2." in question
    # A number where the question takes yes or no is refused with a message, and the checker carries on.
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="answer yes or no"):
        client.predict("12", "en", "2026-12-01", api_name="/check_answer")
    for _ in range(3):
        question, checklist = client.predict("", "en", "2026-12-01", api_name="/check_answer")[:2]
    assert "## Facts you gave" in checklist and "Depends" in checklist
    path = client.predict("en", "2026-12-01", api_name="/check_export")
    md = Path(path).read_text(encoding="utf-8")
    assert md.startswith("# AI Basic Act obligations checklist") and "AI Basic Act Art. 31(1)" in md
    ko = client.predict("ko", "", api_name="/check_start")[1]
    assert ko.startswith("# 인공지능기본법 의무 점검표")


def test_markup_in_a_question_is_inert(client):
    evil = "What is high-impact AI? <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))"
    history, sources, _ = ask(client, evil)
    assert "<script" not in sources and "<img" not in sources
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in sources
    user = text_of(history[0])
    assert "<script" not in user and "<img" not in user and "](javascript" not in user
    assert "&lt;script&gt;" in user


def test_bad_as_of_date_is_a_clear_error(client):
    from gradio_client.exceptions import AppError

    for bad in ("2026-13-01", "yesterday", "2026/08/20"):
        with pytest.raises(AppError, match="YYYY-MM-DD"):
            ask(client, NOTIFY_QUESTION, as_of=bad)
    _, sources, status = ask(client, "What does Art. 35(1) say?", as_of="2026-03-01")
    assert "law as of 2026-03-01" in sources and "2026-03-01" in status


def test_empty_question_is_refused(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="empty"):
        ask(client, "   ")


def test_several_users_at_once(client):
    questions = [NOTIFY_QUESTION, "고영향 인공지능 사업자의 의무는?", "What does Art. 31(1) require?",
                 "What must an operator of high-impact AI do to ensure safety and reliability?"] * 2
    t0 = time.perf_counter()
    jobs = [client.submit(q, [], "auto", "", [], "extractive", api_name="/ask") for q in questions]
    results = [job.result(timeout=120) for job in jobs]
    assert all("[1]" in plain(text_of(history[-1])) for history, *_ in results)
    assert time.perf_counter() - t0 < 60


# -------------------------------------------------------------------------------------- feedback


def test_feedback_is_stored_and_exported(server, client, tmp_path):
    settings, _ = server
    ask(client, NOTIFY_QUESTION, as_of="2026-08-20")
    status, comment = client.predict("=HYPERLINK(\"x\") [1] should be Art. 31(2)", api_name="/feedback_wrong_citation")
    assert "saved" in status and comment == ""
    client.predict("", api_name="/feedback_helpful")

    db = settings.data_dir / "feedback.sqlite"
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT created, kind, question, answer, citations, as_of, comment FROM feedback "
                           "ORDER BY id").fetchall()
    wrong = [r for r in rows if r[1] == "wrong-citation"][-1]
    created, kind, question, answer, citations, as_of, note = wrong
    assert question == NOTIFY_QUESTION and as_of == "2026-08-20" and "[1]" in answer
    assert re.match(r"\d{4}-\d{2}-\d{2}T", created)
    assert json.loads(citations)[0]["label"].startswith(("AI Basic Act Art. 31", "Enforcement Decree Art. 23"))
    assert note.startswith("=HYPERLINK")
    assert any(r[1] == "helpful" for r in rows)

    out = tmp_path / "feedback.jsonl"
    r = run_kaia(settings, "feedback", "export", "--out", str(out))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert any(x["kind"] == "wrong-citation" and x["citations"][0]["n"] == 1 for x in lines)

    r = run_kaia(settings, "feedback", "export", "--format", "csv")
    assert r.returncode == 0, r.stderr
    table = list(csv.DictReader(r.stdout.splitlines()))
    assert {"created", "kind", "question", "answer", "citations", "as_of", "comment"} <= set(table[0])
    # A comment that looks like a formula is defused for spreadsheets.
    assert any(row["comment"].startswith("'=HYPERLINK") for row in table)


def test_feedback_before_any_answer_is_refused(server, tmp_path):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    fresh = Client(server[1], verbose=False, analytics_enabled=False, download_files=str(tmp_path))
    with pytest.raises(AppError, match="Ask a question first"):
        fresh.predict("", api_name="/feedback_missing_information")


def test_feedback_db_is_not_reachable_from_the_page(server, client):
    settings, url = server
    endpoints = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert endpoints == {"/ask", "/export_markdown", "/feedback_helpful", "/feedback_wrong_citation",
                         "/feedback_missing_information", "/add_document", "/check_start", "/check_answer",
                         "/check_export", "/verify_document", "/what_changed"}
    db = (settings.data_dir / "feedback.sqlite").resolve()
    for path in (db, settings.data_dir.resolve() / "user-docs" / "registry.json"):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{url}gradio_api/file={path}", timeout=10)
        assert err.value.code in (403, 404)


def test_check_a_document_through_the_page(server, client, tmp_path):
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    memo = Path(__file__).parent / "data" / "memos" / "errors.en.md"
    head, marked, findings, report = client.predict("", handle_file(str(memo)), "", api_name="/verify_document")
    assert "errors.en.md" in head and "2026-03-01" in head and "1 not-found" in head
    spans = {d["token"]: d["class_or_confidence"] for d in marked} if isinstance(marked, list) else \
        {d["token"]: d["class_or_confidence"] for d in marked["value"]}
    assert spans["Article 31(5)"] == "not-found" and spans["Article 22-3"] == "not-in-force"
    assert "figure-mismatch" in findings and "30 million won" in findings  # the law's wording beside it
    text = Path(report).read_text(encoding="utf-8")
    assert text.startswith("# Citation check: errors.en.md") and "| 5 | Article 31(5) |" in text
    pasted = client.predict("Under Art. 31(1) <script>x</script>, notify users in advance.", None, "2026-09-01",
                            api_name="/verify_document")
    assert "1 ok" in pasted[0] and "<script>" not in pasted[2]
    with pytest.raises(AppError, match="Paste a text or upload a file"):
        client.predict("   ", None, "", api_name="/verify_document")
    bad = tmp_path / "memo.exe"
    bad.write_bytes(b"MZ")
    with pytest.raises(AppError, match="unsupported file type"):
        client.predict("", handle_file(str(bad)), "", api_name="/verify_document")
    with pytest.raises(AppError, match="YYYY-MM-DD"):
        client.predict("Art. 31(1)", None, "1 March", api_name="/verify_document")


def test_what_changed_through_the_page(server, client):
    from gradio_client.exceptions import AppError

    text, download = client.predict("decree", "2026-03-01", "2026-08-20", "en", api_name="/what_changed")
    assert "Enforcement Decree Art. 2 item 2(b) — changed · in force from 2026-08-20" in text
    assert "<del>제21조제2항에</del>" in text and "<ins>제21조제4항에</ins>" in text
    assert Path(download).read_text(encoding="utf-8").strip() == text.strip()
    ko, _ = client.predict("Art. 35(1)", "2026-03-01", "2026-08-01", "ko", api_name="/what_changed")
    assert "인공지능기본법 제35조제1항 — 개정 · 2026년 7월 21일 시행" in ko  # dates the Korean way on the page
    assert "2026년 3월 1일" in ko and "2026-03-01" not in ko
    with pytest.raises(AppError, match="names no document or provision"):
        client.predict("<b>Art. 99</b>", "2026-03-01", "2026-08-01", "en", api_name="/what_changed")
    with pytest.raises(AppError, match="YYYY-MM-DD"):
        client.predict("decree", "March", "2026-08-01", "en", api_name="/what_changed")


# ------------------------------------------------------------------------------------- the page in Korean


@pytest.fixture
def ko_client(server, tmp_path):
    """A client whose requests say what a Korean browser says: Accept-Language ko."""
    from gradio_client import Client

    return Client(server[1], verbose=False, analytics_enabled=False, download_files=str(tmp_path),
                  headers={"Accept-Language": "ko-KR,ko;q=0.9,en-US;q=0.8"})


def test_a_korean_browser_gets_korean_status_sources_and_export(ko_client):
    history, sources, status = ask(ko_client, NOTIFY_QUESTION)
    assert re.search(r"인용 \d+건 · \d{4}년 \d{1,2}월 \d{1,2}일 기준 법령", status), status
    assert "citation" not in status and "law as of" not in sources
    # Korean provision labels lead each card, the English twin (label and text) is one click away.
    first = re.search(r"<summary>(.*?)</summary>", sources).group(1)
    assert re.search(r"(인공지능기본법|시행령) 제\d+조", first) and "Art." not in first, first
    assert 'class="kaia-twin"' in sources and "영문 번역 보기: " in sources and "AI Basic Act Art. 31" in sources
    assert re.search(r"시행 \d{4}년 \d{1,2}월 \d{1,2}일 → ", sources)
    assert "법률 · Act" in sources
    assert re.search(r"발행: (국회 제정 법률|대통령령)", sources) and "Authority:" not in sources
    md = Path(ko_client.predict(api_name="/export_markdown")).read_text(encoding="utf-8")
    assert md.startswith("# kaia 답변") and "## 인용 조문" in md and "**질문:**" in md
    assert "## Citations" not in md

    history, sources, status = ask(ko_client, FINES_QUESTION)
    assert plain(text_of(history[-1])).startswith("**⚠️ 자료에서 찾지 못했습니다**")
    assert 'class="kaia-abstain"' in sources and "⚠ 자료에서 찾지 못했습니다" in sources
    assert "관련 조항 (답변이 아님)" in sources and "자료에서 찾지 못했습니다" in status


def test_korean_errors_and_the_switch_cookie(server, ko_client, tmp_path):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="질문이 비어"):
        ask(ko_client, "  ")
    with pytest.raises(AppError, match="YYYY-MM-DD"):
        ask(ko_client, NOTIFY_QUESTION, as_of="2026/08/20")
    with pytest.raises(AppError, match="먼저 질문하세요"):
        ko_client.predict("", api_name="/feedback_helpful")
    # The page's switch (its cookie) wins over the browser's language, both ways.
    en = Client(server[1], verbose=False, analytics_enabled=False, download_files=str(tmp_path),
                headers={"Accept-Language": "ko-KR", "Cookie": "kaia_lang=en"})
    assert "citation(s) · law as of" in ask(en, NOTIFY_QUESTION)[2]
    ko = Client(server[1], verbose=False, analytics_enabled=False, download_files=str(tmp_path),
                headers={"Accept-Language": "en-US", "Cookie": "kaia_lang=ko"})
    assert "기준 법령" in ask(ko, NOTIFY_QUESTION)[2]


def test_check_a_document_in_korean(ko_client):
    """A Korean browser gets the citation check's summary, statuses, details and report in Korean (the
    highlighted spans keep their status names: they are the page's API)."""
    from gradio_client import handle_file

    memo = Path(__file__).parent / "data" / "memos" / "errors.en.md"
    head, marked, findings, report = ko_client.predict("", handle_file(str(memo)), "", api_name="/verify_document")
    assert "2026년 3월 1일 기준 법령" in head and "1 없는 조항" in head and "not-found" not in head
    assert "[없는 조항]" in findings and "그런 조항은 없습니다. 가장 가까운 조항:" in findings
    assert "[수치 불일치]" in findings and "인용한 조항의 수치가 아닙니다" in findings
    assert "no such provision" not in findings and "not a figure" not in findings
    text = Path(report).read_text(encoding="utf-8")
    assert text.startswith("# 인용 점검: errors.en.md") and "| 줄 | 인용 | 조항 | 결과 | 설명 |" in text
    assert "## 법령 문언" in text and "Citation check" not in text


def test_the_korean_checklist_writes_dates_the_korean_way(ko_client):
    checklist = ko_client.predict("ko", "2026-12-01", api_name="/check_start")[1]
    assert checklist.startswith("# 인공지능기본법 의무 점검표") and "2026년 12월 1일" in checklist
    assert "2026-12-01" in ko_client.predict("en", "2026-12-01", api_name="/check_start")[1]


def _is_key(value, keys: set[str]) -> bool:
    """A Gradio i18n marker naming a key of the tables (as a dict or in its string form)."""
    if isinstance(value, dict):
        return value.get("__type__") == "translation_metadata" and value.get("key") in keys
    if isinstance(value, str) and value.startswith("__i18n__"):
        return json.loads(value[len("__i18n__"):]).get("key") in keys
    return False


def test_no_interface_text_outside_the_translation_tables(server):
    """Every label, placeholder, info, button text, Markdown text and choice name of the page is a key of
    ui/i18n.toml, translated by Gradio: a literal string here would show in one language only."""
    from ui.i18n import tables

    keys = set(tables()["en"])
    _, url = server
    with urllib.request.urlopen(url + "config", timeout=10) as r:
        config = json.load(r)
    assert _is_key(config["title"], keys)
    # Data, not interface text: the documents' names (from the corpus) and the example questions.
    data_choices = {"kaia-docs"}
    literal = []
    for comp in config["components"]:
        props, kind = comp.get("props", {}), comp["type"]
        where = f"{kind} {props.get('elem_id') or comp['id']}"
        for name in ("label", "placeholder", "info"):
            if props.get(name) not in (None, "") and not _is_key(props[name], keys):
                literal.append((where, name, props[name]))
        # (A download button's value is its file; its text is the label, checked above.)
        if kind in ("button", "uploadbutton", "markdown") and props.get("value") not in (None, "") \
                and not _is_key(props["value"], keys):
            literal.append((where, "value", props["value"]))
        if kind in ("radio", "dropdown") and props.get("elem_id") not in data_choices:
            for label, _ in props.get("choices") or []:
                if not _is_key(label, keys):
                    literal.append((where, "choice", label))
    assert literal == []


# ----------------------------------------------------------------------------------------- uploads


def _index_state(settings) -> tuple[str, str]:
    current = (settings.data_dir / "index" / "CURRENT").read_text()
    reg = settings.data_dir / "user-docs" / "registry.json"
    return current, reg.read_text() if reg.exists() else ""


def test_upload_with_a_wrong_extension_is_refused(server, client, tmp_path):
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    settings, _ = server
    before = _index_state(settings)
    bad = tmp_path / "policy.docx"
    bad.write_bytes(b"PK\x03\x04 not really a document")
    with pytest.raises(AppError, match=r"policy\.docx: unsupported file type \.docx; use PDF, \.txt, \.md or \.html"):
        client.predict(handle_file(str(bad)), api_name="/add_document")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(AppError, match="empty"):
        client.predict(handle_file(str(empty)), api_name="/add_document")
    assert _index_state(settings) == before


def test_uploaded_text_is_searchable_at_once_and_cited(server, client, tmp_path):
    from gradio_client import handle_file

    settings, _ = server
    doc = tmp_path / "zorblax policy.txt"
    doc.write_text("Zorblax Widget Policy\n\nEvery team that deploys a zorblax model must register it with the "
                   "compliance desk within 14 days of deployment.\n\nThe compliance desk reviews the zorblax "
                   "register every quarter.\n", encoding="utf-8")
    status, docs_update, cleared = client.predict(handle_file(str(doc)), api_name="/add_document")
    assert "searchable now" in status
    doc_id = re.search(r"as (user/[\w-]+)", status).group(1)
    assert doc_id in [v for _, v in docs_update["choices"]]
    stored = list((settings.data_dir / "user-docs").glob("zorblax-policy-*.txt"))
    assert len(stored) == 1  # stored under its own name in the data folder

    history, sources, _ = ask(client, "Within how many days must a team register a zorblax model?")
    answer = plain(text_of(history[-1]))
    assert "[1]" in answer and "14 days" in answer
    assert "zorblax policy.txt" in sources and "User document" in sources and "<mark>" in sources
    _, sources, _ = ask(client, "How often is the zorblax register reviewed?", docs=[doc_id])
    assert "every quarter" in sources


def test_uploaded_pdf_is_cited_with_page_numbers(server, client, tmp_path):
    from gradio_client import handle_file
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "quokka-handbook.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.drawString(72, 760, "Quokka handbook, page one: general introduction to the team.")
    c.showPage()
    c.drawString(72, 760, "Every quokka pipeline must be audited by the ethics board twice a year.")
    c.showPage()
    c.save()
    status, _, _ = client.predict(handle_file(str(pdf)), api_name="/add_document")
    assert "searchable now" in status
    history, sources, _ = ask(client, "How often must a quokka pipeline be audited by the ethics board?")
    answer = plain(text_of(history[-1]))
    assert "[1]" in answer and "p. 2" in answer
    assert "p. 2" in sources and "twice a year" in sources


# -------------------------------------------------------------------------------------------- auth


def test_password_protection(auth_server, tmp_path):
    from gradio_client import Client
    from gradio_client.exceptions import AuthenticationError

    proc, url = auth_server
    wait_for_server(proc, url)
    for path, data in (("config", None), ("gradio_api/info", None),
                       ("gradio_api/call/ask", json.dumps({"data": [NOTIFY_QUESTION, [], "auto", "", [],
                                                                    "extractive"]}).encode())):
        req = urllib.request.Request(url + path, data=data, headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=10)
        assert err.value.code == 401, path
    with pytest.raises(AuthenticationError, match="credentials were not provided"):
        Client(url, verbose=False, analytics_enabled=False, download_files=str(tmp_path))
    with pytest.raises(ValueError, match="Could not login"):
        Client(url, auth=("team", "wrong"), verbose=False, analytics_enabled=False,
               download_files=str(tmp_path))
    ok = Client(url, auth=("team", "s3cret-pass"), verbose=False, analytics_enabled=False,
                download_files=str(tmp_path))
    history, *_ = ok.predict(NOTIFY_QUESTION, [], "auto", "", [], "extractive", api_name="/ask")
    assert "[1]" in plain(text_of(history[-1]))


def test_ui_refuses_a_bad_port_setting(built_settings):
    r = run_kaia(built_settings, "ui", "--port", "70000")
    assert r.returncode == 2 and "out of range" in r.stderr


def test_server_binds_loopback_only(server):
    _, url = server
    assert url.startswith("http://127.0.0.1:")
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    # Not reachable on another address of this machine (if it has one).
    addrs = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
    for addr in addrs:
        if addr.startswith("127."):
            continue
        with socket.socket() as s:
            s.settimeout(2)
            assert s.connect_ex((addr, port)) != 0
    assert os.environ.get("GRADIO_SHARE", "").lower() not in ("true", "1")
