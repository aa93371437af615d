"""Shared helpers for the federation tests: the coledger binary, free ports, HTTP, processes."""

import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("COLEDGER_BIN") or str(REPO_ROOT / ".build" / "release" / "coledger")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, url, body=None, timeout=10):
    """Returns (status, headers, body) for any status, raising only when nothing answers."""
    req = urllib.request.Request(url, data=body, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            return request("GET", url)
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer in {seconds} s")


class Coledger:
    """Runs the coledger binary with a test passphrase, in `home`."""

    def __init__(self, home, ledger=None):
        self.home = Path(home)
        self.env = dict(os.environ, COLEDGER_PASSPHRASE="test-passphrase",
                        COLEDGER_LEDGER=str(ledger or self.home / "ledger.db"))

    def __call__(self, *args, stdin=None, ok=True):
        p = subprocess.run([BIN, *map(str, args)], input=stdin, capture_output=True, text=True, env=self.env,
                           timeout=300, cwd=self.home)
        if ok:
            assert p.returncode == 0, f"coledger {' '.join(map(str, args))}: exit {p.returncode}: {p.stderr}"
        return p

    def start(self, *args, ready=r"http://127\.0\.0\.1:(\d+)"):
        """Starts a long-running coledger process; returns (process, port) once it printed its URL."""
        proc = subprocess.Popen([BIN, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=self.env, cwd=self.home)
        line = proc.stdout.readline()
        m = re.search(ready, line)
        assert m, f"coledger {' '.join(map(str, args))} did not start: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        return proc, int(m.group(1))

    def published_log(self, origin, notes):
        """A ledger (catalogue none) with one registered member key that signed `notes` example
        notes, a checkpoint, its tiles in `tiles/` and a bundle in `b0/`; returns (keys directory,
        tiles directory, the log's vkey)."""
        keys, tiles = self.home / "keys", self.home / "tiles"
        self("init", "--origin", origin, "--catalogue", "none")
        self("key", "new", "--out", keys / "member.key", "--name", "person/p-0001")
        self("key", "register", "--key", keys / "admin.key", keys / "member.key")
        self("import", "--key", keys / "member.key", "-", stdin=self.notes(0, notes))
        self("checkpoint")
        self("publish", "--tiles", tiles)
        self("export", "--out", self.home / "b0")
        return keys, tiles, (self.home / "b0/log.vkey").read_text().strip()

    @staticmethod
    def notes(start, stop, stream="n"):
        return "".join(json.dumps({"type": "example.note", "typeVersion": 1, "stream": f"{stream}/{i % 5}",
                                   "payload": {"n": i}}) + "\n" for i in range(start, stop))


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
