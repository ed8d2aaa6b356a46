"""End-to-end tests of the web page: headless Chromium (Debian's package) driven by Playwright,
against a real ``python -m app serve`` on a free port over the real corpus.

The page must show what the JSON API returns, so several tests ask the API first and then
check the page against it. Screenshots (desktop 1280x900, narrow 375x800) go to
``$SCREENSHOT_DIR`` (default ``artifacts/screenshots``).

    python -m pytest tests/test_browser.py -q
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote_plus

import pytest

from .browser_support import CHROMIUM, CHROMIUM_ARGS, Server, screenshot_dir, test_index_dir

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} not found: install Debian's chromium package to run the browser tests", allow_module_level=True
    )

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

ANSWERABLE = "Why did Japan hold 2+2 talks with Russia?"
UNANSWERABLE = [
    "How many Japanese tourists visited Sakhalin in 2015?",
    "What is the boiling point of liquid nitrogen in Kelvin?",
]
SCRIPT_QUESTION = "<script>alert(1)</script>"
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 375, "height": 800}


def normalise(text: str) -> str:
    return " ".join(text.split())


def save_screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    path = screenshot_dir() / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    print(f"screenshot: {path}")
    return path


# ---------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> str:
    server = Server(index_dir=test_index_dir(), log_path=tmp_path_factory.mktemp("server") / "serve.log")
    try:
        server.wait_until_healthy()
        yield server.base_url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url) -> Page:
    context = browser.new_context(viewport=DESKTOP, base_url=base_url)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def narrow_page(browser, base_url) -> Page:
    context = browser.new_context(
        viewport=NARROW, base_url=base_url, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def api_ask(page: Page, question: str) -> dict:
    response = page.request.post("/api/ask", data={"question": question})
    assert response.ok, response.text()
    return response.json()


def ask_by_typing(page: Page, question: str) -> None:
    page.goto("/")
    box = page.get_by_label("Ask a question about the documents")
    box.fill(question)
    box.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q="))


# ---------------------------------------------------------------------------- the answer and its citations


def test_answer_marker_opens_document_at_highlighted_quote(page: Page):
    api = api_ask(page, ANSWERABLE)
    assert api["grounded"] and api["citations"], "the API should answer this question"

    ask_by_typing(page, ANSWERABLE)
    assert "q=" in page.url and "2%2B2" in page.url  # the question is kept in the URL
    markers = page.locator(".answer a.cite-marker")
    expect(markers.first).to_be_visible()
    assert markers.count() == len(api["citations"])
    cards = page.locator(".citation-card")
    assert cards.count() == len(api["citations"])
    for card, cited in zip(cards.all(), api["citations"], strict=True):
        assert normalise(card.locator(".quote").inner_text()) == normalise(cited["quote"])
        assert cited["title"] in card.inner_text()
    save_screenshot(page, "desktop-answer", full_page=True)

    first = api["citations"][0]
    markers.first.click()
    page.wait_for_url(
        re.compile(rf"/documents/{re.escape(first['doc_id'])}\?start={first['char_start']}&end={first['char_end']}")
    )
    mark = page.locator("mark#cite")
    expect(mark).to_be_visible()
    expect(mark).to_be_in_viewport()
    marked = " ".join(m.inner_text() for m in page.locator("mark.cite").all())
    assert normalise(marked) == normalise(first["quote"])
    save_screenshot(page, "desktop-document-cited")


def test_citation_card_opens_document_at_its_quote(page: Page):
    page.goto(f"/?q={quote_plus(ANSWERABLE)}")
    card = page.locator(".citation-card").last
    quote = card.locator(".quote").inner_text()
    card.click()
    page.wait_for_url(re.compile(r"/documents/[^?]+\?start=\d+&end=\d+"))
    mark = page.locator("mark#cite")
    expect(mark).to_be_in_viewport()
    # a quote that runs over a paragraph break is marked in one piece per paragraph
    marked = " ".join(m.inner_text() for m in page.locator("mark.cite").all())
    assert normalise(marked) == normalise(quote)


def test_not_covered_message_agrees_with_api(page: Page):
    not_grounded = []
    for question in UNANSWERABLE:
        api = api_ask(page, question)
        page.goto(f"/?q={quote_plus(question)}")
        notice = page.locator(".not-covered")
        if api["grounded"]:
            expect(notice).to_have_count(0)
            expect(page.locator(".answer a.cite-marker").first).to_be_visible()
            continue
        not_grounded.append(question)
        expect(notice).to_be_visible()
        assert re.search(r"not covered|does not answer", notice.inner_text(), re.I)
        expect(page.locator(".cite-marker")).to_have_count(0)
        assert page.locator(".passage").count() == len(api["passages"]) > 0  # the nearest passages
        save_screenshot(page, f"desktop-not-covered-{len(not_grounded)}", full_page=True)
    assert not_grounded, "an off-corpus question should not be answered (grounded false)"


def test_script_in_question_is_shown_as_text(page: Page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ask_by_typing(page, SCRIPT_QUESTION)
    expect(page.locator(".asked")).to_contain_text(SCRIPT_QUESTION)
    expect(page.get_by_label("Ask a question about the documents")).to_have_value(SCRIPT_QUESTION)
    assert page.locator("script").count() == 0  # the search page has no scripts, injected or otherwise
    page.goto(f"/?q={quote_plus(SCRIPT_QUESTION)}&mode=passages")
    expect(page.locator("#passages-heading")).to_contain_text(SCRIPT_QUESTION)
    assert dialogs == []


# ---------------------------------------------------------------------------- passages, filters, document view


def test_passages_mode_marks_query_terms(page: Page):
    query = "maritime security cooperation"
    page.goto("/")
    page.get_by_label("Ask a question about the documents").fill(query)
    page.get_by_label("Ranked passages").check()
    page.get_by_label("Ask a question about the documents").press("Enter")
    page.wait_for_url(re.compile(r"mode=passages"))
    api = page.request.get(f"/api/search?q={quote_plus(query)}").json()
    passages = page.locator(".passage")
    assert passages.count() == len(api["results"]) > 0
    marks = page.locator(".passage-text mark")
    expect(marks.first).to_be_visible()
    terms = ("maritime", "security", "cooperation")
    assert all(m.lower().startswith(terms) for m in marks.all_inner_texts())
    save_screenshot(page, "desktop-passages")


def test_filters_restrict_passages_to_one_document(page: Page):
    documents = page.request.get("/api/documents").json()
    doc = next(d for d in documents if d["date"])
    page.goto("/?mode=passages")
    page.locator("summary", has_text="Filters").click()
    page.get_by_label("Document", exact=True).select_option(doc["doc_id"])
    page.get_by_label("Published from").fill(doc["date"][:4])
    page.get_by_label("Published to").fill(doc["date"][:4])
    box = page.get_by_label("Ask a question about the documents")
    box.fill("Japan Russia relations")
    box.press("Enter")
    page.wait_for_url(re.compile(r"doc_id="))
    links = page.locator(".passage-title a")
    assert links.count() > 0
    assert all(f"/documents/{doc['doc_id']}?" in href for href in (a.get_attribute("href") for a in links.all()))

    response = page.goto("/?q=economic+cooperation&date_from=2015-1")
    assert response.status == 422
    expect(page.locator(".error")).to_contain_text("YYYY")


def test_document_view_shows_section_outline(page: Page):
    documents = page.request.get("/api/documents").json()
    doc = max(documents, key=lambda d: len(page.request.get(f"/api/documents/{d['doc_id']}").json()["sections"]))
    sections = [s for s in page.request.get(f"/api/documents/{doc['doc_id']}").json()["sections"] if s["path"]]
    page.goto(f"/documents/{doc['doc_id']}")
    expect(page.locator("h1")).to_have_text(doc["title"])
    links = page.locator("nav.outline a")
    expect(links.first).to_be_visible()
    assert links.count() == len(sections)
    save_screenshot(page, "desktop-document-outline")
    target = sections[len(sections) // 2]
    link = links.nth(len(sections) // 2)
    assert link.get_attribute("href") == f"#sec-{target['start']}"
    link.click()
    expect(page.locator(f"#sec-{target['start']}")).to_be_in_viewport()
    expect(page.locator("#sec-" + str(target["start"]))).to_contain_text(target["title"])


def test_keyboard_focus_is_visible_and_errors_are_pages(page: Page):
    page.goto("/")
    expect(page.locator(".results, .error")).to_have_count(0)  # empty q: just the form
    expect(page.get_by_label("Ask a question about the documents")).to_be_focused()
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")

    response = page.goto("/?q=" + "a" * 2001)
    assert response.status == 422
    expect(page.locator(".error")).to_contain_text("2000")
    response = page.goto("/documents/no-such-document")
    assert response.status == 404
    expect(page.locator(".error-page")).to_contain_text("no-such-document")
    doc_id = page.request.get("/api/documents").json()[0]["doc_id"]
    response = page.goto(f"/documents/{doc_id}?start=10&end=5")
    assert response.status == 422
    expect(page.locator(".error-page")).to_contain_text("start")


# ---------------------------------------------------------------------------- a phone-sized screen


def test_narrow_screen_has_no_horizontal_scroll(narrow_page: Page):
    page = narrow_page
    width = NARROW["width"]

    def assert_fits(name: str, *, full_page: bool = False, screenshot: bool = True) -> None:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width + 1, f"{name}: page is {scroll_width}px wide on a {width}px screen"
        if screenshot:
            save_screenshot(page, f"narrow-{name}", full_page=full_page)

    page.goto("/")
    assert_fits("search-empty")
    page.goto(f"/?q={quote_plus(ANSWERABLE)}")
    expect(page.locator(".cite-marker").first).to_be_visible()
    page.locator("summary", has_text="Filters").click()
    assert_fits("answer", full_page=True)
    page.goto("/?q=maritime+security+cooperation&mode=passages")
    assert_fits("passages")
    page.goto(f"/?q={quote_plus(ANSWERABLE)}")
    page.locator(".cite-marker").first.click()
    expect(page.locator("mark#cite")).to_be_in_viewport()
    assert_fits("document-cited")
    page.goto(f"/?q={quote_plus(UNANSWERABLE[1])}")
    assert_fits("not-covered")
    for doc in page.request.get("/api/documents").json():  # long headings, URLs in notes
        page.goto(f"/documents/{doc['doc_id']}")
        assert_fits(f"document-{doc['doc_id']}", screenshot=False)
