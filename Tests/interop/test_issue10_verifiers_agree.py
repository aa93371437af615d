"""Issue 10: both verifiers give the same verdict and the same first failure on bundles that
once split them -- numbers outside the number rule (FORMAT.md 3.3: 2^53, 1e20, inexact
decimals), stream names over 256 bytes, a manifest contradicting its signed checkpoint, and a
substituted log.vkey (defect 11).

Each bundle is written here from scratch with PyNaCl, signed correctly, so that the property
under test is the only thing wrong with it.
"""

import base64
import hashlib
import subprocess

import nacl.signing
import pytest
import rfc8785

from conftest import Run, run_verify_bundle

ORIGIN = "example.org/issue10"
LOG_KEY = nacl.signing.SigningKey(b"\x07" * 32)
ADMIN = nacl.signing.SigningKey(b"\x08" * 32)
PLACEHOLDER = b"4242424242424"   # a safe integer swapped for the number under test after JCS


def b64(raw):
    return base64.b64encode(raw).decode()


def key_id(public_key):
    return hashlib.sha256(public_key).hexdigest()[:16]


def vkey(name, public_key):
    key_hash = hashlib.sha256(name.encode() + b"\n\x01" + public_key).digest()[:4]
    return f"{name}+{key_hash.hex()}+{b64(bytes([1]) + public_key)}"


LOG_VKEY = vkey(ORIGIN, LOG_KEY.verify_key.encode())
ADMIN_ID = key_id(ADMIN.verify_key.encode())


def event(n, kind, stream, payload):
    return {"v": 1, "id": f"00000000-0000-4000-8000-{n:012d}", "type": kind, "typeVersion": 1,
            "stream": stream, "streamVersion": 1, "occurredAt": "2026-02-01T10:00:00Z",
            "signer": ADMIN_ID, "payload": payload}


def entry_line(ev, number=None):
    """JCS entry bytes, signed over the event with `number` written where the placeholder was."""
    swap = (lambda b: b.replace(PLACEHOLDER, number.encode())) if number else (lambda b: b)
    message = b"coledger/event/v1\n" + swap(rfc8785.dumps(ev))
    signature = ADMIN.sign(message).signature
    return swap(rfc8785.dumps({"event": ev, "recordedAt": "2026-02-01T10:00:01.000Z",
                               "signature": b64(signature)}))


def write_bundle(directory, lines, manifest_extra=None, log_vkey=LOG_VKEY):
    directory.mkdir(parents=True)
    (directory / "entries.jsonl").write_bytes(b"".join(line + b"\n" for line in lines))
    root = merkle_root([hashlib.sha256(b"\x00" + line).digest() for line in lines])
    body = f"{ORIGIN}\n{len(lines)}\n{b64(root)}\n"
    key_hash = hashlib.sha256(ORIGIN.encode() + b"\n\x01" + LOG_KEY.verify_key.encode()).digest()[:4]
    signature = LOG_KEY.sign(body.encode()).signature
    (directory / "checkpoint").write_text(f"{body}\n\u2014 {ORIGIN} {b64(key_hash + signature)}\n")
    (directory / "log.vkey").write_text(log_vkey + "\n")
    manifest = {"format": "coledger-bundle/v1", "origin": ORIGIN, "size": len(lines)}
    manifest.update(manifest_extra or {})
    (directory / "manifest.json").write_bytes(rfc8785.dumps(manifest))
    return directory, b64(root)


def merkle_root(hashes):
    if len(hashes) == 1:
        return hashes[0]
    k = 1 << ((len(hashes) - 1).bit_length() - 1)
    return hashlib.sha256(b"\x01" + merkle_root(hashes[:k]) + merkle_root(hashes[k:])).digest()


def genesis():
    admin = {"keyId": ADMIN_ID, "publicKey": b64(ADMIN.verify_key.encode())}
    return entry_line(event(1, "ledger.genesis", "ledger",
                            {"origin": ORIGIN, "logKey": LOG_VKEY, "admins": [admin]}))


