"""Inputs -> Page: files, folders, stdin, JSON Lines, WARC; format sniffing, decoding, size limits.

Nothing here parses an article. A document that cannot become a Page is yielded as a
``Skipped`` record that names it and says why; only a path that does not exist at all is the
caller's mistake and raises :class:`~newsint.errors.InputError`.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import re
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

import charset_normalizer

from newsint.errors import InputError, SkipReason
from newsint.models import ContentKind, InputFormat, Page, Skipped
from newsint.settings import Settings
from newsint.textsafe import needs_repair, repair

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
KNOWN_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<\?xml)", re.I)
#: A complete tag of an element every web page uses: text is taken for HTML on a few of these,
#: never on a count of ``<`` (prose and code have plenty: "a < b", "<<<", "<-").
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|img|li|ul|ol|h[1-6]|table|tr|td|section|article|header|footer|"
    r"nav|main|script|style|meta|link|title|em|strong|b|i|figure|iframe|form|input)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)
#: How many such tags make a page without a doctype or ``<html>`` HTML.
HTML_TAGS_NEEDED = 5

Result = Page | Skipped

log = logging.getLogger(__name__)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_inputs(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Result]:
    """Every document under ``paths`` (``-`` is stdin), as Pages or Skipped records, in order."""
    settings = settings or Settings()
    for path in paths:
        if str(path) == "-":
            yield from _safe(read_stream(sys.stdin.buffer, "<stdin>", settings), "<stdin>")
            continue
        path = Path(path)
        if not path.exists():
            raise InputError(f"{repair(str(path))}: no such file or folder; check the path")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            for file in files:
                yield from _safe(read_file(file, settings), str(file))
        else:
            yield from _safe(read_file(path, settings), str(path))


def _safe(items: Iterator[Result], name: str) -> Iterator[Result]:
    """``items`` with every odd character of their text, id, name and URL repaired
    (:mod:`newsint.textsafe`: one character for one, offsets kept), and an error a reader did
    not foresee turned into a Skipped that names the input: one bad file never ends a batch."""
    name = repair(name)
    try:
        for item in items:
            yield _repaired(item)
    except Exception as exc:  # noqa: BLE001 - a reader's bug on one odd file must not stop a batch
        log.debug("reading %s failed", name, exc_info=True)
        yield Skipped(
            sha256(name.encode()),
            name,
            f"{SkipReason.BAD_RECORD}: could not be read "
            f"({type(exc).__name__}: {repair(str(exc))})",
        )


def _repaired(item: Result) -> Result:
    if isinstance(item, Skipped):
        fields = (item.id, item.name, item.reason)
        if any(needs_repair(v) for v in fields):
            return Skipped(*(repair(v) for v in fields))
        return item
    if any(needs_repair(v) for v in (item.id, item.name, item.content, item.url or "")):
        return replace(
            item,
            id=repair(item.id),
            name=repair(item.name),
            content=repair(item.content),
            url=repair(item.url) if item.url is not None else None,
        )
    return item


#: A stream is spooled to memory up to this size, to a temporary file beyond it.
SPOOL_BYTES = 8 * 1024 * 1024


def read_stream(stream: IO[bytes], name: str, settings: Settings) -> Iterator[Result]:
    """The documents in a stream that cannot seek (stdin), with bounded memory: the stream is
    spooled (to a temporary file past :data:`SPOOL_BYTES`), then JSON Lines and WARC are read
    record by record like files, and a single document over the size limit is Skipped unread."""
    digest = hashlib.sha256()
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            spool.write(chunk)
        size = spool.tell()
        spool.seek(0)
        suffix = _sniff(spool.read(65536))
        spool.seek(0)
        ident = digest.hexdigest()
        if suffix in WARC_SUFFIXES:
            yield from _read_warc(spool, name, settings, ident)
        elif suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(spool, name, settings, ident)
        elif size > settings.max_bytes:
            yield Skipped(
                ident,
                name,
                f"{SkipReason.TOO_LARGE}: {size:,} bytes > {settings.max_bytes:,} "
                "(raise NEWSINT_MAX_BYTES to analyse it)",
            )
        else:
            yield from _read_bytes(spool.read(), name, suffix, settings)


def read_upload(
    data: bytes, name: str, settings: Settings, *, kind: ContentKind | None = None
) -> Iterator[Result]:
    """The documents in one uploaded body (the HTTP API): ``kind`` "html" or "text" says what
    it is; without it the format is sniffed (HTML, text, JSON Lines, WARC, gzip of those)."""
    suffix = {"html": ".html", "text": ".txt", None: None}[kind]
    yield from _safe(_read_bytes(data, name, suffix, settings), name)


def read_file(path: Path, settings: Settings) -> Iterator[Result]:
    name = str(path)
    suffix = _suffix(path)
    if suffix is None:
        yield Skipped(
            _id_of_path(path),
            name,
            f"{SkipReason.UNKNOWN_FORMAT} {path.suffix or '(none)'}; "
            f"newsint reads {', '.join(KNOWN_SUFFIXES)}",
        )
        return
    if suffix in WARC_SUFFIXES:  # containers are streamed: memory holds one record at a time
        with path.open("rb") as fh:
            yield from _read_warc(fh, name, settings, _id_of_path(path))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, settings)
        return
    size = path.stat().st_size
    if size > settings.max_bytes:
        yield Skipped(
            _id_of_path(path),
            name,
            f"{SkipReason.TOO_LARGE}: {size:,} bytes > {settings.max_bytes:,} "
            "(raise NEWSINT_MAX_BYTES to analyse it)",
        )
        return
    data = path.read_bytes()
    yield from _read_bytes(data, name, suffix, settings)


def _suffix(path: Path) -> str | None:
    lower = path.name.lower()
    for suffix in sorted(KNOWN_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return suffix
    if lower.endswith(".gz"):
        inner = _suffix(Path(lower[:-3]))
        return inner
    return None


def _id_of_path(path: Path) -> str:
    return sha256(str(path).encode())


def _read_bytes(data: bytes, name: str, suffix: str | None, settings: Settings) -> Iterator[Result]:
    if suffix is None:
        suffix = _sniff(data)
    if suffix in WARC_SUFFIXES:
        yield from read_warc(data, name, settings)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, name, settings)
        return
    unpacked = _gunzip(data, name)
    if isinstance(unpacked, Skipped):
        yield unpacked
        return
    data = unpacked
    kind: ContentKind = "html" if suffix in HTML_SUFFIXES else "text"
    fmt: InputFormat = "html" if kind == "html" else "text"
    yield page_from_bytes(data, name=name, kind=kind, input_format=fmt, settings=settings)


def _gunzip(data: bytes, name: str) -> bytes | Skipped:
    """The bytes themselves, or gunzipped when they are gzip; a cut gzip file is Skipped."""
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        return Skipped(sha256(data), name, f"{SkipReason.TRUNCATED}: {exc}")


def _sniff(data: bytes) -> str:
    head = data[:2] == b"\x1f\x8b" and _safe_gunzip_head(data) or data[:4096]
    if head.startswith(b"WARC/"):
        return ".warc"
    text = head.decode("utf-8", "replace").lstrip()
    if text.startswith("{"):
        return ".jsonl"
    if _HTML_START.match(text) or len(_HTML_TAG.findall(text)) >= HTML_TAGS_NEEDED:
        return ".html"
    return ".txt"


def _safe_gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 4096)
    except zlib.error:
        return b""


def page_from_bytes(
    data: bytes,
    *,
    name: str,
    kind: ContentKind,
    input_format: InputFormat,
    settings: Settings,
    doc_id: str | None = None,
    url: str | None = None,
) -> Result:
    """Check and decode one document's raw bytes."""
    digest = sha256(data)
    doc_id = doc_id or digest
    if len(data) > settings.max_bytes:
        return Skipped(
            doc_id, name, f"{SkipReason.TOO_LARGE}: {len(data):,} bytes > {settings.max_bytes:,}"
        )
    if not data.strip():
        return Skipped(doc_id, name, f"{SkipReason.EMPTY}: nothing to analyse")
    if _looks_binary(data):
        return Skipped(doc_id, name, f"{SkipReason.BINARY}; give newsint HTML, text, JSONL or WARC")
    decoded = decode(data, html=kind == "html", name=name)
    if decoded is None:
        return Skipped(doc_id, name, f"{SkipReason.ENCODING}; re-save it as UTF-8")
    content, encoding = decoded
    return Page(
        id=doc_id,
        name=name,
        content=content,
        kind=kind,
        input_format=input_format,
        sha256=digest,
        url=url,
        encoding=encoding,
    )


