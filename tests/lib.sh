# Shell functions shared by the test scripts that .ci/run calls
# (tests/spark/run.sh, tests/browser/run.sh, python/run-tests.sh): what
# each needs on a fresh machine, installed the same way. Source it; it
# runs nothing itself.

# apt_install PACKAGE...: installs Debian packages when apt-get is there
# and we are root. Never fails: the caller checks for what it needed and
# skips or stops with its own message.
apt_install() {
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        apt-get update -qq || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || true
    fi
}

# make_venv DIR: a new venv at DIR (an old one is removed). Debian's
# python3 keeps venv in a package of its own, python3-venv, installed
# when the first try fails.
make_venv() {
    rm -rf "$1"
    if ! python3 -m venv "$1" >/dev/null 2>&1; then
        apt_install python3-venv
        rm -rf "$1"
        python3 -m venv "$1"
    fi
}
