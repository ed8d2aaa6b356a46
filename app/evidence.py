"""Does a corpus sentence hold what a question asks for? Checks of evidence text against the
question's analysis (``questions.py``): an answer of the kind asked that the question does not
already give, a gloss of the term asked about, a name beside the role asked for (of the country
asked), the actor of "Who visited ...?", a person's name that is no place, nationality or
institution, a country for "Which country ...?", cue words of reasons and advice, and the forms
a name takes in the text.
"""

from __future__ import annotations

import functools
import itertools
import re

from .questions import (
    ASK_ADVICE,
    ASK_COUNTRY,
    ASK_DAY,
    ASK_LOCATION,
    ASK_MONEY,
    ASK_MONTH,
    ASK_SHARE,
    CAPITALISED,
    HOW_LONG,
    HOW_MUCH,
    TITLES,
    counted_nouns,
    focus_noun,
    named_noun,
    who_did,
    without_possessive,
)

YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)s?\b")


def asked_years(question: str) -> list[str]:
    """The years a question names; a decade as its first three digits and "x" ("the 1990s": "199x")."""
    return [
        m.group(1)[:3] + "x" if m.group(0).endswith("s") and m.group(1).endswith("0") else m.group(1)
        for m in YEAR.finditer(question)
    ]


def year_matches(asked: str, year: str) -> bool:
    return asked == year or (asked.endswith("x") and year[:3] == asked[:3])


_RELATIVE_YEAR = {"last year": -1, "previous year": -1, "the year before": -1, "this year": 0, "next year": 1}
_RELATIVE_YEAR_RE = re.compile(r"\b(" + "|".join(_RELATIVE_YEAR) + r")\b", re.I)


def relative_years(text: str, date: str) -> list[str]:
    """The years a text names relative to its source's date: "last year" in an article of 2018
    is 2017."""
    if not re.match(r"\d{4}", date or ""):
        return []
    return [str(int(date[:4]) + _RELATIVE_YEAR[m.group(1).lower()]) for m in _RELATIVE_YEAR_RE.finditer(text)]


def year_pattern(asked: str) -> str:
    return rf"\b{asked[:3]}\d" if asked.endswith("x") else rf"\b{asked}\b"


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = re.compile(rf"\b({_MONTHS})\b")
# "slated for the autumn of 2018": a season of a year dates a thing as a month does
_SEASON = re.compile(r"\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?:1[6-9]\d\d|20\d\d)\b", re.I)


def is_month(word: str) -> bool:
    return re.fullmatch(_MONTHS, word) is not None


_MONTH_ABBR = rf"(?:{_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = re.compile(  # "Sept. 1, 2014", "December 15", "15 December", "May 25–26", "2014-09-01"
    rf"\b{_MONTH_ABBR}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_ABBR}|\b\d{{4}}-\d\d-\d\d\b"
)
_NUMBER = re.compile(
    r"\d[\d,.]*\d|\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|hundred|thousand|million|billion|trillion|once|twice|dozen|half|first|second|third"
    r"|double[sd]?|triple[sd]?|quadruple[sd]?|[\w-]+fold)\b",
    re.I,
)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b|\b[A-Z]{2,}\b")

_WHEN_WORD = re.compile(  # "in November", "on Monday": a time, not a place
    rf"(?:{_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
)
_LOCATED = re.compile(
    r"\b(?:in|at|to|near|off|into|inside|outside|around|across|via|hosted by)\s+(?:the\s+)?"
    # "in the northern part of Australia", "in southern Japan"
    r"(?:(?:north|south|east|west|central)\w*\s+(?:(?:part|region|coast|tip|end)\s+of\s+(?:the\s+)?)?)?"
    r"([A-Z][\w'.-]*[A-Za-z](?:\s+[A-Z][\w'.-]*[A-Za-z])*)"
)
# "the Soviet era", "the Japanese market": a lower-case noun after the name, other than a place's
_AS_ADJECTIVE = re.compile(
    r"\s+(?!(?:region|sea|ocean|islands?|peninsula|area|city|coast|strait|straits|gulf|bay|port|prefecture|province|capital"
    r"|in|on|at|by|for|to|and|or|of|with|from|as|is|was|were|are|that|which|where|when|during|since|after|before)\b)[a-z]"
)


def _is_location(m: re.Match, text: str) -> bool:
    if _WHEN_WORD.match(m.group(1)) or re.search(r"['’]s?$", m.group(1)):
        return False  # "in November", "in Japan's public opinion"
    after_the = text[: m.start(1)].rstrip().lower().endswith(" the")
    return not (after_the and _AS_ADJECTIVE.match(text, m.end()))  # "in the Soviet era"


# a percentage or a fraction ("a third of", "two-thirds"), not an enumeration ("Third, ...")
_ASK_PERCENT = re.compile(r"\b(?:what|which) percentage\b|\bhow many per ?cent\b|\bby how much per ?cent\b", re.I)
_PERCENT = re.compile(r"%|\bper ?cent\b|\bpercentage points?\b", re.I)
_SHARE = re.compile(
    r"%|\bper ?cent|\b(?:a|one|two|three|four)[ -](?:thirds?|quarters?|fifths?|tenths?)\b|\b(half|majority|minority|most|one in)\b",
    re.I,
)
# a span of time, or its start ("since the late 2000s", "since 2013")
_DURATION = re.compile(
    r"\b(years?|months?|weeks?|days?|decades?|centur(y|ies)|hours?|minutes?)\b|\bsince (?:the )?(?:(?:early|mid|late)[- ])?\d{4}s?\b",
    re.I,
)
# an amount, or a growth by a multiple ("double or quadruple", "several-fold", "three times")
_MONEY = re.compile(r"[$€£¥]|\b(?:USD|dollars?|yen|rubles?|roubles?|euros?)\b", re.I)
_AMOUNT = re.compile(
    r"[$€£¥]|\b(USD|dollars?|yen|rubles?|roubles?|euros?|billion|million|trillion|per ?cent|double[sd]?|triple[sd]?"
    r"|quadruple[sd]?|[\w-]+fold|times)\b|%|\b(?:a|one|two)[ -](?:thirds?|quarters?|half)\b",
    re.I,
)
_NUMBER_WORDS = r"(?:\d[\d,.]*(?:st|nd|rd|th)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozens?)"


def _word_stems(question: str) -> set[str]:
    """The question's words by their first five letters: what a name must differ from to be new.
    A hyphenated word gives its parts too ("Kilo-class" gives "Kilo")."""
    words = re.findall(r"[A-Za-z][\w-]*", question)
    return {w.lower()[:5] for w in words + [p for w in words if "-" in w for p in w.split("-") if p]}


