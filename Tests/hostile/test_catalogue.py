"""The bad-input catalogue (`catalogue.json`), run against every entry point.

Each kind of refused input names an entry point and the one-line error it must give:
- `draft`: the event JSON is given to `coledger append` and, as line 2 of a JSON Lines file
  after a valid line, to `coledger import` (which must name line 2 and commit neither line);
- `cli`: a domain verb's command line;
- `bundle`: a mutation of the demo's exported bundle, checked by `coledger verify --bundle`
  (which must fail and leave every file's bytes as they were);
- `portal-form`: the feedback form posted with a valid token and cookie (422, message shown);
- `portal-raw`: a form or JSON request with the transport itself wrong (status and message).
Every check also asserts that the log did not grow. Set COLEDGER_CATALOGUE_RECORD=1 to print the
observed messages instead of asserting them (to review a new kind before adding its message).
"""

import base64
import hashlib
import html
import json
import os
import re
import shutil
import sqlite3
import urllib.parse
from pathlib import Path

import pytest

from conftest import Server, fetch, form_token, run

CATALOGUE = Path(__file__).with_name("catalogue.json")
RECORD = os.environ.get("COLEDGER_CATALOGUE_RECORD") == "1"
ONLY = os.environ.get("COLEDGER_CATALOGUE_ONLY")  # "a|b": run only the kinds whose name contains a or b

VALID_LINE = json.dumps({"type": "feedback.received", "typeVersion": 1, "stream": "feedback/F-CAT-OK",
                         "payload": {"feedbackId": "F-CAT-OK", "channel": "survey", "receivedAt": "2026-03-01T10:00:00Z",
                                     "submitter": "anonymous", "language": "en", "consentToPublish": False,
                                     "contactConsent": False}})


