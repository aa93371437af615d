"""Fixtures for the portal's end-to-end tests: a demo ledger, `coledger serve` on a free
loopback port, and Debian's chromium driven by playwright (no browser download).

The CLI is `$COLEDGER_BIN`, else `<repo>/.build/release/coledger` (Tools/test builds it).
Screenshots go to `<repo>/.build/portal-screenshots/` (override with $PORTAL_SCREENSHOTS).
"""

import json
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
PASSPHRASE = "portal-test-passphrase"
NOW = "2026-03-31"  # the demo year's last day: the clocks are judged on it
SCREENSHOTS = Path(os.environ.get("PORTAL_SCREENSHOTS", REPO_ROOT / ".build" / "portal-screenshots"))


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


def run(*args, check=True, ledger=None):
    cmd = [coledger_bin()] + (["--ledger", str(ledger)] if ledger else []) + [str(a) for a in args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env(), timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} failed ({proc.returncode}): {proc.stdout[-2000:]} {proc.stderr[-2000:]}")
    return proc


class Server:
    """`coledger serve` in a child process, on a port it chose itself (--port 0)."""

    def __init__(self, ledger, *extra, as_of=NOW):
        """`as_of`: the date pages show when their address names none (`serve --as-of`); None for
        the log as it is now."""
        self.ledger = Path(ledger)
        point = ["--as-of", as_of] if as_of else []
        cmd = [coledger_bin(), "--ledger", str(ledger), "serve", "--port", "0", *point, *map(str, extra)]
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


def fetch(url, method="GET", body=None, headers=None):
    """(status, headers (lower-case names), body bytes), without following redirects or raising."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def fetch_json(url, **kw):
    status, headers, body = fetch(url, **kw)
    return status, headers, json.loads(body) if body else None


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """A fresh demo ledger (about 3,000 events) and its keys."""
    base = tmp_path_factory.mktemp("portal") / "demo"
    run("demo", "--dir", base)
    return base


@pytest.fixture(scope="session")
def server(demo):
    s = Server(demo / "coledger.db", "--posts-per-minute", "1000")
    yield s
    assert s.alive(), "the server died during the tests"
    s.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        pytest.fail("Debian's chromium is not installed: run Tools/setup.sh --browser")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
