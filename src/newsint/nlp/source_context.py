"""Source profiles from everything the article says about a source (``newsint.profiles.v1``).

:mod:`newsint.nlp.profiles` groups mentions into speakers and gives each a first profile from the
mention next to its cue. This stage reads the whole article again, one decision per function:

* ``titled_elsewhere``: a named person whose title is given in another paragraph ("FBI Director
  James Comey" in paragraph 2 makes the "Comey said" of paragraph 9 an official);
* ``document_anonymity``: documents, polls, data and laws are not anonymous, unless whoever
  provided them is unnamed ("information made available to U.S. intelligence");
* ``stated_stake``: a stated commercial, legal or political stake makes an interested party,
  with the words that say so as evidence: a lawyer for a party, a lobbyist, an owner, a paid
  consultant, someone who owns a stake, and the accused denying an allegation.

The title and stake words are data (``newsint/data/profiles.toml``), not code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from newsint.models import Attribution, Claim, Cue, Source, SourceKind, Span
from newsint.nlp.affiliations import employer_after
from newsint.nlp.source_words import ABBREVIATION

RULES = "newsint.profiles.v1"

#: Kinds a title can overrule: a source classed by its mention alone ("other") or by a generic
#: title. Never documents, media, organisations or interested parties.
OVERRULABLE = {"other", "official", "expert"}
#: Kinds whose speaker can hold a stake of their own.
CAN_HOLD_STAKE = {"official", "organisation", "other", "expert", "analyst", "witness"}
#: How far around a mention a stake phrase or a title is looked for (characters).
CONTEXT = 120


@dataclass(frozen=True, slots=True)
class _Tables:
    titles: dict[str, SourceKind]
    stake_roles: re.Pattern[str]
    stake_phrases: re.Pattern[str]
    offices: re.Pattern[str]
    unnamed_provider: re.Pattern[str]
    media_names: frozenset[str]
    campaign_words: frozenset[str]
    unique_heads: frozenset[str]
    collectives: frozenset[str]
    candidates: frozenset[str]
    crowds: frozenset[str]
    staff: frozenset[str]
    past: frozenset[str]


@cache
def _tables() -> _Tables:
    raw = tomllib.loads(
        resources.files("newsint.data").joinpath("profiles.toml").read_text("utf-8")
    )
    titles: dict[str, SourceKind] = {}
    for kind in ("other", "official", "expert", "analyst", "witness", "media"):  # later win
        for word in raw["titles"][kind].split():
            titles[word.replace("_", " ")] = kind
    phrases = _alternatives(raw["stakes"]["phrases"])
    providers = raw["documents"]["unnamed_provider"]
    return _Tables(
        titles=titles,
        stake_roles=re.compile(rf"\b(?:{_alternatives(raw['stakes']['roles'])})s?\b", re.I),
        stake_phrases=re.compile(rf"\b(?:{phrases})\b", re.I),
        offices=re.compile(rf"\b(?:{_alternatives(raw['stakes']['offices'])})\b", re.I),
        unnamed_provider=re.compile(rf"\b(?:{providers})\b", re.I),
        media_names=frozenset(raw["media"]["names"].split()),
        campaign_words=frozenset(raw["campaign"]["words"].split()),
        unique_heads=frozenset(raw["identity"]["unique_heads"].split()),
        collectives=frozenset(raw["identity"]["collectives"].split()),
        candidates=frozenset(raw["politics"]["candidates"].split()),
        crowds=frozenset(raw["politics"]["crowds"].split()),
        staff=frozenset(raw["politics"]["staff"].split()),
        past=frozenset(raw["politics"]["past"].split()),
    )


def _alternatives(table: str) -> str:
    """ "a|b|\nc" -> "a|b|c": a table of phrases written as one regular alternation."""
    return "|".join(p.strip() for p in table.split("|") if p.strip())


def campaign_words(text: str) -> int:
    """How many words of an election campaign ``text`` holds."""
    table = _tables().campaign_words
    return sum(1 for w in re.findall(r"[a-z]+", text.lower()) if w in table)


def media_name(name: str) -> bool:
    """The name reads as a news outlet's ("Fox News", "The Washington Post", "TASS"), or is a
    news site's address ("ynetnews.com", "Haaretz.com")."""
    words = {re.sub(r"['’]s$", "", w).strip(".,").lower() for w in name.split() if w[:1].isupper()}
    site = re.search(r"\w\.(?:com|co\.uk|net)\b", name, re.I)
    return bool(words & _tables().media_names) or site is not None


