"""Role and affiliation of a source from its appositions and the titles before its name.

"NASA administrator Jim Bridenstine" -> administrator / NASA; "Mary Lovely, a Syracuse University
economist" -> economist / Syracuse University; "head of research at a small bank in Ohio" ->
head of research / small bank in Ohio. See docs/sources.md.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.tokens import Span as Tokens

from newsint.models import Span
from newsint.nlp import entities as doc_entities
from newsint.nlp import text_of
from newsint.nlp.quote_marks import clean_title, inside_quotation, quotations, quoted_word
from newsint.nlp.source_words import (
    APOSTROPHES,
    APPOSITIVE,
    COMPOUND_TITLES,
    DOCUMENT_HEADS,
    HONORIFICS,
    INSTITUTION_HEADS,
    ORG_WORDS,
    ROLE_MODIFIERS,
    ROLE_SPLIT,
    ROLE_WORDS,
    SERVICE_WORDS,
    STRIP_DET,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from newsint.nlp.speakers import _Entity


def _context_after(text: str, span: Span) -> str:
    """The words right after a source mention, up to the end of its clause (for "who spoke ...")."""
    tail = text[span[1] : span[1] + 160]
    return re.split(r"[.;\n]", tail, maxsplit=1)[0]


def _name_mentions(doc: Doc, entity: _Entity) -> list[Span]:
    if not entity.person:
        return []
    surname = entity.person.split()[-1]
    found = []
    for match in re.finditer(re.escape(surname).replace("'", "['’]"), text_of(doc)):
        start, end = match.span()
        for ent in doc_entities(doc):
            if ent.label_ == "PERSON" and ent.start_char <= start and end <= ent.end_char:
                found.append((ent.start_char, ent.end_char))
                break
        else:
            if re.fullmatch(r"\w", text_of(doc)[start - 1 : start] or " ") is None:
                found.append((start, end))
    return found


def _descriptions(doc: Doc, entity: _Entity) -> list[str]:
    """Appositions after the name: "the CEO of X", "a former Air Force officer"."""
    spans = set(entity.mentions) | set(_name_mentions(doc, entity)) | {entity.full}
    quoted = quotations(text_of(doc))
    out: list[str] = []
    for start, end in sorted(spans):
        if inside_quotation(quoted, start, end):
            continue  # a name inside someone's quotation: its description is theirs
        if entity.person:
            end = _name_end(text_of(doc), start, end, entity.person)
        match = APPOSITIVE.match(text_of(doc)[end : end + 200])
        if match and not _apposition(match.group(0), match["desc"]):
            match = None  # "handed Trump an unambiguous defeat" is no apposition
        if match:
            desc = _shortened(match.group("desc").strip())
            if desc not in out and len(desc.split()) <= MAX_DESCRIPTION:
                out.append(desc)
    return out + [d for d in _descriptions_before(doc, entity) if d not in out]


#: A description set before the name with a comma: "spokesman for the city council, Alan Price".
DESCRIPTION_BEFORE = re.compile(r"^(?:the\s+|a\s+|an\s+)?[a-z][\w'’ -]*(?:\s[\w.'’&-]+)*$")


def _descriptions_before(doc: Doc, entity: _Entity) -> list[str]:
    """A source span that is the description set off before the person's name ("spokesman for
    the city council, Alan Price told reporters"; the speaker is the name after it)."""
    if not entity.person:
        return []
    text = text_of(doc)
    out = []
    for start, end in entity.mentions:
        desc = text[start:end].strip(QUOTE_CHARS)
        rest = text[end : end + len(entity.person) + 6]
        if entity.person in text[start:end] or not re.match(r"^\s*\)?\s*[,—–-]+\s*\S", rest):
            continue
        if entity.person not in rest and entity.person.split()[-1] not in rest:
            continue
        if PARTITIVE.match(desc):
            continue  # "one of the family's attorneys, Justin Bamberg": no title of its own
        if DESCRIPTION_BEFORE.match(desc) and len(desc.split()) <= MAX_DESCRIPTION:
            out.append(desc)
    return out


#: "one of the ...", "some of the ...": a share of a group, not a title.
PARTITIVE = re.compile(r"^(?:one|some|two|three|several|many|all|each|any)\s+of\b", re.I)
#: Quotation marks and spaces around a span taken by mistake.
QUOTE_CHARS = "\"“”‘’' "