def _names_near(text: str, focus: str, question: str) -> bool:
    """A name the question does not give, in apposition to the focus noun: "Prime Minister
    Yoshiro Mori", "Then-President Boris Yeltsin", "Modi, India's prime minister"."""
    stem = re.escape(focus[: max(4, len(focus) - 2)])
    given = _word_stems(question)
    name = r"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}"
    phrase = r"(?:,?\s+(?:of|with|to|from|for|in|at)\s+[\w'-]+(?:\s+[\w'-]+)?)?"  # "exercise with India, JIMEX 12"
    after = re.finditer(
        rf"\b{stem}\w*{phrase},?\s+[\"“']?({name})", text, re.I
    )  # or a quoted name: exercise "KOWARI 14"
    # apposition before the role closes after it: "Modi, India's prime minister, ..." (not "..., the envoy said")
    before = re.finditer(rf"({name}),\s+(?:[\w'-]+\s+){{0,4}}?{stem}\w*(?:[,.;)]|\s+(?:of|to|in|for|at)\b)", text)
    # the country the role asked for belongs to: "China's foreign minister", "the Indian envoy"
    role = re.search(rf"((?:[\w'’]+\s+){{0,3}}){stem}", question, re.I)
    asked_nations = countries_referred(role.group(1)) if role else set()
    # the name as the subject of a copula: "Taniguchi was Aso's speechwriter"
    copula = re.finditer(
        rf"({name})\s+(?:is|was|became|becomes|served as|serves as|acted as)\s+(?:[\w'’-]+\s+){{0,4}}?{stem}", text
    )
    for m in (*after, *before, *copula):
        words = [w.split("'")[0] for w in m.group(1).split()]
        if asked_nations:  # "Japan's defence minister" asked: not "Australian Defence Minister David Johnston"
            qualifier = " ".join(re.findall(r"[\w'’]+", text[max(0, m.start() - 40) : m.start()])[-2:])
            said = countries_referred(f"{qualifier} {m.group(0).split(',')[0]}")  # "Australian Defence Minister ..."
            if said and not said & asked_nations:
                continue
        capitals = list(itertools.takewhile(lambda w: w[:1].isupper(), words))  # the name, not what follows
        if capitals and capitals[-1].lower()[:5] in given:
            continue  # "Foreign Minister Sergei Lavrov" where the question names Lavrov: the question's own
        if capitals and _country_pattern().fullmatch(" ".join(capitals).lower()):
            continue  # "the presidents of Russia and France": a country, not the president's name
        if words[0][:1].isupper() and any(w.lower()[:5] not in given for w in words):
            return True
    return False


_INSTITUTION_NOUNS = r"(?:institut|universit|cent(?:er|re)|foundation|academ|council|school|college|organi[sz]ation)"


def thing_named(question: str, text: str) -> bool:
    """For "Which award / university / exercises ...?": a name the question does not give, with
    that word ("the Red Flag exercises", "Columbia University", "the Institute for Defense Studies")."""
    thing = named_noun(question)
    if not thing:
        return False
    stem = re.escape(thing[: max(4, len(thing) - 2)])
    given = _word_stems(question)
    run = r"[A-Z][\w'.-]+(?:\s+(?:of|for|on|and|the)?\s*[A-Z][\w'.-]+){0,5}"
    # "Which institution ...?": an institute, a university, a centre ... by its own word
    stem = _INSTITUTION_NOUNS if stem.startswith(("institut", "organi")) else stem
    word = rf"(?i:{stem})\w*"
    for m in re.finditer(rf"({run})\s+{word}|\b((?:[A-Z][\w'.-]+\s+)*{word}(?:\s+(?:of|for|on)\s+{run})?)", text):
        name = m.group(1) or m.group(2)
        if any(w.lower()[:5] not in given for w in re.findall(r"[A-Z][\w'-]+", name) if not re.match(stem, w, re.I)):
            return True
    return False


_SIDE = re.compile(r"\bthe ([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:'s)? side\b")


_MONTH_DAY = re.compile(rf"\b({_MONTHS})\s+\d{{1,2}}\b")


def other_months(question: str, text: str) -> bool:
    """For "their December 15, 2016 meeting": the text dates it to other months only ("their
    November meeting"). A month alone may date a circumstance ("after Abe's May 2018 visit")."""
    asked = set(_MONTH_DAY.findall(question))
    said = set(_MONTH.findall(text))
    return bool(asked) and bool(said) and not asked & said


def other_side(question: str, text: str) -> bool:
    """For "the rate on the Japanese side": the text speaks of another country's side only ("on
    the Indian side")."""
    asked = {n for m in _SIDE.finditer(question) for n in _nations(m.group(1))}
    said = {n for m in _SIDE.finditer(text) for n in _nations(m.group(1))}
    return bool(asked) and bool(said) and not asked & said


def _country_itself(name: str, asked: set[str]) -> bool:
    """Is the name one of the asked countries by its own name ("China", "the US"), not a city?"""
    code = _country_codes().get(name.lower()) or _SHORT_COUNTRIES.get(name)
    return code is not None and code in asked


def _demonym_countries(question: str) -> set[str]:
    """Countries (ISO codes) a question names by their people's word ("Chinese city": China)."""
    codes = _country_codes()
    return {codes[c] for w in re.findall(r"[A-Z][a-z]+", question) if (c := demonym_country(w))}


# people's words not made by adding an ending to the country's name
_IRREGULAR_DEMONYMS = {
    "british": "britain", "german": "germany", "italian": "italy", "french": "france", "dutch": "netherlands",
    "greek": "greece", "filipino": "philippines", "thai": "thailand", "swiss": "switzerland", "spanish": "spain",
    "turkish": "turkey", "polish": "poland", "danish": "denmark", "swedish": "sweden", "finnish": "finland",
    "irish": "ireland", "norwegian": "norway", "peruvian": "peru",
}  # fmt: skip
# America-n, Canad-ian, Chil-ean, Japan-ese; or none, for a name that ends like one ("Japan-EU")
_DEMONYM_ENDING = re.compile(r"(?:(?:[ei]?an|ese)s?)?")


@functools.lru_cache(maxsize=1024)
def demonym_country(word: str) -> str | None:
    """The country's name, lower-cased, a people's word stands for ("American": "america",
    "Australian": "australia", not "austria"; "British": "britain"); None for any other word
    ("Persian", "Macmillan")."""
    low = word.lower()
    irregular = _IRREGULAR_DEMONYMS.get(low) or _IRREGULAR_DEMONYMS.get(low.removesuffix("s"))
    if irregular or not _DEMONYM.fullmatch(word):
        return irregular
    found = [
        n
        for n in _country_codes()
        if " " not in n
        and len(stem := n[:-1] if n[-1] in "aeiou" else n) >= 4
        and low.startswith(stem)
        and _DEMONYM_ENDING.fullmatch(low[len(stem) :])
    ]
    return max(found, key=len) if found else None


def _nations(text: str) -> set[str]:
    """The countries a text names or qualifies by ("Japan's", "Japanese", "Australian"), as
    stems: "japa", "aust"."""
    out = set()
    for w in re.findall(r"[A-Z][a-z]+", text):
        low = w.lower()
        if low in _CAPITALS:  # "Tokyo's envoy": Japan's
            out.add(_CAPITALS[low][:4])
        elif low in METONYMS or _country_pattern().fullmatch(low):
            out.add(low[:4])
        elif _DEMONYM.fullmatch(w) and low[:4] in _demonym_stems():  # not a name that ends so ("Pokhran")
            out.add(low[:4])
    return out


@functools.cache
def _demonym_stems() -> frozenset[str]:
    """The first four letters of the words of country names ("russ", "kore") and of the regions
    a people's word may qualify ("west", "euro"): what a demonym for a nation starts with."""
    words = {w for name in _country_codes() for w in re.findall(r"[a-z]+", name) if len(w) > 3}
    return frozenset(w[:4] for w in words) | {"west", "euro", "paci", "asia"}


