#!/usr/bin/env python3
"""Clean a folder of WARC or JSON Lines files with Apache Spark.

Every partition is piped through `scrape-clean stream`, the same binary
you run on one machine; nothing here reimplements it. Output is a folder
of JSON Lines part files, one line a cleaned (or failed) record.

    python3 examples/spark/clean_warc.py IN_DIR OUT_DIR \
        --binary target/release/scrape-clean [--master local[2]]

Under spark-submit on a cluster, ship the binary with `--files` and give
its name: see README.md beside this file.

Partitions:
- WARC files (`*.warc`, `*.warc.gz`, or anything with `--input warc`)
  are read whole with `binaryFiles`: one file is never split, because a
  WARC record cannot be found from the middle of a gzip stream. Each file
  is one `scrape-clean stream` run, and one file is one partition (a
  task).
- JSON Lines files (`*.jsonl`, `*.ndjson`, `*.json`, gzipped or not) are
  read with `textFile`, which splits large files at line boundaries; each
  partition is one `scrape-clean stream` run fed its lines.

Order is kept within a partition (scrape-clean writes records in input
order); `saveAsTextFile` writes partition i as part-0000i, so reading the
parts in name order gives back the input order of each partition.
"""

import argparse
import os
import stat
import subprocess
import sys
import threading

from pyspark import SparkConf, SparkContext, SparkFiles

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="folder (or glob) of WARC or JSON Lines files")
    parser.add_argument("output", help="output folder of JSON Lines part files (must not exist)")
    parser.add_argument(
        "--binary",
        default="scrape-clean",
        help="the scrape-clean binary: a local path to ship to the executors, "
        "or the bare name of one already shipped with spark-submit --files",
    )
    parser.add_argument("--input-kind", choices=["auto", "warc", "jsonl"], default="auto",
                        help="auto: JSON Lines for *.jsonl, *.ndjson, *.json (gzipped or not), else WARC")
    parser.add_argument("--master", default=None,
                        help="Spark master (default: local[2], unless spark-submit sets one)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="minimum number of JSON Lines partitions (default: Spark's; WARC files are one a partition)")
    parser.add_argument("--max-bytes", type=int, default=None, help="passed to scrape-clean stream")
    return parser.parse_args(argv)


def is_jsonl(path):
    name = path.lower()
    for suffix in (".gz", ".bz2"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.endswith(JSONL_SUFFIXES)


def input_files(sc, pattern):
    """The input files, as Hadoop lists them (works for local and remote paths)."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(pattern)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    statuses = fs.globStatus(path) or []
    files = []
    for status in statuses:
        if status.isDirectory():
            for child in fs.listStatus(status.getPath()):
                if child.isFile():
                    files.append(child.getPath().toString())
        else:
            files.append(status.getPath().toString())
    return sorted(f for f in files if not os.path.basename(f).startswith((".", "_")))


def stream_command(binary_name, kind, max_bytes):
    """The command line an executor runs, with the binary fetched by SparkFiles."""
    binary = SparkFiles.get(binary_name)
    if not os.path.exists(binary):
        # Not shipped: installed on every node, found on PATH.
        binary = binary_name
    elif not os.access(binary, os.X_OK):
        os.chmod(binary, os.stat(binary).st_mode | stat.S_IXUSR)
    # One Spark task is one core: parallelism comes from partitions.
    command = [binary, "stream", "-j", "1", "--input", kind]
    if max_bytes is not None:
        command += ["--max-bytes", str(max_bytes)]
    return command


def pipe(command, chunks):
    """Runs `command`, writes `chunks` (bytes) to its stdin from a thread, and
    yields its stdout lines. Exit 1 (some records failed, each with its error
    line) is normal; anything else fails the task."""
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed():
        try:
            for chunk in chunks:
                proc.stdin.write(chunk)
        except BrokenPipeError:
            pass
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    for line in proc.stdout:
        yield line.decode("utf-8").rstrip("\n")
    feeder.join()
    code = proc.wait()
    if code not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited with status {code}")


def clean_warc_files(sc, files, args):
    binary, max_bytes = args.binary_name, args.max_bytes

    def partition(items):
        command = stream_command(binary, "warc", max_bytes)
        for _path, content in items:
            # One run a file: files may be gzipped or not, independently.
            yield from pipe(command, [content])

    # One partition a file (spark.files.maxPartitionBytes, set in main):
    # Spark would otherwise pack files under 128 MiB into one partition.
    rdd = sc.binaryFiles(",".join(files), minPartitions=args.partitions or len(files))
    return rdd.mapPartitions(partition)


def clean_jsonl_files(sc, files, args):
    binary, max_bytes = args.binary_name, args.max_bytes

    def partition(lines):
        command = stream_command(binary, "jsonl", max_bytes)
        return pipe(command, (line.encode("utf-8") + b"\n" for line in lines))

    rdd = sc.textFile(",".join(files), minPartitions=args.partitions)
    return rdd.mapPartitions(partition)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    conf = SparkConf().setAppName("scrape-clean")
    if not conf.contains("spark.ui.showConsoleProgress"):
        conf.set("spark.ui.showConsoleProgress", "false")
    if not conf.contains("spark.files.maxPartitionBytes"):
        # binaryFiles packs files into partitions of up to this many bytes;
        # one byte means one file a partition, the unit a WARC task should be.
        conf.set("spark.files.maxPartitionBytes", "1")
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[2]")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        if os.path.sep in args.binary:
            # A local binary: ship it to every executor.
            sc.addFile(os.path.abspath(args.binary))
        args.binary_name = os.path.basename(args.binary)
        files = input_files(sc, args.input)
        if not files:
            print(f"clean_warc.py: {args.input}: no input files", file=sys.stderr)
            return 2
        if args.input_kind == "auto":
            jsonl = [f for f in files if is_jsonl(f)]
            warc = [f for f in files if not is_jsonl(f)]
        elif args.input_kind == "jsonl":
            jsonl, warc = files, []
        else:
            jsonl, warc = [], files
        parts = []
        if warc:
            parts.append(clean_warc_files(sc, warc, args))
        if jsonl:
            parts.append(clean_jsonl_files(sc, jsonl, args))
        cleaned = parts[0] if len(parts) == 1 else sc.union(parts)
        cleaned.saveAsTextFile(args.output)
    finally:
        sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
