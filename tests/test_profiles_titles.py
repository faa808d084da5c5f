"""Role, affiliation and kind from what the article says (issue 14, profiles, third round).

Invented passages (none from the dev sets). Each table is one rule of docs/sources.md; each row
fails without its rule.
"""

from __future__ import annotations

import pytest

from newsint.models import Source
from newsint.nlp.affiliations import employer_after
from newsint.nlp.profile_tables import title_kind
from newsint.nlp.stakes import _stake_phrase, _stake_role
from newsint.pipeline import analyze_text


def _sources(passage: str) -> dict[str, Source]:
    return {s.name: s for s in analyze_text(passage).sources}


def _person(name: str, role: str | None, kind: str = "other") -> Source:
    return Source(id="s1", name=name, anonymous=False, kind=kind, role=role, mentions=((0, 8),))


#: A stake role of several words counts only whole; a counsel's office is no client's lawyer.
@pytest.mark.parametrize(
    ("role", "stake"),
    [
        ("account executive", False),
        ("chief of staff", False),
        ("chief negotiator on the bill", False),
        ("General Counsel", False),
        ("senior trial counsel", False),
        ("chief executive", True),
        ("lawyers", True),
    ],
)
def test_stake_roles_count_whole(role: str, stake: bool) -> None:
    assert (_stake_role(_person("Bo Park", role)) is not None) == stake


#: "has not endorsed" states no stake; a union that endorsed is credited as itself; a claim of
#: responsibility is a stake.
@pytest.mark.parametrize(
    ("text", "kind", "stake"),
    [
        ("Tim Olsen, who has not endorsed a candidate, said the race was open.", "official", False),
        (
            "Acme Union, which endorsed Rob Hale in March, said it would march.",
            "organisation",
            False,
        ),
        ("Mary Dunn, who endorsed Rob Hale in March, said the race was over.", "official", True),
        # a group claiming its own act speaks about its own conduct (guide 3)
        ("Free Hills Front, a rebel group, claimed responsibility.", "organisation", True),
    ],
)
def test_endorsements(text: str, kind: str, stake: bool) -> None:
    name = text.split(",")[0]
    source = Source(id="s1", name=name, anonymous=False, kind=kind, mentions=((0, len(name)),))
    assert (_stake_phrase(text, source) is not None) == stake


#: Titles of several words count whole ("of" is no official's title).
@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("head of sales", None),
        ("head of research", "expert"),
        ("chief of staff", "official"),  # whole, as before
        ("the state's chief medical executive", "official"),
        ("county health officer", "official"),
        ("intelligence chief", "official"),
        ("professor of law", "expert"),
    ],
)
def test_title_phrases(role: str, kind: str | None) -> None:
    assert title_kind(role) == kind


#: The organisation after "of", or after what the person does for it ("who heads ... for").
@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("Jane Ortiz of the Clean Water Trust said so.", "Jane Ortiz", (None, "Clean Water Trust")),
        (
            "Sam Weir, who heads a project on secrecy for the Federation of Concerned Engineers,",
            "Sam Weir",
            ("heads a project on secrecy", "Federation of Concerned Engineers"),
        ),
        ("Kim Lo of Monday's meeting said no.", "Kim Lo", None),
        ("Kim Lo of the Open Fund.\nReuters said no.", "Kim Lo", (None, "Open Fund")),
        ("Kim Lo of Acme Corp. said no.", "Kim Lo", (None, "Acme Corp.")),
        ('"Sales will fall," said Jim Sova with Citigroup.', "Jim Sova", (None, "Citigroup")),
        ("Fox News' Sean Hanley asked if it was off.", "Sean Hanley", (None, "Fox News")),
        ("Trump's Tom Bell said the rally was full.", "Tom Bell", None),
        ("Sen. Tom Bell said the rally was full.", "Tom Bell", None),
    ],
)
def test_employer_after(text: str, name: str, found: tuple[str | None, str] | None) -> None:
    assert employer_after(text, name) == found