def role_words(role: str | None) -> set[str]:
    """The lower-case words of a role, plurals also as singulars ("supporters", "allies")."""
    words = set(re.findall(r"[a-z][\w-]*", (role or "").lower()))
    return words | {w[:-1] for w in words if w.endswith("s")}


def political_kind(role: str | None, affiliation: str | None) -> SourceKind | None:
    """The kind a political role names (guide, section 3): a current candidate, surrogate,
    supporter or ally is an interested party ("Republican presidential candidate", "a Clinton
    supporter"); party and campaign staff and strategists are officials ("campaign manager",
    "Democratic strategist", "party chairwoman"); a past candidacy is no stake ("former
    presidential candidate", "the party's 2012 nominee")."""
    words = role_words(role)
    tables = _tables()
    if words & tables.candidates:
        past = words & tables.past or re.search(r"\b(?:19|20)\d\d\b", role or "")
        return "official" if past else "interested_party"
    if (words | role_words(affiliation)) & tables.staff:
        return "official"
    return None


def crowd(role: str | None) -> bool:
    """ "supporters", "Clinton backers": a crowd of people, when no one of them is named."""
    words = set(re.findall(r"[a-z]+", (role or "").lower()))
    return bool(words & _tables().crowds)


def refine_profiles(
    text: str, sources: Sequence[Source], attributions: Sequence[Attribution], cues: Sequence[Cue]
) -> list[Source]:
    """Every source with the profile the whole article gives it."""
    sources = reasons_anywhere(text, sources)
    out = []
    for source in sources:
        own = [a for a in attributions if a.source_id == source.id]
        source = titled_elsewhere(text, source)
        source = serving_official(text, source)
        source = former_official(text, source)
        source = candidate(text, source)
        source = document_anonymity(text, source)
        source = identity(source)
        source = affiliation_elsewhere(text, source)
        source = outlet(source)
        source = stated_stake(text, source, own, cues)
        out.append(source)
    return out


def reasons_anywhere(text: str, sources: Sequence[Source]) -> list[Source]:
    """The stated reason for anonymity wherever the article gives it ("..., the official said,
    speaking on condition of anonymity"; "The official spoke on condition of anonymity because
    ..."): the one anonymous source mentioned, or described by its head noun, earlier in the
    same sentence."""
    from newsint.nlp.source_words import ANONYMITY

    found: dict[str, str] = {}
    for match in ANONYMITY.finditer(text):
        start = max(text.rfind(". ", 0, match.start()) + 2, text.rfind("\n", 0, match.start()) + 1)
        clause = text[start : match.start()].lower()
        waiting = [x for x in sources if x.anonymous and not x.anonymity_reason]
        near = [x for x in waiting if any(start <= m0 < match.start() for m0, _ in x.mentions)]
        if not near:
            near = [
                x
                for x in waiting
                if x.name.split() and f"the {x.name.split()[-1].lower()}" in clause
            ]
        if len(near) == 1 and near[0].id not in found:
            found[near[0].id] = " ".join(match.group("reason").split())
    return [replace(x, anonymity_reason=found[x.id]) if x.id in found else x for x in sources]


def _head(source: Source) -> str:
    return source.name.split()[-1].lower()


