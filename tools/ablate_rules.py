#!/usr/bin/env python3
"""Judge every hand rule on the whole dev set: switch each off in turn and
print its effect on every corpus x form.

usage (from the project root):
    tools/ablate_rules.py [--corpora DIR] [--rules a,b] [--json FILE]

Builds the release binary with the `training` feature (in its own target
folder), scores it with every rule on, then once per rule with that rule
switched off (SCRAPE_CLEAN_DISABLE, see src/switches.rs), and prints, per
rule, what switching it off changes in each cell (whole corpus) and the
sums on the tune and check halves. A rule earns its place where switching
it off costs more than it gains, over all cells and on both halves.

--rules a,b   only these rules (names as `dump_blocks --rules` lists them).
--json FILE   also writes every score as JSON.
"""
import argparse, json, os, subprocess, sys

from evalkit import DEFAULT_CORPORA, ROOT, build, cells, measure


def rule_names():
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(ROOT, "target", "tools-training"))
    subprocess.run(["cargo", "build", "--release", "--quiet", "--features", "training", "--example", "dump_blocks"],
                   cwd=ROOT, check=True, env=env)
    dump = os.path.join(ROOT, "target", "tools-training", "release", "examples", "dump_blocks")
    return subprocess.run([dump, "--rules"], capture_output=True, text=True, check=True).stdout.split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=DEFAULT_CORPORA)
    ap.add_argument("--rules")
    ap.add_argument("--json")
    args = ap.parse_args()
    binary = build("training")
    names = args.rules.split(",") if args.rules else rule_names()
    base_env = {k: v for k, v in os.environ.items() if k != "SCRAPE_CLEAN_DISABLE"}
    base = measure(binary, args.corpora, env=base_env)
    results = {"baseline": base}
    keys = list(cells(base))
    short = {name: name.replace("scrapinghub", "sh").replace("trafilatura", "traf").replace("readability", "read")
             .replace("cleaneval-dev", "ce").replace("dragnet", "dn").replace("text-browser", "brow")
             .replace("text-wrapped", "wrap") for name, _ in keys}
    print("effect of switching each rule off: sums of the changes over all cells on the tune and check")
    print("halves (negative: the rule helps), then each whole-corpus cell that moved by 0.001 or more")
    print(f"{'rule':26} {'tune':>7} {'check':>7}  cells")
    for name in names:
        off = measure(binary, args.corpora, env=dict(base_env, SCRAPE_CLEAN_DISABLE=name))
        results[name] = off
        tune = sum(off[n]["tune"][m] - base[n]["tune"][m] for n, m in keys)
        check = sum(off[n]["check"][m] - base[n]["check"][m] for n, m in keys)
        moved = [(off[n]["whole"][m] - base[n]["whole"][m], f"{short[n]} {m}") for n, m in keys]
        moved = ", ".join(f"{label} {d:+.3f}" for d, label in sorted(moved) if abs(d) >= 0.001)
        print(f"{name:26} {tune:+7.3f} {check:+7.3f}  {moved or '-'}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
