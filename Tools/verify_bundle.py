#!/usr/bin/env python3
"""Independent verifier for Coledger bundles (coledger-bundle/v1, shared/spec/FORMAT.md).

Written from the format document alone, with no code shared with the Swift implementation.
Dependencies: Python 3.11 standard library, PyNaCl (libsodium) and rfc8785 (JCS).

    verify_bundle.py BUNDLE_DIR [--log-key VKEY_OR_FILE] [--witness VKEY]... [--quorum K] [--json]

Every check runs and every failure is collected; the report puts failures tied to an entry first
(lowest index first), then the others (size, root, checkpoint, ...), so the first failure is the
earliest point in the log where the bundle stops being trustworthy.
Exit status: 0 valid, 1 invalid, 2 usage or I/O error.
"""

import argparse
import base64
import datetime
import decimal
import hashlib
import json
import os
import re
import sys

import nacl.bindings
import nacl.exceptions
import nacl.signing
import rfc8785

BUNDLE_FORMAT = "coledger-bundle/v1"
EVENT_CONTEXT = b"coledger/event/v1\n"            # FORMAT.md 1: the signed-message prefix
EVENT_REQUIRED = {"v", "id", "type", "typeVersion", "stream", "streamVersion",
                  "occurredAt", "signer", "payload"}
EVENT_OPTIONAL = {"private", "causation", "correlation"}
ENTRY_MEMBERS = {"event", "recordedAt", "signature"}
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TYPE_RE = re.compile(r"[a-z][a-z0-9]*(\.[a-z][a-z0-9_]*)+")
KEY_ID_RE = re.compile(r"[0-9a-f]{16}")
TIME_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z")
SIG_TYPE_ED25519, SIG_TYPE_COSIGNATURE = 0x01, 0x04  # c2sp.org/signed-note signature types
MAX_SAFE_INTEGER = 2**53 - 1                          # FORMAT.md 3.3: the number rule
MAX_STREAM_BYTES = 256                                # FORMAT.md 2: the stream name rule


class UsageError(Exception):
    """Bad arguments or unreadable input: exit status 2."""


# ---------------------------------------------------------------- small helpers

def b64decode(text, length=None):
    """Strict, canonical standard base64 (with padding); None when malformed or wrong length."""
    if not isinstance(text, str):
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    if base64.b64encode(raw).decode() != text or (length is not None and len(raw) != length):
        return None
    return raw


def b64(raw):
    return base64.b64encode(raw).decode()


def key_id(public_key):
    """FORMAT.md 3: first 16 lower-case hex characters of SHA-256(public key)."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def is_int(value, minimum):
    return type(value) is int and value >= minimum  # bool is not an integer here


def is_utc_time(value):
    """RFC 3339 timestamp in UTC written with a capital Z."""
    m = TIME_RE.fullmatch(value) if isinstance(value, str) else None
    if not m:
        return False
    y, mo, d, h, mi, s = (int(g) for g in m.groups()[:6])
    try:
        datetime.datetime(y, mo, d, h, mi, min(s, 59))
    except ValueError:
        return False
    return s <= 60  # 60 = leap second


def ed25519_verify(public_key, message, signature):
    """libsodium's crypto_sign_verify_detached via PyNaCl."""
    try:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
        return True
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, ValueError, TypeError):
        return False


class NumberRuleError(ValueError):
    """A number the format's number rule refuses (FORMAT.md 3.3)."""