def title_kind(role: str | None) -> SourceKind | None:
    """The kind a title names: "Sen." official, "professor of law" expert, "columnist" media."""
    if not role:
        return None
    words = [w.strip(",.()").lower() for w in role.split()]
    words = [w for w in words if w not in {"former", "the", "a", "an"}]
    table = _tables().titles
    for size in (3, 2, 1):  # "chief of staff" before "chief"
        for i in range(len(words) - size + 1):
            kind = table.get(" ".join(words[i : i + size]))
            if kind:
                return kind
    for word in words:  # "Sen.", "Dr." keep their dot in the table
        kind = table.get(word + ".")
        if kind:
            return kind
    return None


def titled_elsewhere(text: str, source: Source) -> Source:
    """A named person's title from any mention of their name: "FBI Director James Comey" or
    "Comey, the FBI director," anywhere in the article. The first title that names a kind
    decides the kind of an `other`; a source with no role takes the first title found."""
    if source.anonymous or source.kind not in OVERRULABLE:
        return source
    titles = titles_of(text, source.name)
    kind = title_kind(source.role)
    if not (kind and source.kind != "other"):
        for role, affiliation in titles:
            found = title_kind(role)
            if found:
                return replace(
                    source,
                    kind=found if source.kind == "other" or not kind else source.kind,
                    role=source.role or role,
                    affiliation=source.affiliation or affiliation,
                )
    if source.role is None and titles:
        role, affiliation = titles[0]
        return replace(source, role=role, affiliation=source.affiliation or affiliation)
    return source


#: Words that make a title a past one: no office held now.
PAST_TITLE = re.compile(r"\b(?:former|ex-|retired|onetime|one-time|then-)", re.I)


def serving_official(text: str, source: Source) -> Source:
    """A person the article gives a serving office or rank anywhere ("Lt Col Alexander Vindman,
    a Ukraine specialist on the National Security Council") is an official, not an expert: the
    kind follows the position (guide 3: experts are academics, think-tank analysts, independent
    specialists, former officials). Not when the expertise has an academic or think-tank home."""
    if source.kind != "expert" or source.anonymous:
        return source
    if THINK_TANK_WORDS.search(f"{source.role or ''} {source.affiliation or ''}"):
        return source
    for role, _affiliation in titles_of(text, source.name):
        if title_kind(role) == "official" and not PAST_TITLE.search(role):
            return replace(source, kind="official")
    return source


def former_official(text: str, source: Source) -> Source:
    """A former official the article gives no serving office ("Robert Ford, a former American
    ambassador to Syria", "former Gov. Bill Richardson") comments as a specialist: an expert
    (guide 3: "former officials commenting as specialists")."""
    if source.kind != "official" or source.anonymous or not PAST_TITLE.search(source.role or ""):
        return source
    for role, _affiliation in titles_of(text, source.name):
        if title_kind(role) == "official" and not PAST_TITLE.search(role):
            return source  # "former senator" and now "special envoy": serving
    if any(NOW_SERVING.match(text, m.end()) for m in re.finditer(re.escape(source.name), text)):
        return source  # "Tom Mitch, now the special envoy,"
    return replace(source, kind="expert")


#: ", now the special envoy", ", who now serves as": a present office after a past one.
NOW_SERVING = re.compile(r",\s+(?:who\s+)?now\s+(?:the|a|an|serves|heads|leads)\b", re.I)


#: Homes of independent expertise: an expert there stays an expert.
THINK_TANK_WORDS = re.compile(
    r"\b(?:University|College|Institution|Institute|Foundation|Endowment|Academy|School|"
    r"professor|fellow|scholar|think tank|Brookings|RAND)\b"
)


def _full_name(text: str, name: str) -> str:
    """ "Comey" -> "James Comey" when the article names him in full somewhere."""
    if " " in name.strip() or not name[:1].isupper():
        return name
    full = re.search(rf"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+{re.escape(name)}\b", text)
    return full.group(0) if full else name


#: Words that end a title read backwards from a name ("said Democratic nominee Hillary Clinton").
TITLE_STOPS = frozenset(
    "the a an and or but said says say told by with to for that who as when while from in on at "
    "of his her their its".split()
)


