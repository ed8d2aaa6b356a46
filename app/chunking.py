"""Split a document into sentence-aware passages that never cross a section boundary.

``sentence_spans`` uses pysbd (rule-based, copes with "U.S.", "Mr. Abe", "No.1", decimals
and quotes); each line of a multi-line paragraph (lists, tables, endnotes) is a unit of its
own, and a very long sentence (a list of recommendations run together with semicolons) is
split into its clauses. ``split_passages`` packs whole sentences up to a target size with an overlap of
trailing sentences, so ``document.text[char_start:char_end] == passage.text`` always holds.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from .cleaning import normalise
from .models import Document, Passage, Section, Source, Span


@lru_cache(maxsize=1)
def _segmenter():  # pysbd builds its rule tables once; cheap, but no need to repeat
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def sentence_spans(text: str, start: int = 0, *, max_words: int = 0) -> list[Span]:
    """Spans (absolute, from ``start``) of the sentences of one paragraph's text; a sentence of
    more than ``max_words`` words (when not 0) as its clauses (see ``clauses``)."""
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        cursor = 0
        for sentence in _segmenter().segment(line):
            s = sentence.strip()
            if not s:
                continue
            at = line.find(s, cursor)
            if at < 0:  # pysbd altered the text: fall back to the rest of the line
                at, s = cursor, line[cursor:].strip()
            for a, b in clauses(s, max_words) if max_words else [(0, len(s))]:
                spans.append(Span(start + line_start + at + a, start + line_start + at + b))
            cursor = at + len(s)
    return spans


def clauses(sentence: str, max_words: int, min_words: int = 8) -> list[tuple[int, int]]:
    """A very long sentence ("Potential areas include the following: security ...; economic
    ...; cultural exchange ...") as its clauses, split after each semicolon, so that each can be
    scored and quoted alone; any other sentence whole. Offsets into the sentence."""
    if len(sentence.split()) <= max_words or "; " not in sentence:
        return [(0, len(sentence))]
    cuts = [m.end() for m in re.finditer(r";\s+", sentence)]
    pieces, begin = [], 0
    for cut in [*cuts, len(sentence)]:
        pieces.append([begin, cut])
        begin = cut
    merged: list[list[int]] = []
    for piece in pieces:  # a short clause joins the one before it
        if merged and len(sentence[piece[0] : piece[1]].split()) < min_words:
            merged[-1][1] = piece[1]
        else:
            merged.append(piece)
    if len(merged) > 1 and len(sentence[merged[0][0] : merged[0][1]].split()) < min_words:
        merged[1][0] = merged[0][0]
        merged.pop(0)
    return [(a, len(sentence[:b].rstrip())) for a, b in merged]


def passage_id(text: str) -> str:
    """Content hash: the same text gets the same id in every build and in every document."""
    return "p_" + hashlib.sha1(normalise(text).casefold().encode("utf-8")).hexdigest()[:16]


def _words(doc: Document, span: Span) -> int:
    return len(doc.text[span.start : span.end].split())


def _pack(
    doc: Document, spans: list[Span], *, target: int, max_words: int, min_words: int, overlap: int
) -> list[tuple[int, int]]:
    """Index ranges [i, j) of sentences forming each passage."""
    sizes = [_words(doc, s) for s in spans]
    ranges: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        j, total = i, 0
        while j < len(spans) and (j == i or (total < target and total + sizes[j] <= max_words)):
            total += sizes[j]
            j += 1
        if ranges and j == len(spans) and total < min_words:
            pi, pj = ranges[-1]
            if sum(sizes[pi:j]) <= max_words:  # a short tail joins the previous passage
                ranges[-1] = (pi, j)
                break
        ranges.append((i, j))
        if j == len(spans):
            break
        back, k = 0, j
        while k - 1 > i and back + sizes[k - 1] <= overlap:
            k -= 1
            back += sizes[k]
        i = k
    return ranges


def split_passages(
    doc: Document,
    *,
    target: int = 160,
    max_words: int = 220,
    min_words: int = 120,
    overlap: int = 40,
    sentence_max_words: int = 60,
) -> list[Passage]:
    by_section: dict[tuple[tuple[str, ...], int], list[Span]] = {}
    sections: dict[tuple[tuple[str, ...], int], Section] = {}
    for para in doc.paragraphs:
        key = (para.section.path, para.section.start)
        sections[key] = para.section
        spans = sentence_spans(doc.text[para.start : para.end], para.start, max_words=sentence_max_words)
        by_section.setdefault(key, []).extend(spans)
    passages: list[Passage] = []
    for key, spans in by_section.items():
        section = sections[key]
        authors = doc.author_for(section)
        for i, j in _pack(doc, spans, target=target, max_words=max_words, min_words=min_words, overlap=overlap):
            start, end = spans[i].start, spans[j - 1].end
            text = doc.text[start:end]
            passages.append(
                Passage(
                    passage_id=passage_id(text),
                    text=text,
                    doc_id=doc.meta.doc_id,
                    title=doc.meta.title,
                    section=section.label,
                    authors=authors,
                    date=doc.meta.date,
                    char_start=start,
                    char_end=end,
                    is_notes=section.is_notes,
                    sentences=[Span(s.start - start, s.end - start) for s in spans[i:j]],
                    sources=[Source(doc.meta.doc_id, section.label, start, end, authors)],
                )
            )
    return passages
