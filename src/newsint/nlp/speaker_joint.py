"""Joint sources split into their members (judgement guide 1.2): "Sens. A, B and C said", a list
the parser splits at its first comma, and set references ("both", "the two") that stand for the
names before them. Each member is resolved by the caller's ``resolve`` (``speakers._resolve_one``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsint.models import Span
from newsint.nlp import entities as doc_entities
from newsint.nlp import text_of
from newsint.nlp.antecedents import (
    set_members,
)
from newsint.nlp.roles import _prefix_before
from newsint.nlp.source_words import TITLE_WORDS
from newsint.nlp.speaker_class import _token_class
from newsint.nlp.speaker_entity import _Entity

#: How a member's span is resolved to a speaker: ``(doc, spans, entities, last) -> index``.
Resolve = Callable[[Doc, tuple[Span, ...], list[_Entity], int | None], int | None]


#: Entity labels whose conjoined mentions are separate speakers ("Sens. A, B and C").
JOINT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def _coordinated(head: Token) -> list[Token]:
    """The heads coordinated with ``head`` ("A, B and C"), also when the parser hangs the list
    on the first name as an apposition ("Tom Carper, Dianne Feinstein and Ben Cardin");
    only with a coordinating "and"/"or" among them."""
    heads = [head, *head.conjuncts]
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ and child.conjuncts and _next_to(head, child):
            heads += [child, *child.conjuncts]
    heads = sorted(set(heads), key=lambda t: t.i)
    if not any(c.dep_ == "cc" for t in heads for c in t.children):
        return []
    if head.ent_type_ == "PERSON":  # "Ann Roe, intelligence analyst and Iraq specialist with"
        heads = [t for t in heads if not _bare_title(t)]
    return heads


def _next_to(head: Token, apposed: Token) -> bool:
    """A name right after the head's comma ("Tom Carper, Dianne Feinstein and ..."), not one
    the parse hangs there from further on ("Geoffrey Cowan, an activist and author of Let the
    People Rule: Theodore Roosevelt and the Birth of ...": a book's title)."""
    return all(t.text == "," for t in head.doc[head.i + 1 : apposed.left_edge.i])


def _list_heads(phrase: SpacySpan) -> list[Token]:
    """The members' heads of a list phrase; "CNN, Fox News and ABC", whose first name the parser
    hangs off the verb (``attribution_sources`` rule 7), is the first name and the list after it."""
    tops = [
        t
        for t in phrase
        if t.dep_ != "punct" and (t.head == t or not phrase.start <= t.head.i < phrase.end)
    ]
    if len(tops) == 2 and tops[0].pos_ == "PROPN" and tops[0].dep_ != "cc":
        rest = _coordinated(tops[1])
        if rest:
            return [tops[0], *rest]
    return _coordinated(phrase.root)


def _titled_heads(doc: Doc, heads: list[Token]) -> list[Token]:
    """The members' heads with titles read as the names they open (guide 1.2 splits people, not
    titles): "Mayor" of "Gov. Ann Roe and Mayor Tom Poe" is Poe (the parse hangs the name on
    the first member); "Vice President" of "Fox News Vice President and Managing Editor Bill
    Roe" is Roe's first title, no member of its own."""
    named = []
    for head in heads:
        after = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if _title_before_name(head) and after is not None and after.ent_type_ == "PERSON":
            ent = next(e for e in doc_entities(doc) if e.start <= after.i < e.end)
            named.append(ent.root)
        else:
            named.append(head)
    if any(t.ent_type_ == "PERSON" for t in named):
        named = [t for t in named if not _title_before_name(t)]
    names = [t.i for t in named if t.ent_type_ == "PERSON" or t.pos_ == "PROPN"]
    if names:
        named = [t for t in named if not _title_of_next(t, names)]
    return sorted(set(named), key=lambda t: t.i)


def _title_of_next(token: Token, names: list[int]) -> bool:
    """A lower-case title with no determiner before a named member ("spokeswoman" of "Government
    spokeswoman and First Lady Ann Roe"): the person's first title, no member of its own."""
    return (
        token.i < min(names)
        and _bare_title(token)
        and (token.lower_ in TITLE_WORDS or _token_class(token, 3) in {"person", "agentive"})
    )


def _title_before_name(token: Token) -> bool:
    """A title with no name and no determiner ("Vice President", "Mayor"), capitalised and in
    the singular."""
    return (
        not token.ent_type_
        and token.text[:1].isupper()
        and token.tag_ in {"NN", "NNP"}
        and (token.lower_ in TITLE_WORDS or _token_class(token, 3) in {"person", "agentive"})
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in token.children)
    )


