#!/usr/bin/env python3
"""The quality gate: score the release build on the dev corpora and fail when
any score drops below its floor in eval/floors.json.

usage (from the project root): tools/quality_gate.py [--corpora DIR] [--update]

Runs `scrape-clean batch` over every corpus in text and HTML mode (and the
hard-wrapped scrapinghub dumps), scores each with ../shared/eval/score.py,
prints a table, and exits 1 if a score is below its floor. The corpora are
read-only inputs; nothing is copied into the project.

--update raises floors to the current scores; it never lowers one. A floor
that must go down is a deliberate edit of eval/floors.json, with the reason
in the commit.
"""
import argparse, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLOORS = os.path.join(ROOT, "eval", "floors.json")
# (name, corpus, input folder, --format)
RUNS = [
    ("scrapinghub/text", "scrapinghub", "text", "text"),
    ("scrapinghub/text-wrapped", "scrapinghub", "text-wrapped", "text"),
    ("scrapinghub/html", "scrapinghub", "html", "html"),
    ("trafilatura/text", "trafilatura", "text", "text"),
    ("trafilatura/html", "trafilatura", "html", "html"),
    ("readability/text", "readability", "text", "text"),
    ("readability/html", "readability", "html", "html"),
]
METRICS = [("body", "f1"), ("segments", "f1"), ("headline", "accuracy"), ("author", "accuracy"), ("date", "accuracy")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    ap.add_argument("--update", action="store_true")
    args = ap.parse_args()
    scorer = os.path.join(args.corpora, "..", "eval", "score.py")
    if not os.path.isdir(args.corpora) or not os.path.exists(scorer):
        print(f"quality gate: no corpora at {args.corpora}; skipped")
        return 0
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "scrape-clean")
    floors = json.load(open(FLOORS)) if os.path.exists(FLOORS) else {}
    failures, scores = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, corpus, folder, fmt in RUNS:
            src = os.path.join(args.corpora, corpus, folder)
            if not os.path.isdir(src):
                continue
            out = os.path.join(tmp, name.replace("/", "-"))
            subprocess.run([binary, "batch", "--format", fmt, src, "--out", out],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            result = json.loads(subprocess.run(
                [sys.executable, scorer, os.path.join(args.corpora, corpus), out, "--json"],
                capture_output=True, text=True, check=True).stdout)
            scores[name] = {m: round(result[m][k], 3) for m, k in METRICS if m in result}
    print(f"{'run':26} " + " ".join(f"{m:>9}" for m, _ in METRICS))
    for name, got in scores.items():
        cells = []
        for metric, _ in METRICS:
            if metric not in got:
                cells.append(f"{'-':>9}")
                continue
            floor = floors.get(name, {}).get(metric)
            mark = " "
            if floor is not None and got[metric] < floor:
                mark = "!"
                failures.append(f"{name} {metric}: {got[metric]:.3f} is below its floor {floor:.3f}")
            cells.append(f"{got[metric]:>8.3f}{mark}")
        print(f"{name:26} " + " ".join(cells))
    if args.update:
        for name, got in scores.items():
            for metric, value in got.items():
                floors.setdefault(name, {})[metric] = max(value, floors.get(name, {}).get(metric, 0.0))
        with open(FLOORS, "w") as f:
            json.dump(floors, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"floors written to {FLOORS} (raised only)")
    if failures:
        print("\nquality gate FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
