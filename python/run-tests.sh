#!/usr/bin/env bash
# The Python package's tests: creates a venv under target/ (installing
# Debian's python3-venv first when venv is missing and we are root),
# installs pinned maturin and pytest from PyPI into it, builds the abi3
# wheel with maturin into target/wheels, installs it in the venv and runs
# python/tests with pytest. Nothing is installed outside target/ except
# python3-venv. Reruns reuse the venv and cargo's build cache.
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/lib.sh

MATURIN_VERSION=1.16.0
PYTEST_VERSION=9.2.0   # needs Python 3.10 or later (Debian 12 ships 3.11)
VENV=target/python-venv
WHEELS=target/wheels

venv_ok() {
    [ -x "$VENV/bin/python" ] &&
        "$VENV/bin/python" - "$MATURIN_VERSION" "$PYTEST_VERSION" 2>/dev/null <<'PY'
import sys
from importlib.metadata import version
sys.exit(version("maturin") != sys.argv[1] or version("pytest") != sys.argv[2])
PY
}

if ! venv_ok; then
    echo "python tests: installing maturin $MATURIN_VERSION and pytest $PYTEST_VERSION into $VENV"
    make_venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check \
        "maturin==$MATURIN_VERSION" "pytest==$PYTEST_VERSION"
fi

# Only this build's wheel in target/wheels, so the install below is it.
rm -f "$WHEELS"/scrape_clean-*.whl
"$VENV/bin/maturin" build --release --quiet -m python/Cargo.toml --out "$WHEELS" \
    --interpreter "$VENV/bin/python"
"$VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps \
    "$WHEELS"/scrape_clean-*.whl

# The CLI, to compare the package's dicts with (already built by the Spark test in .ci/run).
cargo build --release --quiet
export SCRAPE_CLEAN_BIN="$PWD/target/release/scrape-clean"
"$VENV/bin/python" -m pytest -q -p no:cacheprovider python/tests
