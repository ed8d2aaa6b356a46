"""The question-answering service: one object that owns the index, the model and the answerers.

Built once (in the app's lifespan or by a CLI command) and handed to whoever needs it.
"""

from __future__ import annotations

import itertools
import logging
import sys
import time
from dataclasses import dataclass

from .answering import NOT_COVERED, Answer, Answerer, answered_before, combine_answers
from .errors import BadRequest, DocumentNotFound
from .index import DocumentRecord, LoadedIndex, ensure_index, load_index
from .questions import answer_kind, refers_back, split_question, wh_only, with_antecedent
from .retrieval import Filters, Hit, Retriever
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Service:
    settings: Settings
    index: LoadedIndex
    embedder: object
    retriever: Retriever
    answerer: Answerer

    @classmethod
    def from_index(cls, settings: Settings, index: LoadedIndex, embedder) -> Service:
        return cls(settings, index, embedder, Retriever(index, embedder, settings), Answerer(index, settings))

    @classmethod
    def load(cls, settings: Settings, embedder=None, *, build: bool = True, progress: bool = False) -> Service:
        if embedder is None:
            from .embedding import SentenceTransformerEmbedder

            embedder = SentenceTransformerEmbedder(
                settings.model, device=settings.device, allow_download=settings.allow_download
            )
        started = time.time()
        index = (
            ensure_index(settings, embedder, progress=progress)
            if build
            else load_index(settings.index_dir, expected_model=settings.model)
        )
        service = cls.from_index(settings, index, embedder)
        if settings.query_runtime == "onnx" and hasattr(embedder, "use_onnx_for_queries"):
            embedder.use_onnx_for_queries(threads=settings.query_thread_count)
        service.retriever.embed_query("warm-up")  # load the model now, not on the first request
        if settings.query_threads and "torch" in sys.modules:  # ingest above used every core
            sys.modules["torch"].set_num_threads(settings.query_threads)
        log.info(
            "service ready in %.1fs: %d passages from %d documents",
            time.time() - started,
            len(index),
            len(index.documents),
        )
        return service

    def _check_filters(self, filters: Filters | None) -> None:
        if filters and filters.doc_ids:
            unknown = [d for d in filters.doc_ids if d not in self.index.documents]
            if unknown:
                raise BadRequest(f"unknown doc_id: {', '.join(unknown)} (GET /api/documents lists them)")

    def search(self, query: str, *, k: int | None = None, filters: Filters | None = None) -> list[Hit]:
        self._check_filters(filters)
        return self.retriever.search(query, k=k or self.settings.default_k, filters=filters)

    def ask(self, question: str, *, k: int | None = None, filters: Filters | None = None) -> Answer:
        self._check_filters(filters)
        k = k or self.settings.default_k
        parts = split_question(question)
        asked = [parts[0], *(with_antecedent(p, parts[0]) for p in parts[1:])]  # "When was it signed? (IPCP)"
        texts = [question, *asked] if len(parts) > 1 else [question]
        # "Who designed the cover of Japan's Global Diplomacy?": searched without the title's words
        # too, which every page of the front matter shares
        plain = self.answerer.search_variant(question)
        extra = [plain] if plain else []
        vectors = self.embedder.embed([self.retriever.expand(t) for t in [*texts, *extra]])  # one batch
        hits = self.retriever.search(question, k=k, filters=filters, query_vector=vectors[0])
        if extra:
            plain_hits = self.retriever.search(plain, k=k, filters=filters, query_vector=vectors[-1])
            hits = _interleave(hits, plain_hits, k)
        if len(parts) == 1:
            answer = self.answerer.answer(question, hits, vectors[0])
        else:  # a compound question: each part answered (or not) on its own
            answers: list[Answer] = []
            unknown_antecedent = False  # "Who succeeded X, and how did he ...?" with no "who" found
            for part, vector in zip(asked, vectors[1 : len(texts)]):
                later = parts[len(answers)]
                # "he" is the unknown; so is the whole first part's answer in "..., and in what year?"
                if answers and (
                    (unknown_antecedent and refers_back(later, parts[0]))
                    or (wh_only(later) and not answers[0].grounded)
                ):
                    answers.append(Answer(part, NOT_COVERED, False, hits=hits))
                    continue
                part_hits = self.retriever.search(part, k=k, filters=filters, query_vector=vector)
                # once an earlier part is answered, the corpus covers the topic: a later part
                # ("..., and when was it signed?") needs less support
                followup = any(a.grounded for a in answers)
                threshold = self.settings.abstain_threshold_followup if followup else None
                got = self.answerer.answer(part, _merge_hits(part_hits, hits, k), vector, threshold=threshold)
                if not got.grounded and answers and wh_only(later):
                    # "..., and in which city?": the sentence quoted for the first part may say
                    got = answered_before(part, answers[0]) or got
                answers.append(got)
                if len(answers) == 1:
                    unknown_antecedent = not answers[0].grounded and answer_kind(parts[0]) in ("person", "name")
            answer = combine_answers(question, parts, answers, hits)
        if self.settings.llm_base_url and answer.hits:
            from .generation import generate_answer

            answer = generate_answer(question, answer, self)
        return answer

    def document(self, doc_id: str) -> DocumentRecord:
        doc = self.index.documents.get(doc_id)
        if doc is None:
            raise DocumentNotFound(f"no document with doc_id '{doc_id}' (GET /api/documents lists them)")
        return doc

    def passage_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.index.passages:
            for doc_id in {s.doc_id for s in p.sources}:
                counts[doc_id] = counts.get(doc_id, 0) + 1
        return counts


def _merge_hits(first: list[Hit], second: list[Hit], k: int) -> list[Hit]:
    seen = {h.passage.passage_id for h in first}
    return (first + [h for h in second if h.passage.passage_id not in seen])[: max(k, len(first))]


def _interleave(first: list[Hit], second: list[Hit], k: int) -> list[Hit]:
    """The two rankings taken in turn, each passage once."""
    out: list[Hit] = []
    seen: set[str] = set()
    for pair in itertools.zip_longest(first, second):
        for h in pair:
            if h is not None and h.passage.passage_id not in seen:
                seen.add(h.passage.passage_id)
                out.append(h)
    return out[:k]
