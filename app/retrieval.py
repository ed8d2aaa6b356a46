"""Hybrid retrieval: FAISS dense + BM25 lexical, fused, filtered, near-duplicates collapsed."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .abbreviations import expand_query
from .evidence import with_capitals_countries
from .index import LoadedIndex, text_terms
from .models import Passage
from .settings import Settings


@dataclass(frozen=True)
class Filters:
    doc_ids: tuple[str, ...] = ()
    author: str | None = None
    date_from: str | None = None  # ISO prefix: 2015, 2015-03, 2015-03-09
    date_to: str | None = None

    def __bool__(self) -> bool:
        return bool(self.doc_ids or self.author or self.date_from or self.date_to)


@dataclass
class Hit:
    passage: Passage
    score: float
    row: int = -1  # the passage's row in the index's vectors


def _date_bounds(date: str) -> tuple[str, str]:
    """Earliest and latest day an ISO date of any precision stands for."""
    parts = date.split("-")
    start = "-".join(parts + ["01"] * (3 - len(parts)))
    end_parts = parts + ["12", "31"][len(parts) - 1 :] if len(parts) < 3 else parts
    return start, "-".join(end_parts)


def passage_matches(p: Passage, f: Filters) -> bool:
    if f.doc_ids and not ({s.doc_id for s in p.sources} & set(f.doc_ids)):
        return False
    if f.author:
        needle = f.author.casefold()
        if not any(needle in a.casefold() for s in p.sources for a in s.authors):
            return False
    if (f.date_from or f.date_to) and p.date:
        start, end = _date_bounds(p.date)
        if f.date_from and end < _date_bounds(f.date_from)[0]:
            return False
        if f.date_to and start > _date_bounds(f.date_to)[1]:
            return False
    elif (f.date_from or f.date_to) and not p.date:
        return False
    return True


def _ranks(scores: np.ndarray, allowed: np.ndarray, n: int) -> list[int]:
    scores = np.where(allowed, scores, -np.inf)
    n = min(n, int(allowed.sum()))
    if n <= 0:
        return []
    top = np.argpartition(-scores, n - 1)[:n]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [int(i) for i in top if np.isfinite(scores[i])]


class Retriever:
    def __init__(self, index: LoadedIndex, embedder, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._all = np.ones(len(index.passages), dtype=bool)
        self._vocab = getattr(index.bm25, "vocab_dict", None) or {}
        # sentence rows of every passage, flattened, for a per-passage maximum in one numpy call
        rows = [p.sentence_rows or [0] for p in index.passages]
        self._sentence_rows = (
            np.concatenate([np.asarray(r, dtype=np.int64) for r in rows]) if rows else np.zeros(0, np.int64)
        )
        self._sentence_offsets = np.cumsum([0] + [len(r) for r in rows[:-1]]).astype(np.int64)

    def allowed(self, filters: Filters | None) -> np.ndarray:
        if not filters:
            return self._all
        return np.array([passage_matches(p, filters) for p in self.index.passages], dtype=bool)

    def expand(self, query: str) -> str:
        return expand_query(query, self.index.abbreviations)

    def embed_query(self, query: str) -> np.ndarray:
        return self.embedder.embed([query])[0]

    def dense_scores(self, query_vector: np.ndarray, allowed: np.ndarray, n: int) -> list[int]:
        import faiss

        n = min(n, int(allowed.sum()))
        if n <= 0:
            return []
        q = query_vector.reshape(1, -1).astype(np.float32)
        if allowed is self._all:
            _, ids = self.index.dense.search(q, n)
        else:
            sel = faiss.IDSelectorBatch(np.flatnonzero(allowed).astype(np.int64))
            params = (
                faiss.SearchParametersHNSW(sel=sel)
                if isinstance(self.index.dense, faiss.IndexHNSW)
                else faiss.SearchParameters(sel=sel)
            )
            _, ids = self.index.dense.search(q, n, params=params)
        return [int(i) for i in ids[0] if i >= 0]

    def sentence_scores(self, query_vector: np.ndarray, allowed: np.ndarray, n: int) -> list[int]:
        """Passages ranked by their best sentence: a fact stated in one sentence of a long passage
        (or past the model's 256-token window) still surfaces."""
        if not len(self._sentence_rows) or len(self.index.sentence_vectors) == 0:
            return []
        sims = self.index.sentence_vectors @ query_vector
        best = np.maximum.reduceat(sims[self._sentence_rows], self._sentence_offsets)
        return _ranks(best.astype(np.float64), allowed, n)

    def bm25_scores(self, query: str, allowed: np.ndarray, n: int) -> list[int]:
        tokens = [t for t in text_terms(query) if t in self._vocab]
        if not tokens:
            return []
        scores = np.asarray(self.index.bm25.get_scores(tokens), dtype=np.float64)
        ranked = _ranks(scores, allowed & (scores > 0), n)
        return ranked

    def search(
        self, query: str, *, k: int = 10, filters: Filters | None = None, query_vector: np.ndarray | None = None
    ) -> list[Hit]:
        s = self.settings
        expanded = self.expand(query)
        allowed = self.allowed(filters)
        if query_vector is None:
            query_vector = self.embed_query(expanded)
        dense_ranked = self.dense_scores(query_vector, allowed, s.candidates)
        sentence_ranked = self.sentence_scores(query_vector, allowed, s.candidates)
        # "Beijing's defence outlay": the words match "China's military expenditures" too
        bm25_ranked = self.bm25_scores(with_capitals_countries(expanded), allowed, s.candidates)
        rankings = ((dense_ranked, s.dense_weight), (sentence_ranked, s.sentence_weight), (bm25_ranked, s.bm25_weight))
        fused = _rrf(rankings, s.rrf_k) if s.fusion == "rrf" else _weighted(rankings)
        passages = self.index.passages
        for i in fused:
            if passages[i].is_notes:
                fused[i] *= s.notes_weight
        order = sorted(fused, key=lambda i: -fused[i])
        hits: list[Hit] = []
        kept_rows: list[int] = []
        vectors = self.index.passage_vectors
        for i in order:
            if kept_rows and float(np.max(vectors[kept_rows] @ vectors[i])) >= s.near_duplicate_threshold:
                continue  # near-duplicate of a better result
            kept_rows.append(i)
            hits.append(Hit(self.index.passages[i], fused[i], i))
            if len(hits) >= k:
                break
        return hits


def _rrf(rankings, k: int) -> dict[int, float]:
    """Reciprocal rank fusion: each list adds weight / (k + rank)."""
    out: dict[int, float] = {}
    for ranked, weight in rankings:
        for rank, i in enumerate(ranked):
            out[i] = out.get(i, 0.0) + weight / (k + rank + 1)
    return out


def _weighted(rankings) -> dict[int, float]:
    """Blend of rank-normalised scores (1 for the top, falling to 0) from each list."""
    out: dict[int, float] = {}
    for ranked, weight in rankings:
        n = len(ranked)
        for r, i in enumerate(ranked):
            out[i] = out.get(i, 0.0) + weight * (1 - r / max(n, 1))
    return out
