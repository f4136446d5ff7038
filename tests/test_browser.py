"""End to end in a real browser: Debian's Chromium driven by Playwright against `kaia ui` on loopback.

Playwright's own browser download is never used (it fails offline); `make browser` installs Debian's chromium.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import make_settings
from test_web import NOTIFY_QUESTION, start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying to reach Google, which this machine refuses.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The README's picture is refreshed on purpose (`make screenshot`), not by every test run.
SCREENSHOT = os.environ.get("KAIA_SCREENSHOT")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed at "
                                 "/usr/bin/chromium (run `make browser`)")]


@pytest.fixture(scope="module")
def url(built_settings, tmp_path_factory):
    data = tmp_path_factory.mktemp("browser") / "data"
    shutil.copytree(built_settings.data_dir / "index", data / "index")
    proc, url = start_server(make_settings(data))
    yield url
    stop_server(proc)


@pytest.fixture
def page(url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
        page = context.new_page()
        page.outside = []  # requests that left the machine: there must be none
        page.dialogs = []  # alert() calls: markup from a question must never run
        page.on("request", lambda r: page.outside.append(r.url)
                if urlparse(r.url).scheme in ("http", "https", "ws", "wss")
                and urlparse(r.url).hostname not in ("127.0.0.1", "localhost") else None)
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.wait_for_selector("#kaia-question textarea", timeout=60_000)
        yield page
        browser.close()


def ask(page, question: str) -> None:
    page.locator("#kaia-question textarea").fill(question)
    page.locator("#kaia-ask").click()


def test_ask_read_sources_and_screenshot(page, tmp_path):
    from playwright.sync_api import expect

    ask(page, NOTIFY_QUESTION)
    cards = page.locator("#kaia-sources details.kaia-src")
    expect(cards.first).to_be_visible(timeout=60_000)
    expect(page.locator("#kaia-status")).to_contain_text("citation")

    chat = page.locator("#kaia-chat").inner_text()
    assert NOTIFY_QUESTION in chat
    assert "[1]" in chat and "AI Basic Act Art. 31(1)" in chat

    # The first source is open, with the quoted words highlighted in English and in Korean.
    first = cards.first
    assert first.get_attribute("open") is not None
    expect(first.locator("summary")).to_contain_text("[1]")
    # The duty (Act Art. 31(1)) or the decree article that implements it, whichever ranks first.
    summary = first.locator("summary").inner_text()
    assert "AI Basic Act Art. 31(1)" in summary or "Enforcement Decree Art. 23(1)" in summary, summary
    marks = first.locator("mark")
    expect(marks.first).to_be_visible()
    assert re.search(r"notify (the )?users? in advance", marks.first.inner_text())
    assert any("고지" in m for m in marks.all_inner_texts())
    expect(first.locator("a[href*='law.go.kr']")).to_be_visible()

    # The others open on a click.
    second = cards.nth(1)
    expect(second.locator("mark").first).to_be_hidden()
    second.locator("summary").click()
    expect(second.locator("mark").first).to_be_visible()

    # The whole page in one viewport (a full-page capture resizes it, and the chat then scrolls to its end), and
    # the conversation shown from the question down.
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(300)
    page.evaluate("""() => { for (const e of document.querySelectorAll('#kaia-chat *'))
                                if (e.scrollHeight > e.clientHeight + 4) e.scrollTop = 0; }""")
    page.wait_for_timeout(300)
    shot = Path(SCREENSHOT) if SCREENSHOT else tmp_path / "screenshot.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert page.outside == []


def test_markup_in_a_question_stays_text_and_abstention_shows(page):
    from playwright.sync_api import expect

    evil = "What are the EU AI Act's fines? <script>alert(1)</script><img src=x onerror=alert(2)>"
    ask(page, evil)
    callout = page.locator("#kaia-sources .kaia-abstain")
    expect(callout).to_be_visible(timeout=60_000)
    expect(callout).to_contain_text("Not found in the corpus")
    expect(page.locator("#kaia-sources .kaia-src.kaia-related").first).to_be_attached()
    assert "<script>alert(1)</script>" in page.locator("#kaia-chat").inner_text()
    assert page.locator("#kaia-sources img, #kaia-chat img[src='x']").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []
    assert page.outside == []


def test_verdict_and_the_obligations_checker_in_the_browser(page, tmp_path):
    from playwright.sync_api import expect

    ask(page, "We run an online shop with a customer-service chatbot built on a generative AI model. Do we have to "
              "tell shoppers they are talking to an AI?")
    callout = page.locator("#kaia-sources .kaia-verdict")
    expect(callout).to_be_visible(timeout=60_000)
    expect(callout).to_contain_text("Verdict")
    expect(callout).to_contain_text("Yes")
    chat = page.locator("#kaia-chat")
    expect(chat.locator("h3").last).to_contain_text("Yes")
    # The conversation is tall: the whole answer is read without scrolling inside a small box.
    assert chat.bounding_box()["height"] >= 600

    page.get_by_role("tab", name="Check my obligations").click()
    question = page.locator("#kaia-check-question")
    expect(question).to_contain_text("Question 1.", timeout=30_000)
    page.locator("#kaia-check-yes").click()
    expect(question).to_contain_text("Question 2.", timeout=30_000)
    page.locator("#kaia-check-yes").click()
    expect(question).to_contain_text("Question 3.", timeout=30_000)
    listing = page.locator("#kaia-check-list")
    expect(listing).to_contain_text("Facts you gave")
    expect(listing).to_contain_text("Applies")
    expect(page.locator("#kaia-check-download")).to_be_visible()
    if SCREENSHOT:
        shot = Path(SCREENSHOT).with_name("checker.png")
        height = page.evaluate("() => document.documentElement.scrollHeight")
        page.set_viewport_size({"width": 1400, "height": min(height, 2400)})
        page.wait_for_timeout(300)
        page.screenshot(path=str(shot))
    assert page.outside == []


def test_check_a_document_in_the_browser(page):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="Check a document").click()
    page.locator("#kaia-verify-text textarea").fill("Date: 1 March 2026\nArticle 31(5) requires a watermark.\n"
                                                     "Article 33(1) requires a review in advance.")
    page.locator("#kaia-verify-go").click()
    summary = page.locator("#kaia-verify-summary")
    expect(summary).to_contain_text("1 not-found", timeout=60_000)
    expect(summary).to_contain_text("1 ok")
    marked = page.locator("#kaia-verify-marked")
    expect(marked).to_contain_text("Article 31(5)")
    expect(marked).to_contain_text("not-found")  # the status is written beside the mark, not shown by colour alone
    expect(page.locator("#kaia-verify-findings")).to_contain_text("nearest")
    expect(page.locator("#kaia-verify-download")).to_be_visible()
    assert page.outside == []



# ------------------------------------------------------------------------------ the page in Korean and in English

KO_QUESTION = "생성형 인공지능으로 만든 결과물에 표시를 해야 하나요?"
# What each interface says, for the same page: tabs and labels (Gradio's i18n, in the browser), the status line, the
# sources panel and the abstention callout (written by the server in the request's language).
UI = {
    "ko": {"question": KO_QUESTION, "tab": "질문하기", "other_tab": "내 의무 점검", "as_of": "기준일",
           "status": "기준 법령", "date": r"\d{4}년 \d{1,2}월 \d{1,2}일", "label": r"(인공지능기본법|시행령) 제\d+조",
           "not_found": "자료에서 찾지 못했습니다", "related": "관련 조항", "sources": "근거 조문",
           "checker": "질문 1.", "hint": "인용한 조항이 여기에",
           "versions": "오늘 시행 중인 법령(색인 기준): 인공지능기본법"},
    "en": {"question": NOTIFY_QUESTION, "tab": "Ask", "other_tab": "Check my obligations", "as_of": "Law as of",
           "status": "law as of", "date": r"\d{4}-\d{2}-\d{2}", "label": r"(AI Basic Act|Enforcement Decree) Art\. \d+",
           "not_found": "Not found in the corpus", "related": "Related provisions", "sources": "Sources",
           "checker": "Question 1.", "hint": "Cited provisions appear here",
           "versions": "Law in force today, as indexed: AI Basic Act"},
}


@pytest.fixture
def browser_of(url):
    """Pages in a given browser locale (as the browser's language setting sends it: navigator.language and the
    Accept-Language header)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)

        def open_page(locale: str, width: int = 1400, height: int = 1000):  # noqa: ANN202 - a Playwright page
            context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
            page = context.new_page()
            page.outside = []
            page.on("request", lambda r: page.outside.append(r.url)
                    if urlparse(r.url).scheme in ("http", "https", "ws", "wss")
                    and urlparse(r.url).hostname not in ("127.0.0.1", "localhost") else None)
            page.goto(url)
            page.wait_for_selector("#kaia-question textarea", timeout=60_000)
            return page

        yield open_page
        browser.close()


@pytest.mark.parametrize("lang, locale", [("ko", "ko-KR"), ("en", "en-US")])
def test_the_page_in_the_browsers_language_and_its_screenshot(browser_of, tmp_path, lang, locale):
    from playwright.sync_api import expect

    ui = UI[lang]
    page = browser_of(locale)
    expect(page.get_by_role("tab", name=ui["tab"], exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("tab", name=ui["other_tab"])).to_be_visible()
    expect(page.locator("#kaia-asof")).to_contain_text(ui["as_of"])
    switch = page.locator("#kaia-ui-lang input[type=radio]:checked")
    expect(switch).to_have_value(lang, timeout=30_000)  # the visible switch shows the language in use
    # The interface language's example questions come first.
    examples = page.locator(f"#kaia-examples-{lang}")
    expect(examples).to_be_visible()
    text = examples.inner_text()
    ko_first = text.index("생성형 인공지능으로") < text.index("Do I have to tell users")
    assert ko_first == (lang == "ko")

    hint = page.locator("#kaia-sources-hint")
    expect(hint).to_contain_text(ui["hint"])
    # The line naming the law's versions, written by the server in the page's language when it loads.
    expect(page.locator("#kaia-versions")).to_contain_text(ui["versions"], timeout=30_000)
    ask(page, ui["question"])
    cards = page.locator("#kaia-sources details.kaia-src")
    expect(cards.first).to_be_visible(timeout=60_000)
    expect(hint).to_be_hidden()  # the panel's own text replaces it
    status = page.locator("#kaia-status")
    expect(status).to_contain_text(ui["status"])
    assert re.search(ui["date"], status.inner_text())
    summary = cards.first.locator("summary").first.inner_text()
    assert re.search(ui["label"], summary), summary
    if lang == "ko":
        # The Korean label and text lead; the English twin is one click away.
        twin = cards.first.locator("details.kaia-twin")
        expect(twin.locator("summary")).to_contain_text("영문 번역 보기")
        expect(twin.locator(".kaia-text")).to_be_hidden()
        twin.locator("summary").click()
        expect(twin.locator(".kaia-text")).to_be_visible()
        assert re.search(r"[A-Za-z]{4,}", twin.locator(".kaia-text").inner_text())

    # As the README's main picture: the page in one viewport, the conversation from the question down.
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(height, 2000)})
    page.wait_for_timeout(300)
    page.evaluate("""() => { for (const e of document.querySelectorAll('#kaia-chat *'))
                                if (e.scrollHeight > e.clientHeight + 4) e.scrollTop = 0;
                             window.scrollTo(0, 0); }""")
    page.wait_for_timeout(300)
    shot = (Path(SCREENSHOT).with_name(f"screenshot-{lang}.png") if SCREENSHOT else tmp_path / f"{lang}.png")
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    page.set_viewport_size({"width": 1400, "height": 1000})
    assert shot.stat().st_size > 10_000

    ask(page, "What are the EU AI Act's fines?" if lang == "en" else "EU 인공지능법의 과징금은 얼마인가요?")
    callout = page.locator("#kaia-sources .kaia-abstain")
    expect(callout).to_be_visible(timeout=60_000)
    expect(callout).to_contain_text(ui["not_found"])
    expect(callout).to_contain_text("⚠")  # a sign and words, not its colour alone
    expect(page.locator("#kaia-sources")).to_contain_text(ui["related"])
    page.get_by_role("tab", name=ui["other_tab"]).click()
    expect(page.locator("#kaia-check-question")).to_contain_text(ui["checker"], timeout=30_000)
    assert page.outside == []


