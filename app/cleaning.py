"""Turn the raw text of one file into clean blocks (headings and paragraphs).

Pure functions only. ``clean_text`` strips markup (footnote ``<sup>`` markers, HTML tags,
markdown emphasis and links), normalises quotes and whitespace, drops web furniture (print
links, comment forms, datelines, photo credits, repeated bylines, cover and contents pages)
and teaser blocks that advertise other articles, and rejoins paragraphs cut by a page break.
Everything it drops is returned too, so the ingest summary can count it and a test can check
that no body text went with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------- line markup

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "′": "'", "″": '"'}
)
_INVISIBLE = str.maketrans(
    {"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": None, "\ufeff": None, "\u00ad": None}
)
_SUP_NUMBER = re.compile(r"<sup>\s*[\d,\s\-–]+\s*</sup>", re.I)
_HTML_TAG = re.compile(r"</?(?:sup|sub|i|b|em|strong|u|span|a|br|small)\b[^>]*>", re.I)
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))+\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_WHOLE_ITALIC = re.compile(r"^\*(?=[^\s*])(.+?)(?<=[^\s*])\*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_SPACES = re.compile(r"[ \t]+")
_MD_ESCAPE = re.compile(r"\\{1,2}([!-/:-@\[-`{-~])")  # a backslash (or two) before ASCII punctuation
_TABLE_ROW = re.compile(r"^([A-Za-z][\w&/.-]{0,11})\t+(\S.*)$")
_CLEAN_TABLE_ROW = re.compile(r"^[A-Za-z][\w&/.-]{0,11} – \S")  # such a row once cleaned


def normalise(text: str) -> str:
    """Quotes to ASCII, invisible characters and runs of blanks to one space (used for matching too)."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE).translate(_QUOTES)).strip()


def strip_markup(line: str) -> str:
    line = _SUP_NUMBER.sub("", line)
    line = _HTML_TAG.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _MD_ESCAPE.sub(r"\1", line)  # markdown escapes: "\\$32 billion" is "$32 billion"
    line = _BOLD.sub(r"\1", line)
    line = _ITALIC.sub(r"\1", line)
    return line


# ---------------------------------------------------------------------------- furniture

_FURNITURE = [
    re.compile(p, re.I)
    for p in (
        r"\bprint this (post|page|article)\b",
        r"^comments? (are|is) closed\.?$",
        r"^(leave a (reply|comment)|post a comment|add a comment)\b",
        r"^\d+ comments?$",
        r"^no comments( yet)?!?$",
        r"\bbe (the )?first to comment\b",
        r"\bakismet\b",
        r"\bcomment data is processed\b",
        r"^views expressed (here )?are (those )?of\b",
        r"^(the )?views expressed in this (article|post)\b",
        r"^(category|categories|tags?|filed under)\s*:",
        r"^editor('s)? (review|pick)s?$",
        r"^(share|share this|share on|tweet|email this)( (post|article|page))?:?$",
        r"^related (posts|articles|stories)\b",
        r"^(ap|afp|reuters|getty( images)?|epa|tass|kyodo|xinhua)( images)? ?photos?\b",
        r"^(photo|photograph|image)( credit)?s?\s*(:|by\b)",
        r"^(photo|image) ?(credit|courtesy)\b",
        r"^by$",
        r"^this (article|post|piece) (was|is) (originally )?(first )?published (by|in|on)\b.{0,120}(permission|reproduced|republished)",
        r"^read more\b",
        r"^subscribe\b.{0,60}$",
        r"^advertisement$",
        r"\.{2,}\s*(–\s*)?\d{1,4}\s*$",  # table-of-contents dot leaders
        r"^[\W_]+$",  # separator lines: ---, ***, *
    )
]
_DATELINE = re.compile(
    r"^(\d{1,2}[-/ ](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*[-/ ]\d{2,4}|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{1,2},? \d{4})\b",
    re.I,
)
_TRAILING_STAMP = re.compile(r"\s+\d{1,2}:\d{2}\s?[AP]M\s+\d{1,2}/\d{1,2}/\d{2,4}\s*$")
_PERSON = re.compile(r"^[A-Z][a-zA-Z'.-]+(?: [A-Z][a-zA-Z'.-]+){1,3}$")


def is_furniture(line: str, *, authors: tuple[str, ...] = (), title: str = "") -> bool:
    """A line that belongs to the page around the text, not to the text."""
    text = line.strip()
    if not text:
        return False
    if any(p.search(text) for p in _FURNITURE):
        return True
    words = text.split()
    if _DATELINE.match(text) and len(words) <= 16 and not text.endswith("."):
        return True  # "June 14, 2018 Asia , Europe , Opinion"
    if any(text.casefold() == a.casefold() for a in authors):
        return True  # a byline repeated as a lone line
    if len(words) <= 6 and text.upper() == text and any(c.isalpha() for c in text) and not _TABLE_ROW.match(text):
        return True  # cover and running-header lines: STIMSON, MARCH 2015
    if (
        title
        and len(words) >= 3
        and not text.endswith(".")
        and normalise(text).casefold() in normalise(title).casefold()
    ):
        return True  # the title or part of it, repeated as a cover line or running header
    return False


# ---------------------------------------------------------------------------- blocks


@dataclass
class Block:
    """A heading (``level`` 1-6) or a paragraph (``level`` 0) of clean lines."""

    lines: list[str]
    level: int = 0
    italic: bool = False  # the whole block was emphasised (report sub-headings use this)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Cleaned:
    blocks: list[Block]
    dropped: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


