#!/usr/bin/env python3
"""Check a Coledger evidence pack offline (written by `coledger provenance DECISION --evidence DIR`).

A pack holds the entries one decision rests on (the decision, the meeting, what it cited, the
actions it created, the genesis and its signers' key registrations), each as its exact bytes with a
c2sp.org/tlog-proof@v1 to one signed (and possibly cosigned) checkpoint. This checker needs no
ledger: it pins the log key, verifies the checkpoint, proves every entry is in the tree the
checkpoint commits to, replays the keys from the included registrations, and checks every
signature. It reuses the helpers of Tools/verify_bundle.py (PyNaCl, hashlib, rfc8785).

    verify_evidence.py DIR --log-key VKEY_OR_FILE [--witness VKEY]... [--quorum K] [--json]

Exit status: 0 valid, 1 invalid, 2 usage or I/O error.
"""
import argparse
import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify_bundle as vb  # noqa: E402


def root_from_inclusion(leaf, index, size, proof):
    """RFC 9162 section 2.1.3.2: the root an inclusion path leads to, or raise ValueError."""
    if index >= size:
        raise ValueError(f"index {index} is not in a tree of {size}")
    if any(len(h) != 32 for h in proof):
        raise ValueError("every proof hash must be 32 bytes")
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            raise ValueError("proof too long")
        if fn & 1 or fn == sn:
            r = vb.node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = vb.node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ValueError("proof too short")
    return r


def parse_tlog_proof(text):
    lines = text.split("\n")
    if lines[0] != "c2sp.org/tlog-proof@v1" or not lines[1].startswith("index "):
        raise ValueError("not a c2sp.org/tlog-proof@v1 file")
    index = int(lines[1][len("index "):])
    i, hashes = 2, []
    if lines[i].startswith("extra "):
        i += 1
    while lines[i] != "":
        hashes.append(base64.b64decode(lines[i], validate=True))
        i += 1
    return index, hashes, "\n".join(lines[i + 1:])


def check(pack, log_key, witnesses=(), quorum=0):
    failures = []
    manifest = json.load(open(os.path.join(pack, "evidence.json")))
    if manifest.get("format") != "coledger-evidence/v1":
        failures.append({"index": None, "check": "format", "detail": "evidence.json is not coledger-evidence/v1"})
    pack_vkey = open(os.path.join(pack, "log.vkey")).read().strip()
    if pack_vkey != log_key:
        failures.append({"index": None, "check": "logKey", "detail": f"log.vkey {pack_vkey} is not the pinned key"})
    note = open(os.path.join(pack, "checkpoint"), "rb").read()
    try:
        (origin, size, root), cosigners = vb.verify_checkpoint(note, log_key, witnesses, quorum)
    except ValueError as e:
        return manifest, [{"index": None, "check": "checkpoint", "detail": str(e)}]
    keys = {}
    for index in sorted(manifest["entries"]):
        raw = open(os.path.join(pack, "entries", f"{index}.json"), "rb").read()
        entry = json.loads(raw)
        if vb.rfc8785.dumps(entry) != raw:
            failures.append({"index": index, "check": "jcs", "detail": "entry bytes are not canonical JCS"})
        try:
            proof_index, hashes, proof_note = parse_tlog_proof(open(os.path.join(pack, "entries", f"{index}.tlog-proof")).read())
            if proof_index != index or proof_note.encode() != note:
                raise ValueError("the proof is for another index or another checkpoint")
            if root_from_inclusion(vb.leaf_hash(raw), index, size, hashes) != root:
                raise ValueError("the inclusion path does not lead to the checkpoint root")
        except (ValueError, IndexError, OSError) as e:
            failures.append({"index": index, "check": "inclusion", "detail": str(e)})
        event = entry["event"]
        if index == 0:
            for admin in event["payload"].get("admins", []):
                kid, pk = vb.registered_key(admin)
                keys[kid] = pk
            if event["payload"].get("logKey") != log_key:
                failures.append({"index": 0, "check": "genesis", "detail": "the genesis names another log key"})
        signer = event["signer"]
        if signer not in keys:
            failures.append({"index": index, "check": "signer", "detail": f"no registration of key {signer} in the pack before this entry"})
        elif not vb.ed25519_verify(keys[signer], vb.signing_message(event), base64.b64decode(entry["signature"])):
            failures.append({"index": index, "check": "signature", "detail": f"signature does not verify with key {signer}"})
        if event["type"] == "key.registered":
            kid, pk = vb.registered_key(event["payload"])
            keys[kid] = pk
    if 0 not in manifest["entries"]:
        failures.append({"index": None, "check": "genesis", "detail": "the pack lacks the genesis entry"})
    return manifest, failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pack")
    parser.add_argument("--log-key", required=True)
    parser.add_argument("--witness", action="append", default=[])
    parser.add_argument("--quorum", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        log_key = vb.vkey_argument(args.log_key)
        witnesses = [vb.vkey_argument(w, vb.SIG_TYPE_COSIGNATURE) for w in args.witness]
        manifest, failures = check(args.pack, log_key, witnesses, len(witnesses) if args.quorum is None else args.quorum)
    except (OSError, ValueError, KeyError, vb.UsageError) as e:
        print(f"verify_evidence: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"ok": not failures, "decision": manifest.get("decision"), "entries": manifest.get("entries"), "failures": failures}))
    elif failures:
        f = failures[0]
        print(f"FAIL{' at entry %d' % f['index'] if f['index'] is not None else ''}: {f['check']}: {f['detail']}")
    else:
        print(f"OK: decision {manifest['decision']}: {len(manifest['entries'])} entries proven in the checkpoint of size {manifest['checkpointSize']} and signed by registered keys")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
