"""Pure functions of the answerer: what kind of answer a question asks, and whether a sentence holds it."""

from __future__ import annotations

import dataclasses

import pytest

from app.evidence import actor_named, countries_named, defines, figures_of_other_years, has_kind, value_near_terms
from app.questions import (
    answer_kind,
    counted_noun,
    defined_term,
    focus_noun,
    main_clause,
    question_entities,
    question_subject,
    split_question,
    with_antecedent,
)


@pytest.mark.parametrize(
    "question, focus",
    [
        ("Who was Norway's ambassador to Chile in 1999?", "ambassador"),
        ("What is the name of the Danish astronaut aboard the station?", "astronaut"),
        ("What was the name of the first joint drill between Peru and Chile?", "drill"),
        ("Who is Shinzo Abe?", None),  # asks about a name, not for one
        ("Who signed the treaty?", None),
        ("What was the name of the first naval drill Peru held with Chile?", "drill"),  # a clause without "that"
        ("What is the name of the envoy the UK sent to Lima?", "envoy"),
        ("What is the name of the Chilean official quoted by El Mercurio?", None),  # any person's name
        ("Who was visiting Chile with Nordmann in 2004?", None),  # who did it, not a role
        ("Which Nordic Council Secretary-General did Soto meet in 2014?", "secretary-general"),  # a title
        ("Which Nordic Council did Soto address in 2014?", None),
        ("Which Chilean leader did Nordmann meet in Lima?", "leader"),  # the same titles as "Which president ...?"
        ("What is the name of the Chilean port where the envoys met?", "port"),  # a clause after "where"
        ("Soto met Nordmann in his home town. What is the name of that town?", "town"),
        ("What were the names of the two Danish sailors detained in Lima?", "sailors"),
    ],
)
def test_focus_noun(question, focus):
    assert focus_noun(question) == focus


def test_name_questions_need_a_name_beside_the_role_asked_for():
    q = "Who was Norway's ambassador to Chile in 1999?"
    assert answer_kind(q) == "name"
    assert has_kind("In 1999 Ambassador Kari Nordmann presented her credentials in Santiago.", "name", q)
    assert has_kind("Kari Nordmann, Norway's ambassador, arrived.", "name", q)
    # the role is mentioned but nobody is named: the corpus does not say who
    assert not has_kind("Norway's ambassador to Chile called the vote regrettable.", "name", q)
    # a name nearby that is not the role's holder does not count
    assert not has_kind(
        "Ten Norwegian engineers were hurt at the plant in Antofagasta, the ambassador said.", "name", q
    )
    leader = "Which Chilean leader did Nordmann meet in Lima?"
    assert has_kind("Nordmann met President Gabriel Soto in Lima.", "name", leader)  # a head of state's title
    assert not has_kind("Nordmann met the Chilean leadership in Lima.", "name", leader)
    drill = "What was the name of the first joint drill between Peru and Chile?"
    assert has_kind("The first joint drill with Chile, PACIFIC 7, was held in 2012.", "name", drill)


@pytest.mark.parametrize(
    "question, noun",
    [
        ("How many Danish engineers were hurt?", "engineers"),
        ("How many times had the leaders met?", "times"),
        ("How many did they sign?", None),
    ],
)
def test_counted_noun_skips_adjectives(question, noun):
    assert counted_noun(question) == noun


@pytest.mark.parametrize(
    "question, kind, holds, lacks",
    [
        (
            "How many Danish warships visited Oslo in 2017?",
            "number",
            "Three Danish warships called at Oslo that year.",
            "In November 2017, Denmark's navy ran its 17th rescue exercise.",
        ),
        (
            "How many times had Nordmann visited Chile before 2010?",  # "twice" counts times
            "number",
            "Nordmann, who had visited Chile twice, became minister in 2010.",
            "Nordmann visited Chile before becoming minister.",
        ),
        (
            "How much had support for the fisheries pact fallen by 2014?",  # "per cent" is an amount
            "number",
            "Support had fallen from 60 per cent in 2001 to 40 per cent in 2014.",
            "Support had fallen by 2014, from 2001.",
        ),
        (
            "Which Norwegian aircraft has Chile been negotiating to buy?",
            "named",  # a designation whose letters are a country's short form ("US-2") is still a name
            "Chile has long negotiated to buy the Norwegian patrol aircraft US-2.",
            "Chile has long negotiated to buy Norwegian aircraft.",
        ),
        (
            "How many NH-90 helicopters will Norway sell to Chile?",  # the digit of a designation counts nothing
            "number",
            "Norway will sell 12 NH-90 helicopters to Chile.",
            "NH-90 helicopters will be sold by Norway to Chile.",
        ),
        (
            "How many contributors wrote the volume's essays?",  # authors count contributors
            "number",
            "The four authors are scholars of the region.",
            "The four chapters cover the region.",
        ),
        (
            "How large a loan did Norway grant Chile at the 2014 summit?",  # "how large" asks an amount
            "number",
            "At the summit Norway granted Chile a loan of $2 billion.",
            "Nordmann and Soto met Sept. 1, 2014, at the summit and agreed on a loan.",  # a day counts nothing
        ),
        (
            "How big is Chile's fishing fleet compared with Norway's?",  # a fraction is an amount too
            "number",
            "Chile's fishing fleet is merely a third the size of Norway's.",
            "Chile's fishing fleet, founded in 1950, is smaller than Norway's.",
        ),
        (
            "In which sea was the 17th Norway-Chile rescue drill held?",  # a sea is a place the drill is in
            "place",
            "In 2017 the 17th Norway-Chile rescue drill was held in the Barents Sea.",
            "In 2017 Norway's Arctic Navy and the Chilean Navy held the 17th rescue drill.",
        ),
        (
            "Who was the Secretary General's envoy on fisheries whom the Norwegian officer advised?",
            "person",  # "Headquarters" is no one's name
            "At UN Headquarters, the Norwegian officer advised the envoy on fisheries, Ana Soto.",
            "At UN Headquarters, a Norwegian officer advised the Secretary General's envoy on fisheries.",
        ),
    ],
)
def test_a_sentence_holds_the_kind_of_answer_asked(question, kind, holds, lacks):
    assert has_kind(holds, kind, question)
    assert not has_kind(lacks, kind, question)


def test_a_designation_is_no_persons_name():
    from app.evidence import _person_named

    q = "Which minister approved the export?"
    assert _person_named("Minister Kari Nordmann approved the export of the P-3C.", q)
    assert not _person_named("The minister approved the export of the P-3C.", q)


def test_a_lone_word_after_in_is_a_place_unless_possessive():
    from app.evidence import _person_named

    q = "Who approved the export?"
    assert not _person_named("The export was approved in Valparaiso last spring.", q)
    assert _person_named("The export was approved, in Nordmann's view, too hastily.", q)
    assert _person_named("The export was approved, in Andreas' view, too hastily.", q)
    assert not _person_named("Similarly, Chile regards NATO's expansion as a broken promise.", q)  # an abbreviation's


def test_finishing_is_completing_as_planned():
    from app.evidence import outcome_only_planned

    q = "Did Nordmann finish building the Santiago plant in 2018 as planned?"
    assert outcome_only_planned(q, "In 2018, Nordmann should complete construction of the Santiago plant.")
    assert not outcome_only_planned(q, "In 2018, Nordmann completed construction of the Santiago plant.")


@pytest.mark.parametrize(
    "question, kind",
    [
        ("What does the name of Nordmann's 'fiskeri for alle' plan mean?", None),  # its sense, not a name
        ("What is the name of the Chilean minister who signed the pact?", "name"),
        ("Where do Oslo and Santiago part ways on the fisheries treaty?", None),  # on which point
        ("Where does Norway stand on the whaling moratorium?", None),
        ("Where did Nordmann and Soto meet in 2016?", "place"),
        ("What was Chile's fishing budget for fiscal year 2015?", "number"),  # a possessive before the budget
        ("What was Chile's approach to the fisheries talks?", None),
        # a scene ending in a quotation: 'call it a "partnership," what do they mean'
        ('When Chilean officials call the pact a "partnership," what do they mean?', None),
        ('When Chilean officials call the pact a "partnership," when was it signed?', "date"),
    ],
)
def test_kinds_of_meaning_and_figurative_where(question, kind):
    assert answer_kind(question) == kind


def test_compound_question_with_in_how_many_is_split():
    q = "How many ports does the plan name, and in how many years will they be built?"
    assert split_question(q) == ["How many ports does the plan name?", "In how many years will they be built?"]


def _candidate(sentences: list[str], index: int, sep: str = " ", breaks: tuple[int, ...] = (2,)):
    """A candidate for ``sentences[index]`` in a passage of them; ``sep`` goes before each
    sentence in ``breaks`` (a paragraph break, with sep="\n\n")."""
    from app.answering import _Candidate
    from app.models import Passage, Span

    text, spans = "", []
    for k, sentence in enumerate(sentences):
        if k:
            text += sep if k in breaks else " "
        spans.append(Span(len(text), len(text) + len(sentence)))
        text += sentence
    passage = Passage("p", text, "d", "T", "S", ("A",), "2015", 0, len(text), sentences=spans)
    return _Candidate(passage, 0, spans[index].start, spans[index].end, 0)


def _support(answerer, c, question: str, kind: str | None) -> float:
    """The answerer's support for a candidate, with the question's own terms and entities."""
    return answerer.support(c, question, answerer._terms(question), answerer.entities(question), kind)


def test_advice_pointing_back_completes_the_problem_sentence():
    from app.answering import _extend
    from app.evidence import ADVICE_CUE

    sentences = [
        "Tariff rules of origin are very strict for exporters.",
        "Firms also complain about taxation.",
        "These issues should be addressed by a revised trade agreement.",
        "A new office opened in Delhi.",
    ]
    c = _candidate(sentences, 0, sep="\n\n")
    start, end = _extend(c, ADVICE_CUE, None, 80)
    assert c.passage.text[start:end].endswith("revised trade agreement.")
    # within the word limit only
    assert _extend(c, ADVICE_CUE, None, 12) == (c.start, c.end)


def test_reason_stated_as_topic_sentence_is_quoted_with_its_paragraph():
    from app.answering import _extend
    from app.evidence import REASON_CUE

    sentences = [
        "Norway, too, has an incentive to seek a deal.",
        "Its budget is strained.",
        "Falling oil prices cut revenue and it needs investment.",
        "Elsewhere, fishing grew.",
    ]
    c = _candidate(sentences, 0, sep="\n\n")
    start, end = _extend(c, REASON_CUE, "reason", 80)
    assert c.passage.text[start:end].endswith("Its budget is strained.")  # the next paragraph is not pulled in
    c = _candidate(sentences, 0)
    start, end = _extend(c, REASON_CUE, "reason", 80)
    assert "Falling oil prices" in c.passage.text[start:end]


def test_a_name_the_corpus_only_abbreviates_may_leave_out_a_last_word(small_service, monkeypatch):
    names = small_service.answerer.names
    monkeypatch.setattr(names, "_capital_words", names._capital_words | {"BRI"})  # used, never spelled out
    assert small_service.answerer.entities("How do Blue and Red schemes work?") == ["BRI"]
    # one the corpus defines is not taken for another name: "JCG" is the Japan Coast Guard
    assert small_service.answerer.entities("What do Jade Coral ships do?") == ["Jade", "Coral"]


def test_an_abbreviation_the_corpus_never_defines_is_found_spelled_out(small_service):
    answerer = small_service.answerer
    assert answerer.names.spelled_out("NSR") == "Northern Sea Route"  # in the text, never abbreviated
    assert answerer.names.spelled_out("TI") == "Test Institute"  # a publisher ("the TI report")
    assert answerer.names.spelled_out("JCG") is None  # the corpus defines it: its own expansion is used
    assert answerer.names.spelled_out("XQZ") is None
    assert answerer.names.share_present(["NSR"], "It goes by the Northern Sea Route.") == 1.0
    assert answerer.names.unmentioned(["NSR", "XQZ"]) == ["XQZ"]
    # "What does NSR stand for?" is answered by the words it stands for
    assert answerer._glosses("What does NSR stand for?", "Gas goes by the Northern Sea Route to Japan.")
    assert not answerer._glosses("What does NSR stand for?", "Gas goes by sea to Japan.")
    assert answerer._defines("NSR", "Gas goes by the Northern Sea Route to Japan.")  # "What is the NSR?"


def test_entities_match_capitals_for_countries_and_any_dash(small_service):
    answerer = small_service.answerer
    evidence = "Japan's leaders and the US agreed at the Russia–Japan forum."
    assert answerer.names.share_present(["Tokyo", "Washington", "Russia-Japan"], evidence) == 1.0
    assert answerer.names.share_present(["Beijing"], evidence) == 0.0
    # a pair of countries is named by one sentence on both; a pair of organisers is not
    drill = "In 2020 Japan's navy held a drill with the Russian Navy."
    assert answerer.names.share_present(["Japan-Russia"], drill, sentence=drill) == 1.0
    assert answerer.names.share_present(["Japan-Russia"], drill) == 0.0  # the sentence not given
    assert (
        answerer.names.share_present(
            ["Sollers-Mazda"], "Sollers and Mazda built a plant.", sentence="Sollers and Mazda built a plant."
        )
        == 0.0
    )
    # a short form stands only as a whole word: "US" is not found in "used"
    assert answerer.names.share_present(["Washington"], "Tools were used.") == 0.0


@pytest.mark.parametrize(
    "question, term",
    [
        ("What is Storting?", "Storting"),
        ("What is the NRC that Norway sent to Chile?", "NRC"),
        ("What is Norway doing about fishing?", None),
        ("What is the main goal of the treaty?", None),
        ("Who is Kari Nordmann?", "Kari Nordmann"),  # about a person: who she is
        ("Who was the Norwegian envoy?", None),  # for a person's name
        ('What is "Oslo\'s Blue Plan"?', "Oslo's Blue Plan"),  # a quoted title
        ('What is Norway\'s "havet er vårt" initiative?', "havet er vårt"),  # a phrase in quotes, any case
        ("meaning of havet er vårt", "havet er vårt"),  # a search-box query
        ("What was NORDEX 14?", "NORDEX 14"),  # a name with a number
        ("What was the Cod-quota dispute about?", "Cod-quota dispute"),  # what it was about
        ("What is Norway worried about?", None),  # what worries it, not a term
    ],
)
def test_defined_term(question, term):
    assert defined_term(question) == term


def test_a_gloss_defines_a_term():
    assert defines("Storting", "The bill passed the Storting (Norwegian parliament) in May.")
    assert defines("NRC", "the Norwegian Refugee Council (NRC) sent staff")
    assert defines("Quad", "they promote the quadrilateral dialogue, or Quad with others")
    assert not defines("Storting", "The Storting met in May (2014) to vote.")
    assert not defines("NRC", "NRC staff arrived in May.")
    # an abbreviation first in the brackets, an alias after it
    assert defines("NRC", "she managed the Norwegian Refugee Council (NRC or Flyktninghjelpen), a charity")
    # in apposition, a phrase with a common noun; not a list of names
    assert defines("Snohvit", "However, Snohvit, Norway's 2007 gas project, led to protests.")
    assert not defines("Norway", "In Norway, Chile and Peru, quotas fell.")
    assert not defines("Norway", "Norway, South Korea, and Chile signed.")
    # a title in quotes after what it is; a name after a title
    assert defines("Oslo's Blue Plan", 'In his FT article, "Oslo\'s Blue Plan," the minister wrote')
    assert defines("Kari Nordmann", "Justice Kari Nordmann's dissent is remembered.")
    # after a phrase with a common noun; not at the end of a list
    assert defines("NORDEX 14", "the first naval exercise with Chile, NORDEX 14, was held in 2014.")
    assert not defines("Peru", "Norway, Chile and Peru, all signed.")
    # "the report X (often referred to as "Y")" glosses Y
    assert defines("the Oslo Report", 'the report *Fish for All* (often referred to as "the Oslo Report") in 2012')


