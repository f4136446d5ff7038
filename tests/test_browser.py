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