_DESIGNATION = re.compile(r"\b[A-Z][A-Za-z]{0,3}-\d+[A-Z]?\b")  # a model's designation: US-2, P-3C, S-400
_ONCE_TWICE = re.compile(r"\b(?:once|twice|thrice)\b", re.I)
_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*[A-Za-z](?:\s[A-Z][\w'’.-]*[A-Za-z])*")  # capitalised words in a row
_DEMONYM = re.compile(
    r"[A-Z][a-z]+(?:ese|ians?|ish|ans?|ern|ics?)"
)  # Chinese, Russian, British, Korean, Western, Pacific


# Head words of names of institutions, agreements, events and places: such a name is no person's
_INSTITUTION_WORDS = set(
    """
    agency agreement alliance army association bank bureau cabinet center centre charter club
    commission committee conference congress cooperation corporation council court declaration
    department dialogue diet economy embassy forum forces force foundation framework fund government
    group guard initiative institute island islands ministry navy office organisation organization
    parliament partnership party plan policy programme program project republic sea ocean security
    staff strategy summit territories treaty union university vision war
    headquarters secretariat station olympics games fleet exercise exercises society college academy school route zone base
    theatre theater hall palace cathedral square hotel tower building stadium museum airport
    east west north south central middle asia europe africa america pacific atlantic arctic
    """.split()
)


def is_generic_name_word(word: str) -> bool:
    """A word of many names: a nationality or country ("Russian"), an institution's head word
    ("Council", "Center"), "International", "Affairs"."""
    low = word.lower()
    return bool(
        low in _INSTITUTION_WORDS
        or low in {"international", "affairs", "national", "global", "studies"}
        or _DEMONYM.fullmatch(word)
        or _country_pattern().fullmatch(low)
    )


def _not_a_person(name: str) -> bool:
    """A country or capital ("London"), a nationality or region word ("Russian", "Western"), a
    month, an institution or agreement ("Joint Political Declaration"): not a person's name."""
    name = without_possessive(name)
    if any(w.lower() in _INSTITUTION_WORDS for w in re.split(r"[\s-]+", name)):
        return True
    parts = name.split("-")
    if len(parts) > 1 and all(p.isupper() or _not_a_person(p) for p in parts):
        return True  # "the Japan-US alliance": a pair of countries
    if name.lower() in METONYMS or _country_pattern().fullmatch(name.lower()):
        return True
    return bool(_DEMONYM.fullmatch(name) or _WHEN_WORD.fullmatch(name))


_TITLES = {"mr", "mrs", "ms", "dr", "prime", "minister", "president", "foreign", "defence", "defense"}
_TITLES |= {"secretary", "general", "chief", "deputy", "vice", "then", "former", "ambassador", "senior"}


_PERSON_TITLES = {
    "professor",
    "prof",
    "chairman",
    "chairwoman",
    "governor",
    "mayor",
    "director",
    "admiral",
    "commander",
}
_ANY_TITLE = _TITLES | _PERSON_TITLES


def is_title(word: str) -> bool:
    """A word of a title before a name ("Prime", "Minister", "Dr.")."""
    return word.lower().strip(".") in _ANY_TITLE


_NOTE_NUMBER = re.compile(r"(?m)^\d{1,3}\.\s")
_RETRIEVAL_DETAILS = re.compile(r"\s*(?:\bAccessed\b|https?:|www\.)")


@functools.lru_cache(maxsize=1024)  # passages of a finite corpus, for each question about a reference
def reference_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The references in a passage of endnotes, as (start, end) in the text: each from its note's
    number or the "; " before it to its access date or web address ("24. See for example: Daalder,
    Ivo and James Goldgeier. "Global NATO." Foreign Affairs 85, no. 5 (2006).")."""
    cuts = sorted({0, *(m.start() for m in _NOTE_NUMBER.finditer(text)), len(text)})
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        for piece in re.finditer(r"[^;]+", text[a:b]):
            start, end = a + piece.start(), a + piece.end()
            details = _RETRIEVAL_DETAILS.search(text, start, end)
            end = details.start() if details else end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1] in " \n\t,":
                end -= 1
            if len(text[start:end].split()) >= 3:
                spans.append((start, end))
    return tuple(spans)


def reference_names_author(reference: str, question: str) -> bool:
    """Does a reference name an author the question does not? Its authors lead it, before the
    title ("24. See for example: Daalder, Ivo and James Goldgeier. "Global NATO." ...")."""
    lead = re.split(r"[\"“]", reference, maxsplit=1)[0]
    number = _NOTE_NUMBER.match(lead)
    if number:
        lead = re.sub(r"^\s*(?:See\s+(?:for example:?|also)?\s*)?", "", lead[number.end() :])
    return _person_named(lead, question)


_EDITED = re.compile(r"\(?\beds?\.\)?|\bedited by\b")
EDITOR_REACH = 80  # characters either side of "eds." / "edited by" where a reference names its editors


def reference_names_editor(reference: str, question: str) -> bool:
    """Does a reference name an editor the question does not? Beside "eds." or "edited by", after
    the title ("Yuzawa, Takeshi. "ASEAN-Japan Cooperation ..." Rizal Sukma and Yoshihide Soeya, eds.")."""
    title = re.search(r"[\"“][^\"”]+[\"”]", reference)
    after = title.end() if title else 0
    for m in _EDITED.finditer(reference, after):
        if _person_named(reference[max(after, m.start() - EDITOR_REACH) : m.end() + EDITOR_REACH], question):
            return True
    return False


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near)\s+$")


def _person_named(text: str, question: str) -> bool:
    """A run of capitalised words that may be a person's name and is not the question's own:
    not a place, a nationality, a month, an institution or an abbreviation. "Tokyo and London
    signing the framework" names no minister; "Defence Minister David Johnston" does."""
    given = _word_stems(question)
    for m in _NAME_RUN.finditer(text):
        run = m.group(0)
        if m.start() == 0:
            run = _LEADING_WORD.sub("", run) or run  # "On July 8, ...": the sentence's first word is no name's
        # "Australian National University Professor Hugh White": the name after the last title
        parts = run.split()
        titled = [i for i, w in enumerate(parts[:-1]) if w.lower().strip(".") in _ANY_TITLE]
        if titled and titled[-1] > 0:
            run = " ".join(parts[titled[-1] + 1 :])
        bare = without_possessive(run)  # "NATO's eastern expansion": an abbreviation's
        possessive = bare != run or text.startswith(("'", "’"), m.end())
        if (m.start() == 0 and " " not in run) or bare.isupper() or _not_a_person(run):
            continue  # a lone first word is any sentence's capital
        if " " not in run and _PLACE_BEFORE.search(text, 0, m.start()) and not possessive:
            continue  # "the poisoning in Salisbury": a place, not a person
        words = [w.strip(".'’") for w in re.split(r"[\s-]+", run) if w.strip(".'’")]
        if words[-1].lower()[:5] in given:
            continue  # "Valery Gerasimov" where the question names Gerasimov: the question's own
        # "Russia's Chief of General Staff": a country and titles, no name
        name = [w for w in words if w.lower() not in _TITLES and not _not_a_person(w)]
        if any(w.lower()[:5] not in given for w in name):
            return True
    return False


_COMPASS = {"west", "east", "north", "south", "asia", "europe", "africa", "america", "pacific", "atlantic", "arctic"}


def _new_name(text: str, question: str) -> bool:
    """For "Which Japanese company ...?": a name the question does not give, other than a
    country's, a nationality's or a month's ("Japan will conduct research with the United
    Kingdom" names no company)."""
    given = _word_stems(question)
    if any(m.group(0).lower() not in question.lower() for m in _DESIGNATION.finditer(text)):
        return True  # "Which Japanese aircraft ...?": "amphibious aircraft US-2"
    for m in _NAME_RUN.finditer(text):
        run = without_possessive(m.group(0))
        if m.start() == 0:
            run = _LEADING_WORD.sub("", run) or run  # "Between Japan and India, ...": no name's word
            if " " not in run and run == m.group(0):
                continue  # a lone first word is any sentence's capital
        words = [w.strip(".'’") for w in re.split(r"[\s-]+", run) if w.strip(".'’")]
        own = [
            w
            for w in words
            if not (
                w in _SHORT_COUNTRIES
                or w.lower() in METONYMS
                or _country_pattern().fullmatch(w.lower())
                or _DEMONYM.fullmatch(w)
                or _WHEN_WORD.fullmatch(w)
                or w.lower() in _COMPASS
                or w.lower() in _ANY_TITLE  # "President Putin": a title of a name given
            )
        ]
        if run.lower() not in METONYMS and not _country_pattern().fullmatch(run.lower()):
            if any(w.lower()[:5] not in given for w in own):
                return True
    return False


# What follows these is given as a cause or a circumstance of the rest of the sentence
_AS_CAUSE = re.compile(
    r"\b(?:after|following|despite|in spite of|because of|due to|owing to|as a result of|in the wake of)\b", re.I
)
_EVENT_WORD = re.compile(r"[A-Za-z][\w-]{3,}")


def _event_as_cause(text: str, question: str) -> bool:
    """For "Why did X happen?": does the sentence name X only as the cause or background of
    something else ("exchanges were terminated after Japan's decision to purchase the islands"
    does not say why Japan decided to purchase them)?"""
    m = next((m for m in _AS_CAUSE.finditer(text) if len(text[: m.start()].split()) >= 4), None)
    if m is None:  # "After the Cold War, Japan ...": a time, heading the sentence's own claim
        return False
    stems = {w.lower()[:5] for w in _EVENT_WORD.findall(question)} - {"why", "what", "does", "were", "have"}
    before = {w.lower()[:5] for w in _EVENT_WORD.findall(text[: m.start()])} & stems
    after = {w.lower()[:5] for w in _EVENT_WORD.findall(text[m.end() :])} & stems
    return len(after) >= 3 and len(after) >= 2 * max(1, len(before))


# The words a text may count a thing by, as the first five letters of each: "how many nations"
# is answered by "more than 50 countries", "how many heads of state" by "200 foreign leaders"
_COUNT_GROUPS = (
    ("natio", "count", "state"),
    ("count", "natio", "state"),
    ("state", "count", "natio"),
    ("leade", "heads", "head ", "presi", "prime"),
    ("heads", "leade", "presi", "prime"),
    ("meeti", "summi", "talks", "times"),
    ("summi", "meeti", "talks"),
    ("talks", "meeti", "summi"),
    ("times", "occas", "visit", "meeti"),
    ("occas", "times"),
    ("compa", "firms", "enter", "corpo"),
    ("firms", "compa", "enter", "corpo"),
    ("enter", "compa", "firms"),
    ("docum", "agree", "memor", "accor"),
    ("agree", "docum", "accor", "deals", "memor"),
    ("deals", "agree", "contr"),
    ("soldi", "troop", "perso"),
    ("troop", "soldi", "perso"),
    ("peopl", "perso", "citiz", "indiv", "resid"),
    ("ships", "vesse"),
    ("vesse", "ships"),
    ("warsh", "ships", "vesse", "subma", "frig", "destr"),
    ("subma", "warsh", "vesse"),
    ("plane", "aircr", "jets", "fight"),
    ("aircr", "plane", "jets", "fight"),
    ("autho", "write", "contr"),
    ("write", "autho", "contr"),
    ("contr", "autho", "write"),  # "How many contributors ...?": "The four authors"
)
COUNT_SYNONYMS = {group[0]: group[1:] for group in _COUNT_GROUPS}


_ANONYMOUS = re.compile(
    r"\b(?:anonymous|unnamed|unidentified)\s+(?:[\w-]+\s+){0,3}?(?:officials?|sources?|diplomats?|persons?|experts?|officers?|ministers?|aides?)\b",
    re.I,
)


_ASK_EXPERT = re.compile(
    r"\b(?:experts?|specialists?|analysts?|scholars?|researchers?|academics?|panell?ists?|commentators?)\b", re.I
)
_OFFICE_TITLE = r"(?:Chairman|Chairwoman|Chairperson|Chair|President|Minister|Secretary|Governor|Mayor|CEO)"
_OFFICE_HOLDER = re.compile(
    rf"\b[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){{1,3}},\s+(?:(?:Honorary|Deputy|Vice|Executive|Acting|Former)\s+)?{_OFFICE_TITLE}\b"
    r"(?:\s+(?:of|for|and|the|[A-Z][\w'.-]+)\b)*"  # "..., Chairman of the Board of the Foundation for Development"
    rf"|\b(?:(?:Prime|Foreign|Defen[cs]e)\s+)?{_OFFICE_TITLE}\s+(?:[A-Z][\w'.-]+\s+){{0,2}}[A-Z][\w'.-]+"
)


_SHIPS = (
    r"\b(?:ships?|vessels?|warships?|destroyers?|frigates?|submarines?|cruisers?|corvettes?|carriers?|JS |HMS |USS )"
)
_HARDWARE = {  # the thing asked for, as a text may call it
    **dict.fromkeys(("ship", "vessel", "warship", "destroyer", "frigate", "submarine"), _SHIPS),
    "missile": r"\bmissiles?\b",
    "aircraft": r"\b(?:aircraft|planes?|jets?|fighters?|bombers?)\b",
    "satellite": r"\bsatellites?\b",
    "rocket": r"\brockets?\b",
}


def has_kind(text: str, kind: str | None, question: str = "") -> bool:
    """Does the text hold an answer of the kind asked for that the question does not already give?"""
    if kind is None:
        return True
    if kind in ("person", "name") and _ANONYMOUS.search(text):
        return False  # "quotes an anonymous high-ranking Japanese official": the name is not given
    if kind == "reason":
        return not _event_as_cause(text, question)
    if kind == "named":
        hardware = _HARDWARE.get((named_noun(question) or "").rstrip("s"))
        if hardware and not re.search(hardware, text, re.I):
            return False  # "Which ship took part in the drill?": a sentence on the drill that names no ship
        return _new_name(text, question)
    if kind == "name":
        focus = focus_noun(question)  # answer_kind gives "name" only when there is one
        return focus is not None and any(_names_near(text, t, question) for t in _titles_for(focus))
    asked = question.lower()
    if kind == "date":
        if ASK_DAY.search(question):  # "On what date ...?": a day, not a year or a month alone
            return any(m.group(0).lower() not in asked for m in _DAY.finditer(text))
        if ASK_MONTH.search(question):  # "In which month ...?": a month, not a year alone
            return any(m.group(0).lower() not in asked for m in _MONTH.finditer(text))
        found = [m.group(0) for m in YEAR.finditer(text)] + [m.group(0) for m in _MONTH.finditer(text)]
        found += [m.group(1) for m in _SEASON.finditer(text)]
    elif kind == "number":
        counted = counted_nouns(question)
        if counted:
            # "how many documents": a number counting documents ("11 documents were signed")
            nouns = "|".join(re.escape(n) for w in counted for n in (w[:5], *COUNT_SYNONYMS.get(w[:5], ())))
            if "times" in counted and _ONCE_TWICE.search(text):
                return True  # "how many times had Modi visited Japan": "had visited Japan twice"
            # not the digit of a designation ("PAC-2 systems" counts no systems)
            return bool(re.search(rf"(?<![\w-]){_NUMBER_WORDS}\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})", text, re.I))
        if HOW_LONG.search(question) and not _DURATION.search(text):
            return False
        if HOW_MUCH.search(question) and not _AMOUNT.search(text):
            return False
        if ASK_MONEY.search(question) and not _MONEY.search(text):
            return False  # "the dollar value of the arms": "28% of the arms in value terms" is a share
        if _ASK_PERCENT.search(question) and not _PERCENT.search(text):
            return False  # "What percentage of Australians ...?": not "a majority of Australians"
        if ASK_SHARE.search(question) and not _SHARE.search(text):
            return False  # "what share of ...": a percentage or a fraction, not any number
        found = [m.group(0) for m in _NUMBER.finditer(text)]
    elif kind == "place" and ASK_COUNTRY.search(question):
        # "Which Southeast Asian nation ...?": a country the question does not name itself
        return bool(countries_named(text) - countries_named(question))
    elif kind == "place" and ASK_LOCATION.search(question):
        # "Where did ...?", "In which city ...?": a name the sentence places something in or at,
        # not a time ("in November") nor a name used as an adjective ("in the Soviet era")
        # "In which Chinese city ...?": not China itself (a city, its capital too, may answer)
        asked = countries_referred(question)
        found = [
            m.group(1)
            for m in _LOCATED.finditer(text)
            if _is_location(m, text) and not _country_itself(m.group(1), asked)
        ]
    elif kind == "person":
        if _ASK_EXPERT.search(question):
            # "Which Japanese experts spoke ...?": not a chairman or a minister ("remarks by Yohei
            # Sasakawa, Honorary Chairman of SPF"), who holds an office rather than gives a view
            text = _OFFICE_HOLDER.sub("", text)
        if who_did(question):  # "Who signed ...?": a new name as the verb's subject or agent
            return actor_named(question, text) or titled_name(question, text)
        return _person_named(text, question)
    else:  # a place: a name
        found = [m.group(0) for m in _NAME.finditer(text)] + [
            m.group(0) for m in CAPITALISED.finditer(text) if m.start() > 0
        ]
    if kind in ("date", "number"):  # whole tokens: the "2" of "$200m" is not the "2" of "2016"
        given = set(re.findall(r"[\w.,]+", asked)) | set(re.findall(r"\d[\d,.]*\d|\d", asked))  # "$12bn": 12
        return any(f.lower().strip(".,") not in given for f in found)
    return any(f.lower() not in asked for f in found)


# "Which American president ...?": a title a name may stand after
_WHICH_TITLE = re.compile(rf"\b(?:which|what) (?:[A-Z][\w-]*\s+)?({TITLES})\b", re.I)


def titled_name(question: str, text: str) -> bool:
    """For "Which American president discouraged Abe ...?": a name the title asked stands before,
    the verb said in other words ("President Barack Obama urging Abe not to ...")."""
    title = _WHICH_TITLE.search(question)
    if not title:
        return False
    asked = who_did(question)
    if asked and re.search(rf"\b{re.escape(asked.group(1)[:-2])}", text, re.I):
        return False  # the verb is there, said of another ("The Tokyo Declaration, signed by ...")
    return any(_names_near(text, t, question) for t in _titles_for(title.group(1).lower()))


def _titles_for(noun: str) -> tuple[str, ...]:
    """The titles a name asked by this noun may stand beside: for "Which American leader ...?",
    a head of state's or government's; for "Which premier ...?", a prime minister's too."""
    if noun == "leader":
        return ("president", "prime minister", "premier", "chancellor")
    return ("premier", "prime minister") if noun in ("premier", "prime minister") else (noun,)


_FUNCTION_STEMS = {
    w[:5]
    for w in "when what which where year date month many much did does was were the and have has with from that this their for into about first time how".split()
}
_VALUE = {
    "date": YEAR,
    "number": re.compile(
        r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|twice|double|triple)\b", re.I
    ),
    "reason": re.compile(r"\b(?:because|due to|owing to|as a result of|for this reason|reasons? for)\b", re.I),
}


def _content_stems(question: str) -> set[str]:
    """The question's words of three letters or more, by stem, less "when", "what", "the" ..."""
    return {w for _, w in _stems_at(question)} - _FUNCTION_STEMS


def _stems_at(text: str) -> list[tuple[int, str]]:
    """Each word of three letters or more in the text: its offset and its first five letters."""
    return [(m.start(), m.group(0).lower()[:5]) for m in re.finditer(r"[A-Za-z][\w-]{2,}", text)]


def value_near_terms(question: str, text: str, kind: str | None, *, window: int = 6) -> int:
    """For a date, a number or a reason asked: the most of the question's own words (by stem)
    found within ``window`` words of one date, number or causal phrase ("owing to") of the text. "Crimea Annexation by Russia (February to
    March 2014)" dates the annexation; "... annexation of Crimea" in a sentence whose only year
    is another event's does not."""
    pattern = _VALUE.get(kind or "")
    if pattern is None:
        return 0
    asked = _content_stems(question)
    words = _stems_at(text)
    best = 0
    for m in pattern.finditer(text):
        near = {w for pos, w in words if len(text[min(pos, m.start()) : max(pos, m.start())].split()) <= window}
        best = max(best, len(near & asked))
    return best


_PERCENT_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|percent\b|per cent\b)", re.I)
_SHARE_WORDS = {"perce", "share", "propo", "porti"}