def _title_words_before(text: str, start: int) -> str:
    """The lower-case title right before a name, back to a function word or punctuation:
    "Republican presidential nominee Donald Trump" -> "Republican presidential nominee"."""
    words = re.split(r"\s+", text[max(0, start - 80) : start].rstrip())
    kept: list[str] = []
    for word in reversed(words):
        if not word or re.search(r"[,.;:()\"“”]$|[\"“”]", word) or word.lower() in TITLE_STOPS:
            break
        kept.insert(0, word)
        if len(kept) == 5:
            break
    has_title = any(w[:1].islower() for w in kept)
    return " ".join(kept) if has_title else ""


@lru_cache(maxsize=512)
def titles_of(text: str, name: str) -> tuple[tuple[str, str | None], ...]:
    """(role, affiliation) before every occurrence of ``name`` (in full, when the article gives
    it in full somewhere), then after it (apposition). Cached: the profile rules and the kind
    features ask for the same names."""
    from newsint.nlp.roles import _prefix_before, _split_role, _title_before_name, clean_title

    name = _full_name(text, _person_name(name))
    out: list[tuple[str, str | None]] = []
    surname = name.split()[-1] if " " in name and name[:1].isupper() else None
    for match in re.finditer(re.escape(name), text):
        before = _prefix_before(text, match.start()) or _title_words_before(text, match.start())
        if before:
            role, affiliation = _title_before_name(f"{before} {name}", name)
            if role:
                out.append((role, affiliation))
        after = APPOSITION.match(text, match.end()) or _titled(
            BARE_APPOSITION.match(text, match.end())
        )
        before_comma = _titled(TITLE_COMMA.search(text, max(0, match.start() - 80), match.start()))
        for found in (after, before_comma):
            if found:
                role, affiliation = _split_role(found["desc"])
                if role:
                    out.append((role, affiliation))
    if surname:  # "Zeldin, a Trump supporter,": an apposition after the surname alone
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
            if text[max(0, match.start() - len(name)) : match.end()].endswith(name):
                continue  # the full name, read above
            after = APPOSITION.match(text, match.end())
            if after:
                role, affiliation = _split_role(after["desc"])
                if role:
                    out.append((role, affiliation))
    # never words of a quotation ("“There" of "... has backed. “There is ..."): guide 3
    return tuple((r, clean_title(a)) for r, a in out if clean_title(r))


def _person_name(name: str) -> str:
    """ "Republican Rep. Lee Zeldin" -> "Lee Zeldin", "FBI Director James Comey" -> "James
    Comey": the name after its last title word, so that every mention of the person is read."""
    words = name.split()
    titled = [i for i, word in enumerate(words[:-1]) if title_kind(word)]
    rest = words[titled[-1] + 1 :] if titled else []
    if rest and len(rest) <= 3 and all(w[:1].isupper() and not title_kind(w) for w in rest):
        return " ".join(rest)
    return name


def _titled(match: re.Match[str] | None) -> re.Match[str] | None:
    """A description without an article only counts when it names a title or a political role
    (", Clinton's press secretary,"; not ", said Tuesday")."""
    if match is None:
        return None
    desc = match["desc"]
    first = desc.split()[0].lower() if desc.split() else ""
    from newsint.nlp.roles import _names_a_role
    from newsint.nlp.source_words import ROLE_SPLIT

    title = ROLE_SPLIT.split(desc, maxsplit=1)[0]  # ", program director at Human Rights Watch"
    if first in NOT_TITLES or len(title.split()) > 5 or len(desc.split()) > 10:
        return None
    return match if title_kind(desc) or political_kind(desc, None) or _names_a_role(title) else None


