"""Find the corpus files, read their manifest entries, and turn each file into raw text.

Plain text and markdown are decoded as UTF-8; HTML goes through BeautifulSoup and PDF through
pypdf, both rendered as markdown-like text (``#`` headings, blank lines between paragraphs)
so the cleaning and section stages treat every format alike.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ManifestError, UnsupportedDocument
from .models import Chapter, DocumentMeta

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class RawDocument:
    meta: DocumentMeta
    text: str


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


def slugify(text: str) -> str:
    return _SLUG_RE.sub("-", text.lower()).strip("-")[:80] or "document"


def load_manifest(path: Path) -> dict[str, DocumentMeta]:
    """Manifest entries keyed by file name. A missing manifest is an empty one."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: not valid TOML ({exc})") from exc
    entries: dict[str, DocumentMeta] = {}
    seen_ids: set[str] = set()
    for i, doc in enumerate(data.get("documents", [])):
        where = f"{path}: documents[{i}]"
        for key in ("doc_id", "file", "title"):
            if not isinstance(doc.get(key), str) or not doc[key].strip():
                raise ManifestError(f"{where}: '{key}' is required and must be a string")
        if doc["doc_id"] in seen_ids:
            raise ManifestError(f"{where}: doc_id '{doc['doc_id']}' is used twice")
        seen_ids.add(doc["doc_id"])
        date = str(doc.get("date", ""))
        if date and not _DATE_RE.match(date):
            raise ManifestError(f"{where}: date '{date}' is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)")
        chapters = tuple(
            Chapter(title=c["title"], authors=tuple(c.get("authors", ()))) for c in doc.get("chapters", [])
        )
        entries[doc["file"]] = DocumentMeta(
            doc_id=doc["doc_id"],
            title=doc["title"],
            authors=tuple(doc.get("authors", ())),
            publisher=doc.get("publisher", ""),
            date=date,
            url=doc.get("url", ""),
            path=doc["file"],
            chapters=chapters,
        )
    return entries


def discover(corpus_dir: Path) -> list[Path]:
    """Every file in the corpus folder that is not the manifest or hidden, sorted by name."""
    if not corpus_dir.is_dir():
        raise ManifestError(f"corpus folder {corpus_dir} does not exist")
    return sorted(
        p for p in corpus_dir.iterdir() if p.is_file() and not p.name.startswith(".") and p.name != "manifest.toml"
    )


def read_file(path: Path) -> str:
    """Raw text of one corpus file; raises UnsupportedDocument naming the file and the reason."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedDocument(
            f"{path.name}: unsupported file type '{suffix or '(none)'}' (supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnsupportedDocument(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise UnsupportedDocument(f"{path.name}: file is empty")
    if suffix == ".pdf":
        text = _pdf_text(path, data)
    else:
        if b"\x00" in data[:8192]:
            raise UnsupportedDocument(f"{path.name}: looks like a binary file, not {suffix} text")
        try:
            decoded = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnsupportedDocument(f"{path.name}: not valid UTF-8 (byte {exc.start}: {exc.reason})") from exc
        text = _html_text(decoded) if suffix in (".html", ".htm") else decoded
    if not text.strip():
        raise UnsupportedDocument(f"{path.name}: no text could be extracted")
    return text


def _html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "footer", "header", "aside", "form", "template"]):
        tag.decompose()
    blocks: list[str] = []
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    body = soup.body or soup
    for el in body.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre"]):
        if el.find_parent(["p", "li", "blockquote"]) is not None:
            continue  # nested: its text is part of the parent's
        text = " ".join(el.get_text(" ", strip=True).split())
        if not text:
            continue
        if el.name[0] == "h":
            blocks.append("#" * int(el.name[1]) + " " + text)
        elif el.name == "li":
            blocks.append("- " + text)
        else:
            blocks.append(text)
    if not blocks:  # no block markup at all: fall back to the text nodes
        blocks = [line.strip() for line in body.get_text("\n").splitlines() if line.strip()]
    if title and not any(b.lstrip("#").strip() == title for b in blocks[:3]):
        blocks.insert(0, "# " + title)
    return "\n\n".join(blocks)


def _pdf_text(path: Path, data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UnsupportedDocument(f"{path.name}: not a readable PDF ({exc})") from exc
    paragraphs: list[str] = []
    for page in pages:
        current: list[str] = []
        for line in page.splitlines():
            line = line.strip()
            if not line:
                if current:
                    paragraphs.append(" ".join(current))
                    current = []
                continue
            current.append(line)
            if line.endswith((".", "?", "!", ":", '"', "”")):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def title_from_text(text: str, fallback: str) -> str:
    """A title for a file the manifest does not list: its first heading or first short line."""
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip().strip("*_").strip()
        if stripped and len(stripped.split()) <= 20:
            return stripped
        if stripped:
            break
    return fallback


def load_corpus(corpus_dir: Path, manifest_path: Path) -> tuple[list[RawDocument], list[SkippedFile]]:
    """Read every corpus file. Bad files are logged, listed in the result and skipped."""
    manifest = load_manifest(manifest_path)
    docs: list[RawDocument] = []
    skipped: list[SkippedFile] = []
    used_ids: set[str] = set()
    for path in discover(corpus_dir):
        try:
            text = read_file(path)
        except UnsupportedDocument as exc:
            log.warning("skipping %s", exc.message)
            skipped.append(SkippedFile(path.name, exc.message.split(": ", 1)[-1]))
            continue
        meta = manifest.get(path.name)
        if meta is None:
            title = title_from_text(text, fallback=path.stem)
            doc_id = slugify(path.stem)
            while doc_id in used_ids or any(m.doc_id == doc_id for m in manifest.values()):
                doc_id += "-x"
            log.warning("%s is not in the manifest; using title %r and doc_id %r", path.name, title, doc_id)
            meta = DocumentMeta(doc_id=doc_id, title=title, path=path.name, in_manifest=False)
        used_ids.add(meta.doc_id)
        docs.append(RawDocument(meta=meta, text=text))
    for name, meta in manifest.items():
        if not (corpus_dir / name).exists():
            log.warning("manifest lists %s (%s) but the file is missing", name, meta.doc_id)
    return docs, skipped