def percent_apart(question: str, text: str, *, window: int = 6) -> bool:
    """For "What percentage of Australians support closer ties?": no percentage of the text stands
    within ``window`` words of any of the question's own words ("while a majority of Australians
    support closer ties, ... the majority (more than 70 percent) prefers neutrality")."""
    if not _ASK_PERCENT.search(question):
        return False
    asked = _content_stems(question) - _SHARE_WORDS
    words = _stems_at(text)
    figures = list(_PERCENT_FIGURE.finditer(text))
    return bool(figures) and not any(
        w in asked
        for m in figures
        for pos, w in words
        if len((text[m.end() : pos] if pos >= m.end() else text[pos : m.start()]).split()) <= window
    )


_FIGURE = re.compile(
    r"[$€£¥]?\d[\d,.]*\s*(?:%|percent|per cent|billion|million|trillion|bn|m)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b",
    re.I,
)


def figures_of_other_years(text: str, years: list[str]) -> bool:
    """For "How much did trade reach in 2014?": does every figure of the sentence stand nearest to
    a year other than those asked ("$32 billion in 2013 ... expected to increase in 2014")?"""
    marks = [(m.start(), m.group(1)) for m in YEAR.finditer(text)]
    if not marks or not years:
        return False
    figures = [m for m in _FIGURE.finditer(text) if not YEAR.fullmatch(m.group(0).strip(" ,.;:"))]
    if not figures:
        return False
    for f in figures:
        nearest = min(marks, key=lambda y: abs(y[0] - f.start()))[1]
        if any(year_matches(y, nearest) for y in years):
            return False
    return True


_COMPARED = re.compile(
    r"\b(?:more|less|higher|lower|greater|larger|smaller|bigger|fewer|better|worse|faster|slower)\s+than\b(?!\s+(?:\d|a |an |one|two|three|half|double|twice))|\bcompared (?:with|to)\b|\bunlike\b",
    re.I,
)


def compared_part(text: str) -> tuple[str, str] | None:
    """A sentence that compares its figure with something else: the part that holds the figure
    and the part after "than" ("close to 90 percent, which is much higher than the agreements
    India signed with South Korea": the rate is not South Korea's). None without a comparison."""
    m = _COMPARED.search(text)
    return (text[: m.start()], text[m.end() :]) if m else None


_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_ORDINAL = re.compile(rf"\b({'|'.join(_ORDINAL_WORDS)}|\d+(?:st|nd|rd|th))((?:\s+[\w-]+){{1,4}})", re.I)


def _ordinals(text: str) -> list[tuple[int, set[str], str]]:
    """Each ordinal of the text as a number, with the stems of the words after it and the first
    of them."""
    out = []
    for m in _ORDINAL.finditer(text):
        word = m.group(1).lower()
        n = _ORDINAL_WORDS.index(word) + 1 if word in _ORDINAL_WORDS else int(re.sub(r"\D", "", word))
        after = m.group(2).split()
        out.append((n, {w.lower()[:5] for w in after if len(w) > 2}, after[0].lower()))
    return out


def other_ordinal(question: str, text: str) -> bool:
    """For "When was the first joint naval exercise?": the text numbers the same thing otherwise
    ("the 17th joint naval rescue exercise", "his second overseas destination" for "his first
    overseas trip"), so it speaks of another one."""
    asked = _ordinals(question)
    if not asked:
        return False
    return any(
        n != m and (len(words & said) >= 2 or (head == other and len(head) > 3))
        for n, words, head in asked
        for m, said, other in _ordinals(text)
    )


