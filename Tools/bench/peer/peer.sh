#!/usr/bin/env bash
# The Python peer's one-projection rebuild of EVENTS events (see peer.py).
#   Tools/bench/peer/peer.sh EVENTS [WORKDIR]
# Installs `eventsourcing` from PyPI into a virtual environment under .build/peer-venv (not
# committed; reused), then prints one JSON line with its rebuild rate.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
events="${1:?usage: peer.sh EVENTS [WORKDIR]}"
work="${2:-$(mktemp -d)}"
venv="${PEER_VENV:-$root/.build/peer-venv}"
version="${EVENTSOURCING_VERSION:-9.5.6}"
if ! "$venv/bin/python" -c "import eventsourcing" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "eventsourcing==$version" >&2
fi
"$venv/bin/python" "$here/peer.py" "$events" "$work"
