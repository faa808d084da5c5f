"""Credits the parse-based cues miss (``newsint.nlp.attribution_credits``): an outlet in brackets
closing an item, an inverted "..., reports the Telegraph.", "As reported by X, ...".

Invented passages (none from the dev sets); each row fails without its pattern.
"""

from __future__ import annotations

import pytest

from newsint.nlp.attribution import quote_kind
from newsint.nlp.attribution_credits import credit_attributions
from newsint.pipeline import analyze_text

CREDITS: list[tuple[str, list[str]]] = [
    (
        "MAYOR QUITS The mayor of Riverton resigned on Monday after a long dispute. [AP.]",
        ["AP"],
    ),
    (
        "STORM HITS COAST Heavy rain flooded roads along the coast overnight. [Reuters.]\n\n"
        "TEAM WINS AGAIN The local side won its tenth game in a row. [ESPN.]",
        ["Reuters", "ESPN"],
    ),
    (
        "BUDGET TALKS STALL Lawmakers left the capital without a deal on spending. [Mother Jones.]",
        ["Mother Jones"],
    ),
    (
        "-The governor leads the race by six points in the state. [Gazette, NBC/Marist, ARG]\n",
        ["Gazette", "NBC/Marist", "ARG"],
    ),
    (
        "Police used cameras to identify \u201cThe Fox,\u201d the man seen in the video with "
        "Ferris, reports the Riverton Gazette.",
        ["Riverton Gazette"],
    ),
    (
        "A man hit a goat on the high street in broad daylight. (Riverton Gazette) A boy woke "
        "up from a long sleep craving pickles. \u201cHe ate a whole jar.\u201d (Valley Star)",
        ["Riverton Gazette", "Valley Star"],
    ),
]

#: The patterns alone, over text where the parse found nothing: (passage, source, content start).
PATTERNS: list[tuple[str, str, str]] = [
    (
        "The bridge will close for repairs in the spring, reports the Riverton Gazette.",
        "the Riverton Gazette",
        "The bridge",
    ),
    (
        "Engineers used sonar to find the wreck near the harbour, writes The Atlantic.",
        "The Atlantic",
        "Engineers",
    ),
    (
        "As reported by the Riverton Gazette, the bridge will close in the spring.",
        "the Riverton Gazette",
        "the bridge",
    ),
    (
        "The mayor, as first reported by the Gazette, has resigned after a long dispute.",
        "the Gazette",
        "has resigned",
    ),
    ("ROADS CLOSED Heavy snow shut the mountain passes on Sunday. [CNN.]", "CNN", "ROADS"),
    ("-The governor leads the race by six points in the state. [538]\u00a0\n", "538", "-The"),
    (
        "The mayor has 41% support among older voters in a Riverton Gazette poll released Friday.",
        "a Riverton Gazette poll",
        "The mayor",
    ),
    (
        "The senator held a 12-point lead over the governor in the latest state survey.",
        "the latest state survey",
        "The senator",
    ),
]

#: A poll named in a sentence without a figure credits nobody.
NO_POLL_CREDITS: list[str] = [
    "The mayor talked about the weather in a survey of the town's parks.",
    "Voters were asked about the new bridge by the Riverton Gazette poll takers.",
]

#: Lists of outlets or people the parser splits at the first comma: every member is a source.
LISTS: list[tuple[str, list[str]]] = [
    (
        "KTVX, the Riverton Gazette and the Valley Star reported that the mayor would resign.",
        ["KTVX", "Riverton Gazette", "Valley Star"],
    ),
    ("NBC, CBS and the Gazette reported that the dam had failed overnight.", ["NBC", "CBS"]),
]

#: The members a group source names between itself and its cue are sources too.
NAMED_MEMBERS: list[tuple[str, list[str]]] = [
    (
        "Several local papers, including the Riverton Gazette and the weekly Valley Star, "
        "reported on Friday that the dam had failed.",
        ["Riverton Gazette", "Valley Star"],
    ),
    (
        "Some, including Acme Weekly's Tom Poe, have speculated that the phone will be cheaper.",
        ["Tom Poe"],
    ),
]

