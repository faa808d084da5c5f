"""Errors newsint raises for the caller's mistakes.

    NewsintError                 base class; the CLI prints ``Error: <message>`` and exits 1
     ├── InputError              a path or input the caller gave cannot be read at all
     │    └── StoreNotFound      a read asked a store that does not exist (reads never create one)
     ├── ConfigError             a setting, option or environment value is wrong
     └── DataNotFound            a benchmark file or shared data folder is missing

A bad *document* is not an error: it becomes ``models.Skipped(id, name, reason)``.
The reasons documents are skipped for are listed in :class:`SkipReason`.
"""

from __future__ import annotations

from enum import StrEnum


class NewsintError(Exception):
    """Base of every error newsint raises on purpose."""


class InputError(NewsintError):
    """The input path or stream cannot be read."""


class StoreNotFound(InputError):
    """A query or export named a store that does not exist; it is not created by a read."""


class ConfigError(NewsintError):
    """A setting is wrong; the message says which and what to use instead."""


class DataNotFound(NewsintError):
    """A benchmark or data file is missing; the message says where it was looked for."""


class SkipReason(StrEnum):
    EMPTY = "empty document"
    BINARY = "binary content, not text or HTML"
    TOO_LARGE = "larger than the size limit"
    TOO_LONG = "article text too long to analyse"
    ENCODING = "cannot be decoded as text"
    NOT_ENGLISH = "not English"
    UNKNOWN_FORMAT = "unknown file extension"
    NO_ARTICLE = "no article text found"
    BAD_RECORD = "malformed record"
    TRUNCATED = "truncated archive"
    TOO_SLOW = "analysis took longer than the time budget"