def test_abbreviations_defined_with_an_alias_in_the_brackets():
    from app.abbreviations import extract_abbreviations

    text = "He worked at the Norwegian Refugee Council (NRC or Flyktninghjelpen) and the Fisheries Agency (FA, 2010)."
    assert extract_abbreviations(text) == {"NRC": "Norwegian Refugee Council", "FA": "Fisheries Agency"}
    assert extract_abbreviations("a poll (Oslo or Bergen) was held") == {}


def test_a_name_spelled_out_may_start_with_an_abbreviated_word():
    from app.names import _initialisms

    assert "St. Olav Trade Forum" in _initialisms("at the St. Olav Trade Forum in May")["SOTF"]


def test_a_bare_wh_part_borrows_the_first_parts_predicate():
    q = "In which port did the navy hold its drill, and when?"
    assert split_question(q) == ["In which port did the navy hold its drill?", "When did the navy hold its drill?"]


def test_actor_named_for_who_did_questions():

    q = "Who visited Oslo in May 2012?"
    assert actor_named(q, "In May 2012, Kari Nordmann visited Oslo for the first time.")
    assert actor_named("Who signed the Bergen Accord?", "the Bergen Accord signed between Ola Hansen and Per Berg")
    assert not actor_named(q, "Oslo was visited by many in May 2012.")  # no name as subject or agent
    assert not actor_named("Who founded the club?", "The Nordic Peace Foundation held a conference.")
    assert not actor_named("Who is the envoy?", "Kari Nordmann visited Oslo.")
    # the thing done, by its doer: "Who delivered the opening remarks at the forum?"
    q = "Who delivered the opening remarks at the Oslo forum?"
    assert actor_named(q, "The Oslo forum opened with opening remarks by Kari Nordmann, its chair.")
    assert not actor_named(q, "The Oslo forum opened with opening remarks on fisheries.")
    assert not actor_named(q, "The forum's report by Kari Nordmann came later.")  # a report is not the remarks
    q = "Who delivered the opening remarks when the Oslo forum met online?"
    assert actor_named(q, "The Oslo forum met online, with opening remarks by Kari Nordmann, its chair.")


def test_a_share_needs_a_percentage_or_fraction():
    q = "What share of Norway's exports went to Chile?"
    assert has_kind("About 12 percent of Norway's exports went to Chile.", "number", q)
    assert has_kind("Nearly half of the exports went to Chile.", "number", q)
    assert not has_kind("Norway exported 300 tonnes of fish to Chile in 2014.", "number", q)


def test_names_the_corpus_never_mentions(small_service):
    answerer = small_service.answerer
    # in the text, by a stem, by an abbreviation's expansion, or a hyphenated pair by its parts
    assert answerer.names.unmentioned(["Hokkaido", "Japanese", "JCG", "Hokkaido-Japan"]) == []
    assert answerer.names.unmentioned(["Kazakhstan", "Japan", "2031"]) == [
        "Kazakhstan"
    ]  # numbers are left to the year check
    assert answerer.names.unmentioned(["Writer"]) == []  # metadata counts: an author's name


def test_a_question_naming_what_the_corpus_never_mentions_abstains_and_says_so(small_service):
    answer = small_service.ask("How does Kazakhstan patrol the northern waters?")
    assert not answer.grounded and answer.citations == []
    assert "never mentions 'Kazakhstan'" in answer.text and answer.hits


def test_one_plain_word_the_corpus_never_uses_is_left_to_the_evidence(small_service):
    from app.answering import _may_be_paraphrase

    assert _may_be_paraphrase(["Tsar's"]) and _may_be_paraphrase(["Manhattan"])
    # an acronym, a country, a name of several words, or two names: a thing the corpus does not cover
    assert not _may_be_paraphrase(["AUKUS"]) and not _may_be_paraphrase(["Kazakhstan"])
    assert not _may_be_paraphrase(["Silk Road"]) and not _may_be_paraphrase(["Rohingya", "Myanmar"])
    answer = small_service.ask("Why were the Tsar's fishing quotas cut in 2014?")
    assert "never mentions" not in answer.text  # scored, not declined at once


def test_a_where_question_needs_a_place_something_is_in_or_at():
    q = "Where did Norway and Chile hold their first fisheries talks?"
    assert has_kind("Norway and Chile held their first fisheries talks in Bergen in 2012.", "place", q)
    assert has_kind("The talks took place at the Hague Peace Palace.", "place", q)
    # a name of another role is not a place: "against Japan", "Prime Minister Solberg"
    assert not has_kind("Prime Minister Solberg said the talks were aimed against Japan.", "place", q)
    assert not has_kind("Norway held its first talks with Chile in November 2012.", "place", q)  # a time
    # "Which country ...?" answers are often the subject, not a location: any new name will do
    assert has_kind("The first to hold such talks was France.", "place", "Which country held the first such talks?")


def test_a_person_asked_for_is_not_a_place_or_a_nationality():
    q = "Which Norwegian minister signed the fisheries pact in 2013?"
    assert not has_kind("Norway was first, with Tokyo and London signing the pact in 2013.", "person", q)
    assert not has_kind("Norway signed it, although Western and Asian envoys stayed away.", "person", q)
    assert not has_kind("The pact, signed in India's capital, entered into force in March.", "person", q)
    assert has_kind("Fisheries Minister Kari Nordmann signed the pact in 2013.", "person", q)
    assert has_kind("The pact was signed in 2013 by Nordmann.", "person", q)
    # an institution or an agreement, an abbreviation: no person either
    assert not has_kind(
        "Norway and India signed a Joint Fisheries Declaration and an Individual Partnership (IPP).", "person", q
    )


def test_a_which_country_question_needs_a_country_the_question_does_not_name():
    q = "Which Nordic nation let Washington and Moscow join the fisheries forum?"
    assert answer_kind(q) == "place"
    assert not has_kind("In 2010 the forum welcomed the US and Russia as members.", "place", q)  # the question's own
    assert has_kind("The decision was led by Norway, which chaired the forum.", "place", q)
    assert has_kind("The move was Bhutan's idea.", "place", q)  # any country, not only those of the corpus
    assert countries_named("Tokyo, the U.S., South Korea and New Zealand, not Europe") == {"JP", "US", "KR", "NZ"}


def test_who_did_asks_for_the_one_who_did_it():
    q = "Who accompanied Nordmann to Santiago in 2013?"
    assert not has_kind("Nordmann, who had visited Santiago twice, was invited by Ana Soto.", "person", q)
    assert has_kind("In 2013 Ana Soto accompanied Nordmann to Santiago.", "person", q)


def test_a_role_of_another_country_is_not_the_one_asked_for():
    q = "Who was India's fisheries minister when Chile signed the pact?"
    assert not has_kind("At the signing, Japanese Fisheries Minister Kari Nordmann spoke first.", "name", q)
    assert has_kind("At the signing, Indian Fisheries Minister Kari Nordmann spoke first.", "name", q)
    assert has_kind("Fisheries Minister Kari Nordmann signed for India.", "name", q)  # no country said: not refused


@pytest.mark.parametrize(
    "question, entities",
    [
        ("How many islands make up the Northern Territories (southern Kurils)?", ["Northern", "Territories"]),
        ("What did the Eurasian Economic Union (EAEU) sign?", ["Eurasian", "Economic", "Union"]),
        ("What did Chile sign in Santiago (2013)?", ["Chile", "Santiago", "2013"]),  # a year in brackets is no alias
        ("How did Europe (NATO, the EU and others) respond?", ["Europe", "NATO", "EU"]),  # a list is no alias
    ],
)
def test_a_name_in_brackets_after_another_is_an_alias(question, entities):
    assert question_entities(question) == entities


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Which British minister signed the framework?", "person"),
        ("Which European heads of state attended the ceremony?", "person"),
        ("Which of the experts said so?", "person"),
        ("Which country signed first?", "place"),
        ("What kind of power configuration suits Chile best?", None),  # a description, not a country
        ("Which framework did they sign?", "named"),
        ("In which speech did Nordmann announce the plan?", "named"),
        ("Which Chilean shipyard built the three patrol boats?", "named"),
        ("Which Norwegian manufacturer supplied the turbines?", "named"),
        ("Which measures did they take?", None),
    ],
)
def test_which_role_questions_ask_for_a_person(question, kind):
    assert answer_kind(question) == kind


@pytest.mark.parametrize(
    "part, first, expected",
    [
        (
            "When was it signed?",
            "What does IPCP stand for in Japan-NATO relations?",
            "When was it signed? (IPCP, Japan-NATO)",
        ),
        (
            "What document did they release?",
            "When did Modi and Abe meet?",
            "What document did they release? (Modi, Abe)",
        ),
        ("When was the pact signed?", "What does IPCP stand for?", "When was the pact signed?"),  # no pointer back
        # a demonstrative, or a definite noun the first part used, points back too
        (
            "When was that summit?",
            "Which minister urged Nordmann to skip the Oslo summit?",
            "When was that summit? (Nordmann, Oslo)",
        ),
        (
            "What did the sanctions consist of?",
            "When did Norway impose sanctions on Chile?",
            "What did the sanctions consist of? (Norway, Chile)",
        ),
        (
            "What did the report recommend?",
            "When did Norway impose sanctions on Chile?",
            "What did the report recommend?",
        ),
        ("Where did Abe sign it?", "What did Abe sign?", "Where did Abe sign it?"),  # nothing new to add
        # a question phrase alone asks it of the whole first part
        ("In what year?", "Who first raised the quota demand?", "In what year? (Who first raised the quota demand)"),
    ],
)
def test_a_part_pointing_back_carries_the_first_parts_names(part, first, expected):
    assert with_antecedent(part, first) == expected


def test_a_part_answered_by_an_earlier_parts_quote_is_not_repeated():
    from app.answering import Answer, Citation, combine_answers

    c = _candidate(["Modi and Abe met on Sept. 1 and released the Tokyo Declaration."], 0)
    cite = Citation(1, c.passage, c.text, 0, len(c.text))
    first = Answer("When did they meet?", f"{c.text} [1]", True, [cite])
    second = Answer("What did they release?", f"{c.text} [1]", True, [cite])
    combined = combine_answers("When did they meet, and what did they release?", ["a", "b"], [first, second], [])
    assert combined.text == f"{c.text} [1]" and len(combined.citations) == 1 and combined.grounded


def test_on_what_date_asks_for_a_day():
    q = "On what date did the fisheries pact enter into force?"
    assert not has_kind("The pact was signed in February 2011.", "date", q)  # a month is no date
    assert has_kind("It entered into force on Sept. 1, 2014.", "date", q)
    assert has_kind("It took effect on 15 December 2016.", "date", q)
    assert has_kind("The pact was signed in February 2011.", "date", "When was the pact signed?")


@pytest.mark.parametrize(
    "question, kind",
    [
        ("On what exact date did Nordmann visit Santiago?", "date"),
        ("In which month of 2013 was the pact signed?", "date"),
        ("Which calendar year did Norway propose as the deadline?", "date"),
        ("On what exact dates did the king visit Chile?", "date"),
        ("What population is Chile projected to reach?", "number"),
        ("What is the full name of the IPP framework that Norway signed?", None),  # a gloss, not a name
        ("What is the name of the Norwegian envoy to Chile?", "name"),
    ],
)
def test_kinds_of_dates_and_full_names(question, kind):
    assert answer_kind(question) == kind


def test_a_lone_name_after_in_or_at_is_a_place_not_a_person():
    q = "Which Chilean ambassador called the statement regrettable?"
    assert not has_kind("Norway joined a statement on the poisoning in Valdrun, condemning it.", "person", q)
    assert has_kind("Ambassador Pedro Soto in Oslo called the statement regrettable.", "person", q)
    assert has_kind("The statement was sent to Soto, who called it regrettable.", "person", q)


def test_a_figure_is_not_that_of_an_item_listed_in_brackets():
    from app.evidence import listed_without_figure

    text = (
        "The fund, set up in 2017 with USD 1 billion in capital, has financed three projects "
        "(a Bergen port, the Fiskwave online platform and a salmon farm)."
    )
    assert listed_without_figure(["Fiskwave"], text)  # the billion is the fund's
    assert not listed_without_figure(["Fiskwave"], "The fund put USD 5 million into Fiskwave (an online platform).")
    assert not listed_without_figure(["Fiskwave"], "It financed projects (Fiskwave, USD 5 million, and a farm).")
    # a gloss in brackets is no list
    assert not listed_without_figure(["NFC"], "The Nordic Fisheries Council (NFC) spent USD 3 million.")


def test_a_percentage_asked_stands_by_the_question_s_words():
    from app.evidence import percent_apart

    q = "What percentage of Norwegians support closer fishing ties with Chile?"
    far = (
        "Polls suggest that, while a majority of Norwegians support closer fishing ties with Chile, "
        "there is little appetite for more, and the majority (more than 70 percent) prefers neutrality."
    )
    assert percent_apart(q, far)
    assert not percent_apart(q, "Some 64 percent of Norwegians support closer fishing ties with Chile.")
    # after the figure, within the window: "a 2.4 percent increase from the FY 2014 budget"
    q = "By what percentage did the FY 2015 budget plan exceed the FY 2014 budget?"
    assert not percent_apart(q, "The plan remains only a 2.4 percent increase from the FY 2014 budget.")
    assert not percent_apart("How many boats patrol?", far)  # only a percentage asked


def test_a_thing_asked_by_its_kind_is_named_with_that_word():
    from app.evidence import thing_named

    q = "Which naval exercises did Chilean sailors join in June?"
    assert thing_named(q, "Chilean sailors joined the Blue Wave exercises off Peru in June.")
    assert thing_named(
        "At which university did she study?", "She was a fellow at the Nansen Centre of Oslo University."
    )
    assert not thing_named(q, "Chilean sailors joined more exercises with Peru in June.")  # no name
    # an institution by its own word: an institute, a centre, a university
    assert thing_named(
        "At which institution is Kari Nordmann a fellow?", "Nordmann is a fellow at the Fridtjof Institute."
    )
    assert not thing_named("At which institution is Kari Nordmann a fellow?", "Nordmann is a fellow in Oslo.")
    assert not thing_named("Which Royal Navy vessels visit Oslo?", "More frequent Royal Navy vessel visits to Oslo.")


def test_a_season_of_a_year_is_a_date():
    q = "After the May 2018 session, when was the next council meeting expected?"
    assert has_kind("The next meeting is slated for the autumn of 2018.", "date", q)
    assert not has_kind("The next meeting is expected in 2018.", "date", q)  # the year is the question's
    assert not has_kind("The next meeting is expected to fall in 2018.", "date", q)  # the verb, not the season


