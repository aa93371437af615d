#!/usr/bin/env bash
# Installs what Coledger needs on a Debian machine with Swift, idempotently.
# Sourced by Tools/coledger and Tools/test; safe to run again.
# Usage: Tools/setup.sh [--python] [--browser] [--federation]
set -euo pipefail

need_apt=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

for pkg in libsodium-dev pkg-config libsqlite3-dev; do
    have_pkg "$pkg" || need_apt+=("$pkg")
done
want_python=0
want_browser=0
want_federation=0
for arg in "$@"; do
    case "$arg" in
        --python) want_python=1 ;;
        --browser) want_browser=1 ;;
        --federation) want_federation=1 ;;
    esac
done
if [ "$want_browser" = 1 ]; then
    # Debian's chromium for the portal's browser tests (playwright drives it; no browser download)
    # and fonts so non-Latin text renders.
    for pkg in chromium fonts-noto-core fonts-noto-cjk; do
        have_pkg "$pkg" || need_apt+=("$pkg")
    done
fi

if [ "$want_python" = 1 ] && ! command -v cc >/dev/null 2>&1; then
    # A C compiler for Tests/hostile's I/O-fault shim (LD_PRELOAD).
    need_apt+=("gcc")
fi

if [ "$want_federation" = 1 ]; then
    # Debian's nginx serves `publish --tiles` output in Tests/federation (started on a loopback port).
    have_pkg nginx-light || have_pkg nginx || need_apt+=("nginx-light")
fi

if [ "${#need_apt[@]}" -gt 0 ]; then
    echo "setup: installing ${need_apt[*]} (apt)" >&2
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >&2
fi

if [ "$want_python" = 1 ]; then
    missing=()
    python3 -c "import nacl" 2>/dev/null || missing+=("pynacl")
    python3 -c "import rfc8785" 2>/dev/null || missing+=("rfc8785")
    python3 -c "import jsonschema" 2>/dev/null || missing+=("jsonschema")
    python3 -c "import pytest" 2>/dev/null || missing+=("pytest")
    # A real SMTP server on loopback for the outbox's tests (Tests/portal/test_notify.py).
    python3 -c "import aiosmtpd" 2>/dev/null || missing+=("aiosmtpd")
    if [ "$want_browser" = 1 ]; then
        python3 -c "import playwright" 2>/dev/null || missing+=("playwright")
        python3 -c "import axe_playwright_python" 2>/dev/null || missing+=("axe-playwright-python")
    fi
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "setup: installing ${missing[*]} (pip)" >&2
        python3 -m pip install -q --disable-pip-version-check "${missing[@]}" >&2
    fi
fi