#: ", Sanders's campaign manager," / ", chief strategist for the campaign," right after a name.
BARE_APPOSITION = re.compile(
    rf",\s+(?P<desc>(?:{ABBREVIATION}|[^,;.\"“”()]){{3,80}}?)(?=,|;|\.(?:\s|$))"
)
#: "the State Department inspector general, Steve Linick,": a title, a comma, then the name.
TITLE_COMMA = re.compile(
    r"\b(?:the|a|an|his|her|their|its)\s+(?P<desc>[^,;.\"“”()]{3,60}),\s+$", re.I
)
#: First words that open a clause, not a title, after a name's comma.
NOT_TITLES = frozenset(
    "said says say told who which whose when where while and but or according adding noting "
    "in on at for from to with as by after before if though although because".split()
)


#: ", the FBI director," / ", a professor at ..." right after a name.
APPOSITION = re.compile(
    rf",\s+(?:the|a|an)\s+(?P<desc>(?:{ABBREVIATION}|[^,;.\"“”]){{3,80}}?)(?=,|;|\.\s)"
)


#: Kinds a stated candidacy overrules: a person the mention classed as a lawmaker, an official or
#: nothing yet. Never media, documents or organisations ("the Clinton campaign" is the campaign).
CANDIDATE_OVERRULES = {"other", "official", "expert", "analyst"}


def candidate(text: str, source: Source) -> Source:
    """A named person the article calls a current candidate anywhere ("GOP front-runner Donald
    Trump", "Ted Cruz, a Republican presidential candidate,") or whose name heads a campaign
    ("the Sanders campaign", "Clinton's campaign", "Trump's presidential bid") is an interested
    party (guide, section 3), with those words as the evidence."""
    if source.anonymous or source.kind not in CANDIDATE_OVERRULES:
        return source
    for role, affiliation in titles_of(text, source.name):
        if political_kind(role, affiliation) == "interested_party":
            span = _find(text, role)
            return _stake(source, f"{role}", span)
    found = campaign_of(text, source.name)
    if found:
        return _stake(source, found.group(0), found.span())
    return source


def campaign_of(text: str, name: str) -> re.Match[str] | None:
    """ "the Sanders campaign", "Clinton's presidential campaign", "Trump's candidacy": the name's
    surname heading a campaign, twice or more in the article (once may be a past race: "Obama's
    2008 campaign")."""
    words = [w for w in re.sub(r"['’]s$", "", name).split() if w[:1].isupper()]
    if not words:
        return None
    surname = re.escape(words[-1])
    pattern = re.compile(
        rf"\b{surname}(?:['’]s)?\s+(?:presidential\s+|White House\s+)?"
        r"(?:campaign|candidacy|bid for|presidential bid|White House bid|run for)\b"
    )
    found = list(pattern.finditer(text))
    return found[0] if len(found) >= 2 else None


def _find(text: str, words: str) -> Span | None:
    at = text.find(words)
    return (at, at + len(words)) if at >= 0 else None


def _stake(source: Source, interest: str, span: Span | None) -> Source:
    return replace(source, kind="interested_party", interest=interest, interest_span=span)


def document_anonymity(text: str, source: Source) -> Source:
    """Documents are named artefacts unless their provider is unnamed (guide, section 2)."""
    if source.kind != "document" or not source.anonymous:
        return source
    around = " ".join(text[s : min(len(text), e + 40)] for s, e in source.mentions[:3])
    if _tables().unnamed_provider.search(around):
        return source
    return replace(source, anonymous=False, anonymity_reason=None)


#: "his fiancee", "Saudi Arabia's consul-general", "the agency's director", "my father": a
#: possessive, then at most two words, then the head.
POSSESSED = re.compile(
    r"^(?:my|his|her|their|our|the\s+[a-z]+['’]s|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s)\s+"
)


def collective(word: str) -> bool:
    """A party or ideological collective ("Republicans"): anonymous (guide 2)."""
    return word.lower() in _tables().collectives


#: "state media", "Cuban state television", "the state-run news agency": an institution named
#: by its function, not anonymous (guide 2, like "local police").
STATE_MEDIA = re.compile(
    r"\bstate(?:-run|-owned|-controlled)?\s+(?:media|television|tv|radio|broadcaster|"
    r"news agency|newspaper)\b",
    re.I,
)