def test_an_agreement_concluded_is_one_signed():
    from app.evidence import event_missing

    q = "When did Norway and Chile conclude the fisheries pact?"
    assert not event_missing(q, "Norway and Chile signed the fisheries pact in May 2014.")
    assert not event_missing("When was the pact signed?", "The pact was concluded in May 2014.")
    assert event_missing(q, "Norway and Chile began talks on the fisheries pact in 2012.")


def test_in_which_month_asks_for_a_month():
    q = "In which month of 2013 was the pact signed?"
    assert not has_kind("The pact was signed in 2013.", "date", q)
    assert has_kind("The pact was signed in March 2013.", "date", q)


def test_a_byline_or_an_authors_blurb_is_not_evidence():
    from app.answering import _byline

    assert _byline("The west should welcome the talks, writes Kari Nordmann", ("Kari Nordmann",))
    assert _byline("Kari Nordmann, Senior Fellow at the Institute, discusses the vision behind it.", ("Kari Nordmann",))
    assert not _byline("The conference opened with remarks by Kari Nordmann, its chair.", ("Kari Nordmann",))
    assert not _byline("The west should welcome the talks, writes Kari Nordmann", ("Ana Soto",))


def test_must_asks_for_advice():
    from app.evidence import ADVICE_CUE, cue_for

    assert cue_for("What broader aim does Nordmann insist Oslo must keep in view?", None) is ADVICE_CUE


def test_a_generic_role_asks_for_any_person():
    q = "Who was the Norwegian official who signed the 2013 fisheries memorandum?"
    assert answer_kind(q) == "person"  # not a name beside the word "official"
    assert has_kind("In 2013 Secretary General Kari Nordmann signed the fisheries memorandum.", "person", q)
    # titles, countries and regions are not a name; nor is the question's own person by another form
    assert not has_kind("Norway's Chief of General Staff signed the fisheries memorandum in 2013.", "person", q)
    assert not has_kind("East Asian partners signed the fisheries memorandum in 2013.", "person", q)
    q = "Who was the Norwegian official who received Nordmann in Oslo?"
    assert not has_kind("Kari Nordmann visited Oslo and held talks with Norwegian colleagues.", "person", q)


def test_why_is_not_answered_by_a_sentence_that_gives_the_event_as_a_cause():
    why_buy = "Why did Norway decide to buy the Svalbard fishing rights in 2012?"
    why_end = "Why were fisheries talks between Norway and Chile abruptly ended?"
    text = "Fisheries talks between Norway and Chile were abruptly ended after Norway's decision to buy the Svalbard fishing rights in 2012."
    assert not has_kind(text, "reason", why_buy)  # the purchase is the cause here, not explained
    assert has_kind(text, "reason", why_end)
    opening = "After the Cold War, Norway decided to buy the Svalbard fishing rights to secure its quotas."
    assert has_kind(opening, "reason", why_buy)  # a time heading the sentence's own claim


def test_where_and_when_is_two_questions():
    assert split_question("Where and when was the Kolsnaret drill held?") == [
        "Where was the Kolsnaret drill held?",
        "When was the Kolsnaret drill held?",
    ]


def test_a_place_may_be_part_of_a_country():
    q = "Where was the Kolsnaret drill held?"
    assert has_kind("The drill was held in the northern part of Norway in 2014.", "place", q)
    assert has_kind("The drill was held in southern Chile.", "place", q)


def test_a_place_is_not_a_name_used_as_an_adjective_or_possessive():
    q = "In which city will the fisheries council hold its first meeting?"
    assert not has_kind("The council had been effective in the Soviet era.", "place", q)
    assert not has_kind("Its image in Norway's public opinion is poor.", "place", q)
    assert has_kind("The council will meet in Bergen next year.", "place", q)
    assert has_kind("The council met in the Barents region.", "place", q)


def test_on_what_grounds_asks_for_a_reason():
    assert answer_kind("On what grounds does Norway claim the Svalbard shelf?") == "reason"


def test_a_sentence_naming_other_years_only_is_not_about_the_year_asked(small_service):
    answerer = small_service.answerer
    c = _candidate(["Trade between Norway and Chile reached $3 billion in 2013.", "It grew in 2015."], 0)
    assert not answerer._years_present(["2015"], c)  # the passage names 2015, the sentence 2013
    c = _candidate(["Trade between Norway and Chile reached $3 billion.", "It grew in 2015."], 0)
    assert answerer._years_present(["2015"], c)
    c = _candidate(["Relations soured after the 1998 nuclear test."], 0)
    assert answerer._years_present(["199x"], c)  # "at the end of the 1990s"
    assert not answerer._years_present(["200x"], c)


def test_which_company_or_document_asks_for_a_name_the_question_does_not_give():
    q = "Which Chilean company will build the port with the United Kingdom?"
    assert answer_kind(q) == "named"
    assert answer_kind("What Norwegian strategic document names the threat?") == "named"
    assert answer_kind("What does the programme do?") is None  # "does" is no qualifier of a noun
    # an event is told by what it was ("the 17th joint rescue exercise"); "Which ...?" asks its name
    assert answer_kind("What joint naval exercises did Chile hold with Norway in 2017?") is None
    assert answer_kind("Which joint naval exercises did Chile hold with Norway in 2017?") == "named"
    # countries, nationalities, regions and the question's own names are no company
    assert not has_kind("Chile will build the port with the United Kingdom in the West.", "named", q)
    assert has_kind("The port will be built by Andes Logistics for the United Kingdom.", "named", q)


def test_a_city_asked_in_a_country_is_not_the_country():
    q = "In which Chilean city did Norway and Chile sign the fisheries pact?"
    assert answer_kind(q) == "place"
    assert answer_kind("Off which peninsula do the islands lie?") == "place"
    assert not has_kind("Norway's minister travelled to Chile to sign the fisheries pact.", "place", q)
    assert has_kind("The fisheries pact was signed in Valparaiso.", "place", q)
    # a capital is a city, not its country: "In which city did Norway and Chile meet?" -> Santiago
    assert has_kind("The talks took place in Santiago in 2014.", "place", "In which city did Norway and Chile meet?")


def test_endnotes_answer_by_their_explanatory_sentences_only():
    from app.answering import _note_prose

    assert _note_prose("Norway announced that it would lift the quota on Chilean salmon in 1994.")
    for reference in (
        '"Joint Fisheries Exercise between Norway and Chile."',
        "Accessed December 30, 2014.",
        "http://www.example.org/fisheries/report.pdf.",
        "Marine Policy 85, no. 5 (2006).",
        "2. Nordmann, Kari.",
    ):
        assert not _note_prose(reference), reference


def test_a_sentence_of_the_kind_asked_goes_first_only_when_nearly_as_good_as_the_best(small_service):
    """For "When did the U.S. Navy join?", the sentence about the Navy gives no date; the quota
    sentence's "2014" is about something else and must not be put first."""
    answerer = small_service.answerer
    q = "When did the U.S. Navy first join the northern patrols as an observer?"
    vector = small_service.embedder.embed([q])[0]
    hits = small_service.search(q)
    sel = answerer.select(q, hits, vector)
    assert sel.kind == "date" and "Navy" in sel.candidates[0].text
    answer = small_service.ask(q)
    assert not answer.grounded
    # the sentence holding the date asked for, when it is about the question, still goes first
    q = "When were fishing quotas for pollock cut?"
    sel = answerer.select(q, small_service.search(q), small_service.embedder.embed([q])[0])
    assert "2014" in sel.candidates[0].text


@pytest.mark.parametrize(
    "question, subject",
    [
        ("Why did Kari Nordmann choose Chile as her first destination?", "Nordmann"),
        ("How did Peru respond to the Santiago Declaration?", "Peru"),
        ("In which year did Norway sign the pact?", "Norway"),
        ("What did the Solberg government propose?", "Solberg"),
        ("What reason do experts give?", None),  # no name as the subject
        ("Which Chilean company built the port?", None),
        ("According to Ana Soto, how did Peru respond to the pact?", "Peru"),  # past the attribution
    ],
)
def test_question_subject(question, subject):
    assert question_subject(question) == subject


def test_a_sentence_that_does_not_name_the_questions_subject_does_not_support_it(small_service):
    """For "How did Norway respond ...?", the sentence on the patrols names the Coast Guard, not
    Norway; asked of the Coast Guard, the same sentence may answer."""
    answerer = small_service.answerer
    sentences = ["The Japan Coast Guard (JCG) patrols the northern waters every winter."]
    c = _candidate(sentences, 0)
    q = "How did Norway respond to the patrols in the northern waters?"
    assert _support(answerer, c, q, None) == 0.0
    q = "How does the Japan Coast Guard patrol the northern waters?"
    assert _support(answerer, c, q, None) > 0.0


def test_stands_for_needs_the_words_it_stands_for(small_service):
    answerer = small_service.answerer
    q = "What does JCG stand for?"
    glossed = _candidate(["The Japan Coast Guard (JCG) patrols the northern waters every winter."], 0)
    used = _candidate(["JCG boats patrol the northern waters every winter."], 0)
    assert _support(answerer, glossed, q, None) > 0.0
    assert _support(answerer, used, q, None) == 0.0


def test_a_growth_may_be_given_as_a_multiple():
    q = "By how much is Chile's navy expected to grow?"
    assert answer_kind(q) == "number"
    assert has_kind("Chile's navy is expected to double or quadruple in size.", "number", q)
    assert has_kind("Trade could be increased several-fold.", "number", "How much could trade grow?")
    assert not has_kind("Chile's navy is growing fast.", "number", q)


def test_who_is_a_named_person_asks_for_their_description():
    assert answer_kind("Who is Kari Nordmann?") is None  # not for another name
    assert answer_kind("Who signed the pact?") == "person"
    assert defines("Kari Nordmann", "Kari Nordmann, former fisheries minister of Norway, said so.")
    assert defines("Kari Nordmann", "Kari Nordmann, Chairman of the Board of the Oslo Forum, spoke.")
    assert defines("Kari Nordmann", "as then-mayor of Bergen city Kari Nordmann put it in 2001")
    assert not defines("Kari Nordmann", "Kari Nordmann, and others, spoke.")
    assert not defines("Kari Nordmann", "Kari Nordmann said the pact was signed.")


def test_an_abbreviation_row_is_evidence_only_for_what_an_abbreviation_means(small_service):
    from app.abbreviations import is_table_row

    assert is_table_row("JCG – Japan Coast Guard")
    assert is_table_row("ADMM-Plus – ASEAN Defence Ministers' Meeting-Plus")
    assert not is_table_row("The JCG patrols the straits – every winter, with the Navy.")


def test_a_date_next_to_the_words_of_the_event_asked():
    q = "When did Norway annex Svalbard?"
    assert value_near_terms(q, "the Svalbard annexation by Norway (February to March 1925) and the war", "date") >= 2
    far = "Norway held talks in 1925 with Chile, Peru, Brazil and many others before the annexation of Svalbard."
    assert value_near_terms(q, far, "date") < 2
    assert value_near_terms(q, "the Svalbard annexation by Norway in 1925", None) == 0  # no date asked


def test_a_hyphenated_subject_is_named_by_its_parts(small_service):
    answerer = small_service.answerer
    c = _candidate(["Trade between Norway and Chile grew by 5 percent in 2013."], 0)
    q = "By how much did Norway-Chile trade grow in 2013?"
    assert _support(answerer, c, q, "number") > 0.0


def test_a_premise_the_question_grants_is_not_what_it_asks():
    q = "Given its fisheries (cod, salmon and others), what does Nordmann say Norway needs to do?"
    assert main_clause(q) == "what does Nordmann say Norway needs to do?"
    assert main_clause("While courting Chile, what aim must Norway keep?") == "what aim must Norway keep?"
    assert main_clause("What does Norway need?") == "What does Norway need?"
    assert answer_kind("What does Nordmann say Norway needs to do?") is None
    from app.evidence import ADVICE_CUE, cue_for

    assert cue_for("What does Nordmann say Norway needs to do?", None) is ADVICE_CUE  # advice asked


def test_a_figure_of_another_year_does_not_answer_for_the_year_asked():
    text = "Trade hit $3 billion in 2013 - a 5 percent rise on 2012 - and was expected to grow in 2014."
    assert figures_of_other_years(text, ["2014"])
    assert not figures_of_other_years(text, ["2013"])
    assert not figures_of_other_years("Figures for January 2014 show a 6 percent rise on 2013.", ["2014"])
    assert not figures_of_other_years("Trade grew by 6 percent.", ["2014"])  # no year: the source's may do


def test_what_was_it_worth_asks_for_a_figure():
    assert answer_kind("What was Norway-Chile trade worth in 2012?") == "number"
    assert answer_kind("What was the talk about?") is None


def test_a_source_named_as_the_subject_is_not_a_name_the_sentence_must_hold(small_service):
    """A question like "How do Ann Editor's report and Bea Writer each describe ...?" names
    sources, each answered by its own sentences."""
    answerer = small_service.answerer
    assert {"Editor", "Writer", "Chapter"} <= answerer._source_names
    c = _candidate(["The Japan Coast Guard (JCG) patrols the northern waters every winter."], 0)
    q = "How does Writer describe the patrols in the northern waters?"
    assert _support(answerer, c, q, None) > 0.0


def test_a_decade_asked_is_any_of_its_years():
    from app.evidence import asked_years, year_matches

    assert asked_years("What soured ties at the end of the 1990s, and in 2014?") == ["199x", "2014"]
    assert year_matches("199x", "1998") and not year_matches("199x", "2001")
    assert year_matches("2014", "2014") and not year_matches("2014", "2015")
    assert answer_kind("Who was the Chilean official quoted by El Mercurio?") == "person"


def test_a_value_or_budget_asked_needs_an_amount():
    q = "What was the monetary value of the contract Chile signed for six frigates?"
    assert answer_kind(q) == "number"
    assert answer_kind("What budget did Norway set aside for the programme?") == "number"
    assert answer_kind("What values do Norway and Chile share?") is None
    assert not has_kind("Chile signed a contract with Norway for six frigates.", "number", q)
    assert has_kind("Chile signed a $2 billion contract for six frigates.", "number", q)


def test_an_attribution_or_a_premise_before_the_question_word_keeps_its_kind():
    assert answer_kind("According to Nordmann, why does Norway seek ties with Chile?") == "reason"
    assert answer_kind("In Nordmann's view, when did Norway first sign?") == "date"
    assert answer_kind("Given the quota cut, how many boats remain?") == "number"
    assert answer_kind("Which two European powers patrol the strait?") == "place"  # countries
    assert answer_kind("What rate of growth does Chile aim for?") == "number"


def test_the_checks_read_the_question_past_an_attribution_as_its_kind_does():
    q = "According to Nordmann, who was Norway's ambassador to Chile?"
    assert answer_kind(q) == "name" and focus_noun(q) == "ambassador"
    assert has_kind("Norway's ambassador to Chile, Kari Berg, arrived in May.", "name", q)
    q = "According to Nordmann, who signed the pact?"
    assert not has_kind("Nordmann, who signed nothing, met Ana Soto.", "person", q)
    assert has_kind("In 2013 Ana Soto signed the pact.", "person", q)