#: Words in the longest apposition read as a description.
MAX_DESCRIPTION = 14
#: Where a long description's title ends and what it was doing begins ("a top aide to Vice
#: President Pence on Trump's July 25 phone call with ...").
DESCRIPTION_TAIL = re.compile(r"\s+(?:on|over|during|about|with|in|when|after)\s+")


def _shortened(desc: str) -> str:
    """A description too long to be a title, cut where its title ends."""
    if len(desc.split()) <= MAX_DESCRIPTION:
        return desc
    for cut in DESCRIPTION_TAIL.finditer(desc):
        head = desc[: cut.start()]
        if len(head.split()) >= 3:  # "the Premom app also shared data with ...": no title
            return head if _names_a_role(head) else desc
    return desc


def _apposition(whole: str, desc: str) -> bool:
    """ ", a professor at ...", ", chairman of the subcommittee" (a bare role after a comma);
    without the comma only a description that names a role ("Jones the CEO said")."""
    comma = whole.lstrip().startswith((",", "("))
    if STRIP_DET.match(desc):
        return comma or _names_a_role(desc)
    first = desc.split()[0].lower() if desc.split() else ""
    if comma and first in ROLE_WORDS | ROLE_MODIFIERS | TITLE_WORDS:
        return True
    # ", local president of the prison workers' union": a title after a modifier or two
    head = ROLE_SPLIT.split(desc, maxsplit=1)[0].split()
    return (
        comma
        and 1 < len(head) <= MAX_BARE_TITLE
        and head[0] not in STOP_WORDS  # ", who served as general chairman of ..."
        and all(w.islower() for w in head)  # not ", one Arizona Department of ..."
        and head[-1] in ROLE_WORDS | TITLE_WORDS
        and head[-1] not in INSTITUTION_HEADS | ORG_WORDS
    )


#: Words of the longest title after a comma without an article (", refugee rights program
#: director at ...", ", education and law professor at ...").
MAX_BARE_TITLE = 5


def _names_a_role(desc: str) -> bool:
    words = {w.lower().strip(",") for w in desc.split()}
    return bool(words & ROLE_WORDS)


def _name_end(text: str, start: int, end: int, person: str) -> int:
    surname = person.split()[-1]
    match = re.search(re.escape(surname).replace("'", "['’]"), text[start:end])
    return start + match.end() if match else end


def _role_affiliation(
    doc: Doc, entity: _Entity, descriptions: list[str]
) -> tuple[str | None, str | None]:
    role, affiliation = _role_affiliation_raw(doc, entity, descriptions)
    return clean_title(role), clean_title(affiliation)


def _role_affiliation_raw(
    doc: Doc, entity: _Entity, descriptions: list[str]
) -> tuple[str | None, str | None]:
    for desc in descriptions:
        described, affiliation = _split_role(STRIP_DET.sub("", desc))
        if affiliation:
            affiliation = STRIP_DET.sub(
                "", re.split(r",|\s+which\s+|\s+who\s+", affiliation)[0].strip()
            )
        if described:
            return described, affiliation and CLAUSE_TAIL.split(affiliation)[0].strip() or None
    start, end = entity.full
    if entity.person:
        before = _prefix_before(text_of(doc), start) or entity.shared_title or ""
        full = (before + " " + text_of(doc)[start:end]).translate(APOSTROPHES).strip()
        return _title_before_name(full, entity.person, _sentence_case(doc, start - len(before)))
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not entity.head:
        return None, None
    core = _core(doc, entity.full)
    words = core.split()
    role = entity.head if entity.head not in DOCUMENT_HEADS and not entity.document else None
    if entity.named:
        role = None  # "Schiff": a name, not a role
    if role and entity.org and role not in entity.org:
        role = None  # "Volkswagen", "the Arab League": the name, not a role
    modifiers = [w for w in words if w.lower() not in {"a", "an", "the", "one", "some", "two",
                 "three", "several", "many", "other", "senior", "former", "top"}]  # fmt: skip
    mod = [
        w
        for w in modifiers
        if w.lower() != entity.head
        and w[:1].isupper()
        and not _function_word(w)  # "He and others", "Both companies", "Twelve percent"
    ]
    affiliation = " ".join(mod) if mod and role else None
    if role and not affiliation:
        affiliation = _body_after(core, role) or _body_before(span, role)
    if affiliation:
        affiliation = re.sub(r"['’]s$", "", affiliation)  # "Iraq’s parliament": Iraq
    return role, affiliation