def count(db):
    """Entries in the log, read with SQLite directly (read-only, nothing written)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
    finally:
        con.close()


def digest(directory):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(directory).iterdir()) if p.is_file()}


def portal_message(headers, body):
    text = body.decode("utf-8", "replace")
    if headers.get("content-type", "").startswith("application/json"):
        return json.loads(text).get("error", "")
    m = re.search(r'class="error-summary".*?<li>(.*?)</li>', text, re.S) or re.search(r"<main[^>]*>.*?<p[^>]*>(.*?)</p>", text, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else text[:200]


class Runner:
    def __init__(self, demo, server, tmp):
        self.demo, self.server, self.tmp = demo, server, tmp
        self.failures, self.checks, self.recorded = [], 0, []
        self.vkey = (demo.dir / "bundle" / "log.vkey").read_text().strip()
        (tmp / "notakey.key").write_text("this is not a key file\n")
        (tmp / "notakey.key").chmod(0o600)  # a wider mode would add a warning line

    def expect(self, kind, where, ok, detail):
        self.checks += 1
        if not ok:
            self.failures.append(f"{kind} [{where}]: {detail}")

    def message(self, kind, where, got, want, extra_ok=True):
        if RECORD:
            self.recorded.append((kind, where, got))
            return
        self.expect(kind, where, extra_ok and want is not None and want in got, f"expected {want!r}, got {got!r}")

    def cli_refusal(self, kind, where, proc, before, want, prefix=""):
        line = proc.stderr
        one_line = line.count("\n") == 1 and line.startswith("coledger: error: ")
        self.expect(kind, where + " exit", proc.returncode == 1, f"exit {proc.returncode}: {line[:300]!r}")
        self.expect(kind, where + " one line", one_line, repr(line[:300]))
        self.expect(kind, where + " nothing appended", count(self.demo.db) == before, "the log grew")
        got = line.removeprefix("coledger: error: ").rstrip("\n")
        if prefix and got.startswith(prefix):
            got = got[len(prefix):]
        self.message(kind, where, got, want)

    def draft(self, e):
        if "bytes_b64" in e:
            data = base64.b64decode(e["bytes_b64"])
        elif "draft" in e:
            data = json.dumps(e["draft"], ensure_ascii=False).encode()
        else:
            data = e["text"].encode()
        path = self.tmp / "event.json"
        path.write_bytes(data)
        before = count(self.demo.db)
        proc = self.demo.run("append", "--key", self.demo.key("admin"), path)
        self.cli_refusal(e["kind"], "append", proc, before, e["error"], prefix=f"{path}: ")
        if e.get("import", True):
            lines = self.tmp / "events.jsonl"
            lines.write_bytes(VALID_LINE.encode() + b"\n" + data + b"\n")
            proc = self.demo.run("import", "--key", self.demo.key("admin"), lines)
            self.cli_refusal(e["kind"], "import", proc, before, e["error"], prefix=f"{lines}:2: ")

    def cli(self, e):
        subst = {"{admin}": str(self.demo.key("admin")), "{notakey}": str(self.tmp / "notakey.key")}
        args = [subst.get(a, a) for a in e["args"]]
        before = count(self.demo.db)
        self.cli_refusal(e["kind"], "cli", self.demo.run(*args), before, e["error"])

    def bundle(self, e):
        b = self.tmp / "bundle"
        shutil.rmtree(b, ignore_errors=True)
        shutil.copytree(self.demo.dir / "bundle", b)
        f = b / e.get("file", "checkpoint")
        op = e["op"]
        if op == "delete":
            f.unlink()
        elif op == "write":
            f.write_text(e["text"])
        elif op in ("replace", "replace_line", "drop_last", "append_line", "swap", "crlf"):
            lines = f.read_bytes().split(b"\n")[:-1]
            if op == "replace":
                lines[e["line"]] = lines[e["line"]].replace(e["old"].encode(), e["new"].encode(), 1)
            elif op == "replace_line":
                lines[e["line"]] = e["text"].encode()
            elif op == "drop_last":
                lines.pop()
            elif op == "append_line":
                lines.append(lines[e["copy_line"]])
            elif op == "swap":
                lines[e["a"]], lines[e["b"]] = lines[e["b"]], lines[e["a"]]
            f.write_bytes((b"\r\n" if op == "crlf" else b"\n").join(lines) + (b"\r\n" if op == "crlf" else b"\n"))
        elif op == "checkpoint_line":
            lines = f.read_text().split("\n")
            lines[e["index"]] = str(int(lines[e["index"]]) + e["delta"])
            f.write_text("\n".join(lines))
        elif op == "checkpoint_root":
            lines = f.read_text().split("\n")
            root = base64.b64decode(lines[2])
            lines[2] = base64.b64encode(bytes([root[0] ^ 1]) + root[1:]).decode()
            f.write_text("\n".join(lines))
        elif op == "checkpoint_sig":
            text = f.read_text()
            head, sig = text.rsplit(" ", 1)
            raw = bytearray(base64.b64decode(sig.strip()))
            raw[-1] ^= 1
            f.write_text(head + " " + base64.b64encode(bytes(raw)).decode() + "\n")
        before = digest(b)
        proc = run("verify", "--bundle", b, "--log-key", self.vkey)
        out = (proc.stdout + proc.stderr).strip()
        self.expect(e["kind"], "verify --bundle exit", proc.returncode != 0, f"exit {proc.returncode}")
        self.expect(e["kind"], "verify --bundle bytes unchanged", digest(b) == before, "a bundle file changed")
        self.message(e["kind"], "verify --bundle", out, e["error"])

    def post(self, path, body, content_type="application/x-www-form-urlencoded", token=True, csrf="", cookie="", origin=None):
        headers = {"Content-Type": content_type}
        if token:
            t, c = form_token(self.server.base)
            if csrf != "omit":
                body += "&" + urllib.parse.urlencode({"csrf": t})
            if cookie != "omit":
                headers["Cookie"] = c
        if origin:
            headers["Origin"] = origin
        return fetch(self.server.base + path, method="POST", body=body.encode(), headers=headers)

    def portal(self, e, where, status_code, headers, body, before):
        self.expect(e["kind"], where + " status", status_code == e["status"], f"status {status_code}, wanted {e['status']}")
        self.expect(e["kind"], where + " nothing appended", count(self.demo.db) == before, "the log grew")
        self.expect(e["kind"], where + " security headers", "content-security-policy" in headers, "no CSP header")
        self.message(e["kind"], where, portal_message(headers, body), e["error"])

    def portal_form(self, e):
        before = count(self.demo.db)
        status, headers, body = self.post("/feedback", urllib.parse.urlencode(e["fields"]))
        self.portal(e, "portal form", status, headers, body, before)

    def portal_raw(self, e):
        before = count(self.demo.db)
        status, headers, body = self.post(
            e["path"], e["body"], content_type=e.get("content_type", "application/x-www-form-urlencoded"),
            token=e.get("token", True), csrf=e.get("csrf", ""), cookie=e.get("cookie", ""), origin=e.get("origin"))
        self.portal(e, "portal " + ("JSON" if e["path"].startswith("/api/") else "form"), status, headers, body, before)


@pytest.fixture(scope="module")
def served(demo_template, tmp_path_factory):
    from conftest import Demo

    target = tmp_path_factory.mktemp("catalogue") / "demo"
    shutil.copytree(demo_template, target)
    demo = Demo(target)
    server = Server(demo.db, "--posts-per-minute", "100000")
    yield demo, server
    assert server.alive(), "the server died during the catalogue"
    server.stop()


def test_bad_input_catalogue(served, tmp_path):
    demo, server = served
    kinds = json.loads(CATALOGUE.read_text())["kinds"]
    if ONLY:
        kinds = [e for e in kinds if any(part in e["kind"] for part in ONLY.split("|"))]
    runner = Runner(demo, server, tmp_path)
    entry_points = set()
    for e in kinds:
        getattr(runner, e["entry"].replace("-", "_"))(e)
        entry_points.add(e["entry"])
    if RECORD:
        for kind, where, got in runner.recorded:
            print(json.dumps({"kind": kind, "where": where, "got": got}, ensure_ascii=True))
        return
    print(f"bad-input catalogue: {len(kinds)} kinds, {runner.checks} entry-point checks, "
          f"entry points: {', '.join(sorted(entry_points))}")
    assert ONLY or len(kinds) >= 100
    assert runner.failures == [], "\n".join(runner.failures[:40]) + f"\n({len(runner.failures)} failures)"
    assert server.alive()