REASON_CUE = re.compile(
    r"\b(because|due to|as a result|in order to|so that|for this reason|since(?!\s+(?:about |around |at least |as early as )?(?:the )?(?:(?:early|mid|late)[- ]?)?(?:\d|then\b|last\b|(?:end|start|beginning|turn|collapse|fall)\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))|given|owing to|reason|aims? to|in the hopes? of|thus|therefore|driven by)\b",
    re.I,
)
ADVICE_CUE = re.compile(
    r"\b(should|must|need to|needs to|needs? (a|an|more)|ought to|can also|could also|requires?|recommend\w*|propos\w*|suggest\w*|(?:it|this|that) (is|would be|will be) (?:\w+ly )?(important|necessary|essential|crucial|vital|imperative|desirable|wise))\b",
    re.I,
)


def cue_for(question: str, kind: str | None) -> re.Pattern | None:
    """Words that mark the sentence giving the kind of answer asked: a reason, or advice."""
    if kind == "reason":
        return REASON_CUE
    if ASK_ADVICE.search(question):
        return ADVICE_CUE
    return None


# Capitals (and seats of government) standing for their governments, as news writing uses them ("Tokyo and Beijing
# came to blows"): general world knowledge, not facts of any one corpus.
_CAPITALS = {
    "tokyo": "japan",
    "beijing": "china",
    "moscow": "russia",
    "washington": "united states",
    "canberra": "australia",
    "new delhi": "india",
    "delhi": "india",
    "seoul": "south korea",
    "pyongyang": "north korea",
    "taipei": "taiwan",
    "london": "britain",
    "paris": "france",
    "berlin": "germany",
    "rome": "italy",
    "brussels": "european union",
    "ottawa": "canada",
    "hanoi": "vietnam",
    "jakarta": "indonesia",
    "manila": "philippines",
    "bangkok": "thailand",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "minsk": "belarus",
    "tehran": "iran",
    "ankara": "turkey",
    # and seats of government used the same way ("Japanese entreaties to the Kremlin")
    "kremlin": "russia",
    "kantei": "japan",
    "zhongnanhai": "china",
}
_COUNTRY_FORMS = {"united states": {"u.s.", "america"}, "britain": {"united kingdom"}, "european union": {"europe"}}
METONYM_SHORT = {"washington": ("us", "usa"), "london": ("uk",), "brussels": ("eu",)}
METONYMS: dict[str, set[str]] = {}
for _capital, _country in _CAPITALS.items():
    METONYMS.setdefault(_capital, set()).update({_country, *_COUNTRY_FORMS.get(_country, ())})
    METONYMS.setdefault(_country, set()).add(_capital)


_EVERYDAY_NAMES = {"russia": "RU", "britain": "GB", "great britain": "GB", "america": "US", "turkey": "TR"}
_SHORT_COUNTRIES = {"US": "US", "U.S.": "US", "USA": "US", "UK": "GB"}  # matched in the text's own case


@functools.cache
def _country_codes() -> dict[str, str]:
    """Every country's names, lower-cased, to its ISO 3166 code: the names pycountry knows
    (short, common and official) and a few everyday ones ("Russia", "Britain")."""
    import pycountry

    codes = dict(_EVERYDAY_NAMES)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:  # "Korea, Republic of" is a sort key, not a name
                codes[value.lower()] = country.alpha_2
    return codes


def country_forms(name: str) -> tuple[set[str], tuple[str, ...]]:
    """A country's other names, lower-cased, by one of them ("united kingdom": "britain",
    "great britain", "london"), and its short forms to be matched as whole words ("uk"); empty
    for a name that is no country's."""
    codes = _country_codes()
    code = codes.get(name.lower())
    if code is None:
        return set(), ()
    names = {n for n, c in codes.items() if c == code}
    names |= {cap for cap, country in _CAPITALS.items() if codes.get(country) == code}
    short = tuple(s.lower() for s, c in _SHORT_COUNTRIES.items() if c == code and "." not in s)
    return names - {name.lower()}, short


@functools.cache
def _country_pattern() -> re.Pattern:
    names = sorted(_country_codes(), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])")


def _capitals_countries(low: str) -> list[str]:
    """The countries a lower-cased text names by a capital or seat of government, in order
    ("new delhi": india)."""
    words = re.findall(r"[a-z]+", low)
    return [_CAPITALS[w] for w in (*words, *map(" ".join, zip(words, words[1:]))) if w in _CAPITALS]


def with_capitals_countries(query: str) -> str:
    """The query with the country each capital or seat of government in it stands for, for a
    lexical search ("Beijing's defence outlay" also finds "China's military expenditures")."""
    extra = _capitals_countries(query.lower())
    return f"{query} ({' '.join(dict.fromkeys(extra))})" if extra else query


def countries_named(text: str) -> set[str]:
    """The countries (ISO codes) a text names: by name, by a short form ("US") or by their
    capital ("Tokyo" names Japan)."""
    codes = _country_codes()
    low = text.lower()
    found = {codes[n] for n in _country_pattern().findall(low)}
    found |= {codes[country] for country in _capitals_countries(low) if country in codes}
    found |= {_SHORT_COUNTRIES[m] for m in re.findall(r"(?<![\w.])(?:U\.S\.|USA|US|UK)(?!\w)", text)}
    return found


def countries_referred(text: str) -> set[str]:
    """The countries (ISO codes) a text names, or names by their people's word ("the Chinese
    city", "Indian officials")."""
    return countries_named(text) | _demonym_countries(text)


# "took place": or the event dated by its own noun ("the next meeting, slated for the autumn of 2018")
_TAKE_PLACE = ("took place", "take place", "taken place", "held", "happen", "occur", "meeting", "summit")
# Events a date is asked for, by stem: "When was the pact signed?" needs a sentence that
# speaks of signing, not one on the pact's negotiation "since 2013"
_EVENT_STEMS = {
    "sign": ("sign", "conclu"),  # an agreement is signed or concluded
    "announc": ("announc",),
    "launch": ("launch",),
    "establish": ("establish",),
    "found": ("found",),
    "ratif": ("ratif",),
    "conclud": ("conclu", "sign"),
    "adopt": ("adopt",),
    "elect": ("elect",),
    "appoint": ("appoint",),
    "annex": ("annex",),
    "invad": ("invad", "invasion"),
    "begin": ("begin", "began", "begun", "start"),
    "start": ("start", "begin", "began", "begun", "launch"),
    "end": ("end", "ended", "conclu", "terminat"),
    "join": ("join", "accession", "member"),
    "open": ("open",),
    "issu": ("issu", "releas", "publish"),
    "releas": ("releas", "issu", "publish"),
    "publish": ("publish", "releas", "issu"),
    "withdr": ("withdr",),
    "visit": ("visit", "trip", "travel"),
    "into force": ("into force", "in force", "effect"),
    "take effect": ("effect", "into force", "in force"),
    "took effect": ("effect", "into force", "in force"),
    "deliver": ("deliver", "arriv", "handed over"),
    "arriv": ("arriv", "deliver", "reach"),
    "take place": _TAKE_PLACE,
    "took place": _TAKE_PLACE,
    "clos": ("clos", "end", "conclu"),
    "complet": ("complet", "finish"),
    "finish": ("finish", "complet"),
    "resum": ("resum", "restart", "reviv"),
    "suspen": ("suspen", "halt", "froze", "freez"),
    "postpon": ("postpon", "delay"),
    "cancel": ("cancel", "call off", "called off"),
    "expir": ("expir", "end", "laps"),
    "abolish": ("abolish",),
    "dissolv": ("dissol",),
    "becom": ("becom", "became", "appoint", "named", "took office", "assum", "elect", "sworn"),
    "became": ("becom", "became", "appoint", "named", "took office", "assum", "elect", "sworn"),
}
_EVENT_WORD_RE = re.compile(  # not "joint", "endorse", "significant": other words than the verbs
    r"\b(?!joint|endors|signal|signific)(" + "|".join(sorted(_EVENT_STEMS, key=len, reverse=True)) + r")[a-z]*",
    re.I,
)


