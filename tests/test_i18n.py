"""The interface text tables (ui/i18n.toml) and the language helpers: no server, no index."""
from __future__ import annotations

import pytest

from ui.i18n import LANGS, I18nFileError, accept_language, fmt_date, load, norm, request_lang, t, tables


def test_both_tables_have_the_same_keys_and_no_empty_text():
    tabs = tables()
    assert set(tabs) == set(LANGS)
    assert set(tabs["en"]) == set(tabs["ko"])
    for lang in LANGS:
        empty = [k for k, v in tabs[lang].items() if not v.strip()]
        assert not empty, (lang, empty)
    # The Korean table is Korean: apart from names and formats, its texts are written in Hangul.
    same = {k for k in tabs["en"] if tabs["en"][k] == tabs["ko"][k]}
    assert same <= {"lang_en", "date_placeholder", "src_unknown_date"}, same


@pytest.mark.parametrize("body, message", [
    ('[a]\nen = "A"\n', "exactly en and ko"),
    ('[a]\nen = "A"\nko = " "\n', "ko is empty"),
    ('[a]\nen = "{n} items"\nko = "항목"\n', "different placeholders"),
    ('[a]\nen = "A"\nko = "가"\nfr = "A"\n', "exactly en and ko"),
])
def test_a_broken_table_is_refused(tmp_path, body, message):
    path = tmp_path / "i18n.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(I18nFileError, match=message):
        load(path)


def test_gradio_gets_every_text_it_can_show_and_none_with_placeholders():
    from ui.i18n import gr_i18n

    tr = gr_i18n().translations_dict
    assert set(tr) == set(LANGS) and set(tr["en"]) == set(tr["ko"])
    assert "tab_ask" in tr["ko"] and tr["ko"]["tab_ask"] == "질문하기"
    assert "status_ok" not in tr["en"]  # filled on the server only
    assert all("{" not in v for lang in LANGS for v in tr[lang].values())


def test_languages_dates_and_requests():
    assert norm("ko-KR") == "ko" and norm("ko") == "ko" and norm("en-GB") == "en" and norm(None) == "en"
    assert norm("fr") == "en"
    assert accept_language("ko-KR,ko;q=0.9,en-US;q=0.8") == "ko"
    assert accept_language("fr-FR,en;q=0.5,ko;q=0.9") == "ko"  # by weight, not by position
    assert accept_language("de-DE") == "en" and accept_language("") == "en"
    assert fmt_date("2026-07-21", "ko") == "2026년 7월 21일"
    assert fmt_date("2026-07-21", "en") == "2026-07-21"
    assert fmt_date("", "ko") == "" and fmt_date("soon", "ko") == "soon"
    assert t("status_ok", "ko", n=2, date="2026년 7월 21일", ms="9") == "인용 2건 · 2026년 7월 21일 기준 법령 · 9 ms"

    class Req:
        def __init__(self, cookies: dict, headers: dict) -> None:
            self.cookies, self.headers = cookies, headers

    assert request_lang(None) == "en"
    assert request_lang(Req({}, {"accept-language": "ko-KR"})) == "ko"
    assert request_lang(Req({"kaia_lang": "en"}, {"accept-language": "ko-KR"})) == "en"  # the switch wins
    assert request_lang(Req({"kaia_lang": "xx"}, {"accept-language": "ko"})) == "ko"


def test_exported_answer_headings_follow_the_interface_language():
    from ui.render import answer_markdown

    record = {"question": "표시 의무가 있나요?", "answer": "예. 사전에 고지해야 합니다 [1].", "as_of": "2026-07-21",
              "lang": "ko", "mode": "extractive", "verdict": "yes", "abstained": False, "related": [],
              "citations": [{"n": 1, "label": "AI Basic Act Art. 31(1)", "label_ko": "인공지능기본법 제31조제1항",
                             "version": "Act No. 20676", "effective_from": "2026-01-22", "effective_to": None,
                             "page": None, "url": "https://www.law.go.kr/", "quote": "사전에 고지", "lang": "ko"}]}
    ko = answer_markdown(record, "ko")
    assert ko.startswith("# kaia 답변") and "## 인용 조문" in ko and "**결론: ✓ 예**" in ko
    assert "### [1] 인공지능기본법 제31조제1항 / AI Basic Act Art. 31(1)" in ko
    assert "시행 2026년 1월 22일 → 현재" in ko and "**기준일:** 2026년 7월 21일" in ko
    en = answer_markdown(record, "en")
    assert en.startswith("# kaia answer") and "## Citations" in en and "**Verdict: ✓ Yes**" in en
    assert "### [1] AI Basic Act Art. 31(1) / 인공지능기본법 제31조제1항" in en
    assert "in force 2026-01-22 → now" in en