#: "spokesman for the resort", "spokesman with the charity": a lower-case body after the role.
BODY_AFTER = re.compile(
    r"\s+(?:for|of|with|at)\s+(?P<body>the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})$"
)


#: Roles that speak for a body named by the noun before them ("a ministry spokesman").
VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})


def _body_before(span: Tokens, role: str) -> str | None:
    """ "a ministry spokesman", "a machinists spokesman": the lower-case noun that modifies a
    spokesperson names the body they speak for."""
    if role.lower() not in VOICES:
        return None
    for token in span:
        if token.text.lower() == role.lower() and token.i > span.start:
            before = token.nbor(-1)
            if before.pos_ == "NOUN" and before.dep_ == "compound" and before.text.islower():
                return before.text
    return None


def _body_after(core: str, role: str) -> str | None:
    """ "a spokesman for the resort" -> "the resort": the body a role speaks for, when the
    description names it only in lower case (judgement guide 3: affiliation)."""
    at = core.lower().find(role.lower())
    match = BODY_AFTER.match(core, at + len(role)) if at >= 0 else None
    return match["body"] if match else None


def _sentence_case(doc: Doc, at: int) -> bool:
    """The word at ``at`` opens its sentence and is not a proper noun ("High school ...")."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return False
    first = span[0]
    opens = bool(first.is_sent_start)
    return opens and first.pos_ != "PROPN" and not first.ent_type_ and first.is_title


def _prefix_before(text: str, start: int) -> str:
    """Capitalised words and titles right before a name: "CENTCOM Army Maj." of "... Earl Brown";
    never words of a quotation before it ("... the Bureau of Prisons,” Figgins said")."""
    words = text[max(0, start - 60) : start].rsplit("\n", 1)[-1].split(" ")
    kept: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if not word:
            continue
        if quoted_word(word):
            break
        if word == "of" and kept and i > 0 and words[i - 1].lower() in TITLE_WORDS:
            kept.insert(0, word)  # "Secretary of State John Kerry": one title
            continue
        if not (word[:1].isupper() or word.lower() in TITLE_WORDS or _title_part(word, kept)):
            break
        if word.endswith((".", ",")) and word.lower() not in TITLE_WORDS:
            break
        kept.insert(0, word)
    return " ".join(kept)


#: Lower-case words that join the title after them ("Clinton campaign spokesman").
TITLE_PARTS = frozenset({"campaign", "party"})


def _title_part(word: str, kept: list[str]) -> bool:
    """ "communications" of "communications director", "campaign" of "campaign spokesman": a
    lower-case word that makes one title with the word after it (``compound_titles``)."""
    if not kept or not word.isalpha():
        return False
    return word in TITLE_PARTS or f"{word} {kept[0]}".lower() in COMPOUND_TITLES


#: Where a relative clause begins inside an affiliation ("U.S. Embassy in Moscow whom the
#: Russians say ...").
CLAUSE_TAIL = re.compile(r"\s+(?:whom|whose|where|that|when)\s+")


def _split_role(desc: str) -> tuple[str, str | None]:
    """ "professor of economics at Stanford University" -> ("professor of economics", "Stanford
    University"): split at the first "at" (it introduces the employer: "head of research at a
    small bank in Ohio"), else at the first preposition that introduces a name; else a name
    inside the role is the affiliation ("former NASA associate administrator for exploration"
    -> ("former associate administrator for exploration", "NASA")); else split at the first
    preposition."""
    desc = re.split(r"\s+and\s+(?:now|later|currently)\s+", desc, maxsplit=1)[0]
    splits = list(ROLE_SPLIT.finditer(desc))
    at = [m for m in splits if m.group(0).split()[0].lower() == "at"]
    named_after = [m for m in splits if desc[m.end() : m.end() + 1].isupper()]
    if at or named_after:
        cut = (at or named_after)[0]
        return desc[: cut.start()].strip(), desc[cut.end() :].strip()
    owner = POSSESSOR.match(desc)
    if owner and owner["owner"].lower() not in STOP_WORDS and _names_a_role(owner["role"]):
        return owner["role"].strip(), owner["owner"]  # "the state's chief medical executive"
    head = desc[: splits[0].start()] if splits else desc
    words = head.split()
    named = [i for i, w in enumerate(words) if w[:1].isupper() and not _title_word(w)]
    if named and named == list(range(named[0], named[-1] + 1)) and named[-1] < len(words) - 1:
        affiliation = " ".join(words[i] for i in named)
        role = " ".join(w for i, w in enumerate(words) if i not in named) + desc[len(head) :]
        return role.strip(), affiliation
    if splits:
        return desc[: splits[0].start()].strip(), desc[splits[0].end() :].strip()
    return desc.strip(), None


#: "state's chief medical executive", "Mr. Netanyahu's former national security adviser": the
#: possessor (up to four words) is the affiliation, the rest the role.
POSSESSOR = re.compile(r"^(?P<owner>(?:[\w.&-]+\s+){0,3}[\w.&-]+)['’]s?\s+(?P<role>\w.*)$")


def _title_before_name(
    text: str, person: str, sentence_case: bool = False
) -> tuple[str | None, str | None]:
    """The words before a name split into affiliation and role: "CENTCOM Army Maj. Earl Brown"
    -> ("Army Maj.", "CENTCOM"), "NASA administrator Jim Bridenstine" -> ("administrator",
    "NASA"), "Israeli Prime Minister Benjamin Netanyahu" -> ("Prime Minister", "Israeli").
    The role is the run of title words and lower-case words that ends right before the name;
    the capitalised words before it are the affiliation. ``sentence_case``: the first word is
    capitalised only because it opens the sentence ("High school math teacher Angela Cooper")."""
    index = text.find(person.split()[0])
    prefix = text[:index].split() if index > 0 else []
    prefix = [w for w in prefix if w.lower() not in HONORIFICS]
    if prefix and _function_word(prefix[-1]):
        return None, None  # "representatives of Epstein", "companies such as Gannett": no title
    first = len(prefix)
    while first > 0 and _role_word(prefix[first - 1]):
        first -= 1
    if first == len(prefix):  # "Secretary of State Mike Pompeo": the title word starts the role
        first = next((i for i, w in enumerate(prefix) if w.lower() in TITLE_WORDS), len(prefix))
    while 0 < first < len(prefix) and (
        _compound_title(prefix[first - 1], prefix[first]) or _role_word(prefix[first - 1])
    ):
        first -= 1  # "White House Press Secretary", "Pentagon Press Secretary Rear Adm.": a title
    if first == len(prefix):
        return None, " ".join(prefix) if prefix and prefix[0][:1].isupper() else None
    if first == 1 and sentence_case and prefix[1][:1].islower():
        first = 0
    role = " ".join(prefix[first:]).rstrip(",")
    before = prefix[:first]
    stops = [i for i, w in enumerate(before) if _function_word(w)]
    affiliation = " ".join(before[stops[-1] + 1 :] if stops else before)  # not "While ..."
    return role, affiliation or None


def _compound_title(word: str, title: str) -> bool:
    """ "Press" before "Secretary", "District" before "Attorney": two words of one title of the
    table ``compound_titles`` (``data/source_words.toml``)."""
    return f"{word} {title}".lower().strip(",") in COMPOUND_TITLES


def _role_word(word: str) -> bool:
    lower = word.lower().strip(",")
    if word[:1].isupper() and lower in ORG_WORDS:
        return False  # "White House", "Justice Department": the affiliation
    if lower in TITLE_WORDS | ROLE_WORDS | SERVICE_WORDS | ROLE_MODIFIERS:
        return True
    return word[:1].islower() and word.isalpha()


def _function_word(word: str) -> bool:
    """ "of", "such", "While": not part of a title or an affiliation ("US" is not "us")."""
    acronym = word.isupper() and len(word.strip(",.")) > 1
    return not acronym and word.lower().strip(",") in STOP_WORDS


def _title_word(word: str) -> bool:
    """ "Deputy", "Chief", "Sen.": capitalised as part of a title, not of a name."""
    return word.lower().strip(",") in TITLE_WORDS | ROLE_MODIFIERS | HONORIFICS


def _core(doc: Doc, span: Span) -> str:
    """The source's noun phrase without its relative clause or apposition."""
    text = text_of(doc)[span[0] : span[1]].strip()
    text = re.split(r",|\s+who\s+|\s+which\s+|\s+that\s+", text, maxsplit=1)[0]
    return text.strip(" ,")
