"""Where a question's names occur: the forms a name takes in a text (itself, a stem, its
abbreviation or expansion, its spelled-out words, a capital for its country), whether the corpus
mentions it at all, and whether a piece of evidence names it, a person counting as named where
the evidence refers to them by office ("the two leaders").

Built once over an index; every lookup is memoised in a bounded memo, because questions are
open-ended but the corpus is not.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from .evidence import METONYM_SHORT, METONYMS, countries_referred, country_forms, demonym_country, is_title
from .index import STOPWORDS, LoadedIndex

_CAPITAL_WORD = re.compile(r"(?<![\w-])[A-Z][\w'’-]*\w")
_NAME_GAP = re.compile(r"\s+(?:(?:of|for|and|the|on|in|&)\s+)*")
# A person referred to by office: "the two leaders", "the Prime Minister", "its president"
_OFFICE = re.compile(r"\b(?:leaders?|prime ministers?|presidents?|premiers?|heads? of (?:state|government))\b", re.I)

# capitalised words in a row, small words between them; a short first word may be abbreviated
# ("St. Petersburg"), not a sentence's last ("... Japan. Ministry of Foreign Affairs")
_CAPITAL_RUN = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]{0,2}\.|[A-Z][a-z]+)(?:(?:\s+(?:of|for|and|the|on|in|&))*\s+[A-Z][a-z]+)+(?![\w-])"
)


def _initialisms(text: str) -> dict[str, Counter[str]]:
    """Every run of two to six capitalised words in the text (small words allowed between
    them), by its initials: "JBIC" -> {"Japan Bank of International Cooperation": 1}."""
    out: dict[str, Counter[str]] = {}
    for m in _CAPITAL_RUN.finditer(text):
        words = list(re.finditer(r"\S+", m.group(0)))
        capitals = [i for i, w in enumerate(words) if w.group(0)[:1].isupper()]
        for a in range(len(capitals)):
            for b in range(a + 1, min(len(capitals), a + 6)):
                first, last = words[capitals[a]], words[capitals[b]]
                phrase = m.group(0)[first.start() : last.end()]
                initials = "".join(words[i].group(0)[0] for i in capitals[a : b + 1])
                out.setdefault(initials, Counter())[phrase] += 1
    return out


class NameFinder:
    """The name checks over one index's corpus."""

    def __init__(self, index: LoadedIndex) -> None:
        self.abbreviations = index.abbreviations
        # every word the corpus has, text and metadata: a name outside it is one the corpus never mentions
        meta = [" ".join([d.meta.title, d.meta.publisher, *d.meta.authors]) for d in index.documents.values()]
        self._corpus_cased = "\n".join([*(d.text for d in index.documents.values()), *meta])
        self._corpus_text = self._corpus_cased.lower()
        self._vocabulary = sorted(set(re.findall(r"\w+", self._corpus_text)))
        self._capital_words = set(re.findall(r"\b[A-Z]{2,6}\b", self._corpus_cased))  # abbreviations used
        self._patterns: dict[str, re.Pattern] = {}
        self._mentioned: dict[str, bool] = {}
        self._persons: dict[str, bool] = {}
        self._initialisms: dict[str, Counter[str]] | None = None  # built on first use
        self._spelled_lower: dict[str, str] = {}  # an abbreviation spelt out in lower case, or ""
        # the corpus's words in lower case, and its capitalised words inside a sentence, on first use
        self._lower_words: set[str] | None = None
        self._inside_words: set[str] = set()

    def contract(self, question: str, entities: list[str]) -> list[str]:
        """The entities with a spelled-out name the corpus only abbreviates put as its
        abbreviation: "Belt and Road Initiative" in the question, "BRI" in the corpus."""
        out = list(entities)
        for m in _CAPITAL_RUN.finditer(question):
            words = [w for w in m.group(0).split() if w[:1].isupper()]
            initials = "".join(w[0] for w in words)
            if self.mentioned(m.group(0)):
                continue
            abbr = self._abbreviation_by_initials(initials)
            if abbr:
                out = [e for e in out if e not in words] + [abbr]
        return self._merge_names(question, out)

    def _abbreviation_by_initials(self, initials: str) -> str | None:
        """The abbreviation the corpus uses for a name of these initials: the initials themselves,
        or the one abbreviation that adds a last word's letter and that the corpus never spells
        out ("Belt and Road": "BRI")."""
        if initials in self._capital_words:
            return initials
        if len(initials) < 2:
            return None
        longer = [
            a
            for a in self._capital_words
            if len(a) == len(initials) + 1
            and a.startswith(initials)
            and a not in self.abbreviations
            and self.spelled_out(a) is None
        ]
        return longer[0] if len(longer) == 1 else None

    def _merge_names(self, question: str, entities: list[str]) -> list[str]:
        """Capitalised words in a row that make one name (see ``_one_name``: "United Kingdom",
        "European Union", "Michito Tsuruoka") put as that name, in place of its words: "South"
        alone would find "South China Sea"."""
        words = list(_CAPITAL_WORD.finditer(question))
        i = 0
        out = list(entities)
        while i < len(words):
            for j in range(min(len(words), i + 7), i + 1, -1):
                gaps = [question[words[k].end() : words[k + 1].start()] for k in range(i, j - 1)]
                if not all(_NAME_GAP.fullmatch(g) for g in gaps):
                    continue
                run = question[words[i].start() : words[j - 1].end()]
                parts = [w.group(0) for w in words[i:j]]
                if self._one_name(run) and all(p in out for p in parts):
                    at = out.index(parts[0])
                    out = [e for e in out[:at] if e not in parts] + [run] + [e for e in out[at:] if e not in parts]
                    i = j - 1
                    break
            i += 1
        return out

    def _one_name(self, run: str) -> bool:
        """A run of capitalised words that is one country's name ("United Kingdom", "South Korea"),
        or a name the corpus abbreviates ("European Union": EU, found by either)."""
        low = re.sub(r"['’]s$", "", run).lower()
        return bool(country_forms(low)[0]) or low in self._expansions or self._full_name(run) is not None

    def _full_name(self, run: str) -> str | None:
        """The surname of a person's full name ("Michito Tsuruoka": Tsuruoka, which the corpus
        gives a title, "Dr. Tsuruoka"), found by the surname alone."""
        words = re.sub(r"['’]s$", "", run).split()
        if not 2 <= len(words) <= 3 or not self.is_person(words[-1]):
            return None
        if any(is_title(w) or not w[:1].isupper() for w in words[:-1]):
            return None  # "Prime Minister Abe", "President Putin": a title, not a first name
        return words[-1]

    @functools.cached_property
    def _expansions(self) -> set[str]:
        return {exp.lower() for exp in self.abbreviations.values() if " " in exp}

    def unmentioned(self, entities: list[str]) -> list[str]:
        """The question's names that the corpus never mentions in any form (itself, a stem, an
        abbreviation or its expansion, a capital for its country). A hyphenated pair counts as
        mentioned when each capitalised part is ("Abe-Putin"). Numbers are left to the year check."""
        return [e for e in entities if any(ch.isalpha() for ch in e) and not self.mentioned(e)]

    def mentioned(self, e: str) -> bool:
        """The name somewhere in the corpus, in any of its forms; memoised, as a scan of all the
        corpus's text each time was most of a question's cost."""
        found = self._mentioned.get(e)
        if found is None:
            found = self._in_vocabulary(e)
            if found is None:
                found = self.named_in(e, self._corpus_text)
            if len(self._mentioned) > 10_000:  # queries are open-ended: keep the memo bounded
                self._mentioned.clear()
            self._mentioned[e] = found
        return found

    def share_present(self, entities: list[str], evidence: str, *, passage: str = "", sentence: str = "") -> float:
        """Share of the question's entities (names, numbers) the evidence names. A person the
        passage names counts as named where the evidence refers to them by their office ("the
        two countries' leaders" for Abe and Putin)."""
        if not entities:
            return 1.0
        low = evidence.lower()
        by_office = bool(passage) and _OFFICE.search(evidence) is not None
        found = 0
        for e in entities:
            if self.found(e, low):
                found += 1
            elif sentence and _country_pair(e) and self.named_in(e, sentence.lower()):
                found += 1  # "the Japan-Russia exercise": one sentence on Japan's and Russia's navies
            elif by_office and self.is_person(e) and _has_word(e, passage):
                found += 1
        return found / len(entities)

    def is_proper(self, word: str) -> bool:
        """A word the corpus always capitalises, also inside a sentence: a name ("Patrushev"),
        not a common word that heads one ("Under", "Given")."""
        word = re.sub(r"['’]s$", "", word)
        return not self.is_common_word(word) and word in self._word_sets()[1]

    def is_common_word(self, word: str) -> bool:
        """A word the corpus also writes in lower case ("Agreement": "agreements"), not only as a name."""
        return re.sub(r"['’]s$", "", word).lower() in self._word_sets()[0]

    def _word_sets(self) -> tuple[set[str], set[str]]:
        """The corpus's words in lower case, and its capitalised words inside a sentence, built on first use."""
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"\b[a-z]\w*", self._corpus_cased))
            self._inside_words = set(re.findall(r"(?<=[a-z,;] )([A-Z]\w*)", self._corpus_cased))
        return self._lower_words, self._inside_words

    def is_person(self, name: str) -> bool:
        """A surname the corpus gives a title ("Prime Minister Abe", "President Putin", "Mr. Abe")."""
        parts = name.split()
        if 1 < len(parts) <= 3 and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in parts):
            return self.is_person(parts[-1])  # "Vladimir Putin": "President Putin"
        known = self._persons.get(name)
        if known is None:
            # "Prime Minister Abe", "Foreign Minister Taro Aso" (a first name between)
            pattern = rf"\b(?:Mr\.|Ms\.|Mrs\.|Dr\.|President|Minister|Premier|Chancellor|Secretary) (?:[A-Z][a-z]+ )?{re.escape(name)}\b"
            known = bool(re.fullmatch(r"[A-Z][a-z]+", name)) and re.search(pattern, self._corpus_cased) is not None
            if len(self._persons) > 10_000:
                self._persons.clear()
            self._persons[name] = known
        return known

    def named_in(self, e: str, low: str) -> bool:
        """The entity in the (lower-cased) text, or a hyphenated one by each of its capitalised
        parts ("Japan-India trade": Japan and India; "Russia-led": Russia)."""
        parts = [x for x in e.split("-") if x[:1].isupper()] if "-" in e else []
        return self.found(e, low) or bool(parts and all(self.found(x, low) for x in parts))

    def spelled_out(self, abbr: str) -> str | None:
        """An abbreviation the corpus never defines, spelled out where its capitalised words
        occur in the corpus or its metadata ("Japan Bank of International Cooperation" for JBIC,
        "Financial Times" for FT): the commonest such phrase, or None."""
        if not re.fullmatch(r"[A-Z]{2,6}", abbr) or abbr in self.abbreviations:
            return None
        if self._initialisms is None:
            self._initialisms = _initialisms(self._corpus_cased)
        found = self._initialisms.get(abbr)
        if found:
            return found.most_common(1)[0][0]
        if len(abbr) < 3:
            return None
        # "LNG": "liquefied natural gas", in lower case: words of three letters or more, in a row
        spelled = self._spelled_lower.get(abbr)
        if spelled is None:
            words = r"\s+".join(rf"({ch.lower()}[a-z]{{2,}})" for ch in abbr)
            runs = Counter(
                " ".join(m.groups())
                for m in re.finditer(rf"\b{words}\b", self._corpus_text)
                if not STOPWORDS.intersection(m.groups())  # not "objectives develop and" for ODA
            )
            spelled = self._spelled_lower[abbr] = runs.most_common(1)[0][0] if runs else ""
        return spelled or None

    def found(self, e: str, low: str) -> bool:
        return self.pattern(e).search(low) is not None

    def _forms(self, e: str) -> set[str]:
        """The lower-cased forms an entity may take in a text, each matched from a word's start."""
        base = e.lower().replace("'s", "")
        stem = base[: max(4, len(base) - 3)] if base.isalpha() and len(base) > 4 else base
        alts = {e.lower(), base, stem}
        if e in self.abbreviations:
            alts.add(self.abbreviations[e].lower())
        alts |= self._abbreviations_of(e.lower())
        spelled = self.spelled_out(e)  # "JBIC": "Japan Bank of International Cooperation"
        if spelled:
            alts.add(spelled.lower())
        alts |= METONYMS.get(base, set())  # "Tokyo" for Japan's government, and back
        country = demonym_country(e)
        if country:  # "American": America, the United States, Washington
            alts |= {country} | country_forms(country)[0]
        if " " in base:
            alts |= country_forms(base)[0]  # "United Kingdom": "Britain"
            surname = self._full_name(e)
            if surname:
                alts.add(surname.lower())  # "Michito Tsuruoka": "Dr. Tsuruoka"
        return {a for a in alts if a}

    def _abbreviations_of(self, name: str) -> set[str]:
        """The abbreviations, lower-cased, the corpus defines for a lower-cased name."""
        return {abbr.lower() for abbr, exp in self.abbreviations.items() if exp.lower() == name}

    def _in_vocabulary(self, e: str) -> bool | None:
        """Whether a one-word entity starts a word of the corpus, by a lookup in its sorted
        vocabulary instead of a scan of its text; None when the entity has forms of several words."""
        forms = self._forms(e)
        if "-" in e or e.lower().replace("'s", "") in METONYM_SHORT or not all(f.isalnum() for f in forms):
            return None
        vocab = self._vocabulary
        for f in forms:
            i = bisect.bisect_left(vocab, f)
            if i < len(vocab) and vocab[i].startswith(f):
                return True
        return False

    def pattern(self, e: str) -> re.Pattern:
        """One pattern for an entity's forms, built once per entity: itself, a stem ("Japanese"
        finds "Japan", "Islands" finds "Island"), and its abbreviation or expansion."""
        pattern = self._patterns.get(e)
        if pattern is None:
            base = e.lower().replace("'s", "")
            alts = self._forms(e)
            short = METONYM_SHORT.get(base, ())
            country = demonym_country(e)
            if country:
                short += country_forms(country)[1]  # "American": "US" as a word
            if " " in base:
                # "United Kingdom": "the UK"; "United States": "US" as a word, not the start of "used"
                abbrs = self._abbreviations_of(base)
                alts -= abbrs
                short += tuple(sorted(abbrs | set(country_forms(base)[1])))
            alternatives = "|".join(re.escape(a) for a in sorted(alts, key=len, reverse=True) if a)
            if short:  # "Washington" finds "the US", as a whole word only
                alternatives += "|" + "|".join(rf"{re.escape(a)}(?!\w)" for a in short)
            alternatives = alternatives.replace(r"\-", "[-\u2010-\u2015]")  # "Russia-Japan" finds "Russia–Japan"
            if len(self._patterns) > 10_000:  # queries are open-ended: keep the memo bounded
                self._patterns.clear()
            pattern = self._patterns[e] = re.compile(rf"(?<!\w)(?:{alternatives})")
        return pattern


def _country_pair(e: str) -> bool:
    """A hyphenated pair of countries ("Japan-Russia"), not of organisers ("Sollers-Mazda")."""
    parts = e.split("-")
    return len(parts) == 2 and all(countries_referred(x) for x in parts)


@functools.lru_cache(maxsize=4096)
def _has_word(word: str, text: str) -> bool:
    """Does the text (a passage, or a whole document: its hash is cached) hold the word?"""
    return re.search(rf"\b{re.escape(word)}\b", text) is not None
