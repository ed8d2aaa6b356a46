"""FastAPI app factory: JSON API, web page, one place where errors become responses.

``create_app(settings, service=None)``: with a ready ``Service`` (tests build one over a
small index) the app uses it as is; otherwise the lifespan loads (and if needed builds) the
index and the model at start-up. Handlers get the service through ``Depends(get_service)``.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .deps import ServiceDep
from .errors import ServiceError
from .presenters import ask_response, document_out, document_summary, search_result
from .retrieval import Filters
from .schemas import ISO_DATE, AskRequest, AskResponse, DocumentOut, DocumentSummary, ErrorResponse, SearchResponse
from .settings import Settings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024


def get_filters(
    doc_id: Annotated[list[str] | None, Query(description="Only these documents (repeatable).")] = None,
    author: Annotated[str | None, Query(max_length=200, description="Author name contains this.")] = None,
    date_from: Annotated[str | None, Query(pattern=ISO_DATE, description="YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[str | None, Query(pattern=ISO_DATE, description="YYYY[-MM[-DD]]")] = None,
) -> Filters:
    return Filters(tuple(d for d in (doc_id or []) if d), author or None, date_from or None, date_to or None)


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def _json(model: BaseModel) -> Response:
    """A response model serialised once: FastAPI would validate the finished model again against
    ``response_model`` (which still documents the shape in OpenAPI), a millisecond per answer."""
    return Response(model.model_dump_json(), media_type="application/json")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query"))
        msg = err.get("msg", "invalid")
        if err.get("type") == "json_invalid":
            msg = "request body is not valid JSON"
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts) or "invalid request"


class BodyLimit:
    """413 for a request whose declared body is too large. Plain ASGI: the decorator-style
    middleware costs about a millisecond per request, a tenth of a search."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            length = dict(scope["headers"]).get(b"content-length", b"")
            if length.isdigit() and int(length) > self.max_bytes:
                response = _error(413, "body_too_large", f"request body over {self.max_bytes} bytes")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def api_router() -> APIRouter:
    router = APIRouter()
    errors = {422: {"model": ErrorResponse}, 503: {"model": ErrorResponse}}

    @router.get("/healthz")
    def healthz(service: ServiceDep) -> dict:
        return {"status": "ok", "passages": len(service.index), "documents": len(service.index.documents)}

    @router.get("/api/search", response_model=SearchResponse, responses=errors)
    async def search(
        q: Annotated[str, Query(min_length=1, max_length=2000, description="The query.")],
        filters: Annotated[Filters, Depends(get_filters)],
        service: ServiceDep,
        k: Annotated[int, Query(ge=1, le=50)] = 10,
    ) -> Response:
        if not q.strip():
            raise RequestValidationError(
                [{"loc": ("query", "q"), "msg": "q must not be empty or only whitespace", "type": "value_error"}]
            )
        hits = service.search(q, k=k, filters=filters)
        return _json(SearchResponse(query=q, results=[search_result(i, h) for i, h in enumerate(hits, start=1)]))

    @router.post("/api/ask", response_model=AskResponse, responses=errors)
    async def ask(body: AskRequest, service: ServiceDep) -> Response:
        filters = Filters(tuple(body.doc_id or ()), body.author, body.date_from, body.date_to)
        call = partial(service.ask, body.question, k=body.k, filters=filters)
        # An extractive answer is ~15 ms of CPU work, quickest on the loop's own thread; a
        # generation call waits on the network, so it goes to a worker thread.
        answer = await run_in_threadpool(call) if service.settings.llm_base_url else call()
        return _json(ask_response(answer))

    @router.get("/api/documents", response_model=list[DocumentSummary])
    def documents(service: ServiceDep) -> list[DocumentSummary]:
        counts = service.passage_counts()
        return [document_summary(d, counts.get(d.meta.doc_id, 0)) for d in service.index.documents.values()]

    @router.get("/api/documents/{doc_id}", response_model=DocumentOut, responses={404: {"model": ErrorResponse}})
    def document(doc_id: str, service: ServiceDep) -> DocumentOut:
        doc = service.document(doc_id)
        return document_out(doc, service.passage_counts().get(doc_id, 0))

    return router


def create_app(settings: Settings | None = None, service=None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if getattr(app.state, "service", None) is None:
            from .service import Service

            app.state.service = Service.load(settings)
        yield

    app = FastAPI(title="Policy corpus Q&A", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.service = service

    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError):
        return _error(exc.status_code, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return _error(422, "invalid_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = str(exc.detail)
        if exc.status_code == 400 and "parsing the body" in message:
            message = "request body could not be parsed: it must be UTF-8 encoded JSON"
        return _error(exc.status_code, "http_error", message)

    app.include_router(api_router())
    from .web import web_router

    app.include_router(web_router())
    return app
