"""Sources: resolve who each attribution's source is, and profile them.

``resolve_sources(doc, attributions)`` groups the source spans of the attribution stage into
sources ("he", "Kent", "the official" -> the fullest earlier mention) and profiles each one:
canonical name, named or anonymous (with the stated reason), role, affiliation, kind, whether it
relays what others told it, and its stated interest. Rules are ``newsint.sources.v2.1``.

Only speakers become sources. The attribution stage also finds "fires have continued, showing
that ..." and "Jam has always seemed like ...": a source phrase that names no person or
organisation is a speaker only if its head noun is a person, a group of people, an organisation,
a place acting as a government, a medium or a document (``speaker_class``, from the table in
``newsint/data/speakers.toml``). The attributions of anything else keep their spans but get no
source_id, so their claims are the outlet's own assertions.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as Phrase

from newsint.models import Attribution, Source, SourceKind, Span
from newsint.nlp import entities as doc_entities
from newsint.nlp import text_of

RULES = "newsint.sources.v2.1"

PRONOUNS = {"he", "she", "they", "i", "we", "you", "him", "her", "it", "who"}
#: "his claim that ...": the possessor is the speaker, resolved like the pronoun itself.
#: Not "your": outside quotations it is the reader ("your best defense").
POSSESSIVES = {"his": "he", "their": "they", "its": "it", "my": "i", "our": "we", "them": "they",
               "us": "we", "me": "i"}  # fmt: skip
#: "reports that depicted ...", "the study -- which notes ...": the noun the clause hangs on speaks.
RELATIVES = {"which", "that"}

#: Heads that make an unnamed source a document rather than a person.
DOCUMENT_HEADS = {
    "information", "report", "reports", "document", "documents", "data", "study", "studies",
    "poll", "polls", "survey", "surveys", "analysis", "memo", "statement", "records", "record",
    "intelligence", "assessment", "findings", "letter", "filing", "email", "emails", "review",
    "research", "figures", "numbers", "estimates", "transcript", "audit", "investigation",
}  # fmt: skip
OFFICIAL_WORDS = {
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister", "secretary",
    "ambassador", "senator", "sen.", "rep.", "representative", "congressman", "congresswoman",
    "president", "governor", "gov.", "mayor", "officer", "diplomat", "diplomats", "commander",
    "general", "gen.", "maj.", "col.", "lt.", "capt.", "sgt.", "adm.", "police", "prosecutor",
    "prosecutors", "judge", "chairman", "administration", "lawmaker", "lawmakers", "aide", "aides",
    "envoy", "attorney", "director", "staffer", "staffers", "authorities", "spokespeople",
    "ministry", "department", "agency", "pentagon", "white", "kremlin", "government",
    "speaker", "superintendent", "ombudsman", "commissioner", "premier", "chancellor",
    "councilman", "councilwoman", "councilmember", "legislator", "sheriff", "administrator",
    "comptroller", "treasurer", "inspector",
}  # fmt: skip
EXPERT_WORDS = {
    "expert", "experts", "professor", "scholar", "fellow", "researcher", "researchers",
    "economist", "economists", "scientist", "scientists", "historian", "specialist", "lecturer",
    "dr.", "academic", "academics",
}  # fmt: skip
ANALYST_WORDS = {"analyst", "analysts", "observers", "observer", "strategist", "strategists"}
WITNESS_WORDS = {
    "witness", "witnesses", "eyewitness", "eyewitnesses", "resident", "residents", "bystander",
    "survivor", "survivors", "neighbor", "neighbour", "neighbors", "neighbours", "passenger",
}  # fmt: skip
MEDIA_WORDS = {"newspaper", "times", "post", "reuters", "ap", "agency", "broadcaster", "network",
               "cnn", "bbc", "fox", "journal", "magazine", "tv", "television", "news"}  # fmt: skip
COMMERCIAL_ROLES = {
    "ceo", "founder", "co-founder", "owner", "chairman", "president", "executive", "partner",
    "director", "chief", "lobbyist", "consultant", "contractor", "vendor", "manager",
}  # fmt: skip
#: Roles that only exist in a business: their holder speaks for it ("Facebook CEO").
OWNER_ROLES = {"ceo", "founder", "co-founder", "owner", "cfo", "coo", "cto", "proprietor"}
COMMERCIAL_ORG = re.compile(
    r"\b(Services|Inc\.?|LLC|Ltd\.?|Corp\.?|Corporation|Company|Co\.|Group|Solutions|"
    r"Consulting|Partners|Holdings|Technologies|Associates|Enterprises)\b"
)
THINK_TANK = re.compile(r"\b(Institution|Institute|University|College|Center|Centre|Council|"
                        r"Foundation|School|Endowment|Academy)\b")  # fmt: skip
POLITICAL_ROLES = {"campaign", "candidate", "party", "chairwoman", "strategist", "adviser",
                   "advisor", "surrogate", "donor", "pac"}  # fmt: skip
TITLE_WORDS = {
    "mr.", "mrs.", "ms.", "dr.", "sen.", "sens.", "rep.", "reps.", "gov.", "gen.", "maj.", "col.",
    "lt.", "capt.",
    "sgt.", "adm.", "cpl.", "pvt.", "prof.", "president", "secretary", "senator", "governor",
    "minister", "judge", "mayor", "general", "commander", "ambassador", "spokesman",
    "spokeswoman", "director", "chairman", "prime", "chief",
}  # fmt: skip
#: Heads of noun phrases that name an institution speaking as a body ("Iraq's parliament").
INSTITUTION_HEADS = {
    "parliament", "ministry", "government", "department", "agency", "company", "court",
    "council", "military", "army", "embassy", "committee", "commission", "congress", "senate",
    "house", "administration", "campaign", "party", "university", "police", "office", "bureau",
    "cabinet", "board", "firm", "bank", "union", "coalition", "pentagon", "kremlin",
}  # fmt: skip
ROLE_HINTS = {
    "officer", "member", "leader", "head", "founder", "veteran", "agent", "contractor",
    "employee", "worker", "volunteer", "activist", "lawyer", "doctor", "nurse",
}  # fmt: skip
SERVICE_WORDS = {"army", "navy", "air", "force", "marine", "marines", "corps", "coast", "guard"}
#: Role words that, capitalised, are part of an institution's name ("White House").
ORG_WORDS = {"white", "pentagon", "kremlin", "department", "agency", "ministry", "government",
             "police", "administration"}  # fmt: skip
#: Not roles: "Mr. Trump" has no title worth reporting.
HONORIFICS = {"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss"}
ROLE_MODIFIERS = {
    "deputy", "vice", "acting", "former", "associate", "assistant", "senior", "interim",
    "executive", "managing", "general", "prime", "chief", "lead",
}  # fmt: skip

ROLE_WORDS = (
    ROLE_HINTS | OFFICIAL_WORDS | EXPERT_WORDS | ANALYST_WORDS | COMMERCIAL_ROLES | WITNESS_WORDS
)
ANONYMITY = re.compile(
    r"(?:who\s+)?(?P<reason>"
    r"(?:spoke|speaking|talked|talking)\s+on\s+(?:background|(?:the\s+)?condition\s+of\s+"
    r"anonymity|condition\s+that\s+[^,.;]+)[^,.;]*"
    r"|on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|that\s+[^,.;]+)"
    r"|(?:was|were|is|are)\s+not\s+authori[sz]ed\s+to\s+[^,.;]+"
    r"|(?:requested|asked\s+for|demanded|requesting|asking\s+for|granted)\s+anonymity[^,.;]*"
    r"|speaking\s+anonymously[^,.;]*"
    r"|(?:declined|asked\s+not|did\s+not\s+want)\s+to\s+be\s+(?:named|identified)[^,.;]*"
    r")",
    re.I,
)
RELAYS = re.compile(
    r"\b(?:(?:has|have|had)\s+)?(?:received|obtained|gathered|collected|heard)\s+"
    r"(?:information|reports|word|intelligence|accounts)\b[^.]*?\bfrom\b(?:[^,.;]|,(?=\d))*"
    r"|\bfrom\s+(?:more\s+than\s+)?[\d,]+\s+(?:contacts|sources|informants|people)\b"
    r"|\b(?:sources|contacts)\s+(?:told|tell)\s+(?:him|her|them|us)\b",
    re.I,
)
APPOSITIVE = re.compile(
    r"^(?:\s*\([^()]{1,30}\))?(?:,\s*|\s+)"
    r"(?P<desc>(?:(?:the|a|an|his|her|their)\s+|(?=[a-z]))[^,.;\"“”]+?)"
    r"(?=,|\.\s|;|\s+(?:has|had|have|is|was|were|are|said|says|told|who|noted|added|and)\b)"
)
LOWER_DETERMINERS = re.compile(
    r"^(A|An|One|Some|The|Several|Two|Three|Four|Five|Many|Other|Senior|Former|Top)\b"
)
ROLE_SPLIT = re.compile(r"\s+(?:of|at|for|with|in|from)\s+(?:the\s+)?", re.I)
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
STRIP_DET = re.compile(r"^(?:the|a|an|his|her|their)\s+", re.I)


@dataclass(slots=True)
class _Entity:
    """A source being built: every mention, the fullest one, and its profile."""

    mentions: list[Span] = field(default_factory=list)
    full: Span = (0, 0)
    person: str | None = None  # the PERSON name when the source is a named person
    org: str | None = None  # the ORG name when the source is an organisation
    head: str = ""  # lower-cased head noun of an unnamed source ("official", "analysts")
    document: bool = False  # an unnamed report, study, poll, video ... (speaker_class "document")
    named: bool = False  # a name NER missed ("Schiff", "WeWork"): named, neither person nor org
    attribution_ids: list[str] = field(default_factory=list)
    shared_title: str | None = None  # "Sen." of "Sens. A, B and C said", for B and C


def resolve_sources(
    doc: Doc, attributions: list[Attribution]
) -> tuple[list[Source], list[Attribution]]:
    """Group attribution sources into profiled Sources; return them and the linked attributions."""
    entities: list[_Entity] = []
    linked: dict[str, int] = {}
    joint: dict[str, list[_Entity]] = {}
    last: int | None = None
    for attribution in attributions:
        if not attribution.source:
            continue
        spans = _relative_antecedent(doc, attribution.source) or attribution.source
        members = _joint(doc, spans, entities)
        if members:
            for entity, span in members:
                entity.mentions.append(span)
                entity.attribution_ids.append(attribution.id)
            linked[attribution.id] = entities.index(members[0][0])
            joint[attribution.id] = [entity for entity, _ in members[1:]]
            last = entities.index(members[-1][0])
            continue
        index = _resolve_one(doc, spans, entities, last)
        if index is None:
            continue  # no speaker, or a pronoun with nothing before it to point to
        entity = entities[index]
        entity.mentions.extend(attribution.source)
        entity.attribution_ids.append(attribution.id)
        linked[attribution.id] = index
        last = index
    entities, linked = _merge_described(doc, entities, linked)
    sources = [
        _profile(doc, f"s{i + 1}", entity, attributions) for i, entity in enumerate(entities)
    ]
    position = {id(entity): i for i, entity in enumerate(entities)}
    out = []
    for a in attributions:
        if a.id in linked:
            others = [sources[position[id(e)]].id for e in joint.get(a.id, []) if id(e) in position]
            a = replace(a, source_id=sources[linked[a.id]].id, co_source_ids=tuple(others))
        out.append(a)
    return merge_spokespeople(sources, out)


#: "a spokeswoman for Governor Jane Doe", "an aide to Ukraine's Volodymyr Zelensky", "a lawyer
#: for the family": the speaker is the unnamed agent, the name after it their principal.
AGENT_OF = re.compile(
    r"^(?:a|an|one|the|two|three|several)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:spokes(?:man|woman|person|people)|aides?|advis[eo]rs?|lawyers?|attorneys?|"
    r"representatives?|assistants?|staffers?|officials?|associates?|allies|ally|friends?|"
    r"relatives?|confidants?)\s+(?:for|to|of|with|close to)\s+",
    re.I,
)
SPOKES = re.compile(r"\bspokes(?:man|woman|person|people)\b|\bpress secretary\b", re.I)


def merge_spokespeople(
    sources: list[Source], attributions: list[Attribution]
) -> tuple[list[Source], list[Attribution]]:
    """ "The Kremlin dismissed ...; Kremlin spokesman Dmitry Peskov told TASS": an organisation
    and its named spokesperson are one source, the person, with the organisation's mentions
    (judgement guide 1.10)."""
    into: dict[str, Source] = {}
    for person in sources:
        if person.anonymous or not person.affiliation or not SPOKES.search(person.role or ""):
            continue
        for org in sources:
            if (
                org is not person
                and org.id not in into
                and _org_key(org.name) == _org_key(person.affiliation)
            ):
                into[org.id] = person
    if not into:
        return sources, attributions
    grown: dict[str, Source] = {}
    for org_id, person in into.items():
        org = next(s for s in sources if s.id == org_id)
        base = grown.get(person.id, person)
        grown[person.id] = replace(
            base,
            mentions=tuple(sorted(set(base.mentions) | set(org.mentions))),
            statements=base.statements + org.statements,
        )
    kept = [grown.get(s.id, s) for s in sources if s.id not in into]

    def target(sid: str | None) -> str | None:
        return into[sid].id if sid in into else sid

    relinked = [
        replace(
            a,
            source_id=target(a.source_id),
            co_source_ids=tuple(dict.fromkeys(t for t in map(target, a.co_source_ids) if t)),
        )
        for a in attributions
    ]
    return kept, relinked


#: Entity labels whose conjoined mentions are separate speakers ("Sens. A, B and C").
JOINT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def _coordinated(head: Token) -> list[Token]:
    """The heads coordinated with ``head`` ("A, B and C"), also when the parser hangs the list
    on the first name as an apposition ("Tom Carper, Dianne Feinstein and Ben Cardin");
    only with a coordinating "and"/"or" among them."""
    heads = [head, *head.conjuncts]
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ and child.conjuncts:
            heads += [child, *child.conjuncts]
    heads = sorted(set(heads), key=lambda t: t.i)
    if not any(c.dep_ == "cc" for t in heads for c in t.children):
        return []
    return heads


def _joint(
    doc: Doc, spans: tuple[Span, ...], entities: list[_Entity]
) -> list[tuple[_Entity, Span]]:
    """A joint source split into its members (judgement guide 1.2): "Sens. Tom Carper, Dianne
    Feinstein and Ben Cardin said", "The US, France, Germany and Canada have agreed", "Both the
    White House and FBI declined". Each member is resolved like a source of its own; nothing
    when the phrase is one name ("Smith & Wesson") or a member cannot speak."""
    phrase = doc.char_span(spans[0][0], spans[-1][1], alignment_mode="expand")
    if phrase is None:
        return []
    heads = _coordinated(phrase.root)
    if len(heads) < 2:
        return []
    out: list[tuple[_Entity, Span]] = []
    for head in sorted(heads, key=lambda t: t.i):
        ent = next((e for e in doc_entities(doc) if e.start <= head.i < e.end), None)
        if ent is not None and all(ent.start <= t.i < ent.end for t in heads):
            return []  # one name for the whole phrase ("Smith & Wesson")
        if ent is not None and ent.label_ in JOINT_LABELS:
            span = (ent.start_char, ent.end_char)
        elif head.pos_ in {"PROPN", "NOUN"}:
            left = min(
                (c.left_edge.i for c in head.lefts if c.dep_ not in {"cc", "punct", "preconj"}),
                default=head.i,
            )
            span = (doc[left].idx, head.idx + len(head))
        else:
            return []
        index = _resolve_one(doc, (span,), entities, None)
        if index is None:
            return []
        out.append((entities[index], span))
    if len({id(e) for e, _ in out}) < 2:
        return []
    title = PLURAL_TITLES.get(_prefix_before(text_of(doc), out[0][1][0]).split(" ")[-1].lower())
    for entity, _ in out[1:]:
        if title and entity.person and entity.shared_title is None:
            entity.shared_title = title
    return out


#: A title before a list of names belongs to each of them: "Sens. A, B and C".
PLURAL_TITLES = {"sens.": "Sen.", "reps.": "Rep.", "senators": "Sen.", "representatives": "Rep.",
                 "govs.": "Gov.", "drs.": "Dr."}  # fmt: skip


def _merge_described(
    doc: Doc, entities: list[_Entity], linked: dict[str, int]
) -> tuple[list[_Entity], dict[str, int]]:
    """ "A leading foreign policy expert said ..." in the lede, "Michael O'Hanlon, a foreign policy
    expert at ..." later: an unnamed singular source whose description names a person's role
    (two words or more) is that person."""
    people = [(i, e, " ".join(_descriptions(doc, e)).lower()) for i, e in enumerate(entities)]
    people = [(i, e, d) for i, e, d in people if e.person and d]
    into: dict[int, int] = {}
    for index, entity in enumerate(entities):
        if entity.person or entity.org:
            continue
        core = _core(doc, entity.full).lower()
        if not re.match(r"^(a|an|one)\s", core) or ANONYMITY.search(
            _context_after(text_of(doc), entity.full)
        ):
            continue
        words = [w for w in core.split()[1:] if w not in {"leading", "top", "senior", "prominent",
                 "well-known", "noted", "former"}]  # fmt: skip
        role = " ".join(words[-3:])
        if len(role.split()) < 2:
            continue
        for target, person, descriptions in people:
            if role in descriptions and target != index:
                into[index] = target
                person.mentions.extend(entity.mentions)
                person.attribution_ids.extend(entity.attribution_ids)
                break
    if not into:
        return entities, linked
    kept = [i for i in range(len(entities)) if i not in into]
    renumber = {old: new for new, old in enumerate(kept)}
    linked = {a: renumber[into.get(i, i)] for a, i in linked.items()}
    return [entities[i] for i in kept], linked


def _resolve_one(
    doc: Doc, spans: tuple[Span, ...], entities: list[_Entity], last: int | None
) -> int | None:
    start, end = spans[0][0], spans[-1][1]
    text = text_of(doc)[start:end].strip().translate(APOSTROPHES)
    lower = POSSESSIVES.get(text.lower(), text.lower())
    if lower in PRONOUNS and not (text.isupper() and len(text) > 1):  # "US" is no "us"
        if entities:
            return last if last is not None else len(entities) - 1
        return _antecedent(doc, start, lower, entities)
    word = doc.char_span(start, end, alignment_mode="expand")
    common = word is not None and len(word) == 1 and _common_word(word[0])  # "Jam has ..."
    agent = bool(AGENT_OF.match(text))  # "a spokeswoman for Scott Schwab": not Schwab
    person = (
        None
        if common or agent
        else (
            _person_in(doc, start, end)
            or _known_surname(text, entities)
            or _named_in_full(doc, text, start)
        )
    )
    if person:
        surname = person.split()[-1]
        for index in range(len(entities) - 1, -1, -1):
            known = entities[index].person
            if known and (known == person or known.split()[-1] == surname):
                if len(person) > len(known):
                    entities[index].person = person
                    entities[index].full = (start, end)
                return index
        entities.append(_Entity(full=(start, end), person=person))
        return len(entities) - 1
    head = _head_noun(doc, start, end)
    definite = lower.startswith(("the ", "this ", "that ", "these ", "those "))
    if definite and head:
        for index in range(len(entities) - 1, -1, -1):
            if entities[index].head == head or _same_number_head(entities[index].head, head):
                return index
        if head in _speaker_table().epithets and lower.startswith("the "):
            described = _described_person(doc, start, entities)
            if described is not None:
                return described
    for index in range(len(entities) - 1, -1, -1):
        if entities[index].person is None and _norm(text_of(doc), entities[index].full) == _norm(
            text_of(doc), (start, end)
        ):
            return index
    org = None if common or agent else _org_in(doc, start, end)
    org = org if _is_whole(org, text) else None
    if org is None and definite and head in INSTITUTION_HEADS:
        for index in range(len(entities) - 1, -1, -1):  # "the company" after "WeWork"
            if entities[index].org:
                return index
    if org is None and head in INSTITUTION_HEADS and not _indefinite(lower):
        org = _core(doc, (start, end))
    if org:
        for index in range(len(entities) - 1, -1, -1):
            known = entities[index].org
            if known and _org_key(known) == _org_key(org):
                return index
    kind = None if org else speaker_class(doc, start, end)
    if org is None and kind is None:
        return None  # "fires", "the roller-coaster ride", "Boil for 10 minutes": not a speaker
    if RESPONDENTS.match(text):
        poll = _poll_before(doc, start, entities)
        if poll is not None:
            return poll
    entities.append(
        _Entity(
            full=(start, end),
            head=head,
            org=org,
            document=kind == "document",
            named=kind == "name" and _written_as_name(word),
        )
    )
    return len(entities) - 1


def _relative_antecedent(doc: Doc, spans: tuple[Span, ...]) -> tuple[Span, ...] | None:
    """ "two highly critical reports that depicted ...": the noun a relative pronoun stands for."""
    start, end = spans[0][0], spans[-1][1]
    if text_of(doc)[start:end].strip().lower() not in RELATIVES:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    token = span[0]
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "relcl":
        noun = token.head.head
    elif token.i > 0 and token.lower_ == "which":  # misparsed: the noun right before it
        noun = token.doc[token.i - 1]
    else:
        return None
    if noun.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    last = noun.i
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1  # the whole name the clause hangs on
    return ((noun.left_edge.idx, doc[last].idx + len(doc[last])),)


# -- Can this phrase speak? ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _SpeakerTable:
    """``newsint/data/speakers.toml``: lemma -> class, and the rules around it."""

    classes: dict[str, str]
    partitive: frozenset[str]
    adjectives: frozenset[str]
    suffixes: tuple[str, ...]
    exceptions: frozenset[str]
    epithets: frozenset[str]


@cache
def _speaker_table() -> _SpeakerTable:
    raw = tomllib.loads(
        resources.files("newsint.data").joinpath("speakers.toml").read_text("utf-8")
    )
    classes = {word: name for name, words in raw["speakers"].items() for word in words.split()}
    return _SpeakerTable(
        classes=classes,
        partitive=frozenset(raw["partitive"]["words"].split()),
        adjectives=frozenset(raw["adjectives"]["words"].split()),
        suffixes=tuple(raw["agentive"]["suffixes"].split()),
        exceptions=frozenset(raw["agentive"]["exceptions"].split()),
        epithets=frozenset(raw["epithets"]["words"].split()),
    )


#: Entity labels of heads that can speak, and of heads that never do ("Tuesday", "12:15 p.m").
SPEAKING_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
MUTE_ENTITIES = {"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"}
COMPARATIVES = {"more", "less", "fewer", "much"}
PERSONAL = {"he", "she", "they", "we", "i", "you", "it", "him", "her", "them", "us", "me", "who",
            "whom"}  # fmt: skip


def speaker_class(doc: Doc, start: int, end: int) -> str | None:
    """What kind of speaker the phrase ``doc.text[start:end]`` is, or None if it cannot speak.

    The class of its head (its subject when the phrase is a clause) or of any conjoined head:
    "entity" (PERSON/ORG/GPE/NORP), a class of the speaker table (person, group, organisation,
    polity, media, document, quantifier), "agentive" ("negotiators", "forecasters"), "name" (a
    proper noun NER missed: "Scissors, a China scholar ...", but not "Jam" when the text also
    writes "jam"), "pronoun". A partitive head defers to its "of" phrase ("92 percent of the
    Kurds"); an unknown noun with a "who" clause is a person."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "name"  # cannot tell: keep it as before
    # the phrase's heads: usually one; more when the parse breaks it ("The company flat-out")
    heads = [t for t in span if t.head == t or t.head not in span]
    for head in heads:
        if head.pos_ in {"VERB", "AUX"} and not _capitalised(head):
            # "Boil for 10 minutes" has no subject; "that process led to ..." has one
            heads.extend(t for t in head.children if t.dep_ in {"nsubj", "nsubjpass"} and t in span)
            continue
        for token in [head, *(t for t in head.conjuncts if t in span)]:
            found = _token_class(token)
            if found:
                return found
    return None


def _token_class(token: Token, depth: int = 0) -> str | None:
    table = _speaker_table()
    lower = token.lower_
    if lower in COMPARATIVES:
        return None  # "More: ..." (lemma "many"), not a quantity of people
    forms = [token.lemma_.lower(), lower, *_singulars(lower)]
    if token.ent_type_ in SPEAKING_ENTITIES and not _common_word(token):
        return "entity"
    if token.ent_type_ in MUTE_ENTITIES:
        return None
    if any(f in table.partitive for f in forms) and depth < 3:
        of = _of_object(token)
        if of is not None:
            return _token_class(of, depth + 1) or next(
                (c for t in of.conjuncts if (c := _token_class(t, depth + 1))), None
            )
    if token.pos_ == "PRON":
        return "pronoun" if lower in PERSONAL else table.classes.get(lower)
    found = next((table.classes[f] for f in forms if f in table.classes), None)
    if found:
        return found
    if token.pos_ == "NUM" or token.ent_type_ in {"CARDINAL", "PERCENT"}:
        return "quantifier"  # "Two said", "63 percent"
    if _capitalised(token) and not _common_word(token):
        return "name"  # "Schiff", "WeWork", "Politifact": a name NER missed
    if token.pos_ == "ADJ" and forms[0] in table.adjectives:
        return "person"  # "the accused"; but not "the dangerous"
    nominal = token.pos_ in {"NOUN", "PROPN"} or token.tag_ == "JJ"  # "the immunologist" (JJ)
    if nominal and any(_agentive(f, table) for f in forms):
        return "agentive"
    if any(
        c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in token.children
    ):
        return "person"  # "the fellow, who ...": the text says it is a person
    return None


def _singulars(word: str) -> list[str]:
    """ "DOCTORS" -> "doctor" where the lemmatiser gave up (headlines in capitals)."""
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-2], word[:-1]]
    return [word[:-1]] if word.endswith("s") else []


