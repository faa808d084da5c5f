"""Sources the attribution layer used to miss (issue 14, recall, fifth round): the place a
post was given is no topic, a speaker phrase after a quotation the parser broke, a party an
outlet cites or quotes, a colon that introduces the next paragraph's quotation.

Invented passages (none from the dev sets); each row fails without its rule.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsint.nlp.attribution import find_attributions


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsint.nlp import load_pipeline

    return load_pipeline()


def _relations(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """(cue, source, content) texts of every attribution of ``text``."""
    out = []
    for att in find_attributions(nlp(text)):
        cue, source, content = (
            " ".join(text[s:e] for s, e in part) for part in (att.cue, att.source, att.content)
        )
        out.append((cue, source, content))
    return out


#: "on Twitter", "on his radio show" is where the words were given, not their topic: the
#: quotation next to the cue is the content (``attribution_content.topic``, CHANNEL_WORDS).
CHANNELS: list[tuple[str, str, str]] = [
    ('"Shame on the council," Dana Ortiz wrote on Facebook.', "wrote", "Shame on the council"),
    ('"Nobody asked us," Dana Ortiz posted on Instagram.', "posted", "Nobody asked us"),
    (
        '"Saw it. I\'m stunned by the cruelty of it all," screenwriter Ana Ruiz wrote on Twitter.',
        "wrote",
        "stunned by the cruelty",
    ),
]


def test_topic_after_on_is_kept(nlp: Language) -> None:
    rels = _relations(nlp, "The senator commented on the budget on Tuesday.")
    assert any("budget" in content for cue, _, content in rels if cue == "commented"), rels


#: '"...," screenwriter Ana Ruiz wrote': a quotation of two sentences and a title word tagged
#: as a verb left "wrote" without subject (and the relation was dropped); the phrase between
#: the quotation and the cue speaks (``attribution_quoted.name_after_quote``).
AFTER_QUOTE: list[tuple[str, str, str]] = [
    (
        "\"Saw the clip. I'm impressed by his ability to insult literally every kind of human "
        'being," screenwriter Ana Ruiz wrote.',
        "wrote",
        "Ana Ruiz",
    ),
]


#: A refusal to answer is a candidate however low the cue model scores it
#: (``attribution_relation.refusing``; the refusal had been lost in this parse).
REFUSALS: list[tuple[str, str, str]] = [
    (
        "Minsk refused to comment but diplomatic sources in the region said Belarus, which the "
        "envoy visited for talks last month, had been involved in the negotiations.",
        "refused",
        "Minsk",
    ),
]


@pytest.mark.parametrize(
    ("text", "cue", "part"),
    [pytest.param(*row, id="channel") for row in CHANNELS]
    + [pytest.param(*row, id="after-quote") for row in AFTER_QUOTE]
    + [pytest.param(*row, id="refusal") for row in REFUSALS],
)
def test_cue_keeps_its_quotation_and_speaker(nlp: Language, text: str, cue: str, part: str) -> None:
    """The channel rows name a part of the content, the other rows one of the source."""
    rels = [(s, content) for c, s, content in _relations(nlp, text) if c == cue]
    assert any(part in s or part in content for s, content in rels), rels


#: "TASS quoted officials" (guide 1.5): the party an outlet cites is credited with what the
#: outlet reports through it (``attribution_cited.cited_sources``).
CITED: list[tuple[str, str, str]] = [
    (
        "A report in the Herald, citing two senior officials, said the strike had been approved.",
        "two senior officials",
        "strike had been approved",
    ),
    (
        "The rebels have taken the airport, the agency reported, citing two local officials.",
        "two local officials",
        "taken the airport",
    ),
    (
        "The Herald, citing three council members, said that the vote would be delayed.",
        "three council members",
        "vote would be delayed",
    ),
    (
        "The bridge was closed after the storm, the news agency said, quoting a police spokesman.",
        "a police spokesman",
        "bridge was closed",
    ),
]


#: A colon closing its line introduces the quotation that opens the next paragraph
#: (``attribution_content.intro_quote``): "X had this to say:", a document in the passive.
INTROS: list[tuple[str, str, str]] = [
    ("The senator had this to say:\n“We will fight this in every court.”", "The senator", "fight"),
    (
        'Here is what the coach had to say:\n\n"We are not going anywhere."',
        "the coach",
        "not going anywhere",
    ),
    (
        'The paper changed its story. The following correction was added:\n"Correction: An '
        'earlier version of this story misstated the date."',
        "The following correction",
        "misstated the date",
    ),
    (
        "Police questioned the artist for hours. A video was even produced purporting to reveal "
        "his identity:\n“The city police say the artist is a 35-year-old man from Leeds.”",
        "A video",
        "35-year-old man",
    ),
]


@pytest.mark.parametrize(("text", "source", "said"), CITED + INTROS)
def test_party_is_credited(nlp: Language, text: str, source: str, said: str) -> None:
    """A cited party and the speaker of a colon introduction, each with its content."""
    rels = _relations(nlp, text)
    assert any(s == source and said in content for _, s, content in rels), rels


#: Guards of the rules above: (passage, a source that must not appear).
NOT_CREDITED: list[tuple[str, str]] = [
    # a cited reason is no party
    ("He resigned last week, citing health reasons.", "health reasons"),
    ("The airline cancelled the flights, citing the storm.", "the storm"),
    # a reason for a refusal, not a cited party
    (
        "The spokesman, citing an ongoing investigation, declined to comment on the report.",
        "an ongoing investigation",
    ),
    # a person's cited witnesses are nested in the person's statement (guide 1.5)
    (
        "The jets flew low over the base, he said, citing witnesses in the province.",
        "witnesses in the province",
    ),
    # a passive that credits no document
    ("Those who read the page were given a moving account:\n“Our friend passed away.”", "Those"),
    # the quotation has its own cue after it
    ('The agent, too:\n"These claims are completely false," agent Mark Lee said.', "The agent"),
]


@pytest.mark.parametrize(("text", "absent"), NOT_CREDITED)
def test_not_credited(nlp: Language, text: str, absent: str) -> None:
    rels = _relations(nlp, text)
    assert not any(s.startswith(absent) for _, s, _ in rels), rels
