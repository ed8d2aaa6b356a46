"""What a question asks for: the kind of answer (a date, a number, a name, a reason), the thing
counted or named, the term to explain, its parts, and the names and numbers it is about.

Pure functions of the question's text; ``evidence.py`` checks a corpus sentence against them.
"""

from __future__ import annotations

import functools
import re

_ASK_DATE = re.compile(
    r"^\s*(?:when|since when|(?:in |on |by )?(?:what|which) (?:exact |precise |specific |calendar |fiscal |earlier |later |other |previous |first |last )?(?:year|date|day|month)s?)\b",
    re.I,
)
_ASK_NUMBER = re.compile(
    r"\b(how many|how much|what percentage|what share|what proportion|how large|how big|how often|what number|what amount|what was the value|what is the value|how long|what figures? (?:did|does|do|was|is|were|are|has|have|had)\b)\b"
    r"|^\s*what (?:was|is|were|are)\b[^?]{0,80}\bworth\b(?!\s+\w+ing\b)"  # "What was Russia-Japan trade worth in 2012?", not "worth considering"
    r"|\bwhat (?:was |is |were |are )?(?:the )?(?:[a-z-]+ |[A-Z][\w-]*['’]s )?(?:[a-z-]+ ){0,2}(?:value|amount|size|cost|price|budget|sum|rate|population|turnover|(?:trade|export|import|sales|output|production) volume|volume of (?!the\b))\b",
    re.I,
)
_ASK_PERSON = re.compile(
    r"^\s*(who|whom|whose)\b|\bwhich (?:[\w'-]+\s+){0,2}?(?:and [\w'-]+\s+)?(person|people|leaders?|ministers?|president|officials?|authors?|scholars?|ambassador|diplomats?|envoy|politicians?|commentators?|analysts?|experts?|premier|chancellor|secretary"
    r"|astronauts?|officers?|generals?|admirals?|journalists?|reporters?|businessm[ae]n|businesspersons?|executives?|entrepreneurs?"
    r"|researchers?|professors?|academics?|specialists?|mayors?|governors?|emperors?|empress|kings?|queens?|activists?|founders?|chairm[ae]n|spokes(?:man|woman|person)|heads? of (?:state|government))\b",
    re.I,
)
# up to two words qualifying the noun asked about ("which Chinese city"), none of them a verb ("what did ...")
_MODIFIERS = r"(?:(?!(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could)\b)[\w'-]+\s+){0,2}?"
_ASK_PLACE = re.compile(
    rf"^\s*where\b|\b(which|what) {_MODIFIERS}(country|city|town|island|islands|sea|ocean|strait|peninsula|region|province|prefecture|place|port|location)\b",
    re.I,
)
# "Which Japanese company ...?", "What American strategic document ...?": things answered by a name
# an exercise is often told by what it was, not a name ("the 17th joint naval rescue exercise"):
# "What exercises did they hold?" asks that; "Which exercises ...?" asks for a name (summits and
# forums have names: "the APEC Summit", "the Eastern Economic Forum")
_EVENTS = r"(?:exercises?|drills?)\b"
_ASK_NAMED = re.compile(
    rf"\b(?:which|what(?! {_MODIFIERS}{_EVENTS})) (?!(?:kinds?|types?|sorts?|forms?) of\b){_MODIFIERS}(?P<noun>compan(?:y|ies)|firms?|corporations?|organi[sz]ations?|institutions?"
    r"|agenc(?:y|ies)|newspapers?|universit(?:y|ies)|banks?|think tanks?|documents?|treat(?:y|ies)|declarations?"
    r"|exercises?|forums?|bod(?:y|ies)|frameworks?|bureaus?|ministr(?:y|ies)|departments?|committees?|councils?"
    r"|parties|party|funds?|speech(?:es)?|addresses|statements?|reports?|articles?|books?|summits?|conferences?"
    r"|awards?|prizes?|honou?rs?|medals?|shipyards?|manufacturers?|makers?|contractors?|consorti(?:um|a)|conglomerates?"
    r"|airlines?|journals?|magazines?|broadcasters?|commissions?|associations?|institutes?|academ(?:y|ies)"
    r"|colleges?|laborator(?:y|ies))\b"
    # hardware is named by a longer phrase: "Which Japan Maritime Self-Defense Force ship ...?"
    r"|\b(?:which|what) (?:(?!(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could)\b)[\w'-]+\s+){0,5}?"
    r"(?P<hardware>ships?|vessels?|warships?|destroyers?|frigates?|submarines?|missiles?|aircraft|satellites?|rockets?)\b",
    re.I,
)


