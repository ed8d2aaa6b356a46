"""Ingest: corpus folder -> clean documents -> passages, with a summary of what happened."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .chunking import split_passages
from .cleaning import clean_text
from .corpus import SkippedFile, load_corpus
from .models import Document, Passage
from .sections import build_document

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    documents: list[Document]
    passages: list[Passage]
    skipped: list[SkippedFile] = field(default_factory=list)
    duplicates_merged: int = 0

    @property
    def sections(self) -> int:
        return sum(len(d.sections) for d in self.documents)

    @property
    def dropped_lines(self) -> int:
        return sum(len(d.dropped_lines) for d in self.documents)

    def summary(self) -> dict:
        return {
            "documents": len(self.documents),
            "sections": self.sections,
            "passages": len(self.passages),
            "duplicates_merged": self.duplicates_merged,
            "lines_dropped_as_furniture": self.dropped_lines,
            "files_skipped": [{"file": s.path, "reason": s.reason} for s in self.skipped],
        }


def clean_document(raw) -> Document:
    meta = raw.meta
    authors = meta.authors + tuple(a for c in meta.chapters for a in c.authors)
    return build_document(meta, clean_text(raw.text, title=meta.title, authors=authors))


def merge_duplicates(passages: list[Passage]) -> tuple[list[Passage], int]:
    """Passages with the same text (a teaser repeated in another article) become one with every source."""
    unique: dict[str, Passage] = {}
    merged = 0
    for p in passages:
        first = unique.get(p.passage_id)
        if first is None:
            unique[p.passage_id] = p
        else:
            first.sources.extend(s for s in p.sources if s not in first.sources)
            merged += 1
    return list(unique.values()), merged


def ingest(
    corpus_dir: Path,
    manifest_path: Path,
    *,
    target: int = 160,
    max_words: int = 220,
    min_words: int = 120,
    overlap: int = 40,
    sentence_max_words: int = 60,
    progress: bool = False,
) -> IngestResult:
    raws, skipped = load_corpus(corpus_dir, manifest_path)
    documents: list[Document] = []
    passages: list[Passage] = []
    items = raws
    if progress:
        from tqdm import tqdm

        items = tqdm(raws, desc="cleaning", unit="doc")
    for raw in items:
        doc = clean_document(raw)
        documents.append(doc)
        passages.extend(
            split_passages(
                doc,
                target=target,
                max_words=max_words,
                min_words=min_words,
                overlap=overlap,
                sentence_max_words=sentence_max_words,
            )
        )
    passages, merged = merge_duplicates(passages)
    log.info("ingested %d documents into %d passages (%d duplicates merged)", len(documents), len(passages), merged)
    return IngestResult(documents=documents, passages=passages, skipped=skipped, duplicates_merged=merged)
