"""Stated stakes and positions (judgement guide, section 3): the voice of a private body, a
candidacy the article states, and the position of an unnamed group. Table-driven: the
functions alone, then whole passages through the pipeline. Every passage is written for these
tests."""

from __future__ import annotations

import pytest

from newsint.models import Source
from newsint.nlp import kinds
from newsint.nlp.profile_tables import title_kind
from newsint.nlp.source_context import unnamed_position
from newsint.nlp.stakes import _private_voice, campaign_of
from newsint.pipeline import analyze_text


def _source(name: str, role: str | None, affiliation: str | None, kind: str = "official") -> Source:
    return Source(
        id="s1",
        name=name,
        anonymous=False,
        kind=kind,
        role=role,
        affiliation=affiliation,
        mentions=((0, len(name)),),
    )


#: A union's, a trade association's, a company's or a resort's voice speaks for a party with a
#: stake; a public body's does not, nor a body credited as itself.
@pytest.mark.parametrize(
    ("name", "role", "affiliation", "kind", "stake"),
    [
        ("Ana Ruiz", "president", "the Ohio state nurses union", "official", True),
        ("labor leaders", "leaders", None, "other", True),
        ("union officials", "officials", None, "official", True),
        ("Tom Hale", "spokesman", "Harbor Growers Association", "official", True),
        ("Acme executives", "executives", "Acme Corp.", "other", True),
        ("a spokesman for the resort", "spokesman", None, "official", True),
        ("Dan Roe", "spokesman", "Labor Department", "official", False),
        ("Eva Berg", "spokeswoman", "European Union", "official", False),
        ("Eva Berg", "economist", "the teachers union", "expert", False),
        ("the nurses union", None, None, "organisation", False),
        ("Sam Lee", "director", "the state health department", "official", False),
    ],
)
def test_private_voice(name: str, role: str, affiliation: str, kind: str, stake: bool) -> None:
    source = _source(name, role, affiliation, kind)
    assert (_private_voice(source) is not None) is stake


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("The Sanders campaign said so.", "Bernie Sanders", True),  # once is enough
        ("Ms. Warren's presidential bid for the nomination began in May.", "Amy Warren", True),
        ("Obama's 2008 campaign was different, she said.", "Barack Obama", False),  # a past race
        ("Obama's campaign in 2008 was different.", "Barack Obama", False),
        ("Team Trump said so. The Trump campaign agreed.", "Team Trump", False),
        ("Rubio supporters cheered. Many Rubio voters stayed home.", "Marco Rubio", True),
        ("Rubio supporters cheered.", "Marco Rubio", False),  # one contest word is no candidacy
        ("Voters will vote for Kent or endorse Kent in June.", "Paula Kent", True),
    ],
)
def test_campaign_of(text: str, name: str, found: bool) -> None:
    assert (campaign_of(text, name) is not None) is found


PASSAGES = [
    (
        "Ana Ruiz, president of the Ohio state nurses union, said the strike would go on.",
        "Ana Ruiz",
        "interested_party",
    ),
    (
        "A spokesman for the ski resort said the lifts would stay closed for the season.",
        "a spokesman for the ski resort",
        "interested_party",
    ),
    (
        "Gov. Carl Dunn of Ohio toured the plant. The Dunn campaign said the visit was not "
        "political. Dunn said the jobs would stay in the state.",
        "Carl Dunn",
        "interested_party",
    ),
]


@pytest.mark.parametrize(("passage", "name", "kind"), PASSAGES)
def test_stake_kinds_in_passages(passage: str, name: str, kind: str) -> None:
    sources = {s.name: s.kind for s in analyze_text(passage).sources}
    assert sources.get(name) == kind, sources


#: A plural title names the singular's kind; a plural that is no title names none.
@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("senators", "official"),
        ("U.S. commanders", "official"),
        ("analysts", "analyst"),
        ("reporters", "media"),
        ("voters", "other"),  # "voter" is an ordinary person
        ("news", None),
    ],
)
def test_plural_titles(role: str, kind: str | None) -> None:
    assert title_kind(role) == kind


#: The kind follows the stated position, named or not (guide 3); a named or already classed
#: source keeps its kind.
@pytest.mark.parametrize(
    ("name", "role", "anonymous", "kind", "decided"),
    [
        ("some senators", "senators", True, "other", "official"),
        ("U.S. commanders", "commanders", True, "other", "official"),
        ("a reporter", "reporter", True, "other", "media"),
        ("residents", "residents", True, "other", "other"),
        ("Jo Park", "senators", False, "other", "other"),
        ("some senators", "senators", True, "interested_party", "interested_party"),
    ],
)
def test_unnamed_position(name: str, role: str, anonymous: bool, kind: str, decided: str) -> None:
    source = Source(id="s1", name=name, anonymous=anonymous, kind=kind, role=role, mentions=())
    assert unnamed_position(source).kind == decided


def test_unnamed_senators_in_a_passage(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules alone (no learned model) make the group an official."""
    monkeypatch.setattr(kinds, "load_model", lambda *args: None)
    passage = "Some senators said the bill would not pass before the recess."
    sources = {s.name: s.kind for s in analyze_text(passage).sources}
    assert "official" in sources.values(), sources


#: A reigning monarch is a head of state: an official (guide 3).
@pytest.mark.parametrize(
    "role", ["the Jordanian King", "Queen", "the emir of Qatar", "Saudi crown prince"]
)
def test_monarchs_are_officials(role: str) -> None:
    assert title_kind(role) == "official"
