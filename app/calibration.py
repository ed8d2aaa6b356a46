"""Fit the abstention model: logistic regression on evidence features of answerable questions
(the golden set) against unanswerable ones. Run on purpose, then check on questions it did not
see (``python -m app eval --qa-dir ...`` on a hold-out set):

    python -m app calibrate --out app/support_weights.json
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .evaluation import load_jsonl
from .settings import Settings


def evidence_features(service, question: str) -> dict[str, float] | None:
    """Features of the sentence the answerer would quote; None when no candidate has the kind of answer asked."""
    from .evidence import has_kind

    expanded = service.retriever.expand(question)
    vector = service.retriever.embed_query(expanded)
    hits = service.retriever.search(question, k=service.settings.default_k, query_vector=vector)
    sel = service.answerer.select(question, hits, vector)
    if sel is None:
        return None
    best = sel.candidates[0]
    if sel.kind and not has_kind(best.text, sel.kind, question):
        return None
    return service.answerer.features(best, question, sel.q_terms, sel.entities)


def fit(settings: Settings, *, qa_dirs: list[Path], c: float = 1.0) -> dict:
    from sklearn.linear_model import LogisticRegression

    from .service import Service

    service = Service.load(settings)
    rows, labels = [], []
    for qa in qa_dirs:
        for name, label in (("golden.jsonl", 1), ("unanswerable.jsonl", 0)):
            for item in load_jsonl(qa / name):
                f = evidence_features(service, item["question"])
                if f is not None:  # the kind gate already decides these
                    rows.append(f)
                    labels.append(label)
    names = sorted(rows[0])
    x = np.array([[r[n] for n in names] for r in rows])
    y = np.array(labels)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=1000).fit(x, y)
    weights = {
        "bias": round(float(model.intercept_[0]), 4),
        "weights": {n: round(float(w), 4) for n, w in zip(names, model.coef_[0])},
    }
    probs = model.predict_proba(x)[:, 1]
    weights["fitted_on"] = {"answerable": int(y.sum()), "unanswerable": int(len(y) - y.sum())}
    weights["train_accuracy_at_0.5"] = round(float(((probs >= 0.5) == y).mean()), 4)
    return weights


def main_calibrate(settings: Settings, *, qa_dir: Path, out: Path | None, c: float) -> dict:
    weights = fit(settings, qa_dirs=[qa_dir], c=c)
    if out:
        out.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    return weights