def bundle_with(tmp_path, number=None, stream="note/1", **kwargs):
    payload = {"hours": int(PLACEHOLDER)} if number else {"n": 1}
    note = entry_line(event(2, "example.note", stream, payload), number)
    return write_bundle(tmp_path / "bundle", [genesis(), note], **kwargs)


@pytest.fixture
def both(coledger_bin):
    """bundle -> (verify_bundle.py, coledger verify --bundle), both pinned to LOG_VKEY, --json."""
    def run(bundle):
        ours = run_verify_bundle(bundle, "--log-key", LOG_VKEY, "--json")
        theirs = Run(subprocess.run([str(coledger_bin), "verify", "--bundle", str(bundle), "--log-key",
                                     LOG_VKEY, "--json"], capture_output=True, text=True, timeout=120))
        return ours, theirs
    return run


def first(run):
    failure = run.first_failure
    return None if failure is None else (failure["index"], failure["check"])


@pytest.mark.parametrize("number", ["9007199254740992", "-9007199254740992", "9007199254740993",
                                    "100000000000000000000", "123456789012345680000",
                                    "0.30000000000000001"])
def test_numbers_outside_the_rule_fail_alike(tmp_path, both, number):
    bundle, _ = bundle_with(tmp_path, number)
    ours, theirs = both(bundle)
    assert (ours.rc, theirs.rc) == (1, 1), (ours, theirs)
    assert first(ours) == first(theirs) == (1, "format"), (ours, theirs)


@pytest.mark.parametrize("number", ["9007199254740991", "-9007199254740991", "1e+21", "0.1", "5e-324"])
def test_numbers_inside_the_rule_verify_alike(tmp_path, both, number):
    bundle, _ = bundle_with(tmp_path, number)
    ours, theirs = both(bundle)
    assert (ours.rc, theirs.rc) == (0, 0), (ours, theirs)


@pytest.mark.parametrize("length,valid", [(256, True), (257, False)])
def test_stream_names_over_256_bytes_fail_alike(tmp_path, both, length, valid):
    bundle, _ = bundle_with(tmp_path, stream="s" * length)
    ours, theirs = both(bundle)
    if valid:
        assert (ours.rc, theirs.rc) == (0, 0), (ours, theirs)
    else:
        assert first(ours) == first(theirs) == (1, "format"), (ours, theirs)


def test_manifest_contradicting_the_checkpoint_fails_alike(tmp_path, both):
    _, root = bundle_with(tmp_path / "true")
    ours, theirs = both(bundle_with(tmp_path / "right", manifest_extra={"root": root})[0])
    assert (ours.rc, theirs.rc) == (0, 0), (ours, theirs)
    empty_root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
    for name, extra in (("root", {"root": empty_root}), ("size", {"size": 3})):
        ours, theirs = both(bundle_with(tmp_path / name, manifest_extra=extra)[0])
        assert (ours.rc, theirs.rc) == (1, 1), (ours, theirs)
        for run in (ours, theirs):
            assert any(f["check"] == "manifest" and "contradicts" in f["detail"]
                       for f in run.report["failures"]), run


def test_substituted_log_vkey_is_named_log_key_by_both(tmp_path, both):
    """Defect 11: verify_bundle.py used to blame entry 0 (genesis) where coledger said logKey."""
    other = vkey(ORIGIN, nacl.signing.SigningKey(b"\x09" * 32).verify_key.encode())
    bundle, _ = bundle_with(tmp_path, log_vkey=other)
    ours, theirs = both(bundle)
    assert (ours.rc, theirs.rc) == (1, 1), (ours, theirs)
    assert first(ours) == first(theirs) == (None, "logKey"), (ours, theirs)
    assert not any(f["index"] == 0 for f in ours.report["failures"]), ours


def event_with(tmp_path, **members):
    """A bundle whose second entry's event carries `members` (causation, correlation, private)."""
    ev = event(2, "example.note", "note/1", {"n": 1})
    ev.update(members)
    return write_bundle(tmp_path / "bundle", [genesis(), entry_line(ev)])[0]