@functools.lru_cache(maxsize=256)  # asked of each candidate sentence's check, for one question
def named_noun(question: str) -> str | None:
    """The kind of thing whose name is asked ("award" in "Which award did Tatsumi receive?")."""
    m = _ASK_NAMED.search(core(question))
    return (m.group("noun") or m.group("hardware")).lower() if m else None


ASK_COUNTRY = re.compile(
    # not "What kind of power configuration ...?", which asks for a description
    r"\b(?:which|what)\s+(?!(?:kinds?|types?|sorts?|forms?) of\b)(?:[\w'-]+\s+){0,3}?(?:country|countries|nations?|states|powers?)\b",
    re.I,
)
_ASK_REASON = re.compile(
    r"^\s*why\b|\bfor what reasons?|\bon what (?:grounds|basis)\b|\bwhat (motivat\w*|drove|drives|prompt\w*|led|leads)\b"
    # "What is one reason ...?", "What were the two main reasons ...?"
    r"|\bwhat (?:(?:were|was|are|is) )?(?:(?:the|one|a|another|two|three|some|main|key|chief|primary|principal|major) )*reasons?\b"
    # "What economic pressures give Moscow a reason to ...?", "What factors drove ...?"
    r"|\bwhat (?:[a-z]+ ){0,2}(?:pressures|factors|motives|incentives|drivers|considerations) (?:give|gave|drive|drove|push|pushed|lead|led|prompt|prompted)\b",
    re.I,
)


CAPITALISED = re.compile(r"\b[A-Z][\w'-]*[A-Za-z]\b|\b\d[\d,.]*\b")
_QUESTION_WORDS = {
    "what",
    "why",
    "how",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "which",
    "does",
    "did",
    "do",
    "is",
    "are",
    "was",
    "were",
    "according",
    "has",
    "have",
    "can",
    "could",
    "should",
    "would",
    "will",
    "the",
    "in",
    "a",
    "an",
    "i",
}


_PART_SPLIT = re.compile(
    r"(?:,|;)?\s+and\s+(?=(?:what|which|who|whom|whose|when|where|why|how|(?:in|on|at|by|to|for|from|of|with) (?:which|what|whom|how)|did|does|do|is|are|was|were|has|have)\b)"
    r"|;\s+|\?\s+(?=[A-Z])",
    re.I,
)


_PREPOSITIONS = {
    "by",
    "in",
    "at",
    "on",
    "for",
    "from",
    "to",
    "with",
    "as",
    "since",
    "until",
    "during",
    "before",
    "after",
}
_BARE_WH = {"when", "where", "why", "how", "who"}
_TWO_WH = re.compile(r"^\s*(when|where|why|how|who)\s+and\s+(when|where|why|how|who)\s+(\w.*)$", re.I)
_AUXILIARIES = {"did", "does", "do", "had", "has", "have", "were", "was", "are", "is", "will", "would", "can", "could"}
_AUXILIARY_RE = re.compile(rf"\b(?:{'|'.join(sorted(_AUXILIARIES))})\b", re.I)
# "In which journal and in what year did X publish Y?": each asked of the same clause
_WH_PHRASE = r"(?:(?:in|at|on|from|by|for|with|to) )?(?:when|where|why|how|who|(?:which|what)(?: [a-z-]+){1,2})"
_TWO_WH_PHRASES = re.compile(
    rf"^\s*({_WH_PHRASE})\s+and\s+({_WH_PHRASE})\s+((?:{'|'.join(sorted(_AUXILIARIES))})\b.*)$", re.I
)


# "How many meetings by 2014 (Stimson) vs by 2016 (Funabashi)?": one question for each side
_VERSUS = re.compile(
    r"^(?P<head>.+?)\s(?P<prep>by|in|as of|at|before|after|during|under|for|from)\s(?P<a>.+?)\s+(?:vs\.?|versus)\s+(?:(?P=prep)\s)?(?P<b>.+?)\s*\?*\s*$",
    re.I,
)


