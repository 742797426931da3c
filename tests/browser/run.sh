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
source tests/lib.sh

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
    echo "browser test: no Chromium, installing Debian's chromium when apt-get and root allow"
    apt_install chromium
fi
if ! CHROMIUM=$(find_chromium); then
    echo "skipping the browser test: no Chromium"
    exit 0
fi

cargo build --release --quiet
python3 tests/browser/check.py target/release/scrape-clean "$CHROMIUM"
