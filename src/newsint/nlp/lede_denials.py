"""Whether the lede leads with a denial, who denies, and a report the lede answers in a clause
of its own (docs/grading.md, "The central claim"; guide 4: "When the lede reports a denial, the
central claim is the denial, credited to X")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsint.models import Attribution, Cue, Span


def leads_with_denial(
    doc: Doc, span: Span, outer: Sequence[Attribution], cues: Sequence[Cue]
) -> bool:
    """The lede's own verb or verdict denies: a denial or dispute cue in the sentence that is not
    inside a nested content ("dismissed as unfounded reports", "are just plain false")."""
    stance = [c for c in cues if c.kind in {"denial", "dispute"} and within(c.span, span)]
    if not outer:
        return bool(stance)
    for cue in stance:
        if _answering_clause(doc, cue.span, outer) is not None:
            continue
        for a in outer:
            if any(within(cue.span, c) for c in a.cue) or _near(cue.span, a.cue):
                return True
            if any(within(cue.span, c) for c in a.content) and _top_level(doc, cue.span, a):
                return True
            if _governs(doc, cue.span, a):
                return True
    return False


def _answering_clause(
    doc: Doc, cue: Span, outer: Sequence[Attribution]
) -> tuple[Span, Span] | None:
    """The denial is a clause of its own, joined after the report with its own subject ("Y, a
    Greek newspaper says, but the government denied the report"): the lede puts the report
    forward and answers it; the report is the claim and the denier disputes it (guide 4: the
    denial of a report is not the reporter's claim, nor the report the denier's). The clause's
    span and its subject's."""
    words = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if words is None or words.root.pos_ != "VERB" or words.root.dep_ != "conj":
        return None
    verb = words.root
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i > verb.i:
        return None
    found = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
    if any(overlap(found, s) for a in outer for s in a.source):
        return None
    # the clause runs from its conjunction ("but") or subject to the verb's last word
    first = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < subject.i), None)
    start = (first or subject.left_edge).idx
    last = max(verb.right_edge.i, verb.i)
    end = doc[last].idx + len(doc[last])
    while last > verb.i and doc[last].is_punct:
        last -= 1
        end = doc[last].idx + len(doc[last])
    return (start, end), found


def answered_report(
    doc: Doc, span: Span, outer: Sequence[Attribution], cues: Sequence[Cue]
) -> tuple[Span, Span] | None:
    """The lede's clause that denies the report it carries, and its subject (see
    :func:`_answering_clause`)."""
    for cue in cues:
        if cue.kind in {"denial", "dispute"} and within(cue.span, span):
            found = _answering_clause(doc, cue.span, outer)
            if found is not None:
                return found
    return None


def _governs(doc: Doc, cue: Span, attribution: Attribution) -> bool:
    """The denial verb governs the attribution ("The Kremlin dismissed as unfounded reports
    suggesting that ..."): the reports are the object of the denial, not its source."""
    words = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    spot = doc.char_span(attribution.cue[0][0], attribution.cue[0][1], alignment_mode="expand")
    if words is None or spot is None or words.root.pos_ != "VERB":
        return False
    return words.root in spot.root.ancestors


def denier_span(
    doc: Doc, span: Span, outer: Sequence[Attribution], cues: Sequence[Cue]
) -> Span | None:
    """The subject of the lede's denial verb when the verb is not the attribution's own cue:
    in "China has rejected claims by unnamed U.S. officials that ...", China denies and the
    officials accuse."""
    for cue in cues:
        if cue.kind != "denial" or not within(cue.span, span):
            continue
        words = doc.char_span(cue.span[0], cue.span[1], alignment_mode="expand")
        if words is None or words.root.pos_ != "VERB":
            continue
        verb = (words.root.idx, words.root.idx + len(words.root))
        if any(overlap(verb, c) for a in outer for c in a.cue):
            return None  # "X denied that ...": the attribution itself is the denial
        if any(within(verb, c) for a in outer for c in a.content):
            return None  # "X denied ..., according to U.S. officials": the officials report it
        subject = next((c for c in words.root.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        found = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
        if any(overlap(found, s) for a in outer for s in a.source):
            return None
        return found
    return None


def _top_level(doc: Doc, cue: Span, attribution: Attribution) -> bool:
    """A verdict on the content itself, not a word deep inside it: the cue is the content's main
    verb or hangs on it ("Iran ... categorically rejected claims ..., reported BBC"; "reports
    ... are just plain false")."""
    start, end = attribution.content[0][0], attribution.content[-1][1]
    content = doc.char_span(start, end, alignment_mode="expand")
    words = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if content is None or words is None:
        return False
    return any(t == content.root or t.head == content.root for t in words)


def _near(cue: Span, spans: Sequence[Span]) -> bool:
    return any(abs(cue[0] - e) <= 25 or abs(s - cue[1]) <= 25 for s, e in spans)


def within(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
