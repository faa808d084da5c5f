"""The plain benchmark interfaces (``newsint attributions``, ``newsint extract``) record by record:
one odd record is reported and passed over, never the end of the file.

Records are JSON Lines (plain or gzip, a file or a stream). Each is yielded with its outcome;
a line that is not a JSON object, or a record the pipeline fails on, comes back as a
:class:`~newsint.models.Skipped` naming the line (and the id) and saying why. Texts are
repaired one character for one (:mod:`newsint.textsafe`) before parsing, so every offset still
points into the text exactly as given.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, Any

from newsint.errors import SkipReason
from newsint.models import Attribution, Skipped
from newsint.textsafe import repair

Record = dict[str, Any]

#: Texts parsed together (spaCy's ``pipe``); a batch that fails is parsed again text by text.
BATCH = 32


def read_records(raw: IO[bytes], name: str) -> Iterator[Record | Skipped]:
    """Each JSON object of a JSON Lines stream (gzip or not), or a Skipped for a bad line."""
    head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
    lines: Iterable[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if head == b"\x1f\x8b" else raw
    number = 0
    try:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield _skip(line, where, f"not JSON ({exc})")
                continue
            if not isinstance(record, dict):
                yield _skip(line, where, "not a JSON object")
                continue
            record["_where"] = where
            yield record
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(
            hashlib.sha256(name.encode()).hexdigest(),
            f"{name}:{number + 1}",
            f"{SkipReason.TRUNCATED}: {exc}",
        )


def _skip(line: bytes, where: str, why: str) -> Skipped:
    return Skipped(hashlib.sha256(line).hexdigest(), where, f"{SkipReason.BAD_RECORD}: {why}")


def record_id(record: Record) -> Any:
    value = record.get("id")
    return repair(value) if isinstance(value, str) else value


def record_name(record: Record) -> str:
    where = str(record.get("_where", "<record>"))
    return f"{where} (id {record_id(record)})" if record.get("id") is not None else where


def attributions(
    records: Iterable[Record], *, max_chars: int
) -> Iterator[tuple[Record, list[Attribution] | Skipped]]:
    """Each record with the attributions of its ``text`` (offsets into the text as given), or
    a Skipped when its text is too long or the parser fails on it."""
    from newsint.nlp.attribution import attribute_texts

    records = iter(records)
    while batch := list(islice(records, BATCH)):
        texts = [_text(r, "text") for r in batch]
        fits = [len(t) <= max_chars for t in texts]
        safe = [repair(t) if ok else "" for t, ok in zip(texts, fits, strict=True)]
        try:
            found: list[list[Attribution] | Skipped] = list(attribute_texts(safe))
        except Exception:  # noqa: BLE001 - find the record at fault, keep the others
            found = [_attribute_one(text, record) for text, record in zip(safe, batch, strict=True)]
        for record, ok, result in zip(batch, fits, found, strict=True):
            if not ok:
                result = Skipped(
                    str(record_id(record)),
                    record_name(record),
                    f"{SkipReason.TOO_LONG}, over {max_chars:,} characters; "
                    "written with no attributions",
                )
            yield record, result


def _attribute_one(text: str, record: Record) -> list[Attribution] | Skipped:
    from newsint.nlp.attribution import attribute_texts

    try:
        return next(attribute_texts([text]))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one text must not stop the file
        return Skipped(
            str(record_id(record)),
            record_name(record),
            f"internal error while analysing: {exc!r}; written with no attributions",
        )


def extract(record: Record) -> tuple[str | None, str] | Skipped:
    """(title, body) of one record's ``html`` or ``text``, or Skipped when extraction fails."""
    from newsint.extract import extract_body

    kind = "html" if isinstance(record.get("html"), str) else "text"
    try:
        return extract_body(repair(_text(record, kind)), kind)
    except Exception as exc:  # noqa: BLE001 - one odd page must not stop the file
        return Skipped(
            str(record_id(record)),
            record_name(record),
            f"extraction failed: {exc!r}; written with no title and an empty body",
        )


def _text(record: Record, field: str) -> str:
    value = record.get(field)
    return value if isinstance(value, str) else str(value or "")
