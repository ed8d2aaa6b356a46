"""Sections and passages on the real corpus (no model needed)."""

from __future__ import annotations

import pytest

from app.chunking import sentence_spans, split_passages
from app.ingest import ingest, merge_duplicates

from .conftest import REAL_CORPUS


@pytest.fixture(scope="module")
def result():
    return ingest(REAL_CORPUS, REAL_CORPUS / "manifest.toml")


def test_summary_counts(result):
    s = result.summary()
    assert s["documents"] == 5 and s["passages"] > 100 and s["sections"] > 50
    assert s["lines_dropped_as_furniture"] > 20 and s["files_skipped"] == []


def test_northern_territories_paragraph_under_its_section(result):
    hits = [
        p for p in result.passages if p.text.startswith("For Japan, the resolution of the Northern Territories dispute")
    ]
    assert len(hits) == 1
    assert (
        hits[0].section
        == "Japan-Russia Relations: Toward a Peace Treaty and Beyond > Challenges for Achieving Policy Objectives > The Northern Territories"
    )
    assert hits[0].authors == ("Yoko Hirose",)


def test_article_title_like_headings(result):
    sections = {p.section for p in result.passages if p.doc_id == "kireeva-2018-asymmetry"}
    assert "Building a dialogue in politics and security" in sections
    sections = {p.section for p in result.passages if p.doc_id == "abiru-2020-new-equilibrium"}
    assert "Abe's vision behind his Russian policy" in sections


def test_italic_recommendation_headings(result):
    sections = {p.section for p in result.passages}
    assert (
        "Japan-Russia Relations: Toward a Peace Treaty and Beyond > Policy Recommendations > Create a flexible policy toward Russia."
        in sections
    )


def test_offsets_round_trip_for_every_passage(result):
    docs = {d.meta.doc_id: d for d in result.documents}
    for p in result.passages:
        for src in p.sources:
            assert docs[src.doc_id].text[src.char_start : src.char_end] == p.text


def test_notes_are_separate_from_body(result):
    for p in result.passages:
        looks_like_notes = p.text.startswith(("1. ", "2. ")) and "Accessed" in p.text
        if looks_like_notes:
            assert p.is_notes, p.section
        if p.is_notes:
            assert p.section.endswith("Notes")
    assert any(p.is_notes and p.doc_id == "kireeva-2018-asymmetry" for p in result.passages)  # "1 – ..." endnotes


def test_passages_respect_sizes_and_sentences(result):
    for doc in result.documents:
        starts, ends = set(), set()
        for para in doc.paragraphs:
            for span in sentence_spans(doc.text[para.start : para.end], para.start):
                starts.add(span.start)
                ends.add(span.end)
        for p in (p for p in result.passages if p.doc_id == doc.meta.doc_id):
            words = len(p.text.split())
            assert words <= 220 or len(p.sentences) == 1, (p.passage_id, words)
            # never cuts a sentence: passages begin and end on the segmenter's sentence boundaries
            assert p.char_start in starts and p.char_end in ends, p.passage_id


def test_passages_never_span_sections(result):
    docs = {d.meta.doc_id: d for d in result.documents}
    for p in result.passages:
        inside = [s for s in docs[p.doc_id].sections if s.start <= p.char_start and p.char_end <= s.end]
        assert inside, p.passage_id


def test_sentence_segmenter_copes_with_abbreviations():
    text = 'The U.S. and Mr. Abe met Dr. Lee, the No.1 expert. Growth was 3.5 percent in 2014. He said "We will win." Then they left.'
    sentences = [text[s.start : s.end] for s in sentence_spans(text)]
    assert sentences == [
        "The U.S. and Mr. Abe met Dr. Lee, the No.1 expert.",
        "Growth was 3.5 percent in 2014.",
        'He said "We will win."',
        "Then they left.",
    ]


def test_passage_ids_stable_across_rebuilds(result):
    again = ingest(REAL_CORPUS, REAL_CORPUS / "manifest.toml")
    assert [p.passage_id for p in again.passages] == [p.passage_id for p in result.passages]


def test_repeated_passage_indexed_once_with_every_source(result):
    doc = result.documents[0]
    passages = split_passages(doc, target=160, max_words=220, min_words=120, overlap=40)
    from dataclasses import replace

    copy = [replace(p, doc_id="copy", sources=[replace(s, doc_id="copy") for s in p.sources]) for p in passages]
    merged, count = merge_duplicates(passages + copy)
    assert count == len(passages) and len(merged) == len(passages)
    assert all({s.doc_id for s in p.sources} == {doc.meta.doc_id, "copy"} for p in merged)


def test_a_very_long_sentence_is_split_into_its_clauses():
    from app.chunking import clauses, sentence_spans

    long = (
        "Potential areas include the following: security cooperation through joint exercises at sea, "
        "the prevention of drug trafficking and the reconstruction of war-torn regions far from home; "
        "economic cooperation through the development of the far east and energy projects for oil, gas "
        "and coal; cultural exchange through sports and personnel exchange, such as more students."
    )
    parts = [long[a:b] for a, b in clauses(long, 40)]
    assert len(parts) == 3 and parts[0].endswith("home;") and parts[2].startswith("cultural exchange")
    assert clauses(long, 100) == [(0, len(long))]  # not long enough to split
    assert clauses("Short; and short.", 1) == [(0, len("Short; and short."))]  # clauses too short to stand alone
    text = "A first sentence. " + long
    spans = sentence_spans(text, 10, max_words=40)
    assert [text[s.start - 10 : s.end - 10] for s in spans][1:] == parts
    assert len(sentence_spans(text, 0)) == 2  # no limit: whole sentences
