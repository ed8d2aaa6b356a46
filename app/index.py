"""Build, persist and load the search index: a folder with a manifest.

Layout of ``index/``::

    manifest.json          model, dimension, chunk settings, corpus fingerprint, counts, versions, time
    passages.jsonl         one passage per line (text, metadata, offsets, sentence spans, sources)
    documents.json         clean text, metadata and section outline of every document
    passage_vectors.npy    L2-normalised passage embeddings (row i = passage i)
    sentence_vectors.npy   L2-normalised sentence embeddings (used by the answerer)
    dense.faiss            FAISS inner-product index over passage_vectors
    bm25/                  bm25s state
    abbreviations.json     abbreviations the corpus defines

A build writes into a temporary sibling folder and then swaps it in, so an interrupted or
failed build leaves the previous index in place.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import time
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

import numpy as np

from .abbreviations import extract_abbreviations
from .errors import IndexMismatch, IndexNotReady, ServiceError
from .ingest import IngestResult, ingest
from .models import Chapter, DocumentMeta, Passage, Section, Source, Span
from .settings import Settings

log = logging.getLogger(__name__)

FORMAT_VERSION = 6
MANIFEST = "manifest.json"


# ---------------------------------------------------------------------------- text for the retrievers


def index_text(p: Passage) -> str:
    """What the retrievers see: the section heading gives a passage its topic, the author lets
    "what does Hirose recommend" find Hirose's own text."""
    heading = " > ".join(p.section.split(" > ")[-2:])
    lead = ". ".join(x for x in (heading, p.author) if x)
    return f"{lead}.\n{p.text}" if lead else p.text


# British spellings as American ones, for lexical matching only ("defence outlay" finds "defense
# spending"; the corpus and its readers use both): a word list, not a rule, for "-ise" has exceptions
_ISE_STEMS = (
    "organ|recogn|character|emphas|prior|real|modern|normal|stabil|mobil|legitim|minim|maxim|util|special|summar"
    "|categor|author|critic|civil|democrat|global|industrial|liberal|militar|neutral|rational|privat|symbol|central"
    "|capital|harmon|jeopard|penal|subsid|synchron|visual|final|formal|institutional|international|operational"
    "|scrutin|marginal|antagon|patron|sympath|apolog|legal|local|regional|human|standard|southeast"
)
_BRITISH = (
    (re.compile(rf"\b({_ISE_STEMS})is(e|es|ed|ing|ation|ations)\b", re.I), r"\1iz\2"),
    (re.compile(r"\b(\w+)isation(s?)\b", re.I), r"\1ization\2"),
    (re.compile(r"\b(favo|hono|labo|neighbo|behavio|colo|harbo|endeavo|rumo|vigo|armo|flavo|humo)ur", re.I), r"\1r"),
    (re.compile(r"\b(defen|offen|licen|preten)ce(s?)\b", re.I), r"\1se\2"),
    (re.compile(r"\b(cent|theat|met|lit|fib)re(s?)\b", re.I), r"\1er\2"),
    (re.compile(r"\bprogramme(s?)\b", re.I), r"program\1"),
    (re.compile(r"\banalys(e|es|ed|ing)\b", re.I), r"analyz\1"),
    (re.compile(r"\b(travel|cancel|label|model|fuel|signal|channel)l(ed|ing)\b", re.I), r"\1\2"),
)


def american(text: str) -> str:
    for pattern, repl in _BRITISH:
        text = pattern.sub(repl, text)
    return text


def bm25_tokenize(texts: list[str]) -> list[list[str]]:
    import bm25s

    return bm25s.tokenize(
        [american(t) for t in texts], stopwords="en", stemmer=_stemmer(), return_ids=False, show_progress=False
    )


# common English words: never a name's spelt-out word, never worth highlighting
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing done down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off
    on once only or other our out over own same she should so some such than that the their them then there
    these they this those through to too under until up very was we were what when where which while who whom
    why will with would you your""".split()
)


@functools.lru_cache(maxsize=1024)
def text_terms(text: str) -> tuple[str, ...]:
    """One text's terms, memoised: a question is tokenised by the retriever and the answerer."""
    return tuple(bm25_tokenize([text])[0])


@functools.cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


# ---------------------------------------------------------------------------- fingerprint


def settings_fingerprint(settings: Settings) -> dict:
    return {
        "format": FORMAT_VERSION,
        "model": settings.model,
        "chunk_target_words": settings.chunk_target_words,
        "chunk_max_words": settings.chunk_max_words,
        "chunk_min_words": settings.chunk_min_words,
        "chunk_overlap_words": settings.chunk_overlap_words,
        "sentence_max_words": settings.sentence_max_words,
        "dense_index": settings.dense_index,
        "hnsw_threshold": settings.hnsw_threshold,
    }


