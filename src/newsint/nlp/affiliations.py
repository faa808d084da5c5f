"""Where a person works, said after the name (``newsint.profiles.v1``, guide section 3: role and
affiliation are the article's own words, from any mention).

Two ways of saying it that carry no title before the name and no apposition with a title:

* "Jane Ortiz of the Clean Water Trust said ...": the organisation after "of";
* "Senator Ann Holt, Republican of Ohio,": the lawmaker's party (the affiliation);
* "Sam Weir, who heads a project on secrecy for the Federation of Concerned Engineers,": what
  the person does (the role) and the organisation after "at", "for" or "of" (the affiliation).

Read by :func:`newsint.nlp.source_context.affiliation_elsewhere` for a named person with no
affiliation yet.
"""

from __future__ import annotations

import re

#: A capitalised name of one or more words, "of", "for", "and", "on" and "the" allowed inside
#: ("Federation of American Scientists", "Committee on Foreign Relations").
ORG = r"(?P<org>(?:[A-Z]|\d+[A-Za-z])[\w.&'’-]*(?: +(?:(?:of|for|and|on|the) +)*[A-Z][\w.&'’-]*)*)"
#: "Jane Ortiz of the Clean Water Trust", "Jim Sova with Citigroup", "Dr Ann Lee from the Red
#: Cross": the name, "of", "with", "at" or "from", the organisation.
OF_ORG = re.compile(rf"\s+(?:of|with|at|from)\s+(?:the\s+)?{ORG}")
#: "Fox News' Sean Hanley", "CNN's Hala Marsh": an organisation's possessive right before the name.
POSSESSIVE_ORG = re.compile(rf"{ORG}(?:['’]s?)\s+$")
#: Verbs that say what someone does for an organisation.
WORKS = (
    r"heads|leads|runs|directs|oversees|chairs|manages|founded|co-founded|works|worked|"
    r"teaches|represents|coordinates|edits|hosts"
)
#: ", who heads a project on secrecy for the Federation ...": the role, then the organisation.
WHO_WORKS = re.compile(
    rf",\s+who\s+(?P<role>(?:{WORKS})\b[^,;.\"“”()]{{0,60}}?)\s+(?:at|for|of|with)\s+"
    rf"(?:the\s+)?{ORG}"
)


#: ", 44, a technical adviser to the Lake Board", ", the research director for Acme.org": an
#: apposition right after the name, a job of up to five words ending in a lower-case noun, then
#: the organisation after "of", "for", "to", "at" or "with" (guide 3: role and affiliation).
APPOSED_JOB = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:(?:the|a|an)\s+)?"
    r"(?P<role>(?:[A-Za-z][\w-]*\s+){0,4}[a-z][\w-]*)\s+(?:of|for|to|at|with)\s+"
    rf"(?:the\s+)?{ORG}"
)
#: A job and its organisation before the name, set off by a comma: "Carlineo's attorney, Sonya
#: Zoghlin,", "An adviser to Peru's Institute of Water Studies (Inawa), Carl Stein,".
JOB = r"(?P<role>[a-z][\w-]*(?:\s+(?:and\s+)?[a-z][\w-]*){0,3})"
OWNER_JOB_BEFORE = re.compile(rf"{ORG}['’]s?\s+{JOB},\s+$")
JOB_OF_BEFORE = re.compile(
    rf"(?:^|\s)(?:(?:[Tt]he|[Aa]n?)\s+)?{JOB}\s+(?:of|for|to|at|with)\s+(?:the\s+)?{ORG}"
    r"(?:\s*\([^)]{1,40}\))?,\s+$"
)
#: Words that make an apposition a clause, not a job ("adding", "referring to", "who heads").
NOT_JOB_WORDS = frozenset("who which that whose said says told was is has had and or".split())


#: ", Republican of Arizona", ", Democrat of Vermont": a lawmaker's party, then the state.
PARTY_OF = re.compile(r",\s+(?P<org>Republican|Democrat|Independent)\s+of\s+[A-Z]")


def employer_after(text: str, name: str) -> tuple[str | None, str] | None:
    """(role or None, affiliation) said right after an occurrence of ``name``, or None."""
    for match in re.finditer(re.escape(name), text):
        before = POSSESSIVE_ORG.search(text, max(0, match.start() - 60), match.start())
        if before and _organisation(before["org"]) and not _title_case_name(before["org"]):
            return None, _trimmed(before["org"])
        job = _job_before(text, match.start())
        if job:
            return job
        found = OF_ORG.match(text, match.end())
        if found and _organisation(found["org"]):
            return None, _trimmed(found["org"])
        party = PARTY_OF.match(text, match.end())
        if party:
            return None, party["org"]
        found = WHO_WORKS.match(text, match.end())
        if found and _organisation(found["org"]):
            return found["role"].strip(), _trimmed(found["org"])
        found = APPOSED_JOB.match(text, match.end())
        if found and _job(found["role"]) and _organisation(found["org"]):
            org = _trimmed(found["org"])
            if not _title_case_name(found["org"]) or BRAND.search(org):
                return found["role"], org
    return None


#: One word that is an organisation's name, not a person's: "KTV", "MoveOn.org", "9to5Mac".
BRAND = re.compile(r"^\S*(?:[A-Z]\S*[A-Z]|\d|\.[a-z])\S*$")


def _job_before(text: str, start: int) -> tuple[str, str] | None:
    """(role, affiliation) of a job set off by a comma right before the name, or None."""
    window = text[max(0, start - 120) : start]
    for pattern in (OWNER_JOB_BEFORE, JOB_OF_BEFORE):
        found = pattern.search(window)
        if not found or not _job(found["role"]) or not _organisation(found["org"]):
            continue
        if found["role"].endswith("s") and not found["role"].endswith("ss"):
            continue  # "Hale's remarks, Tom Reyes" is no job
        return found["role"], _trimmed(found["org"])
    return None


def _job(role: str) -> bool:
    """ "technical adviser", "chemist and director": a job, not a clause ("adding", "who")."""
    words = role.lower().split()
    if any(w.endswith(("ing", "ed")) for w in words):
        return False
    return not set(words[1:] if words[0] != "and" else words) & NOT_JOB_WORDS - {"and"}


#: Words capitalised at the start of an "of" phrase that are no organisation ("of Monday").
NOT_ORGANISATIONS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december i".split()
)


def _organisation(name: str) -> bool:
    first = re.sub(r"['’]s$", "", name.split()[0].lower().strip(".,"))
    return first not in NOT_ORGANISATIONS


def _title_case_name(words: str) -> bool:
    """ "Sen.", "President", "Mr. Trump's": a title or a person's name, not an organisation."""
    from newsint.nlp.source_words import HONORIFICS, TITLE_WORDS

    first = words.split()[0].lower()
    return first in TITLE_WORDS | HONORIFICS or len(words.split()) == 1 and not words.isupper()


def _trimmed(name: str) -> str:
    """The name without a trailing possessive or stop ("Acme Corp.'s" -> "Acme Corp.")."""
    name = re.split(r"(?<=\w{4})\.\s", name)[0]  # "9to5Mac. Apple said": one sentence
    name = re.sub(r"['’]s$", "", name)
    name = re.sub(r"\s+(?:of|for|and|on|the)$", "", name).rstrip(",")
    return name if ABBREVIATED.search(name) else name.rstrip(".")


#: Names that end with an abbreviation keep its full stop ("Acme Corp.", "Brown & Co.").
ABBREVIATED = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Bros|Jr|Sr|[A-Z])\.$")


#: The organisation's name before its possessive ("the Water Board's spokesman").
OWNER = ORG.replace("?P<org>", "?P<owner>")


def body_of_role(text: str, role: str) -> str | None:
    """The organisation the article gives a bare role anywhere: "spokesperson Ann Lee wrote"
    here, "A spokesperson for the Water Board said" there (guide 3: from any mention)."""
    if not role or not re.fullmatch(r"[A-Za-z][\w -]{2,40}", role):
        return None
    job = re.escape(role.lower()).replace("\\ ", r"\s+")
    for found in re.finditer(
        rf"\b(?:[Aa]n?|[Tt]he)\s+(?i:{job})\s+(?:for|of|at|with)\s+(?:the\s+)?{ORG}"
        rf"|{OWNER}['’]s?\s+(?i:{job})\b",
        text,
    ):
        if _of_another_name(text, found.start(), found.end()):
            continue  # "Dan Roe, the president of Acme Forum," is Roe's title, not the role's
        org = re.sub(r"^The\s+", "", found["org"] or found["owner"])
        if _titled_person(org) or not _organisation(org):
            continue  # "finance chairman for New Jersey Gov. Chris Christie"
        if not _title_case_name(org) or BRAND.search(_trimmed(org)):
            return _trimmed(org)
    return None


#: A name right before an apposition (", the ") or right after a title (", Jane Roe" / " Jane").
NAME_BEFORE = re.compile(r"[A-Z][\w.'’-]*,\s+$")
NAME_AFTER = re.compile(r",?\s+[A-Z][a-z]+\s+[A-Z]")


def _of_another_name(text: str, start: int, end: int) -> bool:
    """The role phrase is the apposition or title of a named person ("Dan Roe, the president
    of Acme Forum", "a spokeswoman for Acme, Jane Roe,"), not an unnamed speaker's."""
    return bool(NAME_BEFORE.search(text, max(0, start - 40), start) or NAME_AFTER.match(text, end))


def _titled_person(words: str) -> bool:
    """ "New Jersey Gov. Chris Christie": a title or honorific inside the words, a person."""
    from newsint.nlp.source_words import HONORIFICS, TITLE_WORDS

    return any(w.lower().rstrip(".") in TITLE_WORDS | HONORIFICS for w in words.split()[1:])


#: "on|of" a show or outlet: "On Monday's edition of KTV Tonight, host Dan Lear".
ON_SHOW = re.compile(rf"\b(?:[Oo]n|of)\s+(?:the\s+)?{ORG}")


def show_before(text: str, start: int) -> str | None:
    """The news show or outlet named in the sentence of a presenter's name or the one before it
    ("During his appearance on KTV This Morning, he ... Co-anchor Dan Lear asked"), or None."""
    from newsint.nlp.profile_tables import media_name

    sentences = list(re.finditer(r"[^.!?]+[.!?]*[\"”’]?\s*", text[max(0, start - 400) : start]))
    shows = [
        m["org"]
        for sentence in sentences[-2:]
        for m in ON_SHOW.finditer(sentence.group().strip())
        if media_name(m["org"])
    ]
    return _trimmed(shows[-1]) if shows else None
