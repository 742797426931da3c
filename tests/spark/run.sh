#!/usr/bin/env bash
# The Spark test: builds the release binary, installs what Spark needs
# (a Java runtime from Debian's packages when there is none, pyspark from
# PyPI into a venv under target/), and runs tests/spark/check.py, which
# runs examples/spark/clean_warc.py under local[2] and compares it with
# `scrape-clean stream` run directly. Skips, saying so, only when no Java
# runtime can be had.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/lib.sh

PYSPARK_VERSION=4.3.0   # needs Java 17 or later (Debian 12's default-jre-headless is 17)
VENV=target/spark-venv

java_ok() {
    command -v java >/dev/null 2>&1 && java -version >/dev/null 2>&1
}

if ! java_ok; then
    echo "spark test: no Java runtime, installing default-jre-headless when apt-get and root allow"
    apt_install default-jre-headless
fi
if ! java_ok; then
    echo "skipping the Spark test: no Java runtime"
    exit 0
fi

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "spark test: installing pyspark $PYSPARK_VERSION into $VENV"
    make_venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi

cargo build --release --quiet
export PYSPARK_PYTHON="$PWD/$VENV/bin/python"
"$VENV/bin/python" tests/spark/check.py target/release/scrape-clean