def number_rule(text, value):
    """FORMAT.md 3.3: `text` must denote exactly the value of the double `value` it is read as (the
    value of its shortest form: Python's repr has the same digits as ECMAScript's
    Number.prototype.toString), and an integer below 10^21 (which ECMAScript writes without an
    exponent) must lie within +-(2^53 - 1). Returns the double; raises NumberRuleError."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    if value != value or value in (float("inf"), float("-inf")):
        raise NumberRuleError(f"number {shown} is too large for a double")
    if MAX_SAFE_INTEGER < abs(value) < 1e21:
        raise NumberRuleError(f"number {shown} is an integer beyond +-(2^53 - 1)")
    if decimal.Decimal(text) != decimal.Decimal(repr(value)):
        raise NumberRuleError(f"number {shown} is not exactly a double (it would be read as {value!r})")
    return value


def ledger_int(text):
    """parse_int hook: a safe integer stays an int; a larger one must be exactly a double of at
    least 10^21 and is read as that double (as every JCS implementation reads it)."""
    value = int(text)
    if abs(value) <= MAX_SAFE_INTEGER:
        return value
    try:
        as_double = float(value)
    except OverflowError:
        raise NumberRuleError(f"number {text[:37]}... is too large for a double")
    return number_rule(text, as_double)


def ledger_float(text):
    """parse_float hook: see number_rule."""
    return number_rule(text, float(text))


def parse_json_strict(text):
    """json.loads that refuses duplicate member names, NaN/Infinity and every number outside the
    format's number rule (NumberRuleError)."""
    def no_duplicates(pairs):
        obj = {}
        for name, value in pairs:
            if name in obj:
                raise ValueError(f"duplicate member {name!r}")
            obj[name] = value
        return obj

    def no_constants(name):
        raise ValueError(f"non-finite number {name}")
    value = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants,
                       parse_int=ledger_int, parse_float=ledger_float)
    if "\\u" in text and re.search(r"\\u[dD][89a-fA-F]", text):
        refuse_lone_surrogates(value)
    return value


