"""The Python examples run (the pandas one only where pandas is installed)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

EXAMPLES = ROOT / "examples" / "python"


def test_pandas_column_example_runs():
    pytest.importorskip("pandas")
    out = subprocess.run([sys.executable, str(EXAMPLES / "pandas_column.py")], capture_output=True, text=True, check=True)
    assert "Ukraine can count on Lithuania" not in out.stdout  # bodies are not printed, their lengths are
    assert "(empty page)" in out.stdout and "empty input" in out.stdout
    assert " pages cleaned" in out.stdout


def test_pandas_column_example_says_what_is_missing():
    try:
        import pandas  # noqa: F401
    except ImportError:
        out = subprocess.run([sys.executable, str(EXAMPLES / "pandas_column.py")], capture_output=True, text=True)
        assert out.returncode == 1 and "needs pandas" in out.stderr
    else:
        pytest.skip("pandas is installed")


def test_the_examples_compile():
    for path in EXAMPLES.glob("*.py"):
        compile(path.read_text(), str(path), "exec")


def test_spark_partition_functions_give_the_clis_records():
    """The mapPartitions functions, without Spark: a partition of JSON Lines
    and one WARC file give the lines `scrape-clean stream` prints."""
    import importlib.util
    import json

    from test_stream import cli_stream, jsonl, warc_records

    spec = importlib.util.spec_from_file_location("spark_map_partitions", EXAMPLES / "spark_map_partitions.py")
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)

    data = jsonl()
    lines = data.decode().splitlines()
    got = [json.loads(line) for line in job.clean_jsonl_partition(iter(lines), None)]
    expected = cli_stream(data)
    # The job parses JSON in Python, so a bad line's error text is Python's.
    assert [r for r in got if "bad JSON" not in r.get("error", "")] == [
        r for r in expected if "bad JSON" not in r.get("error", "")
    ]
    assert len(got) == len(expected)

    warc = b"".join(warc_records())
    got = [json.loads(line) for line in job.clean_warc_partition(iter([("crawl.warc", warc)]), None)]
    assert got == cli_stream(warc)
