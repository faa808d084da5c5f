"""WordNet classes: reading a WordNet dict folder, and what makes a word a cue candidate."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsint.nlp.word_classes import WordClasses, read_wordnet

# A WordNet 3.0 dict folder in miniature: the file formats of index.* / data.* / lexnames.
LEXNAMES = "29\tverb.body\t2\n31\tverb.cognition\t2\n32\tverb.communication\t2\n10\tnoun.communication\t1\n06\tnoun.artifact\t1\n"
INDEX_VERB = (
    "  1 This line is part of the licence header.\n"
    "email v 2 1 @ 2 0 00000001 00000002  \n"
    "wink v 1 0 1 0 00000003  \n"
    "look_up v 1 0 1 0 00000001  \n"
)
DATA_VERB = (
    "  1 licence header\n"
    "00000001 32 v 01 email 0 000 | send an e-mail  \n"
    "00000002 32 v 01 email 0 000 | write to  \n"
    "00000003 29 v 01 wink 0 000 | close one eye  \n"
)
INDEX_NOUN = "memo n 2 0 2 0 00000010 00000011  \nhammer n 1 0 1 0 00000011  \n"
DATA_NOUN = (
    "00000010 10 n 01 memo 0 000 | a written note  \n00000011 06 n 01 hammer 0 000 | a tool  \n"
)


@pytest.fixture
def wordnet(tmp_path: Path) -> Path:
    for name, text in {
        "lexnames": LEXNAMES,
        "index.verb": INDEX_VERB,
        "data.verb": DATA_VERB,
        "index.noun": INDEX_NOUN,
        "data.noun": DATA_NOUN,
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_read_wordnet_keeps_sense_order_and_skips_phrases(wordnet: Path) -> None:
    classes = read_wordnet(wordnet)
    assert classes.verbs == {"email": ("communication",), "wink": ("body",)}
    assert classes.nouns == {"memo": ("communication", "artifact"), "hammer": ("artifact",)}


def test_restricted_keeps_cue_words_and_the_vocabulary(wordnet: Path) -> None:
    small = read_wordnet(wordnet).restricted({"hammer"})
    assert set(small.verbs) == {"email"} and set(small.nouns) == {"memo", "hammer"}
    assert WordClasses.from_json(small.to_json()) == small


@pytest.fixture(scope="module")
def nlp() -> Language:
    from newsint.nlp import load_pipeline

    return load_pipeline()


def test_communication_verbs_are_candidates_beyond_the_training_vocabulary(
    nlp: Language,
) -> None:
    from newsint.nlp.attribution_model import shipped_model

    model = shipped_model()
    assert model is not None and model.classes is not None
    doc = nlp("The governor emailed reporters that the bridge would reopen, and she winked.")
    emailed, winked = doc[2], doc[-2]
    assert "email" not in model.vocab and model.classes.is_cue_word(emailed)
    assert not model.classes.is_cue_word(winked)