def split_question(question: str) -> list[str]:
    """The sub-questions of a compound question ("What does OEF stand for, and what did ... supply?")."""
    versus = _VERSUS.match(question)
    if versus and not re.search(
        r"\b(?:compare|compared|differ|change|changed|contrast|stack up|relate)\W*$", question, re.I
    ):
        head, prep = versus.group("head"), versus.group("prep")
        return [f"{head} {prep} {versus.group(side)}?" for side in ("a", "b")]
    both = _TWO_WH.match(question) or _TWO_WH_PHRASES.match(question)
    if both:  # "Where and when was X held?": "Where was X held?" and "When was X held?"
        rest = both.group(3).strip(" ?")
        return [f"{both.group(1).capitalize()} {rest}?", f"{both.group(2).capitalize()} {rest}?"]
    parts = [p.strip(" ,;?") for p in _PART_SPLIT.split(question.strip())]
    if len(parts) == 2 and parts[1].lower() in _BARE_WH:
        # "In which speech did Abe say X, and when?": "When did Abe say X?"
        aux = _AUXILIARY_RE.search(parts[0])
        parts[1] = f"{parts[1]} {parts[0][aux.start() :]}" if aux else ""
    parts = [p for p in parts if len(p.split()) >= 3]
    if len(parts) < 2:
        return [question]
    return [p[0].upper() + p[1:] + "?" for p in parts]


_ASKS = re.compile(
    r"^\s*(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b"
    r"|\b(?:what|which|who|whom|whose|when|where|why|how)\b",
    re.I,
)


def is_statement(part: str) -> bool:
    """A part of a compound question that asks nothing: the premise before "; what ...?" ("The
    leaders called the station on May 26; what was the astronaut's name?")."""
    return _ASKS.search(core(part)) is None


_BACK_REFERENCE = re.compile(r"\b(?:it|its|they|them|their|he|him|his|she|her|such)\b", re.I)


# "... on that occasion?", "When was that summit?": a demonstrative after a preposition or a verb
_DEMONSTRATIVE = re.compile(
    r"\b(?:on|at|in|during|after|before|from|of|by|for|since|was|were|is|are)\s+(?:that|this|those|these)\s+[a-z]", re.I
)
_DEFINITE = re.compile(r"\b(?:the|that|those|these)\s+([a-z][a-z-]{3,})\b")


_WH_ONLY = re.compile(rf"{_WH_PHRASE}(?: exactly)?", re.I)


def wh_only(part: str) -> bool:
    """A later part that is a question phrase alone: "..., and in what year?", "and for how long?"."""
    return _WH_ONLY.fullmatch(part.strip(" ?")) is not None


def refers_back(part: str, first: str = "") -> bool:
    """Does a later sub-question point back to the first ("how did he approach Russia?", "what
    did the sanctions consist of?" after "When did Beijing impose sanctions on Seoul ...", "in
    what year?")?"""
    if _BACK_REFERENCE.search(part) or _DEMONSTRATIVE.search(part) or wh_only(part):
        return True
    low = first.lower()
    return any(re.search(rf"\b{re.escape(m.group(1)[:5])}", low) for m in _DEFINITE.finditer(part))


def with_antecedent(part: str, first: str) -> str:
    """A later sub-question that points back ("When was it signed?") with the first part's names
    added in brackets ("When was it signed? (IPCP, Japan-NATO)"), so that it is searched for and
    checked against the thing it is about."""
    if not refers_back(part, first):
        return part
    if wh_only(part):  # "In what year? (who first raised the demand for ...)": asked of the whole first part
        return f"{part} ({first.rstrip(' ?')})"
    own = {e.lower() for e in question_entities(part)}
    names = [e for e in dict.fromkeys(question_entities(first)) if e.lower() not in own]
    return f"{part} ({', '.join(names)})" if names else part


_ATTRIBUTION = re.compile(
    r"^\s*(?:(?:according to [^,?]{2,60}|in [^,?]{2,40}?(?:'s|’s)? (?:view|reading|account|words|analysis|opinion|telling|assessment)|as [^,?]{2,40}? (?:sees|puts|tells) it),\s+(?=\w)"
    # a topic ahead of the question: "Patrushev and Japan: when did he ...?", "The 2020 drill - where was it?"
    r"|[^:?]{2,80}?(?::|\s[-–—])\s+(?=(?:how|why|when|where|what|which|who|whom|whose)\b))",
    re.I,
)