def test_the_visible_switch_changes_labels_and_server_text(browser_of):
    from playwright.sync_api import expect

    page = browser_of("en-US")
    expect(page.locator("#kaia-ui-lang input[type=radio]:checked")).to_have_value("en", timeout=30_000)
    page.locator("#kaia-ui-lang input[value=ko]").check()
    expect(page.get_by_role("tab", name="질문하기", exact=True)).to_be_visible(timeout=30_000)
    expect(page.locator("#kaia-examples-ko")).to_be_visible()
    ask(page, NOTIFY_QUESTION)
    expect(page.locator("#kaia-status")).to_contain_text("기준 법령", timeout=60_000)
    page.get_by_role("tab", name="내 의무 점검").click()
    expect(page.locator("#kaia-check-question")).to_contain_text("질문 1.", timeout=30_000)
    # Remembered: the next visit opens in Korean although the browser asks for English.
    page.reload()
    expect(page.get_by_role("tab", name="질문하기", exact=True)).to_be_visible(timeout=60_000)
    page.locator("#kaia-ui-lang input[value=en]").check()
    expect(page.get_by_role("tab", name="Ask", exact=True)).to_be_visible(timeout=30_000)
    assert page.outside == []


# Every control a screen reader can name: its own label, aria-label(ledby), or (a button) its text.
UNNAMED_CONTROLS = """() => [...document.querySelectorAll('input, textarea, select, button')]
  .filter(e => e.offsetParent !== null && e.type !== 'hidden')
  .filter(e => !((e.labels && [...e.labels].some(l => l.innerText.trim())) || (e.getAttribute('aria-label') || '').trim()
                 || e.getAttribute('aria-labelledby') || (e.title || '').trim()
                 || ((e.tagName === 'BUTTON') && e.innerText.trim())))
  .map(e => e.outerHTML.slice(0, 160))"""


@pytest.mark.parametrize("locale", ["ko-KR", "en-US"])
def test_controls_are_named_and_the_page_works_at_200_percent_zoom(browser_of, locale):
    from playwright.sync_api import expect

    # 200% zoom of a 1280 × 800 window: a 640 × 400 CSS-pixel viewport at twice the device pixels.
    page = browser_of(locale, width=640, height=400)
    expect(page.locator("#kaia-ui-lang input[type=radio]:checked")).to_be_attached(timeout=30_000)
    assert page.evaluate(UNNAMED_CONTROLS) == []
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    ask(page, KO_QUESTION if locale.startswith("ko") else NOTIFY_QUESTION)
    expect(page.locator("#kaia-sources details.kaia-src").first).to_be_attached(timeout=60_000)
    page.locator("#kaia-sources").scroll_into_view_if_needed()
    expect(page.locator("#kaia-sources details.kaia-src").first).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.evaluate(UNNAMED_CONTROLS) == []