def event_missing(question: str, text: str) -> bool:
    """For "When was X signed?" (a date asked for an event named by a common verb): the text
    does not speak of that event at all, nor dates the document asked about by its name ("The
    Hague Declaration between Japan and the European Community in July 1991 ...")."""
    # not an event said not to happen ("insisted it would never become ...")
    found = [m for m in _EVENT_WORD_RE.finditer(question) if not _REPORTED.search(question[: m.start()])]
    if not found:
        return False
    # the question's own verb comes last: "When did the postponed visit eventually take place?"
    m = found[-1]
    stems = _EVENT_STEMS[m.group(1).lower()]
    low = text.lower()
    return not any(re.search(rf"\b{st}", low) for st in stems) and not _dated_by_name(question, text)


# "What did Abe and Putin discuss / agree ...?": what the text must speak of, by stem
_ACTIONS = {
    "agree": (
        "agree",
        "accord",
        "consensus",
        "deal",
        "sign",
        "contract",
        "decid",
        "settl",
        "concur",
        "approv",
        "establish",
        "launch",
        "set up",
        "adopt",
        "commit",
    ),
    "discuss": ("discuss", "talk", "exchang", "conversation", "topic", "agenda", "address", "rais", "consult"),
}
_ACTION_ASKED = re.compile(
    r"^\s*what (?:did|do|does|have|has|had|will|would) (?:[\w'’-]+ ){1,8}?(agree|discuss)\w*\b", re.I
)


def action_missing(question: str, text: str) -> bool:
    """For "What did Clinton and Vajpayee agree during the visit?": the text speaks of the visit
    but of no agreement, deal or signing ("... reached a turning point when Clinton visited India")."""
    m = _ACTION_ASKED.search(question)
    if not m:
        return False
    low = text.lower()
    return not any(re.search(rf"\b{stem}", low) for stem in _ACTIONS[m.group(1).lower()])


_REPORTED = re.compile(r"\b(?:never|not)\s+$|n't\s+$", re.I)


# "Did they complete the plant as planned?", "Was the treaty eventually ratified?": the outcome asked
_ASKS_OUTCOME = re.compile(
    r"^\s*(?:did|was|were|has|have|had)\b|\b(?:as planned|as scheduled|on schedule|on time|actually|eventually|in the end)\b",
    re.I,
)
_PLAN_MODAL = re.compile(
    r"\b(?:should|will|would|shall|(?:is|are|was|were) (?:expected|scheduled|due|set|slated|supposed) to|plans? to|planned to"
    r"|(?:is|are) to|aims? to|intends? to|hopes? to)\s+(?:[\w'’-]+\s+){0,2}?$",
    re.I,
)


def outcome_only_planned(question: str, text: str) -> bool:
    """For "Did X complete the plant in 2018 as planned?": the text gives the event only as a plan
    ("in 2018, X should complete construction of a plant"), not as what happened."""
    if not _ASKS_OUTCOME.search(question):
        return False
    asked = {m.group(1).lower() for m in _EVENT_WORD_RE.finditer(question)}
    if not asked:
        return False
    stems = {st for a in asked for st in _EVENT_STEMS[a]}
    low = text.lower()
    said = [m for st in stems for m in re.finditer(rf"\b{re.escape(st)}", low)]
    return bool(said) and all(_PLAN_MODAL.search(low[max(0, m.start() - 60) : m.start()]) for m in said)


_DOCUMENT_WORD = re.compile(
    r"\b(?:Declaration|Treaty|Agreement|Accord|Pact|Charter|Convention|Protocol|Statement|Communiqu[eé]|Partnership|Strategy|Doctrine|Plan)\b"
)


def _dated_by_name(question: str, text: str) -> bool:
    """The text names a document the question names ("the Hague Declaration") with a date a few
    words after it ("... in July 1991"): the date of the document itself."""
    for m in _NAME_RUN.finditer(question):
        name = m.group(0)
        if m.start() == 0 or " " not in name or not _DOCUMENT_WORD.search(name):
            continue
        # words of a phrase qualifying the name ("between Japan and the EC"), not a clause of its own
        word = r"(?!(?:is|was|were|are|has|had|have|said|says|will|would)\b)[\w'’-]+"
        pattern = rf"{re.escape(name)}\s+(?:{word}\s+){{0,8}}?(?:in|of|on|signed in|adopted in)\s+(?:{_MONTHS}|\d{{4}})"
        if re.search(pattern, text):
            return True
    return False


