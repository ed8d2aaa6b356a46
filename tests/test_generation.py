"""Generative mode against a small OpenAI-compatible server started on 127.0.0.1 by the test."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.service import Service


class _Handler(BaseHTTPRequestHandler):
    reply: object = ""
    delay = 0.0

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("content-length", 0))
        request = json.loads(self.rfile.read(length))
        type(self).last_request = request
        time.sleep(self.delay)
        if isinstance(self.reply, bytes):
            body = self.reply
        else:
            body = json.dumps({"choices": [{"message": {"role": "assistant", "content": self.reply}}]}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def llm_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, _Handler
    server.shutdown()
    _Handler.reply, _Handler.delay = "", 0.0


def _service(small_settings, fake_embedder, server, **extra):
    settings = small_settings.model_copy(
        update={"llm_base_url": f"http://127.0.0.1:{server.server_address[1]}/v1", "llm_timeout_s": 1.0, **extra}
    )
    return Service.load(settings, fake_embedder)


def test_supported_sentences_kept_unsupported_dropped(small_settings, fake_embedder, llm_server):
    server, handler = llm_server
    handler.reply = "Fishing quotas were cut by 12 percent in 2014 because pollock stocks had fallen sharply [1]. The moon is made of cheese [1]."
    service = _service(small_settings, fake_embedder, server)
    answer = service.ask("Why were fishing quotas cut in 2014?")
    assert answer.mode == "generative" and answer.grounded
    assert "12 percent" in answer.text and "cheese" not in answer.text
    assert any("cheese" in s for s in answer.unsupported) and any("dropped" in w for w in answer.warnings)
    doc = service.index.documents[answer.citations[0].passage.doc_id]
    c = answer.citations[0]
    assert doc.text[c.char_start : c.char_end] == c.quote
    prompt = handler.last_request["messages"][1]["content"]
    assert "[1]" in prompt and "Question: Why were fishing quotas cut in 2014?" in prompt


@pytest.mark.parametrize(
    "reply, delay, warning",
    [
        ("irrelevant", 2.0, "timed out"),
        (b"not json at all", 0.0, "malformed"),
        (b'{"choices": []}', 0.0, "malformed"),
        ("An uncited claim about fishing.", 0.0, "no generated sentence"),
    ],
)
def test_failures_fall_back_to_extractive(small_settings, fake_embedder, llm_server, reply, delay, warning):
    server, handler = llm_server
    handler.reply, handler.delay = reply, delay
    service = _service(small_settings, fake_embedder, server)
    answer = service.ask("Why were fishing quotas cut in 2014?")
    assert answer.mode == "extractive"
    assert any(warning in w for w in answer.warnings), answer.warnings


def test_connection_error_falls_back(small_settings, fake_embedder):
    settings = small_settings.model_copy(update={"llm_base_url": "http://127.0.0.1:9/v1", "llm_timeout_s": 1.0})
    answer = Service.load(settings, fake_embedder).ask("Why were fishing quotas cut in 2014?")
    assert answer.mode == "extractive" and any("could not reach" in w for w in answer.warnings)
