"""What a pronoun stands for: "he"/"she" a person, "they" a group or an organisation, "it" an
organisation or a document, a relative pronoun the noun it hangs on (judgement guide 1.1, 1.3).
Used by :mod:`newsint.nlp.speakers`."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Phrase

from newsint.models import Span
from newsint.nlp import entities as doc_entities
from newsint.nlp import text_of
from newsint.nlp.mention_names import given_before, person_name, same_person, titled_as
from newsint.nlp.source_words import APOSTROPHES, RELATIVES
from newsint.nlp.speaker_class import _speaker_table
from newsint.nlp.speaker_entity import _Entity


def _relative_antecedent(doc: Doc, spans: tuple[Span, ...]) -> tuple[tuple[Span, ...], bool] | None:
    """ "two highly critical reports that depicted ...": the noun a relative pronoun stands for,
    and whether it stands for that noun alone, not the list the noun ends ("talks between his
    government and the Taliban, who ...": the Taliban; see ``_comma_noun``)."""
    start, end = spans[0][0], spans[-1][1]
    if text_of(doc)[start:end].strip().lower() not in RELATIVES:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    token = span[0]
    alone = False
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "relcl":
        noun = _comma_noun(token, token.head.head)
        alone = noun.i != token.head.head.i
    elif token.i > 0 and token.lower_ == "which":  # misparsed: the noun right before it
        noun = token.doc[token.i - 1]
    else:
        return None
    if noun.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    last = noun.i
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1  # the whole name the clause hangs on
    return ((noun.left_edge.idx, doc[last].idx + len(doc[last])),), alone


#: Pronouns a defining "who" clause turns into a set of people picked out by what they did.
SET_PRONOUNS = {"those", "someone", "somebody", "anyone", "anybody", "everyone", "people"}


def defines_a_set(doc: Doc, relative: Span, antecedent: Span) -> bool:
    """ "slammed those who speculated ...", "For someone who conceded ...", "Among those who
    described ...": a "who" clause without a comma after a bare pronoun picks out the people
    it is about; it credits nobody with a statement (guide 1: a source is credited; 1.8: "those
    who said the economy was their top issue" are the poll's respondents)."""
    text = text_of(doc)
    if text[antecedent[0] : antecedent[1]].strip().lower() not in SET_PRONOUNS:
        return False
    return not text[: relative[0]].rstrip().endswith(",")


def _comma_noun(who: Token, parsed: Token) -> Token:
    """ "talks between his government and the Taliban, who have long refused": a "who" after a
    comma stands for the noun right before the comma when the parse hangs the clause on a noun
    that cannot speak ("talks")."""
    doc = who.doc
    if who.lower_ != "who" or who.i < 2 or doc[who.i - 1].text != ",":
        return parsed
    before = doc[who.i - 2]
    if before.pos_ not in {"NOUN", "PROPN"} or before.i == parsed.i:
        return parsed
    classes = _speaker_table().classes
    if parsed.ent_type_ or classes.get(parsed.lemma_.lower()) or classes.get(parsed.lower_):
        return parsed
    return before


def _antecedent(doc: Doc, start: int, pronoun: str, entities: list[_Entity]) -> int | None:
    """A pronoun opening the attributions: the nearest named person (he, she, I) or
    organisation or group (they, it, we) before it, or nothing."""
    labels = {"PERSON"} if pronoun in {"he", "she", "him", "her", "i"} else {"ORG", "NORP", "GPE"}
    before = [e for e in doc_entities(doc) if e.label_ in labels and e.end_char <= start]
    if not before:
        return None
    ent = before[-1]
    name = re.sub(r"['’]s$", "", ent.text.translate(APOSTROPHES).strip())
    if ent.label_ == "PERSON":
        entities.append(_Entity(full=(ent.start_char, ent.end_char), person=name))
    else:
        entities.append(_Entity(full=(ent.start_char, ent.end_char), org=name))
    return len(entities) - 1


#: Grammatical subjects: a person named as one is what a following "he" or "she" stands for.
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _latest(entity: _Entity) -> int:
    return max([entity.full[0], *(span[0] for span in entity.mentions)])


def _personal_antecedent(
    doc: Doc,
    start: int,
    pronoun: str,
    entities: list[_Entity],
    last: int | None,
    contents: tuple[Span, ...],
) -> int | None:
    """ "he" / "she" (guide 1.1): the person named as the subject of a main clause since the last
    speaker was mentioned, outside every statement ("Former President Bill Clinton agreed. ...
    'Iowa happened,' he said"); else the last speaker when it is a person of that pronoun;
    else the latest such person ("she" is never "aides" or "the crowd"). None leaves it to the
    caller's old rule (the last speaker)."""
    since = _latest(entities[last]) if last is not None else -1
    other = "she" if pronoun == "he" else "he"
    text = text_of(doc)
    for ent in reversed(doc_entities(doc)):
        if ent.start_char <= since:
            break
        if ent.end_char > start or ent.label_ != "PERSON" or ent.root.dep_ not in SUBJECT_DEPS:
            continue
        clause = ent.root.head
        if clause.dep_ == "conj":
            clause = clause.head
        if clause.dep_ != "ROOT":
            continue  # "as President Abraham Lincoln did", "than Mr. Perot did": a comparison
        if any(a <= ent.start_char < b for a, b in contents):
            continue  # a person inside someone's statement is not the speaker
        name = person_name(ent.text)
        known = [i for i, e in enumerate(entities) if e.person and same_person(e.person, name)]
        if known and _disagrees(text, entities[known[-1]], other):
            continue  # "she" is not the man named just before
        if _gender_of(text[max(0, ent.start_char - 30) : ent.end_char]) == other:
            continue  # "she" is not "John McGraw"
        if known:
            return known[-1]
        entities.append(_Entity(full=(ent.start_char, ent.end_char), person=name))
        return len(entities) - 1
    if last is not None and entities[last].person and not _disagrees(text, entities[last], other):
        return last
    if (
        last is not None
        and _unnamed_person_near(entities[last], start)
        and not _disagrees(text, entities[last], other)
    ):
        return last  # "..., a resident told the BBC. As they left, ..., he added."
    people = [
        index
        for index, entity in enumerate(entities)
        if entity.person and not _disagrees(text, entity, other) and _latest(entity) < start
    ]
    return max(people, key=lambda index: _latest(entities[index])) if people else None


#: How far before "he" or "she" the unnamed person who spoke last stands (characters): the
#: sentence before, as in "a resident told the BBC. As they marched ..., he added."
UNNAMED_NEAR = 300


def _unnamed_person_near(entity: _Entity, start: int) -> bool:
    """An unnamed single person ("a resident", "the witness") mentioned within UNNAMED_NEAR
    characters before ``start``: "he" after the speaker who just spoke, not a person named
    earlier in the article."""
    unnamed = not (entity.person or entity.org or entity.document or entity.named)
    return (
        unnamed
        and _personal_head(entity.head)
        and not _plural(entity)
        and 0 <= start - _latest(entity) <= UNNAMED_NEAR
    )


def described_subject(
    doc: Doc, start: int, pronoun: str, entities: list[_Entity], contents: tuple[Span, ...]
) -> int | None:
    """ "Then the ISIS member makes a statement. Speaking ..., he identifies Foley": a definite
    person description ("the ISIS member", "the gunman") that is the main subject of the
    pronoun's sentence or the one before, with no person named as a subject after it, is what
    "he" or "she" stands for (guide 1.1) — not the named person the clause is about."""
    here = doc.char_span(start, start + len(pronoun), alignment_mode="expand")
    if here is None:
        return None
    first = here.sent.start
    if first > 0:
        first = doc[first - 1].sent.start
    subject = None
    for tok in doc[first : here.start]:
        if tok.dep_ not in SUBJECT_DEPS or tok.head.dep_ != "ROOT":
            continue
        if any(a <= tok.idx < b for a, b in contents):
            continue
        if tok.ent_type_ == "PERSON" or tok.pos_ == "PRON":
            subject = None  # a person named (or a pronoun) later than the description
        elif _is_described_person(tok, pronoun):
            subject = tok
    if subject is None:
        return None
    for index in range(len(entities) - 1, -1, -1):
        known = entities[index]
        if not (known.person or known.org) and known.head == subject.lower_:
            return index
    begin = subject.left_edge.idx
    entities.append(_Entity(full=(begin, subject.idx + len(subject)), head=subject.lower_))
    return len(entities) - 1


def _is_described_person(tok: Token, pronoun: str) -> bool:
    """ "the ISIS member", "this gunman": a singular person noun after "the"/"this"/"that",
    not of the other pronoun's sex."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return False
    table = _speaker_table()
    if table.classes.get(tok.lower_) != "person" or tok.lower_ in table.epithets:
        return False  # "the candidate", "the former first lady": an epithet of a named person
    if tok.lower_ in {"source", "official", "spokesman", "spokeswoman", "spokesperson"}:
        return False  # resolved with the unnamed sources and office holders
    if _titled_anywhere(tok):
        return False  # "the French ambassador" after "French Ambassador Jean Roux"
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children):
        return False
    other = "she" if pronoun == "he" else "he"
    return _gender_of(f"the {tok.lower_} x") != other


def introduced_unnamed(doc: Doc, head: str, start: int) -> bool:
    """ "a man in all black standing next to him" before "The man in black then says": the
    definite description refers back to the unnamed person the article introduced with the same
    noun, not to the person named last (an apposition or predicate of a name does not count:
    "Tom Reyes, a hedge fund manager", "Reyes is a man who ...")."""
    for tok in doc:
        if tok.idx >= start:
            return False
        if tok.lower_ != head or tok.pos_ != "NOUN" or tok.dep_ in ("appos", "attr"):
            continue
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return True
    return False


def _titled_anywhere(tok: Token) -> bool:
    """A person the article names under this title ("Ambassador Jean Roux", "Jean Roux, the
    ambassador"): the description may be that person, which the description rules decide."""
    people = [e for e in doc_entities(tok.doc) if e.label_ == "PERSON"]
    return any(titled_as(text_of(tok.doc), ent, tok.lower_, between=3) for ent in people)


@cache
def _gender_words() -> dict[str, str]:
    """``[gender]`` of ``newsint/data/speakers.toml``: given names and titles -> "he" / "she"."""
    raw = resources.files("newsint.data").joinpath("speakers.toml").read_text("utf-8")
    table = tomllib.loads(raw)["gender"]
    words = {word: "she" for word in table["female"].split()}
    words.update({word: "he" for word in table["male"].split()})
    return words


def _gender_of(phrase: str) -> str | None:
    """ "he" or "she" when the words of a mention before its surname say which ("Mrs. Clinton",
    "Sen. Elizabeth Warren", "spokesman John Kirby"); None when none does or they disagree."""
    words = _gender_words()
    found = {words[w] for w in phrase.translate(APOSTROPHES).lower().split()[:-1] if w in words}
    return found.pop() if len(found) == 1 else None


def _disagrees(text: str, entity: _Entity, other: str) -> bool:
    """The speaker is known to be of the other pronoun: one was resolved to it, or its name
    or title says so."""
    if entity.pronoun:
        return entity.pronoun == other
    spans = [entity.full, *entity.mentions]
    return any(_gender_of(text[max(0, a - 30) : b]) == other for a, b in spans)


#: Unnamed groups whose head noun is plural without an "s".
PLURAL_HEADS = {"people", "police", "staff", "folks", "children", "men", "women"}


#: Heads of a poll's source: "they" may stand for it, as for the respondents folded into it.
POLLS = {"poll", "polls", "survey", "surveys"}

#: "It was not clear whether ...", "It is unlikely that ...": an "it" that stands for nothing.
EXPLETIVE = re.compile(
    r"\s*(?:is|was|'s|’s|remains|remained|seems|seemed|appears|appeared)\s+(?:not\s+|still\s+|also\s+)?"
    r"(?:yet\s+)?(?:clear|unclear|possible|impossible|likely|unlikely|known|unknown|true|"
    r"important|difficult|hard|easy|uncertain|certain)\b",
    re.I,
)


def _plural(entity: _Entity) -> bool:
    head = entity.head
    return head in PLURAL_HEADS or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def _agrees(pronoun: str, entity: _Entity) -> bool:
    """ "they" is a group or an organisation, "it" an organisation, a document or another thing
    that is not people; neither is a named person."""
    if entity.person:
        return False
    if pronoun == "they":  # a poll stands for its respondents ("About 4 in 10 say they ...")
        return _plural(entity) or bool(entity.org) or entity.named or entity.head in POLLS
    return not _plural(entity) and (
        bool(entity.org) or entity.document or entity.named or not _personal_head(entity.head)
    )


def _personal_head(head: str) -> bool:
    return _speaker_table().classes.get(head) == "person"


def _agreeing_antecedent(
    start: int, pronoun: str, entities: list[_Entity], last: int | None
) -> int | None:
    """ "they" / "it" (guide 1.1): the last speaker when it agrees with the pronoun ("they" a
    plural group or an organisation, "it" an organisation or a document, never a named person),
    else the latest speaker that does. None leaves it to the caller's old rule (the last
    speaker)."""
    if last is not None and _agrees(pronoun, entities[last]):
        return last
    agreeing = [
        index
        for index, entity in enumerate(entities)
        if _agrees(pronoun, entity) and _latest(entity) < start
    ]
    return max(agreeing, key=lambda index: _latest(entities[index])) if agreeing else None


#: "both", "each", "neither", "the two", "all three candidates", "none of the three", "the three
#: Democratic candidates": the speakers named together just before (guide 1.2).
SET_REFERENCE = re.compile(
    r"^(?P<det>both|each|neither|none|the|all)(?: of the| of them)?(?: (?P<n>two|three|four|five))?"
    r"(?: of them| (?:[A-Z][\w.-]*\s)?(?:men|women|candidates|contenders|rivals|leaders))?$",
    re.I,
)
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
#: How far back (characters) the names a set reference stands for are looked for.
SET_WITHIN = 1200
SET_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def _untagged_surnames(doc: Doc, names: dict[int, Phrase]) -> dict[int, Phrase]:
    """ "King and Weeks were abducted" where NER tagged "Weeks" a date: a capitalised proper
    noun that ends a person's name elsewhere ("Kevin King", "Timothy Weeks") is a name."""
    surnames = {t.text for t in doc if given_before(t) is not None}
    people = [ent for ent in doc_entities(doc) if ent.label_ == "PERSON" and len(ent) > 1]
    surnames |= {ent[-1].text for ent in people}
    return {
        t.i: doc[t.i : t.i + 1]
        for t in doc
        if t.i not in names
        and t.pos_ == "PROPN"
        and t.text in surnames
        and t.text.istitle()
        and t.ent_type_ in {"", "DATE", "PERSON"}
    }


def set_members(doc: Doc, span: Span) -> list[Span] | None:
    """The names a set reference stands for ("Clinton and Sanders ... both said"): the last
    list of names joined by "and"/"or" before it, of the size it gives ("both", "the two": two);
    [] when the phrase is a set reference but no such list is near; None when it is none."""
    match = SET_REFERENCE.match(text_of(doc)[span[0] : span[1]].strip())
    if match is None or (match["det"].lower() in {"the", "all"} and not match["n"]):
        return None
    count = NUMBERS.get((match["n"] or "").lower())
    if count is None and match["det"].lower() in {"both", "each", "neither"}:
        count = 2
    phrase = doc.char_span(*span, alignment_mode="expand")
    if phrase is None:
        return None
    names = {ent.root.i: ent for ent in doc_entities(doc) if ent.label_ in SET_LABELS}
    names.update(_untagged_surnames(doc, names))
    for token in reversed(doc[: phrase.start]):
        if token.idx < span[0] - SET_WITHIN:
            break
        if token.i not in names or token.dep_ == "conj" or not token.conjuncts:
            continue
        heads = [token, *token.conjuncts]
        if not all(h.i in names for h in heads):
            continue
        if not any(c.dep_ == "cc" for h in heads for c in h.children):
            continue
        if count is None or len(heads) == count:
            group = [names[h.i] for h in sorted(heads, key=lambda h: h.i)]
            return [(ent.start_char, ent.end_char) for ent in group]
    return []


#: Classes of unnamed speakers that "he" or "she" never stands for.
NOT_ONE_PERSON = {"group", "organisation", "polity", "media", "document", "quantifier"}


def _person_fallback(
    doc: Doc, start: int, pronoun: str, entities: list[_Entity], last: int | None
) -> int | None:
    """ "he" / "she" with no named person among the speakers before it: the last speaker when it
    can be one person (an unnamed "spokesman", not "The Sun" or "the report"), else the latest
    speaker that can ("A spokeswoman said ... The Post reported ... she added"), else the last
    speaker."""
    if last is not None and _one_person(entities[last]):
        return last
    people = [i for i, e in enumerate(entities) if _one_person(e) and _latest(e) < start]
    if people:
        return max(people, key=lambda i: _latest(entities[i]))
    other = "she" if pronoun == "he" else "he"
    agreeing = [
        i for i, e in enumerate(entities) if not (e.person and _disagrees(text_of(doc), e, other))
    ]
    if agreeing:
        return last if last in agreeing else agreeing[-1]
    return None if entities else _antecedent(doc, start, pronoun, entities)


def _one_person(entity: _Entity) -> bool:
    """An unnamed speaker that "he" or "she" can stand for: a person noun in the singular."""
    if entity.person or entity.org or entity.document or _plural(entity):
        return False  # a named person "he" could stand for was already asked about
    return _speaker_table().classes.get(entity.head) not in NOT_ONE_PERSON
