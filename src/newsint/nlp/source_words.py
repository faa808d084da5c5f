"""The word tables of source resolution and profiling (data: ``newsint/data/source_words.toml``),
and the patterns built on them."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def _tables() -> dict[str, str]:
    raw = resources.files("newsint.data").joinpath("source_words.toml").read_text("utf-8")
    return tomllib.loads(raw)


def _words(name: str) -> frozenset[str]:
    """A word table of ``newsint/data/source_words.toml``."""
    return frozenset(_tables()[name].split())


PRONOUNS = _words("pronouns")


#: Titles of two words whose first word is capitalised like a name's ("White House Press
#: Secretary"): one title, not an affiliation and a title.
COMPOUND_TITLES = frozenset(p.strip() for p in _tables()["compound_titles"].split("|") if p.strip())


#: "his claim that ...": the possessor is the speaker, resolved like the pronoun itself.
#: Not "your": outside quotations it is the reader ("your best defense").
POSSESSIVES = {"his": "he", "their": "they", "its": "it", "my": "i", "our": "we", "them": "they",
               "us": "we", "me": "i"}  # fmt: skip


RELATIVES = _words("relatives")


PUBLICATION_VERBS = _words("publication_verbs")


RELAYING_VERBS = _words("relaying_verbs")

#: Where a statement was given ("on Twitter", "on his show"): no topic of the cue.
CHANNEL_WORDS = _words("channel_words")


DOCUMENT_HEADS = _words("document_heads")


OFFICIAL_WORDS = _words("official_words")


EXPERT_WORDS = _words("expert_words")


ANALYST_WORDS = _words("analyst_words")


WITNESS_WORDS = _words("witness_words")
#: "who treated the wounded at the scene", "who saw the crash": first-hand, a witness.
FIRST_HAND = re.compile(
    r"\bwho\s+(?:"
    + "|".join(p.strip() for p in _tables()["first_hand"].split("|") if p.strip())
    + r")",
    re.I,
)


MEDIA_WORDS = _words("media_words")


COMMERCIAL_ROLES = _words("commercial_roles")


OWNER_ROLES = _words("owner_roles")


COMMERCIAL_ORG = re.compile(
    r"\b(Services|Inc\.?|LLC|Ltd\.?|Corp\.?|Corporation|Company|Co\.|Group|Solutions|"
    r"Consulting|Partners|Holdings|Technologies|Associates|Enterprises)\b"
)


THINK_TANK = re.compile(r"\b(Institution|Institute|University|College|Center|Centre|Council|"
                        r"Foundation|School|Endowment|Academy)\b")  # fmt: skip


POLITICAL_ROLES = _words("political_roles")


TITLE_WORDS = _words("title_words")


INSTITUTION_HEADS = _words("institution_heads")


ROLE_HINTS = _words("role_hints")


SERVICE_WORDS = _words("service_words")


ORG_WORDS = _words("org_words")


HONORIFICS = _words("honorifics")


ROLE_MODIFIERS = _words("role_modifiers")


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


#: Abbreviations whose full stops do not end a description ("the U.S. attorney for ...").
ABBREVIATION = (
    r"\b(?:[A-Z]\.){2,}"
    r"|\b(?:Jr|Sr|St|Mt|Ft|Gov|Sen|Rep|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Adm|No|Mr|Mrs|Ms)\."
)


APPOSITIVE = re.compile(
    r"^(?:\s*\([^()]{1,30}\))?(?:,\s*|\s+)"
    rf"(?P<desc>(?:(?:the|a|an|his|her|their)\s+|(?=[a-z]))(?:{ABBREVIATION}|[^,.;\"“”\n])+?)"
    r"(?=,|\.(?:\s|$)|;|\s+(?:has|had|have|is|was|were|are|said|says|told|who|noted|added|and)\b)"
)


LOWER_DETERMINERS = re.compile(
    r"^(A|An|One|Some|The|Several|Two|Three|Four|Five|Many|Other|Senior|Former|Top)\b"
)


ROLE_SPLIT = re.compile(r"\s+(?:of|at|for|with|in|from)\s+(?:the\s+)?", re.I)


APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


STRIP_DET = re.compile(r"^(?:the|a|an|his|her|their)\s+", re.I)
