"""One speaker, one source: how mentions of one person are recognised as the same speaker.

Invented passages (none from the dev sets). Each row is a passage and the names of its sources,
in order; each rule's rows fail without the rule (see docs/sources.md, "Speakers").
"""

from __future__ import annotations

import pytest

from newsint.pipeline import analyze_text

NAMES: list[tuple[str, list[str]]] = [
    # a title without its full stop is no given name ("Insp Taylor" is "Stewart Taylor")
    (
        'Inspector Stewart Taylor said the dog had been left at the station. "We want to find '
        'the owner," Insp Taylor said.',
        ["Stewart Taylor"],
    ),
    (
        "Det Supt Mary Holt said the road would stay closed. Supt Holt added that the driver "
        "was safe.",
        ["Mary Holt"],
    ),
    (
        "Cllr Peter Jones said the budget was fair. Cllr Jones said the vote would be close.",
        ["Peter Jones"],
    ),
    # a unique office is the one person the article gives it to as a title
    (
        "Attorney General Carlos Ruiz spoke in the capital on Tuesday. Mexico's attorney "
        "general said the graves held 28 bodies.",
        ["Carlos Ruiz"],
    ),
    (
        "Mexico's attorney general said the graves held 28 bodies. Attorney General Carlos Ruiz "
        "spoke in the capital on Tuesday.",
        ["Carlos Ruiz"],
    ),
    (
        "Helen Marsh, the state treasurer, spoke on Monday. The state treasurer said the fund "
        "was short by $2 million.",
        ["Helen Marsh"],
    ),
]

#: An office two people hold, or a lower one with the same word, names nobody.
NOT_HOLDERS: list[tuple[str, str]] = [
    (
        "The president said the visit had gone well. Vice President Joe Hale met the delegation "
        "on Monday.",
        "the president",
    ),
    (
        "The president said the talks had gone well. President Tom Ames met President Luis Vera "
        "on Monday.",
        "the president",
    ),
    (
        "The candidate said the race was tight. Senate candidate Russ Nolan spoke first.",
        "the candidate",
    ),
]

#: "he" or "she" never stands for an organisation or a document when a person could speak.
PRONOUNS: list[tuple[str, str, str]] = [
    (
        "A spokeswoman for the council said the road would reopen. The Courier reported the "
        'closure on Monday. "It is safe now," she said.',
        "a spokeswoman for the council",
        "Courier",
    ),
    (
        "A police officer said the crowd had been calm. A report by the city found no damage. "
        '"Nobody was hurt," he said.',
        "a police officer",
        "a report by the city",
    ),
]


#: "she" is never a man the article named, nor "he" a woman (given names, honorifics, titles).
GENDER: list[tuple[str, str, str]] = [
    (
        "Karen Ostrow met John McGraw at the rally. John McGraw was arrested later. "
        '"I was scared," she said.',
        "Karen Ostrow",
        "John McGraw",
    ),
    (
        "Mrs. Alder spoke after Peter Blum. Peter Blum said the plan was weak. Alder agreed. "
        '"We need more time," she said.',
        "Alder",
        "Peter Blum",
    ),
    (
        "Spokeswoman Dana Pratt said the talks had stalled. Senator Mark Owens said they would "
        "resume. Later, she said the date was not fixed.",
        "Dana Pratt",
        "Mark Owens",
    ),
]


def _names(passage: str) -> list[str]:
    return [s.name for s in analyze_text(passage).sources]


@pytest.mark.parametrize(("passage", "names"), NAMES)
def test_one_source_per_person(passage: str, names: list[str]) -> None:
    assert _names(passage) == names


@pytest.mark.parametrize(("passage", "description"), NOT_HOLDERS)
def test_an_office_held_by_nobody_named_stays_a_description(passage: str, description: str) -> None:
    assert description in [n.lower() for n in _names(passage)]


@pytest.mark.parametrize(("passage", "person", "other"), PRONOUNS)
def test_he_or_she_is_a_person_not_the_outlet(passage: str, person: str, other: str) -> None:
    analysis = analyze_text(passage)
    counts = {s.name: s.statements for s in analysis.sources}
    assert counts.get(person) == 2, counts
    assert counts.get(other, 0) <= 1, counts


@pytest.mark.parametrize(("passage", "woman", "man"), GENDER)
def test_she_is_not_a_man(passage: str, woman: str, man: str) -> None:
    analysis = analyze_text(passage)
    names = {s.id: s.name for s in analysis.sources}
    she = next(a for a in analysis.attributions if passage[slice(*a.source[0])] == "she")
    owner = names.get(she.source_id or "", "")
    assert man not in owner, (owner, names)
    assert woman in owner or woman == "Alder", (owner, names)  # "Alder agreed" is no statement


#: Heads the speaker table did not know: compounds of person words, "the 36-year-old", media,
#: documents and organisations credited as themselves.
SPEAKING_HEADS: list[tuple[str, str]] = [
    ('One schoolgirl wrote: "I am afraid of the exam."', "one schoolgirl"),
    ("A local neurosurgeon said the injuries were severe.", "a local neurosurgeon"),
    ("Local television reported that the bridge had collapsed.", "local television"),
    (
        "An internet directory search shows that the site is based in Ohio.",
        "an internet directory search",
    ),
    (
        "The specs of the new charger indicate that it supports fast charging.",
        "the specs of the new charger",
    ),
    (
        "Many resorts have shifted their focus, acknowledging that the snow will not return.",
        "many resorts",
    ),
    ('A Facebook page set up by the family posted a statement: "We miss him."', "a facebook page"),
    (
        "The paper's correction reads: the earlier version misstated the date.",
        "the paper's correction",
    ),
]


@pytest.mark.parametrize(("passage", "name"), SPEAKING_HEADS)
def test_a_head_that_can_speak_is_a_source(passage: str, name: str) -> None:
    assert any(name in n.lower() for n in _names(passage)), _names(passage)


def test_an_epithet_by_profession_is_the_person_named_before() -> None:
    passage = (
        "Ben Mason toured the hospital on Monday. The retired neurosurgeon said the wards were "
        "full."
    )
    assert _names(passage) == ["Ben Mason"]


#: A delayed lede: the person described in the first paragraph is named as the subject of the
#: next one.
DELAYED_LEDES: list[tuple[str, list[str]]] = [
    (
        "Rebels forced villagers to dig their own graves, according to a British man who joined "
        "the fight against them.\n\nTom Hadley, 41, of Leeds left his job to fight in the north.",
        ["Tom Hadley"],
    ),
    (
        "The storm flattened every house on the island, said an Australian woman who rode it "
        "out.\n\nKaren Mills, 35, spent two nights in a school gym with her children.",
        ["Karen Mills"],
    ),
    # the next paragraph names him after his title, and the source span stops at the title
    (
        "Militants are firing shells packed with scorpions into villages, a British military "
        "expert has revealed.\n\nFormer head of chemical weapons for the British army Hamish "
        'Gordon described the attacks as madness.\n\nHe told a newspaper: "It is a crude '
        'weapon."',
        ["Hamish Gordon"],
    ),
]


@pytest.mark.parametrize(("passage", "names"), DELAYED_LEDES)
def test_a_delayed_lede_names_the_person(passage: str, names: list[str]) -> None:
    assert _names(passage) == names
