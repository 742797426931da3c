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
    """Two WARC files of the HTML fixtures (with requests and metadata
    between them), one gzipped per record and one plain, and a JSON Lines
    file of all fixtures."""
    pages = fixture_pages()
    for copy in range(copies):
        compressed = copy % 2 == 0
        name = f"crawl-{copy}.warc" + (".gz" if compressed else "")
        wrap = gzip.compress if compressed else (lambda record: record)
        with open(os.path.join(folder, name), "wb") as out:
            out.write(wrap(warc_record("warcinfo", f"info-{copy}", b"software: test\r\n", "application/warc-fields")))
            for case, kind, page in pages:
                if kind != "html":
                    continue
                rid = f"{case}-{copy}"
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
                request = f"GET /{rid} HTTP/1.1\r\n\r\n".encode()
                out.write(wrap(warc_record("request", rid + "-req", request, "application/http; msgtype=request")))
                out.write(wrap(warc_record("response", rid, http, "application/http; msgtype=response")))
                out.write(wrap(warc_record("metadata", rid + "-meta", b"fetchTimeMs: 9\r\n", "application/warc-fields")))
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
    """The job's records, as a list of part files' records."""
    example = os.path.join(ROOT, "examples", "spark", "clean_warc.py")
    started = time.time()
    subprocess.run([sys.executable, example, folder, out, "--binary", binary, "--master", "local[2]",
                    "--partitions", "2"], check=True)
    elapsed = time.time() - started
    parts = []
    for part in sorted(glob.glob(os.path.join(out, "part-*"))):
        with open(part, encoding="utf-8") as f:
            parts.append([json.loads(line) for line in f.read().splitlines()])
    return parts, elapsed


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
        parts, elapsed = spark(binary, folder, os.path.join(tmp, "out"))
        got = [record for part in parts for record in part]
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
        # One WARC file, one partition, in record order; JSON Lines ids
        # ascend within each partition.
        warc_parts = [[r["id"] for r in part] for part in parts if part and isinstance(part[0]["id"], str)]
        want_by_file = {}
        for r in want:
            if isinstance(r["id"], str):
                want_by_file.setdefault(r["id"].rsplit("-", 1)[1], []).append(r["id"])
        check("one partition a WARC file, in record order",
              sorted(warc_parts) == sorted(want_by_file.values()), f"{len(warc_parts)} WARC parts")
        jsonl_parts = [[r["id"] for r in part if isinstance(r["id"], int)] for part in parts]
        check("JSON Lines order kept within partitions",
              all(ids == sorted(ids) for ids in jsonl_parts) and sum(1 for ids in jsonl_parts if ids) >= 2)
        print(f"spark local[2]: {len(got)} records in {elapsed:.1f} s (including Spark start-up)")
    print(f"spark: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
