"""HTTP API on a factory-built app over a small index (fake embedder): contracts and bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.api import create_app


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["passages"] > 0


def test_search_contract(client):
    r = client.get("/api/search", params={"q": "coast guard patrols", "k": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["query"] == "coast guard patrols" and 1 <= len(body["results"]) <= 3
    first = body["results"][0]
    assert set(first) >= {
        "rank",
        "score",
        "passage_id",
        "doc_id",
        "title",
        "section",
        "author",
        "date",
        "text",
        "char_start",
        "char_end",
    }
    assert first["rank"] == 1 and "Coast Guard" in first["text"]
    context = next(x for x in body["results"] if "Japan Coast Guard" in x["text"])
    assert context["author"] == "Carl Chapter"  # the chapter's author, not the editor
    assert context["section"] == "Fish and Ships > Context"


def test_search_abbreviation_expansion(client, small_service):
    assert small_service.index.abbreviations["JCG"] == "Japan Coast Guard"  # defined inline in the corpus
    results = client.get("/api/search", params={"q": "JCG", "k": 5}).json()["results"]
    # the expansion finds text that only spells the name out
    assert any("JCG" not in x["text"] and "Coast Guard" in x["text"] for x in results)
    results = client.get("/api/search", params={"q": "what does the Japan Coast Guard patrol", "k": 1}).json()[
        "results"
    ]
    assert "JCG" in results[0]["text"]


@pytest.mark.parametrize(
    "params",
    [
        {"doc_id": "beta"},
        {"author": "bea"},
        {"date_from": "2016", "date_to": "2019-01"},
    ],
)
def test_search_filters(client, params):
    r = client.get("/api/search", params={"q": "gas shipped coast guard patrols", "k": 10, **params})
    assert r.status_code == 200
    results = r.json()["results"]
    assert results and all(x["doc_id"] == "beta" for x in results)


@pytest.mark.parametrize(
    "params, fragment",
    [
        ({"q": "x", "k": 0}, "k"),
        ({"q": "x", "k": 51}, "k"),
        ({"q": "x", "k": "ten"}, "k"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({}, "q"),
        ({"q": "x", "date_from": "March 2015"}, "date_from"),
        ({"q": "x", "doc_id": "nope"}, "unknown doc_id"),
    ],
)
def test_search_bad_parameters_are_422(client, params, fragment):
    r = client.get("/api/search", params=params)
    assert r.status_code == 422
    assert fragment in r.json()["error"]["message"]


def test_ask_contract_and_verbatim_quotes(client, small_service):
    r = client.post("/api/ask", json={"question": "Why were fishing quotas cut in 2014?"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"question", "answer", "grounded", "citations", "passages"}
    assert body["passages"]
    for c in body["citations"]:
        text = small_service.index.documents[c["doc_id"]].text
        assert text[c["char_start"] : c["char_end"]] == c["quote"]
        assert f"[{c['n']}]" in body["answer"]
    import re

    assert {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])} == {c["n"] for c in body["citations"]}


@pytest.mark.parametrize(
    "payload, status, fragment",
    [
        ({"question": ""}, 422, "question"),
        ({"question": "   \n\t"}, 422, "empty"),
        ({"question": "x" * 2001}, 422, "2000"),
        ({"question": 42}, 422, "question"),
        ({"question": "ok", "k": "many"}, 422, "k"),
        ({"question": "ok", "k": 0}, 422, "k"),
        ({}, 422, "question"),
        ({"question": "ok", "bogus": 1}, 422, "bogus"),
    ],
)
def test_ask_bad_input(client, payload, status, fragment):
    r = client.post("/api/ask", json=payload)
    assert r.status_code == status
    assert fragment in r.json()["error"]["message"]


def test_ask_body_not_json_or_not_utf8(client):
    r = client.post("/api/ask", content=b"question=hello", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["error"]["message"]
    r = client.post("/api/ask", content=b'{"question": "caf\xe9"}', headers={"content-type": "application/json"})
    assert r.status_code in (400, 422) and r.json()["error"]["message"]
    r = client.post("/api/ask", content=b"x" * 70_000, headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_documents(client):
    r = client.get("/api/documents")
    assert r.status_code == 200
    docs = {d["doc_id"]: d for d in r.json()}
    assert docs["alpha"]["passages"] > 0 and docs["alpha"]["chapters"][0]["authors"] == ["Carl Chapter"]
    r = client.get("/api/documents/alpha")
    body = r.json()
    assert body["text"] and any(s["title"] == "Context" for s in body["sections"])
    for s in body["sections"]:
        assert body["text"][s["start"] : s["end"]].startswith(s["title"]) or not s["title"]
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and "nope" in r.json()["error"]["message"]


def test_index_not_ready_is_503(small_settings):
    app = create_app(small_settings, service=None)
    c = TestClient(app)  # no lifespan: nothing loaded
    r = c.get("/api/search", params={"q": "x"})
    assert r.status_code == 503 and "loading" in r.json()["error"]["message"]


def test_compound_question_answers_each_part(client):
    from app.questions import split_question

    q = "Why were fishing quotas cut in 2014, and what does the Japan Coast Guard patrol?"
    assert split_question(q) == ["Why were fishing quotas cut in 2014?", "What does the Japan Coast Guard patrol?"]
    body = client.post("/api/ask", json={"question": q}).json()
    import re

    assert {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])} == {c["n"] for c in body["citations"]}
    assert len({(c["doc_id"], c["char_start"]) for c in body["citations"]}) == len(body["citations"])
