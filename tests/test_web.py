"""The web page on a small index (fake embedder): escaping, highlighting, status codes."""

from __future__ import annotations

from app.web import highlight, link_markers, query_terms


def test_empty_page_has_labelled_form(client):
    r = client.get("/")
    assert r.status_code == 200 and "<form" in r.text and "<label" in r.text
    assert "https://" not in r.text  # no CDN, no external font


def test_question_is_escaped(client):
    r = client.get("/", params={"q": "<script>alert(1)</script> coast guard"})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_answer_page_links_citations_to_document_view(client):
    r = client.get("/", params={"q": "Why were fishing quotas cut in 2014?"})
    assert r.status_code == 200
    assert "/documents/alpha?start=" in r.text


def test_document_view_marks_span_and_rejects_bad_ones(client, small_service):
    text = small_service.index.documents["alpha"].text
    start = text.index("Fishing quotas")
    r = client.get("/documents/alpha", params={"start": start, "end": start + 14})
    assert r.status_code == 200 and 'id="cite">Fishing quotas</mark>' in r.text
    assert client.get("/documents/alpha", params={"start": 10, "end": 5}).status_code == 422
    assert client.get("/documents/alpha", params={"start": 0, "end": 10**9}).status_code == 422
    r = client.get("/documents/nope")
    assert r.status_code == 404 and "nope" in r.text


def test_too_long_question_is_422_on_the_page(client):
    assert client.get("/", params={"q": "x" * 2001}).status_code == 422


def test_highlight_escapes_before_marking():
    html = str(highlight("Tom & Jerry <b>coast</b> guard", query_terms("coast guard")))
    assert "&lt;b&gt;" in html and "<mark>coast</mark>" in html and "<mark>guard</mark>" in html


def test_markers_link_only_known_citations():
    from app.schemas import CitationOut

    c = CitationOut(
        n=1,
        passage_id="p",
        doc_id="d",
        title="t",
        author="a",
        date="2015",
        section="s",
        quote="q",
        char_start=3,
        char_end=9,
    )
    html = str(link_markers("A <claim> [1] and [2]", [c]))
    assert "&lt;claim&gt;" in html and 'href="/documents/d?start=3&amp;end=9' in html.replace("&amp;amp;", "&amp;")
    assert "[2]" in html and html.count("<a ") == 1
