"""Tampering with a live ledger file behind the CLI's back, as someone with file access could.

Each copy of the interop ledger's SQLite file is altered with Python's own sqlite3 (triggers
dropped first): `coledger verify` must fail naming the right entry; then the tampered ledger is
exported and `Tools/verify_bundle.py` and `coledger verify --bundle` must agree on the first
failing index. `coledger audit` and `coledger audit --bundle` must exit 1 with the same first
failing index in the integrity part of their report.

The audits are judged as of 2023-01-01, before the plan (default policy) starts, so no
accountability rule applies and the exit status reflects integrity and entitlement alone: the
untouched copy audits clean (exit 0)."""
import json
import shutil
import sqlite3

import pytest

from conftest import Coledger, run_verify_bundle

DROP_TRIGGERS = """
DROP TRIGGER entries_append_only_update; DROP TRIGGER entries_append_only_delete;
DROP TRIGGER checkpoints_append_only_update; DROP TRIGGER checkpoints_append_only_delete;
"""


@pytest.fixture
def tampered(interop_ledger, tmp_path, coledger_bin):
    """A copy of the interop ledger (file and keys) whose SQLite file the test may alter."""
    source = interop_ledger["ledger"]
    work = tmp_path / "ledger"
    shutil.copytree(source.workdir, work, ignore=shutil.ignore_patterns("export*"))
    cli = Coledger(coledger_bin, work)
    db = sqlite3.connect(cli.db)
    db.executescript(DROP_TRIGGERS)
    yield cli, db
    db.close()


def verify_json(cli, *args):
    result = cli.run("verify", "--json", *args, check=False)
    return result.rc, json.loads(result.stdout)


def entry(db, index):
    return json.loads(db.execute("SELECT bytes FROM entries WHERE idx = ?", (index,)).fetchone()[0])


def set_bytes(db, index, obj):
    raw = json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
    db.execute("UPDATE entries SET bytes = ? WHERE idx = ?", (raw, index))
    db.commit()


AS_OF = "2023-01-01"


def audit_json(cli, *args):
    result = cli.run("audit", "--format", "json", "--as-of", AS_OF, *args, check=False)
    return result.rc, json.loads(result.stdout)


def assert_verifiers_agree(cli, tmp_path, log_key, index=None):
    """Export what the tampered file holds; both bundle verifiers reject it at the same index.
    `audit` of the file fails naming `index` first (the store keeps each entry's leaf hash and
    tree nodes, so it can say where); `audit --bundle` of the export fails naming what the bundle
    verifiers name (a bundle has only the entries and the checkpoint, so a deleted or swapped
    entry may show later, or only as a wrong root)."""
    out = tmp_path / "tampered-export"
    cli.run("export", "--out", out)
    ours = run_verify_bundle(out, "--log-key", log_key, "--json")
    theirs = cli.verify_bundle(out, log_key)
    assert (ours.rc, theirs.rc) == (1, 1), (ours, theirs)
    assert ours.first_failure["index"] == theirs.first_failure["index"], (ours.first_failure, theirs.first_failure)
    if index is not None:
        for args, expected in [((), index), (("--bundle", out, "--log-key", log_key), theirs.first_failure["index"])]:
            rc, report = audit_json(cli, *args)
            assert rc == 1, (args, report["integrity"][:3])
            assert report["integrity"][0]["index"] == expected, (args, report["integrity"][:3])
            assert report["entitlement"] == [], args
            assert all(r["verdict"] != "fail" for r in report["rules"]), args


def test_untouched_copy_verifies(tampered):
    cli, _ = tampered
    rc, report = verify_json(cli)
    assert rc == 0 and report["ok"], report
    rc, report = audit_json(cli)
    assert rc == 0, report
    assert report["integrity"] == [] and report["entitlement"] == []
    # 2023-01-01 is before the plan start: every rule has nothing due or nothing to judge.
    assert all(r["verdict"] in ("not_yet_due", "nothing_to_judge") for r in report["rules"]), report["rules"]


def test_changed_byte(tampered, tmp_path, interop_ledger):
    cli, db = tampered
    e = entry(db, 10)
    e["event"]["payload"]["n"] = e["event"]["payload"]["n"] + 1
    set_bytes(db, 10, e)
    rc, report = verify_json(cli)
    assert rc == 1
    assert report["failures"][0]["index"] == 10
    assert any(f["index"] == 10 and f["check"] == "signature" for f in report["failures"])
    assert_verifiers_agree(cli, tmp_path, interop_ledger["log_key"], index=10)


def test_deleted_row(tampered, tmp_path, interop_ledger):
    cli, db = tampered
    db.execute("DELETE FROM entries WHERE idx = 12")
    db.commit()
    rc, report = verify_json(cli)
    assert rc == 1
    assert (report["failures"][0]["index"], report["failures"][0]["check"]) == (12, "missing")
    assert_verifiers_agree(cli, tmp_path, interop_ledger["log_key"], index=12)


