#!/usr/bin/env python3
"""The quality gate: score the release build on every dev corpus in every
form it has, and fail when a score drops below its floor in eval/floors.json.

usage (from the project root):
    tools/quality_gate.py [--corpora DIR] [--update] [--save FILE] [--against FILE] [--only NAME]

Runs `scrape-clean batch` over every corpus of ../shared/corpora in each
form it has (html, text, text-browser, text-wrapped), scores each run with
../shared/eval/score.py on the whole corpus and on its fixed `tune` and
`check` halves, prints one table, and exits 1 if a whole-corpus score is
below its floor. The corpora are read-only inputs; nothing is copied into
the project.

--save FILE     writes every score (whole, tune, check) as JSON, to compare later.
--against FILE  prints each cell's change against a saved run, on the tune and
                the check half, and the sums over all cells: a change that
                carries over gains about as much on check as on tune.
--update        raises floors to the current scores; it never lowers one. A floor
                that must go down is a deliberate edit of eval/floors.json, with
                the reason and the table in the commit.
--only NAME     one corpus (no floors are checked for the others).

Besides score.py's metrics, the gate scores the `title` field (the page's
stated title) against the readability corpus, whose title truth is
Readability.js's stated title: score.py's `headline` metric run on a copy of
each article with `headline` set to `title`.
"""
import argparse, json, os, sys

from evalkit import DEFAULT_CORPORA, ROOT, build, cells, measure, scorer_path

FLOORS = os.path.join(ROOT, "eval", "floors.json")


def print_table(scores, floors, failures):
    print(f"{'run':28} {'metric':9} {'whole':>7} {'tune':>7} {'check':>7} {'floor':>7}")
    for name, metric in cells(scores):
        cell = scores[name]
        floor = floors.get(name, {}).get(metric)
        got = cell["whole"][metric]
        mark = ""
        if floor is not None and round(got, 3) < floor:
            mark = "  < floor"
            failures.append(f"{name} {metric}: {got:.3f} is below its floor {floor:.3f}")
        floor_text = f"{floor:.3f}" if floor is not None else "-"
        print(f"{name:28} {metric:9} {got:7.3f} {cell['tune'][metric]:7.3f} {cell['check'][metric]:7.3f} "
              f"{floor_text:>7}{mark}")


def print_against(scores, before):
    print(f"\nchange against the saved run: {'whole':>7} {'tune':>7} {'check':>7}")
    sums = {"whole": 0.0, "tune": 0.0, "check": 0.0}
    for name, metric in cells(scores):
        old = before.get(name, {})
        if metric not in old.get("whole", {}):
            continue
        delta = {h: scores[name][h][metric] - old[h][metric] for h in sums}
        for h in sums:
            sums[h] += delta[h]
        if any(abs(d) >= 0.0005 for d in delta.values()):
            print(f"  {name + ' ' + metric:38} {delta['whole']:+7.3f} {delta['tune']:+7.3f} {delta['check']:+7.3f}")
    print(f"  {'sum over all cells':38} {sums['whole']:+7.3f} {sums['tune']:+7.3f} {sums['check']:+7.3f}")
    if sums["tune"] > 0:
        print(f"  check gain / tune gain: {sums['check'] / sums['tune']:.2f} (a gain that carries over: >= 0.67)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=DEFAULT_CORPORA)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--save")
    ap.add_argument("--against")
    ap.add_argument("--only")
    args = ap.parse_args()
    if not os.path.isdir(args.corpora) or not os.path.exists(scorer_path(args.corpora)):
        print(f"quality gate: no corpora at {args.corpora}; skipped")
        return 0
    scores = measure(build(), args.corpora, only=[args.only] if args.only else None)
    floors = json.load(open(FLOORS)) if os.path.exists(FLOORS) else {}
    failures = []
    print_table(scores, floors, failures)
    if args.against:
        print_against(scores, json.load(open(args.against)))
    if args.save:
        with open(args.save, "w") as f:
            json.dump(scores, f, indent=1, sort_keys=True)
    if args.update:
        for name, metric in cells(scores):
            got = scores[name]["whole"][metric]
            floors.setdefault(name, {})[metric] = round(max(got, floors.get(name, {}).get(metric, 0.0)), 3)
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