def test_no_korean_interface_text_is_hard_coded_in_the_page_code():
    """Korean text in the page's code would be one language's only: it belongs in ui/i18n.toml. (The example
    questions are data; docstrings are not shown. English literals passed to components are caught by
    test_web.test_no_interface_text_outside_the_translation_tables.)"""
    import ast
    import re
    from pathlib import Path

    ui = Path(__file__).resolve().parent.parent / "ui"
    hangul = re.compile("[\uac00-\ud7a3]")
    found = []
    for path in (ui / "web.py", ui / "render.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed: set[int] = set()
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                    and isinstance(body[0].value, ast.Constant):
                allowed.add(id(body[0].value))  # a docstring
            if isinstance(node, ast.Assign) and any(getattr(x, "id", "") == "EXAMPLES" for x in node.targets):
                allowed |= {id(n) for n in ast.walk(node.value)}
        found += [(path.name, n.lineno, n.value) for n in ast.walk(tree)
                  if isinstance(n, ast.Constant) and isinstance(n.value, str) and hangul.search(n.value)
                  and id(n) not in allowed]
    assert found == []


def _parse_errors(tmp_path):  # noqa: ANN202 - the ParseErrors a user's file can meet, each made for real
    from ingest.blocks import ParseError
    from ingest.passages import docx_text, pdf_pages, read_document, text_of_bytes
    from ingest.userdocs import check_user_file

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "setup.exe").write_bytes(b"MZ")
    (tmp_path / "fake.pdf").write_bytes(b"<html></html>")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "blank.md").write_text("   \n", encoding="utf-8")
    calls = [lambda: read_document(tmp_path / "missing.txt"), lambda: read_document(tmp_path / "empty.txt"),
             lambda: check_user_file(tmp_path / "setup.exe"), lambda: check_user_file(tmp_path / "fake.pdf"),
             lambda: check_user_file(tmp_path / "broken.pdf"), lambda: pdf_pages(tmp_path / "broken.pdf"),
             lambda: docx_text(tmp_path / "broken.docx"), lambda: read_document(tmp_path / "latin1.txt"),
             lambda: read_document(tmp_path / "blank.md"), lambda: text_of_bytes(b"a\x00b", "stdin"),
             lambda: text_of_bytes(b"  ", "stdin")]
    out = []
    for call in calls:
        with pytest.raises(ParseError) as info:
            call()
        out.append(info.value)
    return out


def test_errors_about_a_users_file_in_both_languages(tmp_path):
    """A file the page refuses is refused in the interface language; the English is the exception's own message
    (the CLI's), so the table and the code cannot drift apart unnoticed."""
    from ui.i18n import error_text

    errors = _parse_errors(tmp_path)
    keys = {e.key for e in errors}
    assert None not in keys and len(keys) >= 9, keys
    for exc in errors:
        assert error_text(exc, "en") == str(exc), exc.key
        ko = error_text(exc, "ko")
        assert ko != str(exc) and any("\uac00" <= ch <= "\ud7a3" for ch in ko), (exc.key, ko)
    # Every keyed message in the table is one the code raises somewhere.
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    raised = set(re.findall(r'key="(\w+)"', "".join(p.read_text(encoding="utf-8")
                                                     for p in (root / "ingest").glob("*.py"))))
    assert {k[len("parse_"):] for k in tables()["en"] if k.startswith("parse_")} == raised
    # An error without a key keeps its own words.
    assert error_text(ValueError("plain"), "ko") == "plain"