def test_swapped_rows(tampered, tmp_path, interop_ledger):
    cli, db = tampered
    db.executescript("UPDATE entries SET idx = -1 WHERE idx = 14; UPDATE entries SET idx = 14 WHERE idx = 15;"
                     "UPDATE entries SET idx = 15 WHERE idx = -1;")
    rc, report = verify_json(cli)
    assert rc == 1
    assert report["failures"][0]["index"] == 14, report["failures"][:3]
    assert_verifiers_agree(cli, tmp_path, interop_ledger["log_key"], index=14)


def test_signature_from_another_registered_key(tampered, tmp_path, interop_ledger):
    """Entry 6 (signed by alice) gets the signature bob made over entry 7's event."""
    cli, db = tampered
    a, b = entry(db, 6), entry(db, 7)
    assert a["event"]["signer"] != b["event"]["signer"]
    a["signature"] = b["signature"]
    set_bytes(db, 6, a)
    rc, report = verify_json(cli)
    assert rc == 1
    assert report["failures"][0]["index"] == 6
    assert any(f["check"] == "signature" for f in report["failures"] if f["index"] == 6)
    assert_verifiers_agree(cli, tmp_path, interop_ledger["log_key"], index=6)


def test_rebuilt_from_scratch_against_a_kept_checkpoint(interop_ledger, coledger_bin, tmp_path):
    """The key holders rebuild the ledger with different history and sign it afresh: on its own it
    verifies, but not against a checkpoint an outsider kept from the original."""
    kept = tmp_path / "kept-checkpoint"
    kept.write_text((interop_ledger["older"] / "checkpoint").read_text())
    source = interop_ledger["ledger"]
    work = tmp_path / "rebuilt"
    work.mkdir()
    shutil.copytree(source.keys, work / "keys")
    cli = Coledger(coledger_bin, work)
    # A new ledger from the same log and admin keys cannot be made with `init` (it makes new
    # keys), so rebuild by copying the original up to its genesis and key registrations, then
    # appending a different history.
    shutil.copy2(source.db, cli.db)
    db = sqlite3.connect(cli.db)
    db.executescript(DROP_TRIGGERS + "DELETE FROM entries WHERE idx >= 3; DELETE FROM checkpoints;")
    db.close()
    for n in range(30):
        cli.append(source.keys / "alice.key", {"type": "example.note", "typeVersion": 1,
                                                 "stream": f"note/{n % 4 + 1}", "payload": {"n": 1000 + n}})
    cli.run("checkpoint")
    rc, report = verify_json(cli)
    assert rc == 0, report
    rc, report = verify_json(cli, "--checkpoint", kept)
    assert rc == 1
    assert any(f["check"] == "consistency" for f in report["failures"]), report
    # The audit agrees, live and on an export. A root alone cannot say which entry was rewritten,
    # so the failure names the checkpoint (index null) and its size.
    rc, report = audit_json(cli)
    assert rc == 0, report["integrity"]
    size = int(kept.read_text().splitlines()[1])
    out = tmp_path / "rebuilt-export"
    cli.run("export", "--out", out)
    for args in [("--checkpoint", kept), ("--bundle", out, "--log-key", interop_ledger["log_key"], "--checkpoint", kept)]:
        rc, report = audit_json(cli, *args)
        assert rc == 1, args
        failure = next(f for f in report["integrity"] if f["check"] == "consistency")
        assert failure["index"] is None and f"first {size} entries" in failure["detail"], failure


def test_truncation_against_a_kept_checkpoint(tampered, interop_ledger, tmp_path):
    """Entries from 30 on deleted, with the checkpoints that covered them: the audit names
    entry 30, the first one gone, against the checkpoint an outsider kept."""
    cli, db = tampered
    kept = tmp_path / "kept-checkpoint"
    kept.write_text((interop_ledger["bundle"] / "checkpoint").read_text())
    size = int(kept.read_text().splitlines()[1])
    assert size > 30
    db.executescript("DELETE FROM entries WHERE idx >= 30; DELETE FROM checkpoints;")
    rc, report = audit_json(cli)
    assert rc == 0, "on its own the shortened log is self-consistent"
    rc, report = audit_json(cli, "--checkpoint", kept)
    assert rc == 1
    assert report["integrity"][0]["index"] == 30, report["integrity"]
    assert any(f["check"] == "consistency" for f in report["integrity"])
    # A bundle cut short: its own checkpoint is for more entries than it holds.
    out = tmp_path / "short-bundle"
    shutil.copytree(interop_ledger["bundle"], out)
    lines = (out / "entries.jsonl").read_bytes().splitlines(keepends=True)
    (out / "entries.jsonl").write_bytes(b"".join(lines[:30]))
    rc, report = audit_json(cli, "--bundle", out, "--log-key", interop_ledger["log_key"])
    assert rc == 1 and report["integrity"][0]["index"] == 30, report["integrity"]
