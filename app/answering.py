"""Extractive answers with sentence-level citations, and abstention when the corpus is silent.

For the top passages of a search, every sentence is scored against the question by
embedding similarity (sentence vectors come from the index, never re-embedded), lexical
overlap weighted by rarity, and the passage's rank. The best one to three sentences that do
not repeat each other form the answer, each followed by its citation marker.

Whether to answer at all is a separate judgement: topical closeness is not enough, because
the corpus talks about the same people and places throughout. The evidence must contain the
kind of answer asked for (a date, a number, a name, a reason) and the question's specific
terms (names, numbers, rare words) must occur in or next to the chosen sentence.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .abbreviations import expand_query, is_table_row
from .cleaning import normalise
from .evidence import (
    ADVICE_CUE,
    YEAR,
    action_missing,
    actor_named,
    asked_years,
    compared_part,
    countries_named,
    countries_referred,
    cue_for,
    defines,
    event_missing,
    figures_of_other_years,
    has_kind,
    is_generic_name_word,
    is_month,
    is_title,
    list_not_given,
    listed_without_figure,
    other_months,
    other_ordinal,
    other_pair,
    other_side,
    outcome_only_planned,
    percent_apart,
    reference_names_author,
    reference_names_editor,
    reference_spans,
    relative_years,
    specifics_not_given,
    thing_named,
    title_not_given,
    titled_name,
    value_near_terms,
    values_differ,
    year_matches,
    year_pattern,
)
from .index import LoadedIndex, bm25_tokenize, text_terms
from .models import Passage, Span
from .names import NameFinder
from .questions import (
    ASK_ABBREVIATION,
    ASK_COUNTRY,
    HOW_MANY,
    answer_kind,
    asks_editor,
    asks_reference,
    core,
    counted_noun,
    defined_term,
    is_statement,
    leading_word,
    main_clause,
    named_noun,
    question_entities,
    question_subject,
    quoted_phrases,
    strict_kind,
    without_possessive,
)
from .retrieval import Hit
from .settings import Settings

_NEAREST = "The nearest passages are listed below for you to judge."
NOT_COVERED = f"The corpus does not answer this question: no passage states what it asks for. {_NEAREST}"
DIFFERENT_FIGURES = "The sources give different figures, each as of its own date."


def not_mentioned(names: list[str]) -> str:
    """The abstention text when the question names something the corpus never mentions."""
    listed = ", ".join(f"'{n}'" for n in names)
    return f"The corpus does not answer this question: it never mentions {listed}. {_NEAREST}"


@dataclass
class Citation:
    n: int
    passage: Passage
    quote: str
    char_start: int  # into the cited document's clean text
    char_end: int


@dataclass
class Answer:
    question: str
    text: str
    grounded: bool
    citations: list[Citation] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    support: float = 0.0
    mode: str = "extractive"
    unsupported: list[str] = field(default_factory=list)


@dataclass
class _Candidate:
    passage: Passage
    rank: int
    start: int  # relative to the passage
    end: int
    row: int
    passage_sim: float = 0.0
    sim: float = 0.0
    overlap: float = 0.0
    score: float = 0.0
    rows: tuple[int, ...] = ()  # a reference of several pieces: every piece's sentence row

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]


def combine_answers(question: str, parts: list[str], answers: list[Answer], hits: list[Hit]) -> Answer:
    """One answer from the answers to each sub-question: citations renumbered, gaps named."""
    citations: list[Citation] = []
    texts: list[str] = []
    missing: list[str] = []
    seen: dict[tuple[str, int, int], int] = {}
    for part, ans in zip(parts, answers):
        if not ans.grounded:
            missing.append(part)
            continue
        numbers: dict[int, int] = {}
        if all((c.passage.doc_id, c.char_start, c.char_end) in seen for c in ans.citations):
            continue  # the sentences quoted for an earlier part answer this one too
        quoted_before = {c.n for c in ans.citations if (c.passage.doc_id, c.char_start, c.char_end) in seen}
        for c in ans.citations:
            key = (c.passage.doc_id, c.char_start, c.char_end)
            if key not in seen:
                seen[key] = len(citations) + 1
                citations.append(Citation(seen[key], c.passage, c.quote, c.char_start, c.char_end))
            numbers[c.n] = seen[key]
        text = _renumber(_without_quotes(ans.text, quoted_before), numbers)
        if texts and text.startswith(DIFFERENT_FIGURES) and any(t.startswith(DIFFERENT_FIGURES) for t in texts):
            text = text[len(DIFFERENT_FIGURES) :].lstrip()  # said once for the whole answer
        texts.append(text)
    asked = [a for part, a in zip(parts, answers) if not is_statement(part)]
    if not texts or (asked and not any(a.grounded for a in asked)):
        # a premise found ("The leaders called the station on May 26; ...") answers nothing asked
        return Answer(question, NOT_COVERED, False, hits=hits, support=max(a.support for a in answers))
    if missing:
        texts.append("The corpus does not say: " + " / ".join(missing))
    return Answer(
        question, " ".join(texts), True, citations, hits, support=min(a.support for a in answers if a.grounded)
    )


def answered_before(part: str, previous: Answer) -> Answer | None:
    """A later part asking a question phrase alone ("..., and in which city?") that the sentence
    quoted for the first part already answers ("... at the Eastern Economic Forum in
    Vladivostok"): that sentence, cited again."""
    kind = answer_kind(part)
    if not previous.grounded or kind is None:
        return None
    for c in previous.citations:
        if has_kind(c.quote, kind, part):
            cited = Citation(1, c.passage, c.quote, c.char_start, c.char_end)
            return Answer(part, f"{c.quote} [1]", True, [cited], previous.hits, support=previous.support)
    return None


_MARKER_RE = re.compile(r"\[(\d+)\]")


def _without_quotes(text: str, numbers: set[int]) -> str:
    """The answer's text without the sentences cited as ``numbers`` (quoted for an earlier part)."""
    if not numbers:
        return text
    kept = [
        m.group(0)
        for m in re.finditer(rf".*?{_MARKER_RE.pattern}\s*|.+$", text, re.S)
        if not m.group(1) or int(m.group(1)) not in numbers
    ]
    return "".join(kept).strip()


def _renumber(text: str, numbers: dict[int, int]) -> str:
    return _MARKER_RE.sub(lambda m: f"[{numbers.get(int(m.group(1)), int(m.group(1)))}]", text)


@dataclass
class _Selection:
    candidates: list[_Candidate]
    kind: str | None
    cue: re.Pattern | None
    q_terms: list[str]
    entities: list[str]
    term: str | None = None  # the term a "What is X?" question asks to have explained


SUPPORT_WEIGHTS = Path(__file__).with_name("support_weights.json")


def load_support_weights(path: Path = SUPPORT_WEIGHTS) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class Answerer:
    def __init__(self, index: LoadedIndex, settings: Settings) -> None:
        self.index = index
        self.settings = settings
        df: Counter[str] = Counter()
        for tokens in bm25_tokenize([p.text for p in index.passages]):
            df.update(set(tokens))
        sentences = {p.text[sp.start : sp.end] for p in index.passages for sp in p.sentences}
        texts = sorted(sentences)
        self._span_terms: dict[str, frozenset[str]] = {
            t: frozenset(tokens) for t, tokens in zip(texts, bm25_tokenize(texts) if texts else [])
        }
        self._df = df
        self._n = len(index.passages)
        self._weights = load_support_weights()
        self._authors = {a for p in index.passages for a in p.authors if len(a.split()) > 1}
        # names that stand for a source ("the Stimson volume", "Abiru"): authors' surnames, publishers' words
        publisher_words = {i: re.findall(r"[A-Z][\w-]+", d.meta.publisher) for i, d in index.documents.items()}
        names = [a.split()[-1] for a in self._authors] + [w for ws in publisher_words.values() for w in ws]
        self._source_names = {w for w in names if not is_generic_name_word(w)}
        # memoised facts of corpus spans, the same for every question (see their methods)
        self._summaries: dict[tuple[str, int, int], bool] = {}
        self._context_spans: dict[tuple[str, int, int], tuple[int, int]] = {}
        self._entity_spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self._relative_years: dict[tuple[str, int, int], str] = {}
        self._passage_years: dict[tuple[str, str], bool] = {}
        self._source_documents: dict[str, set[str]] = {}  # a source's name to the documents it names
        for p in index.passages:
            for w in [a.split()[-1] for a in p.authors] + publisher_words.get(p.doc_id, []):
                if w in self._source_names:
                    self._source_documents.setdefault(w, set()).add(p.doc_id)
        self._idf = {t: math.log((self._n + 1) / (n + 0.5)) for t, n in df.items()}
        self.names = NameFinder(index)
        # the works' own titles, longest first: "the cover of Japan's Global Diplomacy" names the
        # work as a source is named, and its words say nothing of what is asked
        titles = {d.meta.title for d in index.documents.values()} | {
            c.title for d in index.documents.values() for c in d.meta.chapters
        }
        titles |= {t.split(":")[0] for t in titles}
        self._titles = [
            re.compile(
                r"[\"“'‘]?" + r"\s+".join(re.escape(w) for w in t.split()).replace("'", "['’]") + r"[\"”'’]?", re.I
            )
            for t in sorted(titles, key=len, reverse=True)
            if len(t.split()) >= TITLE_WORDS
        ]
        # a question's terms with their rarity, once per question rather than once per sentence
        self._term_weights = functools.lru_cache(maxsize=64)(self._weigh_terms)

    def _abbreviations_named(self, question: str) -> list[tuple[str, str]]:
        """(abbreviation, expansion) pairs the question names by either form."""
        low = question.lower()
        return [
            (abbr, expansion)
            for abbr, expansion in self.index.abbreviations.items()
            if re.search(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", question) or expansion.lower() in low
        ]

    def _glosses(self, question: str, text: str) -> bool:
        """For "What does SSA stand for?" or "What abbreviation is used for X?": the text pairs the
        abbreviation with its expansion ("SSA – Space Situational Awareness", "X (EAEU)")."""
        if not ASK_ABBREVIATION.search(question):
            return False
        low = text.lower()
        for abbr, expansion in self._abbreviations_named(question):
            said = re.compile(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])")
            # the expansion answers "What does SSA stand for?"; both, "What is X abbreviated to?"
            if expansion.lower() in low and (said.search(question) or said.search(text)):
                return True
        # one the corpus never defines, spelled out by its initials ("SPIEF": "St. Petersburg
        # International Economic Forum")
        spelled = (self.names.spelled_out(a) for a in re.findall(r"\b[A-Z]{2,6}\b", question))
        return any(s and s.lower() in low for s in spelled)

    def _defines(self, term: str, text: str) -> bool:
        """The text glosses the term, or spells out an abbreviation the corpus never defines
        ("What is RUSI?": "Royal United Services Institute")."""
        if defines(term, text):
            return True
        spelled = self.names.spelled_out(term)
        return bool(spelled) and spelled.lower() in text.lower()

    def without_titles(self, question: str) -> str:
        """The question less the title of a work of the corpus it names, unless it asks what that
        work is ("What is the Stimson volume Japan's Global Diplomacy: ...?")."""
        for pattern in self._titles:
            m = pattern.search(question)
            if m and not _ASKS_WHAT_WORK.match(question[: m.start()]):
                question = f"{question[: m.start()]}{question[m.end() :]}"
        return question

    def search_variant(self, question: str) -> str | None:
        """For a question naming a work by its title, the question less the title and the names of
        sources ("Who designed the cover of the Stimson Center volume X?": "Who designed the cover
        Center volume?"), to be searched as well: none for any other."""
        plain = self.without_titles(question)
        if plain == question:
            return None
        # a source's name, possessive or not ("Stimson's"), goes; other names stay
        return re.sub(
            r"\b([A-Z][\w-]*)(?:['’]s)?", lambda m: "" if m.group(1) in self._source_names else m.group(0), plain
        )

    def entities(self, question: str) -> list[str]:
        """The question's names and numbers, a spelled-out name the corpus only abbreviates as its
        abbreviation ("Belt and Road Initiative": BRI); not the words of a work's title it names."""
        question = self.without_titles(question)
        # a title before a name ("Prime Minister Abe") is no name: the text may say "PM Abe"
        found = [e for e in question_entities(question) if " " in e or not is_title(e)]
        first = leading_word(question)
        if first and self.names.is_proper(first):
            found.insert(0, first)  # "Patrushev and Japan: when did he ...?": a name, though first
        return self.names.contract(question, found)

    def _documents_named(self, question: str) -> set[str]:
        """The documents the question names by an author's surname or a publisher's word that is
        one document's only ("Hirose" and "Funabashi"; not "Valdai", the publisher of two); none
        unless it names at least two."""
        words = set(re.findall(r"[A-Z][\w'-]+", question))
        found = [doc_ids for word, doc_ids in self._source_documents.items() if word in words]
        named = {next(iter(d)) for d in found if len(d) == 1}
        return named if len(named) >= 2 else set()

    def _authors_named(self, question: str) -> set[str]:
        """Authors of the corpus whose surname the question mentions."""
        words = set(re.findall(r"[A-Z][\w'-]+", question))
        return {a for a in self._authors if a.split()[-1] in words}

    # -------------------------------------------------------------- features

    def idf(self, term: str) -> float:
        value = self._idf.get(term)
        return value if value is not None else math.log((self._n + 1) / 0.5)  # a term the corpus lacks

    def _terms(self, text: str) -> list[str]:
        return list(text_terms(text))

    def _evidence_terms(self, text: str) -> frozenset[str]:
        """Terms of a span of the corpus, memoised: spans come from a finite corpus, and
        tokenising each candidate sentence anew was most of an answer's cost."""
        terms = self._span_terms.get(text)
        if terms is None:
            terms = self._span_terms[text] = frozenset(self._terms(text))
        return terms

    def _weigh_terms(self, q_terms: tuple[str, ...]) -> tuple[tuple[tuple[str, float], ...], float]:
        weights = tuple((t, self.idf(t)) for t in dict.fromkeys(q_terms))
        return weights, sum(w for _, w in weights)

    def coverage(self, q_terms: list[str], evidence: str) -> float:
        """Share of the question's rarity-weighted terms present in the evidence (a corpus span)."""
        if not q_terms:
            return 1.0
        weights, total = self._term_weights(tuple(q_terms))
        have = self._evidence_terms(evidence)
        return sum(w for t, w in weights if t in have) / total if total else 1.0

    def _years_present(self, years: list[str], c: _Candidate) -> bool:
        """Every year the question names, in or beside the sentence, in its section, or the
        source's own year (an article of June 2018 on "the talks" is about 2018); but a sentence
        that names other years only is about those ("$32 billion in 2013" for trade in 2015)."""
        said = set(YEAR.findall(c.text))
        if said and not any(year_matches(y, s) for y in years for s in said):
            return False
        p = c.passage
        relative = _memo(
            self._relative_years, (p.passage_id, c.start, c.end), lambda: " ".join(relative_years(_context(c), p.date))
        )
        # several years: a span of years, or one for each of several sources ("by 2014 (Stimson)
        # and by 2016 (Funabashi)"), any of which a sentence may speak of
        return any(self._year_in_passage(p, y) or re.search(year_pattern(y), relative) for y in years)

    def _year_in_passage(self, p: Passage, year: str) -> bool:
        """The year in the passage, its section or title, or the source's own year; memoised."""

        def search() -> bool:
            return re.search(year_pattern(year), " ".join([p.text, p.section, p.title, p.date[:4]])) is not None

        return _memo(self._passage_years, (p.passage_id, year), search)

    # -------------------------------------------------------------- answer

    def candidates(self, hits: list[Hit], query_vector: np.ndarray, *, references: bool = False) -> list[_Candidate]:
        out: list[_Candidate] = []
        seen: set[int] = set()
        # endnotes take part by their explanatory sentences only, a little below the body's
        for rank, hit in enumerate(hits[: self.settings.answer_passages]):
            p = hit.passage
            passage_sim = float(self.index.passage_vectors[hit.row] @ query_vector) if hit.row >= 0 else 0.0
            for span, row in zip(p.sentences, p.sentence_rows):
                if row in seen or (p.is_notes and not _note_prose(p.text[span.start : span.end])):
                    continue
                seen.add(row)
                out.append(_Candidate(p, rank, span.start, span.end, row, passage_sim=passage_sim))
            if references and p.is_notes:
                # "Who wrote the 'Global NATO' article the chapter cites?": each reference whole
                # (authors, title, journal, date), not the fragments the sentence splitter makes of it
                for start, end in reference_spans(p.text):
                    rows = tuple(
                        r
                        for span, r in zip(p.sentences, p.sentence_rows)
                        if start <= span.start and span.end <= end + 1
                    )
                    if len(rows) > 1:
                        out.append(_Candidate(p, rank, start, end, rows[0], passage_sim=passage_sim, rows=rows))
        if out:
            vectors = self.index.sentence_vectors
            sims = vectors[[c.row for c in out]] @ query_vector
            previous = {}  # a sentence's row to the row of the one before it in its passage
            for hit in hits[: self.settings.answer_passages]:
                rows = hit.passage.sentence_rows
                previous.update(zip(rows[1:], rows[:-1]))
            for c, sim in zip(out, sims):
                c.sim = float(sim)
                if _NAMELESS_SUBJECT.match(c.text) and c.row in previous:
                    # "The two conducted their first-ever formal joint exercise ...": what it says
                    # of the pair the sentence before names
                    c.sim = max(c.sim, (c.sim + float(vectors[previous[c.row]] @ query_vector)) / 2)
                if c.rows:
                    c.sim = float(np.max(vectors[list(c.rows)] @ query_vector))
        return out

    def select(
        self, question: str, hits: list[Hit], query_vector: np.ndarray, *, entities: list[str] | None = None
    ) -> _Selection | None:
        """Score the sentences of the top passages; the first is the one that answers best.
        ``entities``: the question's, when the caller has them already (see ``entities``)."""
        plain = self.without_titles(question)
        expanded = expand_query(plain, self.index.abbreviations)
        q_terms = self._terms(expanded)
        cands = self.candidates(hits, query_vector, references=asks_reference(question))
        kind = answer_kind(question)
        term = defined_term(question)
        asks_author = _ASKS_AUTHOR.search(question) or (term and any(term in a for a in self._authors))
        if not asks_author:  # "Who is Taisuke Abiru?": his blurb says who he is
            # "The west should welcome ..., writes Yoichi Funabashi": a byline or an author's blurb
            # summarises the argument; the argument's own sentences are the evidence. For "Who
            # ...?", a blurb may give the name asked ("Abiru argues that the successor, Yoshihide
            # Suga, ..."), but not one that names no one but its author ("According to Funabashi,
            # which US president ...?": "..., writes Yoichi Funabashi")
            cands = [
                c
                for c in cands
                if not (
                    _byline(c.text, c.passage.authors)
                    and (kind != "person" or not has_kind(self._without_authors(c.text), kind, question))
                )
            ]
        if not cands:
            return None
        cue = cue_for(question, kind)
        named = self._authors_named(question)
        defined = self._abbreviations_named(question) if ASK_ABBREVIATION.search(question) or term else []
        entities = self.entities(question) if entities is None else entities
        found: dict[str, list[list[tuple[int, int]]]] = {}  # per passage, each entity's matches in it
        # "Given X, what ...?": the sentence to find shares the main clause's words, not X's
        main = main_clause(plain)
        main_terms = self._terms(expand_query(main, self.index.abbreviations)) if main != plain else q_terms
        counting = kind == "number" and counted_noun(question) is not None
        thing = named_noun(question) if kind == "named" else None
        thing_re = re.compile(rf"\b{re.escape(thing[:5])}", re.I) if thing else None
        asked_terms = set(q_terms)
        for c in cands:
            c.overlap = self.coverage(main_terms, c.text)
            c.score = SIM_WEIGHT * c.sim + OVERLAP_WEIGHT * c.overlap + RANK_WEIGHT / (1 + c.rank)
            c.score += 0.1 if cue and cue.search(c.text) else 0.0
            # "the chapter's note", "in the acknowledgments": the question names the part of the text
            in_part = bool(asked_terms & _heading_terms(c.passage.section))
            if in_part:
                c.score += SECTION_BONUS
            if c.passage.is_notes and not in_part:
                c.score -= NOTES_PENALTY
            if not in_part and not asks_author and self._summarises(c):
                c.score -= (
                    SUMMARY_PENALTY  # "Asano, a research fellow at ..., provides a brief on ...": the brief says it
                )
            if counting and has_kind(c.text, "number", question):
                c.score += COUNT_BONUS  # "how many nations": "visiting more than 50 countries"
            if thing_re and thing_re.search(c.text):
                c.score += NAMED_BONUS  # "Which award ...?": "a recipient of the 2009 ... Award"
            if entities:  # the question's own names and numbers, in or beside the sentence
                p = c.passage
                if p.passage_id not in found:  # one scan of each passage, not one of each sentence's context
                    found[p.passage_id] = [self._matches(p, e) for e in entities]
                lo, hi = self._bounds(c)
                present = sum(any(lo <= a and b <= hi for a, b in spans) for spans in found[p.passage_id])
                c.score += ENTITY_WEIGHT * present / len(entities)
            if named and named & set(c.passage.authors):
                c.score += 0.1  # "what does Hirose recommend": Hirose's own words, not a summary of them
            if any(abbr in c.text and expansion.lower() in c.text.lower() for abbr, expansion in defined) or (
                term and self._defines(term, c.text)
            ):
                c.score += 0.15  # the sentence that defines the abbreviation or term asked about
        if not (ASK_ABBREVIATION.search(question) or term):
            # "NATO – North Atlantic Treaty Organization" glosses a name, it says nothing of it
            cands = [c for c in cands if not is_table_row(c.text)] or cands
        if not asks_reference(question):
            # "http://..., accessed on December 5, 2014.", "For more information, visit www.stimson.org.":
            # a piece of a reference or a pointer, no answer
            cands = [c for c in cands if not _WEB_REFERENCE.search(c.text)] or cands
        cands.sort(key=lambda c: -c.score)
        years = asked_years(question)
        dated = {id(c) for c in cands if self._years_present(years, c)} if years else None
        if dated is not None:  # "by December 2016": sources that speak of that year first
            cands.sort(key=lambda c: id(c) not in dated)
        if kind:
            # the best sentence that holds the kind of answer asked for (a date, a number, a name),
            # when it scores nearly as well as the best of all: where the sentence most about the
            # question lacks it, one far below is about something else ("in Moscow" for a
            # meeting the corpus does not place)
            top = cands[0].score
            # a narrow check (the count of the very thing, a name beside the role) is surer: a
            # sentence passing it goes first from further below
            bar = KIND_PROMOTION_STRICT if strict_kind(question) else KIND_PROMOTION
            promoted = [
                c
                for c in cands
                if c.score >= bar * top and (dated is None or id(c) in dated) and has_kind(c.text, kind, question)
            ]
            chosen = {id(c) for c in promoted}
            cands = promoted + [c for c in cands if id(c) not in chosen]
        return _Selection(cands, kind, cue, q_terms, entities, term)

    def answer(
        self, question: str, hits: list[Hit], query_vector: np.ndarray, *, threshold: float | None = None
    ) -> Answer:
        """``threshold``: the support needed, when not the settings' abstain_threshold."""
        s = self.settings
        threshold = s.abstain_threshold if threshold is None else threshold
        entities = self.entities(question)
        unknown = self.names.unmentioned(entities)
        # "How does Kazakhstan balance ...?" over a corpus that never names Kazakhstan: no scoring
        if unknown and not _may_be_paraphrase(unknown):
            return Answer(question, not_mentioned(unknown), False, hits=hits)
        sel = self.select(question, hits, query_vector, entities=entities)
        if sel is None:
            return Answer(question, NOT_COVERED, False, hits=hits)
        cands, kind, cue, q_terms, entities = sel.candidates, sel.kind, sel.cue, sel.q_terms, sel.entities
        best = cands[0]
        support = self.support(best, question, q_terms, entities, kind)
        if support < threshold:
            # a check rules the best sentence out ("culminated in the IPCP in May 2014" for "When
            # was the IPCP signed?"), or the model doubts it: one scoring nearly as well may pass
            # ("signed ... in May 2014")
            for c in cands[1:]:
                if c.score < NEAR_TIE * best.score:
                    break
                s_c = self.support(c, question, q_terms, entities, kind)
                if s_c >= threshold:
                    cands = [c] + [o for o in cands if o is not c]
                    best, support = c, s_c
                    break
        if support < threshold:
            return Answer(question, NOT_COVERED, False, hits=hits, support=support)

        chosen = [best]
        words = len(best.text.split())
        for c in cands[1:]:
            if len(chosen) >= s.answer_max_sentences:
                break
            if c.score < best.score * SECOND_RATIO or words + len(c.text.split()) > s.answer_max_words:
                continue
            if kind and not has_kind(c.text, kind, question):
                continue
            if self._repeats(c, chosen):
                continue
            chosen.append(c)
            words += len(c.text.split())
        if kind in ("number", "date"):
            # the same figure as other sources give it, each as of its own date
            per_doc = {best.passage.doc_id: best}
            years = asked_years(question)
            # "how many meetings" is checked against a number counting meetings: a safer match
            ratio = 0.65 if HOW_MANY.search(question) else 0.8
            for c in cands[1:]:
                if (
                    c.passage.doc_id not in per_doc
                    and c.score >= best.score * ratio
                    and has_kind(c.text, kind, question)
                    # of the year asked, if one is ("In which month of 2018 ...?": not "its
                    # first '2 plus 2' meeting in November 2013")
                    and (not years or self._years_present(years, c))
                ):
                    per_doc[c.passage.doc_id] = c
            if len(per_doc) > 1 and values_differ([c.text for c in per_doc.values()]):
                chosen = list(per_doc.values())[: s.answer_max_sentences]
        # "What do Hirose and Funabashi say about ...?": a sentence from each source the question names
        for doc_id in self._documents_named(question) - {c.passage.doc_id for c in chosen}:
            other = next((c for c in cands if c.passage.doc_id == doc_id), None)
            if (
                other is None
                or self._repeats(other, chosen)
                or self.support(other, question, q_terms, entities, kind) < s.abstain_threshold_followup
            ):
                continue
            if len(chosen) >= s.answer_max_sentences:
                counts = Counter(c.passage.doc_id for c in chosen)
                extra = next((c for c in reversed(chosen) if counts[c.passage.doc_id] > 1), None)
                if extra is None:
                    continue
                chosen.remove(extra)
            chosen.append(other)
        if len({c.passage.doc_id for c in chosen}) < 2:
            # several sources: add the best sentence of another document when it is nearly as good
            other = next((c for c in cands[1:] if c.passage.doc_id != best.passage.doc_id), None)
            if (
                other
                and other.score >= best.score * OTHER_SOURCE_RATIO
                and not self._repeats(other, chosen[:1])
                and self.support(other, question, q_terms, entities, kind) >= threshold
            ):
                chosen = chosen[: s.answer_max_sentences - 1] + [other]
        spans: list[tuple[int, int]] = []
        kept: list[_Candidate] = []
        for n, c in enumerate(chosen):
            if _sentence_index(c) == 0 and _points_back(c.text, kind):
                c = self._with_sentence_before(c)
            restates = kind == "reason" and self._restates(c, q_terms)
            extended = _extend(c, cue, kind, s.answer_max_words, sel.term, restates)
            if kind is None and extended == (c.start, c.end):
                # a description asked: the next sentence of the paragraph too, where the answer
                # has room for it once the quotes so far and the sentences to come are counted
                used = sum(len(o.passage.text[a:b].split()) for o, (a, b) in zip(kept, spans))
                used += sum(len(o.text.split()) for o in chosen[n:])
                extended = _with_next(c, len(c.text.split()) + s.answer_max_words - used)
            # a quote never overlaps another: fall back to the bare sentence, or leave it out
            for span in (extended, (c.start, c.end)):
                doc_span = (c.passage.char_start + span[0], c.passage.char_start + span[1])
                if not any(
                    o.passage.doc_id == c.passage.doc_id
                    and _overlaps(doc_span, (o.passage.char_start + a, o.passage.char_start + b))
                    for o, (a, b) in zip(kept, spans)
                ):
                    kept.append(c)
                    spans.append(span)
                    break
        chosen = kept
        return self._compose(question, chosen, spans, kind, hits, support)

    def _restates(self, c: _Candidate, q_terms: list[str]) -> bool:
        """Does the sentence only say what the question says ("India will likely hesitate to be a
        part of the US alliance network" for "Why is India likely to hesitate to ...?")?"""
        asked = set(q_terms)
        weights = [(t, self.idf(t)) for t in self._evidence_terms(c.text)]
        total = sum(w for _, w in weights)
        return bool(total) and sum(w for t, w in weights if t not in asked) / total <= RESTATES_NEW

    def _with_sentence_before(self, c: _Candidate) -> _Candidate:
        """A sentence that opens its passage and points back ("Therefore, ..."): the same sentence
        in the overlapping passage before it, where the sentence it follows from can be quoted."""
        lo, hi = c.passage.char_start + c.start, c.passage.char_start + c.end
        for p in self._passages_by_doc.get(c.passage.doc_id, ()):
            if p is c.passage or not (p.char_start < lo and hi <= p.char_end):
                continue
            for sp in p.sentences[1:]:
                if p.char_start + sp.start == lo:
                    return dataclasses.replace(c, passage=p, start=sp.start, end=sp.end)
        return c

    @functools.cached_property
    def _passages_by_doc(self) -> dict[str, list[Passage]]:
        by_doc: dict[str, list[Passage]] = {}
        for p in self.index.passages:
            by_doc.setdefault(p.doc_id, []).append(p)
        return by_doc

    def _repeats(self, c: _Candidate, chosen: list[_Candidate]) -> bool:
        vecs = self.index.sentence_vectors
        return max(float(vecs[c.row] @ vecs[o.row]) for o in chosen) > 0.8

    def features(self, c: _Candidate, question: str, q_terms: list[str], entities: list[str]) -> dict[str, float]:
        """What the abstention model looks at, for the sentence chosen to answer."""
        p = c.passage
        context = _context(c)
        unique = set(q_terms)
        total_idf = sum(self.idf(t) for t in unique) or 1.0
        have = self._evidence_terms(context)
        # the rarest term of the corpus's that the context lacks; terms the corpus never uses
        # (a paraphrase's synonyms, or things it never names) count in unknown_terms instead
        missing = [self.idf(t) for t in unique if t not in have and t in self._df]
        return {
            "sim": c.sim,
            "passage_sim": c.passage_sim,
            "coverage_context": self.coverage(q_terms, context),
            "coverage_sentence": c.overlap,
            # the source's year too: an article of June 2018 on "the talks" is about 2018
            "entities": self.names.share_present(
                self._own_entities(entities, p),
                self._with_source(context, p),
                passage=self._document_text(p),
                sentence=c.text,
            ),
            "unknown_terms": sum(self.idf(t) for t in unique if t not in self._df) / total_idf,
            "max_missing_idf": max(missing, default=0.0) / math.log(self._n + 1),
            "rank": 1.0 / (1 + c.rank),
        }

    def _content_coverage(self, q_terms: list[str], c: _Candidate) -> float:
        """The sentence's coverage of the question's words past the source it asks about, which
        the byline gives ("What does Satake argue Japan must do ...": Satake and argue)."""
        frame = _frame_terms()
        terms = [t for t in q_terms if t not in frame]
        return self.coverage(terms, self._with_source(c.text, c.passage)) if terms else 0.0

    def _document_text(self, p: Passage) -> str:
        doc = self.index.documents.get(p.doc_id)
        return doc.text if doc else p.text

    def _own_entities(self, entities: list[str], p: Passage) -> list[str]:
        """The entities a passage may hold: of several sources the question names ("according to
        Abiru and Kireeva"), each passage names its own only."""
        sources = [e for e in entities if e in self._source_names]
        if len(sources) < 2:
            return entities
        own = f"{p.author} {self._publisher(p)}"
        return [e for e in entities if e not in sources or e in own] or entities

    def _with_source(self, context: str, p: Passage) -> str:
        """The context with what the question may name it by: its section, title, author and
        publisher ("the FT commentator"), and its year (an article of June 2018 on "the talks")."""
        return " ".join([context, p.section, p.title, p.author, self._publisher(p), p.date[:4]])

    def _publisher(self, p: Passage) -> str:
        doc = self.index.documents.get(p.doc_id)
        return doc.meta.publisher if doc else ""

    def _planned_only(self, question: str, text: str, entities: list[str]) -> bool:
        """For "What did Abe and Putin agree at the forum in September 2018?" (a meeting asked
        about in the past tense): the sentence speaks of that meeting as one to come ("will have
        another chance ... at the planned meeting at the forum ... in September 2018"), naming the
        event's place or time within a few words after the word that puts it in the future."""
        if not (_ASKS_PAST.search(question) and _MEETING.search(question)) or _FUTURE_ASKED.search(question):
            return False
        marks = [
            e
            for e in entities
            if not self.names.is_person(re.sub(r"['’]s$", "", e)) and not countries_named(e) and not YEAR.fullmatch(e)
        ]
        if not marks:
            return False
        for m in _FUTURE.finditer(text):
            after = " ".join(text[m.end() :].split()[:PLANNED_WINDOW]).lower()
            if any(self.names.found(e, after) for e in marks):
                return True
        return False

    def _cites_asked(self, question: str, reference: str, entities: list[str]) -> bool:
        """The reference is to the work the question asks about: it holds the title the question
        quotes, or, without one, most of the names the question gives (not the citing source's)."""
        low = reference.lower()
        titles = quoted_phrases(question)
        if titles:
            words = [w for t in titles for w in _phrase_words(t)]
            return bool(words) and _holds_words(words, low)
        own = [e for e in entities if e not in self._source_names and not YEAR.fullmatch(e) and not is_month(e)]
        present = [e for e in own if self.names.found(e, low)]
        return len(present) >= 2 and len(present) >= REFERENCE_MATCH * len(own)

    @functools.cached_property
    def _citing(self) -> tuple[re.Pattern, dict[str, str]]:
        """One pattern for any of the corpus's authors cited as a source ("As Hirose argues",
        "Takaaki Asano, a research fellow at ..., provides"), and each name's author."""
        author_of = {n.lower(): a for a in self._authors for n in (a, a.split()[-1])}
        names = "|".join(re.escape(n) for n in sorted(author_of, key=len, reverse=True))
        pattern = re.compile(
            rf"\b(?:as|according to)\s+(?P<cited>{names})\b"
            rf"|\b(?P<subject>{names})(?:'s)?(?:,[^.;]{{0,120}}?,)?(?:\s+(?:also|\w+ly))?\s+{_CITING_VERBS}\b",
            re.I,
        )
        return pattern, author_of

    def _matches(self, p: Passage, entity: str) -> list[tuple[int, int]]:
        """Where a name or number matches in a passage, memoised: questions name the same few
        countries and people again and again, and the passages are the corpus's."""
        return _memo(
            self._entity_spans,
            (p.passage_id, entity),
            lambda: [m.span() for m in self.names.pattern(entity).finditer(p.text.lower())],
        )

    def _bounds(self, c: _Candidate) -> tuple[int, int]:
        """``_context_bounds`` of a corpus span, memoised."""
        return _memo(self._context_spans, (c.passage.passage_id, c.start, c.end), lambda: _context_bounds(c))

    def _summarises(self, c: _Candidate) -> bool:
        """The sentence reports what another of the corpus's authors argues ("Satake suggests that
        ...", "As Yoko Hirose argues, ..."): an editor's summary of a chapter the corpus holds."""
        if not self._authors:
            return False
        pattern, author_of = self._citing
        return _memo(  # a corpus span: the same answer for every question
            self._summaries,
            (c.passage.passage_id, c.start, c.end),
            lambda: any(
                author_of[(m.group("cited") or m.group("subject")).lower()] not in c.passage.authors
                for m in pattern.finditer(c.text)
            ),
        )

    def _without_authors(self, text: str) -> str:
        """The sentence without the corpus's authors cited as sources: "As Michito Tsuruoka
        describes, Abe attended ..." is no answer to "Who ...?"; "I am grateful to Yuki Tatsumi,
        who leads Stimson's work on Japan" is one to "Who leads Stimson's work on Japan?"."""
        return self._citing[0].sub(" ", text) if self._authors else text

    def support(self, c: _Candidate, question: str, q_terms: list[str], entities: list[str], kind: str | None) -> float:
        """Probability that the evidence holds what the question asks for (logistic model, see calibration.py)."""
        if _sentence_index(c) == 0 and _PRONOUN_SUBJECT.match(c.text):
            c = self._with_sentence_before(c)  # "They sat together ...": read where "they" are named
        if c.rows and kind == "person":
            named = reference_names_editor if asks_editor(question) else reference_names_author
            if not named(c.text, question):
                return 0.0  # a reference's authors lead it, before its title; its editors follow it
        elif kind and not has_kind(c.text, kind, question):
            return 0.0
        elif (
            kind == "person"
            and not _ASKS_AUTHOR.search(question)
            and not has_kind(self._without_authors(c.text), kind, question)
        ):
            return 0.0  # "Which NATO chief received Abe?": not "As Michito Tsuruoka describes, Abe attended ..."
        years = asked_years(question)
        if years and not self._years_present(years, c):
            return 0.0  # "in 2020": a sentence about another year does not answer it
        if kind == "number" and years and figures_of_other_years(c.text, years):
            return 0.0  # "How much in 2014?": "$32 billion in 2013 ... expected to rise in 2014"
        compared = compared_part(c.text)
        claim = compared[0] if compared else c.text  # not the thing it is compared with
        if kind in ("date", "number", "place") and not ASK_COUNTRY.search(question) and other_pair(question, claim):
            return 0.0  # "Japan and India signed?": "between India and the United States was signed"
        asked = core(question)  # past "According to X," and a topic ahead of the question
        if kind == "date" and not c.rows and event_missing(asked, _context(c)):
            return 0.0  # "When was the pact signed?": a sentence on its negotiation since 2013
        if action_missing(asked, _context(c)):
            return 0.0  # "What did they agree during the visit?": a sentence on the visit alone
        if kind == "number" and asks_actual(asked) and _TARGET_FIGURE.search(c.text):
            return 0.0  # "What growth did India actually achieve?": "Modi seeks to materialize 8 percent growth"
        if other_months(question, c.text):
            return 0.0  # "their December 15 meeting": "their November meeting"
        if other_side(question, c.text):
            return 0.0  # "the rate on the Japanese side": "the tariff reduction rate on the Indian side"
        if outcome_only_planned(asked, c.text):
            return 0.0  # "Did they complete it as planned?": "they should complete it in 2018"
        if self._planned_only(asked, c.text, entities):
            return 0.0  # "What did they agree at the forum?": "will meet at the planned forum"
        if kind == "number" and percent_apart(asked, c.text):
            return 0.0  # "What percentage support closer ties?": "(more than 70 percent) prefers neutrality"
        if kind == "number" and listed_without_figure(entities, c.text):
            return 0.0  # "invest in Doctis?": "financed three projects (..., the Doctis online platform ...)"
        if list_not_given(asked, c.text):
            return 0.0  # "What are the five priority areas?": "... in five priority areas and agreed ..."
        if kind is None and specifics_not_given(asked, c.text):
            return 0.0  # "What specific sanctions?": "Japan only activated very light sanctions"
        if title_not_given(asked, c.text):
            return 0.0  # "What was the title of the speech?": "Abe gave a speech to Parliament"
        if kind and other_ordinal(question, c.text):
            return 0.0  # "the first joint exercise": "the 17th joint exercise" is another
        if kind in ("number", "date"):
            # a figure or a date of a country's: that country named in the sentence, the one
            # before it (what "it" refers to), or the heading ("What share ... was supplied by
            # China?": not "Russia ranks as the No.1 arms supplier ..., 28% ...")
            # ("the chapter on Australia" names a part of the text, not whose figure is asked)
            local = _leading_context(c)
            asked_countries = countries_named(_TEXT_PART.sub("", question))
            if not asked_countries <= countries_referred(local):
                return 0.0
            # "China's budget increase?": not "Japan's budget ... a 2.4 percent increase" under "The China Gap"
            own = countries_referred(claim)
            if asked_countries and own and not own & asked_countries:
                return 0.0
        # "How many times larger is X than Y?" asks for the comparison itself
        asks_comparison = _ASKS_COMPARISON.search(question) is not None
        if kind in ("number", "date") and compared and not asks_comparison and has_kind(compared[0], kind, question):
            head, tail = (part.lower() for part in compared)
            if any(
                self.names.found(e, tail) and not self.names.found(e, head)
                for e in entities
                # a name, not a common word of one ("Agreement" in "... Partnership Agreement")
                if any(ch.isalpha() for ch in e)
                and e not in self._source_names
                and (" " in e or not self.names.is_common_word(e))
            ):
                return 0.0  # "India's rate with South Korea": "higher than the agreements with South Korea"
        p = c.passage
        whole = " ".join([p.text, p.section, p.title, p.author]).lower()
        for e in entities:
            parts = e.split("-")
            if (
                len(parts) == 2
                and all(x[:1].isupper() and self.names.is_proper(x) for x in parts)
                and all(countries_referred(x) or self.names.is_person(x) for x in parts)
                and not self.names.named_in(e, whole)
            ):
                # "Japan-India trade" or "Abe-Putin talks" asked, a passage on Russia and Japan; not
                # a word inside a name ("Self-Defense") or a pair of organisers ("Valdai-SPF conference")
                return 0.0
        if (
            _STANDS_FOR.search(question)
            and re.search(r"\b[A-Z]{2,}\b", question)
            and not self._glosses(question, c.text)
        ):
            return 0.0  # "What does MGIMO stand for?": a sentence that uses it without spelling it out
        around = self._with_source(_context(c), p).lower()
        for quoted in quoted_phrases(question):
            # "What are the 'three arrows' of Abenomics?": a sentence on Abenomics without them; a
            # phrase of several words, each there (one word may be spelt otherwise: "2+2", "two-plus-two")
            words = _phrase_words(quoted)
            if len(words) >= 2 and not _holds_words(words, around):
                return 0.0
        subject = question_subject(question)
        # "Where did the United Kingdom ...?": the name the subject's word is part of
        subject = next((e for e in entities if subject and " " in e and subject in e.split()), subject)
        if (
            subject
            and subject not in self._source_names  # "How do the Stimson volume and Abiru each ...": sources
            and not self.names.named_in(subject, around)  # "Russia-Japan trade": Russia and Japan
            # or by office ("the two leaders", "the President of Russia") in a text that names them
            and not self.names.share_present([subject], around, passage=self._document_text(p))
        ):
            return 0.0  # "How did China respond to X?": a sentence on X that does not name China
        f = self.features(c, question, q_terms, entities)
        if q_terms and f["coverage_context"] == 0.0 and f["unknown_terms"] >= 0.5:
            return 0.0  # not one word of the question in or beside the sentence (a question in another language)
        z = self._weights["bias"] + sum(w * f[name] for name, w in self._weights["weights"].items())
        term = defined_term(question)
        glossed = bool(term and self._defines(term, c.text))
        narrow = (
            strict_kind(question)
            or glossed
            or actor_named(question, c.text)
            or (kind == "person" and titled_name(question, c.text))
            or self._glosses(question, c.text)
            or (kind == "named" and thing_named(question, c.text))  # "Which exercises ...?": "the Red Flag exercises"
        )
        # "What is JACE, where Asano worked?": the gloss of the term answers it, whoever the rest names
        if narrow and (
            glossed
            # a month is the time of the thing asked, not a name ("Abe's May 2018 visit")
            or all(self.names.named_in(e, around) for e in entities if not is_month(e))
        ):
            # the sentence gives what the question asks, checked narrowly: a count of the very thing
            # asked ("11 documents"), a name beside the role asked for ("Prime Minister Yoshiro
            # Mori"), or a gloss of the term asked about ("Keidanren (Japan Business Federation)");
            # the model cannot learn this from the few such questions it was fitted on
            z += STRICT_KIND_BONUS
            if glossed and _PERSON_NAME.fullmatch(term or ""):
                z = max(z, 0.0)  # "Who is Andrey Bystritskiy?": "Andrey Bystritskiy, Chairman of the Board of ..."
        if kind in ("date", "number", "reason") and value_near_terms(question, c.text, kind) >= 2:
            # the date, the figure or the "because" stands next to the words of the thing asked
            z += PROXIMITY_BONUS
        if strong_match(f) or strong_match({**f, "coverage_sentence": self._content_coverage(q_terms, c)}):
            z += STRONG_MATCH_BONUS
        if c.rows and self._cites_asked(question, c.text, entities):
            z += STRICT_KIND_BONUS  # the reference to the very work asked about
        return 1.0 / (1.0 + math.exp(-z))

    def _compose(
        self,
        question: str,
        chosen: list[_Candidate],
        spans: list[tuple[int, int]],
        kind: str | None,
        hits: list[Hit],
        support: float,
    ) -> Answer:
        citations: list[Citation] = []
        for n, (c, (start, end)) in enumerate(zip(chosen, spans), start=1):
            citations.append(
                Citation(
                    n, c.passage, c.passage.text[start:end], c.passage.char_start + start, c.passage.char_start + end
                )
            )
        docs = {c.passage.doc_id for c in chosen}
        differ = kind in ("number", "date") and len(docs) > 1 and values_differ([c.text for c in chosen])
        if differ:
            order = sorted(citations, key=lambda ct: ct.passage.date)
            lines = [
                f"As of {ct.passage.date or 'an undated source'} ({ct.passage.title}): {ct.quote} [{ct.n}]"
                for ct in order
            ]
            text = f"{DIFFERENT_FIGURES} " + " ".join(lines)
        else:
            text = " ".join(f"{ct.quote} [{ct.n}]" for ct in citations)
        return Answer(question, text, True, citations=citations, hits=hits, support=support)


PLANNED_WINDOW = 10  # words after "will", "planned", "due to" ... where the event asked may be named
_ASKS_PAST = re.compile(r"\b(?:did|was|were|had)\b", re.I)
_FUTURE_ASKED = re.compile(
    r"\b(?:will|would|plan\w*|expect\w*|schedul\w*|slated|due|next|intend\w*|aim\w*|hope\w*|upcoming|forthcoming|to be|postpon\w*|cancel\w*|delay\w*)\b",
    re.I,
)
# a part of a text named by its subject: "the chapter on Australia", "the report's India chapter"
_TEXT_PART = re.compile(
    r"\b(?:chapters?|sections?|essays?|parts?)\s+(?:on|about)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"|\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:chapters?|sections?|essays?)\b"
    # and a journey's end, which dates the figure rather than owning it ("as of Abe's May 2018 visit to Russia")
    r"|\b(?:visits?|trips?|journeys?)\s+to\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
)
_ASKS_COMPARISON = re.compile(
    r"\b(?:than|compared (?:with|to)|compar(?:e|es|ing|ison)|versus|vs\.?|relative to|next to)\b", re.I
)
_ASKS_ACTUAL = re.compile(r"\b(?:actual(?:ly)?|achieved?|attained?|in fact|in the end|eventually)\b", re.I)
# "What growth is Modi seeking to achieve?" asks for the goal itself
_ASKS_GOAL = re.compile(
    r"\b(?:seek\w*|aim\w*|hop\w*|want\w*|plan\w*|intend\w*|tr(?:y|ies|ying|ied)|striv\w*|pledg\w*|promis\w*)\s+to\s+(?:achieve|attain)\b",
    re.I,
)


def asks_actual(question: str) -> bool:
    """Does the question ask for a figure reached ("What growth did India actually achieve?"), not a goal?"""
    return _ASKS_ACTUAL.search(question) is not None and _ASKS_GOAL.search(question) is None


# a figure set as a goal: "seeks to materialize 8 percent growth", "a target of 2 percent"
_TARGET_FIGURE = re.compile(
    r"\b(?:seek(?:s|ing)?|sought|aim(?:s|ed|ing)?|targets?|goals?|plan(?:s|ned)?|promise[sd]?|hope[sd]?|intend(?:s|ed)?|pledge[sd]?|wants?)\b(?:\s+[\w'’-]+){0,5}?\s+[$€£¥]?\d",
    re.I,
)
_MEETING = re.compile(r"\b(?:met|meet\w*|summit\w*|forum|talks|conference|visit\w*|session|gathering|ceremony)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|planned|slated|scheduled|upcoming|forthcoming|due to|is to be|are to be|expected to)\b", re.I
)
_ASKS_AUTHOR = re.compile(r"\b(?:authors?|wrote|writes|written|writer|byline)\b", re.I)
_AUTHOR_VERBS = r"(?:writes|wrote|argues|discusses|explains|examines|contributes|says|analyses|analyzes)"
# what an author cited as a source does: "Tsuruoka also provides ...", "as Hirose argues"
_CITING_VERBS = (
    rf"(?:{_AUTHOR_VERBS}|argued|said|describes|suggests|notes|noted|points|contends|believes|observes|concludes"
    r"|emphasi[sz]es|stresses|asserts|maintains|provides|offers|recommends|proposes|highlights|claims|finds|sees"
    r"|warns|shows|presents|looks|calls|urges|insists|chapter|brief|paper|analysis|view|argument)"
)


TITLE_WORDS = 3  # a work's title this long, named in a question, names the work (not "Preface")
_ASKS_WHAT_WORK = re.compile(r"^\s*what\s+(?:is|was)\s+(?:[\w'’-]+\s+){0,5}$", re.I)
REFERENCE_MATCH = 0.6  # share of the question's names a reference must hold to be the one asked about


def _may_be_paraphrase(unknown: list[str]) -> bool:
    """One plain word the corpus never uses may stand for what it names otherwise ("the Tsar's
    empire" for Russia, "a Manhattan skyscraper" for Trump Tower): the evidence decides. An
    acronym ("AUKUS"), a country or a name of several words is a thing the corpus does not cover."""
    if len(unknown) != 1:
        return False
    word = without_possessive(unknown[0])
    return " " not in word and not word.isupper() and not countries_named(word)


def _phrase_words(phrase: str) -> list[str]:
    return re.findall(r"[a-z]{3,}", normalise(phrase).lower())


def _holds_words(words: list[str], low: str) -> bool:
    """Each word is in the lower-cased text, by its first five letters ("arrows": "arrow")."""
    return all(re.search(rf"\b{re.escape(w[:5])}", low) for w in words)


_WEB_REFERENCE = re.compile(r"https?:|www\.|\baccessed\b", re.I)


def _note_prose(text: str) -> bool:
    """An explanatory sentence of an endnote, not a piece of a reference (a quoted title, an
    author's name, a date, "Accessed ...", a web address)."""
    if text.lstrip()[:1] in "\"“'‘(" or _WEB_REFERENCE.search(text) or re.search(r"\bibid\b", text, re.I):
        return False
    return len(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*\b", text)) >= 5


@functools.lru_cache(maxsize=4096)  # sentences of a finite corpus, checked for every question
def _byline(text: str, authors: tuple[str, ...]) -> bool:
    """A byline or an author's blurb: "..., writes Yoichi Funabashi", "Taisuke Abiru, Senior
    Research Fellow at ..., discusses the vision behind ..."."""
    for a in authors:
        name = re.escape(a)
        if re.search(rf"\b{_AUTHOR_VERBS}\s+{name}\b|\b{name}(?:,[^.]{{0,120}}?,?)?\s+{_AUTHOR_VERBS}\b", text):
            return True
    return False


_NAMELESS_SUBJECT = re.compile(r"^(?:the two|both|they|the pair|the three)\b", re.I)
_ANAPHORIC_START = re.compile(
    r"^(for this reason|this is (why|because)|therefore|thus|hence|as a result|that is why|consequently)\b", re.I
)


# "... and is therefore moving with a sense of urgency": a consequence of what was said before
_ANAPHORIC_MID = re.compile(
    r"\b(?:and|is|are|was|were|has|have|had|will|would|should|must|can|could)\s+therefore\b", re.I
)
_CONTINUATION_START = re.compile(r"^(this|these|that|those|such|it|they|both)\b", re.I)
# a sentence whose subject is the one before: "This reinforces the rationale for ...", "While this
# forces Europe to ..."; and one that goes on from it: "In order for Japan to do so, ..."
_DEMONSTRATIVE_SUBJECT = re.compile(
    r"^(?:(?:while|although|but|and|yet|so|indeed|moreover|however),?\s+)?(?:this|these|that|those|such (?:an? )?[a-z-]+)\s+"
    r"(?:[a-z]+s|is|was|are|were|has|have|had|can|could|will|would|may|might|should|must|means?|meant)\b",
    re.I,
)
_GOES_ON = re.compile(
    r"^(?:(?:in order )?(?:for [\w'’-]+(?: [\w'’-]+)? )?to do (?:so|this)|in doing so|to that end|to this end)\b", re.I
)
# a sentence that announces what the next one says: "Japan's FOIP has a major feature that US's FOIP doesn't have."
_ANNOUNCES = re.compile(
    r"\b(?:has|have|had|is|are|was|were)\s+(?:an?|one|two|three|several)\s+(?:[a-z]+\s+)?"
    r"(?:features?|differences?|aspects?|characteristics?|elements?|distinctions?)\s+(?:that|which)\b[^,;]{0,60}[.:]$"
)
RESTATES_NEW = 0.25
HEADING_WORDS = 15  # a paragraph of one sentence this short is a heading


def _heading(c: _Candidate) -> bool:
    """Is the sentence a paragraph of its own, short enough to be a heading?"""
    i = _sentence_index(c)
    text = c.passage.text
    before = text[c.passage.sentences[i - 1].end : c.start] if i else "\n\n"
    return "\n\n" in before and len(c.text.split()) <= HEADING_WORDS


_LISTED_NEXT = re.compile(r"^(?:they|these) (?:are|were|include):", re.I)  # "... four islands. They are: X, Y ..."


def _points_back(sentence: str, kind: str | None) -> bool:
    """Does the sentence follow from the one before ("For this reason, ...", "This reinforces
    ...")? For a "why" question, so does a consequence ("Abe ... is therefore moving with urgency")."""
    if _ANAPHORIC_START.match(sentence) or _DEMONSTRATIVE_SUBJECT.match(sentence):
        return True
    return kind == "reason" and _ANAPHORIC_MID.search(sentence) is not None


def _through(c: _Candidate, later: Span, max_words: int) -> tuple[int, int] | None:
    """The quote from the sentence through a later one, when no paragraph ends between them and
    it keeps within ``max_words``."""
    text = c.passage.text
    if "\n\n" in text[c.end : later.start] or len(text[c.start : later.end].split()) > max_words:
        return None
    return c.start, later.end


def _with_next(c: _Candidate, max_words: int) -> tuple[int, int]:
    """The sentence and the next one of its paragraph, within ``max_words``; else the sentence."""
    nxt = next((sp for sp in c.passage.sentences if sp.start >= c.end), None)
    return (_through(c, nxt, max_words) if nxt else None) or (c.start, c.end)


def _extend(
    c: _Candidate,
    cue: re.Pattern | None,
    kind: str | None,
    max_words: int,
    term: str | None = None,
    restates: bool = False,
) -> tuple[int, int]:
    """The quoted span: the sentence, plus the next one when the sentence only sets up the answer,
    or the one before when it points back to the term asked about ("such a China gap").

    A "why" or "what do they recommend" question is often answered by a sentence that restates
    the question ("Russia, too, has an incentive to seek a rapprochement.") followed by the one
    that gives the reason or the advice.
    """
    spans = c.passage.sentences
    i = _sentence_index(c)
    text = c.passage.text
    if i is not None and i > 0 and _points_back(c.text, kind):
        # "For this reason, ..." points back: quote the sentence it refers to as well
        # (a paragraph may open with it too: "Therefore, ..." follows from the one before); for a
        # "why" question the sentence before is the answer itself, so the limit stretches a little
        limit = max_words + max_words // 4 if kind == "reason" else max_words
        previous = text[spans[i - 1].start : spans[i - 1].end].rstrip()
        if previous[-1:] in '.!?"”’' and len(text[spans[i - 1].start : c.end].split()) <= limit:
            j = i - 1
            # a "why" answered by "Therefore, ..." may rest on two sentences of its paragraph
            # ("as one purpose has been to expand its horizons, ... Though ... Therefore, ...")
            if (
                kind == "reason"
                and j > 0
                and "\n\n" not in text[spans[j - 1].end : spans[j].start]
                and "\n\n" not in text[spans[j].end : c.start]
                and len(text[spans[j - 1].start : c.end].split()) <= limit
            ):
                j -= 1
            return spans[j].start, c.end
    if term and i is not None:
        # "such a China gap", "This China gap ...": back to the sentence that says what it is
        back = re.compile(rf"\b(?:such an?|this|these|that)\s+[\"']?{re.escape(term)}\b", re.I)
        j = i
        while j > 0 and back.search(text[spans[j].start : spans[j].end]):
            if (
                "\n\n" in text[spans[j - 1].end : spans[j].start]
                or len(text[spans[j - 1].start : c.end].split()) > max_words
            ):
                break  # not across a paragraph: the one before is on something else
            j -= 1
        if j < i:
            return spans[j].start, c.end
    if i is not None and i + 1 < len(spans):
        nxt = spans[i + 1]
        following = text[nxt.start : nxt.end]
        if (
            _LISTED_NEXT.match(following)
            or _ANNOUNCES.search(c.text)  # "X has a major feature that Y doesn't have. X doesn't rule out ..."
            or (kind is None and _GOES_ON.match(following))
            or c.text.rstrip().endswith("?")  # "Are relations at an impasse ...? Not at all."
            # "... are also US allies through NATO. This reinforces the rationale for ...": the
            # next sentence's subject is this one (a reason or advice asked: the cue decides below)
            or (kind is None and cue is None and _DEMONSTRATIVE_SUBJECT.match(following))
        ) and (span := _through(c, nxt, max_words)):
            return span  # "Tokyo needs to identify partners ... In order to do so, X is indispensable."
        if c.text.rstrip().endswith(":") or (kind is None and _heading(c) and "\n\n" in text[c.end : nxt.start]):
            # "Stimson produces research and policy analysis to:" and the list under it; "Resolve the
            # Northern Territories dispute ...": a heading is spelt out by the paragraph under it
            end = c.end
            for later in spans[i + 1 :]:
                if end != c.end and "\n\n" in text[end : later.start]:
                    break  # the list, or the paragraph under the heading, has ended
                if len(text[c.start : later.end].split()) > max_words:
                    break
                end = later.end
            if end != c.end:
                return c.start, end
    if (
        restates
        and i
        and not (cue and cue.search(c.text))
        and (i + 1 >= len(spans) or "\n\n" in text[c.end : spans[i + 1].start])
        and "\n\n" not in text[spans[i - 1].end : c.start]
        and len(text[spans[i - 1].start : c.end].split()) <= max_words
    ):
        # "... seeking to achieve strategic autonomy. India will likely hesitate to ...": a
        # paragraph's closing sentence that only restates the question follows from its reasons
        return spans[i - 1].start, c.end
    if cue is None or i is None or i + 1 >= len(spans):
        return c.start, c.end
    nxt = spans[i + 1]
    # "... products are excluded. [...] These issues must be addressed by updating the FTA.": a
    # sentence pointing back with the reason or advice, one or two sentences on, completes it
    for k, later in enumerate(spans[i + 1 : i + 3], start=i + 1):
        text = c.passage.text[later.start : later.end]
        if _CONTINUATION_START.match(text) and cue.search(text):
            if len(c.passage.text[c.start : later.end].split()) > max_words:
                break
            end = later.end
            # and the rest of its paragraph while it goes on giving advice or reasons
            for more in spans[k + 1 :]:
                if "\n\n" in c.passage.text[end : more.start] or not cue.search(c.passage.text[more.start : more.end]):
                    break
                if len(c.passage.text[c.start : more.end].split()) > max_words:
                    break
                end = more.end
            return c.start, end
    if cue.search(c.text):
        return c.start, c.end  # the sentence gives the reason or advice itself
    gap = c.passage.text[c.end : nxt.start]
    if "\n\n" in gap and not _heading(c):
        return c.start, c.end  # the next paragraph is another topic (unless the sentence heads it)
    if len(c.passage.text[c.start : nxt.end].split()) > max_words:
        return c.start, c.end
    end = nxt.end
    if kind == "reason" or cue is ADVICE_CUE:
        # "Russia, too, has an incentive ... Its domestic problems are severe. ... falling commodity
        # prices": a reason stated as a topic sentence is spelt out by the rest of its paragraph;
        # so is a recommendation given as a heading ("Enhance interoperability ... through joint
        # exercises." then "... these could be extended and conducted more frequently")
        for later in spans[i + 2 : i + 4]:
            if (
                "\n\n" in c.passage.text[end : later.start]
                or len(c.passage.text[c.start : later.end].split()) > max_words
            ):
                break
            end = later.end
    return c.start, end


STRICT_KIND_BONUS = 1.0
# A sentence with the kind of answer asked goes first only when it scores at least this share
# of the best sentence's score (0.85-0.9 abstained most unanswerable questions on every set at no
# key string lost; 0.95 lost key strings)
KIND_PROMOTION = 0.9
KIND_PROMOTION_STRICT = 0.8  # the same after a narrow check (0.7-0.75: one more key string, one unanswerable answered)
COUNT_BONUS = 0.15  # a count of the very thing asked, in the sentence scores (0.1: 2 fewer key strings; 0.2: one more near miss answered)
_PERSON_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")  # "Andrey Bystritskiy": a full name asked about
_STANDS_FOR = re.compile(r"\b(?:stands? for|short for|full name|spelled out|written out)\b", re.I)
PROXIMITY_BONUS = 0.5
# A sentence close in meaning that holds most of the question's words and all its names is
# support: the model, fitted on few questions, weighs word coverage against similarity, which
# the two share, and so doubted the closest matches ("In which city are X and Y building their
# plant?": "X and Y should complete construction of a plant in Vladivostok"). 0.6 similarity
# answered five more unanswerable questions; 0.7 lost a key string
STRONG_SIM, STRONG_COVERAGE, STRONG_MATCH_BONUS = 0.65, 0.7, 0.5
# or one holding nearly all the question's words, less close in meaning
WORDY_SIM, WORDY_COVERAGE = 0.45, 0.8


# the verbs that attribute a question to its source ("What does Satake argue ...?")
_FRAME_WORDS = (
    "according argue argues argued say says said describe describes described note notes noted claim claims "
    "write writes wrote suggest suggests believe believes think thinks contend contends explain explains"
    " mention mentions"
)


@functools.cache
def _frame_terms() -> frozenset[str]:
    return frozenset(text_terms(_FRAME_WORDS))


def strong_match(features: dict[str, float]) -> bool:
    sim, coverage = features["sim"], features["coverage_sentence"]
    return features["entities"] >= 1.0 and (
        (sim >= STRONG_SIM and coverage >= STRONG_COVERAGE) or (sim >= WORDY_SIM and coverage >= WORDY_COVERAGE)
    )


NAMED_BONUS = 0.1  # the sentence names the kind of thing asked for ("award", "company")
SUMMARY_PENALTY = 0.1  # an editor's summary of another author's chapter, against the chapter's own words
NOTES_PENALTY = 0.1  # an endnote's explanatory sentence, against the body's (0.05-0.1 best; 0.2 lost)
ENTITY_WEIGHT = 0.1
# A sentence ruled out by a check, or doubted by the abstention model, gives way to one scoring
# at least this share of it whose support passes
NEAR_TIE = 0.9
SPAN_CACHE_SIZE = 100_000  # entries a memo of corpus spans keeps before it starts afresh (see _memo)
# a further sentence scores at least this share of the best's (0.8: 12 fewer key strings over the
# 96 studied sets, 1.28 sentences an answer against 1.38; 0.6: one more)
SECOND_RATIO = 0.7
# another document's best sentence, beside one document's, scores at least this share (0.8: one fewer)
OTHER_SOURCE_RATIO = 0.9


SIM_WEIGHT, OVERLAP_WEIGHT, RANK_WEIGHT = 0.5, 0.3, 0.1  # a sentence's score: its similarity, words, passage rank
SECTION_BONUS = 0.1  # the question names the sentence's part of the text ("the note", "the preface")


def _memo(cache: dict, key, compute):
    """``cache[key]``, computed once: the facts of corpus spans that no question changes."""
    value = cache.get(key)
    if value is None:
        if len(cache) >= SPAN_CACHE_SIZE:
            cache.clear()
        value = cache[key] = compute()
    return value


@functools.lru_cache(maxsize=512)
def _heading_terms(section: str) -> frozenset[str]:
    """Terms of a section's own heading when it names a part of a text's apparatus ("Notes",
    "Preface", "About the Contributors"), not a topic ("Policy Recommendations": any question
    asking for advice would favour it)."""
    leaf = section.rsplit(">", 1)[-1].strip()
    return frozenset(text_terms(leaf)) if _APPARATUS.search(leaf) else frozenset()


_APPARATUS = re.compile(
    r"^(?:(?:end|foot)?notes|references|preface|foreword|introduction|conclusions?|acknowledge?ments|about\b.*"
    r"|abbreviations|contributors|glossary|appendix\b.*)$",
    re.I,
)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_index(c: _Candidate) -> int | None:
    """Which of its passage's sentences the candidate is."""
    return next((k for k, s in enumerate(c.passage.sentences) if s.start <= c.start < s.end), None)


_PRONOUN_SUBJECT = re.compile(r"^(?:they|he|she|it|both|the two (?:leaders|sides|countries|men))\s", re.I)
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)
PRONOUN_REACH = 3  # sentences back, within the paragraph, to the one naming the person "she" is


def _context_bounds(c: _Candidate) -> tuple[int, int]:
    """Where the sentence with its neighbours lies in the passage; for a sentence on "she" or
    "his", back to the start of its paragraph (a few sentences at most), where she is named
    ("Yoko Hirose, PhD, is ... Between 2013 and 2014, she was a visiting fellow at ...")."""
    spans = c.passage.sentences
    i = _sentence_index(c) or 0
    lo = i
    if _PERSONAL_PRONOUN.search(c.text):
        text = c.passage.text
        while lo > max(0, i - PRONOUN_REACH) and "\n\n" not in text[spans[lo - 1].end : spans[lo].start]:
            lo -= 1
    # a reference runs over several sentences and may start inside one
    return min(c.start, spans[min(lo, max(0, i - 1))].start), max(c.end, spans[min(len(spans) - 1, i + 1)].end)


def _leading_context(c: _Candidate) -> str:
    """The sentence with the one before it, and the passage's section and title."""
    spans = c.passage.sentences
    i = _sentence_index(c) or 0
    return " ".join([c.passage.text[spans[max(0, i - 1)].start : c.end], c.passage.section, c.passage.title])


def _context(c: _Candidate) -> str:
    """The sentence with its neighbours in the passage: where a question's terms may sit."""
    lo, hi = _context_bounds(c)
    return c.passage.text[lo:hi]
