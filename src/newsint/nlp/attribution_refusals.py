"""Refusals to comment that have no verb of answering, and reports that others react to
(judgement guide 1.7 and 4).

- "The White House had no comment", "No comment was immediately available from the ministry",
  "X could not be reached for comment": the refusing party is a
  source, its statement a non-confirmation (``docs/hedging.md``); the cue model has no cue word
  in them, so these rules add the relation.
- "Johnson disputed a Golf.com report saying he was suspended": the participle's words are the
  report's; ``reacted_report`` tells the statement-maker rule not to give them to Johnson.

Data: ``newsint/data/refusals.toml``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from newsint.nlp.attribution_nesting import Rel, span_tokens
from newsint.nlp.attribution_sources import subject_span


@cache
def _tables() -> dict[str, frozenset[str]]:
    raw = resources.files("newsint.data").joinpath("refusals.toml").read_text("utf-8")
    return {name: frozenset(words.split()) for name, words in tomllib.loads(raw).items()}


def _negated(tok: Token) -> bool:
    """``tok`` is a comment with "no" ("no comment", "no immediate comment")."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _from_party(toks: list[Token]) -> Token | None:
    """The object of "from" under any of ``toks`` ("available from X", "comment from X")."""
    for tok in toks:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _subject_of(verb: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _no_comment(comment: Token) -> Rel | None:
    """The relation of "X had no comment", "no comment was available from X": cue the verb (and
    its adjective), content the "no comment" phrase. Not "there was no immediate comment from
    X": an absence, not a refusal (the editor's reading on the own pages judgement set)."""
    verb = comment.head
    content = set(span_tokens(comment))
    words = _tables()
    if comment.dep_ == "dobj" and verb.lemma_.lower() in words["no_comment_verbs"]:
        subj = _subject_of(verb, ("nsubj",))
        if subj is None:
            return None
        source = list(subject_span(subj))
        return Rel(head=verb.i, cue=[verb.i], source=source, content=content - set(source))
    if verb.lemma_.lower() != "be" or comment.dep_ != "nsubj":
        return None
    absent = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in words["absent_words"]]
    party = _from_party([comment, verb, *absent])
    if party is None or not absent:
        return None
    source = list(subject_span(party))
    cue = [verb.i, *(a.i for a in absent)]
    content -= set(source) | {t.i for t in party.head.subtree}
    return Rel(head=verb.i, cue=cue, source=source, content=content - set(cue))


def _unreached(verb: Token) -> Rel | None:
    """ "X could not be reached for comment": the one not reached is the refusing party."""
    if verb.lemma_.lower() != "reach" or not any(c.dep_ == "neg" for c in verb.children):
        return None
    subj = _subject_of(verb, ("nsubjpass",))
    for prep in verb.children:
        if subj is None or prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        if any(c.dep_ == "pobj" and c.lemma_.lower() == "comment" for c in prep.children):
            source = list(subject_span(subj))
            return Rel(head=verb.i, cue=[verb.i], source=source, content=set(span_tokens(prep)))
    return None


def refusal_relations(doc: Doc, taken: set[int]) -> list[Rel]:
    """Refusals to comment with no verb of answering, whose cue is not in ``taken``."""
    found: list[Rel] = []
    for tok in doc:
        rel = None
        if tok.lemma_.lower() == "comment" and tok.pos_ == "NOUN" and _negated(tok):
            rel = _no_comment(tok)
        elif tok.pos_ == "VERB":
            rel = _unreached(tok)
        if rel is not None and rel.source and rel.content and rel.head not in taken:
            found.append(rel)
    return found


def reacted_report(noun: Token) -> bool:
    """``noun`` is the object of a verb of reacting ("disputed a report saying ..."): its
    participle speaks for the report, not for the verb's subject."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _tables()["reaction_verbs"]


__all__ = ["reacted_report", "refusal_relations"]
