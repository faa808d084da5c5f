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

The titles are read by :mod:`newsint.nlp.titles`, the stakes by :mod:`newsint.nlp.stakes`, the
word tables by :mod:`newsint.nlp.profile_tables` (``newsint/data/profiles.toml``, not code).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsint.models import Attribution, Cue, Source
from newsint.nlp.affiliations import employer_after
from newsint.nlp.profile_tables import (  # noqa: F401  (re-exported: the stage's vocabulary)
    _tables,
    body_kind,
    campaign_words,
    collective,
    crowd,
    media_name,
    political_kind,
    title_kind,
)
from newsint.nlp.stakes import (  # noqa: F401  (re-exported: the stage's rules)
    accused_deniers,
    campaign_of,
    candidate,
    stated_stake,
)
from newsint.nlp.titles import (  # noqa: F401  (re-exported)
    _full_name,
    _person_name,
    former_official,
    serving_official,
    titled_elsewhere,
    titles_of,
)

RULES = "newsint.profiles.v1"


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
        source = unnamed_position(source)
        source = unnamed_body(source)
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


def document_anonymity(text: str, source: Source) -> Source:
    """Documents are named artefacts unless their provider is unnamed (guide, section 2)."""
    if source.kind != "document" or not source.anonymous:
        return source
    around = " ".join(text[s : min(len(text), e + 40)] for s, e in source.mentions[:3])
    if _tables().unnamed_provider.search(around):
        return source
    return replace(source, anonymous=False, anonymity_reason=None)


#: Kinds a stated position gives an unnamed person or group.
POSITION_KINDS = {"official", "expert", "analyst", "media", "witness"}


def unnamed_position(source: Source) -> Source:
    """An unnamed person or group classed `other` whose role is a position ("some senators",
    "U.S. commanders", "a reporter"): the position's kind (guide 3: "the kind follows the stated
    profession or position, named or not")."""
    if not source.anonymous or source.kind != "other":
        return source
    kind = title_kind(source.role)
    return replace(source, kind=kind) if kind in POSITION_KINDS else source


def unnamed_body(source: Source) -> Source:
    """An unnamed body classed `other` ("the charity", "some countries", "local television"):
    the kind its head names (guide 3: an organisation credited as itself, named or not; other
    news outlets). A name in capitals other than a possessor ("Clinton's team") is no unnamed
    body; named bodies are NER's and the rules'."""
    if source.kind != "other":
        return source
    words = source.name.split()
    if any(w[:1].isupper() and not re.search(r"['’]s$", w) for w in words[1:]):
        return source
    kind = body_kind(source.name)
    return replace(source, kind=kind) if kind else source


#: "his fiancee", "Saudi Arabia's consul-general", "the agency's director", "my father": a
#: possessive, then at most two words, then the head.
POSSESSED = re.compile(
    r"^(?:my|his|her|their|our|the\s+[a-z]+['’]s|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s)\s+"
)


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
