"""End-to-end: bundles exported by the Swift `coledger` CLI, judged by both verifiers.

The ledger (fixture `interop_ledger` in conftest.py) is built once through the CLI. Each test
copies its exported bundle into its own temporary directory, breaks one thing, and checks that
Tools/verify_bundle.py and `coledger verify --bundle` both reject it and agree on the first
failing entry (or both name no entry, for failures of the log as a whole).
"""

import json
import shutil

import pytest


def read_entries(bundle):
    return [json.loads(line) for line in (bundle / "entries.jsonl").read_bytes().splitlines()]


def lines_of(bundle):
    return (bundle / "entries.jsonl").read_bytes().splitlines(keepends=True)


def write_lines(bundle, lines):
    (bundle / "entries.jsonl").write_bytes(b"".join(lines))


def note_index(entries, n):
    """Log index of the example.note whose payload.n is n."""
    for i, entry in enumerate(entries):
        event = entry["event"]
        if event["type"] == "example.note" and event["payload"].get("n") == n:
            return i
    raise AssertionError(f"note {n} not found in the bundle")


def assert_both_reject(judge, bundle, expected_index):
    """Both verifiers exit 1 with ok false and report the same first failing index;
    `expected_index` is what our own verifier must report (None: no entry, the log as a whole)."""
    ours, theirs = judge(bundle)
    assert ours.report is not None and (ours.rc, ours.report["ok"]) == (1, False), ours
    assert theirs.report is not None, f"coledger verify --json printed no JSON: {theirs!r}"
    assert (theirs.rc, theirs.report["ok"]) == (1, False), theirs
    assert theirs.first_failure is not None, theirs
    assert ours.first_failure["index"] == expected_index, ours
    assert ours.first_failure["index"] == theirs.first_failure["index"], (
        f"first failing index differs: verify_bundle.py {ours.first_failure}, "
        f"coledger {theirs.first_failure}")
    return ours, theirs


# ---------------------------------------------------------------- the pristine exports

def test_ledger_shape(interop_ledger):
    entries = read_entries(interop_ledger["bundle"])
    types = [e["event"]["type"] for e in entries]
    assert types[0] == "ledger.genesis"
    assert types.count("example.note") == 36
    assert types.count("key.registered") >= 2 and types.count("key.revoked") == 1
    streams = {e["event"]["stream"] for e in entries if e["event"]["type"] == "example.note"}
    assert streams == {"note/1", "note/2", "note/3", "note/4"}
    signers = {e["event"]["signer"] for e in entries if e["event"]["type"] == "example.note"}
    assert signers == {interop_ledger["alice"], interop_ledger["bob"]}


@pytest.mark.parametrize("which", ["bundle", "older"])
def test_exports_verify_with_both(judge, interop_ledger, which):
    ours, theirs = judge(interop_ledger[which])
    assert (ours.rc, ours.report["ok"], ours.report["failures"]) == (0, True, []), ours
    assert (theirs.rc, theirs.report["ok"]) == (0, True), theirs


def test_unpinned_export_says_not_pinned(verifier, interop_ledger):
    run = verifier(interop_ledger["bundle"])
    assert run.rc == 0 and "not pinned" in run.stdout.lower(), run


def test_cli_verifies_its_own_ledger(interop_ledger):
    run = interop_ledger["ledger"].run("verify", "--json", check=False)
    assert run.rc == 0 and run.report and run.report["ok"] is True, run


def test_appending_with_revoked_key_is_refused(coledger, interop_ledger):
    """The revoked member key can no longer append (checked on a copy of the ledger)."""
    source, cli = interop_ledger["ledger"], coledger
    for path in source.workdir.iterdir():
        if path.name.startswith("ledger.db") or path.name == "keys":
            copy = shutil.copytree if path.is_dir() else shutil.copy2
            copy(path, cli.workdir / path.name)
    event = {"type": "example.note", "typeVersion": 1, "stream": "note/1",
             "payload": {"n": 99, "text": "after revocation"}}
    assert cli.append(cli.keys / "bob.key", event, check=False).rc != 0
    cli.append(cli.keys / "alice.key", event)


# ---------------------------------------------------------------- corrupted copies

def test_a_payload_byte_changed(judge, bundle_copy):
    lines = lines_of(bundle_copy)
    k = note_index(read_entries(bundle_copy), 10)
    assert lines[k].count(b"hello") == 1
    lines[k] = lines[k].replace(b"hello", b"jello")
    write_lines(bundle_copy, lines)
    assert_both_reject(judge, bundle_copy, expected_index=k)


