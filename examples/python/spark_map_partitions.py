#!/usr/bin/env python3
"""Clean a folder of JSON Lines (or WARC) files with PySpark and the scrape_clean module.

Unlike examples/spark/clean_warc.py, which pipes every partition through
the `scrape-clean` binary with `RDD.pipe`, this job imports the Python
package on the workers: each partition's pages go through
`scrape_clean.clean_many` in one call, in order, with no subprocess and
no JSON round trip through a pipe. Output is a folder of JSON Lines part
files, one line a cleaned (or failed) record: `id`, `url`, then the
article's keys, or `id`, `url` and `error`.

    pip install target/wheels/scrape_clean-*.whl pyspark
    PYSPARK_PYTHON=$(command -v python3) \
        python3 examples/python/spark_map_partitions.py IN_DIR OUT_DIR [--master local[2]]

(`PYSPARK_PYTHON` makes the local workers use the same python, the one
that has the wheel; without it they start the first `python3` on the
PATH and fail with "No module named 'scrape_clean'".)

On a cluster, install the wheel on every executor (or ship it with
`spark-submit --py-files` in an environment archive): the workers import
`scrape_clean`, so it must be importable there, not only on the driver.

Partitions:
- JSON Lines files (`*.jsonl`, `*.ndjson`, `*.json`, gzipped or not; one
  `{"id", "url", "html" | "text"}` object a line) are read with
  `textFile`, split at line boundaries; each partition's records are
  cleaned with one `clean_many` call. `fetched_at` is not used there
  (`clean_many` takes one `now` for all pages); records whose relative
  dates ("2 hours ago") matter are better cleaned with
  `scrape_clean.stream`, which reads each record's `fetched_at`.
- WARC files (anything else, `*.warc.gz` as Common Crawl ships them) are
  read whole with `binaryFiles`, one file a partition, and cleaned with
  `scrape_clean.stream`, which also skips requests and non-HTML responses.

One Spark task is one core, so both run on one thread (`threads=1`):
parallelism comes from partitions. Order is kept within a partition.
"""

import argparse
import io
import json
import sys

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="folder (or glob) of JSON Lines or WARC files")
    parser.add_argument("output", help="output folder of JSON Lines part files (must not exist)")
    parser.add_argument("--master", default=None,
                        help="Spark master (default: local[2], unless spark-submit sets one)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="minimum number of JSON Lines partitions (default: Spark's)")
    parser.add_argument("--max-bytes", type=int, default=None, help="passed to clean_many and stream")
    return parser.parse_args(argv)


def is_jsonl(path):
    name = path.lower()
    for suffix in (".gz", ".bz2"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.endswith(JSONL_SUFFIXES)


def clean_jsonl_partition(lines, max_bytes):
    """One partition of JSON Lines: parse, clean with one clean_many call, yield lines."""
    # Imported here, on the worker, where the task runs.
    import scrape_clean

    records = []
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            record = {"error": f"bad JSON: {err}"}
        if not isinstance(record, dict):
            record = {"error": "not a JSON object"}
        records.append(record)

    # The pages to clean, in order; records without one keep their place.
    pages = [r.get("html", r.get("text")) for r in records if "error" not in r]
    pages = [p if isinstance(p, (str, bytes)) else "" for p in pages]
    articles = iter(scrape_clean.clean_many(pages, threads=1, errors="return", max_bytes=max_bytes))
    for record in records:
        head = {"id": record.get("id"), "url": record.get("url")}
        if "error" in record:
            head["error"] = record["error"]
        elif "html" not in record and "text" not in record:
            next(articles)  # the empty page stood in for it
            head["error"] = "no `html` or `text` field"
        else:
            article = next(articles)
            if "kind" in article and "error" in article:
                article = {"error": article["error"]}
            head.update(article)
        yield json.dumps(head, ensure_ascii=False)


def clean_warc_partition(files, max_bytes):
    """One partition of whole WARC files: each through scrape_clean.stream."""
    import scrape_clean

    for _path, content in files:
        for record in scrape_clean.stream(io.BytesIO(content), threads=1, max_bytes=max_bytes):
            yield json.dumps(record, ensure_ascii=False)


def input_files(sc, pattern):
    """The input files, as Hadoop lists them (local and remote paths alike)."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(pattern)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    files = []
    for status in fs.globStatus(path) or []:
        if status.isDirectory():
            files += [c.getPath().toString() for c in fs.listStatus(status.getPath()) if c.isFile()]
        else:
            files.append(status.getPath().toString())
    return sorted(f for f in files if not f.rsplit("/", 1)[-1].startswith((".", "_")))


def main(argv):
    args = parse_args(argv)
    # Imported here so that the partition functions above can be used (and
    # tested) without Spark.
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("scrape-clean (Python module)")
    if args.master or not conf.contains("spark.master"):
        conf.setMaster(args.master or "local[2]")
    sc = SparkContext(conf=conf)
    try:
        files = input_files(sc, args.input)
        if not files:
            print(f"{args.input}: no input files", file=sys.stderr)
            return 2
        jsonl = [f for f in files if is_jsonl(f)]
        warc = [f for f in files if not is_jsonl(f)]
        max_bytes = args.max_bytes
        parts = []
        if jsonl:
            lines = sc.textFile(",".join(jsonl), minPartitions=args.partitions or sc.defaultMinPartitions)
            parts.append(lines.mapPartitions(lambda it: clean_jsonl_partition(it, max_bytes)))
        if warc:
            blobs = sc.binaryFiles(",".join(warc), minPartitions=len(warc))
            parts.append(blobs.mapPartitions(lambda it: clean_warc_partition(it, max_bytes)))
        out = parts[0] if len(parts) == 1 else sc.union(parts)
        out.saveAsTextFile(args.output)
    finally:
        sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
