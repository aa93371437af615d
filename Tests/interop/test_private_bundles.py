"""Personal data through the CLI: kept out of the log, exported only in restricted bundles that
both verifiers check, and gone after `coledger erase`."""
import json

from conftest import Coledger, run_verify_bundle

SECRET = "Amina said the crisis line never called back"


def test_private_data_round_trip_and_erasure(coledger_bin, tmp_path):
    cli = Coledger(coledger_bin, tmp_path / "ledger")
    cli.init("example.org/coledger-private")
    member = cli.new_key("member")
    cli.register(member)
    for n in range(4):
        subject = "person/p-0001" if n < 3 else "person/p-0002"
        cli.append(member, {"type": "example.note", "typeVersion": 1, "stream": f"feedback/{n}",
                            "payload": {"n": n},
                            "private": {"subject": subject, "data": {"text": SECRET, "n": n}}})
    log = cli.run("log", "--json").stdout
    assert SECRET not in log and "commitment" in log

    restricted = tmp_path / "restricted"
    cli.run("checkpoint")
    cli.run("export", "--out", restricted, "--include-private")
    log_key = (restricted / "log.vkey").read_text().strip()
    lines = (restricted / "private.jsonl").read_text().splitlines()
    assert len(lines) == 4
    ours = run_verify_bundle(restricted, "--log-key", log_key, "--json")
    theirs = cli.verify_bundle(restricted, log_key)
    assert (ours.rc, theirs.rc) == (0, 0), (ours, theirs)

    # Edit one private object: both verifiers reject it at that entry.
    item = json.loads(lines[1])
    item["private"]["text"] = "something else"
    lines[1] = json.dumps(item, separators=(",", ":"))
    (restricted / "private.jsonl").write_text("\n".join(lines) + "\n")
    ours = run_verify_bundle(restricted, "--log-key", log_key, "--json")
    theirs = cli.verify_bundle(restricted, log_key)
    assert (ours.rc, theirs.rc) == (1, 1)
    assert ours.first_failure["index"] == theirs.first_failure["index"] == item["index"]

    # Erase one subject: its data is gone from every output, and everything still verifies.
    admin = cli.keys / "admin.key"
    cli.run("erase", "--key", admin, "person/p-0001", "--request-ref", "DSR-1")
    assert cli.run("verify").rc == 0
    shown = cli.run("show", "3").stdout
    assert "erased" in shown and SECRET not in shown
    after = tmp_path / "after"
    cli.run("checkpoint")
    cli.run("export", "--out", after, "--include-private")
    held = (after / "private.jsonl").read_text().splitlines()
    assert len(held) == 1 and json.loads(held[0])["index"] == 5
    for path in after.iterdir():
        text = path.read_text()
        assert "p-0001" not in text or path.name == "entries.jsonl"
    assert run_verify_bundle(after, "--log-key", log_key, "--json").rc == 0
    assert cli.verify_bundle(after, log_key).rc == 0
    assert SECRET.encode() not in cli.db.read_bytes()
