"""Ingest of new formats and bad files; the index: FAISS vs brute force, persistence, atomic swaps, staleness."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import numpy as np
import pytest

from app.errors import IndexMismatch
from app.index import build_index, ensure_index, is_stale, load_index
from app.ingest import ingest
from app.settings import PROJECT_ROOT, Settings

LONG = "The Northern Sea Route shortens shipping between Asia and Europe by almost a third, which matters for liquefied natural gas cargoes."


def test_html_and_pdf_are_ingested_and_bad_files_skipped(small_settings, caplog):
    from reportlab.pdfgen import canvas

    corpus = small_settings.corpus_dir
    (corpus / "gamma.html").write_text(
        f"<html><head><title>Gamma Page</title><script>var x=1;</script></head><body><nav>Home | About</nav>"
        f"<h1>Gamma Page</h1><h2>Shipping</h2><p>{LONG}</p><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    pdf = canvas.Canvas(str(corpus / "delta.pdf"))
    pdf.drawString(72, 760, "Delta Brief")
    pdf.drawString(72, 730, "Arctic convoys of icebreakers escorted twelve tankers in 2017 along the route.")
    pdf.save()
    (corpus / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (corpus / "latin.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (corpus / "empty.md").write_text("   \n", encoding="utf-8")
    (corpus / "image.png").write_bytes(b"\x89PNG")
    with caplog.at_level(logging.WARNING):
        result = ingest(corpus, small_settings.resolved_manifest_path)
    docs = {d.meta.doc_id: d for d in result.documents}
    assert "gamma" in docs and LONG in docs["gamma"].text
    assert "var x" not in docs["gamma"].text and "Copyright" not in docs["gamma"].text
    assert docs["gamma"].meta.title == "Gamma Page" and not docs["gamma"].meta.in_manifest
    assert "twelve tankers in 2017" in docs["delta"].text
    skipped = {s.path: s.reason for s in result.skipped}
    assert "binary" in skipped["blob.txt"]
    assert "UTF-8" in skipped["latin.txt"]
    assert "empty" in skipped["empty.md"]
    assert "unsupported file type" in skipped["image.png"]
    assert "gamma.html is not in the manifest" in caplog.text


def test_cli_ingest_reports_skipped_file_by_name(tmp_path):
    from .conftest import make_small_corpus

    corpus = make_small_corpus(tmp_path)
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    code = (
        f"import sys; sys.path.insert(0, {str(PROJECT_ROOT)!r}); from tests.conftest import FakeEmbedder; import app.embedding as e;"
        "e.SentenceTransformerEmbedder = lambda *a, **k: FakeEmbedder(); from app.cli import main;"
        f"sys.exit(main(['ingest', '--quiet', '--corpus-dir', {str(corpus)!r}, '--index-dir', {str(tmp_path / 'idx')!r}, '--model', 'fake']))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "documents:          2" in out.stdout
    assert "broken.txt: looks like a binary file" in out.stdout
    assert "furniture dropped:" in out.stdout


def test_faiss_equals_brute_force_also_after_load(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder)
    index = load_index(small_settings.index_dir)
    q = fake_embedder.embed(["coast guard patrols in winter"])[0]
    brute = np.argsort(-(index.passage_vectors @ q))[:3]
    _, ids = index.dense.search(q.reshape(1, -1), 3)
    assert list(ids[0]) == list(brute)
    assert index.manifest["dimension"] == fake_embedder.dimension and index.manifest["counts"]["passages"] == len(index)


def test_hnsw_selected_by_setting(small_settings, fake_embedder):
    import faiss

    settings = small_settings.model_copy(update={"dense_index": "hnsw"})
    build_index(settings, fake_embedder)
    assert isinstance(load_index(settings.index_dir).dense, faiss.IndexHNSW)


def test_failed_build_leaves_previous_index_usable(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder)
    before = load_index(small_settings.index_dir).manifest["built_at"]
    (small_settings.corpus_dir / "beta.txt").write_text("Changed text " * 30, encoding="utf-8")

    class Exploding:
        name = "fake-hash-embedder"

        def embed(self, texts, **kw):
            raise KeyboardInterrupt  # an interrupted build

    with pytest.raises(KeyboardInterrupt):
        build_index(small_settings, Exploding())
    index = load_index(small_settings.index_dir)
    assert index.manifest["built_at"] == before and len(index) > 0
    assert not list(small_settings.index_dir.parent.glob(".index.building-*"))


def test_stale_and_damaged_index_is_rebuilt(small_settings, fake_embedder):
    ensure_index(small_settings, fake_embedder)
    assert not is_stale(small_settings)
    (small_settings.corpus_dir / "beta.txt").write_text(
        "Beta article on energy\n\nA completely new paragraph about hydrogen exports from Australia to Japan, written for the test of staleness.",
        encoding="utf-8",
    )
    assert is_stale(small_settings)
    index = ensure_index(small_settings, fake_embedder)
    assert "hydrogen" in index.documents["beta"].text
    # damage a file: loading refuses with the fix, ensure_index rebuilds
    (small_settings.index_dir / "passages.jsonl").write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexMismatch, match="python -m app ingest"):
        load_index(small_settings.index_dir)
    assert len(ensure_index(small_settings, fake_embedder)) > 0


def test_settings_change_makes_index_stale(small_settings, fake_embedder):
    ensure_index(small_settings, fake_embedder)
    assert is_stale(small_settings.model_copy(update={"chunk_target_words": 50}))


def test_model_mismatch_is_refused(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder)
    with pytest.raises(IndexMismatch, match="built with model"):
        load_index(small_settings.index_dir, expected_model="another-model")


def test_manifest_records_versions_and_settings(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder)
    manifest = json.loads((small_settings.index_dir / "manifest.json").read_text())
    assert {"model", "dimension", "settings", "corpus_fingerprint", "versions", "built_at", "counts"} <= set(manifest)
    assert manifest["settings"]["chunk_target_words"] == 40


def test_settings_reject_impossible_combinations():
    with pytest.raises(ValueError, match="chunk_overlap_words"):
        Settings(chunk_overlap_words=200, chunk_target_words=160)


def test_every_setting_is_documented_in_readme():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"DOCQA_{name.upper()}" not in readme]
    assert not missing, f"settings missing from the README's table: {missing}"


def test_importing_the_api_does_not_import_torch():
    code = "import sys; import app.api, app.cli, app.service; print('torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60)
    assert out.stdout.strip() == "False False", out.stderr


def test_missing_model_error_says_how_to_fix():
    from app.embedding import resolve_model
    from app.errors import ModelUnavailable

    with pytest.raises(ModelUnavailable, match="DOCQA_MODEL"):
        resolve_model("no/such-model", allow_download=False)


def test_onnx_query_path_only_for_models_it_can_reproduce():
    """Models other than transformer + mean/CLS pooling (+ Normalize) keep torch for queries."""
    from app.embedding import _pooling_mode

    def module(kind: str, **attrs):
        return type(kind, (), attrs)()

    assert _pooling_mode([module("Transformer"), module("Pooling", pooling_mode="mean"), module("Normalize")]) == "mean"
    assert _pooling_mode([module("Transformer"), module("Pooling", pooling_mode="cls")]) == "cls"
    assert _pooling_mode([module("Transformer"), module("Pooling", pooling_mode="max")]) is None
    assert _pooling_mode([module("Transformer"), module("Pooling", pooling_mode="mean"), module("Dense")]) is None


def test_british_and_american_spellings_match_lexically():
    from app.index import american, bm25_tokenize

    assert american("The defence programme of the organisation was characterised as favourable.") == (
        "The defense program of the organization was characterized as favorable."
    )
    assert american("They raise and promise, exercise and advise.") == "They raise and promise, exercise and advise."
    assert bm25_tokenize(["defence outlay"])[0][0] == bm25_tokenize(["defense"])[0][0]