@pytest.mark.parametrize("member,value", [("causation", "not-a-uuid"),
                                          ("correlation", "00000000-0000-4000-8000-00000000000A"),
                                          ("causation", 7)])
def test_causation_and_correlation_that_are_not_uuids_fail_alike(tmp_path, both, member, value):
    ours, theirs = both(event_with(tmp_path, **{member: value}))
    assert (ours.rc, theirs.rc) == (1, 1), (ours, theirs)
    assert first(ours) == first(theirs) == (1, "format"), (ours, theirs)


SALT = bytes(range(32))
SECRET = {"name": "A. Person", "text": "private words\u2028on two lines\u0085"}  # LF-only framing


def private_bundle(tmp_path, lines):
    """A bundle whose entry 1 commits to SECRET under SALT, with `lines` as its private.jsonl."""
    commitment = b64(hashlib.sha256(SALT + rfc8785.dumps(SECRET)).digest())
    bundle = event_with(tmp_path, private={"subject": "person/p-1", "commitment": commitment})
    (bundle / "private.jsonl").write_bytes(b"".join(rfc8785.dumps(line) + b"\n" for line in lines))
    return bundle


def kept(index=1, salt=SALT, secret=SECRET, **extra):
    line = {"index": index, "salt": b64(salt), "private": secret}
    line.update(extra)
    return line


def test_a_matching_private_jsonl_verifies_alike(tmp_path, both):
    ours, theirs = both(private_bundle(tmp_path, [kept()]))
    assert (ours.rc, theirs.rc) == (0, 0), (ours, theirs)


@pytest.mark.parametrize("case,lines", [
    ("salt of 31 bytes", [kept(salt=SALT[:31])]),
    ("salt of 33 bytes", [kept(salt=SALT + b"\0")]),
    ("private not an object", [kept(secret="text")]),
    ("an extra member", [kept(note="x")]),
    ("a negative index", [kept(index=-1)]),
    ("an index with no commitment", [kept(index=0)]),
    ("an index beyond the log", [kept(index=9)]),
    ("a repeated index", [kept(), kept()]),
    ("another private object", [kept(secret={"name": "B. Person"})]),
])
def test_private_jsonl_faults_fail_alike(tmp_path, both, case, lines):
    ours, theirs = both(private_bundle(tmp_path, lines))
    assert (ours.rc, theirs.rc) == (1, 1), (case, ours, theirs)
    assert first(ours) == first(theirs), (case, ours, theirs)
    assert first(ours)[1] == "private", (case, ours)


def test_a_lone_surrogate_in_private_jsonl_fails_alike(tmp_path, both):
    """`\\uD800` alone is no Unicode scalar value (I-JSON): both parsers refuse the line, so
    neither verifier checks a commitment over text that cannot be encoded."""
    bundle = private_bundle(tmp_path, [])
    line = '{"index":1,"private":{"name":"\\ud800"},"salt":"%s"}\n' % b64(SALT)
    (bundle / "private.jsonl").write_text(line, encoding="ascii")
    ours, theirs = both(bundle)
    assert (ours.rc, theirs.rc) == (1, 1), (ours, theirs)
    assert first(ours) == first(theirs) == (None, "private"), (ours, theirs)


def test_a_surrogate_pair_in_private_jsonl_verifies_alike(tmp_path, both):
    """A pair of surrogate escapes is one scalar value (U+1F600) and is accepted by both."""
    secret = {"name": "\U0001F600"}
    commitment = b64(hashlib.sha256(SALT + rfc8785.dumps(secret)).digest())
    bundle = event_with(tmp_path, private={"subject": "person/p-1", "commitment": commitment})
    line = '{"index":1,"private":{"name":"\\ud83d\\ude00"},"salt":"%s"}\n' % b64(SALT)
    (bundle / "private.jsonl").write_text(line, encoding="ascii")
    ours, theirs = both(bundle)
    assert (ours.rc, theirs.rc) == (0, 0), (ours, theirs)