#: Control bytes a text may hold and still be text (stray NULs of a bad converter, a form feed).
BINARY_CONTROL_BYTES = 4


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a byte-order mark: NUL bytes are expected
    # NUL and the other control bytes (not tab, LF, VT, FF, CR) are a few per cent of binary
    # formats and none of text, but one stray NUL in prose (a copy-paste, a bad converter) is
    # repaired, not a reason to reject the document: it takes more than a handful
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > max(BINARY_CONTROL_BYTES, len(head) * 0.05)


#: Single-byte charsets under which any bytes decode: a page declaring one of them may still be
#: in another (a Cyrillic page labelled ISO-8859-1), which only the letters can tell.
_WESTERN = {"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "iso-8859-15"}


def decode(data: bytes, *, html: bool = False, name: str = "") -> tuple[str, str] | None:
    """Decode bytes: BOM, then UTF-8, then a declared HTML charset, then detection. A declared
    charset that the bytes contradict is reported on the log (a warning naming the document)
    and the detected one is used."""
    for bom, enc in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, "replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html and (match := _META_CHARSET.search(data[:4096])):
        declared = match.group(1).decode("ascii", "ignore").lower()
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrongly declared encoding: detect it
        if text is not None and (declared not in _WESTERN or _western(data) is not None):
            return text, declared
        found = _detect(data)
        log.warning(
            "%s: declares charset %s, but its bytes are not %s; decoded as %s (detected)",
            name or "a page",
            declared,
            declared,
            found[1] if found else "nothing",
        )
        return found
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str] | None:
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding, "replace"), best.encoding
    except LookupError:
        return None