def _written_as_name(span: Phrase | None) -> bool:
    """ "Schiff", "WeWork", "McClatchy": no determiner, and not a common noun that is only
    capitalised because it opens the sentence ("Investigators said ...")."""
    if span is None or not len(span) or span[0].lower_ in {"the", "a", "an"}:
        return False
    first = span[0]
    before = first.doc[first.i - 1] if first.i else None
    opens = first.is_sent_start or before is None or before.is_space or "\n" in before.whitespace_
    if first.pos_ == "PROPN" or not opens or re.search(r"[A-Z\d]", first.text[1:]):
        return True
    return any(c.dep_ == "appos" and _token_class(c, 3) for c in first.children)  # "Scissors, a"


def _capitalised(token: Token) -> bool:
    """ "Schiff", "WeWork", "my6sense": written as a name (not a word in capitals)."""
    text = token.text
    if text.startswith("@") and len(text) > 1:  # a social media handle
        return True
    if token.is_upper:  # "RT", "CNS" alone; not "FELLOW DOCTORS" in a headline
        doc = token.doc
        around = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        return token.is_alpha and not any(t.is_upper and t.is_alpha for t in around)
    if not re.search(r"[a-z]", text):
        return False
    return text[0].isupper() or bool(re.search(r"[A-Z\d]", text[1:]))


