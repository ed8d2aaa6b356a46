"""Abbreviations a corpus defines, found in its own text, for query expansion both ways.

Two sources: rows of an abbreviation table ("JMSDF – Japan Maritime Self-Defense Force",
as cleaning renders a tab-separated table) and inline definitions ("Free and Open
Indo-Pacific (FOIP)", "Japan Association of Corporate Executives (JACE or Keizai Doyukai)"). An expansion is accepted when its initials fit the abbreviation.
"""

from __future__ import annotations

import functools
import re

_ROW = re.compile(r"^([A-Z][A-Za-z&/-]{1,9}) – ([A-Z][^\n]{3,120})$", re.M)
# "(FOIP)", and "(JACE or Keizai Doyukai)", "(NSC, ...)": the abbreviation first in the brackets
_INLINE = re.compile(r"\(([A-Z][A-Za-z&/-]{1,9})(?:\)|\s+or\s|[,;]\s)")
_WORD = re.compile(r"[\w'’-]+")
_SMALL = {"and", "of", "for", "the", "on", "in", "to", "de", "a", "&"}


def _initials_fit(abbr: str, expansion: str) -> bool:
    letters = [c.lower() for c in abbr if c.isalpha()]
    words = [w for w in re.split(r"[\s/-]+", expansion) if w]
    if not letters or not words or words[0][0].lower() != letters[0]:
        return False
    initials = "".join(w[0].lower() for w in words if w.lower() not in _SMALL)
    # every letter of the abbreviation appears in order among the initials (or the words)
    pool = initials + "".join(w.lower() for w in words)
    it = iter(pool)
    return all(ch in it for ch in letters)


def extract_abbreviations(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _ROW.finditer(text):
        abbr, expansion = m.group(1), m.group(2).strip()
        if _initials_fit(abbr, expansion):
            found.setdefault(abbr, expansion)
    for m in _INLINE.finditer(text):
        abbr = m.group(1)
        if abbr in found or sum(c.isupper() for c in abbr) < 2:
            continue
        before = _WORD.findall(text[max(0, m.start() - 200) : m.start()])
        letters = sum(c.isalpha() for c in abbr)
        for n in range(1, min(len(before), letters + 3) + 1):
            candidate = before[-n:]
            if candidate[0][0].lower() == abbr[0].lower() and candidate[0][0].isupper():
                expansion = " ".join(candidate)
                if _initials_fit(abbr, expansion) and n >= min(letters, 2):
                    found[abbr] = expansion
                    break
    return found


def is_table_row(text: str) -> bool:
    """Is the text a row of an abbreviation table ("NATO – North Atlantic Treaty Organization")?"""
    return _ROW.fullmatch(text) is not None


def expand_query(query: str, abbreviations: dict[str, str]) -> str:
    """The query with each known abbreviation's expansion added, and each expansion's abbreviation."""
    if not abbreviations:
        return query
    # one pattern for every abbreviation (the re module caches its compiled form)
    named = set(re.findall(_mentions_pattern(tuple(sorted(abbreviations, key=len, reverse=True))), query))
    extra: list[str] = []
    lowered = query.lower()
    for abbr, expansion in abbreviations.items():
        if abbr in named and expansion.lower() not in lowered:
            extra.append(expansion)
        elif abbr not in named and expansion.lower() in lowered:
            extra.append(abbr)
    return query if not extra else f"{query} ({'; '.join(extra)})"


@functools.lru_cache(maxsize=8)
def _mentions_pattern(abbrs: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(a) for a in abbrs)})(?![\w-])")
