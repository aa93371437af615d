"""Tiles published with `coledger publish --tiles`, served by Debian's nginx on a loopback port,
copied over HTTP by `coledger mirror`; the copy, itself served by `coledger serve`, mirrored again.

Real processes throughout: the `coledger` binary ($COLEDGER_BIN, else .build/release/coledger),
nginx started with a configuration in a temporary directory and stopped afterwards. Prints the
mirroring and verification rates it measured.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("COLEDGER_BIN") or str(REPO_ROOT / ".build" / "release" / "coledger")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
ENTRIES = 3000


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, dict(r.headers), r.read()


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            return get(url)
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer in {seconds} s")


class Coledger:
    def __init__(self, home):
        self.home = home
        self.env = dict(os.environ, COLEDGER_PASSPHRASE="test-passphrase", COLEDGER_LEDGER=str(home / "source.db"))

    def __call__(self, *args, stdin=None, ok=True):
        p = subprocess.run([BIN, *map(str, args)], input=stdin, capture_output=True, text=True, env=self.env, timeout=300)
        if ok:
            assert p.returncode == 0, f"coledger {' '.join(map(str, args))}: {p.stderr}"
        return p

    def notes(self, start, stop, stream="n"):
        lines = [json.dumps({"type": "example.note", "typeVersion": 1, "stream": f"{stream}/{i % 5}", "payload": {"n": i}})
                 for i in range(start, stop)]
        return "\n".join(lines) + "\n"


@pytest.fixture
def nginx(tmp_path):
    """Starts nginx serving tmp_path/tiles on a loopback port; yields its base URL."""
    if not os.path.exists(NGINX):
        pytest.fail("nginx is not installed: run Tools/setup.sh --federation")
    port = free_port()
    root = tmp_path / "tiles"
    root.mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"""
user root;
daemon off;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/nginx-body;
    default_type application/octet-stream;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location = /checkpoint {{
            default_type "text/plain; charset=utf-8";
            add_header Cache-Control "public, max-age=5";
        }}
        location ~ "\\.p/[0-9]+$" {{ add_header Cache-Control "public, max-age=5"; }}
        location /tile/ {{ add_header Cache-Control "public, max-age=31536000, immutable"; }}
    }}
}}
""")
    proc = subprocess.Popen([NGINX, "-c", str(conf), "-e", str(tmp_path / "nginx-error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 20
        while True:
            try:
                get(base + "/")
            except urllib.error.HTTPError:
                break  # 403/404: it is listening
            except OSError:
                assert proc.poll() is None, f"nginx exited: {proc.stderr.read().decode()}"
                assert time.time() < deadline, "nginx did not start"
                time.sleep(0.1)
                continue
            break
        yield base, root
    finally:
        proc.send_signal(signal.SIGQUIT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def files_equal(a, b, names):
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs between {a} and {b}"


def test_tiles_served_by_nginx_mirror_byte_identical_and_mirror_of_mirror(tmp_path, nginx):
    base, tiles = nginx
    c = Coledger(tmp_path)
    c("init", "--origin", "test.example/federation", "--catalogue", "none")
    keys = tmp_path / "keys"
    c("key", "new", "--out", keys / "member.key", "--name", "person/p-0001")
    c("key", "register", "--key", keys / "admin.key", keys / "member.key")
    c("import", "--key", keys / "member.key", "-", stdin=c.notes(0, ENTRIES))
    c("checkpoint")
    c("publish", "--tiles", tiles)
    c("export", "--out", tmp_path / "b0")
    vkey = (tmp_path / "b0" / "log.vkey").read_text().strip()

    size = ENTRIES + 2
    status, headers, body = get(base + "/checkpoint")
    assert status == 200 and body.decode().split("\n")[1] == str(size)
    _, headers, body = get(base + "/tile/0/000")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable" and len(body) == 256 * 32
    partial = f"/tile/0/{size // 256:03d}.p/{size % 256}"
    _, headers, body = get(base + partial)
    assert headers["Cache-Control"] == "public, max-age=5" and len(body) == (size % 256) * 32

    # Mirror over HTTP from nginx, and time it against `verify` on the source in the same run.
    copy = tmp_path / "copy.db"
    t0 = time.perf_counter()
    m = c("mirror", base, "--log-key", vkey, "--into", copy, "--catalogue", "none", "--json")
    mirror_s = time.perf_counter() - t0
    assert json.loads(m.stdout)["copied"] == size
    t0 = time.perf_counter()
    c("verify")
    verify_s = time.perf_counter() - t0
    print(f"\nmirror over HTTP from nginx: {size} entries in {mirror_s:.2f} s ({size / mirror_s:.0f} entries/s); "
          f"verify of the source: {verify_s:.2f} s ({size / verify_s:.0f} entries/s); ratio {verify_s / mirror_s:.2f}")
    c("verify", "--ledger", copy)

    # The log grows: following it copies only the new entries.
    c("import", "--key", keys / "member.key", "-", stdin=c.notes(ENTRIES, ENTRIES + 100, stream="later"))
    c("checkpoint")
    c("publish", "--tiles", tiles)
    t0 = time.perf_counter()
    m = c("mirror", base, "--log-key", vkey, "--into", copy, "--json")
    follow_s = time.perf_counter() - t0
    assert json.loads(m.stdout)["copied"] == 100
    print(f"following one new checkpoint (+100 entries): {follow_s:.2f} s")

    c("export", "--out", tmp_path / "source-bundle")
    c("export", "--ledger", copy, "--out", tmp_path / "copy-bundle")
    files_equal(tmp_path / "source-bundle", tmp_path / "copy-bundle", ["entries.jsonl", "checkpoint", "log.vkey"])

    # The copy can itself be served (tiles from `coledger serve`), and mirrored again.
    port = free_port()
    serve = subprocess.Popen([BIN, "serve", "--ledger", str(copy), "--port", str(port), "--audit-interval", "0"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=c.env)
    try:
        served = f"http://127.0.0.1:{port}"
        wait_for(served + "/checkpoint", seconds=120)
        _, headers, _ = get(served + "/tile/0/000")
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        second = tmp_path / "second.db"
        c("mirror", served, "--log-key", vkey, "--into", second, "--catalogue", "none")
        c("export", "--ledger", second, "--out", tmp_path / "second-bundle")
        files_equal(tmp_path / "source-bundle", tmp_path / "second-bundle", ["entries.jsonl", "checkpoint", "log.vkey"])
    finally:
        serve.terminate()
        serve.wait(timeout=20)