def _of_object(token: Token) -> Token | None:
    """ "a group of physicians" -> "physicians"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    return None


def _agentive(lemma: str, table: _SpeakerTable) -> bool:
    """ "negotiator", "forecaster", "economist", "nominee": someone who does something."""
    if lemma in table.exceptions or not lemma.isalpha():
        return False
    return any(lemma.endswith(s) and len(lemma) >= len(s) + 2 for s in table.suffixes)


def _common_word(token: Token) -> bool:
    """A capitalised word that is only capitalised because it opens the sentence: "Fires have
    continued" (tagged a common noun, never capitalised mid-sentence), "Jam has always seemed ..."
    beside "their own jam". Unless an apposition says who it is: "Scissors, a China scholar with
    ..." is Derek Scissors."""
    if not token.is_sent_start or re.search(r"[A-Z\d]", token.text[1:]):
        return False  # "WeWork", "my6sense" are names wherever they stand
    if any(c.dep_ == "appos" and _token_class(c, 3) for c in token.children):
        return False
    if any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == token.text
        for e in doc_entities(token.doc)
    ):
        return False  # "Wines believes ..." after "Leah Wines"
    doc = token.doc
    if any(t.text == token.lower_ and t.pos_ == "NOUN" for t in doc):
        return True
    return token.pos_ == "NOUN" and not any(  # "Trump knows": "Trump" mid-sentence elsewhere
        t.text == token.text and not t.is_sent_start for t in doc if t.i != token.i
    )