def corpus_fingerprint(settings: Settings) -> str:
    """Hash of every corpus file (name and bytes), the manifest and the settings that shape the index."""
    h = hashlib.sha256()
    corpus = settings.corpus_dir
    files = sorted(p for p in corpus.iterdir() if p.is_file() and not p.name.startswith(".")) if corpus.is_dir() else []
    manifest = settings.resolved_manifest_path
    if manifest.exists() and manifest.parent != corpus:
        files.append(manifest)
    for path in files:
        h.update(path.name.encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    h.update(json.dumps(settings_fingerprint(settings), sort_keys=True).encode())
    return h.hexdigest()


def _versions() -> dict[str, str]:
    out = {}
    for name in ("sentence-transformers", "torch", "faiss-cpu", "bm25s", "numpy", "pysbd"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return out


# ---------------------------------------------------------------------------- the loaded index


@dataclass
class DocumentRecord:
    meta: DocumentMeta
    text: str
    sections: list[Section]


@dataclass
class LoadedIndex:
    path: Path
    manifest: dict
    passages: list[Passage]
    documents: dict[str, DocumentRecord]
    passage_vectors: np.ndarray
    sentence_vectors: np.ndarray
    dense: object  # faiss.Index
    bm25: object  # bm25s.BM25
    abbreviations: dict[str, str]

    def __len__(self) -> int:
        return len(self.passages)


def _make_faiss(vectors: np.ndarray, settings: Settings):
    import faiss

    dim = vectors.shape[1]
    use_hnsw = settings.dense_index == "hnsw" or (
        settings.dense_index == "auto" and len(vectors) >= settings.hnsw_threshold
    )
    if use_hnsw:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 200
        index.hnsw.efSearch = 128
    else:
        index = faiss.IndexFlatIP(dim)
    index.add(vectors)
    return index


def build_index(
    settings: Settings, embedder, *, progress: bool = False, result: IngestResult | None = None
) -> IngestResult:
    """Ingest the corpus, embed it and write the index folder atomically. Returns the ingest result."""
    import bm25s
    import faiss

    if result is None:
        result = ingest(
            settings.corpus_dir,
            settings.resolved_manifest_path,
            target=settings.chunk_target_words,
            max_words=settings.chunk_max_words,
            min_words=settings.chunk_min_words,
            overlap=settings.chunk_overlap_words,
            sentence_max_words=settings.sentence_max_words,
            progress=progress,
        )
    if not result.passages:
        raise ServiceError(f"no passages: the corpus folder {settings.corpus_dir} holds no readable text")
    fingerprint = corpus_fingerprint(settings)
    started = time.time()
    passages = result.passages
    doc_text = {d.meta.doc_id: d.text for d in result.documents}

    # Sentences, unique per document span (overlapping passages share them).
    sentence_keys: dict[tuple[str, int, int], int] = {}
    sentence_texts: list[str] = []
    for p in passages:
        rows = []
        for s in p.sentences:
            key = (p.doc_id, p.char_start + s.start, p.char_start + s.end)
            if key not in sentence_keys:
                sentence_keys[key] = len(sentence_texts)
                sentence_texts.append(doc_text[p.doc_id][key[1] : key[2]])
            rows.append(sentence_keys[key])
        p.sentence_rows = rows

    log.info("embedding %d passages and %d sentences with %s", len(passages), len(sentence_texts), embedder.name)
    passage_vectors = embedder.embed(
        [index_text(p) for p in passages], batch_size=settings.embed_batch_size, progress=progress
    )
    sentence_vectors = embedder.embed(sentence_texts, batch_size=settings.embed_batch_size * 2, progress=progress)

    abbreviations: dict[str, str] = {}
    for doc in result.documents:
        for abbr, expansion in extract_abbreviations(doc.text).items():
            abbreviations.setdefault(abbr, expansion)

    target = settings.index_dir
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.building-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        with open(tmp / "passages.jsonl", "w", encoding="utf-8") as f:
            for p in passages:
                f.write(json.dumps(asdict(p), ensure_ascii=False) + "\n")
        docs = [
            {"meta": asdict(d.meta), "text": d.text, "sections": [asdict(s) for s in d.sections]}
            for d in result.documents
        ]
        (tmp / "documents.json").write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        np.save(tmp / "passage_vectors.npy", passage_vectors)
        np.save(tmp / "sentence_vectors.npy", sentence_vectors)
        faiss.write_index(_make_faiss(passage_vectors, settings), str(tmp / "dense.faiss"))
        bm25 = bm25s.BM25()
        bm25.index(bm25_tokenize([index_text(p) for p in passages]), show_progress=False)
        bm25.save(str(tmp / "bm25"), show_progress=False)
        (tmp / "abbreviations.json").write_text(
            json.dumps(abbreviations, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        summary = result.summary()
        manifest = {
            "format": FORMAT_VERSION,
            "model": settings.model,
            "dimension": int(passage_vectors.shape[1]),
            "normalised": True,
            "settings": settings_fingerprint(settings),
            "corpus_fingerprint": fingerprint,
            "counts": {
                **{k: v for k, v in summary.items() if k != "files_skipped"},
                "sentences": len(sentence_texts),
            },
            "files_skipped": summary["files_skipped"],
            "versions": _versions(),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.time() - started, 2),
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        _swap_in(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("index written to %s", target)
    return result


def _swap_in(tmp: Path, target: Path) -> None:
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def _recover(target: Path) -> None:
    """A crash between the two renames of a swap leaves only the old folder: put it back."""
    if target.exists():
        return
    olds = sorted(target.parent.glob(f".{target.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds:
        log.warning("restoring the previous index from %s", olds[-1])
        os.replace(olds[-1], target)


def read_manifest(index_dir: Path) -> dict | None:
    try:
        return json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load_index(index_dir: Path, *, expected_model: str | None = None) -> LoadedIndex:
    import bm25s
    import faiss

    _recover(index_dir)
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexNotReady(f"no index at {index_dir}: run `python -m app ingest` to build it")
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexMismatch(
            f"index at {index_dir} has format {manifest.get('format')}, expected {FORMAT_VERSION}: run `python -m app ingest`"
        )
    if expected_model and manifest.get("model") != expected_model:
        raise IndexMismatch(
            f"index at {index_dir} was built with model '{manifest.get('model')}', settings ask for '{expected_model}': "
            "run `python -m app ingest` to rebuild it"
        )
    try:
        passages = []
        with open(index_dir / "passages.jsonl", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                d["authors"] = tuple(d["authors"])
                d["sentences"] = [Span(**s) for s in d["sentences"]]
                d["sources"] = [Source(**{**s, "authors": tuple(s["authors"])}) for s in d["sources"]]
                passages.append(Passage(**d))
        documents = {}
        for d in json.loads((index_dir / "documents.json").read_text(encoding="utf-8")):
            meta = d["meta"]
            meta["authors"] = tuple(meta["authors"])
            meta["chapters"] = tuple(Chapter(c["title"], tuple(c["authors"])) for c in meta["chapters"])
            sections = [Section(**{**s, "path": tuple(s["path"])}) for s in d["sections"]]
            documents[meta["doc_id"]] = DocumentRecord(DocumentMeta(**meta), d["text"], sections)
        passage_vectors = np.load(index_dir / "passage_vectors.npy")
        sentence_vectors = np.load(index_dir / "sentence_vectors.npy")
        dense = faiss.read_index(str(index_dir / "dense.faiss"))
        bm25 = bm25s.BM25.load(str(index_dir / "bm25"), show_progress=False)
        abbreviations = json.loads((index_dir / "abbreviations.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexMismatch(
            f"index at {index_dir} is damaged ({type(exc).__name__}: {exc}): run `python -m app ingest`"
        ) from exc
    if not (len(passages) == len(passage_vectors) == dense.ntotal) or passage_vectors.shape[1] != manifest["dimension"]:
        raise IndexMismatch(
            f"index at {index_dir} is inconsistent (passages, vectors and FAISS disagree): run `python -m app ingest`"
        )
    return LoadedIndex(
        index_dir, manifest, passages, documents, passage_vectors, sentence_vectors, dense, bm25, abbreviations
    )


def is_stale(settings: Settings) -> bool:
    manifest = read_manifest(settings.index_dir)
    return manifest is None or manifest.get("corpus_fingerprint") != corpus_fingerprint(settings)


def ensure_index(settings: Settings, embedder, *, progress: bool = False) -> LoadedIndex:
    """Load the index, (re)building it first when it is missing, stale or damaged."""
    _recover(settings.index_dir)
    if is_stale(settings):
        log.info("index at %s is missing or stale: building it", settings.index_dir)
        build_index(settings, embedder, progress=progress)
    try:
        return load_index(settings.index_dir, expected_model=settings.model)
    except (IndexMismatch, IndexNotReady) as exc:
        log.warning("%s; rebuilding", exc.message)
        build_index(settings, embedder, progress=progress)
        return load_index(settings.index_dir, expected_model=settings.model)
