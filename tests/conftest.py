"""Shared fixtures: a deterministic fake embedder and a small corpus for fast tests, and the
real index (built once per corpus hash under ./index, reused across sessions) for slow ones."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from app.settings import PROJECT_ROOT, Settings

REAL_CORPUS = PROJECT_ROOT / "corpus"


class FakeEmbedder:
    """Hashed bag of words: similar wording gives similar vectors. Stands in for the model in unit tests."""

    name = "fake-hash-embedder"
    dimension = 64

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts, *, batch_size: int = 32, progress: bool = False) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                h = int(hashlib.md5(word.encode()).hexdigest(), 16)
                out[i, h % self.dimension] += 1.0
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else out[i]
            if not norm:
                out[i, 0] = 1.0
        return out


SMALL_MANIFEST = """
[[documents]]
doc_id = "alpha"
file = "alpha.md"
title = "Alpha Report on Fisheries"
authors = ["Ann Editor"]
publisher = "Test Institute"
date = "2015-03"

  [[documents.chapters]]
  title = "Fish and Ships"
  authors = ["Carl Chapter"]

[[documents]]
doc_id = "beta"
file = "beta.txt"
title = "Beta article on energy"
authors = ["Bea Writer"]
date = "2018-06-14"
"""

ALPHA = """# Alpha Report on Fisheries

## Fish and Ships

Carl Chapter

### Context

The Japan Coast Guard (JCG) patrols the northern waters every winter. Patrol boats from Hokkaido cover the straits. The U.S. Navy sometimes joins these patrols as an observer.

Fishing quotas were cut by 12 percent in 2014 because stocks of pollock had fallen sharply.

## Notes

1. Fisheries Agency. Annual report. 2014.
2. Coast Guard statistics. 2013.
"""

BETA = """Beta article on energy

June 14, 2018 Energy , Opinion

By

Bea Writer

Liquefied natural gas from the Arctic would be shipped to Japan through the Northern Sea Route, the author argues, because the route is shorter than the Suez passage.

Category: Energy

Comments are closed.
"""


def make_small_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "manifest.toml").write_text(SMALL_MANIFEST, encoding="utf-8")
    (corpus / "alpha.md").write_text(ALPHA, encoding="utf-8")
    (corpus / "beta.txt").write_text(BETA, encoding="utf-8")
    return corpus


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def small_settings(tmp_path: Path) -> Settings:
    corpus = make_small_corpus(tmp_path)
    return Settings(
        corpus_dir=corpus,
        index_dir=tmp_path / "index",
        model="fake-hash-embedder",
        chunk_target_words=40,
        chunk_max_words=60,
        chunk_min_words=10,
        chunk_overlap_words=10,
    )


@pytest.fixture
def small_service(small_settings: Settings, fake_embedder: FakeEmbedder):
    from app.service import Service

    return Service.load(small_settings, fake_embedder)


@pytest.fixture
def client(small_service, small_settings):
    """A factory-built app over the small index."""
    from fastapi.testclient import TestClient

    from app.api import create_app

    with TestClient(create_app(small_settings, service=small_service)) as c:
        yield c


@pytest.fixture(scope="session")
def real_settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def real_service(real_settings: Settings):
    """The real model over the real corpus. The index under ./index is rebuilt only when the corpus changed."""
    from app.service import Service

    return Service.load(real_settings)


@pytest.fixture(scope="session")
def real_corpus_copy(tmp_path_factory) -> Path:
    dst = tmp_path_factory.mktemp("realcorpus") / "corpus"
    shutil.copytree(REAL_CORPUS, dst)
    return dst
