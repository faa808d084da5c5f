"""Grades by the judgement guide, section 5 (``newsint.grade.v1``): one rule a case.

Invented claims and sources, graded directly: each case fails without its rule.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsint.grading import grade
from newsint.grading.rules import grade_claim, is_outlet, unspecified_document
from newsint.models import Analysis, Article, Attribution, Claim, Cue, Source
from newsint.summary import summarise


def source(sid: str, name: str, kind: str = "official", **kw: object) -> Source:
    base = {"id": sid, "name": name, "anonymous": False, "kind": kind, "mentions": ((0, 1),)}
    return Source(**{**base, **kw})  # type: ignore[arg-type]


def said(text: str, words: str, aid: str, sid: str) -> Attribution:
    """An attribution of ``words`` (which must stand in ``text``) to source ``sid``."""
    start = text.index(words)
    return Attribution(
        id=aid,
        source=((0, 1),),
        cue=((0, 1),),
        content=((start, start + len(words)),),
        kind="indirect",
        source_id=sid,
    )


CLAIM = "Northgate council will close the harbour bridge for six months of repairs"


def claim(sources: tuple[str, ...], supporters: tuple[str, ...], text: str = CLAIM) -> Claim:
    return Claim(
        id="c1",
        text=text,
        spans=((0, len(text)),),
        source_ids=sources,
        supported_by=sources + supporters,
    )


CASES = [
    # (name, claim's sources, supporters, the sources, what each supporter says, grade)
    (
        "two independent named officials confirm it",
        ("s1",),
        ("s2",),
        [source("s1", "Ana Ruiz", role="mayor"), source("s2", "Tom Berg", role="engineer")],
        {"s2": "the council will close the harbour bridge for repairs"},
        ("B", 1),
    ),
    (
        "a named official on the topic backs it but does not confirm it on the record",
        ("s1",),
        ("s2",),
        [source("s1", "Ana Ruiz", role="mayor"), source("s2", "Tom Berg", role="engineer")],
        {"s2": "Traffic in the old town has never been worse"},
        ("B", 2),
    ),
    (
        "one person under a name and a description is one confirmation",
        ("s1",),
        ("s2",),
        [
            source("s1", "the city's chief engineer"),
            source("s2", "Tom Berg", role="chief engineer"),
        ],
        {},
        ("B", 2),
    ),
    (
        "an outlet relaying the claim is no independent confirmation",
        ("s1",),
        ("s2",),
        [source("s1", "Ana Ruiz", role="mayor"), source("s2", "The Daily Herald", "organisation")],
        {},
        ("B", 2),
    ),
    (
        "state media are an outlet whatever their kind",
        ("s1",),
        ("s2",),
        [source("s1", "Ana Ruiz", role="mayor"), source("s2", "state media", "organisation")],
        {},
        ("B", 2),
    ),
    (
        "a report nobody is named for is no confirmation",
        ("s1",),
        ("s2",),
        [source("s1", "Ana Ruiz", role="mayor"), source("s2", "a new report", "document")],
        {},
        ("B", 2),
    ),
    (
        "a report nobody is named for cannot be judged",
        ("s1",),
        (),
        [source("s1", "early reports", "document")],
        {},
        ("F", 3),
    ),
    (
        "a video from an interested party is that party's word",
        ("s1",),
        ("s2",),
        [
            source("s1", "a new video from Northgate developer Sam Otto", "document"),
            source("s2", "Sam Otto", "interested_party", role="developer"),
        ],
        {},
        ("D", 3),
    ),
    (
        "a statement from the company concerned is the company's word",
        ("s1",),
        (),
        [
            source("s1", "a statement from Harbour Holdings", "document"),
            source("s2", "Harbour Holdings", "interested_party"),
        ],
        {},
        ("D", 3),
    ),
    (
        "anonymous officials carried by another outlet too are still unnamed",
        ("s1",),
        ("s2",),
        [
            source("s1", "a city official", anonymous=True),
            source("s2", "The Daily Herald", "organisation"),
        ],
        {},
        ("F", 3),
    ),
    (
        "an outlet's standing stands beside a named party's word",
        ("s1",),
        ("s2", "s3"),
        [
            source("s1", "a city official", anonymous=True),
            source("s2", "The Daily Herald", "organisation"),
            source("s3", "Harbour Holdings", "interested_party"),
        ],
        {},
        ("B", 3),
    ),
    (
        "an outlet carrying a named party's own account lends it no standing",
        ("s1",),
        ("s2",),
        [
            source("s1", "Harbour Holdings", "interested_party"),
            source("s2", "The Daily Herald", "organisation"),
        ],
        {},
        ("D", 3),
    ),
    (
        "an outlet carrying a named witness's account lends it no standing",
        ("s1",),
        ("s2",),
        [source("s1", "Lee Brand", "witness"), source("s2", "The Daily Herald", "media")],
        {},
        ("C", 3),
    ),
    (
        "an outlet carrying a witness's first-hand account lends it no standing",
        ("s1",),
        ("s2", "s3"),
        [
            source("s1", "a local man", "other", anonymous=True),
            source("s2", "Lee Brand", "witness"),
            source("s3", "The Daily Herald", "media"),
        ],
        {},
        ("C", 3),
    ),
    (
        "one named witness's account alone is possibly true",
        ("s1",),
        (),
        [source("s1", "Lee Brand", "witness")],
        {},
        ("C", 3),
    ),
    (
        "a witness beside a named official is probably true",
        ("s1",),
        ("s2",),
        [source("s1", "Lee Brand", "witness"), source("s2", "Ana Ruiz", role="mayor")],
        {},
        ("B", 2),
    ),
    (
        "the party the claim is about does not confirm it independently",
        ("s1",),
        ("s2",),
        [
            source("s1", "Ana Ruiz", role="mayor"),
            source("s2", "Northgate council", "organisation"),
        ],
        {},
        ("B", 2),
    ),
    (
        "the outlet's own claim does not rest on a speaker who only shares its topic",
        (),
        ("s1",),
        [source("s1", "Ana Ruiz", role="mayor")],
        {"s1": "Traffic in the old town has never been worse"},
        ("F", 3),
    ),
    (
        "the outlet's own claim rests on a speaker who says the same thing",
        (),
        ("s1",),
        [source("s1", "Ana Ruiz", role="mayor")],
        {"s1": "the council will close the harbour bridge for repairs"},
        ("B", 2),
    ),
    (
        "an anonymous official alone cannot be judged",
        ("s1",),
        (),
        [source("s1", "a city official", anonymous=True)],
        {},
        ("F", 3),
    ),
    (
        "an interested party speaking through an unnamed spokesman is the party: D",
        ("s1",),
        (),
        [
            source(
                "s1",
                "a ministry spokesman",
                "interested_party",
                anonymous=True,
                role="spokesman",
                affiliation="ministry",
            )
        ],
        {},
        ("D", 3),
    ),
    (
        "an unnamed interested party that speaks for no body stays unplaced",
        ("s1",),
        (),
        [source("s1", "a resident", "interested_party", anonymous=True, role="resident")],
        {},
        ("F", 3),
    ),
]


@pytest.mark.parametrize(
    ("name", "own", "backers", "sources", "statements", "expected"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_grades(
    name: str,
    own: tuple[str, ...],
    backers: tuple[str, ...],
    sources: list[Source],
    statements: dict[str, str],
    expected: tuple[str, int],
) -> None:
    text = CLAIM + ". " + " ".join(statements.values())
    attributions = [
        said(text, words, f"a{i}", sid) for i, (sid, words) in enumerate(statements.items())
    ]
    grade = grade_claim(claim(own, backers), sources, attributions, [], text)
    assert (grade.reliability, grade.credibility) == expected


def test_an_unresolved_speaker_backed_only_by_an_interested_party_cannot_be_judged() -> None:
    text = "He said that the plan has failed"
    attribution = Attribution(
        id="a1", source=((0, 2),), cue=((3, 7),), content=((13, 32),), kind="indirect"
    )
    owner = source("s1", "Ed Hart", "interested_party")
    grade = grade_claim(
        Claim(
            id="c1",
            text="the plan has failed",
            spans=((13, 32),),
            attribution_ids=("a1",),
            supported_by=("s1",),
        ),
        [owner],
        [attribution],
        [],
        text,
    )
    assert (grade.reliability, grade.credibility) == ("F", 6)


OUTLETS = [
    (source("s", "The Sun", "organisation"), True),
    (source("s", "Haaretz.com", "organisation"), True),
    (source("s", "Don Lemon", "other", role="host"), True),
    (source("s", "Cuban state media", "organisation"), True),
    (source("s", "Jo Lane", "official", role="press secretary"), False),
    (source("s", "the Environmental Protection Agency", "organisation"), False),
    (source("s", "Dr Mia Holt", "expert", role="independent analyst"), False),
]


@pytest.mark.parametrize(("who", "outlet"), OUTLETS, ids=[s.name for s, _ in OUTLETS])
def test_outlets_whatever_their_kind(who: Source, outlet: bool) -> None:
    assert is_outlet(who) is outlet


DOCUMENTS = [
    ("a new report", True),
    ("early reports", True),
    ("A disturbing video posted online", True),
    ("the latest report from Mark Gurman of 9to5Mac", False),
    ("a Pentagon report", False),
    ("the audit", False),
    ("alleged intelligence reports disseminated within the U.S. government", True),
    ("a video posted on Facebook", True),
    ("a report by Amnesty International", False),
    ("a study of the NHS", False),
]


@pytest.mark.parametrize(("name", "unspecified"), DOCUMENTS)
def test_documents_nobody_is_named_for(name: str, unspecified: bool) -> None:
    assert unspecified_document(source("s", name, "document")) is unspecified


def test_a_supporter_who_only_hedges_does_not_confirm() -> None:
    text = CLAIM + ". The bridge could perhaps close for repairs."
    hedge = text.index("could")
    attributions = [said(text, "The bridge could perhaps close for repairs", "a1", "s2")]
    cues = [Cue(span=(hedge, hedge + 5), kind="hedge", text="could")]
    mayor, engineer = source("s1", "Ana Ruiz", role="mayor"), source("s2", "Tom Berg")
    grade = grade_claim(claim(("s1",), ("s2",)), [mayor, engineer], attributions, cues, text)
    assert (grade.reliability, grade.credibility) == ("B", 2)
    plain = grade_claim(claim(("s1",), ("s2",)), [mayor, engineer], attributions, [], text)
    assert plain.credibility == 1


def test_accounts_on_a_platform_are_no_confirmation() -> None:
    accounts = source("s2", "Pro-government Twitter accounts", "document")
    mayor = source("s1", "Ana Ruiz", role="mayor")
    grade = grade_claim(claim(("s1",), ("s2",)), [mayor, accounts], [], [], CLAIM)
    assert grade.credibility == 2


def test_a_claim_credited_through_a_denial_is_the_accused_speaking() -> None:
    text = "The company denied that it paid bribes to win the contract."
    cue = text.index("denied")
    attribution = Attribution(
        id="a1",
        source=((0, 11),),
        cue=((cue, cue + 6),),
        content=((text.index("it paid"), len(text) - 1),),
        kind="indirect",
        source_id="s1",
    )
    firm = source("s1", "Norvik Holdings", "organisation")
    accused = Claim(
        id="c1",
        text="it paid bribes to win the contract",
        spans=attribution.content,
        attribution_ids=("a1",),
        source_ids=("s1",),
    )
    cues = [Cue(span=(cue, cue + 6), kind="denial", text="denied")]
    grade = grade_claim(accused, [firm], [attribution], cues, text)
    assert grade.reliability == "D"
    assert any("the accused denying" in r.text for r in grade.reasons)


REFUSALS = [
    # (the port authority's cue, credibility)
    ("could not confirm", 3),
    ("was not able to independently verify", 3),
    ("was not aware of", 3),
    ("declined to comment on", 2),
]


@pytest.mark.parametrize(("refusal", "credibility"), REFUSALS)
def test_a_credible_source_unable_to_confirm_leaves_it_possibly_true(
    refusal: str, credibility: int
) -> None:
    text = f"{CLAIM}. The port authority {refusal} the closure."
    start = text.index(refusal)
    cue_end = start + len(refusal)
    attribution = Attribution(
        id="a1",
        source=((text.index("The port"), start - 1),),
        cue=((start, cue_end),),
        content=((cue_end + 1, len(text) - 1),),
        kind="indirect",
        source_id="s2",
    )
    mayor, port = source("s1", "Ana Ruiz", role="mayor"), source("s2", "the port authority")
    cues = [Cue(span=(start, cue_end), kind="non_confirmation", text=text[start:cue_end])]
    central = replace(claim(("s1",), ()), not_confirmed_by=("s2",))
    grade = grade_claim(central, [mayor, port], [attribution], cues, text)
    assert (grade.reliability, grade.credibility) == ("B", credibility)


SUMMARIES = [
    # (what the mayor says, the summary's opening words)
    ("Traffic in the old town has never been worse", "is the outlet's own, with no source given"),
    ("the council will close the harbour bridge for repairs", "is the outlet's own; 1 source says"),
]


@pytest.mark.parametrize(("statement", "opening"), SUMMARIES)
def test_the_summary_reads_the_outlets_claim_as_the_grade_does(
    statement: str, opening: str
) -> None:
    text = CLAIM + ". " + statement
    mayor = source("s1", "Ana Ruiz", role="mayor")
    outlet_claim = Claim(
        id="c1", text=CLAIM, spans=((0, len(CLAIM)),), supported_by=("s1",), central=True
    )
    analysis = grade(
        Analysis(
            article=Article(id="d", name="d", text=text, input_format="text"),
            sources=(mayor,),
            attributions=(said(text, statement, "a1", "s1"),),
            claims=(outlet_claim,),
        )
    )
    sourcing = summarise(analysis).summary
    assert sourcing is not None and opening in sourcing.sourcing