def _org_key(name: str) -> str:
    return re.sub(r"['’]s$|\W+", "", STRIP_DET.sub("", name).lower())


#: "73 percent", "Nearly eight of 10 voters", "a majority of Republicans": poll respondents, who
#: belong to the poll (judgement guide 1.8).
RESPONDENTS = re.compile(
    r"^(?:only |nearly |almost |about |roughly |just |more than |less than |fewer than |over )?"
    r"(?:\d[\d.,]*\s*(?:%|percent|per cent)|\w+ (?:of|in) (?:\d+|ten)\b|"
    r"(?:a|the) (?:slim |narrow |clear |large )?majority of)",
    re.I,
)
#: "a new Quinnipiac poll", "the survey": the poll respondents belong to.
POLL = re.compile(r"\b(?:[\w/.'’-]+\s+){0,5}?(?:poll|polls|survey|surveys|polling)\b", re.I)


def _poll_before(doc: Doc, start: int, entities: list[_Entity]) -> int | None:
    """The poll named last before ``start``, as a known source or a new document source."""
    text = text_of(doc)
    found = None
    for match in POLL.finditer(text, 0, start):
        found = match
    if found is None:
        return None
    phrase = _poll_phrase(text, found.span())
    for index in range(len(entities) - 1, -1, -1):
        if entities[index].document and entities[index].head in {"poll", "polls", "survey"}:
            return index
    head = "survey" if "survey" in phrase.lower() else "poll"
    entities.append(_Entity(full=_poll_span(text, found.span()), head=head, document=True))
    return len(entities) - 1