def test_one_reason_asks_for_a_reason():
    assert answer_kind("What is one reason Norway delayed the pact?") == "reason"
    assert answer_kind("What were the two main reasons for the delay?") == "reason"
    assert answer_kind("What reason do experts give for the delay?") == "reason"
    assert answer_kind("What motivates Norway to patrol the strait?") == "reason"
    assert answer_kind("What is the pact?") is None


def test_a_count_may_name_the_thing_by_another_word():
    q = "How many nations had Nordmann visited by 2015?"
    assert has_kind("Nordmann has visited more than 50 countries.", "number", q)
    assert has_kind("meeting more than 200 foreign leaders", "number", "How many heads of state did he meet?")
    assert has_kind("This was their 21st meeting.", "number", "How many times had they met?")  # an ordinal
    assert not has_kind("Nordmann has visited many places.", "number", q)


def test_a_paragraph_opening_with_therefore_is_quoted_with_its_reason():
    from app.answering import _extend

    sentences = ["Norway feared losing control of the rules.", "Therefore, Norway proposed a wider zone."]
    c = _candidate(sentences, 1, sep="\n\n")
    start, end = _extend(c, None, "reason", 80)
    assert c.passage.text[start:end].startswith("Norway feared")


def test_a_consequence_stated_mid_sentence_is_quoted_with_its_reason():
    from app.answering import _extend

    sentences = [
        "The thaw may create the breathing space Oslo lacked before.",
        "Nordmann is aware of the favourable climate and is therefore moving with urgency.",
    ]
    c = _candidate(sentences, 1)
    start, end = _extend(c, None, "reason", 80)
    assert c.passage.text[start:end].startswith("The thaw")
    assert _extend(c, None, None, 80) == (c.start, c.end)  # only a "why" question looks back for it
    # a reason before "For this reason" is quoted a little past the word limit, not dropped
    long = [
        "Norway " + "feared losing control of the rules " * 10 + "too.",
        "For this reason, " + "Norway acted " * 8 + ".",
    ]
    c = _candidate(long, 1)
    assert c.passage.text[slice(*_extend(c, None, "reason", 80))].startswith("Norway feared")
    assert _extend(c, None, None, 80) == (c.start, c.end)


def test_what_does_a_term_mean_asks_for_its_gloss():
    assert defined_term("What does kaiyo kokka mean?") == "kaiyo kokka"
    assert defined_term("what does the term 'rules promoter' refer to?") == "rules promoter"
    assert defines("kaiyo kokka", 'Norway\'s "kaiyo kokka" (maritime state) idea')
    assert defines("Kari Nordmann", "Kari Nordmann, Chair of the Norway-Chile Business Committee, spoke.")


def test_a_topic_before_the_question_word_keeps_its_kind():
    assert answer_kind("Nordmann and Chile: when did he first visit?") == "date"
    assert answer_kind("The 2020 Svalbard drill - where was it held?") == "place"
    assert answer_kind("What is the Norway-Chile pact?") is None  # a hyphen is not a dash


def test_a_leading_name_the_corpus_always_capitalises_is_an_entity(small_service):
    answerer = small_service.answerer
    assert "Hokkaido" in answerer.entities("Hokkaido patrols: who joins them?")
    assert "Fishing" not in answerer.entities("Fishing quotas: why were they cut?")  # a common word
    assert "Patrol" not in answerer.entities("Patrol boats from where?")  # lower case in the corpus too


def test_years_of_several_sources_are_each_enough(small_service):
    answerer = small_service.answerer
    c = _candidate(["Fishing quotas were cut by 12 percent in 2014."], 0)
    assert answerer._years_present(["2014", "2018"], c)
    assert not answerer._years_present(["2016"], c)


def test_a_figure_compared_with_another_things_is_not_that_things(small_service):
    from app.evidence import compared_part

    assert answer_kind("What tariff reduction rate did Chile grant Peru?") == "number"
    head, tail = compared_part("Chile's rate is 90 percent, much higher than the deal Chile signed with Peru.")
    assert "90 percent" in head and "Peru" in tail
    assert compared_part("Chile has more than 50 ports.") is None  # "more than" a figure compares nothing
    answerer = small_service.answerer
    c = _candidate(["Quotas for Hokkaido were cut by 12 percent, more than those for the U.S. Navy."], 0)
    q = "By how much were quotas for the U.S. Navy cut?"
    assert _support(answerer, c, q, "number") == 0.0


def test_another_ordinal_of_the_same_thing_is_another_one():
    from app.evidence import other_ordinal

    q = "When did Chile and Peru hold their first joint naval rescue exercise?"
    assert other_ordinal(q, "In 2017 Chile and Peru ran the 17th joint naval rescue exercise.")
    assert not other_ordinal(q, "In 1998 Chile and Peru ran the first joint naval rescue exercise.")
    assert not other_ordinal(q, "In 2017 Chile ran its 17th census since independence.")
    assert not other_ordinal("When did the exercise take place?", "the 17th joint naval rescue exercise")
    # the same word right after another ordinal: "his second overseas destination" is not his first trip
    q = "Which country did Nordmann visit on his first overseas trip?"
    assert other_ordinal(q, "Nordmann chose Chile as his second overseas destination.")
    assert not other_ordinal(q, "Nordmann chose Chile as his first overseas destination.")


@pytest.mark.parametrize("followup, second_answered", [(0.0, True), (1.0, False)])
def test_a_later_part_of_a_compound_question_has_its_own_threshold(
    small_settings, fake_embedder, followup, second_answered
):
    from app.service import Service

    settings = small_settings.model_copy(update={"abstain_threshold": 0.0, "abstain_threshold_followup": followup})
    service = Service.load(settings, fake_embedder)
    answer = service.ask("Which waters does the Japan Coast Guard patrol, and why were fishing quotas cut?")
    assert answer.grounded  # the first part, at threshold 0
    assert ("The corpus does not say" not in answer.text) == second_answered


def test_advice_that_goes_on_over_its_paragraph_is_quoted_whole():
    from app.answering import _extend
    from app.evidence import ADVICE_CUE
    from app.questions import ASK_ADVICE

    assert ASK_ADVICE.search("Nordmann's advice for the fisheries pact?")
    sentences = [
        "Build a solid foundation for the pact.",
        "This needs to begin with basic questions.",
        "Both sides need to do more public diplomacy on fisheries.",
        "A new office opened in Lima.",
    ]
    c = _candidate(sentences, 0)
    start, end = _extend(c, ADVICE_CUE, None, 80)
    assert c.passage.text[start:end].endswith("public diplomacy on fisheries.")


@pytest.mark.parametrize(
    "query, kind",
    [
        ("number of Norway-Chile summits by 2014?", "number"),
        ("Nordmann Lima visit date", "date"),
        ("Svalbard drill venue?", "place"),
        ("reasons for Norway's Chile outreach", "reason"),
        ("Norway Chile relations 2018", None),
        ("What is the date line?", None),  # a question word: read as a question, not by its nouns
    ],
)
def test_a_query_without_a_question_word_asks_by_its_noun(query, kind):
    assert answer_kind(query) == kind


def test_a_topic_then_who_is_he_asks_about_the_topic():
    assert defined_term("Kari Nordmann — who is he?") == "Kari Nordmann"
    assert defined_term("Storting: what is it?") == "Storting"
    assert answer_kind("Kari Nordmann — who is he?") is None  # his post, not another name
    assert answer_kind("Kari Nordmann: who did he meet in Lima?") == "person"
    assert defines("Kari Nordmann", "opening remarks by Kari Nordmann, Honorary Chairman of the Fund, and others")
    assert answer_kind("Svalbard fund capital size?") == "number"


def test_another_pair_of_countries_is_about_something_else():
    from app.evidence import other_pair

    q = "When did Chile and Peru sign their fisheries pact?"
    assert other_pair(q, "A fisheries pact between Peru and Norway was signed in 2007.")
    assert not other_pair(q, "Chile and Peru signed the fisheries pact in 2009, with Norway observing.")
    assert not other_pair(q, "The pact was signed in 2009.")  # no countries named: not another pair
    assert not other_pair("When did Chile sign the pact?", "Peru and Norway signed it in 2007.")  # one country asked


def test_a_date_asked_for_an_event_needs_a_sentence_on_that_event():
    from app.evidence import event_missing

    q = "When was the Norway-Chile fisheries pact signed?"
    assert event_missing(q, "The pact has been under negotiation since 2013.")
    assert not event_missing(q, "Norway and Chile signed the pact in May 2014.")
    assert not event_missing("When did the exercise begin?", "The exercise started in 2012.")  # a synonym
    assert not event_missing("When was the pact agreed?", "The pact dates from 2013.")  # no event verb known
    # a delivery is not the order, a closing not the opening
    assert event_missing("When were the frigates delivered?", "Chile ordered six frigates in 2009.")
    assert not event_missing("When were the frigates delivered?", "The frigates were delivered in 2012.")
    assert event_missing("When did the festival officially close?", "The festival opened in May 2018.")
    assert not event_missing("When did the festival close?", "The festival ended in December 2018.")


@pytest.mark.parametrize(
    "first_support, second_score, answered",
    [(0.0, 0.95, True), (0.0, 0.5, False), (0.3, 0.95, True), (0.3, 0.5, False)],
)
def test_a_sentence_ruled_out_gives_way_to_a_near_tie_that_passes(
    small_service, monkeypatch, first_support, second_score, answered
):
    """Ruled out by a check (support 0) or doubted by the model (below the threshold), the best
    sentence gives way to one scoring nearly as well whose support passes."""
    import numpy as np

    from app.answering import _Selection

    answerer = small_service.answerer
    ruled_out = _candidate(["The pact culminated in 2014."], 0)
    passes = _candidate(["Norway and Chile signed the pact in 2014."], 0)
    ruled_out.score, passes.score = 1.0, second_score
    monkeypatch.setattr(answerer, "select", lambda *a, **k: _Selection([ruled_out, passes], None, None, [], []))
    monkeypatch.setattr(answerer, "support", lambda c, *a: first_support if c is ruled_out else 0.9)
    answer = answerer.answer("When was the pact signed?", [], np.zeros(3, dtype=np.float32))
    assert answer.grounded == answered
    assert ("signed the pact" in answer.text) == answered


@pytest.mark.parametrize(
    "sentences, supported",
    [
        (["Norway's trade grew.", "Fishing quotas were cut by 12 percent in 2014."], False),
        (["Chile's fleet shrank.", "Fishing quotas were cut by 12 percent in 2014."], True),
        # the sentence gives the figure for another country, whatever the one before names
        (["Chile's fleet shrank.", "Norway's fishing quotas were cut by 12 percent in 2014."], False),
        (["Chile's fleet shrank.", "Its fishing quotas were cut by 12 percent in 2014."], True),
    ],
)
def test_a_countrys_figure_needs_the_country_beside_it(small_service, sentences, supported):
    q = "By what percentage did Chile cut its fishing quotas in 2014?"
    assert (_support(small_service.answerer, _candidate(sentences, 1), q, "number") > 0.0) == supported


def test_a_chapter_named_for_a_country_is_no_country_whose_figure_is_asked(small_service):
    answerer = small_service.answerer
    c = _candidate(["Trade grew.", "Chile's fishing quotas were cut by 12 percent in 2014."], 1)
    assert _support(answerer, c, "In the chapter on Norway, by what percentage did Chile cut its quotas?", "number") > 0
    assert _support(answerer, c, "By what percentage did Peru cut its quotas?", "number") == 0.0


def test_a_journeys_end_is_no_country_whose_figure_is_asked(small_service):
    answerer = small_service.answerer
    c = _candidate(["Trade grew.", "Chile's fishing quotas were cut by 12 percent in 2014."], 1)
    q = "By what percentage had Chile cut its quotas by Soto's 2014 visit to Norway?"
    assert _support(answerer, c, q, "number") > 0
    assert _support(answerer, c, "By what percentage had Chile and Norway cut their quotas?", "number") == 0.0


def test_a_question_comparing_figures_may_be_answered_by_the_comparison(small_service):
    answerer = small_service.answerer
    c = _candidate(["Chile's fleet, 90 ships, is three times bigger than the Peruvian Navy."], 0)
    q = "What size does the report give for Chile's fleet when comparing it with the Peruvian Navy?"
    assert _support(answerer, c, q, "number") > 0.0
    assert _support(answerer, c, "What size is the Peruvian Navy?", "number") == 0.0


def test_a_versus_question_is_one_question_for_each_side():
    q = "How many Norway-Chile summits by end-2014 (Nordmann) vs by late 2016 (Soto)?"
    assert split_question(q) == [
        "How many Norway-Chile summits by end-2014 (Nordmann)?",
        "How many Norway-Chile summits by late 2016 (Soto)?",
    ]
    assert split_question("How did trade in 2013 vs 2014 compare?") == ["How did trade in 2013 vs 2014 compare?"]
    assert counted_noun("Norway-Chile summits: how many by 2014?") == "summits"  # the topic's
    assert counted_noun("How many by 2014?") is None


def test_different_figures_are_announced_once_in_a_compound_answer():
    from app.answering import DIFFERENT_FIGURES, Answer, Citation, combine_answers

    c1 = _candidate(["Quotas fell 12 percent."], 0)
    c2 = _candidate(["Quotas fell 10 percent."], 0)

    first = Answer("a?", f"{DIFFERENT_FIGURES} As of 2015: x [1]", True, [Citation(1, c1.passage, "x", 0, 1)])
    second = Answer("b?", f"{DIFFERENT_FIGURES} As of 2016: y [1]", True, [Citation(1, c2.passage, "y", 2, 3)])
    combined = combine_answers("a vs b?", ["a?", "b?"], [first, second], [])
    assert combined.text.count(DIFFERENT_FIGURES) == 1 and "y [2]" in combined.text


def test_in_what_year_is_asked_of_the_first_part_and_only_once_it_is_answered(small_service):
    answer = small_service.ask("By how much were the fishing quotas cut, and in what year?")
    assert answer.grounded and "2014" in answer.text and "does not say" not in answer.text
    # no minister is named: the year of what that minister did is unknown too
    answer = small_service.ask("Which minister cut the fishing quotas, and in what year?")
    assert not answer.grounded


def test_a_sentence_quoted_for_an_earlier_part_is_not_repeated_for_a_later_one():
    from app.answering import Answer, Citation, combine_answers

    c = _candidate(["Modi visited Oslo twice, in 2007 and 2012.", "He became premier in 2014."], 0)
    first = Answer("a?", "Modi visited Oslo twice, in 2007 and 2012. [1]", True, [Citation(1, c.passage, "x", 0, 42)])
    second = Answer(
        "b?",
        "Modi visited Oslo twice, in 2007 and 2012. [1] He became premier in 2014. [2]",
        True,
        [Citation(1, c.passage, "x", 0, 42), Citation(2, c.passage, "y", 43, 69)],
    )
    combined = combine_answers("a, and b?", ["a?", "b?"], [first, second], [])
    assert combined.text == "Modi visited Oslo twice, in 2007 and 2012. [1] He became premier in 2014. [2]"
    assert [x.n for x in combined.citations] == [1, 2]


