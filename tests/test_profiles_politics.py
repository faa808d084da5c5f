"""Kinds of political sources and outlets (judgement guide, section 3): candidates, surrogates and
allies are interested parties, campaign and party staff are officials, outlets and their people
are media. Table-driven: the functions alone, then whole passages through the pipeline."""

from __future__ import annotations

import pytest

from newsint.models import Source
from newsint.nlp.profile_tables import media_name, political_kind
from newsint.nlp.stakes import campaign_of, candidate
from newsint.nlp.titles import _person_name, titles_of
from newsint.pipeline import analyze_text


@pytest.mark.parametrize(
    ("role", "affiliation", "kind"),
    [
        ("Republican presidential candidate", None, "interested_party"),
        ("GOP front-runner", None, "interested_party"),
        ("supporters", "Mr. Rubio", "interested_party"),
        ("allies", "Clinton", "interested_party"),
        ("Former presidential candidate", None, "official"),
        ("the party's 2012 nominee", None, "official"),
        ("campaign manager", None, "official"),
        ("spokesman", "Clinton campaign", "official"),
        ("Democratic strategist", None, "official"),
        ("chairwoman", "Vermont Democratic Party", "official"),
        ("professor of economics", "Princeton University", None),
        ("Sen.", None, None),
    ],
)
def test_political_kind(role: str, affiliation: str | None, kind: str | None) -> None:
    assert political_kind(role, affiliation) == kind


def _person(name: str, kind: str = "official") -> Source:
    return Source(id="s1", name=name, anonymous=False, kind=kind, mentions=((0, len(name)),))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Sen. Ted Cruz, a Republican presidential candidate, spoke in Iowa. Cruz said the "
            "tax plan would pass.",
            "Cruz",
            "interested_party",
        ),
        (
            "The Warren campaign released a plan. Warren said it was fair. Aides to the Warren "
            "campaign said more would follow.",
            "Warren",
            "interested_party",
        ),
        (  # a single campaign may be a past race: no stake without a second mention
            "Obama's campaign in 2008 was different. Obama said the law works.",
            "Obama",
            "official",
        ),
        (
            "Former presidential candidate Mitt Romney criticised the plan. Romney said it fails.",
            "Romney",
            "official",
        ),
    ],
)
def test_candidate_anywhere_in_the_article(text: str, name: str, kind: str) -> None:
    found = candidate(text, _person(name))
    assert found.kind == kind
    if kind == "interested_party":
        assert found.interest_span is not None  # the evidence for the stake is shown


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        (
            "Brian Fallon, Clinton's press secretary, said no. Fallon said.",
            "Fallon",
            [("press secretary", "Clinton")],
        ),
        (
            "In addition, the State Department inspector general, Steve Linick, said no.",
            "Steve Linick",
            [("inspector general", "State Department")],
        ),
        ("Jeff Weaver, said Tuesday that the senator won.", "Weaver", []),
        (  # the name with its title is read at every mention of the surname
            "Republican Rep. Lee Zeldin spoke. Zeldin, a Trump supporter, said the pledge holds.",
            "Republican Rep. Lee Zeldin",
            [("Rep.", "Republican"), ("supporter", "Trump")],
        ),
        ("Ann Lee, Texas, said the senator won.", "Ann Lee", []),
    ],
)
def test_titles_without_an_article(text: str, name: str, titles: list) -> None:
    """ ", Clinton's press secretary," and "the inspector general, Steve Linick,": titles the
    article gives with a comma and no article, only when they name a title."""
    assert list(titles_of(text, name)) == titles


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Republican Rep. Lee Zeldin", "Lee Zeldin"),
        ("Indiana Gov. Mike Pence", "Mike Pence"),
        ("FBI Director James Comey", "James Comey"),
        ("Donald Trump", "Donald Trump"),
        ("the State Department", "the State Department"),
    ],
)
def test_person_name_without_its_title(name: str, person: str) -> None:
    assert _person_name(name) == person


def test_campaign_of_is_the_surname_heading_a_campaign() -> None:
    text = "The Sanders campaign said so. Sanders's presidential campaign denied it."
    assert campaign_of(text, "Bernie Sanders") is not None
    assert campaign_of("The Sanders report said so.", "Bernie Sanders") is None


@pytest.mark.parametrize(
    ("name", "media"),
    [
        ("The Daily Caller", True),
        ("the Boston Globe", True),
        ("ynetnews.com", True),
        ("Haaretz.com", True),
        ("The Blaze", True),
        ("the Justice Department", False),
        ("Ted Cruz", False),
    ],
)
def test_media_names(name: str, media: bool) -> None:
    assert media_name(name) is media


PASSAGES = [
    (
        "Jeff Weaver, Sanders's campaign manager, spoke to reporters on Monday. Later, Weaver "
        "said the senator would stay in the race.",
        "Jeff Weaver",
        "official",
    ),
    (
        "Clinton campaign chairman John Podesta said the emails were stolen.",
        "John Podesta",
        "official",
    ),
    (
        "Democratic strategist Joe Trippi said the numbers looked bad for the governor.",
        "Joe Trippi",
        "official",
    ),
    (
        "Rep. Lee Zeldin, a Trump supporter, said the pledge would hold.",
        "Lee Zeldin",
        "interested_party",
    ),
    (
        "Ted Cruz, the Republican presidential candidate, visited a farm on Monday. Later, "
        "Cruz said ethanol subsidies must end.",
        "Ted Cruz",  # the surname is the person named in full
        "interested_party",
    ),
    (
        "John Smith, a lobbyist for the coal industry, said the rule would cost jobs.",
        "John Smith",
        "interested_party",
    ),
    (
        "Former presidential candidate Mitt Romney said the nominee was a fraud.",
        "Mitt Romney",
        "official",
    ),
    (
        "The Daily Caller reported that the senator had met the donors twice.",
        "Daily Caller",
        "media",
    ),
]


@pytest.mark.parametrize(("passage", "name", "kind"), PASSAGES)
def test_political_and_media_kinds_in_passages(passage: str, name: str, kind: str) -> None:
    sources = {s.name: s.kind for s in analyze_text(passage).sources}
    assert sources.get(name) == kind, sources
