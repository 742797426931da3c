#!/usr/bin/env python3
"""Scores the hand-written cases scrape-clean does not yet get right.

usage: tools/pending_fixtures.py [CASE...]   (default: every case under fixtures-pending/)

Each `fixtures-pending/<case>/` holds a page (`input.txt`, a browser copy,
or `input.html`), `about.md` and `want.json`: what a careful reader pulls
out of it. This runs the release binary on each and prints, per case, the
fields that differ (body: paragraphs missing and extra; sidebar: counts).
A case that comes out exactly belongs in `fixtures/` (copy it there with
its want.json, then `SCRAPE_CLEAN_BLESS=1 cargo test golden`), where
tests/golden.rs checks it on every run.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PENDING = os.path.join(ROOT, "fixtures-pending")
BINARY = os.path.join(ROOT, "target", "release", "scrape-clean")


def main(argv):
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    cases = argv or sorted(d for d in os.listdir(PENDING) if os.path.isdir(os.path.join(PENDING, d)))
    exact = 0
    for case in cases:
        folder = os.path.join(PENDING, case)
        page = next(os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.startswith("input."))
        with open(os.path.join(folder, "want.json"), encoding="utf-8") as f:
            want = json.load(f)
        run = subprocess.run([BINARY, page], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{case}: error: {run.stderr.strip()}")
            continue
        got = json.loads(run.stdout)
        wrong = [key for key, value in want.items() if got.get(key) != value]
        if not wrong:
            exact += 1
            print(f"{case}: exact")
            continue
        print(f"{case}: {', '.join(wrong)}")
        for key in wrong:
            if key == "body":
                missing = [p[:70] for p in want[key] if p not in got.get(key, [])]
                extra = [p[:70] for p in got.get(key, []) if p not in want[key]]
                print(f"    body missing {missing}\n    body extra   {extra}")
            elif key == "sidebar":
                print(f"    sidebar: want {len(want[key])} items, got {len(got.get(key, []))}")
            else:
                print(f"    {key}: want {want[key]!r}\n    {' ' * len(key)}  got  {got.get(key)!r}")
    print(f"{exact} of {len(cases)} exact")


if __name__ == "__main__":
    main(sys.argv[1:])
