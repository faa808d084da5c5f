"""Photo captions among the first sentences of a body: never the lede (guide 4).

A caption is recognised by what only captions carry: a full date with the weekday ("...,
Friday, April 24, 2015, in Tallahassee"), a photo credit ("(AP Photo/...)", "Photo:"), an
agency credit closing its line ("... on Sunday. (Associated Press)"), or a scene in the present
tense dated with its year ("Female student stands in a burnt classroom ... on May 12, 2012"):
news ledes tell what happened in the past tense and date it by the day.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SentSpan

from newsint.nlp import text_of

CAPTION = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\b"
    r"|\((?:AP|Reuters|AFP|Getty)[^)]*(?:Photo|Images)[^)]*\)"
    r"|(?i:\b(?:photo(?:graph)?s?|picture|image)(?:\s+credit)?:\s)",
)
#: A credit in parentheses that closes a caption's line: "(Associated Press)", "(Reuters)".
CREDIT = re.compile(
    r"^\s*\((?:AP|Associated Press|Reuters|AFP|Getty Images|EPA|Xinhua"
    r"|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*/\s*[A-Z][\w. ]*)\)\s*$"
)
#: A date with its year that dates the scene: "on May 12, 2012", ", 12 May 2012" (not "the
#: anniversary of the Sept. 11, 2001, attacks").
DATED = re.compile(
    r"(?:\bon|,)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b"
    r"|(?:\bon|,)\s+\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b"
)
#: Verbs a present-tense lede may use of what is, or what someone says or plans: not a scene.
SAYING = frozenset(
    "be have say tell claim report announce plan deny warn insist argue suggest show reveal".split()
)


def is_caption(sent: SentSpan) -> bool:
    """The sentence is a photo caption (see the module's note)."""
    text = sent.text
    if CAPTION.search(text) or credit_line(sent):
        return True
    return _present_scene(sent) and DATED.search(text) is not None


def credit_line(sent: SentSpan) -> bool:
    """The sentence is followed on its line by an agency credit ("... on Sunday. (Associated
    Press)"), or is that credit."""
    doc = sent.doc
    if CREDIT.match(sent.text):
        return True
    rest = text_of(doc)[sent.end_char :].split("\n", 1)[0]
    return bool(rest.strip()) and CREDIT.match(rest) is not None


def _present_scene(sent: SentSpan) -> bool:
    root = sent.root
    return (
        root.tag_ in {"VBZ", "VBP"}
        and root.lemma_.lower() not in SAYING
        and not any(c.dep_ in {"aux", "auxpass"} for c in root.children)
    )


def is_headline(sent: SentSpan) -> bool:
    """A line of its own with no closing punctuation ("Al-Qaida leader reportedly ordered
    attacks on embassies"): a headline or subhead above the story, not its lede."""
    doc = sent.doc
    text = sent.text.strip()
    end = sent.start_char + len(sent.text.rstrip())
    before = text_of(doc)[: sent.start_char].rsplit("\n", 1)[-1]
    after = text_of(doc)[end:].split("\n", 1)[0]
    own_line = not before.strip() and not after.strip()
    return own_line and not re.search(r"[.!?:;\"”’')\]]$", text)
