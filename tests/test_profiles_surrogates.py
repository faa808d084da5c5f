"""Surrogates and unnamed bodies (judgement guide, section 3): a supporter or ally of someone
the article makes a candidate is an interested party, wherever the article says so; an unnamed
body credited as itself is an organisation, an unnamed outlet media. Table-driven: the
functions alone, then whole passages through the pipeline. Every passage is written for these
tests."""

from __future__ import annotations

import pytest

from newsint.models import Source
from newsint.nlp import kinds
from newsint.nlp.affiliations import employer_after
from newsint.nlp.profile_tables import body_kind, political_kind
from newsint.nlp.source_context import unnamed_body
from newsint.nlp.stakes import backs_candidate
from newsint.nlp.titles import former_official, titles_of
from newsint.pipeline import analyze_text


#: "former" belongs to the description it opens, not to a supporter joined by "and a"; "one of"
#: reads the group the affiliation names; "supporting X" is a supporter.
@pytest.mark.parametrize(
    ("role", "affiliation", "kind"),
    [
        ("former Ohio governor and a key Dunn supporter", None, "interested_party"),
        ("former governor", None, None),
        ("former presidential candidate", None, "official"),
        ("former presidential candidate and now a Dunn supporter", None, "interested_party"),
        ("one", "Dunn's most loyal backers", "interested_party"),
        ("one", "the committee", None),
        ("Texas Republican supporting Dunn", None, "interested_party"),
    ],
)
def test_political_kind(role: str, affiliation: str | None, kind: str | None) -> None:
    assert political_kind(role, affiliation) == kind


DUNN = "The Dunn campaign opened an office. Dunn spoke in Ohio."


#: A supporter's stake is a candidate's: the supported name must be one the article makes a
#: candidate (a campaign, or two contest phrases); a candidacy word in a relative clause is none.
@pytest.mark.parametrize(
    ("text", "role", "affiliation", "stake"),
    [
        (DUNN, "supporter", "Dunn", True),
        (DUNN, "one", "Dunn's most loyal backers", True),
        ("Dunn spoke in Ohio.", "supporter", "Dunn", False),  # Dunn runs for nothing here
        (DUNN, "ally", "House leadership", False),
        (DUNN, "Republican who has not endorsed a candidate", None, False),
        (DUNN, "Republican presidential candidate", None, True),
        ("Delegates supporting Dunn met. Others are supporting Dunn too.", "ally", "Dunn", True),
    ],
)
def test_backs_candidate(text: str, role: str, affiliation: str | None, stake: bool) -> None:
    assert backs_candidate(text, role, affiliation) is stake


#: An apposition after the person's home ("of New York") is read like one after the name.
@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Rep. Ann Holt of New York, a Dunn supporter, spoke.", "Ann Holt", ("supporter", "Dunn")),
        ("Ann Holt of Ohio, the state treasurer, spoke.", "Ann Holt", ("state treasurer", None)),
    ],
)
def test_apposition_after_home(text: str, name: str, title: tuple[str, str | None]) -> None:
    assert title in titles_of(text, name)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("the charity", "organisation"),
        ("some countries", "organisation"),
        ("powerful teachers unions", "organisation"),
        ("the advisory panel", "organisation"),
        ("local television", "media"),
        ("the conservative publication", "media"),
        ("other news organizations", "media"),
        ("security sources in the country", None),  # the head is "sources"
        ("members within both unions", None),
        ("the group", None),  # its people are often witnesses
        ("voters", None),
    ],
)
def test_body_kind(name: str, kind: str | None) -> None:
    assert body_kind(name) == kind


@pytest.mark.parametrize(
    ("name", "kind", "decided"),
    [
        ("the charity", "other", "organisation"),
        ("Clinton's team", "other", "organisation"),  # a possessor is no name of the body
        ("the Dunn Foundation", "other", "other"),  # named: NER's and the rules' to class
        ("the charity", "witness", "witness"),  # already classed
    ],
)
def test_unnamed_body(name: str, kind: str, decided: str) -> None:
    source = Source(id="s1", name=name, anonymous=True, kind=kind, mentions=())
    assert unnamed_body(source).kind == decided


PASSAGES = [
    (
        "The Dunn campaign opened an office in Ohio.\n\nRep. Ann Holt of New York, a Dunn "
        "supporter, said the rally would be the largest of the year.",
        "Ann Holt",
        "interested_party",
    ),
    (
        "The Dunn campaign opened an office in Ohio.\n\nRep. Ann Holt of New York, an ally of "
        "the House leadership, said the bill would pass before the recess.",
        "Ann Holt",
        "official",
    ),
]


@pytest.mark.parametrize(("passage", "name", "kind"), PASSAGES)
def test_kinds_in_passages(passage: str, name: str, kind: str) -> None:
    sources = {s.name: s.kind for s in analyze_text(passage).sources}
    assert sources.get(name) == kind, sources


def test_unnamed_charity_in_a_passage(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules alone (no learned model) make the unnamed charity an organisation."""
    monkeypatch.setattr(kinds, "load_model", lambda *args: None)
    passage = "The flood destroyed the shelter. The charity said it would rebuild by the spring."
    sources = {s.name: s.kind for s in analyze_text(passage).sources}
    assert sources.get("the charity") == "organisation", sources


#: A lawmaker's party given after the name, before the state, is the affiliation (guide 3: the
#: article's own words); a party word opening a clause is not.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("said Senator Ann Holt, Republican of Ohio, on Monday.", (None, "Republican")),
        ("said Representative Ann Holt, Democrat of Vermont.", (None, "Democrat")),
        ("said Ann Holt, Republicans say.", None),
    ],
)
def test_party_of_state(text: str, found: tuple[str | None, str] | None) -> None:
    assert employer_after(text, "Ann Holt") == found


#: A former office makes an expert of someone with no serving one; a past candidacy is no office.
@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("former American ambassador to Syria", "expert"),
        ("Former presidential candidate", "official"),
        ("former nominee", "official"),
    ],
)
def test_former_candidate_is_no_former_official(role: str, kind: str) -> None:
    source = Source(
        id="s1", name="Ann Holt", anonymous=False, kind="official", role=role, mentions=()
    )
    assert former_official(f"Ann Holt, a {role}, said so.", source).kind == kind