def core(question: str) -> str:
    """The question without a leading attribution ("According to Funabashi, why ...?") or a
    premise it grants ("Given X, what ...?"): where "Why ...", "When ..." start."""
    m = _ATTRIBUTION.match(question)
    rest = question[m.end() :] if m else question
    rest = main_clause(rest)
    return rest[0].upper() + rest[1:] if rest else question


# "When the partnership is called a quasi-alliance, what does that mean?": a clause that sets the
# scene, then the question word (not "When did ..., and what ...?", which asks when)
_SCENE = re.compile(
    r"^\s*(?:when|if|once|after|before|since|as|now that"
    # or where: "In the acknowledgments of the volume, who is named as ...?"
    r"|(?:in|on|at|within|across|throughout|during|among|under)(?![^,?]*\b(?:which|what|whom|whose|how)\b))"
    r"\b[^,?]{3,}?,[\"”’']?\s+(?=(?:what|which|who|whom|whose|how|why|where|when)\b)",  # "... a 'quasi-alliance,' what"
    re.I,
)


# "Which documents report X?": the answer is the sources themselves, any passage that reports X
_ASK_SOURCES = re.compile(
    r"^\s*(?:which|what) (?:of the )?(?:documents?|texts?|sources?|articles?|reports?|papers?|publications?|authors?|writers?)"
    r"(?: (?:in|of) (?:the|this) (?:corpus|collection))? (?:report|mention|discuss|describe|cover|note|refer to|record|address)",
    re.I,
)


# "Where do Tokyo and New Delhi part ways on the treaty?": on which point, not in which place
_FIGURATIVE_WHERE = re.compile(
    r"^\s*where\b[^?]*\b(?:part(?:s|ed)? ways|part(?:s|ed)? company|differ|disagree|diverge|stand|stands|fall short|falls short)\b",
    re.I,
)
_MEANING = re.compile(r"\b(?:mean|means|meant|meaning|translat\w*)\b", re.I)


def answer_kind(question: str) -> str | None:
    if _ASK_SOURCES.match(question):
        return None
    if _ATTRIBUTION.match(question) and defined_term(question):
        return None  # "Yohei Sasakawa - who is he?" asks who he is, as "Who is Yohei Sasakawa?"
    question = core(question)
    if scene := _SCENE.match(question):
        question = question[scene.end() :]
    noun = _focus(question)
    if noun and noun not in _GENERIC_ROLES and not ASK_ABBREVIATION.search(question) and not _MEANING.search(question):
        return "name"  # "the full name of X" asks for a gloss; "What does the name of X mean?" its sense
    if _WHO_IS_NAME.match(question):
        return None  # "Who is Yoko Hirose?" asks who she is: her post, not another name
    if noun in _GENERIC_ROLES:
        return "person"  # "the name of the Japanese official quoted ...": any person's name
    for kind, pattern in (
        ("date", _ASK_DATE),
        ("number", _ASK_NUMBER),
        ("person", _ASK_PERSON),
        ("place", _ASK_PLACE),
        ("place", ASK_COUNTRY),
        ("reason", _ASK_REASON),
        ("named", _ASK_NAMED),
    ):
        if pattern.search(question) and not (kind == "place" and _FIGURATIVE_WHERE.match(question)):
            return kind
    if not _WH_WORD.search(question):  # a search-box query: "number of Abe-Putin meetings by 2014"
        for kind, pattern in _KEYWORD_KINDS:
            if pattern.search(question):
                return kind
    return None


_WH_WORD = re.compile(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)
# What a query without a question word asks for, by the noun that names it
_KEYWORD_KINDS = (
    (
        "reason",
        re.compile(
            r"\b(?:reasons?|motives?|motivations?|rationale|causes?)\b(?! of (?:the )?(?:number|year|date)\b)", re.I
        ),
    ),
    (
        "number",
        re.compile(
            r"\b(?:number of|count|amount|total|percentage|share of|figures?|size|value|cost|worth|budget|volume|price)\b",
            re.I,
        ),
    ),
    ("date", re.compile(r"\b(?:date|year|month|day)\b", re.I)),
    ("place", re.compile(r"\b(?:location|venue|place|city)\b", re.I)),
)


HOW_MANY = re.compile(r"\bhow many ([a-z]+)", re.I)
_HOW_MANY_PHRASE = re.compile(r"\b(?:how many|(?:what|which) number(?: of)?) ((?:[\w'-]+\s+){0,3})", re.I)


