"""`kaia verify`: the citations of a document someone else wrote, checked against the law in force on its date.

The memos in tests/data/memos were written for this test: two correct ones (English, Korean) and two with one
planted error a line, each of a different kind."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from corpus.citations import find_references

MEMOS = Path(__file__).parent / "data" / "memos"


# ----------------------------------------------------------------------------- references (no index)

@pytest.mark.parametrize("text, cids", [
    ("법 제31조제1항에 따르면", ["act:31:1"]),
    ("같은 법 시행령 제23조제1항제2호에서", ["decree:23:1:2"]),
    ("「인공지능기본법」 제36조는", ["act:36"]),
    ("「인공지능 발전과 신뢰 기반 조성 등에 관한 기본법」 시행령 제29조", ["decree:29"]),
    ("Article 31(1) requires", ["act:31:1"]),
    ("Art. 31 para. 1 says", ["act:31:1"]),
    ("Article 2 subparagraph 4 (g)", ["act:2::4:g"]),
    ("subparagraph 4 of Article 2", ["act:2::4"]),
    ("item 2 of paragraph (1) of Article 29 of the Enforcement Decree", ["decree:29:1:2"]),
    ("Decree Art. 23(1)2", ["decree:23:1:2"]),
    ("Annex 2 item 2 sets the amounts", ["decree:annex-2:2"]),
    ("Enforcement Decree Addenda (No. 36053) Art. 1", ["decree:addenda-36053:1"]),
    ("법 부칙 <제21311호>", ["act:addenda-21311"]),
    ("법 제31조제1항 및 제2항, 같은 조 제3항", ["act:31:1", "act:31:2", "act:31:3"]),
    ("Article 31(1) and (2); paragraph 3 of the same Article", ["act:31:1", "act:31:2", "act:31:3"]),
    ("Articles 31 and 32 of the Act", ["act:31", "act:32"]),
    ("Article 6(2)7 and 8", ["act:6:2:7", "act:6:2:8"]),
    ("Decree Art. 29(1) item 2 or item 3", ["decree:29:1:2", "decree:29:1:3"]),
    ("시행령 제23조 및 같은 영 제24조", ["decree:23", "decree:24"]),
    ("Article 31 of the Enforcement Decree", ["decree:31"]),
    ("Article 31(1) of the AI Basic Act", ["act:31:1"]),
    # other statutes are not this law's provisions, nor are the lists and relative references that follow them
    ("「개인정보 보호법」 제15조와 같은 법 제17조", []),
    ("개인정보 보호법 제15조에 따라", []),
    ("「개인정보 보호법」 제29조, 제30조 및 제31조의2", []),
    ("Article 15 of the Personal Information Protection Act", []),
    ("Art. 8(4) or 12(3) of the Digital Medical Products Act", []),
    ("the EU AI Act Article 50", []),
    ("지능정보화 기본법 제2조", []),
    ("같은 항 제2호", []),  # nothing before it to resolve it from
    ("「개인정보 보호법」은 동의를 요구한다. 한편 인공지능기본법 제31조제1항은 고지를 요구한다.", ["act:31:1"]),
    ("법 제 \n31조 제 3항", ["act:31:3"]),  # a reference broken over a line
    ("제2조제4호이목", ["act:2::4"]),  # 이 is no 목 letter
])
def test_references_as_people_write_them(text, cids):
    assert [r.citation.cid for r in find_references(text)] == cids


def test_a_title_given_with_a_reference():
    (ref,) = find_references("Article 36 (Designation of Domestic Agents) binds foreign operators")
    assert (ref.citation.cid, ref.title) == ("act:36", "Designation of Domestic Agents")
    (ref,) = find_references("Article 31 (in force from 2026) applies")
    assert ref.title == ""  # a remark in brackets is no title


@given(st.text(alphabet=st.one_of(st.sampled_from(list("제조항호목의법시행령같은 Art.icle()0123456789,;:「」\"“”\n-ab")),
                                  st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)), max_size=200))
def test_the_reference_finder_never_raises(text):
    for r in find_references(text):
        assert 0 <= r.start < r.end <= len(text)


# ----------------------------------------------------------------------------- the memos (real index)

@pytest.fixture(scope="module")
def checker(store):
    from assistant.citecheck import CitationChecker

    return CitationChecker(store)


@pytest.mark.parametrize("memo", ["correct.en.md", "correct.ko.md"])
def test_a_correct_memo_is_all_ok(checker, memo):
    report = checker.check((MEMOS / memo).read_text(encoding="utf-8"))
    assert (report.as_of, report.as_of_source) == ("2026-09-01", "document")
    assert len(report.findings) >= 9
    assert [(f.line, f.text, f.detail) for f in report.findings if f.status != "ok"] == []


PLANTED = [
    (5, "not-found", "act:31:5", "nearest"),
    (6, "not-in-force", "act:22-3", "in force from 2026-07-21"),
    (7, "quote-differs", "act:31:1", None),
    (8, "figure-mismatch", "act:43:1", "30,000,000"),
    (9, "title-mismatch", "act:36", None),
    (10, "figure-mismatch", "decree:24:1", None),  # a decree article cited for what Art. 29(1) says
]


@pytest.mark.parametrize("memo", ["errors.en.md", "errors.ko.md"])
def test_each_planted_error_is_reported_and_nothing_else(checker, memo):
    report = checker.check((MEMOS / memo).read_text(encoding="utf-8"))
    assert report.as_of == "2026-03-01"  # the memo's own date: Art. 22-3 was not yet in force
    got = [(f.line, f.status, f.cid) for f in report.findings]
    assert got == [(line, status, cid) for line, status, cid, _ in PLANTED]
    for f, (_, _, _, words) in zip(report.findings, PLANTED):
        if words:
            assert words in f.detail, f.detail
    detail = {f.line: f.detail for f in report.findings}
    assert ("shall" in detail[7] and "may" in detail[7]) or ("고지하여야" in detail[7] and "고지할 수 있다" in detail[7])
    assert ("Art. 32" in detail[9]) or ("제32조" in detail[9])  # the title given is Art. 32's
    assert ("Art. 29(1)" in detail[10]) or ("제29조제1항" in detail[10])  # where the figure is stated
    assert report.counts == {"not-found": 1, "not-in-force": 1, "title-mismatch": 1, "quote-differs": 1,
                             "figure-mismatch": 2, "ok": 0}


def test_the_date_asked_for_wins_and_today_is_the_fallback(checker):
    text = (MEMOS / "errors.en.md").read_text(encoding="utf-8")
    late = checker.check(text, as_of="2026-08-01")
    assert late.as_of_source == "given"
    assert next(f for f in late.findings if f.cid == "act:22-3").status == "ok"
    undated = checker.check("Under Article 22-3, the Minister may set up research institutes.", today="2026-02-01")
    assert (undated.as_of, undated.as_of_source, undated.findings[0].status) == ("2026-02-01", "today", "not-in-force")
    said = checker.check("Article 22-3 enters into force on 21 July 2026.", today="2026-02-01")
    assert said.findings[0].status == "ok"  # it says when the provision takes effect


def test_an_unnamed_article_after_another_statute_is_that_statute_s_if_this_law_lacks_it(checker):
    text = ("공직선거법\n- 누구든지 선거일 전 90일부터 딥페이크 영상 등을 게시하는 것이 금지(제82조의8)\n"
            "The Framework Act on Intelligent Informatization's measures count as the plan of Art. 34(1)1.")
    report = checker.check(text, as_of="2026-09-01")
    assert [(f.cid, f.status) for f in report.findings] == [("act:34:1:1", "ok")]
    (ref,) = [r for r in find_references(text) if r.citation.article == "82-8"]
    assert ref.other_nearby


def test_a_title_tells_which_law_an_unnamed_article_is(checker):
    report = checker.check("제9조(인공지능정책센터의 지정)에 따른 지정 요건을 검토했다.", as_of="2026-09-01")
    assert [(f.cid, f.status) for f in report.findings] == [("decree:9", "ok")]
    report = checker.check("제9조(비안전등급)을 검토했다.", as_of="2026-09-01")
    assert report.findings[0].status == "title-mismatch"


def test_relative_references_resolve_and_quotes_on_their_own_line(checker):
    text = ("Art. 31(1) provides:\n“An artificial intelligence business operator that intends to provide a product "
            "or service using high-impact artificial intelligence or generative artificial intelligence may notify "
            "the user in advance.”\nParagraph 2 of the same Article requires a label.")
    report = checker.check(text, as_of="2026-09-01")
    assert [(f.cid, f.status) for f in report.findings] == [("act:31:1", "quote-differs"), ("act:31:2", "ok")]


def test_a_reference_inside_a_quotation_holding_its_own_quotation_is_the_quoted_texts(checker):
    """A guideline quoted with its own inner quotation ("(이하 “법”) 제35조에 따라"): the article it names is part of
    the quoted words, not the provision they are attributed to."""
    text = ("과기정통부 인공지능 영향평가 가이드라인: “｢인공지능 발전과 신뢰 기반 조성 등에 관한 기본법｣(이하 “법”) 제35조에 따라, "
            "고영향 인공지능 제품 또는 서비스를 제공하는 인공지능사업자는 해당 제품ㆍ서비스에 대한 영향평가 수행에 노력할 것을 권장”")
    report = checker.check(text, as_of="2026-09-01")
    assert all(f.status != "quote-differs" for f in report.findings)


# ----------------------------------------------------------------------------- files and the command


def _word_file(path: Path, lines: list[str]) -> Path:
    from docx import Document

    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Fine"
    table.rows[0].cells[1].text = "Art. 43(1): up to KRW 50 million"
    doc.save(str(path))
    return path


def _pdf_file(path: Path, lines: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        c.drawString(40, y, line)
        y -= 16
    c.save()
    return path


def test_every_format_reads_the_same_references(built_settings, tmp_path, kaia_main):
    lines = ["Date: 1 March 2026", "Article 31(5) requires a watermark.", "Article 33(1) requires a review."]
    html = tmp_path / "memo.html"
    html.write_text("<html><body>" + "".join(f"<p>{ln}</p>" for ln in lines) + "<script>Art. 99</script></body></html>",
                    encoding="utf-8")
    files = [_word_file(tmp_path / "memo.docx", lines), _pdf_file(tmp_path / "memo.pdf", lines), html]
    for f in files:
        out = kaia_main(built_settings, "verify", str(f), "--json")
        assert out.returncode == 1, (f.name, out.stderr)
        data = json.loads(out.stdout)
        assert data["as_of"] == "2026-03-01"
        statuses = [(r["cid"], r["status"]) for r in data["references"]]
        assert ("act:31:5", "not-found") in statuses and ("act:33:1", "ok") in statuses, (f.name, statuses)
        if f.suffix == ".docx":  # the table's cell is read too
            assert ("act:43:1", "figure-mismatch") in statuses
        assert set(data["references"][0]) == {"line", "text", "cid", "label", "status", "detail", "law_text"}


def test_cli_exit_codes_report_and_stdin(built_settings, tmp_path, kaia_main, monkeypatch):
    import io
    import sys

    from conftest import run_kaia

    good = kaia_main(built_settings, "verify", str(MEMOS / "correct.en.md"))
    assert good.returncode == 0, good.stdout + good.stderr
    assert "law as of 2026-09-01 (the document's own date)" in good.stdout and "[ok]" in good.stdout
    bad = kaia_main(built_settings, "verify", str(MEMOS / "errors.ko.md"), "--lang", "en")
    assert bad.returncode == 1
    assert "[not-found]" in bad.stdout and "Art. 31(1)" in bad.stdout  # labels in the language asked for
    piped = run_kaia(built_settings, "verify", "-", "--as-of", "2026-02-01", "--json",
                     input="Article 22-3 lets the Minister set up research institutes.")
    assert piped.returncode == 1, piped.stderr
    assert json.loads(piped.stdout)["references"][0]["status"] == "not-in-force"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n ")))
    none = kaia_main(built_settings, "verify", "-")
    assert none.returncode == 2 and "no text" in none.stderr


def _encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = _pdf_file(path.with_suffix(".plain.pdf"), ["Article 31(1)"])
    w = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        w.add_page(page)
    w.encrypt("secret")
    with path.open("wb") as fh:
        w.write(fh)
    return path


def test_bad_files_get_one_line_and_touch_nothing(built_settings, tmp_path, kaia_main):
    from conftest import run_kaia

    cases = {
        "empty.txt": (b"", "the file is empty"),
        "garbage.txt": (bytes(range(256)) * 4, "not UTF-8 text"),
        "nul.md": (b"Article 31\x00\x00\x00", "binary data"),
        "broken.pdf": (b"%PDF-1.7 this is not a pdf", "not a readable PDF"),
        "fake.pdf": (b"hello", "not a PDF file"),
        "broken.docx": (b"PK\x03\x04 not a word file", "not a readable Word"),
        "setup.exe": (b"MZ\x90\x00", "unsupported file type"),
    }
    index_before = sorted(p.name for p in built_settings.index_root.iterdir())
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        out = kaia_main(built_settings, "verify", str(path))
        assert out.returncode == 2, (name, out.stdout, out.stderr)
        assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1, (name, out.stderr)
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(30 * 1024 * 1024)
    out = kaia_main(built_settings, "verify", str(big))
    assert out.returncode == 2 and "over the 20 MB limit" in out.stderr
    locked = run_kaia(built_settings, "verify", str(_encrypted_pdf(tmp_path / "locked.pdf")))
    assert locked.returncode == 2 and "encrypted" in locked.stderr and "Traceback" not in locked.stderr
    missing = kaia_main(built_settings, "verify", str(tmp_path / "nope.md"))
    assert missing.returncode == 2 and "file not found" in missing.stderr
    plain = tmp_path / "plain.txt"
    plain.write_text("A memo about lunch, citing nothing.", encoding="utf-8")
    out = kaia_main(built_settings, "verify", str(plain))
    assert out.returncode == 0 and "no reference to the AI Basic Act" in out.stdout
    assert sorted(p.name for p in built_settings.index_root.iterdir()) == index_before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.one_of(st.sampled_from(list("제조항호목의법시행령같은 Art.icleAnnex()0123456789만원억,:\"“”\n「」|-")),
                                  st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)), max_size=300))
def test_checking_any_text_never_raises(checker, text):
    report = checker.check(text, as_of="2026-09-01")
    assert set(report.counts) >= {"ok", "not-found"}
    assert all(f.status in report.counts for f in report.findings)


def test_kaia_verify_agrees_with_kaias_own_answers(store, built_settings, checker):
    """Every citation in kaia's answers to the project's questions is one `kaia verify` finds ok (every third question
    here; `eval/verify_answers.py` runs every set whole)."""
    from assistant.chain import Assistant
    from eval.verify_answers import check_answers, read_questions

    questions = read_questions(Path(__file__).parent.parent / "eval" / "questions.jsonl")[::3]
    counts, bad = check_answers(Assistant(built_settings, store), checker, questions)
    assert sum(counts.values()) > 500
    assert bad == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html", ".pdf", ".docx"]))
def test_reading_any_bytes_gives_text_or_one_clear_error(tmp_path, data, suffix):
    from ingest.blocks import ParseError
    from ingest.passages import read_document

    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        assert isinstance(read_document(path), str)
    except ParseError as exc:
        assert str(exc).startswith("fuzz") and "\n" not in str(exc)


def test_a_reader_that_stops_early_gets_no_traceback(built_settings, tmp_path):
    import subprocess
    import sys

    from conftest import ROOT, cli_env

    memo = tmp_path / "long.md"
    memo.write_text("Article 31(5) requires a watermark.\n" * 3000, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "verify", str(memo)], cwd=ROOT, env=cli_env(built_settings),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(100)
    proc.stdout.close()  # `kaia verify long.md | head -c 100`
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 1 and b"Traceback" not in err, err.decode()
