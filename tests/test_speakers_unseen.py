"""Speakers and profiles an editor corrected on unseen reports (issue 14, fourth pass).

Invented passages (none from the dev sets or the pages read). Each table is one rule of
docs/sources.md; each row fails without its rule.
"""

from __future__ import annotations

import pytest

from newsint.models import Source
from newsint.pipeline import analyze_text


def _sources(passage: str) -> dict[str, Source]:
    return {s.name: s for s in analyze_text(passage).sources}


#: A role or an affiliation never comes from inside a quotation, nor ends with its marks.
QUOTED: list[tuple[str, str, str | None, str | None]] = [
    (
        '"We had hoped the office would fix the failures at the Bureau of Prisons," Dana Kell '
        "said.",
        "Dana Kell",
        None,
        None,
    ),
    (
        '"The guards failed every inmate at the Riverside Detention Center," Paul Ortega, the '
        "U.S. attorney for the Eastern District, said in a statement.",
        "Paul Ortega",
        "U.S. attorney",
        "Eastern District",
    ),
    (
        "“They were short-staffed at the Northern Correctional Facility,” Mark Rowe said.",
        "Mark Rowe",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("passage", "name", "role", "affiliation"), QUOTED)
def test_no_title_from_a_quotation(
    passage: str, name: str, role: str | None, affiliation: str | None
) -> None:
    source = _sources(passage)[name]
    assert (source.role, source.affiliation) == (role, affiliation)


#: A surname is the person the article names in full ("Lopez" is "Maria Lopez"), also when
#: the full name is only given inside another source's statement, and one person is one source.
FULL_NAMES: list[tuple[str, list[str]]] = [
    (
        "Prosecutors said Maria Lopez and Kevin Dunn had skipped the checks. Lopez and Dunn said "
        "they had done their rounds.",
        ["prosecutors", "Maria Lopez", "Kevin Dunn"],
    ),
]


@pytest.mark.parametrize(("passage", "names"), FULL_NAMES)
def test_a_surname_is_the_person_named_in_full(passage: str, names: list[str]) -> None:
    assert [n if n[:1].isupper() else n.lower() for n in _sources(passage)] == names


#: Titles and stakes the article states anywhere decide the kind (guide 3).
KINDS: list[tuple[str, str, str]] = [
    # a lawyer "who represents" a party to the case holds a legal stake
    (
        "Darnell Wiggs, who represents Ortiz, said his client would fight. “The case is weak,” "
        "Wiggs said.",
        "Darnell Wiggs",
        "interested_party",
    ),
    # a lawmaker "represents" a district: no stake
    (
        "Rep. Ann Cole, who represents Ohio, said the bill was fair.",
        "Ann Cole",
        "official",
    ),
    # a prosecutor's office is an office, not a client's lawyer
    (
        "Paul Ortega, the U.S. attorney for the Eastern District, said the guards lied.",
        "Paul Ortega",
        "official",
    ),
    # a serving rank or office anywhere outranks a specialist's description
    (
        "Lawmakers questioned Lt Col Mark Dale on Tuesday. Dale, a Russia specialist on the "
        "National Security Council, said the call was improper.",
        "Mark Dale",
        "official",
    ),
    # a long apposition still gives the title ("aide")
    (
        "Jane Fox, a senior foreign policy aide to Vice President Hale on the president's July "
        "call with the Ukrainian leader, said the call was unusual.",
        "Jane Fox",
        "official",
    ),
]


@pytest.mark.parametrize(("passage", "name", "kind"), KINDS)
def test_kind_from_what_the_article_states(passage: str, name: str, kind: str) -> None:
    sources = _sources(passage)
    assert sources[name].kind == kind, {n: s.kind for n, s in sources.items()}


def test_a_former_official_at_a_think_tank_stays_an_expert() -> None:
    passage = (
        "Former ambassador John Roe, a fellow at the Atlantic Institute, said the talks would "
        "fail. Roe, a specialist on arms control, added that both sides would walk away."
    )
    assert _sources(passage)["John Roe"].kind == "expert"


#: Titles of two words written capitalised before a name are one title.
COMPOUND_TITLES: list[tuple[str, str, str, str]] = [
    (
        "White House Press Secretary Ann Lee said the hearing was a sham.",
        "Ann Lee",
        "Press Secretary",
        "White House",
    ),
    (
        "Kings County District Attorney Sam Hart said the case would go to trial.",
        "Sam Hart",
        "District Attorney",
        "Kings County",
    ),
    (
        "The walkout went ahead, said Dora Fine, local president of the teachers' union.",
        "Dora Fine",
        "local president",
        "teachers' union",
    ),
]


@pytest.mark.parametrize(("passage", "name", "role", "affiliation"), COMPOUND_TITLES)
def test_title_and_affiliation(passage: str, name: str, role: str, affiliation: str) -> None:
    source = _sources(passage)[name]
    assert (source.role, source.affiliation) == (role, affiliation)


#: Not sources: the thing a misparsed "who" hangs on, a teaser line's subject; "both men" is
#: the two men named before.
def test_who_after_a_comma_is_the_noun_before_it() -> None:
    passage = (
        "Nadia Farr said she hoped the deal would open talks between her government and the "
        "rebels, who have long refused to negotiate with the capital."
    )
    names = [n.lower() for n in _sources(passage)]
    assert not any("talks" in n for n in names), names


def test_a_teaser_line_credits_nobody() -> None:
    passage = (
        "Two guards were charged on Tuesday.\n"
        "Internal memo: Prison guards falsified records of cell checks, inmate counts\n"
        "The guards pleaded not guilty."
    )
    assert not any("guards" in n.lower() for n in _sources(passage))


def test_both_men_are_the_two_named_before() -> None:
    passage = (
        "American Kevin Hart and Canadian Timothy Weeks were abducted in 2016. Hart and Weeks "
        "were freed on Tuesday. Both men claimed at the time that they were being treated well."
    )
    names = list(_sources(passage))
    assert "Kevin Hart" in names and "Timothy Weeks" in names, names


#: A description set off before a name with a comma is the person, with that role; not when
#: the phrase before the comma cannot be the person ("according to exit polls, Tom Reyes won").
BEFORE_THE_NAME: list[tuple[str, str, str | None]] = [
    (
        'The council met on Monday. "We take these reports very seriously," spokesman for the '
        "city council, Alan Price told reporters.",
        "Alan Price",
        "spokesman",
    ),
    ("According to exit polls, Tom Reyes won 30 percent of the vote.", "exit polls", None),
    ('"We will sue," said one of the family\'s attorneys, Justin Bamberg.', "Justin Bamberg", None),
]


@pytest.mark.parametrize(("passage", "name", "role"), BEFORE_THE_NAME)
def test_a_description_before_the_name(passage: str, name: str, role: str | None) -> None:
    sources = _sources(passage)
    assert list(sources) == [name]
    assert sources[name].role == role


#: A company's, a union's or a charity's office speaks for a party with a stake (guide 3:
#: "company or university spokespeople"); a public office does not.
VOICES: list[tuple[str, str, str]] = [
    (
        "Acme Corp. spokesman Dan Roe said the plant would close in May.",
        "Dan Roe",
        "interested_party",
    ),
    (
        "FBI Director James Comey said the case was closed.",
        "James Comey",
        "official",
    ),
    (
        "U.S. Central Command spokesman Colonel Ray Dunn said the strikes hit the town.",
        "Ray Dunn",
        "official",
    ),
    # a campaign's spokesman is an official; "Clinton" is no organisation of its own
    (
        "The Clinton Foundation held a gala. Clinton campaign spokesman Nick Merrill said the "
        "report was false.",
        "Nick Merrill",
        "official",
    ),
]


@pytest.mark.parametrize(("passage", "name", "kind"), VOICES)
def test_the_voice_of_an_organisation(passage: str, name: str, kind: str) -> None:
    source = _sources(passage)[name]
    assert source.kind == kind
    assert (source.interest_span is not None) == (kind == "interested_party")


def test_an_organisation_and_its_spokeswoman_saying_different_things_are_two() -> None:
    passage = (
        'Greenleaf Farms recalled its bagged lettuce on Friday. "We are very upset about this," '
        "Greenleaf Farms spokeswoman Ann Bell said."
    )
    assert set(_sources(passage)) == {"Greenleaf Farms", "Ann Bell"}


def test_a_surname_is_the_full_name_with_its_suffix() -> None:
    passage = (
        "Dr. John H. Marburger III, the president's science adviser, said the report was wrong. "
        "Marburger added that the data were sound."
    )
    assert list(_sources(passage)) == ["John H. Marburger III"]


#: A long apposition is cut where its title ends, only when it names a title; an affiliation
#: stops where a relative clause begins.
LONG_APPOSITIONS: list[tuple[str, str, str | None, str | None]] = [
    (
        "According to Datawatch, the Premom app also shared data with the other two companies "
        "through at least the middle of June last year.",
        "Datawatch",
        None,
        None,
    ),
    (
        "Ryan Fogle, a diplomat at the Canadian embassy in Moscow whom the Russians accuse, "
        "said nothing.",
        "Ryan Fogle",
        "diplomat",
        "Canadian embassy in Moscow",
    ),
]


@pytest.mark.parametrize(("passage", "name", "role", "affiliation"), LONG_APPOSITIONS)
def test_long_appositions(
    passage: str, name: str, role: str | None, affiliation: str | None
) -> None:
    source = _sources(passage)[name]
    assert (source.role, source.affiliation) == (role, affiliation)