def counted_noun(question: str) -> str | None:
    """The thing counted in a "how many" question: its first lower-case word ("how many Japanese
    businessmen" counts businessmen, not Japanese)."""
    m = _HOW_MANY_PHRASE.search(question)
    if not m:
        return None
    for word in m.group(1).split():
        if word.lower() in _PREPOSITIONS:
            # "Abe-Putin meetings: how many by 2014?": the thing counted is the topic's
            topic = _ATTRIBUTION.match(question)
            nouns = re.findall(r"\b[a-z][a-z-]+\b", topic.group(0)) if topic else []
            return nouns[-1] if nouns else None
        if word.lower() in _AUXILIARIES:
            return None  # "how many did ..." names no thing
        if word[:1].islower() and word not in ("of", "more", "other", "the", "a", "an", "these", "those"):
            return word.lower()
    return None


def counted_nouns(question: str) -> list[str]:
    """The counted noun, and the plural after it when the first word is not one ("how many
    underwater warships": underwater, warships), for a count in the text to match either."""
    noun = counted_noun(question)
    if not noun:
        return []
    m = re.search(rf"\b{re.escape(noun)}\s+([a-z][a-z-]+s)\b", question)
    if m and not noun.endswith("s") and m.group(1) not in _AUXILIARIES:
        return [noun, m.group(1)]
    return [noun]


ASK_DAY = re.compile(r"\b(?:what|which) (?:exact |precise |specific )?(?:date|day)s?\b", re.I)
ASK_MONTH = re.compile(r"\b(?:what|which) month\b", re.I)
ASK_LOCATION = re.compile(
    rf"^\s*where\b|\b(which|what) {_MODIFIERS}(city|town|place|location|venue|port|base|sea|waters|ocean|region|island|prefecture|province)\b",
    re.I,
)
HOW_LONG = re.compile(r"\bhow long\b", re.I)
# "What was the dollar value of ...?": a sum of money, not a share
ASK_MONEY = re.compile(
    r"\b(?:dollar|monetary|cash|yen|rouble|ruble|euro)\s+(?:value|amount|figure|terms|sum|cost)\b|\bhow much money\b",
    re.I,
)
HOW_MUCH = re.compile(
    r"\b(how much|how (?:large|big)|what (?:was |is |were |are )?(?:the )?(?:[a-z-]+ )?(?:value|amount|size|cost|volume|price|budget|sum))\b",
    re.I,
)
ASK_SHARE = re.compile(
    r"\b(what|which) (percentage|share|proportion|portion|fraction|part)\b|\bhow large a (share|portion|part)\b"
    # "What is the tariff reduction rate ...?": a rate is a percentage
    r"|\b(what|which) (?:is|was|are|were) (?:the )?(?:[a-z-]+ ){0,2}rates?\b",
    re.I,
)


_FOCUS_END = r"(?=\s+(?:who|whom|that|which|aboard|at|in|of|to|sent|for|with|from|on|during|under|when|after|before|between|and|by|against|about|where|whose)\b|[,?]|$)"
_NAME_OF = re.compile(r"\bnames? of (?:the |a |an |that |this |those |these )?(.+?)" + _FOCUS_END, re.I)
_WHO_IS = re.compile(r"^\s*who (?:is|was|were|are|will be|would be|became) (?:the |a |an )?(.+?)" + _FOCUS_END, re.I)


# titles a person's name stands beside ("President Barack Obama", "Ambassador Kono")
TITLES = (
    r"(?:president|prime minister|foreign minister|defen[cs]e minister|premier|chancellor|leader"
    r"|Secretary-General|Secretary General|ambassador|chairman|governor)"
)
# "Which NATO Secretary-General did Abe meet?": a title the answer's name stands beside
_WHICH_ROLE = re.compile(
    rf"^\s*(?:which|what) ((?:[A-Z][\w-]*\s+){{0,3}}?{TITLES}s?)\s+(?:did|does|do|was|were|is|are|has|had|will|would)\b",
    re.I,
)


_PARTICIPLES = set(
    "held led made built run sent given taken known set seen won brought put kept paid sold shown begun drawn written chosen".split()
)


def _participle(word: str) -> bool:
    return word.endswith("ed") or word in _PARTICIPLES


