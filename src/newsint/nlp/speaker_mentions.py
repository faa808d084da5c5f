"""Which known speaker another mention is (judgement guide 1.1, merge every mention of one
speaker; 1.8, poll respondents belong to the poll): a person's remarks ("Starr's remarks"), a
one-word name of a longer one ("Blanco" of "Inaky Blanco"), voters read in figures (the poll).
Used by :mod:`newsint.nlp.speakers`."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsint.models import Span
from newsint.nlp.mention_names import person_name, same_person
from newsint.nlp.source_words import APOSTROPHES, PRONOUNS, STRIP_DET
from newsint.nlp.speaker_class import _speaker_table
from newsint.nlp.speaker_entity import _Entity

#: Heads of groups of voters a poll reads ("Republican voters", "caucusgoers").
VOTERS = {"voters", "voter", "caucusgoers", "caucus-goers", "respondents", "electorate"}
#: A figure a poll gives: "46 percent", "34%", "8 points", "6 in 10".
FIGURE = re.compile(r"\d\s*(?:%|percent\b|per cent\b|(?:percentage\s+)?points?\b|in\s+10\b)")


def voters_in_figures(doc: Doc, start: int, end: int, head: str) -> bool:
    """ "Republican voters were far less divided, 62 percent to 30 percent": voters a figure is
    read for in their own sentence are the poll's respondents (guide 1.8)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if head not in VOTERS or span is None:
        return False
    return bool(FIGURE.search(span.sent.text))


#: "Starr's remarks", "Zornick's comment": a person's spoken words, credited as the person (guide
#: 1.4 and 1.9: a discrete artefact such as "Mr. Dickson's letter" is a document; remarks are
#: not one).
SPOKEN = re.compile(
    r"^(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)'s?\s+(?:[a-z-]+\s+)?"
    r"(?:remarks?|comments?|words|answers?|replies|reply|response)$"
)


def spoken_by(text: str, entities: list[_Entity]) -> int | None:
    """ "Starr's remarks", "Zornick's comment" (guide 1.1, merge every mention of one speaker):
    the known person whose words they are."""
    spoken = SPOKEN.match(text)
    if spoken is None:
        return None
    owner = person_name(spoken["owner"])
    found = [i for i, e in enumerate(entities) if e.person and same_person(e.person, owner)]
    return found[-1] if found else None


#: Classes of heads that never stand alone for a longer name ("House" is not "White House").
NOT_SHORT_NAMES = {"organisation", "polity", "group", "person", "quantifier"}


def last_word_of(short: str, name: str) -> bool:
    """ "Blanco" of "Inaky Blanco", "Post" of "Washington Post" (guide 1.1, merge every mention of
    one speaker): a one-word name that is the last word of a longer one, not a common head of an
    institution ("House" of "White House", "Party" of "Republican Party")."""
    short = re.sub(r"'s$", "", STRIP_DET.sub("", short.translate(APOSTROPHES)).strip())
    words = re.sub(r"'s$", "", STRIP_DET.sub("", name.translate(APOSTROPHES)).strip()).split()
    if " " in short or len(words) < 2 or not short[:1].isupper() or short != words[-1]:
        return False
    return _speaker_table().classes.get(short.lower()) not in NOT_SHORT_NAMES


#: "My name is Luke Somers.": a speaker who names himself at the start of his own words.
SELF_NAMED = re.compile(
    r"^\W*(?i:my name is)\s+(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]*){1,3})"
)


def self_named(text: str, content: tuple[Span, ...], source: str) -> str | None:
    """'He said: "My name is Luke Somers. I'm 33 years old."': the person who names himself in
    his own quotation is its speaker (guide 1.1: a person named anywhere is named), not the
    person "he" would stand for; only for a pronoun or an unnamed source."""
    if not content or (source[:1].isupper() and source.lower() not in PRONOUNS):
        return None
    match = SELF_NAMED.match(text[content[0][0] : content[0][1]].translate(APOSTROPHES))
    return person_name(match["name"]) if match else None
