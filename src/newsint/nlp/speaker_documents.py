"""Documents under two mentions (judgement guide 1.1, merge every mention of one speaker; 1.4,
documents are their own sources): "according to a new poll" in the lede and "The PPIC poll"
after it, "recent polling" beside "A Reuters rolling poll", are one document."""

from __future__ import annotations

from spacy.tokens import Doc

from newsint.nlp import text_of
from newsint.nlp.speaker_class import same_family
from newsint.nlp.speaker_entity import _Entity, fold_into


def merge_unnamed_documents(
    doc: Doc, entities: list[_Entity], linked: dict[str, int]
) -> tuple[list[_Entity], dict[str, int]]:
    """An unnamed document in the singular ("a new poll", "recent polling") is the one named
    document of its kind in the article ("the PPIC poll"; the table ``[families]``); nothing
    when the article names two or none."""
    text = text_of(doc)
    named = [i for i, e in enumerate(entities) if e.document and _named(text[slice(*e.full)])]
    into: dict[int, int] = {}
    for index, entity in enumerate(entities):
        phrase = text[slice(*entity.full)].lower().split()
        if not entity.document or index in named or not _bare(phrase, entity.head):
            continue
        same = [i for i in named if same_family(entities[i].head, entity.head)]
        if len(same) == 1:
            into[index] = same[0]
    return fold_into(entities, linked, into)


def _named(phrase: str) -> bool:
    """ "A Reuters rolling poll", "the PPIC poll": a capitalised word after the first."""
    return any(w[:1].isupper() for w in phrase.split()[1:])


#: Words after a document's head that make it a particular one ("polling of union voters").
POSTMODIFIERS = {"of", "from", "by", "in", "on", "for", "about", "among", "that", "which"}


def _bare(words: list[str], head: str) -> bool:
    """ "a new poll", "a poll", "recent polling": one document of that kind in the singular,
    said in at most four words with nothing after its head ("exit polls", "reports" and
    "polling of union voters" may be other ones)."""
    if not head or head.endswith("s") or not words or len(words) > 4:
        return False
    return words[-1] == head and not POSTMODIFIERS & set(words)
