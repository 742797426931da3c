#!/usr/bin/env bash
# The browser test: builds the release binary, installs Debian's chromium
# when there is none (as root, with apt-get), and runs
# tests/browser/check.py, which loads the --explain=html page of the seed
# and of an HTML fixture in headless Chromium, checks every block of the
# --explain table is in the rendered page with its label, and takes
# screenshots into target/ (target/explain-seed.png). Skips, saying so,
# only when no Chromium can be had.
set -euo pipefail
cd "$(dirname "$0")/../.."

find_chromium() {
    for name in chromium chromium-browser; do
        if command -v "$name" >/dev/null 2>&1 && "$name" --version >/dev/null 2>&1; then
            command -v "$name"
            return 0
        fi
    done
    return 1
}

if ! find_chromium >/dev/null; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "browser test: no Chromium, installing Debian's chromium"
        apt-get update -qq || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
            >/dev/null || true
    fi
fi
if ! CHROMIUM=$(find_chromium); then
    echo "skipping the browser test: no Chromium"
    exit 0
fi

cargo build --release --quiet
python3 tests/browser/check.py target/release/scrape-clean "$CHROMIUM"
