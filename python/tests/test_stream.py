"""scrape_clean.stream against the CLI's ``scrape-clean stream`` on JSON Lines and WARC."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
from pathlib import Path
from typing import Any, Dict, List

import pytest

import scrape_clean
from conftest import FIXTURES, SEED, cli_bin


def cli_stream(data: bytes) -> List[Dict[str, Any]]:
    """The records ``scrape-clean stream`` prints for ``data`` on standard input."""
    out = subprocess.run([str(cli_bin()), "stream"], input=data, check=False, capture_output=True)
    assert out.returncode in (0, 1), out.stderr.decode()  # 1: some record failed
    return [json.loads(line) for line in out.stdout.splitlines()]


def html_pages() -> List[Path]:
    return sorted(FIXTURES.glob("*/input.html"))[:6]


def jsonl() -> bytes:
    lines = [
        {"id": 1, "url": "https://example.org/seed", "text": SEED.read_text(), "fetched_at": "2022-10-03T18:00:00Z"},
    ]
    for n, path in enumerate(html_pages(), start=2):
        lines.append({"id": n, "url": f"https://example.org/{path.parent.name}", "html": path.read_text("utf-8", "replace")})
    lines.append({"id": "no-page", "url": None})
    out = "".join(json.dumps(line) + "\n" for line in lines)
    return (out + "this is not json\n").encode()


def warc_record(kind: str, name: str, block: bytes) -> bytes:
    """One WARC/1.0 record, as tests/stream.rs builds them."""
    content_type = {
        "response": "application/http; msgtype=response",
        "request": "application/http; msgtype=request",
    }.get(kind, "application/warc-fields")
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{name}>\r\n"
        f"WARC-Date: 2023-07-18T10:00:00Z\r\nWARC-Target-URI: https://example.org/{name}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http(content_type: str, body: bytes) -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def warc_records() -> List[bytes]:
    records = [warc_record("warcinfo", "info", b"software: scrape-clean tests\r\n")]
    for n, path in enumerate(html_pages()):
        records.append(warc_record("request", f"req{n}", b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"))
        records.append(warc_record("response", f"page{n}", http("text/html; charset=utf-8", path.read_bytes())))
    records.append(warc_record("response", "logo", http("image/png", b"\x89PNG\r\n\x1a\n\0\0\0")))
    records.append(warc_record("response", "empty", http("text/html", b"")))
    return records


def test_jsonl_gives_the_clis_records():
    data = jsonl()
    expected = cli_stream(data)
    assert len(expected) == len(html_pages()) + 3
    assert any("error" in r for r in expected) and expected[0]["headline"]
    assert list(scrape_clean.stream(io.BytesIO(data))) == expected


def test_warc_plain_gzipped_whole_and_per_record():
    records = warc_records()
    plain = b"".join(records)
    expected = cli_stream(plain)
    assert [r["id"] for r in expected][:2] == ["<urn:uuid:page0>", "<urn:uuid:page1>"]
    assert list(scrape_clean.stream(io.BytesIO(plain))) == expected
    whole = gzip.compress(plain)
    per_record = b"".join(gzip.compress(r) for r in records)
    for data in (whole, per_record):
        assert cli_stream(data) == expected
        assert list(scrape_clean.stream(io.BytesIO(data))) == expected


def test_threads_and_a_path_give_the_same_records(tmp_path):
    data = gzip.compress(b"".join(warc_records()))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    one = list(scrape_clean.stream(str(path), threads=1))
    assert one == list(scrape_clean.stream(path, threads=3))
    with open(path, "rb") as file:
        assert list(scrape_clean.stream(file)) == one


def test_small_reads_are_fine():
    class Trickle(io.RawIOBase):
        """A file that gives at most 7 bytes a read."""

        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def read(self, n: int = -1) -> bytes:
            return self.data.read(min(n, 7) if n >= 0 else 7)

    data = jsonl()
    assert list(scrape_clean.stream(Trickle(data))) == list(scrape_clean.stream(io.BytesIO(data)))


def test_empty_input_gives_nothing():
    assert list(scrape_clean.stream(io.BytesIO(b""))) == []


def test_a_text_file_is_a_type_error():
    with pytest.raises(TypeError, match="binary file"):
        list(scrape_clean.stream(io.StringIO('{"text": "x"}\n')))


def test_the_files_exception_is_raised_as_it_is():
    class Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, n: int = -1) -> bytes:
            raise OSError("disk on fire")

    with pytest.raises(OSError, match="disk on fire"):
        list(scrape_clean.stream(Broken()))


def test_not_a_file_is_a_type_error():
    with pytest.raises(TypeError):
        scrape_clean.stream(42)  # type: ignore[arg-type]
