"""Latency benchmark, run on purpose (never as a timed unit test): medians measured in one run.

Times, over the golden questions after a warm-up: one query embedding alone (in this process;
through torch as the reference, and through ONNX Runtime as the server embeds it),
then ``GET /api/search`` and ``POST /api/ask`` over HTTP against ``python -m app serve`` started
on 127.0.0.1 in its own process, with a keep-alive client. Each question is
made unique per round so nothing is served from a cache.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .settings import Settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_benchmark(settings: Settings, *, questions_path: Path, rounds: int = 3) -> dict:
    import httpx

    questions = [
        json.loads(line)["question"] for line in questions_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    from .embedding import SentenceTransformerEmbedder

    # the reference: one query embedding with torch's default threads (both cores), in this process
    embedder = SentenceTransformerEmbedder(
        settings.model, device=settings.device, allow_download=settings.allow_download
    )

    def variants(r: int, q: str) -> tuple[str, str]:
        q = f"{q} " + "?" * r  # a different string each round: nothing comes from a cache
        return q, " ".join(q.rstrip("? ").split()[-5:]) + " " + "x" * r  # and a short keyword query

    # 1. the query embedding alone, before any server thread exists: first through torch
    # (sentence-transformers, the reference), then through the runtime the server uses
    def time_embeddings() -> tuple[list[float], list[float]]:
        embedder.embed(["warm-up"])
        embed, short_embed = [], []
        for r in range(rounds):
            for question in questions:
                q, short = variants(r, question)
                for text, bucket in ((q, embed), (short, short_embed)):
                    t = time.perf_counter()
                    embedder.embed([text])
                    bucket.append(time.perf_counter() - t)
        return embed, short_embed

    embed, short_embed = time_embeddings()
    served_embed = served_short_embed = None
    if settings.query_runtime == "onnx" and embedder.use_onnx_for_queries(threads=settings.query_thread_count):
        served_embed, served_short_embed = time_embeddings()

    # 2. the API over HTTP, served by `python -m app serve` in a process of its own
    port = _free_port()
    env = {
        **os.environ,
        "DOCQA_INDEX_DIR": str(settings.index_dir),
        "DOCQA_CORPUS_DIR": str(settings.corpus_dir),
        "DOCQA_MODEL": settings.model,
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    search, ask, short_search = [], [], []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            deadline = time.time() + 300
            while True:
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.time() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start")
                time.sleep(0.2)
            for q in questions[:5]:  # warm-up
                client.get("/api/search", params={"q": q})
                client.post("/api/ask", json={"question": q})
            for r in range(rounds):
                for question in questions:
                    q, short = variants(r, question)
                    for method, path, kwargs, bucket in (
                        ("GET", "/api/search", {"params": {"q": q, "k": 10}}, search),
                        ("POST", "/api/ask", {"json": {"question": q}}, ask),
                        ("GET", "/api/search", {"params": {"q": short, "k": 10}}, short_search),
                    ):
                        t = time.perf_counter()
                        assert client.request(method, path, **kwargs).status_code == 200
                        bucket.append(time.perf_counter() - t)
    finally:
        server.terminate()
        server.wait(timeout=30)

    def ms(values):
        return {
            "p50_ms": round(statistics.median(values) * 1000, 2),
            "p90_ms": round(sorted(values)[int(len(values) * 0.9)] * 1000, 2),
        }

    report = {
        "n": len(embed),
        "query_embedding": ms(embed),
        "api_search": ms(search),
        "api_ask": ms(ask),
        "short_query_embedding": ms(short_embed),
        "short_query_api_search": ms(short_search),
    }
    if served_embed:
        report["onnx_query_embedding"] = ms(served_embed)
        report["onnx_short_query_embedding"] = ms(served_short_embed)
        report["ask_over_onnx_embedding_p50"] = round(
            report["api_ask"]["p50_ms"] / report["onnx_query_embedding"]["p50_ms"], 2
        )
    report["search_over_embedding_p50"] = round(report["api_search"]["p50_ms"] / report["query_embedding"]["p50_ms"], 2)
    report["ask_over_embedding_p50"] = round(report["api_ask"]["p50_ms"] / report["query_embedding"]["p50_ms"], 2)
    return report
