"""Tools/verify_bundle.py against the golden bundles in Tests/Vectors/coledger/.

Each case names its verdict (`expect`) and, for broken bundles, the entry that must fail first
(`why`: "entry N …"). The pinned log key is golden.json's log_vkey.
"""

import base64
import hashlib
import json
import re
import shutil

from pathlib import Path

import nacl.signing
import pytest

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "Vectors" / "coledger"   # <repo root>/Tests/Vectors
CASES = json.loads((GOLDEN_DIR / "cases.json").read_text())


def expected_index(why):
    """The entry a case's `why` names first ("entry 7: …", "entries 3 and 4 swapped"), or None."""
    m = re.search(r"\bentr(?:y|ies) (\d+)", why)
    return int(m.group(1)) if m else None


@pytest.mark.parametrize("case", CASES, ids=[c["bundle"].split("/")[-1] for c in CASES])
def test_golden_case(case, verifier, golden):
    run = verifier(GOLDEN_DIR / case["bundle"], "--log-key", golden["log_vkey"], "--json")
    assert run.report is not None, run
    assert run.report["pinned"] is True
    if case["expect"] == "valid":
        assert (run.rc, run.report["ok"], run.report["failures"]) == (0, True, []), run
        return
    assert (run.rc, run.report["ok"]) == (1, False), run
    first = run.first_failure
    if case["bundle"].endswith("checkpoint-wrong-key"):
        assert (first["index"], first["check"]) == (None, "checkpoint"), run
    else:
        assert first["index"] == expected_index(case["why"]), (case["why"], run)


def test_golden_human_output(verifier, golden):
    ok = verifier(GOLDEN_DIR / "bundles/valid", "--log-key", golden["log_vkey"])
    assert ok.rc == 0 and ok.stdout.startswith("OK: 8 entries, root "), ok
    assert golden["roots_b64_by_size"]["8"] in ok.stdout
    bad = verifier(GOLDEN_DIR / "bundles/signer-revoked", "--log-key", golden["log_vkey"])
    assert bad.rc == 1 and bad.stdout.startswith("FAIL at entry 7: signer: "), bad
    cp = verifier(GOLDEN_DIR / "bundles/checkpoint-wrong-key", "--log-key", golden["log_vkey"])
    assert cp.rc == 1 and cp.stdout.startswith("FAIL: checkpoint: "), cp


def test_unpinned_run_says_not_pinned(verifier):
    run = verifier(GOLDEN_DIR / "bundles/valid")
    assert run.rc == 0, run
    assert "not pinned" in run.stdout.lower(), run
    report = verifier(GOLDEN_DIR / "bundles/valid", "--json").report
    assert report["ok"] is True and report["pinned"] is False


def test_log_key_from_file(verifier, tmp_path, golden):
    key_file = tmp_path / "log.vkey"
    key_file.write_text(golden["log_vkey"] + "\n")
    run = verifier(GOLDEN_DIR / "bundles/valid", "--log-key", key_file, "--json")
    assert (run.rc, run.report["ok"], run.report["pinned"]) == (0, True, True), run


def vkey_for(name, public_key, sig_type=0x01):
    key_id = hashlib.sha256(name.encode() + b"\n" + bytes([sig_type]) + public_key).digest()[:4]
    return f"{name}+{key_id.hex()}+{base64.b64encode(bytes([sig_type]) + public_key).decode()}"


def test_wrong_pinned_key_fails(verifier, golden):
    other = nacl.signing.SigningKey(b"\x05" * 32).verify_key.encode()
    wrong = vkey_for(golden["origin"], other)
    run = verifier(GOLDEN_DIR / "bundles/valid", "--log-key", wrong, "--json")
    assert (run.rc, run.report["ok"]) == (1, False), run
    checks = {f["check"] for f in run.report["failures"]}
    assert {"logKey", "checkpoint"} <= checks, run
    assert run.first_failure["index"] is None, run


def test_missing_bundle_exits_2(verifier, tmp_path):
    run = verifier(tmp_path / "no-such-bundle", "--json")
    assert run.rc == 2, run


def test_bad_arguments_exit_2(verifier, golden):
    valid = GOLDEN_DIR / "bundles/valid"
    assert verifier(valid, "--log-key", "not-a-vkey").rc == 2
    assert verifier(valid, "--witness", golden["log_vkey"]).rc == 2   # type 0x01, not 0x04
    assert verifier(valid, "--quorum", "1").rc == 2                   # no witnesses given


def test_merkle_roots_and_leaves(verify_module, golden):
    lines = (GOLDEN_DIR / "bundles/valid/entries.jsonl").read_bytes().splitlines()
    leaves = [verify_module.leaf_hash(line) for line in lines]
    assert [base64.b64encode(h).decode() for h in leaves] == golden["leaf_hashes_b64"]
    for size, root in golden["roots_b64_by_size"].items():
        assert base64.b64encode(verify_module.merkle_root(leaves[:int(size)])).decode() == root


