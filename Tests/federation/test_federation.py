"""Three organisations federate, with real processes on loopback: each runs a ledger served by
`coledger serve` and a witness (`coledger witness serve`); each log's checkpoints are cosigned by
the three witnesses (policy: 2 of 3); an evaluator mirrors and monitors all three logs.

Then the operator of log A rewrites history (a log rebuilt from an old backup with the same keys)
and shows it to one witness and to the evaluator: the witness refuses, the mirror refuses and saves
the evidence, the monitor reports the split view with both checkpoints. Log C stops publishing and
is reported stale."""

import json
import threading
import time

from fed import Coledger, request, stop

ORGS = ["a", "b", "c"]


def events(p):
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


def test_three_organisations_witnesses_mirror_monitor_fork_and_stale(tmp_path):
    procs = []
    try:
        # Each organisation: a ledger with a member key, and a witness key.
        logs, vkeys, witness_vkeys = {}, {}, {}
        for org in ORGS:
            home = tmp_path / org
            home.mkdir()
            c = Coledger(home)
            c("init", "--origin", f"org-{org}.example/plan", "--catalogue", "none")
            c("key", "new", "--out", home / "keys/member.key", "--name", "person/p-0001")
            c("key", "register", "--key", home / "keys/admin.key", home / "keys/member.key")
            c("import", "--key", home / "keys/member.key", "-", stdin=c.notes(0, 300))
            c("checkpoint")
            c("export", "--out", home / "b0")
            vkeys[org] = (home / "b0/log.vkey").read_text().strip()
            c("key", "new", "--out", home / "witness.key", "--name", f"org-{org}.example/witness", "--role", "witness")
            witness_vkeys[org] = c("witness", "vkey", home / "witness.key").stdout.strip()
            logs[org] = c

        # Three witnesses, each following all three logs; three served logs.
        witness_urls, log_urls = {}, {}
        for org in ORGS:
            c = logs[org]
            c("witness", "init", "--state", c.home / "witness.json", *sum((["--log-key", vkeys[o]] for o in ORGS), []))
            proc, port = c.start("witness", "serve", "--key", c.home / "witness.key", "--state", c.home / "witness.json",
                                 "--port", "0")
            procs.append(proc)
            witness_urls[org] = f"http://127.0.0.1:{port}"
        for org in ORGS:
            proc, port = logs[org].start("serve", "--port", "0", "--audit-interval", "0")
            procs.append(proc)
            log_urls[org] = f"http://127.0.0.1:{port}"
        policy = tmp_path / "policy.txt"
        policy.write_text("# the federation: any two of the three organisations' witnesses\n"
                          + "".join(f"witness org-{o}.example/witness {witness_vkeys[o]} {witness_urls[o]}\n" for o in ORGS)
                          + "group federation 2 " + " ".join(f"org-{o}.example/witness" for o in ORGS) + "\nquorum federation\n")

        evaluator = Coledger(tmp_path / "evaluator")
        evaluator.home.mkdir()

        def round_of_growth(first, last):
            # The logs grow concurrently (one importer thread per organisation) while the
            # evaluator's mirror of log A follows the log as served.
            def grow(org):
                c = logs[org]
                c("import", "--key", c.home / "keys/member.key", "-", stdin=c.notes(first, last, stream=f"r{first}"))
                c("checkpoint", "--witness-policy", policy)

            threads = [threading.Thread(target=grow, args=(org,)) for org in ORGS]
            for t in threads:
                t.start()
            evaluator("mirror", log_urls["a"], "--log-key", vkeys["a"], "--into", evaluator.home / "a.db",
                      "--catalogue", "none")
            for t in threads:
                t.join()
            for org in ORGS:
                c = logs[org]
                c("verify", "--witness-policy", policy)
                m = evaluator("mirror", log_urls[org], "--log-key", vkeys[org], "--into", evaluator.home / f"{org}.db",
                              "--catalogue", "none", "--json")
                assert json.loads(m.stdout)["size"] == last + 2
                p = evaluator("monitor", log_urls[org], "--log-key", vkeys[org], "--state", evaluator.home / f"mon-{org}",
                              "--witness-policy", policy, "--catalogue", "none")
                kinds = {e["event"]: e for e in events(p)}
                assert "witnesses" in kinds and kinds["witnesses"]["ok"] is True, p.stdout
                assert "growth" in kinds and kinds["growth"]["to"] == last + 2, p.stdout

        # First the logs are cosigned as they are, then they grow twice.
        for org in ORGS:
            r = logs[org]("checkpoint", "--witness-policy", policy)
            assert "cosigned" in r.stderr
        round_of_growth(300, 600)
        # The operator of A keeps a backup now: later it will rebuild history from it.
        logs["a"]("backup", logs["a"].home / "old.db")
        round_of_growth(600, 900)

        # The evaluator's copies export the same bytes as the sources.
        for org in ORGS:
            logs[org]("export", "--out", logs[org].home / "final")
            evaluator("export", "--ledger", evaluator.home / f"{org}.db", "--out", evaluator.home / f"{org}-export")
            for name in ["entries.jsonl", "log.vkey"]:
                assert (logs[org].home / "final" / name).read_bytes() == (evaluator.home / f"{org}-export" / name).read_bytes()
            evaluator("verify", "--ledger", evaluator.home / f"{org}.db", "--log-key", vkeys[org],
                      "--witness-policy", policy)

        # Operator A rewrites history: from the backup, other entries, the same log key, a larger tree.
        forged = Coledger(logs["a"].home, ledger=logs["a"].home / "old.db")
        forged("import", "--key", logs["a"].home / "keys/member.key", "-", stdin=forged.notes(5000, 5400, stream="rewritten"))
        forged("checkpoint")
        # ... shows it to witness B, which cosigned the real log at size 902: refused, state unchanged.
        witness_b = json.loads((logs["b"].home / "witness.json").read_text())
        seen = next(l for l in witness_b["logs"] if l["origin"] == "org-a.example/plan")["size"]
        assert seen == 902
        req = forged("witness", "request", "--old", seen).stdout
        status, _, body = request("POST", witness_urls["b"] + "/add-checkpoint", req.encode())
        assert status == 422, (status, body)
        witness_b_after = json.loads((logs["b"].home / "witness.json").read_text())
        assert witness_b_after == witness_b
        # ... and asking all witnesses through the policy gets no cosignature: quorum not met (exit 4).
        assert forged("checkpoint", "--witness-policy", policy, ok=False).returncode == 4
        # ... and serves it to the evaluator.
        proc, port = forged.start("serve", "--port", "0", "--audit-interval", "0")
        procs.append(proc)
        forged_url = f"http://127.0.0.1:{port}"
        before = evaluator("log", "--ledger", evaluator.home / "a.db", "--json").stdout
        m = evaluator("mirror", forged_url, "--log-key", vkeys["a"], "--into", evaluator.home / "a.db",
                      "--evidence", evaluator.home / "a-fork-evidence.json", ok=False)
        assert m.returncode == 3 and "forked" in m.stderr, m.stderr
        evidence = json.loads((evaluator.home / "a-fork-evidence.json").read_text())
        assert evidence["kept"].split("\n")[1] == "902"
        assert evidence["received"].split("\n")[1] == "1002"  # the rebuilt log: 602 + 400 other entries
        assert evaluator("log", "--ledger", evaluator.home / "a.db", "--json").stdout == before
        p = evaluator("monitor", forged_url, "--log-key", vkeys["a"], "--state", evaluator.home / "mon-a",
                      "--witness-policy", policy, "--catalogue", "none", ok=False)
        assert p.returncode == 3, p.stdout + p.stderr
        split = [e for e in events(p) if e["event"] == "split-view"]
        assert split and split[0]["kept"].split("\n")[1] == "902" and split[0]["received"].split("\n")[1] == "1002"
        # Both checkpoints are kept in the monitor's state.
        kept = sorted(f.name.split("-")[0] for f in (evaluator.home / "mon-a" / "checkpoints").iterdir())
        assert "902" in kept and "1002" in kept

        # Log C stops publishing: its server is gone; the monitor reports it unreachable and stale.
        stop(procs[5])
        time.sleep(1.2)
        p = evaluator("monitor", log_urls["c"], "--log-key", vkeys["c"], "--state", evaluator.home / "mon-c",
                      "--stale-after", "1", "--catalogue", "none", ok=False)
        kinds = [e["event"] for e in events(p)]
        assert p.returncode == 4 and kinds == ["unreachable", "stale"], p.stdout
        # Log B, still up, is fine.
        p = evaluator("monitor", log_urls["b"], "--log-key", vkeys["b"], "--state", evaluator.home / "mon-b",
                      "--witness-policy", policy, "--catalogue", "none")
        assert [e["event"] for e in events(p)] == ["unchanged", "witnesses"]
    finally:
        for proc in procs:
            stop(proc)