def _bare_title(token: Token) -> bool:
    """A singular common noun with no determiner, after a name: a description of the person
    the parse took for another member of a list ("analyst" of "Ann Roe, intelligence analyst
    and Iraq specialist"), unlike "other companies" or "the FBI"."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in token.children)
    )


def _joint(
    doc: Doc, spans: tuple[Span, ...], entities: list[_Entity], resolve: Resolve
) -> list[tuple[_Entity, Span]]:
    """A joint source split into its members (judgement guide 1.2): "Sens. Tom Carper, Dianne
    Feinstein and Ben Cardin said", "The US, France, Germany and Canada have agreed", "Both the
    White House and FBI declined". Each member is resolved like a source of its own; nothing
    when the phrase is one name ("Smith & Wesson") or a member cannot speak."""
    phrase = doc.char_span(spans[0][0], spans[-1][1], alignment_mode="expand")
    if phrase is None:
        return []
    listed = _list_heads(phrase)
    heads = _titled_heads(doc, listed)
    # "Government spokeswoman and First Lady Ann Roe" (a name NER missed): Roe alone
    alone = len(heads) == 1 < len(listed) and heads[0].pos_ == "PROPN" and not heads[0].ent_type_
    if (len(heads) < 2 and not alone) or _abbreviated_whole(doc, heads):
        return []
    out: list[tuple[_Entity, Span]] = []
    for head in sorted(heads, key=lambda t: t.i):
        ent = next((e for e in doc_entities(doc) if e.start <= head.i < e.end), None)
        if ent is not None and all(ent.start <= t.i < ent.end for t in heads):
            return []  # one name for the whole phrase ("Smith & Wesson")
        if ent is not None and ent.label_ in JOINT_LABELS:
            span = (ent.start_char, ent.end_char)
        elif head.pos_ in {"PROPN", "NOUN"}:
            left = min(
                (c.left_edge.i for c in head.lefts if c.dep_ not in {"cc", "punct", "preconj"}),
                default=head.i,
            )
            span = (doc[left].idx, head.idx + len(head))
        else:
            return []
        index = resolve(doc, (span,), entities, None)
        if index is None:
            return []
        out.append((entities[index], span))
    if len({id(e) for e, _ in out}) < (1 if alone else 2):
        return []
    title = PLURAL_TITLES.get(_prefix_before(text_of(doc), out[0][1][0]).split(" ")[-1].lower())
    for entity, _ in out[1:]:
        if title and entity.person and entity.shared_title is None:
            entity.shared_title = title
    return out


#: "(ISIS)" after a phrase: the initials of the phrase's capitalised words.
ABBREVIATION = re.compile(r"^\s*\((?P<letters>[A-Z]{2,8})\)")


def _abbreviated_whole(doc: Doc, heads: list[Token]) -> bool:
    """ "the Islamic State of Iraq and Syria (ISIS)": a list whose abbreviation in brackets after
    it spells the initials of all its capitalised words is one name, not a joint source."""
    last = max(heads, key=lambda t: t.i)
    match = ABBREVIATION.match(text_of(doc)[last.idx + len(last) : last.idx + len(last) + 12])
    if match is None:
        return False
    first = min(heads, key=lambda t: t.i)
    start = min(first.left_edge.idx, first.idx)
    capitals = re.findall(r"\b[A-Z]", text_of(doc)[start : last.idx + len(last)])
    return "".join(capitals) == match["letters"]


def _set_reference(
    doc: Doc, spans: tuple[Span, ...], entities: list[_Entity], resolve: Resolve
) -> list[tuple[_Entity, Span]] | None:
    """ "Clinton and Sanders ... Both are quick to praise teachers": a joint source of the names
    the set reference stands for (guide 1.2), each resolved like a source of its own; None
    when it is a set reference without them (no speaker), [] when it is none."""
    names = set_members(doc, (spans[0][0], spans[-1][1]))
    if not names:
        return None if names == [] else []
    out = []
    for name in names:
        index = resolve(doc, (name,), entities, None)
        if index is None:
            return None
        out.append((entities[index], name))
    return out if len({id(e) for e, _ in out}) == len(out) else None


#: A title before a list of names belongs to each of them: "Sens. A, B and C".
PLURAL_TITLES = {"sens.": "Sen.", "reps.": "Rep.", "senators": "Sen.", "representatives": "Rep.",
                 "govs.": "Gov.", "drs.": "Dr."}  # fmt: skip