#: Role and affiliation through the pipeline, from appositions, titles and possessives.
TITLES: list[tuple[str, str, str | None, str | None]] = [
    (
        "Jane Ortiz of the Clean Water Trust said the dam was unsafe.",
        "Jane Ortiz",
        None,
        "Clean Water Trust",
    ),
    (
        '"It is late," said Mia Lund, education and law professor at the University of '
        "Northern Ohio.",
        "Mia Lund",
        "education and law professor",
        "University of Northern Ohio",
    ),
    (
        '"It is a disaster," said Tom Birch, refugee rights program director at the Open '
        "Borders Fund.",
        "Tom Birch",
        "refugee rights program director",
        "Open Borders Fund",
    ),
    (
        "Dr. Nora Vance, the state's chief medical executive, said the outbreak was slowing. "
        '"We are hopeful," Vance said.',
        "Nora Vance",
        "chief medical executive",
        "state",
    ),
    ("Reporter Gordon Black said the ship had sunk.", "Gordon Black", "Reporter", None),
    (
        "Those talks moved to Oslo, where Secretary of State Tom Kerr met the minister. "
        '"We are close," Kerr said.',
        "Tom Kerr",
        "Secretary of State",
        None,
    ),
    (
        '"It worked," said Wes Gunn, Mr. Sand\'s longtime policy adviser.',
        "Wes Gunn",
        "longtime policy adviser",
        "Mr. Sand",
    ),
    (
        'His chief strategist, Ted Devo, said the ads would run. "It is powerful," said Devo.',
        "Ted Devo",
        "chief strategist",
        None,
    ),
    (
        "The bill would pass, Senate Majority Whip Jon Corn told reporters on Monday.",
        "Jon Corn",
        "Majority Whip",
        "Senate",
    ),
    (
        '"We will win," said Ed Rand, who served as general chairman of the DNC during the 2000 '
        "election.",
        "Ed Rand",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("passage", "name", "role", "affiliation"), TITLES)
def test_role_and_affiliation(
    passage: str, name: str, role: str | None, affiliation: str | None
) -> None:
    # the name as NER gives it may hold the title ("Senate Majority Whip Jon Corn")
    source = next(s for n, s in _sources(passage).items() if n.endswith(name))
    assert (source.role, source.affiliation) == (role, affiliation)


#: Who was there is a witness, whatever the profession (guide 3).
@pytest.mark.parametrize(
    ("passage", "name"),
    [
        (
            "Dr. Ken Abe, an emergency physician who treated the wounded at the scene, said the "
            "injuries were severe.",
            "Ken Abe",
        ),
        ("Lena Fry, a teacher who was aboard the train, said the brakes failed.", "Lena Fry"),
        ("A former hostage, Dan Reyes, said the guards beat him.", "Dan Reyes"),
        ("Two hostages said the gunmen fled.", "two hostages"),
    ],
)
def test_first_hand_is_a_witness(passage: str, name: str) -> None:
    assert _sources(passage)[name].kind == "witness"


#: An unnamed crowd of supporters is ordinary people; a named supporter holds the stake.
def test_a_crowd_of_supporters_is_no_surrogate() -> None:
    sources = _sources(
        "Some Hale supporters said the rally was too long. Mary Dunn, a Hale supporter, said it "
        "was fine."
    )
    assert sources["some Hale supporters"].kind == "other"
    assert sources["Mary Dunn"].kind == "interested_party"


#: A named person of a news outlet, with no other title, is media.
@pytest.mark.parametrize(
    ("passage", "name"),
    [
        (
            'Jenna Ross of Bloomberg News wrote that the deal was dead. "It is over," Ross said.',
            "Jenna Ross",
        ),
        ("CNN's Hala Marsh said the convoy had left.", "Hala Marsh"),
        ("The Atlantic's Jeff Gold said the memo was real.", "Jeff Gold"),
        ("CNBC reported that the deal had collapsed.", "CNBC"),
        ("The Drudge Report said the senator would resign.", "Drudge Report"),
    ],
)
def test_a_person_of_an_outlet_is_media(passage: str, name: str) -> None:
    assert _sources(passage)[name].kind == "media"


#: A former official with no serving office comments as a specialist (guide 3).
@pytest.mark.parametrize(
    ("passage", "name", "kind"),
    [
        (
            '"It will fail," said Rob Ford, a former American ambassador to Syria.',
            "Rob Ford",
            "expert",
        ),
        (
            "Former senator Tom Mitch, now the special envoy to the region, said the talks would "
            "resume.",
            "Tom Mitch",
            "official",
        ),
    ],
)
def test_a_former_official_is_an_expert(passage: str, name: str, kind: str) -> None:
    assert _sources(passage)[name].kind == kind
