"""An organisation and its spokesperson; affiliations of titled names (issue 14, spokes5).

Invented passages (none from the dev sets). Each row fails without its rule (docs/sources.md).
"""

from __future__ import annotations

import pytest

from newsint.models import Attribution, Source
from newsint.nlp.profiles import _speaks_for, merge_spokespeople
from newsint.nlp.roles import _body_after, _title_before_name
from newsint.nlp.titles import titles_of
from newsint.pipeline import analyze_text


#: A title before a military rank is one title; the capitalised body before it the affiliation.
@pytest.mark.parametrize(
    ("text", "person", "role", "affiliation"),
    [
        (
            "State Department Press Secretary Rear Adm. Tom Hale",
            "Tom Hale",
            "Press Secretary Rear Adm.",
            "State Department",
        ),
        (
            "Pentagon press secretary Vice Adm. Jo Park",
            "Jo Park",
            "press secretary Vice Adm.",
            "Pentagon",
        ),
        ("NASA administrator Jim Bell", "Jim Bell", "administrator", "NASA"),
    ],
)
def test_title_before_a_rank(text: str, person: str, role: str, affiliation: str) -> None:
    assert _title_before_name(text, person) == (role, affiliation)


#: "a spokesman for the resort": the lower-case body after the role is the affiliation.
@pytest.mark.parametrize(
    ("core", "role", "body"),
    [
        ("a spokesman for the resort", "spokesman", "the resort"),
        ("a spokeswoman with the charity", "spokeswoman", "the charity"),
        ("an official at the port authority", "official", "the port authority"),
        ("a spokesman for Acme", "spokesman", None),  # a name: read as before
        ("a spokesman", "spokesman", None),
    ],
)
def test_body_after_a_role(core: str, role: str, body: str | None) -> None:
    assert _body_after(core, role) == body


def _src(sid: str, name: str, role: str | None, affiliation: str | None, kind: str) -> Source:
    return Source(
        id=sid,
        name=name,
        anonymous=False,
        kind=kind,
        role=role,
        affiliation=affiliation,
        mentions=((0, 1),),
    )


def _said(aid: str, sid: str, start: int, end: int) -> Attribution:
    return Attribution(
        id=aid,
        source=((start, start + 1),),
        cue=(),
        content=((start, end),),
        kind="indirect",
        source_id=sid,
    )


TEXT = "The Harbor Board is reviewing the permits. We have found no fault in the crane."


#: The organisation and its named spokesperson are one source even when each says something
#: of its own; a person the spokesperson speaks for stays a source.
@pytest.mark.parametrize(
    ("org", "merged"),
    [
        (("Harbor Board", None, "organisation"), True),
        (("Harbor Board", "chairman", "official"), False),  # a titled person, not the body
        (("Harbor Foundation", None, "organisation"), False),  # a private body: two sources
        (("Harbor Growers", None, "organisation"), False),  # not a public body
    ],
)
def test_spokesperson_takes_the_body(org: tuple[str, str | None, str], merged: bool) -> None:
    body = _src("s1", org[0], org[1], None, org[2])
    person = _src("s2", "Ann Lee", "spokeswoman", org[0], "official")
    attributions = [_said("a1", "s1", 4, 42), _said("a2", "s2", 44, len(TEXT))]
    sources, linked = merge_spokespeople([body, person], attributions, TEXT)
    assert ([s.name for s in sources] == ["Ann Lee"]) is merged
    assert ({a.source_id for a in linked} == {"s2"}) is merged


#: Lower-case words that name the body between a capitalised place and the title are read
#: with it; a title alone stays as it was.
@pytest.mark.parametrize(
    ("text", "name", "first"),
    [
        (
            "Lima river authority spokesman Jon Ruiz said the dam held.",
            "Jon Ruiz",
            ("river authority spokesman", "Lima"),
        ),
        ("The dam held, spokesman Jon Ruiz said.", "Jon Ruiz", None),
    ],
)
def test_lower_case_body_before_a_title(
    text: str, name: str, first: tuple[str, str | None] | None
) -> None:
    found = titles_of(text, name)
    assert (found[0] if found and found[0][1] else None) == first


#: A role given without its body takes the body another mention of the person gives.
@pytest.mark.parametrize(
    ("passage", "name", "affiliation"),
    [
        (
            '"We are appalled," spokeswoman Ann Lee wrote. "We condemn the attack," said NSC '
            "spokeswoman Ann Lee.",
            "Ann Lee",
            "NSC",
        ),
        ('"We are appalled," spokeswoman Ann Lee wrote.', "Ann Lee", None),
    ],
)
def test_affiliation_from_another_mention(passage: str, name: str, affiliation: str) -> None:
    sources = {s.name: s for s in analyze_text(passage).sources}
    assert sources[name].affiliation == affiliation


#: The body a spokesperson speaks for, however the article names it.
@pytest.mark.parametrize(
    ("org", "role", "affiliation", "speaks"),
    [
        ("the Harbor Board", "spokesman", "Harbor Board", True),
        ("World Trade Organization", "spokesman", "WTO", True),
        ("river authority", "river authority spokesman", "Lima", True),
        ("Dunn’s office", "spokeswoman", "Dunn", True),
        ("Acme Foundation", "spokesman", "foundation", True),
        ("State Department", "spokesman", "Justice Department", False),
        ("Carl Dunn", "spokeswoman", "Dunn", False),  # a person, not a body
    ],
)
def test_speaks_for(org: str, role: str, affiliation: str, speaks: bool) -> None:
    body = _src("s1", org, None, None, "organisation")
    assert _speaks_for(body, _src("s2", "Ann Lee", role, affiliation, "official")) is speaks


#: The lower-case noun before an unnamed spokesperson names the body they speak for.
@pytest.mark.parametrize(
    ("passage", "name", "affiliation"),
    [
        ('"The dam held," a ministry spokesman said.', "a ministry spokesman", "ministry"),
        ('"We will strike," a union spokeswoman said.', "a union spokeswoman", "union"),
        ('"We will strike," a senior spokesman said.', "a senior spokesman", None),
    ],
)
def test_body_before_a_spokesperson(passage: str, name: str, affiliation: str | None) -> None:
    sources = {s.name: s for s in analyze_text(passage).sources}
    assert sources[name].affiliation == affiliation
