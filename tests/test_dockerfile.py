"""What can be checked of the Dockerfile without a Docker engine."""

from __future__ import annotations

import re

from app.settings import PROJECT_ROOT

DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_copies_only_what_exists():
    for line in re.findall(r"^COPY (.+)$", DOCKERFILE, re.M):
        *sources, _ = line.split()
        for src in sources:
            assert (PROJECT_ROOT / src).exists(), f"Dockerfile copies {src}, which is not in the repo"


def test_offline_non_root_with_healthcheck():
    assert "torch==2.13.0" in DOCKERFILE  # the pinned CPU build, installed before the rest
    assert re.search(r"^USER (?!root)\w+", DOCKERFILE, re.M)
    assert "HEALTHCHECK" in DOCKERFILE and "/healthz" in DOCKERFILE
    assert re.search(r'^CMD \["python", "-m", "app", "serve"\]', DOCKERFILE, re.M)
    # dependencies are installed before the code is copied, so code changes reuse that layer
    assert DOCKERFILE.index("pip install . ") < DOCKERFILE.index("COPY app ./app")
