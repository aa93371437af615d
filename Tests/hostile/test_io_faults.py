"""I/O errors injected into a real `coledger` process: failing writes, fsyncs and reads.

`iofault.c` (compiled here with the system C compiler, loaded with LD_PRELOAD) makes the N-th
write, fsync or read on a regular file fail with EIO. For each path that changes the ledger or
writes files (append, checkpoint, erase, export) and each kind of call, the test first counts
how many such calls the command makes, then fails a spread of them (the first, the second, the
middle, the last two), each on a fresh copy of a small ledger, and checks what SQLite's own
I/O-error tests check:

- the command either succeeds or fails with one clear `coledger: error:` line and a normal exit
  status (no crash, no signal, no stack dump);
- afterwards `verify` is green, and the log holds exactly what it held before, or that plus the
  command's own entry (an fsync that fails after the commit frame reached the file can leave a
  transaction the process reported as failed: a retry with the same `--event-id` is safe);
- a failed export leaves no half-written bundle; a successful one verifies;
- the same command run again without the fault succeeds, and `verify` is still green.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import coledger_bin, env

HERE = Path(__file__).resolve().parent
OPS = ["write", "fsync", "read"]
PATHS = ["append", "checkpoint", "erase", "export"]
VERBOSE = bool(os.environ.get("COLEDGER_FAULT_VERBOSE"))


def note(text):
    """One line per injected fault with COLEDGER_FAULT_VERBOSE=1."""
    if VERBOSE:
        print(f"\n  {text}")


TOTALS = {"injected": 0, "failed cleanly": 0, "succeeded anyway": 0, "late commit": 0}


@pytest.fixture(scope="session")
def shim(tmp_path_factory):
    compiler = shutil.which("cc") or shutil.which("clang")
    if not compiler:
        pytest.fail("no C compiler (cc): `Tools/setup.sh --python` installs gcc")
    out = tmp_path_factory.mktemp("iofault") / "iofault.so"
    subprocess.run([compiler, "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o", str(out), str(HERE / "iofault.c"), "-ldl"],
                   check=True)
    return out


def cli(directory, *args, fault=None, timeout=120):
    e = env()
    e["COLEDGER_LEDGER"] = str(directory / "ledger.db")
    if fault:
        e.update(fault)
    return subprocess.run([coledger_bin(), *map(str, args)], capture_output=True, text=True, env=e, timeout=timeout,
                          cwd=directory)


def ok(directory, *args):
    proc = cli(directory, *args)
    assert proc.returncode == 0, f"{args}: {proc.stderr}"
    return proc


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    """A small ledger: genesis, a member key, a note, and a subject with personal data."""
    d = tmp_path_factory.mktemp("io-template")
    ok(d, "init", "--origin", "test.example/io", "--catalogue", "none")
    ok(d, "key", "new", "--out", d / "keys/member.key", "--name", "person/p-0001")
    ok(d, "key", "register", "--key", d / "keys/admin.key", d / "keys/member.key")
    (d / "note.json").write_text('{"type":"example.note","typeVersion":1,"stream":"io","payload":{"n":1}}')
    (d / "personal.json").write_text('{"type":"example.note","typeVersion":1,"stream":"personal","payload":{"n":1},'
                                     '"private":{"subject":"person/p-0009","data":{"name":"A. Person"}}}')
    ok(d, "append", "--key", d / "keys/member.key", d / "note.json")
    ok(d, "append", "--key", d / "keys/member.key", d / "personal.json")
    ok(d, "checkpoint")
    return d


def command(path, d):
    return {
        "append": ["append", "--key", d / "keys/member.key", d / "note.json"],
        "checkpoint": ["checkpoint"],
        "erase": ["erase", "--key", d / "keys/admin.key", "person/p-0009", "--request-ref", "ER-IO-1"],
        "export": ["export", "--out", d / "bundle"],
    }[path]


def size(d):
    """The log's size, from a `verify` that must be green."""
    return json.loads(ok(d, "verify", "--json").stdout)["size"]


