"""`coledger mirror` checks entries with `verify`'s own pipeline, continuing from what it holds.

A mirror follows a log whose streams continue and whose keys change between two runs (so the second
run's checks start from the copy's stored keys, stream versions and ids, over several chunks), and
its copy exports the source's bytes. The same tiles mirrored under an admission policy the log does
not meet are refused at the first entry that fails, naming it, and nothing of the refused chunk is
stored.
"""

import json
import sqlite3

from fed import Coledger


def test_mirror_continues_checks_and_refuses_what_verify_refuses(tmp_path):
    c = Coledger(tmp_path)
    keys, tiles, vkey = c.published_log("checks.example/log", notes=600)
    copy = tmp_path / "copy.db"
    m = c("mirror", tiles, "--log-key", vkey, "--into", copy, "--catalogue", "none", "--json")
    assert json.loads(m.stdout)["size"] == 602

    # The same streams continue (versions 121 on), a second key is registered, the first revoked
    # and the second used: more than one chunk of 4096 entries.
    c("key", "new", "--out", keys / "second.key", "--name", "person/p-0002")
    c("key", "register", "--key", keys / "admin.key", keys / "second.key")
    c("import", "--key", keys / "member.key", "-", stdin=c.notes(600, 3000))
    member_id = json.loads(c("key", "show", keys / "member.key", "--json").stdout)["keyId"]
    c("key", "revoke", "--key", keys / "admin.key", member_id, "--reason", "device lost")
    c("import", "--key", keys / "second.key", "-", stdin=c.notes(3000, 6000))
    c("checkpoint")
    c("publish", "--tiles", tiles)
    m = c("mirror", tiles, "--log-key", vkey, "--into", copy, "--json")
    summary = json.loads(m.stdout)
    assert (summary["previousSize"], summary["copied"], summary["size"]) == (602, 5402, 6004), summary
    c("verify", "--ledger", copy)
    c("export", "--out", tmp_path / "source-bundle")
    c("export", "--ledger", copy, "--out", tmp_path / "copy-bundle")
    for name in ["entries.jsonl", "checkpoint", "log.vkey"]:
        assert (tmp_path / "source-bundle" / name).read_bytes() == (tmp_path / "copy-bundle" / name).read_bytes(), name
    # The copy's derived tables match the source's: keys (with registration positions) and streams.
    def rows(path, sql):
        with sqlite3.connect(path) as db:
            return db.execute(sql).fetchall()
    source = tmp_path / "ledger.db"
    for sql in ["SELECT key_id, public_key, registered_at, revoked_at, is_admin, holder FROM keys ORDER BY key_id",
                "SELECT stream, MAX(stream_version) FROM entries GROUP BY stream ORDER BY stream"]:
        assert rows(copy, sql) == rows(source, sql), sql

    # Under the pcref admission policy these example notes are refused, as `verify` refuses them.
    bad = tmp_path / "bad.db"
    p = c("mirror", tiles, "--log-key", vkey, "--into", bad, "--catalogue", "pcref", ok=False)
    assert p.returncode != 0, p
    assert "of the copied log: policy: pcref" in p.stderr, p.stderr
    first = int(p.stderr.split("entry ")[1].split(" ")[0])
    assert 0 < first < 4096, p.stderr
    # The refused chunk (the first 4096 entries) is not stored; the ledger holds no checkpoint.
    assert rows(bad, "SELECT COUNT(*) FROM entries") == [(0,)]
    assert rows(bad, "SELECT COUNT(*) FROM checkpoints") == [(0,)]