def _poll_span(text: str, span: Span) -> Span:
    """The poll's noun phrase: from its determiner or first capitalised word to its head."""
    start, end = span
    words = list(re.finditer(r"\S+", text[start:end]))
    for w in words:
        token = w.group(0)
        if token[:1].isupper() or token.lower() in {"a", "an", "the", "new", "latest", "recent"}:
            return start + w.start(), end
    return words[-1].start() + start, end


def _poll_phrase(text: str, span: Span) -> str:
    s, e = _poll_span(text, span)
    return text[s:e]


#: How far back (characters) the person an epithet describes is looked for: about a paragraph.
EPITHET_WITHIN = 600


def _described_person(doc: Doc, start: int, entities: list[_Entity]) -> int | None:
    """ "the New York businessman said": the person named last before it (within
    EPITHET_WITHIN characters), as a known source or a new one."""
    before = [
        e
        for e in doc_entities(doc)
        if e.label_ == "PERSON" and start - EPITHET_WITHIN <= e.start_char and e.end_char <= start
    ]
    if not before:
        return None
    ent = before[-1]
    name = _person_name(ent.text)
    if " " not in name and not re.search(r"[A-Z]", name):
        return None
    surname = name.split()[-1]
    for index in range(len(entities) - 1, -1, -1):
        known = entities[index].person
        if known and (known == name or known.split()[-1] == surname):
            return index
    entities.append(_Entity(full=(ent.start_char, ent.end_char), person=name))
    return len(entities) - 1


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