def _western(data: bytes) -> str | None:
    """Windows-1252 text (the web's commonest legacy encoding), recognised by its accented letters
    sitting inside otherwise ASCII words ("Zürich", "façade"). Detectors guess wrong on short
    Western texts; Cyrillic or Greek pages decoded this way have whole words of accents instead."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    accents = [i for i, ch in enumerate(text) if ord(ch) > 127 and ch.isalpha()]
    if not accents:
        return text
    inside = sum(
        1
        for i in accents
        if (i > 0 and text[i - 1].isascii() and text[i - 1].isalpha())
        or (i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalpha())
    )
    return text if inside >= 0.6 * len(accents) else None


def read_jsonl(data: bytes, name: str, settings: Settings) -> Iterator[Result]:
    """One Page per line with an ``html`` or ``text`` field; a bad line is Skipped, not fatal."""
    yield from _read_jsonl(io.BytesIO(data), name, settings, sha256(data))


def _read_jsonl_file(path: Path, settings: Settings) -> Iterator[Result]:
    with path.open("rb") as raw:
        yield from _read_jsonl(raw, str(path), settings, _id_of_path(path))


def _read_jsonl(raw: IO[bytes], name: str, settings: Settings, ident: str) -> Iterator[Result]:
    """:func:`read_jsonl` of a seekable binary stream, read line by line (gzip or not); a gzip
    stream cut short keeps the records before the cut, and the cut is reported."""
    packed = raw.read(2) == b"\x1f\x8b"
    raw.seek(0)
    lines: Iterable[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if packed else raw
    try:
        yield from _jsonl_records(lines, name, settings)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(ident, name, f"{SkipReason.TRUNCATED}: {exc}")


def _jsonl_records(lines: Iterable[bytes], name: str, settings: Settings) -> Iterator[Result]:
    seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen = True
        where = f"{name}:{number}"
        try:
            yield _jsonl_record(line, where, settings)
        except Exception as exc:  # noqa: BLE001 - one odd record never ends the file
            yield Skipped(
                sha256(line), where, f"{SkipReason.BAD_RECORD}: {type(exc).__name__}: {exc}"
            )
    if not seen:
        yield Skipped(sha256(name.encode()), name, f"{SkipReason.EMPTY}: no records in the file")


def _jsonl_record(line: bytes, where: str, settings: Settings) -> Result:
    """One JSON Lines record as a Page, or Skipped with the reason. JSON may hold what UTF-8
    cannot (a lone surrogate, ``"\\ud800"``) and what lxml and PostgreSQL refuse (NUL):
    the text, id and URL are repaired one character for one (:mod:`newsint.textsafe`), so
    offsets into the text as given still hold."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        return Skipped(sha256(line), where, f"{SkipReason.BAD_RECORD}: not JSON ({exc})")
    if not isinstance(record, dict):
        return Skipped(sha256(line), where, f"{SkipReason.BAD_RECORD}: not a JSON object")
    doc_id = repair(str(record["id"])) if record.get("id") is not None else None
    if doc_id:
        where = f"{where} (id {doc_id})"
    kind: ContentKind = "html" if isinstance(record.get("html"), str) else "text"
    body = record.get(kind)
    if not isinstance(body, str):
        return Skipped(
            doc_id or sha256(line),
            where,
            f"{SkipReason.BAD_RECORD}: needs an 'html' or 'text' string field",
        )
    url = repair(record["url"]) if isinstance(record.get("url"), str) else None
    return page_from_bytes(
        repair(body).encode("utf-8"),
        name=where,
        kind=kind,
        input_format="jsonl",
        settings=settings,
        doc_id=doc_id,
        url=url,
    )


