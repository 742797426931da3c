"""Shared helpers: the repository's fixtures and the CLI to compare with.

The CLI is the one python/run-tests.sh builds from this checkout
(``SCRAPE_CLEAN_BIN``), so "the same JSON as the CLI" compares two front
ends of the same library and cannot drift the way a checked-in copy can.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "seed-kyiv-independent" / "input.txt"


def cases() -> List[Path]:
    """Every fixture's input page, sorted by case."""
    return sorted(p for p in FIXTURES.glob("*/input.*") if p.suffix in (".txt", ".html"))


def now_of(input_path: Path) -> Optional[str]:
    """The case's reference time from its options.json, if it has one."""
    options = input_path.parent / "options.json"
    if not options.exists():
        return None
    return json.loads(options.read_text())["now"]


def cli_bin() -> Path:
    path = Path(os.environ.get("SCRAPE_CLEAN_BIN", ROOT / "target" / "release" / "scrape-clean"))
    if not path.exists():
        pytest.fail(f"{path}: no scrape-clean binary; build it with cargo build --release")
    return path


def cli_json(input_path: Path, now: Optional[str] = None) -> Dict[str, Any]:
    """The CLI's article for one page read from standard input, parsed.

    From standard input, as the package's pages come from memory: the CLI
    sets ``source.path`` for a file and leaves it null for stdin.
    """
    args = [str(cli_bin()), "--compact"]
    if now is not None:
        args += ["--now", now]
    out = subprocess.run(args, input=input_path.read_bytes(), check=True, capture_output=True)
    return json.loads(out.stdout)
