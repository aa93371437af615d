"""Shared fixtures for the Python interoperability checks.

Paths are found from this file: the repository root is two levels up, and the third-party and
golden vectors are in the repository at `Tests/Vectors` (see its README for origin and licence).
The Swift CLI is `$COLEDGER_BIN`, else `<repo>/.build/release/coledger`.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
VECTORS = REPO_ROOT / "Tests" / "Vectors"
GOLDEN_DIR = VECTORS / "coledger"
VERIFY_SCRIPT = REPO_ROOT / "Tools" / "verify_bundle.py"
PASSPHRASE = "test-passphrase"
TIMEOUT = 300  # seconds per subprocess


class Run:
    """Result of one subprocess: exit status, output, and the parsed JSON report if any."""

    def __init__(self, proc):
        self.rc, self.stdout, self.stderr = proc.returncode, proc.stdout, proc.stderr
        try:
            self.report = json.loads(proc.stdout)
        except ValueError:
            self.report = None

    @property
    def first_failure(self):
        failures = (self.report or {}).get("failures") or []
        return failures[0] if failures else None

    def __repr__(self):
        return f"Run(rc={self.rc}, stdout={self.stdout[:2000]!r}, stderr={self.stderr[:2000]!r})"


def run_verify_bundle(bundle, *args):
    """Run Tools/verify_bundle.py as an outside evaluator would."""
    cmd = [sys.executable, str(VERIFY_SCRIPT), str(bundle), *map(str, args)]
    return Run(subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT))


@pytest.fixture(scope="session")
def verifier():
    return run_verify_bundle


@pytest.fixture(scope="session")
def verify_module():
    """Tools/verify_bundle.py imported as a module (for its Merkle and signing helpers)."""
    spec = importlib.util.spec_from_file_location("verify_bundle", VERIFY_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def golden():
    assert GOLDEN_DIR.is_dir(), f"golden vectors not found at {GOLDEN_DIR}"
    return json.loads((GOLDEN_DIR / "golden.json").read_text())


@pytest.fixture(scope="session")
def golden_cases():
    return json.loads((GOLDEN_DIR / "cases.json").read_text())


# ---------------------------------------------------------------- the Swift CLI

@pytest.fixture(scope="session")
def coledger_bin():
    """The built CLI. Missing is a failure, not a skip: the interop contract must be checked."""
    path = Path(os.environ.get("COLEDGER_BIN") or REPO_ROOT / ".build" / "release" / "coledger")
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"coledger CLI not found at {path}: build it with "
                    "`swift build -c release --product coledger` or set COLEDGER_BIN")
    return path


class Coledger:
    """One ledger database driven through the CLI: `coledger --ledger DB <args>`."""

    def __init__(self, binary, workdir):
        self.binary, self.workdir = Path(binary), Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db = self.workdir / "ledger.db"
        self.keys = self.workdir / "keys"
        self.env = dict(os.environ, COLEDGER_PASSPHRASE=PASSPHRASE)
        self._events = 0

    def run(self, *args, check=True):
        cmd = [str(self.binary), "--ledger", str(self.db), *map(str, args)]
        result = Run(subprocess.run(cmd, capture_output=True, text=True, cwd=self.workdir,
                                    env=self.env, timeout=TIMEOUT))
        if check:
            assert result.rc == 0, f"{' '.join(cmd)} failed: {result!r}"
        return result

    def init(self, origin, catalogue="none"):
        """Create the ledger; returns the log vkey if the CLI printed it, else None."""
        result = self.run("init", "--origin", origin, "--keys", self.keys, "--catalogue", catalogue)
        m = re.search(re.escape(origin) + r"\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*",
                      result.stdout + result.stderr)
        return m.group(0) if m else None

    def new_key(self, name):
        path = self.keys / f"{name}.key"
        self.run("key", "new", "--out", path, "--name", name)
        return path

    def register(self, key_file):
        return self.run("key", "register", "--key", self.keys / "admin.key", key_file)

    def revoke(self, key_id):
        return self.run("key", "revoke", "--key", self.keys / "admin.key", key_id)

    def append(self, key_file, event, check=True):
        self._events += 1
        path = self.workdir / "events" / f"event-{self._events:04d}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(event))
        return self.run("append", "--key", key_file, path, check=check)

    def export(self, out):
        """Sign a checkpoint for the current size, then export a bundle to `out`."""
        self.run("checkpoint")
        self.run("export", "--out", out)
        return Path(out)

    def verify_bundle(self, bundle, log_key):
        return self.run("verify", "--bundle", bundle, "--log-key", log_key, "--json",
                        check=False)


@pytest.fixture
def coledger(coledger_bin, tmp_path):
    """A fresh, empty ledger workspace in this test's own temporary directory."""
    return Coledger(coledger_bin, tmp_path / "ledger")


def read_entries(bundle):
    return [json.loads(line) for line in (Path(bundle) / "entries.jsonl").read_bytes().splitlines()]


@pytest.fixture(scope="session")
def interop_ledger(coledger_bin, tmp_path_factory):
    """A ledger of about 40 entries built once through the CLI, exported twice.

    Streams note/1..note/4 take 36 example.note events signed alternately by the member keys
    alice and bob; bob is revoked after the 24th, so alice alone signs the rest. An export after
    20 notes gives the "older" bundle; the final export is the pristine bundle the corruption
    tests copy. Returns a dict: ledger, bundle, older, log_key, alice, bob (key ids)."""
    cli = Coledger(coledger_bin, tmp_path_factory.mktemp("interop") / "ledger")
    origin = "example.org/coledger-interop"
    printed_vkey = cli.init(origin)
    alice, bob = cli.new_key("alice"), cli.new_key("bob")
    cli.register(alice)
    cli.register(bob)

    def note(n):
        return {"type": "example.note", "typeVersion": 1, "stream": f"note/{n % 4 + 1}",
                "payload": {"n": n, "text": f"note number {n}: hello"}}

    older = None
    alice_id = bob_id = None
    for n in range(36):
        cli.append(alice if n % 2 == 0 or n >= 24 else bob, note(n))
        if n == 19:
            older = cli.export(cli.workdir / "export-older")
            registered = [e["event"]["payload"]["keyId"] for e in read_entries(older)
                          if e["event"]["type"] == "key.registered"]
            assert len(registered) >= 2, f"expected alice and bob registered: {registered}"
            alice_id, bob_id = registered[-2:]
        if n == 23:
            cli.revoke(bob_id)
    bundle = cli.export(cli.workdir / "export")
    log_key = (Path(older) / "log.vkey").read_text().strip()
    if printed_vkey is not None:
        assert printed_vkey == log_key, "init printed a different log key than the bundle holds"
    return {"ledger": cli, "bundle": bundle, "older": older, "log_key": log_key,
            "alice": alice_id, "bob": bob_id}


@pytest.fixture(scope="session")
def judge(interop_ledger):
    """bundle -> (verify_bundle.py run, `coledger verify --bundle` run), both pinned, --json."""
    def both(bundle):
        ours = run_verify_bundle(bundle, "--log-key", interop_ledger["log_key"], "--json")
        theirs = interop_ledger["ledger"].verify_bundle(bundle, interop_ledger["log_key"])
        return ours, theirs
    return both


@pytest.fixture
def bundle_copy(interop_ledger, tmp_path):
    """A private copy of the pristine exported bundle, to corrupt in this test only."""
    target = tmp_path / "bundle"
    shutil.copytree(interop_ledger["bundle"], target)
    return target