_LIST_ASKED = re.compile(
    # "What are the five priority areas ...?", "Which five priority areas did ...?", "Name the four islands"
    r"\b(?:(?:what|which) (?:(?:are|were|is|was) )?|(?:name|list) )(?:the )?"
    r"(two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) ([a-z][\w-]*)",
    re.I,
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def list_not_given(question: str, text: str) -> bool:
    """For "What are the five priority areas ...?": the text names "five priority areas" but
    does not list them (fewer items follow than the count)."""
    m = _LIST_ASKED.search(question)
    if not m:
        return False
    count = m.group(1).lower()
    n = _COUNT_WORDS.get(count) or int(count)
    said = re.search(rf"\b{re.escape(count)}\s+(?:[\w-]+\s+){{0,2}}?{re.escape(m.group(2)[:5])}\w*", text, re.I)
    # the items after the count, or anywhere when the text does not name the count ("the purpose
    # of the plan is ..." lists no eight points)
    rest = text[said.end() :] if said else text
    items = len(re.findall(r",|;|\band\b|:", rest))
    return items < n - 1


# "What specific measures ...?", "Which concrete steps ...?": the particulars, not the thing named
_SPECIFICS_ASKED = re.compile(r"\b(?:what|which) (?:specific|concrete|particular) [a-z]", re.I)
_RECOMMENDATION_ASKED = re.compile(r"\b(?:should|recommend\w*|propos\w*|suggest\w*|urg\w*|advis\w*)\b", re.I)
# particulars given: an example, a list, or what follows a colon
_PARTICULARS = re.compile(
    r"\bsuch as\b|\binclud\w*|\bnamely\b|\bfor (?:example|instance)\b|[:;]|\w, [\w -]+,? and\b", re.I
)


_PARENTHESES = re.compile(r"\(([^()]*)\)")


def listed_without_figure(entities: list[str], text: str) -> bool:
    """For "How much did the platform invest in Doctis?": a name the question asks about stands
    only in brackets that give no figure ("financed three projects (..., the Doctis online
    platform ...)"): the sentence's figure is the whole's, not the listed item's."""
    inside = [(m.start(), m.end(), m.group(1)) for m in _PARENTHESES.finditer(text)]
    for e in entities:
        if len(e) < 3 or not any(ch.isalpha() for ch in e):
            continue
        found = [m.start() for m in re.finditer(rf"\b{re.escape(e)}\b", text)]
        if not found:
            continue
        brackets = [next((b for b in inside if b[0] < at < b[1]), None) for at in found]
        # a list in brackets, not a gloss ("the Regional Comprehensive Economic Partnership (RCEP)")
        if all(b is not None and re.search(r",| and ", b[2]) and not re.search(r"\d", b[2]) for b in brackets):
            return True
    return False


def specifics_not_given(question: str, text: str) -> bool:
    """For "What specific sanctions did Japan impose?": a sentence that names the sanctions
    ("Japan only activated very light sanctions") without an example or a list of them."""
    if _RECOMMENDATION_ASKED.search(question):
        return False  # "What specific steps should Japan take?": a recommendation is itself the answer
    return bool(_SPECIFICS_ASKED.search(question)) and not _PARTICULARS.search(text)


# "What was the title of her dissertation?": a title, quoted or announced, that the question does not give
_TITLE_ASKED = re.compile(r"\b(?:what|which) (?:is|was|were) the (?:full |exact |official )?titles? of\b", re.I)
_QUOTED = re.compile(r"[\"“]([^\"”]{3,200})[\"”]|\b(?:titled|entitled)\s+(\S+(?:\s+\S+){0,3})")


def title_not_given(question: str, text: str) -> bool:
    """For "What was the title of the speech?": no quoted title (nor "titled ...") in the sentence
    beyond what the question quotes itself."""
    if not _TITLE_ASKED.search(question):
        return False
    asked = question.lower()
    return not any((m.group(1) or m.group(2)).lower() not in asked for m in _QUOTED.finditer(text))


_BLOCS = {  # bodies that act as a country does: "Japan and the EU held ...", not "Japan and NATO"
    "EU": re.compile(r"\bEU\b|\bEuropean Union\b"),
    "NATO": re.compile(r"\bNATO\b|\bNorth Atlantic Treaty Organi[sz]ation\b"),
    "ASEAN": re.compile(r"\bASEAN\b|\bAssociation of Southeast Asian Nations\b"),
    "UN": re.compile(r"\bUN\b|\bUnited Nations\b"),
}


def _actors(text: str) -> set[str]:
    return countries_referred(text) | {code for code, pattern in _BLOCS.items() if pattern.search(text)}


def other_pair(question: str, text: str) -> bool:
    """For "When did Japan and India sign their nuclear deal?": the text is about another pair
    of countries ("between India and the United States was signed in 2007"), or of a country
    and a bloc ("Japan and NATO" for "Japan and the EU"): it names two or more, not all of the
    question's, and one the question does not name."""
    asked = _actors(question)
    if len(asked) < 2:
        return False
    said = _actors(text)
    return len(said) >= 2 and not asked <= said and bool(said - asked)


# a phrase between commas with a common noun in it, not a list ("Japan, India and Australia")
_NOUN_APPOSITION = (
    r"(?!(?:and|or|but|who|which|that|however|too|also|as|while|when|if)\b)"
    r"(?=[^,.;()]*\b[a-z]{3,})(?:(?!\b(?:and|or)\b)[^,.;()]){3,60}"
)
_TITLE = r"(?:mayor|minister|president|professor|director|chairman|chairwoman|secretary|ambassador|governor|chief|head|fellow|adviser|advisor|editor|expert|justice|judge|general|admiral|senator)"
_APPOSITION = r"(?!(?:and|or|but|who|which|that|however|too|also|as)\b)(?:[a-z]|(?:Honorary|Acting|Special|Permanent|Chair|Chairman|Chairwoman|Chairperson|President|Director|Professor|Minister|Secretary|Ambassador|Head|Chief|Senior|Deputy|Vice|Former|Then|Executive|Member|Fellow|Governor|Editor|Founder|Commander|Associate|Assistant)\b)"


def defines(term: str, text: str) -> bool:
    """Does the sentence gloss the term: "X (gloss)", "gloss (X)", "gloss (X or Y)", "gloss, or X", "X is a ..."?"""
    t = re.escape(term)
    return bool(
        re.search(
            rf"(?<![\w-]){t}[\"”’']?\s*\((?!\d)|\(\s*{t}\s*(?:\)|(?:,|;|\s+or)\s[^)]*\))|,? or (?:the )?{t}(?![\w-])|(?<![\w-]){t}(?:,\s*(?:PhD|Ph\.D\.|MD|Jr\.|Sr\.))?,? (?:is|was|are|were|refers to|means|stands for|consists? of|comprises?|an?) ",
            text,
        )
        # "the report X (often referred to as "Y")"
        or re.search(rf"\((?:often |also |commonly |widely )?(?:referred to|known|called|dubbed) as [\"“]?{t}", text)
        # in apposition, a phrase with a common noun: "Pokhran-II, India's 1998 nuclear test, led to ..."
        or re.search(rf"(?<![\w-]){t},\s+{_NOUN_APPOSITION},", text)
        # after a phrase with a common noun: "the first naval exercise with India, JIMEX 12, was held"
        or re.search(rf"\b(?!(?:and|or)\b)[a-z]{{3,}}(?:\s+(?!(?:and|or)\b)[\w'’-]+){{0,4}},\s+{t},", text)
        # a title in quotes after what it is: 'his Project Syndicate article, "X,"'
        or re.search(rf"\b[a-z]{{3,}},?\s+[\"“]{t}", text)
        # a person's name ("Who is Kurt Campbell?"): in apposition ("Kurt Campbell, former
        # assistant secretary of ...") or after a title ("then-mayor of Nemuro city Ando Sekiten")
        or (
            " " in term
            and bool(
                re.search(rf"(?<![\w-]){t},\s+{_APPOSITION}", text)
                or re.search(rf"(?i:\b{_TITLE}\b)[^.,;()]{{0,40}}?\s{t}(?![\w-])", text)
            )
        )
    )


_ACTOR = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")


_NAMED_BEFORE_COMMA = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*),\s*$")  # "The Tokyo Declaration, | signed by"


def actor_named(question: str, text: str) -> bool:
    """For "Who visited X?": the sentence has the verb with a name the question does not give as
    its subject ("Nikolai Patrushev ... visited") or its agent ("signed between Putin and Mori")."""
    m = who_did(question)
    if not m:
        return False
    verb = m.group(1).lower()
    stem = re.escape(verb[:-2])  # "visited": visit, visits, visiting; not "founded" in "Foundation"
    given = question.lower()
    stems = _word_stems(question)
    for v in re.finditer(rf"\b{stem}(?:e|ed|es|ing|s)?\b", text, re.I):
        before = text[max(0, v.start() - 80) : v.start()]
        thing = _NAMED_BEFORE_COMMA.search(before)
        if thing and any(w.lower()[:5] not in stems for w in _LEADING_WORD.sub("", thing.group(1)).split()):
            continue  # "The Tokyo Declaration, signed by Yeltsin and ...": another thing's signing
        after = re.match(r"\s+(?:[\w,]+\s+){0,3}?(?:by|between)\s+(.{0,60})", text[v.end() :])
        names = (_LEADING_WORD.sub("", n.group(0)) for n in _ACTOR.finditer(before))
        if any((" " in n or "-" in n) and n.lower() not in given for n in names):
            return True
        if after and _person_named("by " + after.group(1), question):  # "signed ... by Nordmann"
            return True
    # "Who delivered the opening remarks?": "with opening remarks by Yohei Sasakawa"
    obj = re.match(
        r"\s+(?:(?:the|a|an|its|his|her|their)\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]{4,})\b(?=\s+(?:at|in|on|of|for|to|during|with|about|when|where|while|after|before|under|as)\b|\s*[?,]|$)",
        question[m.end() :],
    )
    if obj:
        head = re.escape(obj.group(1).split()[-1])
        for b in re.finditer(rf"\b{head}\s+by\s+(.{{0,120}})", text, re.I):
            if _person_named("by " + b.group(1), question):
                return True
    return False


# a capitalised word that heads a sentence or clause, not a name's: "When China announced ..."
_LEADING_WORD = re.compile(
    r"^(?:(?:When|While|After|Before|In|On|At|The|As|If|Since|Although|But|And|Then|Now|Also|However|Meanwhile"
    r"|Despite|During|Following|Under|With|For|From|By|This|That|These|Those|Yet|So|Between|Among|Amid|Against"
    r"|Through|Without|Within|Given|Unlike|Like|Beyond|Though|Because|Once|Until|Upon|Towards?|Over|Across|Along"
    r"|Around|Behind|Below|Above|Both|Even|Only|Still|Thus|Hence|Moreover|Furthermore|Indeed|Instead|Nevertheless)\s+)+"
)


def values_differ(texts: list[str]) -> bool:
    """Do the texts (one per source) give different figures?"""
    sets = [
        v
        for v in (
            set(
                re.findall(
                    r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b",
                    t.lower(),
                )
            )
            for t in texts
        )
        if v
    ]
    return len(sets) > 1 and any(a != b for a in sets for b in sets)