def _clean_line(raw: str) -> tuple[str, int, bool]:
    """(clean text, heading level, whole-line italic) of one raw line."""
    line = raw.translate(_INVISIBLE)
    table = _TABLE_ROW.match(line.strip())
    if table and ".." not in table.group(
        1
    ):  # "JMSDF<TAB>Japan Maritime Self-Defense Force" rows of an abbreviation table
        line = f"{table.group(1)} – {table.group(2)}"
    level = 0
    heading = _HEADING.match(line.strip())
    if heading:
        level, line = len(heading.group(1)), heading.group(2)
    line = _SUP_NUMBER.sub("", line)
    line = _HTML_TAG.sub("", line).strip()
    italic = bool(_WHOLE_ITALIC.match(line)) and "*" not in line[1:-1]
    line = normalise(strip_markup(line))
    return line, level, italic


def _split_blocks(raw: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.translate(_INVISIBLE).strip():
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _is_teaser(block: Block) -> bool:
    """Kicker / title / author / blurb, run together: an advert for another article."""
    if block.level or len(block.lines) < 3:
        return False
    *head, blurb = block.lines
    if len(blurb.split()) < 15 or any(len(h.split()) > 14 or h.endswith(".") for h in head):
        return False
    return any(_PERSON.match(h) for h in head)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "?", "!", ":", ";", '"', "'", ")", "]", "…"))


def _rejoin_page_breaks(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.level
            and not block.level
            and not prev.italic
            and not _ends_sentence(prev.lines[-1])
            and (block.lines[0][:1].islower() or (prev.words >= 20 and block.words >= 5))
            and not re.match(r"^(\d+[.)]|[-•])\s", block.lines[0])
            and not _CLEAN_TABLE_ROW.match(block.lines[0])  # a table interrupted by a blank line
        ):
            prev.lines[-1] = prev.lines[-1] + " " + block.lines[0]
            prev.lines.extend(block.lines[1:])
            continue
        out.append(block)
    return out


def _drop_front_matter(blocks: list[Block], title: str, dropped: list[str]) -> list[Block]:
    """Drop the masthead / cover / contents before the first substantive paragraph.

    Dropped: the title line and the kicker lines above it, headings that repeat the title or
    shout in capitals (a cover), and headings left with nothing under them (a contents page).
    Kept: other headings and any other paragraph line (a standfirst).
    """
    first_body = next((i for i, b in enumerate(blocks) if not b.level and b.words >= 20), None)
    if first_body is None:
        return blocks
    norm_title = normalise(title).casefold()
    title_at = None
    for i in range(first_body):
        for j, line in enumerate(blocks[i].lines):
            if title_at is None and norm_title and normalise(line).casefold() == norm_title:
                title_at = (i, j)
    kept: list[Block] = []
    for i, block in enumerate(blocks[:first_body]):
        if block.level:
            nxt = blocks[i + 1]
            empty = bool(nxt.level) and nxt.level <= block.level
            cover = block.text.upper() == block.text or normalise(block.text).casefold() in norm_title
            if empty or cover:  # cover lines and headings of an emptied contents page
                dropped.append(block.text)
                continue
        if title_at is not None and i <= title_at[0]:
            # the title line and the kicker lines above it ("Global Governance")
            cut = len(block.lines) if i < title_at[0] else title_at[1] + 1
            dropped.extend(block.lines[:cut])
            if block.lines[cut:]:
                kept.append(Block(block.lines[cut:], block.level, block.italic))
            continue
        kept.append(block)
    return kept + blocks[first_body:]


def clean_text(raw: str, *, title: str = "", authors: tuple[str, ...] = ()) -> Cleaned:
    """Clean blocks of one document's raw text; ``dropped`` lists every line taken out."""
    dropped: list[str] = []
    blocks: list[Block] = []
    for raw_lines in _split_blocks(raw):
        lines: list[str] = []
        level, italic = 0, False
        for raw_line in raw_lines:
            line, line_level, line_italic = _clean_line(raw_line)
            if not line:
                if raw_line.strip():
                    dropped.append(raw_line.strip())
                continue
            stamp = _TRAILING_STAMP.search(line)
            if stamp:
                dropped.append(stamp.group(0).strip())
                line = line[: stamp.start()]
            if is_furniture(line, authors=authors):
                dropped.append(line)
                continue
            if line_level:  # a heading line inside a block starts a block of its own
                if lines:
                    blocks.append(Block(lines, level, italic))
                blocks.append(Block([line], line_level, line_italic))
                lines, level, italic = [], 0, False
                continue
            lines.append(line)
            italic = line_italic if len(lines) == 1 else False
        if lines:
            blocks.append(Block(lines, level, italic))
    kept: list[Block] = []
    for block in blocks:
        if _is_teaser(block):
            dropped.extend(block.lines)
        else:
            kept.append(block)
    kept = _drop_front_matter(kept, title, dropped)
    kept = _drop_title_repeats(kept, title, dropped)
    kept = _merge_repeated_headings(kept)
    kept = _rejoin_page_breaks(kept)
    return Cleaned(blocks=kept, dropped=dropped)


def _drop_title_repeats(blocks: list[Block], title: str, dropped: list[str]) -> list[Block]:
    """Lone lines that repeat the title or a part of it: cover lines and running headers."""
    out = []
    for block in blocks:
        if not block.level and len(block.lines) == 1 and is_furniture(block.lines[0], title=title):
            dropped.append(block.lines[0])
        else:
            out.append(block)
    return out


def _merge_repeated_headings(blocks: list[Block]) -> list[Block]:
    """A heading repeated after a page break ("Abbreviations" twice) is kept once."""
    out: list[Block] = []
    last_heading: Block | None = None
    for block in blocks:
        if (
            block.level
            and last_heading is not None
            and block.text == last_heading.text
            and block.level == last_heading.level
        ):
            continue
        if block.level:
            last_heading = block
        out.append(block)
    return out
