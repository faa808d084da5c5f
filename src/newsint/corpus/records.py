"""Plain records the corpus stage reads from the store and the records it writes back.

The corpus stage is pure: ``CorpusInput -> CorpusResult``. The store builds the input from its
per-document rows and writes the result to the ``corpus_*`` tables (the field names are the
column names).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class DocRecord:
    sha256: str
    seq: int
    name: str
    site: str | None = None
    url: str | None = None
    published: str | None = None
    text: str = ""
    authors: tuple[str, ...] = ()  # bylines


@dataclass(frozen=True, slots=True)
class SourceRecord:
    doc: str
    id: str
    name: str
    anonymous: bool
    kind: str
    role: str | None = None
    affiliation: str | None = None
    statements: int = 0


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    doc: str
    id: str
    text: str
    source_ids: tuple[str, ...] = ()
    supported_by: tuple[str, ...] = ()
    disputed_by: tuple[str, ...] = ()
    not_confirmed_by: tuple[str, ...] = ()
    same_as: str | None = None
    central: bool = False
    vector: bytes | None = None  # sentence vector, stored form (newsint.corpus.meaning)


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One actor name as written in one document (event actors and targets)."""

    doc: str
    name: str
    type: str
    code: str | None = None


@dataclass(slots=True)
class CorpusInput:
    documents: list[DocRecord] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    actors: list[ActorRecord] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SourceIdentity:
    id: str
    name: str
    anonymous: bool
    kind: str
    roles: list[str]
    affiliations: list[str]
    documents: int
    statements: int


@dataclass(frozen=True, slots=True)
class SourceLink:
    doc: str
    source_id: str
    identity: str
    evidence: str


@dataclass(frozen=True, slots=True)
class ActorIdentity:
    id: str
    name: str
    type: str
    code: str | None
    names: list[str]
    documents: int


@dataclass(frozen=True, slots=True)
class ActorLink:
    doc: str
    name: str
    identity: str
    evidence: str


@dataclass(frozen=True, slots=True)
class ClaimCluster:
    id: str
    text: str
    claims: int
    documents: int
    independent_sources: int
    sources: list[str]
    first_doc: str
    first_published: str | None
    amplified: bool
    amplification: dict[str, int]
    disputed_by: list[str]
    contradicted: bool
    anonymous_only: bool
    confirmed_on_record: bool
    method: str
    republications: int = 0  # copies of member documents that carry the claim (not counted)
    # identities that write a version of the claim and are its source in another version
    authored_by: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ClaimLink:
    doc: str
    claim_id: str
    cluster: str
    evidence: str


@dataclass(frozen=True, slots=True)
class AuthorLink:
    """Who wrote one document: a byline's name (``role`` "byline") or the outlet's
    (``role`` "outlet", its site), and the identity it is: a source's (``src:…``) when it is
    quoted or credited as a source in the corpus, else ``author:…``."""

    doc: str
    name: str
    identity: str
    evidence: str
    role: str = "byline"


@dataclass(frozen=True, slots=True)
class Republication:
    """A document that republishes an earlier one (``newsint.corpus.republications``)."""

    doc: str
    duplicate_of: str
    similarity: float
    evidence: str


@dataclass(slots=True)
class CorpusResult:
    source_identities: list[SourceIdentity] = field(default_factory=list)
    source_links: list[SourceLink] = field(default_factory=list)
    actor_identities: list[ActorIdentity] = field(default_factory=list)
    actor_links: list[ActorLink] = field(default_factory=list)
    claim_clusters: list[ClaimCluster] = field(default_factory=list)
    claim_links: list[ClaimLink] = field(default_factory=list)
    author_links: list[AuthorLink] = field(default_factory=list)
    duplicates: list[Republication] = field(default_factory=list)
