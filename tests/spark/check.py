#!/usr/bin/env python3
"""Runs examples/spark/clean_warc.py under local[2] on a small WARC file and
a JSON Lines file made here from the fixtures, and checks its output
against `scrape-clean stream` run directly on the same files.

    python3 tests/spark/check.py BINARY

Prints "spark: N passed, 0 failed" and exits 0 when the outputs agree.
"""

import glob
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "fixtures")


def fixture_pages():
    """(case, kind, bytes) for every fixture, in name order."""
    pages = []
    for case in sorted(os.listdir(FIXTURES)):
        for name, kind in (("input.html", "html"), ("input.txt", "text")):
            path = os.path.join(FIXTURES, case, name)
            if os.path.exists(path):
                with open(path, "rb") as f:
                    pages.append((case, kind, f.read()))
    return pages


def warc_record(kind, name, block, content_type):
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{name}>\r\n"
        f"WARC-Date: 2024-05-01T08:00:00Z\r\nWARC-Target-URI: https://example.org/{name}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def write_inputs(folder, copies):
    """A per-record gzipped WARC of the HTML fixtures (with requests and
    metadata between them) and a JSON Lines file of all fixtures."""
    pages = fixture_pages()
    with open(os.path.join(folder, "crawl.warc.gz"), "wb") as out:
        out.write(gzip.compress(warc_record("warcinfo", "info", b"software: test\r\n", "application/warc-fields")))
        for copy in range(copies):
            for case, kind, page in pages:
                if kind != "html":
                    continue
                name = f"{case}-{copy}"
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
                request = f"GET /{name} HTTP/1.1\r\n\r\n".encode()
                out.write(gzip.compress(warc_record("request", name + "-req", request, "application/http; msgtype=request")))
                out.write(gzip.compress(warc_record("response", name, http, "application/http; msgtype=response")))
                out.write(gzip.compress(warc_record("metadata", name + "-meta", b"fetchTimeMs: 9\r\n", "application/warc-fields")))
    with open(os.path.join(folder, "pages.jsonl"), "w", encoding="utf-8") as out:
        n = 0
        for copy in range(copies):
            for case, kind, page in pages:
                record = {"id": n, "url": f"https://example.org/{case}/{copy}",
                          kind: page.decode("utf-8", errors="replace"), "fetched_at": "2024-05-01T08:00:00Z"}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
        out.write("this line is not JSON\n")


def direct(binary, folder):
    lines = []
    for name in sorted(os.listdir(folder)):
        result = subprocess.run([binary, "stream", os.path.join(folder, name)], capture_output=True, check=False)
        assert result.returncode in (0, 1), result.stderr
        lines += result.stdout.decode().splitlines()
    return lines


def spark(binary, folder, out):
    example = os.path.join(ROOT, "examples", "spark", "clean_warc.py")
    started = time.time()
    subprocess.run([sys.executable, example, folder, out, "--binary", binary, "--master", "local[2]",
                    "--partitions", "2"], check=True)
    elapsed = time.time() - started
    lines = []
    for part in sorted(glob.glob(os.path.join(out, "part-*"))):
        with open(part, encoding="utf-8") as f:
            lines += f.read().splitlines()
    return lines, elapsed


def key(record):
    return json.dumps([record["id"], record["url"]])


def main():
    binary = os.path.abspath(sys.argv[1])
    copies = int(os.environ.get("SPARK_TEST_COPIES", "3"))
    passed, failed = 0, 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAILED: {name} {detail}", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "in")
        os.mkdir(folder)
        write_inputs(folder, copies)
        want = [json.loads(line) for line in direct(binary, folder)]
        got_lines, elapsed = spark(binary, folder, os.path.join(tmp, "out"))
        got = [json.loads(line) for line in got_lines]
        html_pages = sum(1 for _, kind, _ in fixture_pages() if kind == "html")
        expected_count = copies * html_pages + copies * len(fixture_pages()) + 1
        check("record count", len(got) == len(want) == expected_count,
              f"spark {len(got)}, direct {len(want)}, expected {expected_count}")
        check("ids and urls", sorted(map(key, got)) == sorted(map(key, want)))
        by_key = {key(r): r for r in want}
        same = [r == by_key.get(key(r)) for r in got]
        check("records identical to the direct run", all(same), f"{same.count(False)} differ")
        for field in ("headline", "authors", "published", "body"):
            check(f"field {field} present", all(field in r for r in got if "error" not in r))
        errors = [r for r in got if "error" in r]
        check("the bad line is an error line", len(errors) == 1 and errors[0]["id"] is None, str(errors))
        # Order within a partition: JSON Lines ids ascend within each part file.
        warc_ids = [r["id"] for r in got if isinstance(r["id"], str)]
        check("WARC records in file order", warc_ids == [r["id"] for r in want if isinstance(r["id"], str)])
        print(f"spark local[2]: {len(got)} records in {elapsed:.1f} s (including Spark start-up)")
    print(f"spark: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
