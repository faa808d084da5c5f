"""The hand-written cue lexicon: hedge phrases, news weasels, disputes, denials, non-confirmations.

The lexicon is data (``models/hedging/lexicon.json``): groups of spaCy ``Matcher`` token
patterns, each group with a cue kind, a comment saying why it exists, whether it belongs to
the Szeged/WikiWeasel semantic-uncertainty scheme (``benchmark``) and, for hedges, the
certainty weight a claim scoped by it is multiplied by. This module loads it and matches it;
:mod:`newsint.nlp.hedging` combines the matches with the learned single-word hedge model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from newsint.models import CueKind

#: Folder of the shipped lexicon and learned model. ``newsint/models/`` has no ``__init__``
#: on purpose: it is a data folder beside the ``newsint.models`` module, not a package.
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "hedging"
LEXICON_PATH = MODEL_DIR / "lexicon.json"


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: patterns hold dicts
class Group:
    """One commented group of the lexicon."""

    id: str
    kind: CueKind
    comment: str
    benchmark: bool = False  # semantic uncertainty in the Szeged sense: usable on the benchmark
    weight: float = 1.0  # certainty factor of a hedge of this group (1.0 for non-hedges)
    words: frozenset[str] = frozenset()  # single words (lemma or lower case)
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    name: str
    groups: tuple[Group, ...]
    word_weights: dict[str, float] = field(default_factory=dict)  # certainty factor by lemma
    default_weight: float = 0.65
    hedge_words: frozenset[str] = frozenset()  # the single words of all hedge groups

    def group(self, group_id: str) -> Group:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token offsets, end exclusive
    end: int
    group: Group


def _expand(value: Any, sets: dict[str, list[str]]) -> Any:
    """Replace ``"@name"`` items inside pattern lists by the words of ``sets[name]``."""
    if isinstance(value, dict):
        return {k: _expand(v, sets) for k, v in value.items()}
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                out.extend(sets[item[1:]])
            else:
                out.append(_expand(item, sets))
        return out
    return value


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    raw = json.loads(path.read_text(encoding="utf-8"))
    sets = raw.get("sets", {})
    groups = []
    for g in raw["groups"]:
        groups.append(
            Group(
                id=g["id"],
                kind=g["kind"],
                comment=g.get("comment", ""),
                benchmark=bool(g.get("benchmark", False)),
                weight=float(g.get("weight", 1.0)),
                words=frozenset(w.lower() for w in g.get("words", ())),
                patterns=tuple(tuple(_expand(p, sets)) for p in g.get("patterns", ())),
            )
        )
    certainty = raw.get("certainty", {})
    word_weights = {
        word: float(level) for level, words in certainty.get("levels", {}).items() for word in words
    }
    return Lexicon(
        name=raw["name"],
        groups=tuple(groups),
        word_weights=word_weights,
        default_weight=float(certainty.get("default", 0.65)),
        hedge_words=frozenset(w for g in groups if g.kind == "hedge" for w in g.words),
    )


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab, lexicon: Lexicon, benchmark_only: bool) -> Matcher:
    matcher = Matcher(vocab)
    for g in lexicon.groups:
        if g.patterns and (g.benchmark or not benchmark_only):
            matcher.add(g.id, [list(p) for p in g.patterns])
    return matcher


def match_lexicon(
    doc: Doc, *, lexicon: Lexicon | None = None, benchmark_only: bool = False
) -> list[Match]:
    """All pattern matches of the lexicon in ``doc`` (overlapping, in text order).

    ``benchmark_only`` keeps the groups that are semantic uncertainty in the Szeged scheme.
    Patterns that test ``DEP`` or ``POS`` simply fail on a doc without a parser or tagger.
    """
    lexicon = lexicon or load_lexicon()
    by_id = {g.id: g for g in lexicon.groups}
    matcher = _matcher(doc.vocab, lexicon, benchmark_only)
    out = []
    for match_id, start, end in matcher(doc):
        out.append(Match(start, end, by_id[doc.vocab.strings[match_id]]))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


#: Verbs that take back the denial they govern: "refused to dismiss the claims".
_REFUSING = frozenset({"refuse", "decline", "fail"})
#: Subjects that deny nobody's claim: "no one denies", "nobody disputes", "none questioned".
_NOBODY = frozenset({"nobody", "none", "noone"})


def negated(doc: Doc, match: Match) -> bool:
    """A denial or dispute said not to be made: "did not deny the report", "has never disputed
    the account", "no one denies that ...", "refused to dismiss the claims", "there was no
    denial" (guide 4: a dispute asserts the claim is false, unproven or doubtful; not denying
    it asserts nothing of the kind). A negation inside the match is the cue's own ("is not
    true", "cannot be trusted") and stays."""
    if match.group.kind not in {"dispute", "denial"}:
        return False
    inside = range(match.start, match.end)
    for tok in doc[match.start : match.end]:
        if tok.pos_ == "VERB" and _verb_negated(tok, inside):
            return True
        if tok.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "no" and c.i not in inside for c in tok.children
        ):
            return True  # "there was no denial from Moscow" (not "no evidence", the cue itself)
    return False