def fresh(template, tmp_path, name):
    d = tmp_path / name
    shutil.copytree(template, d)
    return d


@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("path", PATHS)
def test_a_failing_call_leaves_the_ledger_whole(template, shim, tmp_path, op, path):
    # How many such calls the command makes when nothing fails.
    d = fresh(template, tmp_path, "count")
    count_file = tmp_path / "calls.txt"
    proc = cli(d, *command(path, d), fault={"LD_PRELOAD": str(shim), "COLEDGER_FAULT_OP": op,
                                            "COLEDGER_FAULT_COUNT": str(count_file)})
    assert proc.returncode == 0, proc.stderr
    calls = int(count_file.read_text())
    if calls == 0:
        pytest.skip(f"{path} makes no {op} call on a regular file")
    adds = 1 if path in ("append", "erase") else 0
    for n in sorted({1, 2, calls // 2, calls - 1, calls} & set(range(1, calls + 1))):
        d = fresh(template, tmp_path, f"{op}-{path}-{n}")
        before = size(d)
        hit = tmp_path / f"hit-{n}"
        proc = cli(d, *command(path, d), fault={"LD_PRELOAD": str(shim), "COLEDGER_FAULT_OP": op,
                                                "COLEDGER_FAULT_AT": str(n), "COLEDGER_FAULT_HIT": str(hit)})
        where = f"{path} with {op} call {n} of {calls} failing"
        assert hit.exists(), f"{where}: the fault never fired"
        TOTALS["injected"] += 1
        assert 0 <= proc.returncode < 128, f"{where}: exit {proc.returncode} (a signal?): {proc.stderr}"
        assert "Fatal error" not in proc.stderr and "Stack dump" not in proc.stderr, f"{where}: {proc.stderr}"
        after = size(d)  # verify is green (ok() asserts it)
        if proc.returncode == 0:
            TOTALS["succeeded anyway"] += 1
            note(f"{where}: succeeded")
            assert after == before + adds, f"{where}: acknowledged but the log holds {after - before} new entries"
        else:
            TOTALS["failed cleanly"] += 1
            lines = [line for line in proc.stderr.splitlines() if line.strip()]
            assert lines and lines[-1].startswith("coledger: error:"), f"{where}: unclear error: {proc.stderr}"
            assert "not a Coledger ledger" not in proc.stderr, f"{where}: an I/O error called the file foreign: {proc.stderr}"
            assert after in (before, before + adds), f"{where}: {after - before} new entries"
            if after != before:
                TOTALS["late commit"] += 1
            note(f"{where}: exit {proc.returncode}, {lines[-1][:160]}{' (committed)' if after != before else ''}")
            if path == "export":
                assert not (d / "bundle").exists(), f"{where}: a half-written bundle was left"
        # The next run, without the fault, is green.
        if path == "erase" and after != before:
            continue  # erased already: erasing again is refused by design
        if path == "export":
            shutil.rmtree(d / "bundle", ignore_errors=True)
        again = cli(d, *command(path, d))
        assert again.returncode == 0, f"{where}: the next run failed: {again.stderr}"
        assert size(d) == after + adds
        if path == "export":
            vkey = (d / "bundle" / "log.vkey").read_text().strip()
            ok(d, "verify", "--bundle", d / "bundle", "--log-key", vkey)


def test_zz_report_figures():
    """Prints what the suite injected (it runs after the parametrised cases)."""
    print(f"\nI/O faults: {TOTALS['injected']} injected (write, fsync, read x append, checkpoint, erase, export); "
          f"{TOTALS['failed cleanly']} failed with one clear error, {TOTALS['succeeded anyway']} succeeded anyway, "
          f"{TOTALS['late commit']} reported failure after the commit reached the file; verify green after every one")
    assert TOTALS["injected"] > 0