def test_a_recommendation_heading_is_quoted_with_the_paragraph_that_spells_it_out():
    from app.answering import _extend
    from app.evidence import ADVICE_CUE

    sentences = [
        "Chile's navy has grown.",
        "Enhance joint exercises between Norway and Chile.",  # a heading: a paragraph of its own
        "Both navies already work together at sea.",
        "The drills remain modest, but they could be extended and held more often.",
    ]
    c = _candidate(sentences, 1, sep="\n\n", breaks=(1, 2))
    start, end = _extend(c, ADVICE_CUE, None, 80)
    assert c.passage.text[start:end].endswith("held more often.")


def test_a_list_asked_for_needs_its_items():
    from app.evidence import event_missing, list_not_given

    q = "What are the five priority areas for the Svalbard projects?"
    assert list_not_given(q, "They agreed on projects in five priority areas and on a third visit.")
    assert not list_not_given(q, "The five priority areas are fish farming, tourism, wind power, waste and ports.")
    assert not list_not_given("What are the priority areas?", "projects in five priority areas")  # no count asked
    which = "Which five priority areas did the ministers identify for the Svalbard projects?"
    assert list_not_given(which, "They agreed on projects in five priority areas and on a third visit.")
    # a text that does not name the count lists the items or does not answer
    assert list_not_given(q, "The purpose of the projects is to show what cooperation could bear.")
    assert not list_not_given(q, "They cover fish farming, tourism, wind power, waste and ports.")
    assert not list_not_given("What was the 1993 Bergen Accord?", "The Bergen Accord settled the dispute.")  # a year
    assert event_missing("When did the pact enter into force?", "Chile and Peru signed the pact in 2014.")
    assert not event_missing("When did the pact enter into force?", "The pact entered into force in 2016.")


def test_specifics_asked_need_an_example_or_a_list():
    from app.evidence import specifics_not_given

    q = "What specific sanctions did Chile impose on Peru?"
    assert specifics_not_given(q, "Chile only imposed very light sanctions on Peru.")
    assert not specifics_not_given(q, "Chile imposed sanctions such as a visa ban and an asset freeze.")
    assert not specifics_not_given(q, "The sanctions were: a visa ban, an asset freeze and a port closure.")
    assert not specifics_not_given("What sanctions did Chile impose?", "Chile only imposed light sanctions.")
    # a recommendation is itself the specific step asked for
    assert not specifics_not_given("What specific steps should Chile take?", "Chile should expand its port.")


def test_a_title_asked_for_needs_a_quoted_title():
    from app.evidence import title_not_given

    q = "What was the title of Ana Soto's 2014 speech in Lima?"
    assert title_not_given(q, "In 2014 Ana Soto gave a speech in Lima on trade.")
    assert not title_not_given(q, 'Ana Soto, "A New Pacific Bridge," speech in Lima, 2014.')
    assert not title_not_given(q, "Her speech, titled Pacific Bridges Today, was given in Lima.")
    assert title_not_given('What is the title of "Pacific Bridges"?', 'See "Pacific Bridges".')  # its own quote
    assert not title_not_given("What did Ana Soto say in Lima?", "Ana Soto gave a speech in Lima.")


def test_the_role_asked_is_not_filled_by_the_questions_own_name():
    q = "Who was Chile's foreign minister when Ana Soto visited Lima?"
    assert not has_kind("In 2004 Foreign Minister Ana Soto visited Lima.", "name", q)
    assert has_kind("In 2004 Chilean Foreign Minister Juan Perez joined the talks.", "name", q)


def test_a_search_box_query_for_a_persons_role_asks_who_they_are():
    assert defined_term("Kari Nordmann role") == "Kari Nordmann"
    assert defined_term("Storting's position?") == "Storting"
    assert defined_term("Norway role in NATO") is None


def test_a_part_pointing_back_to_an_unanswered_who_is_not_answered(small_settings, fake_embedder):
    from app.service import Service

    settings = small_settings.model_copy(update={"abstain_threshold": 0.99, "abstain_threshold_followup": 0.0})
    service = Service.load(settings, fake_embedder)
    # the first part cannot pass 0.99; the second would pass 0.0, but "they" is whoever the first part asks for
    answer = service.ask("Who patrols the northern waters, and why did they cut fishing quotas?")
    assert not answer.grounded
    answer = service.ask("What patrols the northern waters, and why were fishing quotas cut?")
    assert "The corpus does not say" in answer.text or not answer.grounded


def test_a_seat_of_government_stands_for_its_country():
    assert countries_named("entreaties to the Kremlin have not been welcomed") == {"RU"}


def test_people_named_after_a_title_and_people_not_named():
    q = "Which Lima academic has warned against the pact?"
    assert answer_kind(q) == "person"
    assert answer_kind("Which Chilean astronaut was aboard the station?") == "person"
    assert has_kind("According to Lima National University Professor Ana Soto, the pact is risky.", "person", q)
    assert not has_kind("The Lima National University hosted the talks.", "person", q)
    assert not has_kind(
        "The paper quotes an anonymous senior Chilean official.", "person", "Who was the official quoted?"
    )
    assert not has_kind("The crew opened the season in the Bolshoi Theatre.", "person", q)  # a building, no one
    assert defines("Ana Soto", "Ana Soto, PhD, is a senior fellow at the Lima Institute.")
    assert question_subject("By what percentage did Chile's FY2015 budget rise?") == "Chile"


def test_last_year_in_a_dated_source_is_the_year_before():
    from app.evidence import relative_years

    assert relative_years("Trade turnover last year reached USD 18 billion.", "2018-06-14") == ["2017"]
    assert relative_years("This year and next year.", "2016") == ["2016", "2017"]
    assert relative_years("last year", "") == []


def test_a_count_of_the_thing_asked_ranks_above_a_sentence_merely_about_it(small_service, monkeypatch):
    import numpy as np

    answerer = small_service.answerer
    about = _candidate(["Since taking office, Nordmann has made Norway a global actor."], 0)
    count = _candidate(["He has been diplomat-in-chief, visiting more than 50 countries."], 0)
    about.sim, count.sim = 0.62, 0.45
    monkeypatch.setattr(answerer, "candidates", lambda hits, v, **kw: [about, count])
    sel = answerer.select("How many nations had Nordmann travelled to?", [], np.zeros(3, dtype=np.float32))
    assert sel.candidates[0] is count


def test_a_country_named_in_several_words_is_one_name(small_service):
    answerer = small_service.answerer
    q = "Where did the United Kingdom post an officer, and did South Korea agree?"
    assert answerer.entities(q) == ["United Kingdom", "South Korea"]
    names = answerer.names
    assert names.share_present(["United Kingdom"], "The UK sent an officer.") == 1.0
    assert names.share_present(["United Kingdom"], "Britain sent an officer.") == 1.0
    assert names.share_present(["South Korea"], "Patrols in the South China Sea.") == 0.0  # not "South" alone
    assert names.share_present(["United States"], "Tools were used.") == 0.0  # "US" only as a word


def test_a_pair_of_countries_asked_must_be_the_passages_but_not_any_hyphenated_word(small_service, monkeypatch):
    answerer = small_service.answerer
    monkeypatch.setattr(answerer.names, "is_proper", lambda word: word != "Self")  # as over a corpus naming them
    c = _candidate(["Patrol boats from Hokkaido cover the straits."], 0)
    for q, ruled_out in [
        ("Where do Hokkaido boats of the Japan-Russia unit patrol?", True),  # a pair the passage does not name
        ("Where do Hokkaido boats of the Self-Defense unit patrol?", False),  # a word, not two names
        ("Where do Hokkaido boats of the Alpha-Beta unit patrol?", False),  # two organisers, not countries
    ]:
        support = _support(answerer, c, q, None)
        assert (support == 0.0) == ruled_out, q


def test_a_month_asked_is_a_time_not_a_name_the_count_must_stand_beside(small_service):
    answerer = small_service.answerer
    c = _candidate(["The JCG ran 40 patrols in 2014."], 0)
    with_month, without = "How many patrols did the JCG run in May 2014?", "How many patrols did the JCG run in 2014?"
    s_month, s_plain = (_support(answerer, c, q, "number") for q in (with_month, without))
    assert s_month > s_plain - 0.1  # the narrow check's bonus holds; only the share of names found is lower


def test_a_chapter_author_cited_is_no_answer_to_who(small_service):
    answerer = small_service.answerer
    q = "Which official received the minister in Oslo in 2014?"
    cited = _candidate(["As Carl Chapter describes, the minister visited Oslo in 2014."], 0)
    named = _candidate(["As Carl Chapter describes, Kari Nordmann received the minister in Oslo in 2014."], 0)
    assert _support(answerer, cited, q, "person") == 0.0
    assert _support(answerer, named, q, "person") > 0.0
    # asked about the author, the author is the answer
    q = "Which author describes the minister's visit to Oslo in 2014?"
    assert _support(answerer, cited, q, "person") > 0.0


def test_an_event_asked_in_the_past_is_not_answered_by_its_plan(small_service):
    answerer = small_service.answerer
    q = "What did Norway and Chile agree at the Bergen Forum in May 2015?"
    planned = _candidate(["Norway and Chile will have another chance at the planned Bergen Forum in May 2015."], 0)
    held = _candidate(["At the Bergen Forum in May 2015, Norway and Chile agreed to share quotas."], 0)
    assert _support(answerer, planned, q, None) == 0.0
    assert _support(answerer, held, q, None) > 0.0
    # asked about the plan itself, the plan answers
    q = "Where were Norway and Chile due to meet in May 2015?"
    assert _support(answerer, planned, q, None) > 0.0


def test_a_lexical_query_adds_the_country_a_capital_stands_for():
    from app.evidence import with_capitals_countries

    assert with_capitals_countries("How big is Beijing's outlay next to Washington's?").endswith(
        "(china united states)"
    )
    assert with_capitals_countries("Kremlin and New Delhi views") == "Kremlin and New Delhi views (russia india)"
    assert with_capitals_countries("fish quotas") == "fish quotas"


def test_a_figure_or_a_name_the_question_gives_is_no_answer():
    from app.evidence import has_kind

    q = "What interest rate did Norwegian banks charge on the $12bn of loans?"
    assert not has_kind("The plant received $12bn worth of loans from Norwegian banks.", "number", q)
    assert has_kind("The $12bn of loans carried a rate of 3 percent.", "number", q)
    # "many" counts nothing
    q = "How many Western leaders boycotted the ceremony?"
    assert not has_kind("Many Western leaders boycotted it in protest.", "number", q)
    assert has_kind("Some 40 Western leaders boycotted it.", "number", q)
    # a pair of countries is no person
    q = "Which Chilean official called Norway a vassal state?"
    assert not has_kind("Within the Norway-US alliance, Chile called Norway a vassal state.", "person", q)
    assert has_kind("Chile's minister Pedro Soto called Norway a vassal state.", "person", q)


def test_only_a_meeting_asked_in_the_past_is_checked_against_its_plan(small_service):
    answerer = small_service.answerer
    c = _candidate(["In his FT article, Blue Plan, Nordmann wrote that he will strengthen fishing ties."], 0)
    q = 'What was "Blue Plan", the FT article by Nordmann?'  # an article, not a meeting
    assert not answerer._planned_only(q, c.text, answerer.entities(q))


def test_a_figure_compared_with_other_countries_deals_still_answers_for_its_own(small_service, monkeypatch):
    answerer = small_service.answerer
    common = {"free", "trade", "agreement"}  # as a corpus writes them in lower case too
    monkeypatch.setattr(answerer.names, "is_common_word", lambda word: word.lower() in common)
    q = "What is the tariff cut on the Chilean side under the Norway-Chile Free Trade Agreement?"
    sentences = [
        "Norway and Chile signed the agreement in 2011.",
        "The tariff cut on the Chilean side is close to 90 percent, which is much higher than the agreements"
        " Chile signed with Peru and Bolivia.",
    ]
    c = _candidate(sentences, 1)
    # neither the other pair nor the common word "Agreement" in the compared part rules it out
    assert _support(answerer, c, q, "number") > 0.0
    # a country named only in the compared part still does
    q = "What is the tariff cut under Chile's agreement with Peru?"
    assert _support(answerer, c, q, "number") == 0.0
    # unless the question asks for the comparison itself
    q = "How much higher is the tariff cut on the Chilean side than Chile's cut with Peru?"
    assert _support(answerer, c, q, "number") > 0.0


def test_how_long_is_answered_by_a_span_or_its_start():
    from app.evidence import has_kind

    q = "For how long has overfishing been Norway's hardest problem?"
    assert has_kind("This has been the hardest problem since the late 2000s.", "number", q)
    assert has_kind("It has been the hardest problem for two decades.", "number", q)
    assert not has_kind("It is the hardest of 3 problems.", "number", q)


def test_a_hyphenated_name_the_question_gives_is_no_new_name():
    from app.evidence import has_kind

    q = "Which Chilean shipyard built the Aurora-class patrol boats that Peru bought?"
    assert not has_kind("In 2009 Peru signed a contract with Chile for three Aurora-class patrol boats.", "named", q)
    assert has_kind("The Aurora-class boats were built by Astilleros Talcahuano for Peru.", "named", q)


def test_a_title_before_a_name_the_question_gives_is_no_new_name():
    from app.evidence import has_kind

    q = "In which speech did Nordmann announce the Blue Plan?"
    assert not has_kind("It was when President Nordmann announced the Blue Plan.", "named", q)
    assert has_kind("President Nordmann announced the Blue Plan in his Bergen Address.", "named", q)


def test_a_goal_asked_is_answered_by_a_target():
    from app.answering import asks_actual

    assert asks_actual("What growth rate did Chile actually achieve in 2015?")
    assert not asks_actual("What growth rate is Chile seeking to achieve by 2020?")


def test_a_figure_actually_achieved_is_not_answered_by_a_target(small_service):
    answerer = small_service.answerer
    q = "What growth rate did Chile actually achieve in 2015?"
    target = _candidate(["In 2015 Chile sought to reach 8 percent growth."], 0)
    assert _support(answerer, target, q, "number") == 0.0
    achieved = _candidate(["In 2015 Chile grew by 3 percent."], 0)
    assert _support(answerer, achieved, q, "number") > 0.0


def test_which_official_did_needs_a_new_name_beside_the_verb():
    from app.evidence import actor_named

    q = "Which Chilean official announced the fishing zone in 2013?"
    # "When Chile": a sentence's first word, not a name; the name elsewhere did something else
    assert not actor_named(q, "When Chile announced the zone in 2013, Norway's minister Kari Nordmann objected.")
    assert actor_named(q, "In 2013 Minister Pedro Soto announced the zone.")


def test_a_participle_of_another_thing_names_not_its_actor():
    from app.evidence import actor_named, titled_name

    q = "Which Chilean president signed the 1950 Fisheries Convention?"
    other = "The Lima Protocol, signed by President Ana Ruiz in 1993, recognised the Fisheries Convention of 1950."
    assert not actor_named(q, other) and not titled_name(q, other)
    assert actor_named(q, "The Fisheries Convention, signed by President Pedro Soto in 1950, set the quotas.")