def identity(source: Source) -> Source:
    """Named or anonymous by who the source is (guide, section 2): a person identified uniquely
    by a relationship or office of someone ("his fiancee", "Saudi Arabia's consul-general") is
    named; a social-media handle ("@nycsouthpaw") and a party collective ("Republicans") are
    anonymous."""
    name = source.name.strip()
    bare = re.sub(r"^(?:the|some|many|most|other)\s+", "", name.lower())
    if not source.anonymous and (re.search(r"(?:^|\s)@\w", name) or bare in _tables().collectives):
        return replace(source, anonymous=True)
    if source.anonymous and STATE_MEDIA.search(name):
        return replace(source, anonymous=False, anonymity_reason=None)
    possessed = POSSESSED.match(name)
    if source.anonymous and possessed:
        rest = name[possessed.end() :].lower().split()
        if rest and len(rest) <= 3 and rest[-1] in _tables().unique_heads:
            return replace(source, anonymous=False, anonymity_reason=None)
    return source


#: "Ted Cruz (R-Tex.)", "Sen. Chuck Robb, D-Va.,": a lawmaker's party and state.
PARTY_STATE = re.compile(r"\s*[,(]\s*(?P<party>[RDI]-[A-Z][A-Za-z.]*)")
#: "A Quinnipiac University poll", "a USA TODAY analysis", "a study by Harvard": the provider.
PROVIDER = re.compile(
    r"^(?:an?|the|new|latest|recent|\d{4}|\s)*(?P<before>(?:[A-Z][\w.&/'’-]*\s+)+)"
    r"|\bby\s+(?:the\s+)?(?P<after>[A-Z][\w.&'’ -]+)"
)


def affiliation_elsewhere(text: str, source: Source) -> Source:
    """An affiliation the mention beside the cue did not give: a lawmaker's party and state
    after any mention ("Ted Cruz (R-Tex.)"), the provider named in a document's name ("A
    Quinnipiac University poll", "a study by Harvard"), or the affiliation of any title or
    apposition the article gives the name ("Douglas Holtz-Eakin, president of the American
    Action Forum")."""
    if source.affiliation:
        return source
    if source.kind == "document":
        found = PROVIDER.search(source.name)
        provider = found and (found["before"] or found["after"] or "").strip()
        return replace(source, affiliation=provider) if provider else source
    if source.anonymous:
        return source
    for _start, end in source.mentions:
        party = PARTY_STATE.match(text, end)
        if party:
            return replace(source, affiliation=party["party"].rstrip(",)"))
    for _role, affiliation in titles_of(text, source.name):
        if affiliation:
            return replace(source, affiliation=affiliation)
    employer = employer_after(text, _full_name(text, _person_name(source.name)))
    if employer:
        role, affiliation = employer
        return replace(source, role=source.role or role, affiliation=affiliation)
    return source


def outlet(source: Source) -> Source:
    """A news outlet credited as itself ("CNBC", "The Drudge Report") and a named person of one
    with no other title ("Jennifer Epstein of Bloomberg News", "The Atlantic's Jeffrey
    Goldberg") are `media` (guide 3: other news outlets and journalists speaking as such)."""
    if source.anonymous:
        return source
    if source.kind == "organisation":
        return replace(source, kind="media") if media_name(source.name) else source
    if source.kind != "other":
        return source
    titles = [t for t in (source.role, source.affiliation) if t]
    if any(title_kind(t) not in {None, "media"} for t in titles):
        return source
    return replace(source, kind="media") if any(media_name(t) for t in titles) else source


def stated_stake(
    text: str, source: Source, own: Sequence[Attribution], cues: Sequence[Cue]
) -> Source:
    """An interested party, with the words that state the stake (guide, section 3)."""
    if source.kind not in CAN_HOLD_STAKE:
        return source
    found = _stake_role(source) or _stake_phrase(text, source) or _denial(text, own, cues)
    if found is None:
        return source
    interest, span = found
    return replace(source, kind="interested_party", interest=interest, interest_span=span)


