"""Evaluation on the golden Q&A set: retrieval (Recall@1/5/10, MRR@10) against two baselines,
and answer quality (key strings, abstention on both sides, verbatim quotes).

Golden items (``golden.jsonl``): ``{"id", "type", "question", "evidence": [{"doc_id", "text"}],
"answer_keys": [...]}``. Unanswerable items (``unanswerable.jsonl``): ``{"id", "question"}``.
Evidence text is matched in the clean document text after quote and whitespace normalisation;
a passage is relevant when it holds at least half of an evidence span.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from .cleaning import normalise
from .index import LoadedIndex, bm25_tokenize
from .settings import Settings

KS = (1, 5, 10)


def load_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def locate(evidence: str, text: str) -> tuple[int, int] | None:
    """Offsets of an evidence span in a clean text (quotes and blanks normalised)."""
    needle = normalise(evidence)
    at = text.find(needle)
    if at < 0:
        at = text.casefold().find(needle.casefold())
    return (at, at + len(needle)) if at >= 0 else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evidence_spans(item: dict, index: LoadedIndex) -> list[tuple[str, tuple[int, int]]]:
    out = []
    for ev in item["evidence"]:
        doc = index.documents.get(ev["doc_id"])
        span = locate(ev["text"], doc.text) if doc else None
        if span is None:
            raise ValueError(
                f"{item['id']}: evidence not found in the clean text of {ev['doc_id']}: {ev['text'][:80]!r}"
            )
        out.append((ev["doc_id"], span))
    return out


def _retrieval_metrics(
    ranked: list[list[tuple[str, int, int]]], spans: list[list[tuple[str, tuple[int, int]]]]
) -> dict:
    """ranked[i]: (doc_id, start, end) of each result for item i, best first."""
    recall = {k: [] for k in KS}
    rr = []
    for results, evs in zip(ranked, spans):
        first = None
        found_at: list[int | None] = []
        for doc_id, (a, b) in evs:
            need = max(1, (b - a) // 2)
            pos = next(
                (r for r, (d, s, e) in enumerate(results) if d == doc_id and _overlap((s, e), (a, b)) >= need), None
            )
            found_at.append(pos)
            if pos is not None and (first is None or pos < first):
                first = pos
        for k in KS:
            recall[k].append(sum(1 for p in found_at if p is not None and p < k) / len(evs))
        rr.append(1 / (first + 1) if first is not None and first < 10 else 0.0)
    n = max(len(rr), 1)
    out = {f"recall@{k}": round(sum(v) / n, 4) for k, v in recall.items()}
    out["mrr@10"] = round(sum(rr) / n, 4)
    return out


def _by_type(items, ranked, spans) -> dict:
    groups = defaultdict(list)
    for i, item in enumerate(items):
        groups[item.get("type", "other")].append(i)
    return {
        t: {"n": len(ix), **_retrieval_metrics([ranked[i] for i in ix], [spans[i] for i in ix])}
        for t, ix in sorted(groups.items())
    }


class _ChunkBaseline:
    """Fixed 1,000-character chunks of the same clean texts, searched by BM25 or by dense vectors alone."""

    def __init__(self, index: LoadedIndex, embedder, size: int = 1000) -> None:
        import bm25s

        self.chunks: list[tuple[str, int, int]] = []
        texts = []
        for doc_id, doc in index.documents.items():
            for start in range(0, len(doc.text), size):
                self.chunks.append((doc_id, start, min(start + size, len(doc.text))))
                texts.append(doc.text[start : start + size])
        self.bm25 = bm25s.BM25()
        self.bm25.index(bm25_tokenize(texts), show_progress=False)
        self.vocab = self.bm25.vocab_dict
        self.vectors = embedder.embed(texts, batch_size=32)
        self.embedder = embedder

    def bm25_search(self, q: str, k: int = 10) -> list[tuple[str, int, int]]:
        tokens = [t for t in bm25_tokenize([q])[0] if t in self.vocab]
        if not tokens:
            return []
        scores = self.bm25.get_scores(tokens)
        return [self.chunks[i] for i in np.argsort(-scores)[:k] if scores[i] > 0]

    def dense_search(self, q: str, k: int = 10) -> list[tuple[str, int, int]]:
        scores = self.vectors @ self.embedder.embed([q])[0]
        return [self.chunks[i] for i in np.argsort(-scores)[:k]]


def run_evaluation(
    settings: Settings,
    *,
    qa_dir: Path,
    floors_path: Path | None = None,
    baselines: bool = True,
    service=None,
    golden_name: str = "golden.jsonl",
    unanswerable_name: str = "unanswerable.jsonl",
) -> dict:
    from .service import Service

    service = service or Service.load(settings)
    index = service.index
    golden = load_jsonl(qa_dir / golden_name)
    unanswerable = load_jsonl(qa_dir / unanswerable_name)
    if not golden:
        raise ValueError(f"no golden items in {qa_dir / golden_name}")
    spans = [evidence_spans(item, index) for item in golden]

    started = time.time()
    hybrid = [
        [(h.passage.doc_id, h.passage.char_start, h.passage.char_end) for h in service.search(it["question"], k=10)]
        for it in golden
    ]
    report: dict = {"n_golden": len(golden), "n_unanswerable": len(unanswerable)}
    report["retrieval"] = {"hybrid": {**_retrieval_metrics(hybrid, spans), "by_type": _by_type(golden, hybrid, spans)}}
    if baselines:
        base = _ChunkBaseline(index, service.embedder)
        for name, fn in (("bm25_1000char", base.bm25_search), ("dense_1000char", base.dense_search)):
            ranked = [fn(it["question"]) for it in golden]
            report["retrieval"][name] = {
                **_retrieval_metrics(ranked, spans),
                "by_type": _by_type(golden, ranked, spans),
            }

    # Answers
    key_hits, all_keys, answered, quotes_ok, quotes_total = 0, 0, 0, 0, 0
    misses: list[dict] = []
    for item in golden:
        ans = service.ask(item["question"])
        text = normalise(ans.text).casefold()
        found = [normalise(k).casefold() in text for k in item.get("answer_keys", [])]
        has_key = any(found)
        key_hits += has_key
        all_keys += all(found)  # each part of "When ..., and which ...?", each source of a comparison
        answered += ans.grounded
        if not has_key or not ans.grounded:
            misses.append({"id": item["id"], "grounded": ans.grounded, "has_key": has_key})
        for c in ans.citations:
            quotes_total += 1
            quotes_ok += index.documents[c.passage.doc_id].text[c.char_start : c.char_end] == c.quote
    abstained = []
    for item in unanswerable:
        ans = service.ask(item["question"])
        abstained.append(not ans.grounded)
        for c in ans.citations:
            quotes_total += 1
            quotes_ok += index.documents[c.passage.doc_id].text[c.char_start : c.char_end] == c.quote
    n = len(golden)
    report["answers"] = {
        "key_string_share": round(key_hits / n, 4),
        "all_key_strings_share": round(all_keys / n, 4),
        "answerable_answered": round(answered / n, 4),
        "answerable_wrongly_abstained": round(1 - answered / n, 4),
        "unanswerable_abstained": round(sum(abstained) / len(abstained), 4) if abstained else None,
        "quotes_verbatim": round(quotes_ok / quotes_total, 4) if quotes_total else 1.0,
        "misses": misses,
        "answered_unanswerable": [it["id"] for it, a in zip(unanswerable, abstained) if not a],
    }
    report["seconds"] = round(time.time() - started, 1)
    report["failures"] = check_floors(report, floors_path) if floors_path else []
    report["text"] = format_report(report)
    return report


def flat_figures(report: dict) -> dict[str, float]:
    out = {}
    for name, m in report["retrieval"].items():
        for key, value in m.items():
            if key != "by_type":
                out[f"retrieval.{name}.{key}"] = value
    for key, value in report["answers"].items():
        if isinstance(value, (int, float)) and value is not None:
            out[f"answers.{key}"] = value
    return out


def check_floors(report: dict, floors_path: Path) -> list[str]:
    """Figures below their committed floor (or, for keys under "ceilings", above their ceiling)."""
    floors = json.loads(floors_path.read_text(encoding="utf-8"))
    figures = flat_figures(report)
    failures = []
    for key, floor in floors.get("floors", {}).items():
        if key not in figures:
            failures.append(f"{key}: missing from the report")
        elif figures[key] < floor:
            failures.append(f"{key} = {figures[key]} is below its floor {floor}")
    for key, ceiling in floors.get("ceilings", {}).items():
        if key in figures and figures[key] > ceiling:
            failures.append(f"{key} = {figures[key]} is above its ceiling {ceiling}")
    return failures


def format_report(report: dict) -> str:
    lines = [
        f"golden items: {report['n_golden']}, unanswerable: {report['n_unanswerable']}",
        "",
        "retrieval            R@1     R@5     R@10    MRR@10",
    ]
    for name, m in report["retrieval"].items():
        lines.append(
            f"  {name:<18} {m['recall@1']:.3f}   {m['recall@5']:.3f}   {m['recall@10']:.3f}   {m['mrr@10']:.3f}"
        )
    lines.append("")
    lines.append("hybrid by type       n   R@1     R@5     R@10    MRR@10")
    for t, m in report["retrieval"]["hybrid"]["by_type"].items():
        lines.append(
            f"  {t:<16} {m['n']:3d}   {m['recall@1']:.3f}   {m['recall@5']:.3f}   {m['recall@10']:.3f}   {m['mrr@10']:.3f}"
        )
    a = report["answers"]
    lines += [
        "",
        f"answers: key string {a['key_string_share']:.3f} (all key strings {a['all_key_strings_share']:.3f}), "
        f"answerable answered {a['answerable_answered']:.3f}, "
        f"unanswerable abstained {a['unanswerable_abstained']}, quotes verbatim {a['quotes_verbatim']:.3f}",
    ]
    if report.get("failures"):
        lines += ["", "FAILED floors:"] + [f"  - {f}" for f in report["failures"]]
    return "\n".join(lines)