def _focus(question: str) -> str | None:
    question = core(question)  # "According to X, who was Japan's ambassador ...?" as answer_kind reads it
    m = _NAME_OF.search(question) or _WHO_IS.search(question) or _WHICH_ROLE.search(question)
    if not m:
        return None
    words = m.group(1).split()
    # "the first naval exercise Japan held with India": a relative clause starts at the name
    cut = next((i for i in range(1, len(words)) if _starts_clause(words, i)), None)
    if cut is not None and words[cut - 1].lower() in ("the", "a", "an"):
        cut -= 1  # "the officer the UK sent"
    words = words[:cut]
    participle = next(
        (
            k
            for k in range(1, len(words))
            if words[k].islower()
            and _participle(words[k])
            and words[k - 1].lower() not in ("the", "a", "an")  # "the appointed envoy": before the noun
            and not words[k - 1].endswith("ly")  # "the newly elected leader"
        ),
        None,
    )
    if participle is not None:
        words = words[:participle]  # "the official quoted (by ...)", "the exercise held off ...": after the noun
    if (
        m.re is _WHO_IS
        and words
        and words[0].isalpha()
        and words[0].islower()
        and (
            words[0].endswith("ing")
            # "Who is credited with ...?", "Who was named as ...?": not "the appointed envoy"
            or (_participle(words[0]) and (len(words) == 1 or words[1].lower() in _PREPOSITIONS))
        )
    ):
        return None  # "Who was visiting Japan with Putin?", "Who is credited with ...?": who did it, not a role
    if words and words[0].lower() in _PRONOUNS:
        return None  # "Yohei Sasakawa - who is he?": about the topic, not a role
    role = [w for w in words if not w.endswith(("'s", "'"))]  # "Japan's ambassador": the ambassador
    if not role or (m.re is not _WHICH_ROLE and len(role) == len(words) and all(w[:1].isupper() for w in role)):
        return None  # "Who was Shinzo Abe?" asks about a name, not for one
    return role[-1].lower().strip(".,")


def focus_noun(question: str) -> str | None:
    """The role or thing whose name is asked: "ambassador" in "Who was Japan's ambassador to
    India?", "astronaut" in "What is the name of the Japanese astronaut aboard ...?"."""
    noun = _focus(question)
    # "Who was the Japanese official who signed ...?": no text calls him "official" beside his
    # name ("Secretary General Shotaro Yachi"); any person's name answers it (see answer_kind)
    return None if noun in _GENERIC_ROLES else noun


_PAST = {
    "held",
    "sent",
    "made",
    "led",
    "gave",
    "took",
    "won",
    "met",
    "built",
    "bought",
    "sold",
    "chose",
    "wrote",
    "set",
    "put",
}


def _starts_clause(words: list[str], i: int) -> bool:
    """Does a relative clause without "that" start at word i: a name after a lower-case word,
    then a verb in the past ("exercise Japan held", "officer the UK sent")?"""
    if not (words[i][:1].isupper() and words[i - 1][:1].islower()):
        return False
    j = i
    while j < len(words) and words[j][:1].isupper():
        j += 1
    if j == len(words):
        return True  # the verb is where the focus phrase was cut off ("officer the UK | sent to")
    verb = words[j].lower().strip(".,")
    return verb.endswith("ed") or verb in _PAST


_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "this", "that"}
_GENERIC_ROLES = {"official", "officials", "person", "people", "figure", "individual", "representative", "one"}


_ALIAS = re.compile(r"(?<=[A-Za-z]) \(([A-Za-z][^(),]*)\)")  # "the Northern Territories (southern Kurils)"


def question_entities(question: str) -> list[str]:
    """Names, abbreviations and numbers the question is specifically about. Another name given
    in brackets after one ("Northern Territories (southern Kurils)", "... Union (EAEU)") is an
    alias: the evidence may use either, so it is not asked for as well."""
    aliases = [m.span(1) for m in _ALIAS.finditer(question) if len(m.group(1).split()) <= 3]
    out = []
    for m in CAPITALISED.finditer(question):
        token = m.group(0)
        if m.start() == 0 or token.lower() in _QUESTION_WORDS:
            continue
        if any(a <= m.start() < b for a, b in aliases):
            continue
        out.append(_LED.sub("", token))  # "the Russia-led union": Russia ("led by Russia")
    return out


