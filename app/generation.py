"""Optional generative answers from an OpenAI-compatible chat-completions endpoint.

The model sees only the retrieved passages, numbered, and must cite them as [n]. Every
sentence of its reply is then checked against the passage it cites (embedding similarity to
the passage's best sentence, and word overlap); unsupported sentences are dropped and listed.
Any failure (timeout, connection error, malformed reply, nothing supported) falls back to
the extractive answer with a warning.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import httpx
import numpy as np

from .answering import NOT_COVERED, Answer, Citation
from .chunking import sentence_spans

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You answer questions for policy analysts using ONLY the numbered passages given. "
    "Write at most three short sentences. End every sentence with the number of the passage that "
    "supports it, like [2]. If the passages do not answer the question, reply exactly: NOT COVERED."
)
_MARKER = re.compile(r"\[(\d+)\]")


def _prompt(question: str, passages) -> str:
    blocks = [
        f"[{i}] ({p.title}, {p.author}, {p.date}; {p.section})\n{p.text}" for i, p in enumerate(passages, start=1)
    ]
    return "Passages:\n\n" + "\n\n".join(blocks) + f"\n\nQuestion: {question}"


def call_llm(settings, question: str, passages) -> str:
    headers = {"Authorization": f"Bearer {settings.llm_api_key}"} if settings.llm_api_key else {}
    body = {
        "model": settings.llm_model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": _prompt(question, passages)},
        ],
    }
    url = settings.llm_base_url.rstrip("/") + "/chat/completions"
    response = httpx.post(url, json=body, headers=headers, timeout=settings.llm_timeout_s)
    response.raise_for_status()
    content = response.json()["choices"][0]["message"]["content"]
    if not isinstance(content, str):
        raise ValueError("reply content is not text")
    return content.strip()


def _word_overlap(sentence: str, evidence: str) -> float:
    words = {w for w in re.findall(r"[a-z0-9]+", sentence.lower()) if len(w) > 2}
    have = set(re.findall(r"[a-z0-9]+", evidence.lower()))
    return len(words & have) / len(words) if words else 0.0


def generate_answer(question: str, extractive: Answer, service) -> Answer:
    settings = service.settings
    passages = [h.passage for h in extractive.hits[: settings.answer_passages]]

    def fallback(why: str) -> Answer:
        return replace(
            extractive,
            warnings=[*extractive.warnings, f"generation unavailable ({why}); showing the extractive answer"],
        )

    try:
        reply = call_llm(settings, question, passages)
    except httpx.TimeoutException:
        return fallback("the model endpoint timed out")
    except httpx.HTTPError as exc:
        return fallback(f"could not reach the model endpoint: {type(exc).__name__}")
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        return fallback(f"malformed reply: {type(exc).__name__}")
    if reply.upper().startswith("NOT COVERED"):
        return replace(
            extractive,
            grounded=False,
            citations=[],
            text=NOT_COVERED,
            mode="generative",
        )

    kept: list[tuple[str, int]] = []
    dropped: list[str] = []
    sentences = [reply[s.start : s.end] for s in sentence_spans(reply)]
    embed = service.embedder.embed
    for sentence in sentences:
        numbers = [int(n) for n in _MARKER.findall(sentence)]
        plain = _MARKER.sub("", sentence).strip()
        valid = [n for n in numbers if 1 <= n <= len(passages)]
        if not plain:
            continue
        if not valid:
            dropped.append(sentence)
            continue
        p = passages[valid[0] - 1]
        vec = embed([plain])[0]
        rows = service.index.sentence_vectors[p.sentence_rows] if p.sentence_rows else np.zeros((0, len(vec)))
        sim = float(np.max(rows @ vec)) if len(rows) else 0.0
        score = 0.6 * sim + 0.4 * _word_overlap(plain, p.text)
        if score >= settings.support_threshold:
            kept.append((plain, valid[0]))
        else:
            dropped.append(sentence)
    if not kept:
        return replace(fallback("no generated sentence was supported by its cited passage"), unsupported=dropped)

    citations: list[Citation] = []
    by_passage: dict[int, int] = {}
    parts = []
    for plain, idx in kept:
        if idx not in by_passage:
            p = passages[idx - 1]
            best = _best_sentence(service, p, plain)
            by_passage[idx] = len(citations) + 1
            citations.append(
                Citation(
                    len(citations) + 1, p, p.text[best[0] : best[1]], p.char_start + best[0], p.char_start + best[1]
                )
            )
        parts.append(f"{plain} [{by_passage[idx]}]")
    warnings = list(extractive.warnings)
    if dropped:
        warnings.append(f"{len(dropped)} generated sentence(s) dropped as not supported by the cited passage")
    return Answer(
        question, " ".join(parts), True, citations, extractive.hits, warnings, extractive.support, "generative", dropped
    )


def _best_sentence(service, passage, text: str) -> tuple[int, int]:
    """The passage sentence closest to a generated sentence: the quote shown as its evidence."""
    if not passage.sentence_rows:
        return 0, len(passage.text)
    vec = service.embedder.embed([text])[0]
    sims = service.index.sentence_vectors[passage.sentence_rows] @ vec
    span = passage.sentences[int(np.argmax(sims))]
    return span.start, span.end
