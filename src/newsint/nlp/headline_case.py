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

from collections import Counter
from typing import cast

from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

NAME = "newsint_headline_case"
_Forms = Counter[tuple[str, bool]]
MIN_WORDS = 3  # words of four letters or more in the sentence
MIN_CAPITALISED = 0.75  # share of those words that start with a capital
#: The pipes whose output the copy needs (not the entity recogniser: entities stay as found).
_PARSING = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"})


@Language.factory(NAME, requires=["token.dep", "token.pos"], assigns=["token.dep", "token.pos"])
def make_headline_case(nlp: Language, name: str) -> HeadlineCase:
    return HeadlineCase(nlp)


class HeadlineCase:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        titles = [sent for sent in doc.sents if _title_case(sent)]
        if titles:
            forms = _written_forms(doc)  # once per document, not once per headline
            for sent in titles:
                self._reparse(doc, sent, forms)
        return doc

    def _reparse(self, doc: Doc, sent: Span, forms: _Forms) -> None:
        cased = _sentence_case(sent, forms - _written_forms(sent))
        if cased == sent.text:
            return
        alt = self.nlp.make_doc(cased)
        for name, proc in self.nlp.pipeline:
            if name in _PARSING:
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


def _title_case(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < MIN_WORDS:
        return False
    return sum(t.text[0].isupper() for t in words) / len(words) >= MIN_CAPITALISED


def _sentence_case(sent: Span, forms: _Forms) -> str:
    """``forms``: how the rest of the document writes each word in mid-sentence."""
    chars = list(sent.text)
    for t in sent[1:]:
        if not t.is_alpha or not t.text[0].isupper() or t.text.isupper():
            continue
        word = t.lower_
        capital, lower = forms[(word, True)] > 0, forms[(word, False)] > 0
        if capital and not lower:
            continue  # a name the article writes with a capital
        if not capital and not lower and t.ent_type_:
            continue  # unknown elsewhere, and the recogniser took it for a name
        k = t.idx - sent.start_char
        chars[k] = chars[k].lower()
    return "".join(chars)


def _written_forms(tokens: Doc | Span) -> _Forms:
    """How often each word is written capitalised (True) or in lower case (False) in
    mid-sentence."""
    return Counter(
        (t.lower_, t.text[0].isupper()) for t in tokens if t.is_alpha and not t.is_sent_start
    )