_LED = re.compile(
    r"-(?:led|backed|based|born|made|owned|run|sponsored|funded|brokered|dominated|centred|centered)$", re.I
)


def leading_word(question: str) -> str | None:
    """The question's first word when capitalised and not a question word: question_entities
    leaves it out, as any sentence's first word is; the caller checks it is a name."""
    m = re.match(r"\s*([A-Z][\w'’]*\w)\b(?!-)", question)  # not a hyphenated pair ("Japan-Russia")
    return m.group(1) if m and m.group(1).lower() not in _QUESTION_WORDS else None


ASK_ADVICE = re.compile(
    r"\b(recommend\w*|propos\w*|suggest\w*|advi[sc]\w*|urge\w*|should|must|insists?|call(s|ed)? for|needed|needs?|required|necessary)\b",
    re.I,
)
ASK_ABBREVIATION = re.compile(
    r"\b(stands? for|abbreviat\w*|acronym|short for|for short|initials|full name|spelled out|written out)\b", re.I
)


_WHAT_IS = re.compile(
    r"^\s*(?i:what) (?:is|are|was|were) (?:the |an? )?[\"“]?([A-Z][\w+-]*(?:['’]s)?(?:\s+(?:[A-Z][\w+-]*|\d+))*)[\"”]?(?=\s*(?:[,?]|$)|\s+(?:that|which|who|in|of|as|used|mentioned|referred)\b)"
)


# "What was the Euro-missile crisis about?": the thing to be explained, of a few words
_WHAT_ABOUT = re.compile(
    r"^\s*(?i:what (?:is|are|was|were)) (?:the |an? )?([\w'’+-]+(?:\s+[\w'’+-]+){0,5}?)(?<!ed)(?<!ing) about\s*\?\s*$"
)  # not "What is Japan worried about?"


# "Who is Yoko Hirose?", "Who was Ando Sekiten, according to Hirose?": about a person, not for one
_WHO_IS_NAME = re.compile(
    r"^\s*(?i:who (?:is|was|are|were)) ([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)+|[A-Z][\w'.-]+)\s*(?:[,?]|$)"
)


# "What does chikyuugi wo fukan suru gaiko mean?", "What does the term 'rules promoter' refer to?"
_WHAT_MEANS = re.compile(
    r"^\s*what (?:does|do|did) (?:the )?(?:(?:term|phrase|word|expression|name|slogan|concept) )?[\"“'‘]?(.+?)[\"”'’]? (?:mean|refer to|signify)\s*[?.]?\s*$",
    re.I,
)


# "What is Abe's "chikyuugi wo fukan suru gaiko" initiative?", "meaning of sakoku": a phrase in
# quotes or after "meaning of", whatever its case
_QUOTED = re.compile(r"[\"“]([^\"”?]{2,60})[\"”]|(?<![\w'’])['‘]([^'’?]{2,60})['’](?![\w'’])")


def quoted_phrases(question: str) -> list[str]:
    """Words the question puts in quotes ("the 'three arrows'", "a \"quasi-alliance\""): the
    corpus's own wording, which the evidence must use."""
    return [(a or b).strip() for a, b in _QUOTED.findall(question) if (a or b).strip()]


_QUOTED_TERM = re.compile(r"^\s*(?i:what (?:is|was|are|were)\b)[^\"“?]{0,40}[\"“]([^\"”?]{2,60})[\"”]")
_MEANING_OF = re.compile(
    r"^\s*(?:the )?(?:meaning|definition) of (?:the )?(?:term |phrase |word )?[\"“]?([^\"”?]{2,60}?)[\"”]?\s*\??\s*$",
    re.I,
)

# A search-box query about a person or body: "Yohei Sasakawa role", "Keidanren's position"
_NAME_ROLE = re.compile(
    r"^\s*([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*?)(?:['’]s)?\s+(?i:role|position|post|title|job|background|affiliation)\s*\??\s*$"
)