def _stake_role(source: Source) -> tuple[str, Span | None] | None:
    if _tables().offices.search(source.role or ""):
        return None  # "Attorney General", "U.S. attorney": an office, not a client's lawyer
    if political_kind(source.role, None) == "official":
        return None  # "former presidential candidate", "campaign adviser"
    if source.anonymous and crowd(source.role):
        return None  # "Clinton supporters": ordinary people
    if _tables().stake_roles.search(source.role or ""):  # "Clinton's lawyers" as "lawyer"
        where = f" of {source.affiliation}" if source.affiliation else ""
        return f"{source.role}{where}", source.mentions[0] if source.mentions else None
    return None


#: "who represents Noel": a client's lawyer, or a lawmaker's district.
REPRESENTS = re.compile(r"(?:who\s+)?represents\s", re.I)


def _stake_phrase(text: str, source: Source) -> tuple[str, Span | None] | None:
    for _start, end in source.mentions:
        match = _tables().stake_phrases.search(text, end, min(len(text), end + CONTEXT))
        if match and REPRESENTS.match(match.group(0)) and title_kind(source.role) == "official":
            continue  # "Rep. Ann Cole, who represents Ohio": a lawmaker's district
        if match and (_negated(text, match.start()) or _endorsing_body(source, match)):
            continue
        if match and "." not in text[end : match.start()]:
            sentence_end = re.search(r"[.,;\n]", text[match.end() :])
            stop = match.end() + (sentence_end.start() if sentence_end else 0)
            return text[match.start() : stop].strip(" ,"), (match.start(), stop)
    return None


#: "has not endorsed", "never paid by", "has yet to endorse": no stake stated.
NEGATION = re.compile(r"\b(?:not|never|no|yet to)\s+(?:\w+\s+)?$|n['’]t\s+(?:\w+\s+)?$", re.I)


def _negated(text: str, start: int) -> bool:
    return NEGATION.search(text[max(0, start - 20) : start]) is not None


def _endorsing_body(source: Source, match: re.Match[str]) -> bool:
    """A union or a group that endorsed a candidate is credited as itself, an organisation
    (guide 3); the endorsement makes a person a surrogate, not a body."""
    return source.kind == "organisation" and match.group(0).lower().startswith("endorse")


def _denial(
    text: str, own: Sequence[Attribution], cues: Sequence[Cue]
) -> tuple[str, Span | None] | None:
    """The source denies or rejects an allegation in its own voice ("China has rejected claims",
    "Huawei denied wrongdoing"): the accused speaking about their own conduct."""
    for attribution in own:
        for s, e in attribution.cue:
            for cue in cues:
                if cue.kind == "denial" and cue.span[0] < e + 30 and s - 5 < cue.span[1]:
                    return f"denies an allegation: “{text[cue.span[0] : cue.span[1]]}”", cue.span
    return None


def accused_deniers(
    text: str, sources: Sequence[Source], claims: Sequence[Claim], cues: Sequence[Cue]
) -> list[Source]:
    """The sources of a central claim that opens with their own denial ("China has rejected
    claims that its agents ...", "Huawei denied wrongdoing"): the accused speaking about their
    own conduct, interested parties (guide, sections 3 and 4), with the denial as evidence."""
    from newsint.nlp.central import opening_denial

    central = next((c for c in claims if c.central), None)
    cue = opening_denial(central, cues) if central else None
    if central is None or cue is None:
        return list(sources)
    denial = f"denies an allegation about its own conduct: “{text[cue.span[0] : cue.span[1]]}”"
    return [
        replace(
            s,
            kind="interested_party",
            interest=s.interest or denial,
            interest_span=s.interest_span or cue.span,
        )
        if s.id in central.source_ids and s.kind in CAN_HOLD_STAKE
        else s
        for s in sources
    ]
