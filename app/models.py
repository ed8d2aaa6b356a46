"""Plain dataclasses shared by the pipeline stages (pydantic lives at the edges, in schemas.py)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Chapter:
    """A part of a document with its own author (a report's chapter)."""

    title: str
    authors: tuple[str, ...]


@dataclass(frozen=True)
class DocumentMeta:
    doc_id: str
    title: str
    authors: tuple[str, ...] = ()
    publisher: str = ""
    date: str = ""  # ISO 8601, as precise as the source supports: 2015, 2015-03, 2015-03-09
    url: str = ""
    path: str = ""  # file name inside the corpus folder
    chapters: tuple[Chapter, ...] = ()
    in_manifest: bool = True


@dataclass(frozen=True)
class Section:
    """A titled span of the clean text. ``path`` runs from the outermost heading to this one."""

    path: tuple[str, ...]
    start: int  # offset of the heading's first character (or of the body when untitled)
    end: int
    level: int
    is_notes: bool = False

    @property
    def title(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def label(self) -> str:
        return " > ".join(self.path)


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph of the clean text and the section it belongs to."""

    start: int
    end: int
    section: Section


@dataclass
class Document:
    meta: DocumentMeta
    text: str
    sections: list[Section]
    paragraphs: list[Paragraph]
    dropped_lines: list[str] = field(default_factory=list)

    def author_for(self, section: Section) -> tuple[str, ...]:
        """The chapter author where the section lies in a chapter with one, else the document's."""
        if section.path:
            for chapter in self.meta.chapters:
                if chapter.title == section.path[0]:
                    return chapter.authors
        return self.meta.authors


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """Where a passage's text occurs: one document, one section, one span of its clean text."""

    doc_id: str
    section: str
    char_start: int
    char_end: int
    authors: tuple[str, ...]


@dataclass
class Passage:
    passage_id: str
    text: str
    doc_id: str
    title: str
    section: str
    authors: tuple[str, ...]
    date: str
    char_start: int
    char_end: int
    is_notes: bool = False
    # Sentence spans, relative to the passage text, used by the answerer.
    sentences: list[Span] = field(default_factory=list)
    # Row of each sentence's vector in the index's sentence matrix (filled at index build).
    sentence_rows: list[int] = field(default_factory=list)
    # Every place the same text occurs (the first is the passage's own doc_id/offsets).
    sources: list[Source] = field(default_factory=list)

    @property
    def author(self) -> str:
        return ", ".join(self.authors)
