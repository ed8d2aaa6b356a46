"""The web page: a search box, answers with linked citations, ranked passages, the document view.

Server-side Jinja2 templates (autoescape on) over the same service and presenters as the JSON
API, so the page shows what ``POST /api/ask`` and ``GET /api/search`` return. A handler's
``ServiceError`` becomes an HTML error page with the error's status (``HTMLErrorRoute``); the
JSON handlers in api.py are left as they are. Static files are served by a small route, so the
router needs nothing mounted on the app.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, PlainTextResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import ValidationError

from .deps import ServiceDep
from .errors import BadRequest, ServiceError
from .index import STOPWORDS
from .models import Section
from .presenters import ask_response, search_result
from .retrieval import Filters
from .schemas import AskRequest, AskResponse, CitationOut

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
MODES = ("answer", "passages")

_STATIC_NAME = re.compile(r"[A-Za-z0-9_-]+\.(css|js|svg|png|ico)")
_MARKER = re.compile(r"\[(\d+)\]")
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------------------- text helpers


def document_href(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """URL of the document view, scrolled to the span [start, end) when one is given."""
    href = f"/documents/{quote(doc_id, safe='')}"
    if start is not None and end is not None:
        href += f"?start={start}&end={end}#cite"
    return href


def query_terms(query: str) -> list[str]:
    """The words of a query worth highlighting: no stopwords, nothing under three characters."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(query.casefold()):
        if len(word) >= 3 and word not in STOPWORDS:
            seen.setdefault(word, None)
    return sorted(seen, key=len, reverse=True)


def highlight(text: str, terms: Iterable[str]) -> Markup:
    """Escape ``text``, then wrap whole-word occurrences of ``terms`` (plurals too) in <mark>."""
    escaped = str(escape(text))
    terms = list(terms)
    if not terms:
        return Markup(escaped)
    # Entities (&amp; &#39;) are matched whole and kept, so a term never lands inside one.
    pattern = re.compile(r"&#?\w+;|\b(?:" + "|".join(map(re.escape, terms)) + r")(?:s|es)?\b", re.IGNORECASE)
    return Markup(pattern.sub(lambda m: m[0] if m[0].startswith("&") else f"<mark>{m[0]}</mark>", escaped))


def link_markers(answer: str, citations: list[CitationOut]) -> Markup:
    """Escape the answer, then turn each ``[n]`` into a link to its citation's span."""
    by_n = {c.n: c for c in citations}

    def link(m: re.Match) -> str:
        c = by_n.get(int(m[1]))
        if c is None:
            return m[0]
        href = escape(document_href(c.doc_id, c.char_start, c.char_end))
        label = escape(f"Source {c.n}: {c.title}")
        return f'<a class="cite-marker" href="{href}" aria-label="{label}">[{c.n}]</a>'

    return Markup(_MARKER.sub(link, str(escape(answer))))


@dataclass
class Block:
    """One paragraph of the document view: a heading or a body paragraph, already escaped."""

    tag: str
    html: Markup
    anchor: str | None = None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def document_blocks(text: str, sections: list[Section], span: tuple[int, int] | None = None) -> list[Block]:
    """The clean text as paragraphs; section starts get anchors (``sec-N``), ``span`` a <mark>.

    The first <mark> has ``id="cite"``; a span that runs over a paragraph break is marked
    in each paragraph it covers.
    """
    titled = {s.start: s for s in sections if s.path}
    blocks: list[Block] = []
    cite_placed = False
    for ps, pe in paragraph_spans(text):
        section = titled.get(ps)
        tag = "p"
        if section is not None and text[ps:pe].strip() == section.title:
            tag = f"h{min(len(section.path) + 1, 4)}"
        cuts = {ps, pe} | {a for a in titled if ps < a < pe}
        if span:
            cuts |= {x for x in span if ps < x < pe}
        points = sorted(cuts)
        out: list[str] = []
        in_mark = False
        for a, b in zip(points, points[1:], strict=False):
            want = span is not None and span[0] <= a and b <= span[1]
            if in_mark and not want:
                out.append("</mark>")
                in_mark = False
            if a in titled and a != ps:
                out.append(f'<span class="anchor" id="sec-{a}"></span>')
            if want and not in_mark:
                out.append('<mark class="cite">' if cite_placed else '<mark class="cite" id="cite">')
                in_mark = cite_placed = True
            out.append(str(escape(text[a:b])))
        if in_mark:
            out.append("</mark>")
        blocks.append(Block(tag, Markup("".join(out)), f"sec-{ps}" if section is not None else None))
    return blocks


def outline(sections: list[Section]) -> list[dict]:
    return [
        {"title": s.title, "depth": len(s.path), "href": f"#sec-{s.start}", "is_notes": s.is_notes}
        for s in sections
        if s.path
    ]


