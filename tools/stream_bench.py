#!/usr/bin/env python3
"""Throughput and memory of `scrape-clean stream`.

    python3 tools/stream_bench.py [--binary target/release/scrape-clean]
                                  [--corpora ../shared/corpora] [--spark] [--rss]

Wraps every dev corpus's HTML (``CORPORA/*/html/*``, read at run time,
never copied into the repository) as a WARC file in a temporary folder, a
gzipped response record a page with a request and a metadata record
beside it, as Common Crawl writes them, and times:

- `stream -j 1` and `stream -j 2` over that WARC file, against
  `batch --jsonl -j 1` and `-j 2` over the same pages as files;
- with `--spark`, examples/spark/clean_warc.py under `local[2]` (needs
  pyspark, e.g. the venv tests/spark/run.sh makes) against `stream -j 2`;
- with `--rss`, the peak resident memory of `stream -j 2` over 1,000 and
  20,000 JSON Lines records: the repository's own fixtures, cycled (small
  pages, so the 20,000 take seconds, not an hour; what is measured is
  whether memory grows with the number of records).

Prints a Markdown table of records/s (best of `--repeat` runs).
"""

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pages(corpora):
    found = []
    for corpus in sorted(os.listdir(corpora)):
        folder = os.path.join(corpora, corpus, "html")
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                found.append((corpus, name, os.path.join(folder, name)))
    return found


def warc_record(kind, name, block, content_type):
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{name}>\r\n"
        f"WARC-Date: 2024-05-01T08:00:00Z\r\nWARC-Target-URI: https://example.org/{name}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6)


def write_warc(found, path):
    with open(path, "wb") as out:
        for corpus, name, page_path in found:
            with open(page_path, "rb") as f:
                page = f.read()
            rid = f"{corpus}/{name}"
            out.write(warc_record("request", rid + "/req", f"GET /{rid} HTTP/1.1\r\n\r\n".encode(),
                                  "application/http; msgtype=request"))
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
            out.write(warc_record("response", rid, http, "application/http; msgtype=response"))
            out.write(warc_record("metadata", rid + "/meta", b"fetchTimeMs: 9\r\n", "application/warc-fields"))


def write_folder(found, folder):
    for corpus, name, page_path in found:
        os.makedirs(os.path.join(folder, corpus), exist_ok=True)
        shutil.copyfile(page_path, os.path.join(folder, corpus, name))


def write_jsonl(path, count):
    fixtures = os.path.join(ROOT, "fixtures")
    pages = []
    for case in sorted(os.listdir(fixtures)):
        for name, kind in (("input.html", "html"), ("input.txt", "text")):
            page = os.path.join(fixtures, case, name)
            if os.path.exists(page):
                with open(page, "rb") as f:
                    pages.append((kind, f.read().decode("utf-8", errors="replace")))
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            kind, page = pages[i % len(pages)]
            out.write(json.dumps({"id": i, "url": f"https://example.org/{i}", kind: page}) + "\n")


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, repeat, env=None):
    """Best wall-clock time of `repeat` runs, and the CPU time (user + system)
    of that run: on a shared machine the CPU time is the steadier figure."""
    best = None
    for _ in range(repeat):
        cpu = cpu_seconds()
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        elapsed = time.perf_counter() - started
        run = (elapsed, cpu_seconds() - cpu)
        best = run if best is None or run[0] < best[0] else best
    return best


def peak_rss_mib(command):
    """Peak RSS of one child, measured in a fresh wrapper process."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "scrape-clean"))
    parser.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--spark", action="store_true", help="also time the Spark example under local[2]")
    parser.add_argument("--spark-python", default=os.path.join(ROOT, "target", "spark-venv", "bin", "python"))
    parser.add_argument("--rss", action="store_true", help="also measure peak RSS for 1,000 and 20,000 records")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    found = pages(args.corpora)
    if not found:
        print(f"no pages under {args.corpora}/*/html", file=sys.stderr)
        return 2
    n = len(found)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        warc = os.path.join(tmp, "corpora.warc.gz")
        folder = os.path.join(tmp, "pages")
        write_warc(found, warc)
        write_folder(found, folder)
        size = os.path.getsize(warc) / 2**20
        print(f"{n} pages; WARC {size:.1f} MiB gzipped ({3 * n} records)", file=sys.stderr)
        for jobs in (1, 2):
            t = timed([binary, "stream", "-j", str(jobs), warc], args.repeat)
            rows.append((f"stream -j {jobs} (WARC.gz)", n, t))
            t = timed([binary, "batch", "--jsonl", "-j", str(jobs), folder], args.repeat)
            rows.append((f"batch --jsonl -j {jobs} (files)", n, t))
        if args.spark:
            example = os.path.join(ROOT, "examples", "spark", "clean_warc.py")
            spark_in = os.path.join(tmp, "spark-in")
            os.mkdir(spark_in)
            # Two files, so local[2] has two partitions of whole files.
            half = n // 2
            write_warc(found[:half], os.path.join(spark_in, "a.warc.gz"))
            write_warc(found[half:], os.path.join(spark_in, "b.warc.gz"))
            out = os.path.join(tmp, "spark-out")
            command = [args.spark_python, example, spark_in, out, "--binary", binary, "--master", "local[2]"]
            env = {**os.environ, "PYSPARK_PYTHON": args.spark_python}
            best = None
            for _ in range(args.repeat):
                shutil.rmtree(out, ignore_errors=True)
                run = timed(command, 1, env)
                best = run if best is None or run[0] < best[0] else best
            with open(os.path.join(out, "part-00000"), encoding="utf-8") as f:
                first = sum(1 for _ in f)
            print(f"Spark wrote {first} of {n} lines in part-00000", file=sys.stderr)
            # CPU time is left out: the executors' processes are not all our
            # waited-for children, so getrusage would undercount them.
            rows.append(("Spark local[2] (2 WARC.gz files, incl. JVM start-up)", n, (best[0], None)))
            t = timed([binary, "stream", "-j", "2", os.path.join(spark_in, "a.warc.gz"),
                       os.path.join(spark_in, "b.warc.gz")], args.repeat)
            rows.append(("stream -j 2, same 2 files", n, t))
        print("| run | pages | wall s | pages/s | CPU s | pages per CPU s |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, count, (seconds, cpu) in rows:
            cpu_cells = "— | —" if cpu is None else f"{cpu:.2f} | {count / cpu:.1f}"
            print(f"| {name} | {count} | {seconds:.2f} | {count / seconds:.1f} | {cpu_cells} |")
        if args.rss:
            print()
            print("| records (JSON Lines) | peak RSS, MiB |")
            print("| ---: | ---: |")
            for count in (1000, 20000):
                path = os.path.join(tmp, f"{count}.jsonl")
                write_jsonl(path, count)
                rss = peak_rss_mib([binary, "stream", "-j", "2", path])
                print(f"| {count} | {rss:.1f} |")
                os.remove(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
