"""Where a source phrase credits nobody or somebody else: a dateline ("MEXICO CITY —"), a
teaser line linking to another story ("Internal memo: ..."), and poll respondents ("73
percent", "those surveyed"), who belong to their poll (judgement guide 1.8). Used by
:mod:`newsint.nlp.speakers`."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsint.models import Span
from newsint.nlp import text_of
from newsint.nlp.speaker_entity import _Entity

#: How far after respondents (characters) the poll they belong to may be named: a paragraph.
POLL_WITHIN = 600


#: "Internal memo: Federal prison guards falsified records", "Staffers 'don't care': ...": a
#: label and a colon opening a line that ends without a full stop, a link to another story or a
#: subheading, not a statement of this article.
TEASER = re.compile(r"(?P<label>[^\n:.!?\"“”]{2,40}): \S[^\n]{10,200}")


def teaser_line(text: str, start: int) -> bool:
    """The source is in the headline part of a teaser line (``TEASER``), which is not the
    article's first line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
    match = TEASER.fullmatch(line)
    return (
        line_start > 0
        and match is not None
        and start > line_start + match.end("label")  # "Sasse: ..." credits Sasse
        and len(match["label"].split()) <= 5
        and not line.endswith((".", "?", "!", '"', "”", "’", ":"))
    )


#: What follows a dateline's place: a dash, a comma and a state, or an agency in brackets.
DATELINE_AFTER = re.compile(r"\s*(?:,\s*[A-Z][\w.]*\.?\s*)?(?:\([^)]{1,20}\)\s*)?[-—–]")


def dateline(text: str, start: int, end: int) -> bool:
    """ "MEXICO CITY —", "ELON, N.C. –", "BEIRUT (Reuters) –" at the start of a line."""
    words = text[start:end].strip()
    line_start = text.rfind("\n", 0, start) + 1
    return (
        not text[line_start:start].strip()
        and words.isupper()
        and len(words) > 2
        and bool(DATELINE_AFTER.match(text, end))
    )


#: "73 percent", "Nearly eight of 10 voters", "a majority of Republicans", "those surveyed",
#: "respondents": poll respondents, who
#: belong to the poll (judgement guide 1.8).
RESPONDENTS = re.compile(
    r"^(?:an? (?:overwhelming|whopping|mere|slim|clear|paltry) )?(?:as many as )?"
    r"(?:only |nearly |almost |about |roughly |just |more than |less than |fewer than |over |"
    r"just over |just under |well over )?"
    r"(?:(?:\d[\d.,]*|[a-z]+(?:-[a-z]+)?)\s*(?:%|percent|per cent)(?!\w)|"
    r"\w+ (?:of|in|out of) (?:\d+|ten)\b|"
    r"(?:a |one[- ])?(?:half|third|quarter|fifth)\b|"
    r"(?:two|three|four)[- ](?:thirds|quarters|fourths|fifths)\b|"
    r"(?:a|the) (?:slim |narrow |clear |large )?majority of|"
    r"(?:the |most |many )?respondents\b)",
    re.I,
)
#: "those surveyed say ..." (the source span is only "those"): the poll too.
SURVEYED = re.compile(
    r"^(?:those|people|voters|adults|americans) (?:surveyed|polled|questioned|interviewed)\b",
    re.I,
)


def respondents(text: str, start: int, end: int) -> bool:
    """The source phrase ``text[start:end]`` is poll respondents (``RESPONDENTS``, ``SURVEYED``)."""
    return bool(
        RESPONDENTS.match(text[start:end].strip()) or SURVEYED.match(text[start : end + 14])
    )


#: "a new Quinnipiac poll", "the survey": the poll respondents belong to.
POLL = re.compile(r"\b(?:[\w/.'’-]+\s+){0,5}?(?:poll|polls|survey|surveys|polling)\b", re.I)


def poll_before(doc: Doc, start: int, entities: list[_Entity]) -> int | None:
    """The poll named last before ``start``, as a known source or a new document source."""
    text = text_of(doc)
    found = None
    for match in POLL.finditer(text, 0, start):
        found = match
    if found is None:  # "Nearly half said ..., a Gallup poll found": the poll named after them
        found = POLL.search(text, start, min(len(text), start + POLL_WITHIN))
    if found is None:
        return None
    for index in range(len(entities) - 1, -1, -1):
        if entities[index].document and entities[index].head in {"poll", "polls", "survey"}:
            return index
    span = poll_span(text, found.span())
    head = "survey" if "survey" in text[span[0] : span[1]].lower() else "poll"
    entities.append(_Entity(full=span, head=head, document=True))
    return len(entities) - 1


def poll_span(text: str, span: Span) -> Span:
    """The poll's noun phrase: from its determiner or first capitalised word to its head."""
    start, end = span
    words = list(re.finditer(r"\S+", text[start:end]))
    for w in words:
        token = w.group(0)
        if token[:1].isupper() or token.lower() in {"a", "an", "the", "new", "latest", "recent"}:
            return start + w.start(), end
    return words[-1].start() + start, end


#: "Several news sources, including Al Sabah and the website al-Maalomah, reported": the named
#: members of a group source, between the group and the cue.
MEMBERS = re.compile(
    r",\s+(?:including|such as|among them)\s+(?P<list>[^,;:.!?\"“”]+(?:,[^,;:.!?\"“”]+)*?),\s"
)
#: One member: a name, possibly after "the" and lower-case words ("the website al-Maalomah").
MEMBER_SPLIT = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def named_members(text: str, source_end: int, cue_start: int) -> list[Span]:
    """The members named after a group source and before its cue (guide 1.2: each credited
    member is a source): spans of the members of ``, including A and B,`` right after
    ``source_end``; none unless every member ends with a name (a capital in its last word)
    and the list ends before ``cue_start``."""
    match = MEMBERS.match(text, source_end)
    if match is None or match.end("list") > cue_start:
        return []
    start = match.start("list")
    out: list[Span] = []
    pos = 0
    body = match["list"]
    for cut in [*MEMBER_SPLIT.finditer(body), None]:
        end = cut.start() if cut else len(body)
        part = body[pos:end]
        if not re.search(r"[A-Z]", part.split()[-1] if part.split() else ""):
            return []  # "51 State Department employees": a description, not a name
        out.append((start + pos, start + end))
        pos = cut.end() if cut else len(body)
    return out
