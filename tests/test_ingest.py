"""Inputs -> Page: every kind of bad input gives a Skipped that names the document and the problem."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsint.errors import InputError
from newsint.ingest import read_inputs, read_stream, read_warc
from newsint.models import Page, Skipped
from newsint.settings import Settings

ARTICLE = (
    "The mayor said on Monday that the bridge would reopen next week.\n"
    "“We have done the repairs,” she said.\n"
)


def one(path: Path) -> Page | Skipped:
    (item,) = list(read_inputs([path]))
    return item


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, "binary"),
        ("notes.docx", b"PK\x03\x04", "unknown file extension"),
    ],
)
def test_bad_documents_are_skipped_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    item = one(path)
    assert isinstance(item, Skipped)
    assert reason in item.reason
    assert item.name == str(path)


def test_a_huge_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB (sparse)
    item = one(path)
    assert isinstance(item, Skipped)
    assert "larger than the size limit" in item.reason and "NEWSINT_MAX_BYTES" in item.reason


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_non_utf8_text_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(("Café owners in Zürich said the façade was “unsafe”. " * 20).encode(
        encoding, "replace"))  # fmt: skip
    item = one(path)
    assert isinstance(item, Page)
    assert "Zürich" in item.content


def test_a_wrongly_declared_html_charset_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    html = '<html><head><meta charset="utf-8"></head><body><p>Ökonomen in München sagten ...</p>'
    path.write_bytes((html * 10).encode("latin-1"))
    item = one(path)
    assert isinstance(item, Page) and "München" in item.content


def test_missing_path_is_the_callers_mistake(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([tmp_path / "nope.txt"]))


def test_jsonl_gives_one_page_per_line_and_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    lines = [
        json.dumps({"id": "a", "text": ARTICLE}),
        "{not json",
        json.dumps({"id": "c", "html": f"<p>{ARTICLE}</p>", "url": "https://x.test/c"}),
        json.dumps({"id": "d"}),
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    items = list(read_inputs([path]))
    assert [type(i).__name__ for i in items] == ["Page", "Skipped", "Page", "Skipped"]
    assert items[0].id == "a" and items[0].kind == "text" and items[0].input_format == "jsonl"
    assert items[1].name.endswith("batch.jsonl.gz:2")
    assert items[2].kind == "html" and items[2].url == "https://x.test/c"
    assert "'html' or 'text'" in items[3].reason


def warc(records: list[tuple[str, bytes]]) -> bytes:
    """A gzipped WARC file, one gzip member per record, as crawlers write them."""
    out = b""
    for number, (url, body) in enumerate(records, start=1):
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"WARC-Target-URI: {url}\r\nWARC-Date: 2017-09-28T00:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n"
        ).encode()
        out += gzip.compress(head + http + b"\r\n\r\n")
    return out


def test_warc_response_records_become_pages(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc([("https://a.test/1", b"<html><p>one</p></html>"),
                           ("https://a.test/2", b"<html><p>two</p></html>")]))  # fmt: skip
    items = list(read_inputs([path]))
    assert [i.url for i in items if isinstance(i, Page)] == ["https://a.test/1", "https://a.test/2"]
    assert all(i.id.startswith("<urn:uuid:") for i in items)


def test_warc_records_that_are_not_html_responses_are_counted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    request = b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(gzip.compress(request) + warc([("https://a.test/1", b"<p>one</p>")]))
    with caplog.at_level("INFO", logger="newsint.ingest"):
        items = list(read_inputs([path]))
    assert [type(i).__name__ for i in items] == ["Page"]
    assert "1 record(s) passed over" in caplog.text


def test_a_truncated_warc_keeps_what_came_before_and_reports_the_cut(tmp_path: Path) -> None:
    first = ("https://a.test/1", b"<html><p>one</p></html>")
    second = ("https://a.test/2", bytes(range(32, 127)) * 200)
    whole, head = warc([first, second]), warc([first])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: (len(head) + len(whole)) // 2])
    items = list(read_inputs([path]))
    assert isinstance(items[0], Page) and items[0].url == "https://a.test/1"
    assert isinstance(items[-1], Skipped) and "truncated" in items[-1].reason


@pytest.mark.parametrize("packed", [True, False], ids=["gzipped", "plain"])
@pytest.mark.parametrize("keep", [0.05, 0.5, 0.95], ids=["cut-early", "cut-midway", "cut-late"])
def test_a_cut_inside_the_second_record_never_loses_the_first(packed: bool, keep: float) -> None:
    first = ("https://a.test/1", b"<html><p>" + b"one " * 3000 + b"</p></html>")
    second = ("https://a.test/2", b"<html><p>" + b"two " * 3000 + b"</p></html>")
    head, whole = warc([first]), warc([first, second])
    if not packed:
        head, whole = gzip.decompress(head), gzip.decompress(whole)
    data = whole[: len(head) + int((len(whole) - len(head)) * keep)]
    items = list(read_warc(data, "crawl.warc", Settings()))
    assert isinstance(items[0], Page) and items[0].url == "https://a.test/1"
    assert len(items) == 2 and isinstance(items[1], Skipped)
    assert items[1].name == "crawl.warc#2" and "truncated" in items[1].reason


def test_an_empty_jsonl_file_is_reported_not_silently_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n")
    (item,) = read_inputs([path])
    assert isinstance(item, Skipped) and item.reason.startswith("empty document")


def test_a_cut_gzipped_jsonl_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    rows = "".join(json.dumps({"id": str(i), "text": ARTICLE}) + "\n" for i in range(40))
    packed = gzip.compress(rows.encode())
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 3 // 4])
    items = list(read_inputs([path]))
    pages = [i for i in items if isinstance(i, Page)]
    assert pages and [p.id for p in pages] == [str(i) for i in range(len(pages))]
    assert isinstance(items[-1], Skipped) and "truncated" in items[-1].reason


def test_a_folder_reads_every_known_file_and_skips_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_inputs([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Page", "Page", "Skipped", "Skipped"]


def test_page_id_is_the_sha256_of_the_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode())
    item = one(path)
    assert isinstance(item, Page) and item.id == hashlib.sha256(ARTICLE.encode()).hexdigest()


def test_size_limit_is_a_setting(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE * 10)
    (item,) = list(read_inputs([path], Settings(max_bytes=100)))
    assert isinstance(item, Skipped) and "size limit" in item.reason


def test_a_cut_gzip_file_is_reported_as_truncated(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode() * 50)[:40])
    item = one(path)
    assert isinstance(item, Skipped) and "truncated" in item.reason


class _Pipe(io.RawIOBase):
    """A stream that cannot seek, like stdin."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        return self._data.readinto(buffer)