def _indefinite(lower: str) -> bool:
    return lower.startswith(("a ", "an ", "one ", "some ", "several ", "many ", "two ", "three "))


def _known_surname(text: str, entities: list[_Entity]) -> str | None:
    """ "O’Hanlon" when NER missed it but a known person has that surname."""
    bare = STRIP_DET.sub("", text).strip(" ,")
    for entity in reversed(entities):
        if entity.person and bare and entity.person.split()[-1] == bare:
            return entity.person
    return None


def _named_in_full(doc: Doc, text: str, start: int) -> str | None:
    """ "Young said ..." when "retired aerospace executive Tom Young" is named elsewhere but is
    not yet a source: the longest person name in the document that ends with this one word."""
    bare = STRIP_DET.sub("", text).strip(" ,")
    if not re.fullmatch(r"[A-Z][\w'’-]+", bare):
        return None
    token = doc.char_span(start, start + len(text), alignment_mode="expand")
    if token is None or _common_word(token[0]):
        return None
    names = [
        _person_name(ent.text)
        for ent in doc_entities(doc)
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text.translate(APOSTROPHES) == bare
    ]
    return max(names, key=len) if names else None


def _same_number_head(a: str, b: str) -> bool:
    return bool(a) and (a.rstrip("s") == b.rstrip("s"))


