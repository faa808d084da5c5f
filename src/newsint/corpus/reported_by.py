"""An unnamed source of an outlet's report is that report (``newsint.reported-by.v1``).

"A source close to the band told the Sunday Mirror", "two officials told Reuters", "according
to the Harbor Gazette, a source said": the version rests on the outlet's report, and the
unnamed source is known only as the outlet's. The guide's section 6 counts the original report
once however many outlets carry it (an annotation counts "the Mirror (its unnamed source)" as
one independent source), while anonymous people are never merged across articles: five
versions quoting "a source" through the Mirror would be five sources. So an anonymous source
named in one sentence with exactly one outlet credited for the words is that outlet, as a named
source: the outlet the source gave them to (:data:`GIVEN_TO`: "told X", "in an interview with
X", the source named before), or the one credited with reporting them (:data:`REPORTED`:
"according to X", "X reported", "X quoted", not "after X reported"). The outlet is one the
corpus knows (a named outlet among its sources, or a document's site) or a name ending with a
word of ``outlet_words`` (``corpus_words.toml``: "Mirror", "Reporter", "Times", "Reuters").
Two outlets credited in the sentence, or none → the source stays anonymous. "Our source" is
left alone: a site rewriting another outlet's article keeps its "our", so the site it is on
says nothing about whose source it is.

**Given to, not reported by** (:func:`given_to`, the guide's 1.5): an outlet a named person's
words were only given to ("Kent told the Harbor Gazette") is not a second source of them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from newsint.corpus.records import ClaimRecord, DocRecord, SourceRecord

RULES = "newsint.reported-by.v1"

Key = tuple[str, str]

_NAME = r"((?:[Tt]he\s+)?(?:[A-Z][\w'’&.-]*\s+){0,4}[A-Z][\w'’&.-]*)"

#: Who gave the outlet the words is named before these ("a source told the Mirror", "said one
#: friend in an interview with The Washington Post").
GIVEN_TO = re.compile(r"\b(?i:told|tells|in an interview with|speaking to|said to)\s+" + _NAME)
#: The outlet credited with reporting, the source named anywhere in the sentence ("according
#: to the Mirror, a source said", "the Mirror reported that a source…"), unless the report is
#: only when something else happened ("fans were upset after the Mirror reported…").
REPORTED = (
    re.compile(r"\b(?i:according to|quoted by|reported by|cited by)\s+" + _NAME),
    re.compile(_NAME + r"\s+(?:reported|reports|quoted|quotes|cited|cites|revealed|learned)\b"),
)
_ONLY_WHEN = re.compile(r"(?i)\b(?:after|since|before|when|as|until|once)\s+(?:the\s+)?$")

_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“‘'A-Z])|\n+")


def _outlet_words() -> frozenset[str]:
    from newsint.corpus.aliases import _words

    return _words("outlet_words")


def credited_outlets(
    sources: Iterable[SourceRecord], documents: dict[str, DocRecord]
) -> dict[Key, tuple[SourceRecord, str]]:
    """Each anonymous source that is an outlet's (by the rules above): the source as that
    named outlet, and the evidence."""
    from newsint.corpus.authorship import outlet_key

    listed = list(sources)
    known = {outlet_key(s.name) for s in listed if s.kind == "media" and not s.anonymous}
    known |= {outlet_key(d.site) for d in documents.values() if d.site}
    known.discard("")
    found: dict[Key, tuple[SourceRecord, str]] = {}
    for s in listed:
        doc = documents.get(s.doc)
        if not s.anonymous or s.kind in ("media", "document") or doc is None:
            continue
        outlet, why = _credited(s, doc.text, known, outlet_key)
        if outlet:
            named = dataclasses.replace(s, name=outlet, anonymous=False, kind="media")
            found[(s.doc, s.id)] = (named, why)
    return found


def _credited(
    s: SourceRecord, text: str, known: set[str], outlet_key: Callable[[str], str]
) -> tuple[str | None, str]:
    name = re.compile(rf"(?i)(?<!\w){re.escape(_fold(s.name))}(?!\w)")
    outlets: dict[str, tuple[str, str]] = {}
    for sentence in _SENTENCE.split(_fold(text)):
        mention = name.search(sentence)
        if mention is None:
            continue
        hits = [h for h in GIVEN_TO.finditer(sentence) if h.start() >= mention.end()]
        hits += [
            h
            for pattern in REPORTED
            for h in pattern.finditer(sentence)
            if not _ONLY_WHEN.search(sentence[: h.start()])
        ]
        for hit in hits:
            if (outlet := _outlet(hit.group(1), known, outlet_key)) is not None:
                outlets[outlet_key(outlet)] = (outlet, sentence.strip())
    if len(outlets) != 1:
        return None, ""
    ((outlet, sentence),) = outlets.values()
    short = sentence if len(sentence) <= 160 else sentence[:157] + "…"
    return outlet, f"“{s.name}” is the unnamed source of {outlet}'s report: “{short}”"


def _outlet(phrase: str, known: set[str], outlet_key: Callable[[str], str]) -> str | None:
    """The outlet a capitalised phrase names: the phrase or its tail ("Britain's Sunday
    Mirror" → "Sunday Mirror") when the corpus knows it or it ends with an outlet word."""
    words = re.sub(r"^[Tt]he\s+", "", phrase).rstrip(".'").split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if outlet_key(tail) in known:
            return tail
    if words and words[-1].lower().strip(".") in _outlet_words():
        return " ".join(words)
    return None


def _fold(text: str) -> str:
    return (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )


def as_named(
    sources: list[SourceRecord], documents: dict[str, DocRecord]
) -> tuple[list[SourceRecord], dict[Key, str]]:
    """The sources with each outlet's unnamed source as that outlet, and the evidence."""
    credited = credited_outlets(sources, documents)
    out = [credited[(s.doc, s.id)][0] if (s.doc, s.id) in credited else s for s in sources]
    return out, {k: why for k, (_, why) in credited.items()}


def given_to(sources: Iterable[SourceRecord], documents: dict[str, DocRecord]) -> set[Key]:
    """Named outlets a named person's words were only given to ("Kent told the Harbor
    Gazette", "in an interview with Harbor Radio"): the guide's 1.5 makes the person the
    source, not the outlet, which is then not a second source of the same words. Every
    mention of the outlet in its article must be such ("told X" after a named person of the
    sentence); an outlet also credited with reporting ("X reported") stays a source."""
    by_doc: dict[str, list[SourceRecord]] = {}
    for s in sources:
        by_doc.setdefault(s.doc, []).append(s)
    found: set[Key] = set()
    for doc_id, group in sorted(by_doc.items()):
        doc = documents.get(doc_id)
        people = [
            s.name.split()[-1]
            for s in group
            if not s.anonymous and s.kind not in ("media", "document", "organisation") and s.name
        ]
        if doc is None or not people:
            continue
        sentences = _SENTENCE.split(_fold(doc.text))
        for s in group:
            if s.kind == "media" and not s.anonymous and _only_given(s.name, people, sentences):
                found.add((doc_id, s.id))
    return found


def _only_given(outlet: str, people: list[str], sentences: list[str]) -> bool:
    name = _word(outlet)
    said = [_word(p) for p in people]
    seen = False
    for sentence in sentences:
        for mention in name.finditer(sentence):
            seen = True
            given = any(
                h.start(1) <= mention.start() < h.end(1)
                and any(p.search(sentence[: h.start()]) for p in said)
                for h in GIVEN_TO.finditer(sentence)
            )
            if not given:
                return False
    return seen


def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<!\w){re.escape(_fold(name).removeprefix('the '))}(?!\w)")


def without_given_to(claims: list[ClaimRecord], given: set[Key]) -> list[ClaimRecord]:
    """The claims without the outlets their speakers' words were only given to, when another
    source is left."""
    out = []
    for c in claims:
        kept = tuple(s for s in c.source_ids if (c.doc, s) not in given)
        out.append(dataclasses.replace(c, source_ids=kept) if kept else c)
    return out