def test_who_is_an_author_is_answered_by_the_authors_blurb(small_service, monkeypatch):
    import dataclasses

    import numpy as np

    answerer = small_service.answerer
    blurb = _candidate(["Carl Chapter, a fellow at the Test Institute, writes on fishing.", "Quotas fell."], 0)
    other = _candidate(["Carl Chapter, a fellow at the Test Institute, writes on fishing.", "Quotas fell."], 1)
    passage = dataclasses.replace(blurb.passage, authors=("Carl Chapter",))
    blurb.passage = other.passage = passage
    monkeypatch.setattr(answerer, "candidates", lambda hits, vector, **kw: [blurb, other])
    vector = np.zeros(3, dtype=np.float32)
    # asked who the author is, the blurb answers; asked about the argument, it is left out
    assert blurb in answerer.select("Who is Carl Chapter?", [], vector).candidates
    assert blurb not in answerer.select("What happened to fishing quotas?", [], vector).candidates


def test_a_byline_naming_only_its_author_is_no_answer_to_who(small_service, monkeypatch):
    import dataclasses

    import numpy as np

    answerer = small_service.answerer
    byline = _candidate(["Oslo should welcome the talks, writes Carl Chapter", "Quotas fell."], 0)
    blurb = _candidate(["Carl Chapter argues that minister Kari Nordmann urged Oslo to welcome the talks.", "x."], 0)
    for c in (byline, blurb):
        c.passage = dataclasses.replace(c.passage, authors=("Carl Chapter",))
    monkeypatch.setattr(answerer, "candidates", lambda hits, vector, **kw: [byline, blurb])
    vector = np.zeros(3, dtype=np.float32)
    kept = answerer.select("According to Carl Chapter, which minister urged Oslo to welcome the talks?", [], vector)
    # the byline names no one but its author; the blurb names the minister asked for
    assert byline not in kept.candidates and blurb in kept.candidates


def test_a_count_may_name_the_thing_by_the_plural_after_a_modifier():
    from app.questions import counted_nouns

    assert counted_nouns("How many underwater warships did Oslo order?") == ["underwater", "warships"]
    assert counted_nouns("How many vessels took part?") == ["vessels"]  # a verb after a plural is no noun
    q = "How many underwater warships did Oslo order from Bergen in 2009?"
    assert has_kind("In 2009 Norway ordered six Ula-class submarines from Bergen.", "number", q)
    assert not has_kind("In 2009 Norway took part for the third time, with 2 officers.", "number", q)


def test_a_clause_setting_the_scene_before_the_question_word_does_not_make_it_a_when_question():
    q = "When the pact is described as a quasi-alliance, what does that label mean?"
    assert answer_kind(q) is None
    assert answer_kind("When did Norway sign the pact, and what did it cost?") == "date"


def test_since_a_time_is_no_reason():
    from app.evidence import REASON_CUE

    assert not REASON_CUE.search("Since about 2013, Norway has become more active in the Arctic.")
    assert not REASON_CUE.search("It has grown since the late 2000s and since then.")
    assert REASON_CUE.search("Since Norway needs gas, it signed the deal.")


def test_how_long_may_be_answered_in_minutes():
    q = "For how long did the two leaders sit together in Oslo?"
    assert has_kind("They sat together for about 10 minutes in Oslo.", "number", q)


def test_which_award_asks_for_a_name_and_prefers_a_sentence_naming_an_award(small_service, monkeypatch):
    import numpy as np

    from app.questions import named_noun

    q = "Which award did Kari Nordmann receive in 2009?"
    assert answer_kind(q) == "named" and named_noun(q) == "award"
    post = _candidate(["Kari Nordmann is a fellow of the Bergen Institute.", "She was in Oslo in 2009."], 0)
    award = _candidate(["Kari Nordmann is a fellow of the Bergen Institute.", "She won the 2009 Fjord Award."], 1)
    monkeypatch.setattr(small_service.answerer, "candidates", lambda hits, vector, **kw: [post, award])
    monkeypatch.setattr(small_service.answerer, "coverage", lambda terms, text: 0.5)  # the same words of it
    for c in (post, award):
        c.sim = 0.5
    post.sim = 0.65  # nearer the question, but names no award
    sel = small_service.answerer.select(q, [], np.zeros(3, dtype=np.float32))
    assert sel.candidates[0] is award


def test_a_sentence_pointing_back_to_the_term_asked_is_quoted_with_the_one_it_points_to():
    from app.answering import _extend

    sentences = [
        "Norway and Chile see the sea differently.",
        "This fjord gap exists in trade too.",
        "Unless managed, such a fjord gap could block cooperation.",
    ]
    c = _candidate(sentences, 2)
    start, end = _extend(c, None, None, 80, "fjord gap")
    assert c.passage.text[start:end].startswith("Norway and Chile")  # back over both pointing sentences
    assert _extend(c, None, None, 80, None) == (c.start, c.end)
    c = _candidate(sentences, 2, sep="\n\n")  # not across a paragraph break
    assert _extend(c, None, None, 80, "fjord gap") == (c.start, c.end)


def test_a_name_the_corpus_abbreviates_is_one_entity_found_by_its_abbreviation(small_service):
    names = small_service.answerer.names
    entities = small_service.answerer.entities("When does the Japan Coast Guard's fleet patrol?")
    assert "Japan Coast Guard's" in entities and "Coast" not in entities
    assert names.share_present(entities, "The JCG patrols every winter.") == 1.0


def test_a_full_name_is_one_entity_found_by_its_surname(small_service, monkeypatch):
    names = small_service.answerer.names
    monkeypatch.setattr(names, "is_person", lambda word: word == "Nordmann")
    assert small_service.answerer.entities("Where did Kari Nordmann study fisheries?") == ["Kari Nordmann"]
    assert names.found("Kari Nordmann", "dr. nordmann studied in bergen.")
    # a title is not a first name (nor an entity of its own)
    assert small_service.answerer.entities("What did Prime Minister Nordmann say?") == ["Nordmann"]


def test_a_name_led_thing_names_the_name():
    assert question_entities("Which states joined the Russia-led union and the US-backed plan?") == ["Russia", "US"]


def test_what_number_asks_for_a_count_of_the_thing():
    q = "What number meeting with Nordmann did the Oslo visit represent?"
    assert counted_noun(q) == "meeting" and answer_kind(q) == "number"
    assert has_kind("This was her 21st meeting with Nordmann.", "number", q)
    assert not has_kind("On May 25, 2018, she visited Oslo.", "number", q)


def test_a_sentence_on_she_has_the_start_of_its_paragraph_as_context():
    from app.answering import _context

    sentences = ["Kari Nordmann is a professor in Oslo.", "Her field is fish.", "In 2013 she was a fellow at Bergen."]
    assert _context(_candidate(sentences, 2)).startswith("Kari Nordmann")
    assert _context(_candidate(sentences, 2, sep="\n\n")).startswith("Her field")  # not past a paragraph break
    assert _context(_candidate(["Kari Nordmann is a professor.", "It rains.", "In 2013 Oslo grew."], 2)).startswith(
        "It rains"
    )


def test_a_name_beside_the_role_may_be_the_subject_of_was_or_a_quoted_name():
    q = "Who was Kari Nordmann's speechwriter when the plan was announced?"
    assert has_kind("Olsen was Nordmann's speechwriter when the plan was announced.", "name", q)
    assert not has_kind("Nordmann's speechwriter was praised when the plan was announced.", "name", q)
    q = "What was the name of the joint naval exercise held off Bergen in 2014?"
    assert focus_noun(q) == "exercise"  # "held" is a participle after the noun
    assert has_kind('The joint naval exercise "FJORD 14," held off Bergen in 2014, went well.', "name", q)


def test_a_document_dated_right_after_its_name_dates_its_adoption():
    from app.evidence import event_missing

    q = "When was the Bergen Declaration between Norway and Chile adopted?"
    assert not event_missing(q, "The Bergen Declaration between Norway and Chile in July 1991 was a first.")
    assert event_missing(q, "The Bergen Declaration was a first, as Norway said in 1995.")


def test_a_sentence_passing_a_narrow_kind_check_goes_first_from_further_below(small_service, monkeypatch):
    import numpy as np

    q = "Who was the Norwegian envoy to Chile in 2014?"
    assert focus_noun(q) == "envoy"
    top = _candidate(["In 2014 Norway and Chile signed a fishing pact in Santiago."], 0)
    named = _candidate(["In 2014 the Norwegian envoy, Kari Nordmann, arrived in Chile."], 0)
    monkeypatch.setattr(small_service.answerer, "candidates", lambda hits, vector, **kw: [top, named])
    monkeypatch.setattr(small_service.answerer, "coverage", lambda terms, text: 0.5)
    top.sim, named.sim = 0.8, 0.6  # the named one scores about 0.85 of the top one
    sel = small_service.answerer.select(q, [], np.zeros(3, dtype=np.float32))
    assert sel.candidates[0] is named


def test_a_surname_after_a_title_and_first_name_is_a_person(small_service, monkeypatch):
    names = small_service.answerer.names
    monkeypatch.setattr(names, "_corpus_cased", "Foreign Minister Kari Nordmann spoke. Oslo grew.")
    monkeypatch.setattr(names, "_persons", {})
    assert names.is_person("Nordmann") and not names.is_person("Oslo")


def test_a_sentence_whose_subject_is_the_one_before_is_quoted_with_it():
    from app.answering import _extend

    sentences = [
        "Most of Norway's partners are also allies of the US.",
        "This reinforces the case for a trio.",
        "Oslo.",
    ]
    c = _candidate(sentences, 1)
    assert c.passage.text[slice(*_extend(c, None, None, 80))].startswith("Most of Norway's")
    c = _candidate(["Oslo grew.", "This year Bergen grew too.", "Fine."], 1)  # "this year" is no subject
    assert _extend(c, None, None, 80) == (c.start, c.end)


def test_a_sentence_the_next_goes_on_from_is_quoted_with_it():
    from app.answering import _extend

    sentences = [
        "Oslo needs to find partners.",
        "In order for Norway to do so, a clear view is indispensable.",
        "Fine.",
    ]
    c = _candidate(sentences, 0)
    assert c.passage.text[slice(*_extend(c, None, None, 80))].endswith("is indispensable.")
    assert _extend(c, None, "date", 80) == (c.start, c.end)  # a date or a name asked: the sentence alone


def test_a_question_naming_a_part_of_the_text_favours_that_part():
    from app.answering import _heading_terms

    assert _heading_terms("Japan-India Relations > Notes") and _heading_terms("Acknowledgments")
    assert not _heading_terms("Japan-India Relations > Policy Recommendations")  # a topic, not apparatus


def test_the_note_asked_about_is_not_put_below_the_body(small_service, monkeypatch):
    import dataclasses

    import numpy as np

    body = _candidate(["Quotas are strict for fishers in Oslo."], 0)
    note = _candidate(["Quotas are the limits set on each catch, by law."], 0)
    note.passage = dataclasses.replace(note.passage, section="Fisheries > Notes", is_notes=True)
    monkeypatch.setattr(small_service.answerer, "candidates", lambda hits, vector, **kw: [body, note])
    monkeypatch.setattr(small_service.answerer, "coverage", lambda terms, text: 0.5)
    vector = np.zeros(3, dtype=np.float32)
    assert small_service.answerer.select("How are quotas defined?", [], vector).candidates[0] is body
    assert small_service.answerer.select("How does the chapter's note define quotas?", [], vector).candidates[0] is note


def test_an_outcome_asked_is_not_answered_by_the_plan():
    from app.evidence import outcome_only_planned

    q = "Did Nordmann and Olsen complete their Bergen plant in 2018 as planned?"
    assert outcome_only_planned(q, "In 2018, Nordmann and Olsen should complete construction of a plant in Bergen.")
    assert not outcome_only_planned(q, "In 2018 Nordmann and Olsen completed the plant in Bergen.")
    assert not outcome_only_planned("When will they complete the plant?", "They should complete it in 2018.")


def test_when_did_someone_become_needs_the_appointment():
    from app.evidence import event_missing

    q = "In what year did Kari Nordmann become Norway's envoy?"
    assert event_missing(q, "In 2017 Kari Nordmann, Norway's envoy, signed a memorandum.")
    assert not event_missing(q, "Kari Nordmann was appointed Norway's envoy in 2012.")
    # an event said not to happen is not the one asked about
    q = "When did Nordmann insist Norway would never become a minor power?"
    assert not event_missing(q, "In a 2013 speech, Nordmann insisted that Norway is back.")


def test_another_countrys_side_is_not_the_side_asked():
    from app.evidence import other_side

    q = "What is the tariff cut on the Norwegian side under the pact?"
    assert other_side(q, "The tariff cut on the Chilean side is close to 90 percent.")
    assert not other_side(q, "On the Norwegian side it is 97 percent, on the Chilean side 90.")


def test_a_rate_asked_needs_a_percentage():
    q = "What is the tariff reduction rate under the Oslo pact?"
    assert not has_kind("Since the signing of the Oslo pact in February 2011, trade has grown.", "number", q)
    assert has_kind("The tariff reduction rate under the Oslo pact is close to 90 percent.", "number", q)


def test_of_several_sources_named_each_passage_holds_its_own(small_service):
    import dataclasses

    answerer = small_service.answerer
    p = dataclasses.replace(_candidate(["Gas goes north."], 0).passage, doc_id="beta", authors=("Bea Writer",))
    assert answerer._own_entities(["Writer", "Chapter", "Oslo"], p) == ["Writer", "Oslo"]
    assert answerer._own_entities(["Chapter", "Oslo"], p) == ["Chapter", "Oslo"]  # one source named: it is asked


def test_what_figure_did_someone_give_asks_for_a_number():
    assert answer_kind("What figure did Nordmann give for last year's trade?") == "number"
    assert answer_kind("Which figure of Norway's independence struggle is admired?") != "number"


def test_a_person_referred_to_by_office_counts_where_the_document_names_them(small_service, monkeypatch):
    import dataclasses

    answerer = small_service.answerer
    monkeypatch.setattr(answerer.names, "is_person", lambda word: word == "Nordmann")
    c = _candidate(["Speaking at the forum, the President of Norway said trade was USD 18 billion."], 0)
    c.passage = dataclasses.replace(c.passage, doc_id="beta")
    doc = answerer.index.documents["beta"]
    monkeypatch.setattr(doc, "text", doc.text + " President Nordmann spoke.")
    q = "What figure did Nordmann give for trade at the forum?"
    assert _support(answerer, c, q, "number") > 0.0
    monkeypatch.setattr(doc, "text", doc.text.replace("President Nordmann spoke.", ""))
    assert _support(answerer, c, q, "number") == 0.0  # the document never names him


def test_the_source_a_question_names_is_not_missing_from_the_sentence(small_service):
    from app.answering import _Candidate
    from app.models import Passage, Span

    answerer = small_service.answerer
    text = "To hedge against the rise of Chile, Norway must rely upon the fleet."
    p = Passage("p", text, "d", "T", "S", ("Bea Writer",), "2015", 0, len(text), sentences=[Span(0, len(text))])
    c = _Candidate(p, 0, 0, len(text), 0)
    q = "What does Writer argue Norway must do to hedge against the rise of Chile?"
    terms = answerer._terms(q)
    assert answerer._content_coverage(terms, c) > answerer.coverage(terms, text)
    other = dataclasses.replace(p, authors=("Carl Chapter",))
    assert answerer._content_coverage(terms, _Candidate(other, 0, 0, len(text), 0)) < answerer._content_coverage(
        terms, c
    )