def _norm(text: str, span: Span) -> str:
    return re.sub(r"\W+", " ", text[span[0] : span[1]].lower()).strip()


def _is_whole(org: str | None, text: str) -> bool:
    if not org:
        return False
    rest = STRIP_DET.sub("", text.translate(APOSTROPHES)).strip(" ,")
    rest = re.sub(r"'s$", "", rest)
    return rest.lower() == STRIP_DET.sub("", org.translate(APOSTROPHES)).lower()


def _person_in(doc: Doc, start: int, end: int) -> str | None:
    for ent in doc_entities(doc):
        if ent.label_ == "PERSON" and ent.start_char >= start and ent.end_char <= end:
            name = _person_name(ent.text)
            return name if re.search(r"[A-Z]", name) else None
    return None


def _person_name(text: str) -> str:
    """ "Superintendent Jennifer McCormick's" -> "Jennifer McCormick": no possessive, no title."""
    words = re.sub(r"['’]s$", "", text.translate(APOSTROPHES).strip()).split()
    while len(words) > 1 and words[0].lower() in TITLE_WORDS | ROLE_WORDS:
        words = words[1:]
    return " ".join(words)


def _org_in(doc: Doc, start: int, end: int) -> str | None:
    for ent in doc_entities(doc):
        if ent.label_ in {"ORG", "GPE", "NORP"} and ent.start_char >= start and ent.end_char <= end:
            return STRIP_DET.sub("", ent.text)
    return None