def test_b_entry_deleted(judge, bundle_copy):
    lines = lines_of(bundle_copy)
    entries = read_entries(bundle_copy)
    k = note_index(entries, 10)            # stream note/3; its next event is note 14
    later = note_index(entries, 14) - 1    # where note 14 lands once line k is gone
    del lines[k]
    write_lines(bundle_copy, lines)
    assert_both_reject(judge, bundle_copy, expected_index=later)


def test_c_adjacent_notes_swapped(judge, bundle_copy):
    """Two notes of different streams swap places: every entry still checks, the root does not."""
    lines = lines_of(bundle_copy)
    k = note_index(read_entries(bundle_copy), 10)
    lines[k], lines[k + 1] = lines[k + 1], lines[k]
    write_lines(bundle_copy, lines)
    assert_both_reject(judge, bundle_copy, expected_index=None)


def test_c_swapped_across_revocation(judge, interop_ledger, bundle_copy):
    """bob's last note moved after bob's revocation: signed by a revoked key."""
    lines = lines_of(bundle_copy)
    entries = read_entries(bundle_copy)
    r = next(i for i, e in enumerate(entries) if e["event"]["type"] == "key.revoked")
    assert entries[r - 1]["event"]["signer"] == interop_ledger["bob"]
    lines[r - 1], lines[r] = lines[r], lines[r - 1]
    write_lines(bundle_copy, lines)
    assert_both_reject(judge, bundle_copy, expected_index=r)


def test_d_signature_from_another_key(judge, bundle_copy):
    lines = lines_of(bundle_copy)
    entries = read_entries(bundle_copy)
    k = note_index(entries, 10)
    donor = note_index(entries, 11)
    assert entries[k]["event"]["signer"] != entries[donor]["event"]["signer"]
    old_sig, new_sig = entries[k]["signature"], entries[donor]["signature"]
    lines[k] = lines[k].replace(old_sig.encode(), new_sig.encode())
    write_lines(bundle_copy, lines)
    assert_both_reject(judge, bundle_copy, expected_index=k)


def test_e_non_canonical_whitespace(judge, bundle_copy):
    lines = lines_of(bundle_copy)
    k = note_index(read_entries(bundle_copy), 10)
    assert lines[k].startswith(b"{")
    lines[k] = b"{ " + lines[k][1:]
    write_lines(bundle_copy, lines)
    assert_both_reject(judge, bundle_copy, expected_index=k)


def test_f_private_object_edited(interop_ledger, golden, tmp_path):
    """Exports carry no private objects until the domain stores them, so this corruption is made
    on a copy of the golden `valid` bundle, which has a private.jsonl: first both verifiers must
    accept the copy, then both must reject it once one private object is edited."""
    from conftest import GOLDEN_DIR, run_verify_bundle
    bundle = tmp_path / "bundle"
    shutil.copytree(GOLDEN_DIR / "bundles" / "valid", bundle)
    key = golden["log_vkey"]
    ours = run_verify_bundle(bundle, "--log-key", key, "--json")
    theirs = interop_ledger["ledger"].verify_bundle(bundle, key)
    assert ours.rc == 0 and theirs.rc == 0, (ours, theirs)
    private = bundle / "private.jsonl"
    lines = private.read_text().splitlines()
    assert lines, "the golden valid bundle must carry private objects"
    item = json.loads(lines[0])
    item["private"]["edited-by-test"] = True
    lines[0] = json.dumps(item, separators=(",", ":"))
    private.write_text("\n".join(lines) + "\n")
    ours = run_verify_bundle(bundle, "--log-key", key, "--json")
    theirs = interop_ledger["ledger"].verify_bundle(bundle, key)
    assert (ours.rc, theirs.rc) == (1, 1), (ours, theirs)
    assert ours.first_failure["index"] == theirs.first_failure["index"] == item["index"]
    assert ours.first_failure["check"] == theirs.first_failure["check"] == "private"


def test_g_checkpoint_from_older_export(judge, interop_ledger, bundle_copy):
    shutil.copy2(interop_ledger["older"] / "checkpoint", bundle_copy / "checkpoint")
    assert_both_reject(judge, bundle_copy, expected_index=None)