def test_merkle_reference_tree(verify_module):
    """The RFC 6962 reference tree (Certificate Transparency / transparency-dev data)."""
    ref = json.loads((GOLDEN_DIR.parent / "rfc6962/reference-tree-8-leaves.json").read_text())
    leaves = [verify_module.leaf_hash(bytes.fromhex(d)) for d in ref["leaf_inputs"]]
    for n, root in enumerate(ref["root_hashes"]):
        assert verify_module.merkle_root(leaves[:n]).hex() == root


def test_signing_message_example(verify_module, golden):
    lines = (GOLDEN_DIR / "bundles/valid/entries.jsonl").read_bytes().splitlines()
    event = json.loads(lines[2])["event"]
    assert verify_module.signing_message(event).hex() == golden["signing_message_example_hex"]


def test_golden_key_ids(verify_module, golden):
    keys = golden["keys"]
    for role in ("admin", "member", "other"):
        pk = nacl.signing.SigningKey(bytes.fromhex(keys[f"{role}_seed_hex"])).verify_key.encode()
        assert verify_module.key_id(pk) == keys[f"{role}_key_id"]
    log_pk = nacl.signing.SigningKey(bytes.fromhex(keys["log_seed_hex"])).verify_key.encode()
    assert vkey_for(golden["origin"], log_pk) == golden["log_vkey"]


def test_golden_checkpoints(verify_module, golden):
    for size, note in golden["checkpoints"].items():
        (origin, n, root), _ = verify_module.verify_checkpoint(note.encode(), golden["log_vkey"])
        assert (origin, n) == (golden["origin"], int(size))
        assert base64.b64encode(root).decode() == golden["roots_b64_by_size"][size]
    edited = golden["checkpoints"]["8"].replace("\n8\n", "\n9\n", 1).encode()
    with pytest.raises(ValueError):
        verify_module.verify_checkpoint(edited, golden["log_vkey"])


def test_sigsum_cosignature(verify_module):
    """A real cosignature/v1 (sigsum-go test data) re-encoded as a C2SP note line."""
    proof = json.loads((GOLDEN_DIR.parent / "sigsum/sigsum-proof-vectors.json").read_text())
    derived = proof["proofs"][0]["derived"]
    note = derived["checkpoint_signed_note"].encode()
    _, cosigners = verify_module.verify_checkpoint(note, derived["log_vkey"],
                                                   [derived["witness_vkey"]], 1)
    assert cosigners == [derived["witness_vkey"]]


def cosign(note, name, seed, timestamp, signed_timestamp=None):
    """Append a cosignature/v1 line (c2sp.org/tlog-cosignature) to a signed checkpoint note.
    `signed_timestamp` different from `timestamp` makes a line that must not verify."""
    key = nacl.signing.SigningKey(seed)
    public_key = key.verify_key.encode()
    key_id = hashlib.sha256(name.encode() + b"\n\x04" + public_key).digest()[:4]
    body = note[:note.index("\n\n") + 1].encode()
    signed = timestamp if signed_timestamp is None else signed_timestamp
    sig = key.sign(b"cosignature/v1\ntime %d\n" % signed + body).signature
    blob = base64.b64encode(key_id + timestamp.to_bytes(8, "big") + sig).decode()
    return note + f"\u2014 {name} {blob}\n", vkey_for(name, public_key, 0x04)


def test_witness_quorum(verifier, golden, tmp_path):
    bundle = tmp_path / "cosigned"
    shutil.copytree(GOLDEN_DIR / "bundles/valid", bundle)
    note = (bundle / "checkpoint").read_text()
    note, w1 = cosign(note, "example.org/witness-1", b"\x11" * 32, 1767225600)
    _, w2 = cosign(note, "example.org/witness-2", b"\x12" * 32, 1767225600)  # never added
    (bundle / "checkpoint").write_text(note)
    pin = ("--log-key", golden["log_vkey"], "--json")
    run = verifier(bundle, *pin, "--witness", w1)
    assert (run.rc, run.report["cosignatures"]) == (0, 1), run
    run = verifier(bundle, *pin, "--witness", w1, "--witness", w2, "--quorum", "1")
    assert (run.rc, run.report["cosignatures"]) == (0, 1), run
    run = verifier(bundle, *pin, "--witness", w1, "--witness", w2, "--quorum", "2")
    assert run.rc == 1 and run.first_failure["check"] == "checkpoint", run
    assert verifier(bundle, *pin).rc == 0   # unknown cosigners are ignored
    original = (GOLDEN_DIR / "bundles/valid/checkpoint").read_text()
    forged, _ = cosign(original, "example.org/witness-1", b"\x11" * 32, 1767225600, 1767225601)
    (bundle / "checkpoint").write_text(forged)
    run = verifier(bundle, *pin, "--witness", w1)
    assert run.rc == 1 and run.first_failure["check"] == "checkpoint", run
