#!/usr/bin/env python3
"""Sort and re-wrap the string tables in src/rules/*.rs.

usage: tools/sort-rules.py [FILE...]   (default: every file under src/rules/)

A table is a `#[rustfmt::skip]` const of type `&[&str]`. Entries are sorted
by byte order (what the unit tests check), duplicates are reported and
dropped, and the list is wrapped at 100 columns.
"""
import glob, re, sys

TABLE = re.compile(r'(#\[rustfmt::skip\]\n(?:pub\(crate\) )?const \w+: &\[&str\] = &\[\n)(.*?)(\n\];)', re.S)
ENTRY = re.compile(r'"((?:[^"\\]|\\.)*)"')


def wrap(entries, indent="    ", width=100):
    lines, cur = [], indent
    for e in entries:
        piece = f'"{e}",'
        if len(cur) + len(piece) + 1 > width and cur.strip():
            lines.append(cur.rstrip())
            cur = indent
        cur += piece + " "
    if cur.strip():
        lines.append(cur.rstrip())
    return "\n".join(lines)


def fix(text, path):
    def repl(m):
        entries = ENTRY.findall(m.group(2))
        uniq = sorted(set(entries), key=lambda s: s.encode())
        if len(uniq) != len(entries):
            dups = {e for e in entries if entries.count(e) > 1}
            print(f"{path}: dropped duplicates {sorted(dups)}", file=sys.stderr)
        return m.group(1) + wrap(uniq) + m.group(3)
    return TABLE.sub(repl, text)


for path in sys.argv[1:] or glob.glob("src/rules/*.rs"):
    src = open(path, encoding="utf-8").read()
    out = fix(src, path)
    if out != src:
        open(path, "w", encoding="utf-8").write(out)
        print(f"sorted {path}")