def _head_noun(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"} and not t.ent_type_]
    root = span.root
    if root.pos_ in {"NOUN", "PROPN"}:
        return root.text.lower()
    return nouns[0].text.lower() if nouns else ""


def _core(doc: Doc, span: Span) -> str:
    """The source's noun phrase without its relative clause or apposition."""
    text = text_of(doc)[span[0] : span[1]].strip()
    text = re.split(r",|\s+who\s+|\s+which\s+|\s+that\s+", text, maxsplit=1)[0]
    return text.strip(" ,")


def _profile(doc: Doc, sid: str, entity: _Entity, attributions: list[Attribution]) -> Source:
    text = text_of(doc)
    full = entity.full
    own = [a for a in attributions if a.id in entity.attribution_ids]
    context = _context_after(text, full)
    reason_match = ANONYMITY.search(text[full[0] : full[1]]) or ANONYMITY.search(context)
    descriptions = _descriptions(doc, entity)
    role, affiliation = _role_affiliation(doc, entity, descriptions)
    if entity.person:
        name, anonymous = entity.person, False
    elif entity.org:
        name, anonymous = STRIP_DET.sub("", entity.org), False
    elif entity.named:
        name, anonymous = _core(doc, full), False
    else:
        name = _core(doc, full)
        first = doc.char_span(full[0], full[1], alignment_mode="expand")
        # "Analysts", "Information made available ...": a common noun, not a name
        common = (
            first is not None
            and (
                _common_word(first[0])  # "Clinicians say ..." beside "clinicians like it"
                or not first[0].ent_type_
                and first[0].text[1:].islower()
                and (
                    first[0].pos_ in {"NOUN", "ADJ", "DET", "NUM", "PRON", "VERB"}
                    or first[0].lower_ in DOCUMENT_HEADS | ROLE_WORDS
                )
            )
        )
        if LOWER_DETERMINERS.match(name) or common:
            name = name[0].lower() + name[1:]
        anonymous = True
    relays = _relay_span(text, [full, *(span for a in own for span in a.content)])
    kind, interest = _kind(entity, role, affiliation, descriptions, name)
    mentions = sorted(set(entity.mentions) | set(_name_mentions(doc, entity)))
    return Source(
        id=sid,
        name=name,
        anonymous=anonymous,
        kind=kind,
        mentions=tuple(mentions),
        anonymity_reason=_clean_reason(reason_match.group("reason"))
        if reason_match and anonymous
        else None,
        role=role,
        affiliation=affiliation,
        relays_others=relays is not None,
        relay_span=relays,
        interest=interest,
        statements=len(own),
    )


def _relay_span(text: str, spans: list[Span]) -> Span | None:
    """Where the source says it relays what others told it ("received information ... from")."""
    for start, end in spans:
        match = RELAYS.search(text, start, end)
        if match:
            return match.span()
    return None


def _clean_reason(reason: str) -> str:
    return re.sub(r"\s+", " ", reason).strip()


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
    out: list[str] = []
    for start, end in sorted(spans):
        if entity.person:
            end = _name_end(text_of(doc), start, end, entity.person)
        match = APPOSITIVE.match(text_of(doc)[end : end + 200])
        if match and not _apposition(match.group(0), match["desc"]):
            match = None  # "handed Trump an unambiguous defeat" is no apposition
        if match:
            desc = match.group("desc").strip()
            if desc not in out and len(desc.split()) <= 14:
                out.append(desc)
    return out


def _apposition(whole: str, desc: str) -> bool:
    """ ", a professor at ...", ", chairman of the subcommittee" (a bare role after a comma);
    without the comma only a description that names a role ("Jones the CEO said")."""
    comma = whole.lstrip().startswith((",", "("))
    if STRIP_DET.match(desc):
        return comma or _names_a_role(desc)
    first = desc.split()[0].lower() if desc.split() else ""
    return comma and first in ROLE_WORDS | ROLE_MODIFIERS | TITLE_WORDS


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
    for desc in descriptions:
        described, affiliation = _split_role(STRIP_DET.sub("", desc))
        if affiliation:
            affiliation = STRIP_DET.sub(
                "", re.split(r",|\s+which\s+|\s+who\s+", affiliation)[0].strip()
            )
        if described:
            return described, affiliation
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
    if affiliation:
        affiliation = re.sub(r"['’]s$", "", affiliation)  # "Iraq’s parliament": Iraq
    return role, affiliation


def _sentence_case(doc: Doc, at: int) -> bool:
    """The word at ``at`` opens its sentence and is not a proper noun ("High school ...")."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return False
    first = span[0]
    opens = bool(first.is_sent_start)
    return opens and first.pos_ != "PROPN" and not first.ent_type_ and first.is_title


def _prefix_before(text: str, start: int) -> str:
    """Capitalised words and titles right before a name: "CENTCOM Army Maj." of "... Earl Brown"."""
    words = text[max(0, start - 60) : start].rsplit("\n", 1)[-1].split(" ")
    kept: list[str] = []
    for word in reversed(words):
        if not word:
            continue
        if not (word[:1].isupper() or word.lower() in TITLE_WORDS):
            break
        if word.endswith((".", ",")) and word.lower() not in TITLE_WORDS:
            break
        kept.insert(0, word)
    return " ".join(kept)


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
    if first == len(prefix):
        return None, " ".join(prefix) if prefix and prefix[0][:1].isupper() else None
    if first == 1 and sentence_case and prefix[1][:1].islower():
        first = 0
    role = " ".join(prefix[first:]).rstrip(",")
    before = prefix[:first]
    stops = [i for i, w in enumerate(before) if _function_word(w)]
    affiliation = " ".join(before[stops[-1] + 1 :] if stops else before)  # not "While ..."
    return role, affiliation or None


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


def _kind(
    entity: _Entity,
    role: str | None,
    affiliation: str | None,
    descriptions: list[str],
    name: str,
) -> tuple[SourceKind, str | None]:
    words = {w.lower().strip(",") for w in f"{role or ''} {entity.head} {name}".split()}
    desc = " ".join(descriptions)
    if (
        entity.person is None
        and entity.org is None
        and (entity.head in DOCUMENT_HEADS or entity.document)
    ):
        return "document", None
    if affiliation and (
        words & OWNER_ROLES
        or "chief executive" in (role or "").lower()
        or (words & COMMERCIAL_ROLES and COMMERCIAL_ORG.search(affiliation))
    ):
        interest = f"{role} of {affiliation}"
        return "interested_party", interest
    if (words | {w.lower() for w in (affiliation or "").split()}) & POLITICAL_ROLES:
        return "interested_party", f"{role or entity.head}" + (
            f" of {affiliation}" if affiliation else ""
        )
    if words & ANALYST_WORDS:
        return "analyst", None
    if words & EXPERT_WORDS or (affiliation and THINK_TANK.search(affiliation)):
        return "expert", None
    if words & WITNESS_WORDS or re.search(r"\bwho (saw|witnessed)\b", desc):
        return "witness", None
    if entity.org and not entity.person:
        return ("media" if words & MEDIA_WORDS else "organisation"), None
    if words & OFFICIAL_WORDS or re.search(r"\b(Army|Navy|Air Force|Marine)\b", role or ""):
        return "official", None
    return "other", None