def refuse_lone_surrogates(value):
    """A \\uD800-\\uDFFF escape that does not form a pair is no Unicode scalar value: I-JSON
    (RFC 7493, which RFC 8785 requires) refuses it, as the Swift parser does."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("a string holds a lone surrogate escape")
    elif isinstance(value, dict):
        for name, member in value.items():
            refuse_lone_surrogates(name)
            refuse_lone_surrogates(member)
    elif isinstance(value, list):
        for member in value:
            refuse_lone_surrogates(member)


# ---------------------------------------------------------------- RFC 6962 Merkle tree

def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def merkle_root(leaf_hashes):
    """RFC 6962 Merkle Tree Hash over a list of leaf hashes (empty tree = SHA-256 of "")."""
    n = len(leaf_hashes)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaf_hashes[0]
    k = 1 << ((n - 1).bit_length() - 1)   # largest power of two smaller than n
    return node_hash(merkle_root(leaf_hashes[:k]), merkle_root(leaf_hashes[k:]))


def signing_message(event):
    """FORMAT.md 1: b"coledger/event/v1\\n" followed by JCS(event)."""
    return EVENT_CONTEXT + rfc8785.dumps(event)


# ---------------------------------------------------------------- signed notes (c2sp.org)

def note_key_id(name, sig_type, public_key):
    return hashlib.sha256(name.encode() + b"\n" + bytes([sig_type]) + public_key).digest()[:4]


def parse_vkey(vkey, sig_type=SIG_TYPE_ED25519):
    """`name+hex8+base64(type || key)` -> (name, 4-byte key id, 32-byte key); ValueError if bad."""
    parts = vkey.split("+", 2)   # the base64 part may itself contain '+'
    if len(parts) != 3 or not parts[0] or any(c.isspace() for c in parts[0]):
        raise ValueError(f"malformed vkey {vkey!r}")
    name, id_hex, blob = parts
    raw = b64decode(blob)
    if not re.fullmatch(r"[0-9a-f]{8}", id_hex) or raw is None or len(raw) != 33:
        raise ValueError(f"malformed vkey {vkey!r}")
    if raw[0] != sig_type:
        raise ValueError(f"vkey {vkey!r} has signature type {raw[0]:#04x}, want {sig_type:#04x}")
    if note_key_id(name, sig_type, raw[1:]).hex() != id_hex:
        raise ValueError(f"vkey {vkey!r}: key id does not match the key")
    return name, bytes.fromhex(id_hex), raw[1:]


def split_note(note):
    """Signed note bytes -> (text bytes incl. its final LF, [(name, signature bytes)])."""
    try:
        s = note.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("note is not UTF-8")
    cut = s.rfind("\n\n")
    if cut < 0 or not s.endswith("\n") or "\r" in s:
        raise ValueError("malformed note (needs text, a blank line, signature lines, final LF)")
    text, signatures = s[:cut + 1], []
    for line in s[cut + 2:-1].split("\n"):
        m = re.fullmatch(r"\u2014 (\S+) (\S+)", line)
        raw = b64decode(m.group(2)) if m else None
        if raw is None or len(raw) < 5:
            raise ValueError(f"malformed signature line {line!r}")
        signatures.append((m.group(1), raw))
    return text.encode(), signatures


def parse_checkpoint_body(text):
    """c2sp.org/tlog-checkpoint body -> (origin, size, 32-byte root)."""
    lines = text.decode().split("\n")[:-1]
    if len(lines) < 3 or not lines[0] or any(not line for line in lines[3:]):
        raise ValueError("checkpoint body needs origin, size and root lines")
    if not re.fullmatch(r"0|[1-9][0-9]*", lines[1]):
        raise ValueError(f"bad tree size {lines[1]!r}")
    root = b64decode(lines[2], 32)
    if root is None:
        raise ValueError(f"bad root hash {lines[2]!r}")
    return lines[0], int(lines[1]), root


def verify_checkpoint(note, log_vkey, witnesses=(), quorum=0):
    """Verify a checkpoint note. Returns ((origin, size, root), cosigners) or raises ValueError.

    The log signature must verify (every signature line with the log key's name and key id, at
    least one). Lines from unknown keys are ignored. Each given witness (type 0x04) counts once
    when it has a valid cosignature/v1 line; fewer than `quorum` of them is an error."""
    name, kid, pk = parse_vkey(log_vkey)
    text, signatures = split_note(note)
    origin, size, root = parse_checkpoint_body(text)
    if origin != name:
        raise ValueError(f"origin line {origin!r} is not the log key name {name!r}")
    mine = [sig[4:] for n, sig in signatures if n == name and sig[:4] == kid]
    if not mine:
        raise ValueError(f"no signature by the log key {name}+{kid.hex()}")
    if not all(len(sig) == 64 and ed25519_verify(pk, text, sig) for sig in mine):
        raise ValueError(f"signature with key id {kid.hex()} does not verify with the log key")
    cosigners = []
    for wvkey in witnesses:
        wname, wkid, wpk = parse_vkey(wvkey, SIG_TYPE_COSIGNATURE)
        for n, sig in signatures:
            if n != wname or sig[:4] != wkid:
                continue
            if len(sig) != 4 + 8 + 64:
                raise ValueError(f"malformed cosignature from {wname}")
            stamp = int.from_bytes(sig[4:12], "big")
            message = b"cosignature/v1\ntime %d\n" % stamp + text
            if not ed25519_verify(wpk, message, sig[12:]):
                raise ValueError(f"cosignature from witness {wname} does not verify")
            if wvkey not in cosigners:
                cosigners.append(wvkey)
    if len(cosigners) < quorum:
        raise ValueError(f"{len(cosigners)} valid witness cosignatures, quorum is {quorum}")
    return (origin, size, root), cosigners


# ---------------------------------------------------------------- entries and keys

def event_problems(event):
    """FORMAT.md 1: member names and value types of an event; [] when well-formed."""
    if not isinstance(event, dict):
        return ["event is not an object"]
    problems = []
    missing, extra = EVENT_REQUIRED - event.keys(), event.keys() - EVENT_REQUIRED - EVENT_OPTIONAL
    if missing:
        problems.append(f"missing members {sorted(missing)}")
    if extra:
        problems.append(f"unknown members {sorted(extra)}")
    text = lambda x: isinstance(x, str) and x != ""  # noqa: E731
    checks = {"v": lambda x: type(x) is int and x == 1,
              "id": lambda x: isinstance(x, str) and UUID_RE.fullmatch(x),
              "type": lambda x: isinstance(x, str) and TYPE_RE.fullmatch(x),
              "typeVersion": lambda x: is_int(x, 1),
              "stream": lambda x: text(x) and len(x.encode()) <= MAX_STREAM_BYTES,
              "streamVersion": lambda x: is_int(x, 1),
              "occurredAt": is_utc_time,
              "signer": lambda x: isinstance(x, str) and KEY_ID_RE.fullmatch(x),
              "payload": lambda x: isinstance(x, dict),
              "private": lambda x: (isinstance(x, dict) and x.keys() == {"subject", "commitment"}
                                    and text(x["subject"])
                                    and b64decode(x["commitment"], 32) is not None),
              "causation": lambda x: isinstance(x, str) and UUID_RE.fullmatch(x),
              "correlation": lambda x: isinstance(x, str) and UUID_RE.fullmatch(x)}
    for member, ok in checks.items():
        if member in event and not ok(event[member]):
            problems.append(f"bad {member}: {json.dumps(event[member])[:80]}")
    return problems


def entry_problems(entry):
    """FORMAT.md 2: {"event", "recordedAt", "signature"} and nothing else."""
    if not isinstance(entry, dict) or entry.keys() != ENTRY_MEMBERS:
        return [f"entry must be an object with exactly the members {sorted(ENTRY_MEMBERS)}"]
    return (event_problems(entry["event"])
            + ([] if is_utc_time(entry["recordedAt"]) else ["bad recordedAt"])
            + ([] if b64decode(entry["signature"], 64) else ["signature is not base64 of 64 bytes"]))


def registered_key(obj):
    """{"keyId": K, "publicKey": P}: valid canonical Ed25519 point whose key id is K -> (K, pk)."""
    if not isinstance(obj, dict):
        raise ValueError("key is not an object")
    pk = b64decode(obj.get("publicKey"), 32)
    if pk is None:
        raise ValueError("publicKey is not base64 of 32 bytes")
    if not nacl.bindings.crypto_core_ed25519_is_valid_point(pk):
        raise ValueError("publicKey is not a valid Ed25519 point")
    if obj.get("keyId") != key_id(pk):
        raise ValueError(f"keyId {obj.get('keyId')!r} is not SHA-256(publicKey)[:8] = {key_id(pk)}")
    return obj["keyId"], pk


# ---------------------------------------------------------------- the bundle

class BundleCheck:
    """One verification run. Every check appends to self.failures; nothing stops early."""

    FILES = ("manifest.json", "entries.jsonl", "checkpoint", "log.vkey", "private.jsonl")

    def __init__(self, bundle, log_key=None, witnesses=(), quorum=0):
        if not os.path.isdir(bundle):
            raise UsageError(f"{bundle}: " + ("not a directory" if os.path.exists(bundle)
                                              else "no such bundle directory"))
        self.files = {}
        for name in self.FILES:
            try:
                with open(os.path.join(bundle, name), "rb") as f:
                    self.files[name] = f.read()
            except FileNotFoundError:
                self.files[name] = None
        self.pinned, self.witnesses, self.quorum = log_key is not None, witnesses, quorum
        self.failures, self.cosigners, self.checkpoint = [], [], None
        self.manifest = {}
        self.keys = {}         # key id -> public key of every key that may sign now
        self.revoked = set()   # key ids revoked earlier in the log (never usable again)
        self.admins = set()    # key ids that may register and revoke keys
        self.event_ids, self.stream_versions, self.events = set(), {}, {}
        vkey_file = self.files["log.vkey"]
        self.bundle_vkey = vkey_file.decode(errors="replace").strip() if vkey_file else None
        self.log_key = log_key or self.bundle_vkey

    def fail(self, index, check, detail):
        self.failures.append({"index": index, "check": check, "detail": detail})

    def ordered_failures(self):
        """Entry failures by index (detection order within an entry), then the others."""
        return sorted(self.failures, key=lambda f: (f["index"] is None, f["index"] or 0))

    def run(self):
        for name in self.FILES[:4]:
            if self.files[name] is None:
                self.fail(None, "format", f"{name} is missing")
        self.check_log_key()
        self.check_manifest()
        self.check_checkpoint()
        data = self.files["entries.jsonl"] or b""
        lines = data.split(b"\n")   # line i is entry i's bytes followed by exactly one LF
        if lines[-1] == b"":
            lines.pop()
        elif data:
            self.fail(len(lines) - 1, "format", "entries.jsonl does not end with LF")
        self.size = len(lines)
        self.root = merkle_root([leaf_hash(line) for line in lines])
        for i, line in enumerate(lines):
            self.check_entry(i, line)
        self.check_size_and_root()
        if self.files["private.jsonl"] is not None:
            self.check_private(self.files["private.jsonl"])
        return self

    def check_log_key(self):
        """Pinned key (or, unpinned, the bundle's log.vkey) must be a valid Ed25519 vkey."""
        if self.pinned and self.bundle_vkey is not None and self.bundle_vkey != self.log_key:
            self.fail(None, "logKey", f"log.vkey {self.bundle_vkey!r} is not the pinned key")
        if self.log_key:
            try:
                parse_vkey(self.log_key)
            except ValueError as e:
                self.fail(None, "logKey", str(e))
                self.log_key = None

    def check_manifest(self):
        if self.files["manifest.json"] is None:
            return
        try:
            self.manifest = parse_json_strict(self.files["manifest.json"].decode())
        except (ValueError, UnicodeDecodeError) as e:
            self.fail(None, "format", f"manifest.json is not JSON ({e})")
        if not isinstance(self.manifest, dict):
            self.manifest = {}
        if self.manifest.get("format") != BUNDLE_FORMAT:
            self.fail(None, "format", f"manifest format {self.manifest.get('format')!r} is not "
                                      f"{BUNDLE_FORMAT!r}")
        if not isinstance(self.manifest.get("origin"), str) or \
                not is_int(self.manifest.get("size"), 0):
            self.fail(None, "format", "manifest needs a string origin and an integer size")

    def check_checkpoint(self):
        if self.files["checkpoint"] is None or not self.log_key:
            return
        try:
            self.checkpoint, self.cosigners = verify_checkpoint(
                self.files["checkpoint"], self.log_key, self.witnesses, self.quorum)
        except (ValueError, UnicodeDecodeError) as e:
            self.fail(None, "checkpoint", str(e))
            return
        origin = self.manifest.get("origin")
        if origin is not None and origin != self.checkpoint[0]:
            self.fail(None, "format", f"manifest origin {origin!r} is not the checkpoint origin "
                                      f"{self.checkpoint[0]!r}")

    def check_entry(self, i, line):
        """FORMAT.md 1-3 for entry i: JCS bytes, shape, id, stream version, key replay, signature."""
        if b"\r" in line:
            self.fail(i, "format", "entry contains a CR byte")
        try:
            entry = parse_json_strict(line.decode("utf-8"))
            canonical = rfc8785.dumps(entry)
        except NumberRuleError as e:  # a format rule, as coledger reports it
            self.fail(i, "format", f"not valid JSON: {e}")
            return
        except Exception as e:  # not UTF-8, not JSON, duplicate names, numbers outside I-JSON
            self.fail(i, "jcs", f"not canonicalisable JSON: {e}")
            return
        if canonical != line:
            self.fail(i, "jcs", "entry bytes are not canonical JCS (RFC 8785)")
        problems = entry_problems(entry)
        if problems:
            self.fail(i, "format", "; ".join(problems))
            return
        event = self.events[i] = entry["event"]
        if event["id"] in self.event_ids:
            self.fail(i, "duplicateId", f"event id {event['id']} already used earlier in the log")
        self.event_ids.add(event["id"])
        expected = self.stream_versions.get(event["stream"], 0) + 1
        if event["streamVersion"] != expected:
            self.fail(i, "streamVersion", f"stream {event['stream']!r}: streamVersion "
                                          f"{event['streamVersion']}, expected {expected}")
        self.stream_versions[event["stream"]] = event["streamVersion"]

        apply_change = self.check_key_event(i, event)
        signer = event["signer"]
        # Authorization policy (Schemas/FORMAT.md): only admin keys (the genesis admins and keys
        # registered with "role": "admin") may register or revoke keys.
        if i > 0 and event["type"] in ("key.registered", "key.revoked") and signer in self.keys \
                and signer not in self.admins:
            self.fail(i, "policy", f"{event['type']} must be signed by an admin key; {signer} is not one")
        if signer not in self.keys:
            state = "was revoked earlier" if signer in self.revoked else "was never registered"
            self.fail(i, "signer", f"signer {signer} {state}")
        elif not ed25519_verify(self.keys[signer], signing_message(event),
                                b64decode(entry["signature"], 64)):
            self.fail(i, "signature", f"Ed25519 signature does not verify with key {signer}")
        apply_change()   # a key registered or revoked here counts from the next entry on

    def check_key_event(self, i, event):
        """Key replay (FORMAT.md 3). Returns the state change to apply after the signature check.
        The genesis admins are registered at once: the genesis is signed by one of them."""
        payload, kind = event["payload"], event["type"]
        if (i == 0) != (kind == "ledger.genesis"):
            self.fail(i, "genesis", "entry 0, and only entry 0, must be ledger.genesis")
        elif kind == "ledger.genesis":
            self.check_genesis(payload)
        elif kind == "key.registered":
            try:
                kid, pk = registered_key(payload)
                if kid in self.keys or kid in self.revoked:
                    raise ValueError(f"key {kid} was already registered")
                admin = payload.get("role") == "admin"
                return lambda: (self.keys.__setitem__(kid, pk), admin and self.admins.add(kid))
            except ValueError as e:
                self.fail(i, "key", f"key.registered: {e}")
        elif kind == "key.revoked":
            kid = payload.get("keyId")
            if kid in self.keys:
                return lambda: (self.revoked.add(kid), self.keys.pop(kid))
            self.fail(i, "key", f"key.revoked: {kid!r} is not an active key")
        return lambda: None

    def check_genesis(self, payload):
        """ledger.genesis names the origin, the log key and the first admin keys."""
        origin = payload.get("origin")
        for source, value in (("manifest", self.manifest.get("origin")),
                              ("checkpoint", self.checkpoint and self.checkpoint[0])):
            if value is not None and origin != value:
                self.fail(0, "genesis", f"origin {origin!r} is not the {source} origin {value!r}")
        # Compared with the key in use (the pinned one when pinned). When log.vkey is already a
        # `logKey` failure the key is known to be wrong, and that is the failure to name, not
        # entry 0 (as coledger does).
        vkey = self.log_key
        key_failed = any(f["check"] == "logKey" for f in self.failures)
        if vkey is not None and not key_failed and payload.get("logKey") != vkey:
            self.fail(0, "genesis", f"logKey {payload.get('logKey')!r} is not the log key {vkey!r}")
        admins = payload.get("admins")
        if not isinstance(admins, list) or not admins:
            self.fail(0, "genesis", "admins must be a non-empty list")
            return
        for admin in admins:
            try:
                kid, pk = registered_key(admin)
                self.keys[kid] = pk
                self.admins.add(kid)
            except ValueError as e:
                self.fail(0, "genesis", f"admin key: {e}")

    def check_size_and_root(self):
        size = self.manifest.get("size")
        if size is not None and size != self.size:
            self.fail(None, "size", f"manifest size {size!r}, entries.jsonl has {self.size}")
        if self.checkpoint:
            if self.checkpoint[1] != self.size:
                self.fail(None, "size", f"checkpoint size {self.checkpoint[1]}, entries.jsonl "
                                        f"has {self.size}")
            if self.checkpoint[2] != self.root:
                self.fail(None, "root", f"computed root {b64(self.root)} is not the checkpoint "
                                        f"root {b64(self.checkpoint[2])}")
        self.check_manifest_against_checkpoint()

    def check_manifest_against_checkpoint(self):
        """FORMAT.md 8.1: the manifest's size and root, when given, are the signed checkpoint's."""
        note = self.files["checkpoint"]
        try:
            _, size, root = parse_checkpoint_body(split_note(note)[0]) if note else (None,) * 3
        except (ValueError, UnicodeDecodeError):
            return   # reported as `checkpoint`
        if size is None:
            return
        if "size" in self.manifest and not (is_int(self.manifest["size"], 0)
                                            and self.manifest["size"] == size):
            self.fail(None, "manifest", f"manifest size {self.manifest['size']!r} contradicts the "
                                        f"signed checkpoint's size {size}")
        if "root" in self.manifest and self.manifest["root"] != b64(root):
            self.fail(None, "manifest", f"manifest root {self.manifest['root']!r} contradicts the "
                                        f"signed checkpoint's root {b64(root)}")

    def check_private(self, data):
        """Each retained private object must match its entry's commitment (FORMAT.md 2.5, 8.2).

        The same checks in the same order as Bundle.checkPrivate in Swift, so that both name the
        same first failure: a line that is not exactly {index >= 0, salt of 32 bytes, private
        object} names no entry; a repeated index, an index with no commitment and a mismatch name
        the index when it is one of the log's entries."""
        seen = set()
        for n, line in enumerate(data.split(b"\n"), 1):   # LF only, as in Swift (not U+2028)
            if not line:
                continue
            try:
                item = parse_json_strict(line.decode("utf-8"))
                assert isinstance(item, dict) and item.keys() == {"index", "salt", "private"}
                assert is_int(item["index"], 0) and isinstance(item["private"], dict)
                salt = b64decode(item["salt"], 32)
                assert salt is not None
            except (ValueError, AssertionError):
                self.fail(None, "private", f"private.jsonl line {n}: not {{index, salt (32 bytes), "
                                           "private}")
                continue
            i = item["index"]
            named = i if i < self.size else None
            if i in seen:
                self.fail(named, "private", f"private.jsonl line {n} repeats entry {i}")
                continue
            seen.add(i)
            event = self.events.get(i)
            if event is None or "private" not in event:
                self.fail(named, "private", f"private.jsonl line {n} names an entry with no "
                                            "private commitment")
                continue
            commitment = b64(hashlib.sha256(salt + rfc8785.dumps(item["private"])).digest())
            if commitment != event["private"]["commitment"]:
                self.fail(i, "private", f"SHA-256(salt || JCS(private)) = {commitment}, the entry "
                                        f"commits to {event['private']['commitment']}")


def verify_bundle(bundle, log_key=None, witnesses=(), quorum=0):
    """Check a bundle directory against FORMAT.md sections 1-6; returns the finished run."""
    return BundleCheck(bundle, log_key, witnesses, quorum).run()


# ---------------------------------------------------------------- command line

def vkey_argument(value, sig_type=SIG_TYPE_ED25519):
    """A vkey string, or the path of a file holding one."""
    if os.path.isfile(value):
        try:
            with open(value, encoding="utf-8") as f:
                value = f.read().strip()
        except (OSError, UnicodeDecodeError) as e:
            raise UsageError(f"cannot read key file: {e}")
    try:
        parse_vkey(value, sig_type)
    except ValueError as e:
        raise UsageError(str(e))
    return value


def main(argv=None):
    ap = argparse.ArgumentParser(description="Verify a Coledger bundle (FORMAT.md v1).")
    ap.add_argument("bundle", help="bundle directory")
    ap.add_argument("--log-key", help="pinned log vkey, or a file containing it")
    ap.add_argument("--witness", action="append", default=[],
                    help="witness cosignature vkey (type 0x04); repeatable")
    ap.add_argument("--quorum", type=int, help="valid witness cosignatures required "
                                               "(default: all given witnesses)")
    ap.add_argument("--json", action="store_true", help="machine-readable report")
    args = ap.parse_args(argv)
    try:
        log_key = vkey_argument(args.log_key) if args.log_key else None
        witnesses = [vkey_argument(w, SIG_TYPE_COSIGNATURE) for w in args.witness]
        quorum = len(witnesses) if args.quorum is None else args.quorum
        if not 0 <= quorum <= len(witnesses):
            raise UsageError(f"--quorum {quorum} needs at least that many --witness keys")
        report = verify_bundle(args.bundle, log_key, witnesses, quorum)
    except (UsageError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    failures = report.ordered_failures()
    if args.json:
        print(json.dumps({"ok": not failures, "size": report.size, "root": b64(report.root),
                          "logKey": report.log_key, "pinned": report.pinned,
                          "cosignatures": len(report.cosigners), "failures": failures},
                         ensure_ascii=False, indent=1))
    else:
        pin = "pinned" if report.pinned else \
            "NOT PINNED: taken from the bundle's own log.vkey, pass --log-key to pin it"
        if failures:
            first = failures[0]
            where = "" if first["index"] is None else f" at entry {first['index']}"
            print(f"FAIL{where}: {first['check']}: {first['detail']}")
            if len(failures) > 1:
                print(f"({len(failures) - 1} more failure(s); --json lists them all)")
            print(f"log key {report.log_key} ({pin})")
        else:
            wit = f", {len(report.cosigners)} witness cosignature(s)" if witnesses else ""
            print(f"OK: {report.size} entries, root {b64(report.root)}, checkpoint verified with "
                  f"{report.log_key} ({pin}){wit}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