def _verb_negated(verb: Token, inside: range) -> bool:
    for child in verb.children:
        if child.dep_ == "neg" and child.i not in inside:
            following = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if following is None or following.lower_ != "only":  # "not only denied ... but"
                return True
        if child.dep_ in {"nsubj", "nsubjpass"} and (
            child.lower_ in _NOBODY
            or any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
        ):
            return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in _REFUSING and head.i not in inside


@lru_cache(maxsize=16)
def lexicon_set(name: str, path: Path = LEXICON_PATH) -> frozenset[str]:
    """A word set of the lexicon (``sets.name`` in ``lexicon.json``)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in raw.get("sets", {}).get(name, ()))


def anonymity(doc: Doc, match: Match) -> bool:
    """A refusal to be named, not to confirm: "who declined to be named", "declined to be
    identified", "refused to give his name", "declined to identify himself". It is the reason a
    source is anonymous (guide 2), said of someone who goes on to speak; counting it as a
    non-confirmation made an anonymous backer of the claim a non-confirmer."""
    if match.group.kind != "non_confirmation":
        return False
    after = [t.lower_ for t in doc[match.start : min(len(doc), match.end + 3)]]
    identity = lexicon_set("identity_words")
    for k, word in enumerate(after):
        if word in identity and k > 0 and after[k - 1] in {"be", "his", "her", "their", "its"}:
            return True  # "to be named", "to give his name"
        if word in {"identify", "name"} and k + 1 < len(after) and after[k + 1].endswith("self"):
            return True  # "declined to identify himself"
    return False


#: Nouns of denial: a dispute of one of them takes the other side ("dismissed the denials").
DENIAL_NOUNS = frozenset({"denial", "denials", "rebuttal", "rebuttals", "refutation"})


def doubled(doc: Doc, match: Match) -> bool:
    """A denial or dispute of a denial: "dismissed Moscow's denials as lies", "rejected the
    Kremlin's denial", "the denials were false". It says the denied thing is so, the side of the
    claim the denial answered, not against it (guide 4: direction matters)."""
    if match.group.kind not in {"dispute", "denial"}:
        return False
    rejecting = lexicon_set("rejecting_verbs")
    for tok in doc[match.start : match.end]:
        if tok.lower_ in DENIAL_NOUNS:
            governor = tok.head.head if tok.dep_ == "pobj" else tok.head
            if tok.dep_ in {"dobj", "nsubjpass", "pobj"} and governor.lemma_.lower() in rejecting:
                return True  # "dismissed (rejected, scoffed at) the denials"
            if tok.dep_ == "nsubj" and _judged_false(tok.head):
                return True  # "the denials were false"
        elif tok.dep_ in {"acomp", "attr"} and any(
            c.dep_ == "nsubj" and c.lower_ in DENIAL_NOUNS for c in tok.head.children
        ):
            return True  # the dispute "false" said of "the denials"
        elif tok.lemma_.lower() in rejecting and any(
            c.dep_ == "dobj" and c.lower_ in DENIAL_NOUNS for c in tok.children
        ):
            return True  # "dismissed the denials as baseless"
    return False


def _judged_false(verb: Token) -> bool:
    """The predicate calls its subject false or not credible ("were false", "is not credible")."""
    judged = lexicon_set("falsity_adjectives") | {"credible", "believable", "lies", "lie"}
    return any(c.dep_ in {"acomp", "attr"} and c.lower_ in judged for c in verb.children)
