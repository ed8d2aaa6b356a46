"""Request and response models of the HTTP API (pydantic at the edge)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    question: str = Field(..., min_length=1, max_length=2000, description="The question, in plain English.")
    k: int | None = Field(None, ge=1, le=50, description="Passages to retrieve (default from settings).")
    doc_id: list[str] | None = Field(None, description="Only these documents.")
    author: str | None = Field(None, max_length=200, description="Only passages by an author whose name contains this.")
    date_from: str | None = Field(None, pattern=ISO_DATE, description="Earliest publication date (YYYY[-MM[-DD]]).")
    date_to: str | None = Field(None, pattern=ISO_DATE, description="Latest publication date (YYYY[-MM[-DD]]).")

    @field_validator("question")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("question must not be empty or only whitespace")
        return v


class SearchResult(BaseModel):
    rank: int
    score: float
    passage_id: str
    doc_id: str
    title: str
    section: str
    author: str
    date: str
    text: str
    char_start: int
    char_end: int
    also_in: list[str] = Field(default_factory=list, description="Other documents with the same passage.")


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult]


class CitationOut(BaseModel):
    n: int
    passage_id: str
    doc_id: str
    title: str
    author: str
    date: str
    section: str
    quote: str
    char_start: int
    char_end: int


class AskResponse(BaseModel):
    question: str
    answer: str
    grounded: bool
    citations: list[CitationOut]
    passages: list[SearchResult]
    mode: str = "extractive"
    warnings: list[str] = Field(default_factory=list)
    unsupported: list[str] = Field(default_factory=list, description="Generated sentences dropped as unsupported.")


class SectionOut(BaseModel):
    title: str
    path: list[str]
    level: int
    start: int
    end: int
    is_notes: bool


class DocumentSummary(BaseModel):
    doc_id: str
    title: str
    authors: list[str]
    publisher: str
    date: str
    url: str
    file: str
    chapters: list[dict]
    passages: int


class DocumentOut(DocumentSummary):
    text: str
    sections: list[SectionOut]


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody
