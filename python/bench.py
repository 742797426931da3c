#!/usr/bin/env python3
"""Pages per second: scrape_clean against trafilatura, on the same pages in the same run.

    python3 -m venv target/bench-venv
    target/bench-venv/bin/pip install trafilatura lxml_html_clean
    target/bench-venv/bin/pip install target/wheels/scrape_clean-*.whl
    target/bench-venv/bin/python python/bench.py [--limit 500] [--corpora ../shared/corpora]

The pages are the dev corpora's HTML files (CORPORA/*/html/*), read into
memory first, taken round-robin across the corpora (so a limit keeps every
corpus in the sample) up to --limit pages (0: all). Each contender then
cleans every page once, timed with time.perf_counter:

- scrape_clean.clean_many(pages, threads=1)
- scrape_clean.clean_many(pages) on all CPUs
- scrape_clean.clean(page) in a Python loop
- trafilatura.extract(page), single-threaded (as it runs)

After an untimed warm-up on the first 20 pages, each runs once. Pages that a contender cannot clean count as done (an error item, None
from trafilatura). With no corpora it says so and exits 0; without
trafilatura it times scrape_clean alone. trafilatura is for this
benchmark only: it is not a dependency of the package or its tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path
from typing import Callable, List

# python/ holds the package's sources (without the compiled module): import
# the installed wheel, not them.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
import scrape_clean  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def load(corpora: Path, limit: int) -> List[bytes]:
    folders = sorted(p for p in corpora.glob("*/html") if p.is_dir())
    lists = [sorted(f for f in folder.iterdir() if f.is_file()) for folder in folders]
    order = []
    for i in range(max((len(files) for files in lists), default=0)):
        order += [files[i] for files in lists if i < len(files)]
    if limit:
        order = order[:limit]
    return [path.read_bytes() for path in order]


def timed(name: str, run: Callable[[], int], pages: int) -> float:
    start = time.perf_counter()
    done = run()
    seconds = time.perf_counter() - start
    assert done == pages, (name, done, pages)
    rate = pages / seconds
    print(f"{name:34} {seconds:8.2f} s {rate:9.1f} pages/s", flush=True)
    return rate


def clean_loop(pages: List[bytes]) -> int:
    done = 0
    for page in pages:
        try:
            scrape_clean.clean(page)
        except scrape_clean.Error:
            pass
        done += 1
    return done


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--limit", type=int, default=500, help="pages at most (0: all; default 500)")
    args = parser.parse_args(argv)

    pages = load(args.corpora, args.limit)
    if not pages:
        print(f"{args.corpora}: no */html pages here; nothing to benchmark")
        return 0
    cpus = os.cpu_count() or 1
    megabytes = sum(map(len, pages)) / 1e6
    print(f"{len(pages)} pages, {megabytes:.1f} MB, from {args.corpora}; {cpus} CPUs, "
          f"Python {platform.python_version()}, {platform.machine()}")

    try:
        import trafilatura
    except ImportError as err:
        trafilatura = None
        print(f"trafilatura not importable ({err}); timing scrape_clean alone")

    n = len(pages)
    # Untimed warm-up: the library's lazily built tables, the allocator.
    for _ in scrape_clean.clean_many(pages[:20], threads=1, errors="return"):
        pass
    rates = {}
    rates["one"] = timed("clean_many threads=1", lambda: sum(1 for _ in scrape_clean.clean_many(pages, threads=1, errors="return")), n)
    rates["all"] = timed(f"clean_many threads={cpus} (all)", lambda: sum(1 for _ in scrape_clean.clean_many(pages, errors="return")), n)
    rates["loop"] = timed("clean() in a loop", lambda: clean_loop(pages), n)
    if trafilatura is not None:
        version = getattr(trafilatura, "__version__", "?")
        rates["traf"] = timed(f"trafilatura {version} extract()", lambda: sum(1 for p in pages if trafilatura.extract(p) or True), n)
        print(f"ratio clean_many threads=1 / trafilatura: {rates['one'] / rates['traf']:.1f}x")
        print(f"ratio clean_many all CPUs / trafilatura: {rates['all'] / rates['traf']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