def read_warc(data: bytes, name: str, settings: Settings) -> Iterator[Result]:
    """HTML response records of a WARC file (warcio); other records are passed over. A file cut
    short keeps every record before the cut, and the record the cut went through is reported."""
    yield from _read_warc(io.BytesIO(data), name, settings, sha256(data))


def _read_warc(fh: IO[bytes], name: str, settings: Settings, ident: str) -> Iterator[Result]:
    """:func:`read_warc` of a seekable binary stream; ``ident`` is the id of a cut record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = passed = 0
    pending: Result | None = None  # held back one record: the last one may be cut
    pending_at = -1  # where the pending record starts
    records = ArchiveIterator(fh)
    try:
        for record in records:
            if record.rec_type != "response":
                passed += 1
                continue
            count += 1
            if pending is not None:
                yield pending
            page = _warc_page(record, f"{name}#{count}", settings)
            if page is not None:
                pending, pending_at = page, records.get_record_offset()
            else:
                passed += 1
    # AttributeError: warcio on a record whose headers are cut (it reads a missing URI)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, zlib.error) as exc:
        if pending is not None:
            yield pending
        why = "the record's headers are cut short" if isinstance(exc, AttributeError) else exc
        yield Skipped(ident, f"{name}#{count + 1}", f"{SkipReason.TRUNCATED}: {why}")
        return
    if passed:
        log.info("%s: %d record(s) passed over (not HTML responses)", name, passed)
    last_at = _last_record_at(records)
    fh.seek(last_at)
    cut = _cut_at(fh.read())  # only the last record read and what follows it
    if cut is None:
        if pending is not None:
            yield pending
        elif count == 0:
            fh.seek(0)
            if not _warc_complete(fh.read(65536)):
                yield Skipped(ident, name, f"{SkipReason.TRUNCATED}: no complete WARC record found")
        return
    if pending is not None and last_at + cut <= pending_at:  # the cut went through it
        yield Skipped(pending.id, pending.name, f"{SkipReason.TRUNCATED}: the record is cut short")
        return
    if pending is not None:
        yield pending
    yield Skipped(
        ident, f"{name}#{count + 1}", f"{SkipReason.TRUNCATED}: the file ends inside a record"
    )


def _last_record_at(records: object) -> int:
    try:
        return int(records.get_record_offset())  # type: ignore[attr-defined]
    except TypeError:  # no record was read at all
        return 0


def _warc_page(record: object, name: str, settings: Settings) -> Result | None:
    headers = record.rec_headers  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    http_type = http.get_header("Content-Type") if http else ""
    body = record.content_stream().read()  # type: ignore[attr-defined]
    if http_type and "html" not in http_type.lower():
        return None
    return page_from_bytes(
        body,
        name=name,
        kind="html",
        input_format="warc",
        settings=settings,
        doc_id=headers.get_header("WARC-Record-ID") or None,
        url=headers.get_header("WARC-Target-URI"),
    )


def _cut_at(tail: bytes) -> int | None:
    """Where a WARC's ``tail`` (its last record read, and whatever follows) is cut: None when it
    ends cleanly, else the offset in ``tail`` of the cut record. Gzipped, it is a run of gzip
    members, one per record, each of which must be complete; plain, it must end with the
    record's CRLFs, and the cut is in the next record that begins, else in the first."""
    if tail[:2] != b"\x1f\x8b":
        if tail.endswith(b"\r\n\r\n"):
            return None
        later = tail.find(b"\r\nWARC/", 1)  # a record began after the last one read
        return 0 if later < 0 else later + 2
    at = 0
    while at < len(tail):
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            member.decompress(tail[at:])
        except zlib.error:
            return at
        if not member.eof:
            return at
        at = len(tail) - len(member.unused_data)
    return None


def _warc_complete(data: bytes) -> bool:
    head = data[:2] == b"\x1f\x8b" and _safe_gunzip_head(data) or data[:16]
    return head.startswith(b"WARC/")
