"""Fixtures for the hostile-input suites (the bad-input catalogue, CLI hygiene, the soak).

The CLI is `$COLEDGER_BIN`, else `<repo>/.build/release/coledger`. One demo ledger is made
per session; each test gets its own copy (the database, its WAL and the keys), so tests that
count entries never see each other's appends.
"""

import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "hostile-test-passphrase"


def coledger_bin():
    path = os.environ.get("COLEDGER_BIN") or str(REPO_ROOT / ".build" / "release" / "coledger")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no coledger binary at {path}: run `swift build -c release --product coledger` or set COLEDGER_BIN")
    return path


def env():
    e = dict(os.environ)
    e["COLEDGER_PASSPHRASE"] = PASSPHRASE
    e.pop("COLEDGER_LEDGER", None)
    return e


def run(*args, ledger=None, stdin=None, check=False, timeout=600):
    """Runs the CLI; returns the CompletedProcess (text)."""
    cmd = [coledger_bin()] + (["--ledger", str(ledger)] if ledger else []) + [str(a) for a in args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env(), input=stdin, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} failed ({proc.returncode}): {proc.stdout[-2000:]} {proc.stderr[-2000:]}")
    return proc


def entries(ledger):
    """How many entries the log holds (read through the CLI)."""
    out = run("log", "--json", "--from", "0", "--limit", "10000000", ledger=ledger, check=True).stdout
    return sum(1 for line in out.splitlines() if line.startswith("{"))


class Demo:
    """A copy of the session's demo ledger: `db`, `keys`, `dir`."""

    def __init__(self, directory):
        self.dir = Path(directory)
        self.db = self.dir / "coledger.db"
        self.keys = self.dir / "keys"

    def key(self, name):
        return self.keys / f"{name}.key"

    def run(self, *args, **kw):
        return run(*args, ledger=self.db, **kw)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile") / "demo"
    run("demo", "--dir", base, check=True)
    return base


@pytest.fixture()
def demo(demo_template, tmp_path):
    target = tmp_path / "demo"
    shutil.copytree(demo_template, target)
    return Demo(target)


class Server:
    """`coledger serve` in a child process on a port it chose (--port 0)."""

    def __init__(self, ledger, *extra):
        # The log as it is now (no --as-of): the soak appends all the time, and a page read at a
        # fixed date is folded again whenever the log grows.
        cmd = [coledger_bin(), "--ledger", str(ledger), "serve", "--port", "0", *map(str, extra)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
        deadline = time.time() + 300
        line = ""
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line and self.proc.poll() is not None:
                raise AssertionError(f"coledger serve exited {self.proc.returncode}: {self.proc.stderr.read()}")
            m = re.search(r"at (http://127\.0\.0\.1:(\d+))/", line)
            if m:
                self.base, self.port = m.group(1), int(m.group(2))
                return
        raise AssertionError(f"coledger serve did not start: {line}")

    @property
    def pid(self):
        return self.proc.pid

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def fetch(url, method="GET", body=None, headers=None, timeout=60):
    """(status, headers (lower-case names), body bytes), without raising on 4xx/5xx."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def form_token(base):
    """(csrf token, cookie) from a fresh GET of the feedback form."""
    status, headers, body = fetch(base + "/feedback")
    assert status == 200, status
    token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
    return token, headers["set-cookie"].split(";")[0]
