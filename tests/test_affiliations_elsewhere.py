"""Affiliation said beside the name in words the apposition parser misses (issue 14, guide 3:
role and affiliation are the article's own words, from any mention).

Invented passages (none from the dev sets); each row fails without its rule.
"""

from __future__ import annotations

import pytest

from newsint.nlp.affiliations import body_of_role, employer_after, show_before
from newsint.pipeline import analyze_text


#: An apposition after the name: a job, then the organisation after "of", "for", "to", "at" or
#: "with"; an age before it is skipped; a one-word brand counts, a person's name does not.
@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        (
            '"It is safe," said Lena Bray, technical adviser to the Lakeside Water Board.',
            "Lena Bray",
            ("technical adviser", "Lakeside Water Board"),
        ),
        (
            '"It is safe," said Lena Bray, 44, a member of the United Brotherhood of Carpenters.',
            "Lena Bray",
            ("member", "United Brotherhood of Carpenters"),
        ),
        (
            '"It is safe," said Lena Bray, the research director for GreenFuture.org.',
            "Lena Bray",
            ("research director", "GreenFuture.org"),
        ),
        ('Lena Bray, host of KTV\'s "Morning Talk," said so.', "Lena Bray", ("host", "KTV")),
        ('"It is safe," said Lena Bray, adding to the debate.', "Lena Bray", None),
        ('"It is safe," said Lena Bray, referring to Clinton.', "Lena Bray", None),
        ('"It is safe," said Lena Bray, a longtime adviser to Clinton.', "Lena Bray", None),
    ],
)
def test_job_apposed_after_name(text: str, name: str, found: tuple[str, str] | None) -> None:
    assert employer_after(text, name) == found


#: "from" names the employer like "of"; an organisation's name may begin with a digit.
@pytest.mark.parametrize(
    ("text", "name", "org"),
    [
        ("Dr Ann Lee from the Red Cross said the camp was full.", "Ann Lee", "Red Cross"),
        ("Tom Reyes of 3Com Labs said the chip was late.", "Tom Reyes", "3Com Labs"),
        ("A report came from Ann Lee of 9to5Mac. Apple said nothing.", "Ann Lee", "9to5Mac"),
    ],
)
def test_employer_after_from_and_digits(text: str, name: str, org: str) -> None:
    assert employer_after(text, name) == (None, org)


def test_a_number_is_no_organisation() -> None:
    assert employer_after("Tom Reyes of 55 years said so.", "Tom Reyes") is None


#: A job set off by a comma right before the name: the possessor's job ("Carlineo's attorney,
#: Sonya Zoghlin,"), a job of an organisation ("An adviser to the Water Institute (WI), Carl
#: Stein,", "Mr. Hale's lawyer, Tom Reyes,"); a plural noun is no job.
@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        (
            "Carlineo's attorney, Sonya Zoghlin, said the charges were false.",
            "Sonya Zoghlin",
            ("attorney", "Carlineo"),
        ),
        (
            "An adviser to Peru's Institute of Water Studies (Inawa), Carl Stein, said so.",
            "Carl Stein",
            ("adviser", "Peru's Institute of Water Studies"),
        ),
        (
            "The spokesman for the Lakeside Water Board, Tom Reyes, said so.",
            "Tom Reyes",
            ("spokesman", "Lakeside Water Board"),
        ),
        ("Hale's remarks, Tom Reyes said, were harmless.", "Tom Reyes", None),
        ("Mr. Hale's lawyer, Tom Reyes, said so.", "Tom Reyes", ("lawyer", "Mr. Hale")),
    ],
)
def test_job_before_name(text: str, name: str, found: tuple[str, str] | None) -> None:
    assert employer_after(text, name) == found


#: A bare role ("spokesperson Ann Lee wrote") takes the body the article gives that role in
#: another sentence: "a spokesperson for the Water Board", "the Water Board's spokesman".
@pytest.mark.parametrize(
    ("text", "role", "body"),
    [
        (
            "A spokesperson for the Lakeside Water Board said so. Spokesperson Ann Lee agreed.",
            "spokesperson",
            "Lakeside Water Board",
        ),
        (
            "The Water Board's spokesman declined. Later, spokesman Tom Reyes said so.",
            "spokesman",
            "Water Board",
        ),
        ("Spokesman Tom Reyes said the tests were clean.", "spokesman", None),
        ("Chairman Al Ng spoke. Ed Fry was chairman for Ohio Gov. Ted Marsh.", "chairman", None),
        # another named person's title: "Dan Roe, the president of Acme Forum,"
        ("Dan Roe, the president of the Acme Forum, said so. President Al Ng.", "president", None),
        ("A spokeswoman for Acme, Jane Roe, said so. Spokeswoman Al Ng.", "spokeswoman", None),
    ],
)
def test_body_of_role(text: str, role: str, body: str | None) -> None:
    assert body_of_role(text, role) == body


def test_bare_role_takes_body_from_another_sentence() -> None:
    text = (
        "A spokesperson for the Lakeside Water Board said the tests were clean. "
        '"We will test again," spokesperson Ann Lee wrote in a statement.'
    )
    lee = {s.name: s for s in analyze_text(text).sources}["Ann Lee"]
    assert (lee.role, lee.affiliation) == ("spokesperson", "Lakeside Water Board")


#: A presenter's show or outlet named before the name, in the same sentence or the one before:
#: "On Monday's edition of CNN Tonight, host Dan Lear"; none when no outlet is named.
@pytest.mark.parametrize(
    ("text", "name", "show"),
    [
        (
            "On Monday's edition of CNN Tonight, host Dan Lear played the tape.",
            "Dan Lear",
            "CNN Tonight",
        ),
        (
            "He spoke too freely on CBS This Morning. Co-anchor Nora Dell said he was wrong.",
            "Nora Dell",
            "CBS This Morning",
        ),
        ("The mayor spoke on Monday. Host Dan Lear asked him about the tax.", "Dan Lear", None),
        (
            "He spoke on CNN. The mayor left. The council met. Host Dan Lear asked.",
            "Dan Lear",
            None,
        ),
    ],
)
def test_show_before(text: str, name: str, show: str | None) -> None:
    assert show_before(text, text.index(name)) == show
