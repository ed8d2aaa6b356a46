"""Detect the section structure of a cleaned document and lay out its final text.

Headings come in three styles: markdown (``#`` .. ``######``), whole-line italic lines that
head a paragraph (the report's objectives and recommendations), and bare title-like lines
in web articles ("Abe's vision behind his Russian policy"). Levels in converted reports are
often inconsistent ("## Context" in one chapter, "### Context" in the next), so a heading
whose title recurs in the document (Context, Notes, Policy Recommendations...) is never
allowed to close the chapter it sits in. Endnote lists are sections of their own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .cleaning import Block, Cleaned, normalise
from .models import Document, DocumentMeta, Paragraph, Section

_NOTES_TITLE = re.compile(r"^(end ?notes|notes|footnotes|references|sources)$", re.I)
_NOTE_LINE = re.compile(r"^\d{1,3}\s*[–.)-]\s+\S")
_BARE_END = (".", ",", ";", ":", '"', "'", "!")


@dataclass
class _Heading:
    title: str
    level: int
    recurring: bool
    italic: bool


def _key(title: str) -> str:
    return normalise(title).casefold().rstrip(".:")


def _is_bare_heading(block: Block, nxt: Block | None) -> bool:
    line = block.lines[0]
    return (
        len(block.lines) == 1
        and not block.level
        and 1 <= len(line.split()) <= 12
        and not line.endswith(_BARE_END)
        and "," not in line
        and (line[0].isupper() or line[0].isdigit())
        and not _NOTE_LINE.match(line)
        and nxt is not None
        and not nxt.level
        and nxt.words >= 20
    )


def _is_italic_heading(block: Block, nxt: Block | None) -> bool:
    return (
        block.italic
        and not block.level
        and len(block.lines) == 1
        and block.words <= 45
        and block.lines[0][:1] not in ('"', "'")
        and nxt is not None
        and not nxt.level
        and not nxt.italic
    )


def _heading_kinds(blocks: list[Block]) -> list[str]:
    """'md', 'italic', 'bare' or '' (a paragraph) for each block."""
    kinds = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.level:
            kinds.append("md")
        elif _is_italic_heading(block, nxt):
            kinds.append("italic")
        elif _is_bare_heading(block, nxt):
            kinds.append("bare")
        else:
            kinds.append("")
    return kinds


def build_document(meta: DocumentMeta, cleaned: Cleaned) -> Document:
    """Lay the blocks out as one text and assign every paragraph its section."""
    blocks = cleaned.blocks
    kinds = _heading_kinds(blocks)
    counts = Counter(_key(b.text) for b, k in zip(blocks, kinds) if k)
    md_level = {_key(b.text): b.level for b, k in zip(blocks, kinds) if k == "md"}
    has_md = bool(md_level)

    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for block in blocks:
        if parts:
            pos += 2
        offsets.append(pos)
        parts.append(block.text)
        pos += len(block.text)
    text = "\n\n".join(parts)

    stack: list[_Heading] = []
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    current = Section(path=(), start=0, end=len(text), level=0)
    open_start = 0
    in_note_run = False

    def close(end: int) -> None:
        nonlocal current
        sections.append(Section(current.path, current.start, end, current.level, current.is_notes))

    for i, (block, kind) in enumerate(zip(blocks, kinds)):
        start = offsets[i]
        if kind:
            key = _key(block.text)
            recurring = counts[key] > 1
            if kind == "md":
                level = block.level
            elif key in md_level:
                level = md_level[key]
            elif not has_md:
                level = 2
            elif stack:
                level = stack[-1].level if stack[-1].italic else stack[-1].level + 1
            else:
                level = 2
            while stack:
                top = stack[-1]
                if recurring:
                    # "Context", "Notes"... close one another but never the chapter they sit in
                    if not (top.recurring or top.level > level):
                        break
                elif top.level < level:
                    break
                stack.pop()
            if stack and _key(stack[-1].title) == key:
                stack.pop()  # same heading again: continue, do not nest
            stack.append(_Heading(block.text.rstrip(), level, recurring, block.italic or kind == "italic"))
            if start > open_start or sections or current.path:
                close(start)
            path = tuple(h.title for h in stack)
            is_notes = any(_NOTES_TITLE.match(_key(t)) for t in path)
            current = Section(path=path, start=start, end=len(text), level=level, is_notes=is_notes)
            open_start = start
            in_note_run = False
            if not block.text.rstrip().endswith("."):
                continue  # a title only; a sentence-like heading is also body text
        else:
            numbered = bool(_NOTE_LINE.match(block.lines[0]))
            nxt_numbered = i + 1 < len(blocks) and bool(_NOTE_LINE.match(blocks[i + 1].lines[0]))
            if (
                numbered
                and not current.is_notes
                and not in_note_run
                and re.match(r"^1\s*[–.)-]", block.lines[0])
                and nxt_numbered
                and not block.lines[0].startswith("1.")  # "1. ..." numbered lists stay body text
            ):
                # An endnote list with no heading ("1 – There are ..."): a Notes section of its own.
                close(start)
                path = (*current.path[:1], "Notes") if has_md else ("Notes",)
                current = Section(path=path, start=start, end=len(text), level=current.level + 1, is_notes=True)
                open_start = start
                in_note_run = True
        paragraphs.append(Paragraph(start=start, end=start + len(block.text), section=current))
    close(len(text))
    # Paragraphs hold the section object that was open when they were read; refresh ends.
    by_start = {(s.path, s.start): s for s in sections}
    paragraphs = [
        Paragraph(p.start, p.end, by_start.get((p.section.path, p.section.start), p.section)) for p in paragraphs
    ]
    sections = [s for s in sections if s.end > s.start]
    return Document(meta=meta, text=text, sections=sections, paragraphs=paragraphs, dropped_lines=cleaned.dropped)
