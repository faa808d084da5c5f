"""Title Case headlines, parsed as sentences: "Bellwether County Says Trump Should Win".

spaCy's small English model reads a Title Case line as a run of proper nouns, so the cue
("Says"), its source and its content are lost on the one line that states an article's claim
most often. The component rewrites such a sentence in sentence case, parses that copy with the
same pipeline and copies tags, lemmas and the dependency tree back (never the text, so every
offset stays). A word keeps its capital when the rest of the document writes it capitalised in
mid-sentence and never in lower case (names: "Trump", "GOP"), when it is in capitals ("NRA"),
or when it is unknown to the rest of the document and the entity recogniser took it for a name.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

NAME = "newsint_headline_case"
MIN_WORDS = 3  # words of four letters or more in the sentence
MIN_CAPITALISED = 0.75  # share of those words that start with a capital


@Language.factory(NAME, requires=["token.dep", "token.pos"], assigns=["token.dep", "token.pos"])
def make_headline_case(nlp: Language, name: str) -> HeadlineCase:
    return HeadlineCase(nlp)


class HeadlineCase:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        for sent in list(doc.sents):
            if _title_case(sent):
                self._reparse(doc, sent)
        return doc

    def _reparse(self, doc: Doc, sent: Span) -> None:
        cased = _sentence_case(doc, sent)
        if cased == sent.text:
            return
        alt = self.nlp.make_doc(cased)
        for name, proc in self.nlp.pipeline:
            if name != NAME and name in _PARSING:
                alt = proc(alt)
        aligned = len(alt) == len(sent) and all(
            a.idx == t.idx - sent.start_char for a, t in zip(alt, sent, strict=True)
        )
        if not aligned or sum(1 for a in alt if a.head.i == a.i) != 1:
            return  # the copy split into two sentences or other tokens: keep the first parse
        for a, t in zip(alt, sent, strict=True):
            t.tag_, t.pos_, t.lemma_ = a.tag_, a.pos_, a.lemma_
        # the tree goes in through from_array, which also rebuilds the subtree edges (setting
        # token.head one by one leaves stale left and right edges)
        tree = doc.to_array([HEAD, DEP])  # uint64: a relative head wraps around below zero
        for a, t in zip(alt, sent, strict=True):
            tree[t.i] = ((a.head.i - a.i) % 2**64, a.dep)
        doc.from_array([HEAD, DEP], cast(Ints2d, tree))


#: The pipes whose output the copy needs (not the entity recogniser: entities stay as found).
_PARSING = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"})


def _title_case(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < MIN_WORDS:
        return False
    return sum(t.text[0].isupper() for t in words) / len(words) >= MIN_CAPITALISED


def _sentence_case(doc: Doc, sent: Span) -> str:
    capital, lower = _written_forms(doc, sent)
    chars = list(sent.text)
    for t in sent[1:]:
        if not t.is_alpha or not t.text[0].isupper() or t.text.isupper():
            continue
        word = t.lower_
        if word in capital and word not in lower:
            continue  # a name the article writes with a capital
        if word not in capital and word not in lower and t.ent_type_:
            continue  # unknown elsewhere, and the recogniser took it for a name
        k = t.idx - sent.start_char
        chars[k] = chars[k].lower()
    return "".join(chars)


def _written_forms(doc: Doc, sent: Span) -> tuple[set[str], set[str]]:
    """Words the rest of the document writes capitalised, and in lower case, in mid-sentence."""
    capital: set[str] = set()
    lower: set[str] = set()
    for t in doc:
        if sent.start <= t.i < sent.end or not t.is_alpha or t.is_sent_start:
            continue
        (capital if t.text[0].isupper() else lower).add(t.lower_)
    return capital, lower
