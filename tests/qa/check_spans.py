#!/usr/bin/env python3
"""Validate tests/qa/golden.jsonl and tests/qa/unanswerable.jsonl.

Checks schema fields, that every evidence span is a verbatim substring of its
raw corpus file (and contains no line break / markup), and that every answer
key is a substring of some evidence text of the same item.

If the held-out set (tests/qa/holdout.jsonl and
tests/qa/holdout_unanswerable.jsonl) is present, it is checked the same way
(ids "h..." / "hu..."), plus: no backslash in evidence, answer keys of 1-5
words without non-breaking spaces, no evidence span shared with golden.jsonl.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.environ.get("QA_CORPUS_DIR", "/work/shared/corpus")
DOC_FILES = {
    "abiru-2020-new-equilibrium": "000_b4b37aea76677a68.txt",
    "funabashi-2016-reset-with-russia": "001_d56d7b4004e39bc2.txt",
    "stimson-2015-japans-global-diplomacy": "002_128de2a04d5d959a.txt",
    "valdai-2021-moscow-tokyo-pathways": "003_2f07ab5d0c976b05.txt",
    "kireeva-2018-asymmetry": "004_6583139472fcbe27.txt",
}
TYPES = {"fact", "why", "definition", "paraphrase", "recommendation", "multi_doc"}
MARKUP = ("\n", "\r", "<sup>", "*", "#", "[")
HOLDOUT_MARKUP = MARKUP + ("\\",)
HOLDOUT_FILE = "holdout.jsonl"
HOLDOUT_UNANS_FILE = "holdout_unanswerable.jsonl"


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main():
    texts = {}
    for doc_id, fname in DOC_FILES.items():
        with open(os.path.join(CORPUS, fname), encoding="utf-8") as fh:
            texts[doc_id] = fh.read()

    errors = []
    golden = load("golden.jsonl")
    unans = load("unanswerable.jsonl")
    ids = set()

    for it in golden:
        iid = it.get("id")
        where = f"golden {iid}"
        if set(it) != {"id", "type", "question", "evidence", "answer_keys"}:
            errors.append(f"{where}: bad keys {sorted(it)}")
            continue
        if not (isinstance(iid, str) and iid.startswith("g")) or iid in ids:
            errors.append(f"{where}: bad or duplicate id")
        ids.add(iid)
        if it["type"] not in TYPES:
            errors.append(f"{where}: bad type {it['type']!r}")
        if not isinstance(it["question"], str) or not it["question"].strip():
            errors.append(f"{where}: empty question")
        ev = it["evidence"]
        if not isinstance(ev, list) or not ev:
            errors.append(f"{where}: evidence must be a non-empty list")
            continue
        for e in ev:
            if set(e) != {"doc_id", "text"} or e["doc_id"] not in texts:
                errors.append(f"{where}: bad evidence entry {e}")
                continue
            t = e["text"]
            if not (40 <= len(t) <= 300):
                errors.append(f"{where}: evidence length {len(t)}")
            if any(m in t for m in MARKUP):
                errors.append(f"{where}: evidence contains line break or markup")
            if t not in texts[e["doc_id"]]:
                errors.append(f"{where}: span not verbatim in {e['doc_id']}: {t[:60]!r}")
        if it["type"] == "multi_doc":
            if len(ev) != 2 or len({e.get("doc_id") for e in ev}) != 2:
                errors.append(f"{where}: multi_doc needs one span from each of two docs")
        keys = it["answer_keys"]
        if not isinstance(keys, list) or not (1 <= len(keys) <= 3):
            errors.append(f"{where}: answer_keys must be a list of 1-3 strings")
            continue
        for k in keys:
            if not isinstance(k, str) or not k.strip():
                errors.append(f"{where}: empty answer key")
            elif not any(k in e.get("text", "") for e in ev):
                errors.append(f"{where}: answer key {k!r} not in evidence")

    for it in unans:
        iid = it.get("id")
        where = f"unanswerable {iid}"
        if set(it) != {"id", "question", "note"}:
            errors.append(f"{where}: bad keys {sorted(it)}")
            continue
        if not (isinstance(iid, str) and iid.startswith("u")) or iid in ids:
            errors.append(f"{where}: bad or duplicate id")
        ids.add(iid)
        for f in ("question", "note"):
            if not isinstance(it[f], str) or not it[f].strip():
                errors.append(f"{where}: empty {f}")

    if len(golden) < 55:
        errors.append(f"only {len(golden)} golden items (need >= 55)")
    if len(unans) < 25:
        errors.append(f"only {len(unans)} unanswerable items (need >= 25)")

    holdout_msg = ""
    if os.path.exists(os.path.join(HERE, HOLDOUT_FILE)) or os.path.exists(os.path.join(HERE, HOLDOUT_UNANS_FILE)):
        golden_spans = {
            (e.get("doc_id"), e.get("text")) for it in golden for e in it.get("evidence", []) if isinstance(e, dict)
        }
        n_h, n_hu = check_holdout(texts, ids, golden_spans, errors)
        holdout_msg = f", {n_h} holdout items, {n_hu} holdout unanswerable items"

    if errors:
        print("\n".join(errors))
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    print(f"OK: {len(golden)} golden items, {len(unans)} unanswerable items{holdout_msg}")
    return 0


def check_holdout(texts, ids, golden_spans, errors):
    """Check the held-out files; appends to errors, returns item counts."""
    hold = load(HOLDOUT_FILE) if os.path.exists(os.path.join(HERE, HOLDOUT_FILE)) else []
    hunans = load(HOLDOUT_UNANS_FILE) if os.path.exists(os.path.join(HERE, HOLDOUT_UNANS_FILE)) else []
    if not hold:
        errors.append(f"{HOLDOUT_FILE} missing or empty")
    if not hunans:
        errors.append(f"{HOLDOUT_UNANS_FILE} missing or empty")

    for it in hold:
        iid = it.get("id")
        where = f"holdout {iid}"
        if set(it) != {"id", "type", "question", "evidence", "answer_keys"}:
            errors.append(f"{where}: bad keys {sorted(it)}")
            continue
        if not (isinstance(iid, str) and iid.startswith("h") and not iid.startswith("hu")) or iid in ids:
            errors.append(f"{where}: bad or duplicate id")
        ids.add(iid)
        if it["type"] not in TYPES:
            errors.append(f"{where}: bad type {it['type']!r}")
        if not isinstance(it["question"], str) or not it["question"].strip():
            errors.append(f"{where}: empty question")
        ev = it["evidence"]
        if not isinstance(ev, list) or not ev:
            errors.append(f"{where}: evidence must be a non-empty list")
            continue
        for e in ev:
            if not isinstance(e, dict) or set(e) != {"doc_id", "text"} or e["doc_id"] not in texts:
                errors.append(f"{where}: bad evidence entry {e}")
                continue
            t = e["text"]
            if not isinstance(t, str):
                errors.append(f"{where}: evidence text must be a string")
                continue
            if not (40 <= len(t) <= 300):
                errors.append(f"{where}: evidence length {len(t)}")
            if any(m in t for m in HOLDOUT_MARKUP) or "\t" in t:
                errors.append(f"{where}: evidence contains line break, tab or markup")
            if t not in texts[e["doc_id"]]:
                errors.append(f"{where}: span not verbatim in {e['doc_id']}: {t[:60]!r}")
            if (e["doc_id"], t) in golden_spans:
                errors.append(f"{where}: evidence span also used in golden.jsonl")
        if it["type"] == "multi_doc":
            if len(ev) != 2 or len({e.get("doc_id") for e in ev if isinstance(e, dict)}) != 2:
                errors.append(f"{where}: multi_doc needs one span from each of two docs")
        keys = it["answer_keys"]
        if not isinstance(keys, list) or not (1 <= len(keys) <= 3):
            errors.append(f"{where}: answer_keys must be a list of 1-3 strings")
            continue
        for k in keys:
            if not isinstance(k, str) or not k.strip():
                errors.append(f"{where}: empty answer key")
                continue
            if "\u00a0" in k:
                errors.append(f"{where}: answer key {k!r} contains a non-breaking space")
            if not (1 <= len(k.split()) <= 5):
                errors.append(f"{where}: answer key {k!r} must be 1-5 words")
            if not any(k in e.get("text", "") for e in ev if isinstance(e, dict)):
                errors.append(f"{where}: answer key {k!r} not in evidence")

    for it in hunans:
        iid = it.get("id")
        where = f"holdout_unanswerable {iid}"
        if set(it) != {"id", "question", "note"}:
            errors.append(f"{where}: bad keys {sorted(it)}")
            continue
        if not (isinstance(iid, str) and iid.startswith("hu")) or iid in ids:
            errors.append(f"{where}: bad or duplicate id")
        ids.add(iid)
        for f in ("question", "note"):
            if not isinstance(it[f], str) or not it[f].strip():
                errors.append(f"{where}: empty {f}")

    if hold and len(hold) < 40:
        errors.append(f"only {len(hold)} holdout items (need >= 40)")
    if hunans and len(hunans) < 20:
        errors.append(f"only {len(hunans)} holdout unanswerable items (need >= 20)")
    return len(hold), len(hunans)


if __name__ == "__main__":
    sys.exit(main())
