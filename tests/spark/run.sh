#!/usr/bin/env bash
# The Spark test: builds the release binary, installs what Spark needs
# (a Java runtime from Debian's packages when there is none, pyspark from
# PyPI into a venv under target/), and runs tests/spark/check.py, which
# runs examples/spark/clean_warc.py under local[2] and compares it with
# `scrape-clean stream` run directly. Skips, saying so, only when no Java
# runtime can be had.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYSPARK_VERSION=4.3.0   # needs Java 17 or later (Debian 12's default-jre-headless is 17)
VENV=target/spark-venv

java_ok() {
    command -v java >/dev/null 2>&1 && java -version >/dev/null 2>&1
}

if ! java_ok; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "spark test: no Java runtime, installing default-jre-headless"
        apt-get update -qq || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless \
            >/dev/null || true
    fi
fi
if ! java_ok; then
    echo "skipping the Spark test: no Java runtime"
    exit 0
fi

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "spark test: installing pyspark $PYSPARK_VERSION into $VENV"
    if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
        # Debian's python3 keeps venv in a package of its own.
        if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
            apt-get update -qq || true
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
        fi
        rm -rf "$VENV"
        python3 -m venv "$VENV"
    fi
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi

cargo build --release --quiet
export PYSPARK_PYTHON="$PWD/$VENV/bin/python"
"$VENV/bin/python" tests/spark/check.py target/release/scrape-clean
