"""Latency benchmark, run on purpose (never as a timed unit test): medians measured in one run.

One query embedding, ``GET /api/search`` and ``POST /api/ask`` through the real app (in-process
ASGI client, so HTTP parsing, validation and serialisation are included), over the golden
questions after a warm-up.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from .settings import Settings


def run_benchmark(settings: Settings, *, questions_path: Path, rounds: int = 3) -> dict:
    from fastapi.testclient import TestClient

    from .api import create_app
    from .service import Service

    questions = [json.loads(line)["question"] for line in questions_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    service = Service.load(settings)
    client = TestClient(create_app(settings, service=service))
    for q in questions[:5]:  # warm-up
        client.get("/api/search", params={"q": q})
        client.post("/api/ask", json={"question": q})
    embed, search, ask = [], [], []
    for r in range(rounds):
        for q in questions:
            q = f"{q} " * (r + 1)  # a different string each round: nothing is served from a cache
            t = time.perf_counter()
            service.embedder.embed([q])
            embed.append(time.perf_counter() - t)
            t = time.perf_counter()
            assert client.get("/api/search", params={"q": q, "k": 10}).status_code == 200
            search.append(time.perf_counter() - t)
            t = time.perf_counter()
            assert client.post("/api/ask", json={"question": q}).status_code == 200
            ask.append(time.perf_counter() - t)

    def ms(values):
        return {"p50_ms": round(statistics.median(values) * 1000, 2), "p90_ms": round(sorted(values)[int(len(values) * 0.9)] * 1000, 2)}

    report = {"n": len(embed), "query_embedding": ms(embed), "api_search": ms(search), "api_ask": ms(ask)}
    report["ask_over_embedding_p50"] = round(report["api_ask"]["p50_ms"] / report["query_embedding"]["p50_ms"], 2)
    return report