def parse_span(start: str | None, end: str | None, length: int) -> tuple[int, int] | None:
    """The [start, end) of a document URL, or None when neither is given. Raises BadRequest."""
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise BadRequest("give both start and end (character offsets), or neither")
    try:
        a, b = int(start), int(end)
    except ValueError:
        raise BadRequest("start and end must be whole numbers (character offsets)") from None
    if not 0 <= a < b <= length:
        raise BadRequest(
            f"start and end must satisfy 0 <= start < end <= {length} (the document's length); got {a} and {b}"
        )
    return a, b


def _validation_messages(exc: ValidationError) -> list[str]:
    names = {"question": "Question", "date_from": "Date from", "date_to": "Date to"}
    messages = []
    for err in exc.errors():
        field = str(err["loc"][0]) if err.get("loc") else ""
        msg = err["msg"]
        if err["type"] == "string_pattern_mismatch":
            msg = "use YYYY, YYYY-MM or YYYY-MM-DD"
        messages.append(f"{names.get(field, field)}: {msg}" if field else msg)
    return messages


# ---------------------------------------------------------------------------- routes


def _html_error_route(templates: Jinja2Templates) -> type[APIRoute]:
    """A route class that renders ServiceError and request validation errors as HTML pages."""

    class HTMLErrorRoute(APIRoute):
        def get_route_handler(self):
            handler = super().get_route_handler()

            async def route(request: Request) -> Response:
                try:
                    return await handler(request)
                except ServiceError as exc:
                    return error_page(request, exc.status_code, exc.message)
                except RequestValidationError as exc:
                    return error_page(request, 422, "; ".join(str(e.get("msg", "invalid")) for e in exc.errors()))

            return route

    def error_page(request: Request, status: int, message: str) -> Response:
        titles = {404: "Not found", 422: "Invalid request", 503: "Not ready"}
        context = {"status": status, "heading": titles.get(status, "Something went wrong"), "message": message}
        return templates.TemplateResponse(request, "error.html", context, status_code=status)

    return HTMLErrorRoute


def web_router() -> APIRouter:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True)
    env.globals["document_href"] = document_href
    env.filters["highlight"] = highlight
    templates = Jinja2Templates(env=env)
    router = APIRouter(route_class=_html_error_route(templates), include_in_schema=False)

    @router.get("/", name="search_page")
    def search_page(
        request: Request,
        service: ServiceDep,
        q: str = "",
        mode: str = "answer",
        doc_id: str = "",
        date_from: str = "",
        date_to: str = "",
    ) -> Response:
        mode = mode if mode in MODES else "answer"
        documents = sorted(service.index.documents.values(), key=lambda d: d.meta.title.casefold())
        params = {"q": q, "doc_id": doc_id, "date_from": date_from, "date_to": date_to}
        context: dict = {
            "q": q,
            "mode": mode,
            "doc_id": doc_id,
            "date_from": date_from,
            "date_to": date_to,
            "documents": [d.meta for d in documents],
            "filters_active": bool(doc_id or date_from or date_to),
            "errors": [],
            "result": None,
            "answer_html": None,
            "passages": None,
            "terms": query_terms(q),
            "other_mode_href": "/?" + urlencode({**params, "mode": "passages" if mode == "answer" else "answer"}),
        }
        if not q.strip():
            return templates.TemplateResponse(request, "search.html", context)
        try:
            # The same request model as POST /api/ask: one set of limits for the page and the API.
            req = AskRequest(
                question=q, doc_id=[doc_id] if doc_id else None, date_from=date_from or None, date_to=date_to or None
            )
            filters = Filters(tuple(req.doc_id or ()), None, req.date_from, req.date_to)
            if mode == "passages":
                hits = service.search(q, filters=filters)
                context["passages"] = [search_result(i, h) for i, h in enumerate(hits, start=1)]
            else:
                result: AskResponse = ask_response(service.ask(q, filters=filters))
                context["result"] = result
                context["answer_html"] = link_markers(result.answer, result.citations)
                context["passages"] = result.passages
        except ValidationError as exc:
            context["errors"] = _validation_messages(exc)
        except BadRequest as exc:
            context["errors"] = [exc.message]
        status = 422 if context["errors"] else 200
        return templates.TemplateResponse(request, "search.html", context, status_code=status)

    @router.get("/documents/{doc_id}", name="document_page")
    def document_page(
        request: Request,
        service: ServiceDep,
        doc_id: str,
        start: str | None = None,
        end: str | None = None,
    ) -> Response:
        doc = service.document(doc_id)
        span = parse_span(start, end, len(doc.text))
        context = {
            "meta": doc.meta,
            "span": span,
            "blocks": document_blocks(doc.text, doc.sections, span),
            "outline": outline(doc.sections),
            "section": next((s.label for s in doc.sections if span and s.start <= span[0] < s.end), ""),
        }
        return templates.TemplateResponse(request, "document.html", context)

    @router.get("/static/{name}", name="static")
    def static(name: str) -> Response:
        path = STATIC_DIR / name
        if not _STATIC_NAME.fullmatch(name) or not path.is_file():
            return PlainTextResponse("not found", status_code=404)
        media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return FileResponse(path, media_type=media_type, headers={"Cache-Control": "public, max-age=3600"})

    return router
