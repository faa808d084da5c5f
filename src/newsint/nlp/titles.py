"""Titles from every mention of a named person (guide 3: the kind is decided from everything
the article says about the source): the titles before and the appositions after each occurrence
of the name (``titles_of``), and the kinds they decide: a title given in another paragraph, a
serving office that makes an official of a specialist, a former office that makes an expert."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from newsint.models import Source
from newsint.nlp.affiliations import body_of_role, show_before
from newsint.nlp.profile_tables import candidacy, political_kind, title_kind
from newsint.nlp.source_words import ABBREVIATION, ROLE_WORDS, SERVICE_WORDS, TITLE_WORDS
from newsint.nlp.speaker_class import person_noun

#: Kinds a title can overrule: a source classed by its mention alone ("other") or by a generic
#: title. Never documents, media, organisations or interested parties.
OVERRULABLE = {"other", "official", "expert"}


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
                kind = found if source.kind == "other" or not kind else source.kind
                affiliation = source.affiliation or affiliation
                source = replace(
                    source, kind=kind, role=source.role or role, affiliation=affiliation
                )
                return _affiliation_elsewhere(text, source, titles)
    if source.role is None and titles:
        role, affiliation = titles[0]
        source = replace(source, role=role, affiliation=source.affiliation or affiliation)
    return _affiliation_elsewhere(text, source, titles)


def _affiliation_elsewhere(
    text: str, source: Source, titles: tuple[tuple[str, str | None], ...]
) -> Source:
    """ "spokesperson Caitlin Hayden wrote" here, "NSC spokesperson Caitlin Hayden" there: a
    role given without its body takes the body another mention gives with the same role, or
    the body the article gives that role anywhere ("A spokesperson for the NSC said")."""
    if source.affiliation or not source.role:
        return source
    words = set(source.role.lower().split())
    for role, affiliation in titles:
        if affiliation and words & set(role.lower().split()):
            return replace(source, affiliation=affiliation)
    body = body_of_role(text, source.role)
    if not body and title_kind(source.role) == "media" and source.name in text:
        body = show_before(text, text.index(source.name))
    return replace(source, affiliation=body) if body else source


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
    (guide 3: "former officials commenting as specialists"). A former candidate held no office
    by the candidacy and stays as the political table classes a past race."""
    if source.kind != "official" or source.anonymous or not PAST_TITLE.search(source.role or ""):
        return source
    if candidacy(source.role):
        return source  # "Former presidential candidate": a past race is no office (`[politics]`)
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
    if not has_title or (kept and not _names_a_person(kept[-1])):
        return ""  # "we expect Boko Haram": a clause before the name, not a title
    return " ".join(kept)


def _names_a_person(word: str) -> bool:
    """The last word of a title before a name names a person or an office ("nominee",
    "spokesman", "Sen."), not a verb ("expect") or an adjective."""
    lower = word.lower().strip(",.")
    return (
        word[:1].isupper()
        or lower in TITLE_WORDS | ROLE_WORDS | SERVICE_WORDS
        or person_noun(lower)
    )


def _longer_title(prefix: str, words: str) -> str:
    """The capitalised prefix ("spokesman"), or the title words that end with it and name its
    body in lower case ("Gaza civil defense services spokesman")."""
    if prefix and words.endswith(f" {prefix}") and words.split()[0][:1].isupper():
        return words
    return prefix or words


@lru_cache(maxsize=512)
def titles_of(text: str, name: str) -> tuple[tuple[str, str | None], ...]:
    """(role, affiliation) before every occurrence of ``name`` (in full, when the article gives
    it in full somewhere), then after it (apposition). Cached: the profile rules and the kind
    features ask for the same names."""
    from newsint.nlp.quote_marks import clean_title
    from newsint.nlp.roles import _prefix_before, _split_role, _title_before_name

    name = _full_name(text, _person_name(name))
    out: list[tuple[str, str | None]] = []
    surname = name.split()[-1] if " " in name and name[:1].isupper() else None
    for match in re.finditer(re.escape(name), text):
        before = _longer_title(
            _prefix_before(text, match.start()), _title_words_before(text, match.start())
        )
        if before:
            role, affiliation = _title_before_name(f"{before} {name}", name)
            if role:
                out.append((role, affiliation))
        end = _after_home(text, match.end())
        after = APPOSITION.match(text, end) or _titled(BARE_APPOSITION.match(text, end))
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


#: " of New York" between a name and its apposition ("Lee Zeldin of New York, a Trump
#: supporter,"): a home of capitalised words, then the apposition's comma.
HOME = re.compile(r"\s+of\s+(?:[A-Z][\w.-]*\s?){1,3}(?=,)")


def _after_home(text: str, end: int) -> int:
    """Where a name's apposition may start: after its home place, if one follows it."""
    home = HOME.match(text, end)
    return home.end() if home else end


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
