"""Cleaning on the real corpus files: furniture gone, body text kept, page breaks rejoined."""

from __future__ import annotations

import re

import pytest

from app.cleaning import clean_text, is_furniture, normalise, strip_markup
from app.corpus import load_corpus, read_file
from app.ingest import clean_document

from .conftest import REAL_CORPUS

FURNITURE = [
    "Print This Post",
    "Comments are closed",
    "Leave a Reply",
    "Akismet",
    "Views expressed are of individual Members",
    "No Comments Yet",
    "be first to comment",
    "Category:",
    "AP photo",
    "Editor review",
    "<sup>",
    "*",
    "Yaroslav Lissovolik",  # a teaser's author
    "Goodbye Pacific Rim",  # a teaser's title
]


@pytest.fixture(scope="module")
def docs():
    raws, skipped = load_corpus(REAL_CORPUS, REAL_CORPUS / "manifest.toml")
    assert not skipped
    return {r.meta.doc_id: (r, clean_document(r)) for r in raws}


def body_paragraphs(raw: str) -> list[str]:
    """Paragraphs of the original that are body text: long enough, not a teaser blurb."""
    out = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [line for line in block.splitlines() if line.strip()]
        if len(lines) != 1:
            continue  # teaser blocks, lists and tables are multi-line
        text = normalise(strip_markup(re.sub(r"<sup>\s*\d+\s*</sup>", "", lines[0])).lstrip("#").strip())
        text = re.sub(r"\s+\d{1,2}:\d{2} [AP]M \d{1,2}/\d{1,2}/\d{4}$", "", text)  # a timestamp is furniture
        if len(text.split()) >= 25 and not is_furniture(text):
            out.append(text)
    return out


def test_no_body_paragraph_is_lost(docs):
    for doc_id, (raw, doc) in docs.items():
        flat = " ".join(doc.text.split())
        paragraphs = body_paragraphs(raw.text)
        assert len(paragraphs) >= 5, doc_id
        # a page-break rejoin may glue a paragraph to the next: compare sentence-sized pieces
        missing = [p for p in paragraphs if " ".join(p.split()) not in flat]
        assert not missing, f"{doc_id}: {len(missing)} body paragraphs lost, e.g. {missing[0][:120]!r}"


@pytest.mark.parametrize("needle", FURNITURE)
def test_no_furniture_left(docs, needle):
    for doc_id, (_, doc) in docs.items():
        assert needle not in doc.text, f"{needle!r} left in {doc_id}"


def test_furniture_is_counted(docs):
    _, doc = docs["kireeva-2018-asymmetry"]
    dropped = " | ".join(doc.dropped_lines)
    for line in ("Leave a Reply", "0 Comments", "AP photo"):
        assert line in dropped


def test_teaser_blocks_dropped_but_article_text_kept(docs):
    _, valdai = docs["valdai-2021-moscow-tokyo-pathways"]
    assert "Taisuke Abiru" not in valdai.text  # teaser of another article
    assert "The US-China rivalry is becoming a constant feature of world politics." in valdai.text
    _, abiru = docs["abiru-2020-new-equilibrium"]
    assert "Foreign Policy Legacy of Japanese Prime Minister Shinzo Abe" not in abiru.text
    assert abiru.text.startswith("Since returning to power at the end of 2012")


def test_page_break_sentences_rejoined(docs):
    _, report = docs["stimson-2015-japans-global-diplomacy"]
    # "Fumio Kishida's schedu" + blank line + "sidelines of the ..." in the original
    assert re.search(r"Kishida's schedu\S* [^\n]*sidelines of the Asia-Pacific Economic Cooperation", report.text)
    # no paragraph of the clean text starts with a lower-case word (a cut sentence)
    starts = [p for p in report.text.split("\n\n") if p[:1].islower()]
    assert not starts, starts[:3]


def test_quotes_and_markup_normalised(docs):
    for _, (_, doc) in docs.items():
        assert not set("“”‘’") & set(doc.text)
        assert "<sup>" not in doc.text and "](http" not in doc.text
    _, report = docs["stimson-2015-japans-global-diplomacy"]
    assert "In the 18th and 19th centuries" in report.text  # ordinal <sup> kept as text
    assert "(\\$132 billion)" not in report.text and "($132 billion)" in report.text  # markdown escape undone


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("trade hit \\$32 billion in 2013", "trade hit $32 billion in 2013"),  # markdown escape
        ("see 96\\\\_abe and 28syosin\\_e", "see 96_abe and 28syosin_e"),
        ("a path C:\\Users stays", "a path C:\\Users stays"),  # a backslash before a letter is text
    ],
)
def test_markdown_escapes_removed(raw, clean):
    assert strip_markup(raw) == clean


def test_abbreviation_table_is_its_own_section(docs):
    _, report = docs["stimson-2015-japans-global-diplomacy"]
    abbrev = [s for s in report.sections if s.path == ("Abbreviations",)]
    assert len(abbrev) == 1
    body = report.text[abbrev[0].start : abbrev[0].end]
    assert "JMSDF – Japan Maritime Self-Defense Force" in body and "WTO – World Trade Organization" in body
    # a blank line inside the table (after SSA) does not run two rows together
    assert "SSA – Space Situational Awareness\n" in body and "\nTPP – Trans-Pacific Partnership" in body


def test_table_rows_after_a_blank_line_are_not_rejoined():
    raw = (
        "A body paragraph that is long enough to count as text, with twenty words or more in it, so it stays.\n\n"
        + "\n".join(f"AB{c}\tAlpha Beta {c}" for c in "CDEFGH")
        + "\n\nTPP\tTrans-Pacific Partnership\nUK\tUnited Kingdom"
    )
    text = clean_text(raw).text
    assert "ABH – Alpha Beta H\n\nTPP – Trans-Pacific Partnership" in text


def test_clean_text_unit():
    raw = "Kicker\nMy Title\n\nBy\n\nJane Roe\n\nFirst paragraph has **bold** and *italic* words and a note.<sup>3</sup> It is long enough to count as body text, and it ends mid\n\nsentence here and goes on for a while to be a paragraph.\n\nComments are closed."
    cleaned = clean_text(raw, title="My Title", authors=("Jane Roe",))
    assert (
        cleaned.text
        == "First paragraph has bold and italic words and a note. It is long enough to count as body text, and it ends mid sentence here and goes on for a while to be a paragraph."
    )
    assert {"Kicker", "My Title", "By", "Jane Roe", "Comments are closed."} <= set(cleaned.dropped)


def test_read_file_rejects_binary(tmp_path):
    bad = tmp_path / "blob.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(Exception, match="blob.txt: looks like a binary file"):
        read_file(bad)
