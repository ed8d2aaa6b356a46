"""Turn domain objects into the API's response models (shared by the JSON API and the web page)."""

from __future__ import annotations

from .answering import Answer
from .index import DocumentRecord
from .retrieval import Hit
from .schemas import AskResponse, CitationOut, DocumentOut, DocumentSummary, SearchResult, SectionOut


def search_result(rank: int, hit: Hit) -> SearchResult:
    p = hit.passage
    return SearchResult(
        rank=rank,
        score=round(hit.score, 6),
        passage_id=p.passage_id,
        doc_id=p.doc_id,
        title=p.title,
        section=p.section,
        author=p.author,
        date=p.date,
        text=p.text,
        char_start=p.char_start,
        char_end=p.char_end,
        also_in=sorted({s.doc_id for s in p.sources} - {p.doc_id}),
    )


def ask_response(answer: Answer) -> AskResponse:
    return AskResponse(
        question=answer.question,
        answer=answer.text,
        grounded=answer.grounded,
        citations=[
            CitationOut(
                n=c.n,
                passage_id=c.passage.passage_id,
                doc_id=c.passage.doc_id,
                title=c.passage.title,
                author=c.passage.author,
                date=c.passage.date,
                section=c.passage.section,
                quote=c.quote,
                char_start=c.char_start,
                char_end=c.char_end,
            )
            for c in answer.citations
        ],
        passages=[search_result(i, h) for i, h in enumerate(answer.hits, start=1)],
        mode=answer.mode,
        warnings=answer.warnings,
        unsupported=answer.unsupported,
    )


def document_summary(doc: DocumentRecord, passages: int) -> DocumentSummary:
    m = doc.meta
    return DocumentSummary(
        doc_id=m.doc_id,
        title=m.title,
        authors=list(m.authors),
        publisher=m.publisher,
        date=m.date,
        url=m.url,
        file=m.path,
        chapters=[{"title": c.title, "authors": list(c.authors)} for c in m.chapters],
        passages=passages,
    )


def document_out(doc: DocumentRecord, passages: int) -> DocumentOut:
    return DocumentOut(
        **document_summary(doc, passages).model_dump(),
        text=doc.text,
        sections=[
            SectionOut(title=s.title, path=list(s.path), level=s.level, start=s.start, end=s.end, is_notes=s.is_notes)
            for s in doc.sections
        ],
    )
