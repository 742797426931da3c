#!/usr/bin/env python3
"""Clean a pandas DataFrame column of pages into headline and body columns.

A column of raw pages (HTML, or plain-text dumps of whole pages) goes
through `scrape_clean.clean_many` in one call: the pages are cleaned on
every CPU with the GIL released, in row order, and a page that cannot be
cleaned becomes a row with an `error` instead of stopping the run.

    pip install target/wheels/scrape_clean-*.whl pandas
    python3 examples/python/pandas_column.py [PAGE ...]

With no arguments it builds the frame from the repository's fixtures
(fixtures/*/input.*) and an empty page; with arguments, from those files.
It prints the frame's new columns and writes nothing.
"""

import sys
from pathlib import Path

try:
    import pandas as pd
except ImportError:
    sys.exit("pandas_column.py needs pandas: pip install pandas")

import scrape_clean

ROOT = Path(__file__).resolve().parents[2]


def pages(paths):
    """The input frame: one row a page, its file name and its raw content."""
    rows = [{"name": p.parent.name if p.name.startswith("input.") else p.name, "page": p.read_bytes()} for p in paths]
    rows.append({"name": "(empty page)", "page": b""})
    return pd.DataFrame(rows)


def clean_column(frame, column="page", threads=None):
    """`frame` with headline, published, body and error columns from `column`.

    `body` is the article's paragraphs joined by blank lines (the dict's
    `body` is a list of paragraphs); a page that could not be cleaned has
    None there and its reason in `error`.
    """
    articles = list(scrape_clean.clean_many(frame[column], threads=threads, errors="return"))
    cleaned = pd.DataFrame(
        {
            "headline": [a.get("headline") for a in articles],
            "published": [a.get("published") for a in articles],
            "body": ["\n\n".join(a["body"]) if "body" in a else None for a in articles],
            "error": [a.get("error") for a in articles],
        },
        index=frame.index,
    )
    return frame.join(cleaned)


def main(argv):
    paths = [Path(a) for a in argv] or sorted(
        p for p in (ROOT / "fixtures").glob("*/input.*") if p.suffix in (".txt", ".html")
    )
    frame = clean_column(pages(paths))
    frame["body_chars"] = frame["body"].str.len().astype("Int64")
    with pd.option_context("display.width", 160, "display.max_colwidth", 60, "display.max_rows", 200):
        print(frame[["name", "headline", "body_chars", "error"]].to_string())
    cleaned = frame["error"].isna().sum()
    print(f"\n{cleaned} of {len(frame)} pages cleaned")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