def test_a_term_the_corpus_never_uses_is_not_the_rarest_missing_one(small_service):
    answerer = small_service.answerer
    c = _candidate(["Patrol boats from Hokkaido cover the straits."], 0)

    def features(q):
        return answerer.features(c, q, answerer._terms(q), answerer.entities(q))

    unknown = features("Do patrol boats from Hokkaido cover the fjords?")  # "fjords": no text uses it
    known = features("Do patrol boats from Hokkaido cover the pollock?")  # "pollock": elsewhere in the corpus
    assert unknown["max_missing_idf"] == 0.0 < known["max_missing_idf"]
    assert unknown["unknown_terms"] > known["unknown_terms"]


def test_an_enumeration_is_no_fraction():
    q = "What share of Norway's trade is with Chile?"
    assert not has_kind("Third, given Chile's importance, trade would grow.", "number", q)
    assert has_kind("About a third of Norway's trade is with Chile.", "number", q)


def test_a_quoted_phrase_of_several_words_must_be_in_the_evidence(small_service):
    from app.questions import quoted_phrases

    q = "What are the 'three pillars' of the Hokkaido patrol plan?"
    assert quoted_phrases(q) == ["three pillars"]
    assert quoted_phrases("What did Norway's and Chile's leaders say?") == []  # apostrophes are no quotes
    answerer = small_service.answerer
    without = _candidate(["Patrol boats from Hokkaido cover the straits under the plan."], 0)
    with_them = _candidate(["The Hokkaido patrol plan rests on three pillars: boats, planes and radar."], 0)
    assert _support(answerer, without, q, None) == 0.0
    assert _support(answerer, with_them, q, None) > 0.0


def test_the_documents_a_question_names_by_their_authors(small_service):
    answerer = small_service.answerer
    assert answerer._documents_named("What do Chapter and Writer each say about fishing?") == {"alpha", "beta"}
    assert answerer._documents_named("What does Writer say about gas?") == set()  # one source: nothing to add


def test_an_answer_cites_each_source_the_question_names(small_service, monkeypatch):
    import dataclasses

    import numpy as np

    answerer = small_service.answerer
    a = _candidate(["Quotas for pollock were cut in 2014."], 0)
    b = _candidate(["Pollock stocks fell sharply in the north."], 0)
    w = _candidate(["Gas from the Arctic would go by the northern route."], 0)
    a.passage = dataclasses.replace(a.passage, passage_id="a", doc_id="alpha", authors=("Carl Chapter",))
    b.passage = dataclasses.replace(b.passage, passage_id="b", doc_id="alpha", authors=("Carl Chapter",))
    w.passage = dataclasses.replace(w.passage, passage_id="w", doc_id="beta", authors=("Bea Writer",))
    a.sim, b.sim, w.sim = 0.9, 0.85, 0.3  # the other source's sentence scores far below
    monkeypatch.setattr(answerer, "candidates", lambda hits, vector, **kw: [a, b, w])
    monkeypatch.setattr(answerer, "support", lambda c, *args: 0.9)
    monkeypatch.setattr(answerer, "_repeats", lambda c, chosen: False)
    vector = np.zeros(3, dtype=np.float32)
    monkeypatch.setattr(answerer.names, "unmentioned", lambda entities: [])  # bylines are not body text
    named = answerer.answer("What do Chapter and Writer say about the north?", [], vector)
    assert {c.passage.doc_id for c in named.citations} == {"alpha", "beta"}
    plain = answerer.answer("What happened in the north?", [], vector)
    assert {c.passage.doc_id for c in plain.citations} == {"alpha"}


def test_a_statement_before_the_question_is_a_premise():
    q = "Norway joined the drill for the third time in 2014. In which earlier years had it taken part?"
    assert main_clause(q) == "In which earlier years had it taken part?"
    assert answer_kind(q) == "date"
    assert main_clause("What did Mr. Nordmann tell the U.S. envoy?") == "What did Mr. Nordmann tell the U.S. envoy?"


def test_worth_considering_does_not_ask_for_a_value_and_which_documents_asks_for_sources():
    assert answer_kind('What is the "fjord pact" idea that Nordmann says is worth considering?') is None
    assert answer_kind("What was Norway-Chile trade worth in 2012?") == "number"
    # "Which documents report X?": any passage reporting X answers, by its source
    assert answer_kind("Which documents report the 2020 Svalbard drill?") is None
    assert answer_kind("Which texts in the corpus mention the Fjord Forum?") is None
    assert answer_kind("Which documents did Norway and Chile sign in 2016?") == "named"


def test_a_name_ending_like_a_demonym_is_not_a_nation():
    from app.evidence import has_kind

    q = "What was the name of Chile's 1998 rocket test that soured its relations with Norway?"
    assert has_kind("However, Tarkan-II, Chile's 1998 rocket test, led to a souring of relations.", "name", q)
    # a name qualified by another nation is still not the one asked for
    assert not has_kind("Norwegian Defence Minister Kari Nordmann's rocket test was in 1998.", "name", q)


def test_a_list_announced_by_the_next_sentence_is_quoted_with_it():
    from app.answering import _extend

    sentences = [
        "The Fjord Isles consist of three islands off Bergen.",
        "They are: Ask, Bu and Tysnes.",
        "Norway holds them.",
    ]
    c = _candidate(sentences, 0)
    assert c.passage.text[slice(*_extend(c, None, "place", 80))].endswith("Tysnes.")
    assert defines("Fjord Isles", sentences[0])


def test_a_sentence_opening_its_passage_that_points_back_is_taken_from_the_passage_before():
    import types

    from app.answering import Answerer, _Candidate
    from app.models import Passage, Span

    doc = "Only a strong economy lets Norway act abroad. Therefore, economics will drive its diplomacy."
    k = doc.index("Therefore")
    first = Passage(
        "p1", doc, "d", "T", "S", ("A",), "2015", 0, len(doc), sentences=[Span(0, k - 1), Span(k, len(doc))]
    )
    second = Passage("p2", doc[k:], "d", "T", "S", ("A",), "2015", k, len(doc), sentences=[Span(0, len(doc) - k)])
    stub = types.SimpleNamespace(_passages_by_doc={"d": [first, second]})
    c = Answerer._with_sentence_before(stub, _Candidate(second, 0, 0, len(doc) - k, 0))
    assert c.passage is first and c.text.startswith("Therefore")


def test_a_sentence_announcing_a_feature_is_quoted_with_the_one_that_states_it():
    from app.answering import _extend

    sentences = [
        "Norway's plan has a major feature that Chile's plan lacks.",
        "It allows work with Peru.",
        "More follows.",
    ]
    c = _candidate(sentences, 0)
    assert c.passage.text[slice(*_extend(c, None, None, 80))].endswith("with Peru.")


def test_a_heading_is_quoted_with_the_paragraph_under_it():
    from app.answering import _Candidate, _extend
    from app.models import Passage, Span

    text = "Settle the fjord dispute with Chile.\n\nThis is the main aim. Dialogue and trust are key."
    spans = [Span(0, 36), Span(38, 59), Span(60, len(text))]
    p = Passage("p", text, "d", "T", "S", ("A",), "2015", 0, len(text), sentences=spans)
    c = _Candidate(p, 0, 0, 36, 0)
    assert text[slice(*_extend(c, None, None, 80))].endswith("are key.")
    assert _extend(c, None, "date", 80) == (0, 36)  # a date asked: the heading alone


def test_an_office_holder_is_not_the_expert_asked_for():
    from app.evidence import has_kind

    q = "Which Norwegian experts spoke at the May 3 Fjord Forum conference?"
    opening = "On May 3, the Fjord Forum held a conference with opening remarks by Kari Nordmann, Honorary Chairman of the Board of the Fjord Foundation for Development."
    assert not has_kind(opening, "person", q)
    assert has_kind(opening, "person", "Who gave the opening remarks at the May 3 Fjord Forum conference?")
    assert has_kind(
        "According to Bergen University Professor Ola Hansen, a leading scholar, ties will grow.", "person", q
    )


def test_a_trade_volume_asks_for_a_number_a_book_volume_does_not():
    assert answer_kind("What was the total Norway-Chile trade volume for 2014?") == "number"
    assert answer_kind("What was the volume of Norway-Chile trade in 2014?") == "number"
    assert answer_kind("What does the Fjord volume's Chile chapter recommend?") is None


def test_a_close_match_naming_everything_asked_is_strong_support():
    from app.answering import strong_match

    close = {"sim": 0.73, "coverage_sentence": 0.71, "entities": 1.0}
    assert strong_match(close)
    assert not strong_match({**close, "entities": 0.5})  # a name of the question missing
    assert not strong_match({**close, "sim": 0.5})
    assert not strong_match({**close, "coverage_sentence": 0.4})
    # nearly every word of the question, less close in meaning
    assert strong_match({"sim": 0.54, "coverage_sentence": 0.81, "entities": 1.0})
    assert not strong_match({"sim": 0.54, "coverage_sentence": 0.75, "entities": 1.0})


def test_a_person_glossed_in_apposition_answers_who_they_are(small_service):
    answerer = small_service.answerer
    sentence = "On May 3, the Fjord Forum met in Bergen with opening remarks by Kari Nordmann, Chairman of the Board of the Fjord Foundation, and others."
    c = _candidate([sentence], 0)
    c.sim = 0.2  # a long sentence about the meeting: far from the question in meaning
    assert _support(answerer, c, "Who is Kari Nordmann?", None) >= 0.5
    assert _support(answerer, c, "Who is Ola Hansen?", None) < 0.5


def test_what_two_countries_can_also_do_is_advice():
    from app.evidence import ADVICE_CUE

    assert ADVICE_CUE.search("They can also jointly support the Fjord Democracy Forum.")
    assert not ADVICE_CUE.search("Norway can export gas to Chile.")


def test_what_an_author_says_a_country_needs_asks_for_advice():
    from app.questions import ASK_ADVICE

    assert ASK_ADVICE.search("What kind of policy does Nordmann say Norway needs toward Chile?")
    assert ASK_ADVICE.search("What policy does Norway need toward Chile, according to Nordmann?")
    assert not ASK_ADVICE.search("When did Norway sign the pact with Chile?")


def test_advice_followed_by_where_it_matters_most_is_quoted_with_it():
    from app.answering import _extend
    from app.evidence import ADVICE_CUE

    sentences = [
        "Norway needs to cooperate more with Chile in making fishing rules.",
        "This is particularly important in new areas such as krill and deep-sea mining.",
    ]
    c = _candidate(sentences, 0)
    assert c.passage.text[slice(*_extend(c, ADVICE_CUE, None, 80))].endswith("deep-sea mining.")


def test_a_why_answered_by_therefore_may_rest_on_two_sentences_before():
    from app.answering import _extend

    sentences = [
        "One purpose of Norway's tie with Chile has been to widen its horizons.",
        "Though Sweden remains central, the tie is meant to reach beyond it.",
        "Therefore, relying on Sweden as a go-between could undermine the tie.",
    ]
    c = _candidate(sentences, 2)
    assert c.passage.text[slice(*_extend(c, None, "reason", 80))].startswith("One purpose")
    assert c.passage.text[slice(*_extend(c, None, None, 80))].startswith("Though Sweden")


def test_what_pressures_give_a_reason_asks_why():
    assert answer_kind("What economic pressures give Oslo a reason to seek ties with Chile?") == "reason"
    assert answer_kind("What factors drove Norway to sign the pact?") == "reason"
    assert answer_kind("What pressures does Norway face?") is None


def test_a_title_before_a_name_is_not_an_entity(small_service):
    entities = small_service.answerer.entities("Where did Prime Minister Nordmann open the Fjord Forum in 2016?")
    assert "Prime" not in entities and "Minister" not in entities
    assert "Nordmann" in entities and "2016" in entities


def test_a_reference_is_read_whole_from_its_number_to_its_access_date():
    from app.evidence import reference_spans

    notes = (
        '7. See Berg, Ola and Kari Lund. "Cold Harbours." Nordic Review 12, no. 3 (2009). Accessed May 1, 2015. '
        'http://example.org/cold; Dahl, Per. "Ice Roads." Polar Notes, no. 4 (2011).\n'
        "8. Fisheries Agency. Annual report. 2014."
    )
    refs = [notes[a:b] for a, b in reference_spans(notes)]
    assert refs == [
        '7. See Berg, Ola and Kari Lund. "Cold Harbours." Nordic Review 12, no. 3 (2009).',
        'Dahl, Per. "Ice Roads." Polar Notes, no. 4 (2011).',
        "8. Fisheries Agency. Annual report. 2014.",
    ]


def test_a_reference_names_its_authors_before_its_title():
    from app.evidence import reference_names_author

    ref = '7. See Berg, Ola and Kari Lund. "Cold Harbours." Nordic Review 12, no. 3 (2009).'
    assert reference_names_author(ref, 'Who wrote the article "Cold Harbours"?')
    assert not reference_names_author('8. Fisheries Agency. "Annual report." 2014.', "Who wrote the annual report?")


def test_questions_about_a_cited_work_are_told_apart():
    from app.questions import asks_reference

    assert asks_reference('Who wrote the article "Cold Harbours" that the chapter cites?')
    assert asks_reference("In which journal did Ola Berg publish his 2009 article?")
    assert not asks_reference("Why did Norway cut its fishing quotas in 2014?")


def test_the_reference_asked_about_holds_its_quoted_title(small_service):
    answerer = small_service.answerer
    ref = '7. See Berg, Ola and Kari Lund. "Cold Harbours." Nordic Review 12, no. 3 (2009).'
    assert answerer._cites_asked('Who wrote "Cold Harbours"?', ref, [])
    assert not answerer._cites_asked('Who wrote "Warm Harbours Today"?', ref, [])


def test_two_question_phrases_share_one_clause():
    q = "In which journal and in what year did Ola Berg publish Cold Harbours?"
    assert split_question(q) == [
        "In which journal did Ola Berg publish Cold Harbours?",
        "In what year did Ola Berg publish Cold Harbours?",
    ]


def test_a_work_named_by_its_title_is_a_source_not_the_question_s_words(small_service):
    answerer = small_service.answerer
    q = "Who designed the cover of the 'Alpha Report on Fisheries'?"
    assert answerer.without_titles(q) == "Who designed the cover of the ?"
    assert not {"Alpha", "Report", "Fisheries"} & set(answerer.entities(q))
    # asking what the work is keeps its title
    what = "What is the Test Institute volume Alpha Report on Fisheries?"
    assert answerer.without_titles(what) == what


def test_an_author_cited_as_a_source_is_no_answer_but_one_described_is(small_service):
    answerer = small_service.answerer
    assert "Carl" not in answerer._without_authors("As Carl Chapter argues, Kari Nordmann opened the forum.")
    assert "Chapter" not in answerer._without_authors("Chapter also describes how Kari Nordmann opened it.")
    kept = "I thank Carl Chapter, who leads the fisheries program."
    assert answerer._without_authors(kept) == kept


