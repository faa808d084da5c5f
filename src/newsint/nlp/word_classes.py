"""WordNet's lexicographer classes of verbs and nouns ("communication", "cognition", ...).

The cue model uses them to carry what it learned about frequent cue words over to rarer ones
("emailed", "requested", "reckon"): a verb with a communication or cognition class among its
first two senses, or a noun whose first sense is a communication, is a cue candidate even when
PolNeAR train never used it as a cue, and every candidate's classes are features. Only a small
table travels with the model (inside ``cues.json``): the classes of the lemmas that can be
candidates. It is derived from Princeton WordNet 3.0 by ``scripts/train_attribution.py``
(licence: ``newsint/models/attribution/WORDNET_LICENSE``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

#: classes that make a verb (in either of its first two senses) a cue candidate
VERB_CUE_CLASSES = frozenset({"communication", "cognition"})
#: classes that make a noun (in its first sense) a cue candidate
NOUN_CUE_CLASSES = frozenset({"communication"})
KEEP = 3  # classes kept per lemma, most frequent sense first


@dataclass(frozen=True, slots=True)
class WordClasses:
    """Lemma -> lexicographer classes of its senses (most frequent first, distinct, at most 3)."""

    verbs: Mapping[str, tuple[str, ...]]
    nouns: Mapping[str, tuple[str, ...]]

    def of(self, tok: Token) -> tuple[str, ...]:
        """The classes of a verb or noun token (by its lemma); () for other words."""
        if tok.pos_ in ("VERB", "AUX"):
            return self.verbs.get(tok.lemma_.lower(), ())
        if tok.pos_ == "NOUN":
            return self.nouns.get(tok.lemma_.lower(), ())
        return ()

    def is_cue_word(self, tok: Token) -> bool:
        """A communication or cognition verb, or a communication noun."""
        if tok.pos_ == "VERB":
            return not VERB_CUE_CLASSES.isdisjoint(self.verbs.get(tok.lemma_.lower(), ())[:2])
        if tok.pos_ == "NOUN":
            return self.nouns.get(tok.lemma_.lower(), ("",))[0] in NOUN_CUE_CLASSES
        return False

    def restricted(self, lemmas: Iterable[str]) -> WordClasses:
        """Only what a cue model with this vocabulary can ask for: cue words and ``lemmas``."""
        keep = set(lemmas)
        verbs = {
            k: v
            for k, v in self.verbs.items()
            if k in keep or not VERB_CUE_CLASSES.isdisjoint(v[:2])
        }
        nouns = {k: v for k, v in self.nouns.items() if k in keep or v[0] in NOUN_CUE_CLASSES}
        return WordClasses(verbs=verbs, nouns=nouns)

    def to_json(self) -> dict[str, dict[str, list[str]]]:
        return {
            "verb": {k: list(v) for k, v in sorted(self.verbs.items())},
            "noun": {k: list(v) for k, v in sorted(self.nouns.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Mapping[str, list[str]]]) -> WordClasses:
        return cls(
            verbs={k: tuple(v) for k, v in data.get("verb", {}).items()},
            nouns={k: tuple(v) for k, v in data.get("noun", {}).items()},
        )


def _lexnames(folder: Path) -> dict[int, str]:
    names = {}
    for line in (folder / "lexnames").read_text(encoding="utf-8").splitlines():
        number, name, _ = line.split()
        names[int(number)] = name.split(".", 1)[1]
    return names


def _read_pos(folder: Path, pos: str, names: dict[int, str]) -> dict[str, tuple[str, ...]]:
    """Classes of every one-word lemma of ``pos`` ("verb" or "noun"), in sense order."""
    class_of: dict[str, str] = {}
    with open(folder / f"data.{pos}", encoding="latin-1") as fh:
        for line in fh:
            if not line.startswith("  "):
                offset, lex_filenum = line.split(maxsplit=2)[:2]
                class_of[offset] = names[int(lex_filenum)]
    table: dict[str, tuple[str, ...]] = {}
    with open(folder / f"index.{pos}", encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, n_synsets, n_pointers = fields[0], int(fields[2]), int(fields[3])
            if "_" in lemma:
                continue  # spaCy lemmas are single tokens
            offsets = fields[6 + n_pointers : 6 + n_pointers + n_synsets]
            classes = list(dict.fromkeys(class_of[o] for o in offsets))
            table[lemma] = tuple(classes[:KEEP])
    return table


def read_wordnet(folder: Path) -> WordClasses:
    """The classes of all one-word verbs and nouns of a WordNet 3.0 ``dict`` folder."""
    names = _lexnames(folder)
    return WordClasses(
        verbs=_read_pos(folder, "verb", names), nouns=_read_pos(folder, "noun", names)
    )