#: A description in the list is no named member.
NOT_NAMED_MEMBERS: list[tuple[str, str]] = [
    (
        "Dozens of teachers, including 40 Riverton High staff members, signed a letter saying "
        "the school should stay open.",
        "Riverton High",
    ),
]

#: "according to" an abbreviation closing a paragraph: the parser runs on into the next one.
ACCORDING_AT_LINE_END: list[tuple[str, str]] = [
    (
        "The jet's permit had lapsed in March. It is now allowed to fly again, according to the "
        "F.A.A.\n\nMost people who own planes do not have more than one or two.",
        "F.A.A",
    ),
]

#: A setting before the list is no member.
NOT_MEMBERS: list[tuple[str, str]] = [
    ("On Monday, Ann Roe and Tom Poe said the bridge would close.", "Monday"),
    ("In Riverton, Ann Roe and Tom Poe said the bridge would close.", "Riverton"),
]

#: Brackets that credit nobody.
NO_CREDITS: list[str] = [
    "BEIRUT (Reuters) \u2013 Pilots who fled the city said on Monday that the base was empty.",
    "A soldier stops a car in a street leading to the U.S. Embassy on Sunday. (Riverton Gazette)\n"
    "The embassy will stay closed this week.",
    "He wrote that the plan was [sic] fine and would work.",
    "The mayor said the plan was fine. [Update]",
]


@pytest.mark.parametrize(("passage", "names"), CREDITS)
def test_a_credited_outlet_is_a_source(passage: str, names: list[str]) -> None:
    found = [s.name for s in analyze_text(passage).sources]
    for name in names:
        assert any(name in n for n in found), (name, found)


@pytest.mark.parametrize("passage", NO_CREDITS)
def test_an_editorial_bracket_is_no_source(passage: str) -> None:
    found = [s.name.lower() for s in analyze_text(passage).sources]
    assert not any(n in {"sic", "update", "reuters", "riverton gazette"} for n in found), found


def test_the_outlet_after_an_inverted_cue_is_its_source() -> None:
    passage = (
        "Police used voice recognition to identify \u201cJihadi John,\u201d the man seen in the "
        "video with Ferris, reports the Telegraph."
    )
    found = [s.name for s in analyze_text(passage).sources]
    assert any("Telegraph" in n for n in found), found
    assert not any("Jihadi" in n for n in found), found


@pytest.mark.parametrize(("passage", "source", "content"), PATTERNS)
def test_the_credit_patterns(passage: str, source: str, content: str) -> None:
    (credit,) = credit_attributions(passage, [], quote_kind)
    (start, end), (content_start, _) = credit.source[0], credit.content[0]
    assert passage[start:end] == source
    assert passage[content_start:].startswith(content)


@pytest.mark.parametrize("passage", NO_POLL_CREDITS)
def test_a_poll_without_a_figure_is_no_credit(passage: str) -> None:
    assert credit_attributions(passage, [], quote_kind) == []


@pytest.mark.parametrize(("passage", "names"), LISTS + NAMED_MEMBERS)
def test_each_member_of_a_list_is_a_source(passage: str, names: list[str]) -> None:
    """A list split at its first comma, and the members a group source names."""
    found = [s.name for s in analyze_text(passage).sources]
    for name in names:
        assert any(name in n for n in found), (name, found)


@pytest.mark.parametrize(("passage", "words"), NOT_MEMBERS + NOT_NAMED_MEMBERS)
def test_a_setting_or_a_description_is_no_member(passage: str, words: str) -> None:
    found = [s.name for s in analyze_text(passage).sources]
    assert not any(words in n for n in found), found


@pytest.mark.parametrize(("passage", "name"), ACCORDING_AT_LINE_END)
def test_according_to_an_abbreviation_at_a_line_end(passage: str, name: str) -> None:
    found = [s.name for s in analyze_text(passage).sources]
    assert any(name in n for n in found), found
    assert not any("people" in n.lower() for n in found), found