@pytest.mark.parametrize("spool", [1 << 30, 64], ids=["in-memory", "spilled-to-disk"])
def test_stdin_jsonl_and_warc_are_read_record_by_record(
    monkeypatch: pytest.MonkeyPatch, spool: int
) -> None:
    monkeypatch.setattr("newsint.ingest.SPOOL_BYTES", spool)
    lines = b"".join(
        json.dumps({"id": f"d{n}", "text": ARTICLE}).encode() + b"\n" for n in range(3)
    )
    items = list(read_stream(_Pipe(gzip.compress(lines)), "<stdin>", Settings()))
    assert [i.id for i in items] == ["d0", "d1", "d2"]
    crawl = warc([("https://a.test/1", b"<html><p>one</p></html>")])
    (page,) = read_stream(_Pipe(crawl), "<stdin>", Settings())
    assert isinstance(page, Page) and page.url == "https://a.test/1"


def test_stdin_over_the_size_limit_is_skipped_by_name() -> None:
    (item,) = read_stream(_Pipe(ARTICLE.encode() * 100), "<stdin>", Settings(max_bytes=1000))
    assert isinstance(item, Skipped) and item.name == "<stdin>" and "size limit" in item.reason


# -- the smaller items of issue 18 ----------------------------------------------------------------


def test_prose_with_a_stray_nul_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode() * 5 + b"\x00" + ARTICLE.encode())
    item = one(path)
    assert isinstance(item, Page) and "\x00" not in item.content and "bridge" in item.content
    assert len(item.content) == len(ARTICLE) * 6 + 1  # the NUL is replaced, offsets kept


def test_plain_text_with_many_angle_brackets_is_not_html() -> None:
    text = "If a < b and b < c then a < c. " * 30 + "<<< see below <-- here"
    (page,) = read_stream(_Pipe(text.encode()), "<stdin>", Settings())
    assert isinstance(page, Page) and page.kind == "text"
    html = "<p>one</p><p>two</p><div>three</div><span>four</span><a href='x'>five</a>"
    (page,) = read_stream(_Pipe(html.encode()), "<stdin>", Settings())
    assert isinstance(page, Page) and page.kind == "html"


def test_a_wrongly_declared_single_byte_charset_is_detected_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "page.html"
    body = "<p>Президент России заявил в понедельник, что переговоры продолжатся.</p>"
    html = f'<html><head><meta charset="iso-8859-1"></head><body>{body * 5}</body></html>'
    path.write_bytes(html.encode("cp1251"))
    with caplog.at_level("WARNING", logger="newsint"):
        item = one(path)
    assert isinstance(item, Page) and "Президент" in item.content
    assert f"{path}: declares charset iso-8859-1" in caplog.text


def test_odd_characters_in_ids_names_and_urls_are_repaired(tmp_path: Path) -> None:
    line = json.dumps({"id": "a\ud800", "url": "http://x.test/\x00", "text": "Bob \ud800 said."})
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n")
    (page,) = read_inputs([path])
    assert isinstance(page, Page)
    assert (page.id, page.url, page.content) == ("a\ufffd", "http://x.test/ ", "Bob \ufffd said.")