def defined_term(question: str) -> str | None:
    """The name a "What is X?", "Who is X?" or "What does X mean?" question asks to have
    explained ("Keidanren", "the CPTPP", "Yoko Hirose")."""
    m = (
        _WHAT_IS.match(question)
        or _WHO_IS_NAME.match(question)
        or _WHAT_MEANS.match(question)
        or _NAME_ROLE.match(question)
        or _QUOTED_TERM.match(question)
        or _MEANING_OF.match(question)
        or _WHAT_ABOUT.match(question)
    )
    if m:
        return m.group(1)
    # "Yohei Sasakawa - who is he?", "Keidanren: what is it?": the topic ahead of the question
    topic = _ATTRIBUTION.match(question)
    if topic and re.fullmatch(
        r"\s*(?:who|what) (?:is|was|are|were) (?:he|she|it|they|this)\s*\??\s*", question[topic.end() :], re.I
    ):
        return re.split(r"\s*(?::|\s[-–—])\s*$", topic.group(0).strip())[0].strip() or None
    return None


_WHO_DID = re.compile(
    r"^\s*(?:who|(?:which|what) (?:[A-Z][\w-]*\s+)?(?:official|minister|leader|person|politician|diplomat|president|prime minister))"
    r" (?!is\b|was\b|were\b|are\b|will\b|would\b|has\b|had\b|have\b)([a-z]+ed)\b",
    re.I,
)


def who_did(question: str) -> re.Match | None:
    """The match of a "Who signed ...?" question (also after "According to X, ..."), its verb in group 1."""
    return _WHO_DID.match(core(question))


_SUBJECT = re.compile(
    r"^\s*(?i:(?:(?:(?:in|on|at|by|for|from|to|with|since|until|of)\s+)?(?:how|why|when|where|what|which)(?:\s+[a-z-]+){0,3}?\s+)?(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|might))"
    r"\s+(?:the\s+)?((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)*)"
)


_POSSESSIVE = re.compile(r"['’]s?$")


def without_possessive(word: str) -> str:
    """The word without a possessive ending: "Putin's", "Davies'" give Putin, Davies."""
    return _POSSESSIVE.sub("", word)


def question_subject(question: str) -> str | None:
    """The name that is the question's grammatical subject, by its last word: "Modi" in "Why
    did Narendra Modi choose Japan ...?", "China" in "How did China respond ...?"."""
    m = _SUBJECT.match(core(question))
    if not m:
        return None
    words = [w for w in m.group(1).split() if not any(ch.isdigit() for ch in w)]  # "Japan's FY2015": Japan
    if not words:
        return None
    word = without_possessive(words[-1])
    return word if len(word) > 1 and word.lower() not in _QUESTION_WORDS else None


_PREMISE = re.compile(
    r"^\s*(?:given|while|besides|beyond|apart from|aside from|despite|although|though|in addition to|other than)\b"
    r"(?:\([^)]*\)|[^,?(]){3,}?,\s+(?=\w)",
    re.I,
)


_STATEMENT_FIRST = re.compile(r"^[^?]*?(?:(?<=[a-z]{3})|(?<=\d))[.!]\s+(?=[A-Z][^!?]*\?\s*$)")  # not "Mr." nor "U.S."


def main_clause(question: str) -> str:
    """The question without a leading premise the question grants ("Given its multiple-track
    approach to Europe, what does Tsuruoka say Tokyo needs to do?"), or a statement before it
    ("X took part for the third time in 2014. In which earlier years had Japan taken part?"): a
    sentence restating the premise is not the answer."""
    while m := _STATEMENT_FIRST.match(question):
        question = question[m.end() :]
    m = _PREMISE.match(question)
    return question[m.end() :] if m else question


_ASKS_REFERENCE = re.compile(
    r"\b(?:cite[sd]?|citing|citations?|endnotes?|bibliograph\w*|references?|sources? (?:listed|given))\b"
    r"|\b(?:which|what) (?:journal|publication|magazine|newspaper|publisher|periodical)\b"
    r"|\bwho (?:co-?)?(?:wrote|authored|penned|published)\b|\bpublished\b|\bco-?(?:wrote|authored|written)\b",
    re.I,
)
_ASKS_EDITOR = re.compile(r"\bwho (?:edited|were the editors|was the editor)\b", re.I)


def asks_editor(question: str) -> bool:
    """ "Who edited the volume containing X's chapter?": a cited work's editors."""
    return _ASKS_EDITOR.search(question) is not None


def asks_reference(question: str) -> bool:
    """The question is about a work the text cites: who wrote it, where or when it appeared."""
    return _ASKS_REFERENCE.search(question) is not None or asks_editor(question)


def strict_kind(question: str) -> bool:
    """Is the answer-kind check a narrow one (the counted noun, the role's name)?"""
    return bool(focus_noun(question) or counted_noun(question))
