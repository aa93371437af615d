"""`coledger monitor --audit` reports an audit verdict that changed between two checkpoints it followed.

A log's member key is revoked as compromised: the entries it signed become entitlement failures in
the audit, so at the next checkpoint the monitor prints an `audit-change` line (entitlement: pass to
fail) and exits 4; a run with nothing new prints none. `coledger audit --witness-policy` judges the
newest checkpoint's cosignatures as `verify --witness-policy` does (here: nobody cosigned, quorum 1),
and so does the portal's "Check the record" page of `coledger serve --witness-policy`.
"""

import json

from fed import Coledger, request, stop


def events(p):
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


def test_monitor_reports_audit_changes_and_audit_judges_the_witness_policy(tmp_path):
    c = Coledger(tmp_path)
    keys, tiles, vkey = c.published_log("audit.example/log", notes=20)
    state = tmp_path / "mon"

    def monitor():
        return c("monitor", tiles, "--log-key", vkey, "--state", state, "--catalogue", "none", "--audit", ok=False)

    p = monitor()
    assert p.returncode == 0, (p.stdout, p.stderr)
    assert [e["event"] for e in events(p)] == ["growth"], p.stdout
    verdicts = json.loads((state / "state.json").read_text())["verdicts"]
    assert verdicts["entitlement"] == "pass" and verdicts["integrity"] == "pass", verdicts

    member = json.loads(c("key", "show", keys / "member.key", "--json").stdout)["keyId"]
    c("key", "revoke", "--key", keys / "admin.key", member, "--reason", "compromised")
    c("checkpoint")
    c("publish", "--tiles", tiles)
    p = monitor()
    assert p.returncode == 4, (p.stdout, p.stderr)
    changes = [e for e in events(p) if e["event"] == "audit-change"]
    assert [(e["rule"], e["from"], e["to"], e["size"]) for e in changes] == [("entitlement", "pass", "fail", 23)], p.stdout
    # The same verdicts as `coledger audit` gives the source.
    audit = c("audit", "--format", "json", ok=False)
    assert audit.returncode == 1 and json.loads(audit.stdout)["entitlement"], audit.stdout

    p = monitor()
    assert [e["event"] for e in events(p)] == ["unchanged"], p.stdout

    # audit --witness-policy: a quorum of one witness that never cosigned fails, as verify says.
    c("key", "new", "--out", tmp_path / "witness.key", "--name", "audit.example/witness", "--role", "witness")
    wvkey = c("witness", "vkey", tmp_path / "witness.key").stdout.strip()
    policy = tmp_path / "policy.txt"
    policy.write_text(f"witness audit.example/witness {wvkey}\nquorum audit.example/witness\n")
    v = c("verify", "--witness-policy", policy, "--json", ok=False)
    a = c("audit", "--witness-policy", policy, "--format", "json", ok=False)
    assert v.returncode == 1 and a.returncode == 1, (v.stdout, a.stdout)
    vw = [f for f in json.loads(v.stdout)["failures"] if f["check"] == "witness"]
    aw = [f for f in json.loads(a.stdout)["integrity"] if f["check"] == "witness"]
    assert vw and vw == aw, (vw, aw)

    # The portal's "Check the record" page judges the same policy, in the same words.
    proc, port = c.start("serve", "--port", "0", "--audit-interval", "0", "--witness-policy", policy)
    try:
        status, _, body = request("GET", f"http://127.0.0.1:{port}/verify")
        page = body.decode()
        assert status == 200, status
        detail = vw[0]["detail"].removeprefix("the newest checkpoint is ").removesuffix(": quorum not met")
        assert "Witness policy:" in page and "not met" in page, page[-3000:]
        assert detail in page, (detail, page[-3000:])
    finally:
        stop(proc)