def test_a_reference_names_its_editors_after_its_title():
    from app.evidence import reference_names_editor
    from app.questions import asks_editor, asks_reference

    ref = '22. Berg, Ola. "Cold Harbours." Kari Lund and Per Dahl, eds. (Oslo: Nordic Institute, 2013).'
    q = "Who edited the volume containing Ola Berg's chapter on cold harbours?"
    assert asks_editor(q) and asks_reference(q)
    assert reference_names_editor(ref, q)
    assert reference_names_editor('9. Berg, Ola. "Ice." In Polar Notes, edited by Kari Lund, 3-9. 2014.', q)
    assert not reference_names_editor('7. Berg, Ola and Kari Lund. "Cold Harbours." Nordic Review 12 (2009).', q)
    assert asks_reference("Who co-wrote the 2009 article 'Cold Harbours' with Ola Berg?")


def test_a_named_thing_asked_for_is_not_a_country_after_a_sentence_s_first_word():
    q = "Which Norwegian company builds the X-9 patrol aircraft that Norway hopes to sell to Chile?"
    assert answer_kind(q) == "named"
    assert not has_kind("Between Norway and Chile, selling the X-9 aircraft has yet to happen.", "named", q)
    assert has_kind("Between Norway and Chile, the X-9 built by Fjord Aero has yet to sell.", "named", q)


def test_hardware_asked_for_by_a_long_phrase_asks_for_its_name():
    q = "Which Royal Norwegian Navy ship took part in the 2020 drill with Chile?"
    assert answer_kind(q) == "named"
    assert not has_kind("In 2020 the Royal Norwegian Navy held a drill with Chile.", "named", q)
    assert has_kind("In 2020 the frigate Fridtjof Nansen held a drill with Chile.", "named", q)
    # a new name, but no ship named: "the Danish fleet" is not a ship's name
    assert not has_kind("In 2020 the Royal Norwegian Navy held a drill with the Danish fleet.", "named", q)


def test_a_sum_of_money_asked_for_is_not_a_share():
    q = "What was the total dollar value of the fish Norway sold to Chile in 2014?"
    assert answer_kind(q) == "number"
    assert not has_kind("Norway supplied 28% of the fish Chile bought in 2014.", "number", q)
    assert has_kind("Norway sold fish worth $3 billion to Chile in 2014.", "number", q)


def test_a_statement_before_a_semicolon_is_a_premise():
    from app.questions import is_statement

    q = "The leaders called the station on May 26, 2018; what was the name of the Danish astronaut on board?"
    premise, asked = split_question(q)
    assert is_statement(premise) and not is_statement(asked)
    assert not is_statement("Did Norway join the drill?")
    assert not is_statement("In Berg's account, which ship took part?")


def test_a_percentage_asked_for_is_not_a_majority():
    q = "What percentage of Norwegians support closer ties with Chile?"
    assert not has_kind("A majority of Norwegians support closer ties with Chile.", "number", q)
    assert has_kind("Some 64.3 percent of Norwegians support closer ties with Chile.", "number", q)


def test_what_kind_of_organisation_asks_what_it_is_not_its_name():
    assert answer_kind("What kind of organisation is the Fjord Institute?") is None
    assert answer_kind("Which organisation published the report?") == "named"


def test_who_did_something_asks_for_a_person_not_a_role():
    assert answer_kind("Who is credited with creating the artwork on the report's cover?") == "person"
    assert answer_kind("In the acknowledgments of the volume, who is named as the institute's president?") == "person"
    assert focus_noun("Who was the appointed envoy to Lima?") == "envoy"


def test_a_title_named_is_searched_for_without_it_and_the_source_names(small_service):
    answerer = small_service.answerer
    q = "Who designed the cover of the Test Institute volume Alpha Report on Fisheries?"
    assert answerer.search_variant(q) == "Who designed the cover of the  Institute volume ?"
    assert answerer.search_variant("Who designed the cover?") is None


def test_a_sentence_ending_in_a_colon_is_quoted_with_the_list_under_it():
    from app.answering import _Candidate, _extend
    from app.models import Passage, Span

    parts = [
        "The institute works to:",
        "\n\n",
        "- Reduce transnational threats.",
        "\n",
        "- Build peace.",
        "\n\n",
        "It is new.",
    ]
    text = "".join(parts)
    spans, at = [], 0
    for k, part in enumerate(parts):
        if k % 2 == 0:
            spans.append(Span(at, at + len(part)))
        at += len(part)
    passage = Passage("p", text, "d", "T", "S", ("A",), "2015", 0, len(text), sentences=spans)
    c = _Candidate(passage, 0, spans[0].start, spans[0].end, 0)
    assert text[slice(*_extend(c, None, None, 80))] == "".join(parts[:5])


def test_an_editor_s_summary_of_another_author_is_told_apart(small_service):
    from app.answering import _heading_terms

    answerer = small_service.answerer
    intro = _candidate(["Bea Writer, a fellow at the Test Institute, suggests that Norway should fish less."], 0)
    own = _candidate(["Norway should fish less, as stocks are falling."], 0)
    assert answerer._summarises(intro) and not answerer._summarises(own)
    assert "introduct" in _heading_terms("Introduction")  # "according to the introduction" names it


def test_the_event_dated_is_the_question_s_own_verb():
    from app.evidence import event_missing

    q = "When did the minister's postponed visit to Oslo eventually take place?"
    assert event_missing(q, "The minister's scheduled visit to Oslo was postponed in autumn 2014.")
    assert not event_missing(q, "The visit finally took place in May 2015.")
    # a meeting dated by its own noun
    q = "When was the next council meeting expected to take place?"
    assert not event_missing(q, "The council's next meeting, slated for the autumn of 2018, matters.")
    arrive = "When did the first submarine actually arrive in Chile?"
    assert event_missing(arrive, "In 2009 Chile signed a contract for six submarines.")
    # "joint" is no joining
    assert event_missing("When was the joint statement issued?", "Norway joined the talks in 2014.")


def test_a_country_and_a_bloc_are_a_pair_too():
    from app.evidence import other_pair

    q = "Where did Norway and the EU hold their first joint drill?"
    assert other_pair(q, "Norway and NATO have held joint drills in the Barents Sea.")
    assert not other_pair(q, "Norway and the EU held their first drill off Bergen.")


def test_what_was_agreed_needs_a_text_that_speaks_of_an_agreement():
    from app.evidence import action_missing

    q = "What did the two presidents agree during the March 2000 visit to Chile?"
    assert action_missing(q, "Relations reached a turning point when the president visited Chile in March 2000.")
    assert not action_missing(q, "During the visit they signed a fisheries accord.")
    assert not action_missing("Why did the president visit Chile?", "The president visited Chile.")


def test_a_sentence_sharing_no_word_is_ruled_out_only_for_words_the_corpus_lacks(small_service):
    answerer = small_service.answerer
    c = _candidate(["Quotas were cut by 12 percent in 2014."], 0)
    # a paraphrase in the corpus's own words: the model judges it
    assert _support(answerer, c, "Do patrol boats cover the northern straits every winter?", None) > 0.0
    # words the corpus never uses: no judgement to make
    assert _support(answerer, c, "Почему квоты сократили?", None) == 0.0


def test_memoised_span_facts_give_the_same_answers_on_a_second_asking(small_settings, fake_embedder):
    """The answerer memoises facts of corpus spans across questions; a warm answerer must answer
    exactly as a fresh one does, whatever was asked before."""
    from app.service import Service

    questions = [
        "Why were fishing quotas cut in 2014?",
        "Which waters does the Japan Coast Guard patrol?",
        "By what percentage were quotas cut in 2014?",
        "Who signed the fisheries pact?",
    ]
    warm = Service.load(small_settings, fake_embedder)
    for q in questions:
        warm.ask(q)
    for q in reversed(questions):
        fresh = Service.load(small_settings, fake_embedder).ask(q)
        again = warm.ask(q)
        assert (again.text, again.grounded, [c.quote for c in again.citations]) == (
            fresh.text,
            fresh.grounded,
            [c.quote for c in fresh.citations],
        )
    assert warm.answerer._context_spans  # the memo was used


def test_a_question_phrase_alone_may_be_answered_by_the_first_parts_sentence():
    from app.answering import Answer, Citation, answered_before, combine_answers

    quote = "The leaders will meet again at the Fisheries Forum in Valparaiso in May 2019."
    c = _candidate([quote], 0)
    first = Answer(
        "At which forum will the leaders meet?", f"{quote} [1]", True, [Citation(1, c.passage, quote, 0, 77)]
    )
    part = "In which city? (At which forum will the leaders meet)"
    same = answered_before(part, first)
    assert same is not None and same.grounded and same.citations[0].quote == quote
    assert answered_before("In which year? (At which forum will the leaders meet)", first) is not None
    assert answered_before("Who chaired it? (At which forum will the leaders meet)", first) is None  # no name there
    whole = combine_answers(
        "At which forum ..., and in which city?", ["At which forum ...?", "In which city?"], [first, same], []
    )
    assert whole.grounded and whole.text == f"{quote} [1]" and len(whole.citations) == 1


def test_a_question_in_the_text_is_quoted_with_its_answer():
    from app.answering import _extend

    c = _candidate(["Is the Chile-Norway pact a failure?", "Not at all.", "Trade grew by a third."], 0)
    start, end = _extend(c, None, None, 80)
    assert c.passage.text[start:end] == "Is the Chile-Norway pact a failure? Not at all."


def test_a_sentence_is_quoted_with_the_next_one_it_is_the_subject_of():
    from app.answering import _extend

    sentences = [
        "Chile trades widely.",
        "Most of Chile's partners are also members of APEC.",
        "This reinforces the case for a Pacific forum.",
    ]
    c = _candidate(sentences, 1)
    start, end = _extend(c, None, None, 80)
    assert c.passage.text[start:end].endswith("members of APEC. This reinforces the case for a Pacific forum.")
    assert _extend(c, None, "date", 80) == (c.start, c.end)  # a date asked: the sentence alone
    apart = _candidate(sentences, 1, sep="\n\n")
    assert _extend(apart, None, None, 80) == (apart.start, apart.end)  # not across a paragraph


def test_a_description_is_quoted_with_the_next_sentence_where_the_answer_has_room():
    from app.answering import _with_next

    sentences = ["Chile and Norway signed a fisheries pact.", "It sets quotas for cod.", "Trade grew."]
    c = _candidate(sentences, 0)
    assert (
        c.passage.text[slice(*_with_next(c, 80))] == "Chile and Norway signed a fisheries pact. It sets quotas for cod."
    )
    assert _with_next(c, 8) == (c.start, c.end)  # no room for it
    last = _candidate(sentences, 2)
    assert _with_next(last, 80) == (last.start, last.end)  # the passage ends there
    apart = _candidate(sentences, 1, sep="\n\n")
    assert _with_next(apart, 80) == (apart.start, apart.end)  # the next paragraph is another topic


def test_a_peoples_word_names_its_country_in_any_form(small_service):
    from app.evidence import demonym_country

    assert demonym_country("American") == "america"
    assert demonym_country("Australian") == "australia"  # not Austria
    assert demonym_country("Austrian") == "austria"
    assert demonym_country("Indians") == "india" and demonym_country("Chilean") == "chile"
    assert demonym_country("British") == "britain" and demonym_country("Germans") == "germany"  # no ending added
    assert demonym_country("Pacific") is None
    assert demonym_country("Persian") is None and demonym_country("Macmillan") is None  # not Peru's, Macao's
    names = small_service.answerer.names
    assert names.found("American", "talks held in washington")
    assert names.found("American", "the us fleet")
    assert not names.found("American", "it was used")  # "US" as a word only


def test_a_question_names_countries_by_their_peoples_words():
    from app.evidence import countries_referred

    assert countries_referred("Which Australian and British envoys met?") == {"AU", "GB"}
    assert countries_referred("the Japan-EU exercise") == {"JP"}  # a name joined to another


def test_which_president_is_answered_by_the_name_after_the_title():
    from app.evidence import has_kind, titled_name

    q = "Which Chilean president discouraged Nordmann from visiting Lima?"
    text = "Talks were frowned upon in Santiago, with President Gabriel Soto urging Nordmann not to travel."
    assert titled_name(q, text) and has_kind(text, "person", q)
    assert not titled_name(q, "Talks were frowned upon in Santiago, with Gabriel Soto urging Nordmann not to travel.")
    assert not titled_name(q, "Peruvian President Ana Ruiz urged Nordmann not to travel.")  # another country's
    assert not titled_name(q, "Nordmann met the presidents of Peru and Chile.")  # a country is no name
    leader = "Which Chilean leader discouraged Nordmann from visiting Lima?"
    assert titled_name(leader, text)  # a head of state's title
    premier = "Which Chilean premier discouraged Nordmann from visiting Lima?"
    assert titled_name(premier, "In Santiago, Prime Minister Gabriel Soto urged Nordmann not to travel.")


def test_which_x_and_y_experts_ask_for_people():
    assert answer_kind("Which Chilean and Peruvian specialists spoke at the forum?") == "person"
    assert answer_kind("Which industry do Chilean specialists expect to suffer?") is None


def test_a_why_answered_by_a_closing_restatement_quotes_the_reason_before_it(small_service):
    from app.answering import _extend
    from app.evidence import REASON_CUE

    sentences = [
        "Chile trades widely.",
        "Yet Chile does not want to be entangled in disputes, seeking autonomy instead.",
        "Chile will likely hesitate to join the Pacific pact.",
    ]
    c = _candidate(sentences, 2)  # the paragraph's last sentence
    answerer = small_service.answerer
    question = "Why is Chile likely to hesitate to join the Pacific pact?"
    assert answerer._restates(c, answerer._terms(question))
    assert not answerer._restates(_candidate(sentences, 1), answerer._terms(question))
    start, end = _extend(c, REASON_CUE, "reason", 80, restates=True)
    assert c.passage.text[start:end].startswith("Yet Chile does not want")
    assert _extend(c, REASON_CUE, "reason", 10, restates=True) == (c.start, c.end)  # no room
    because = _candidate([*sentences[:2], "Chile will hesitate to join because of its farms."], 2)
    assert _extend(because, REASON_CUE, "reason", 80, restates=True) == (because.start, because.end)


def test_a_short_sentence_closing_its_paragraph_is_not_read_on_into_the_next():
    from app.answering import _extend
    from app.evidence import REASON_CUE

    sentences = ["Chile and Peru signed the pact in 2020.", "Bolivia had left the talks.", "Trade in 2000 was small."]
    c = _candidate(sentences, 1, sep="\n\n")  # a paragraph's last sentence, short as a heading
    assert _extend(c, REASON_CUE, "reason", 80) == (c.start, c.end)
    same = _candidate(sentences, 1)  # the paragraph goes on: the reason may follow
    assert _extend(same, REASON_CUE, "reason", 80) != (same.start, same.end)


def test_a_day_asked_rules_out_a_text_dated_to_other_months():
    from app.evidence import other_months

    q = "In which city did Soto host Nordmann for their March 3, 2016 meeting?"
    assert other_months(q, "During their April meeting in Lima, Soto and Nordmann talked.")
    assert not other_months(q, "On March 3, Soto hosted Nordmann in Lima.")
    assert not other_months(q, "Soto hosted Nordmann in Lima.")  # no month: it may be that meeting
    circumstance = "Why did talks stall after Soto's March 2016 visit?"  # a month alone dates the visit
    assert not other_months(circumstance, "Talks stalled before the September vote.")
