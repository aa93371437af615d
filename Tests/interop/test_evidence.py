"""Evidence packs: `coledger provenance DECISION --evidence DIR`, checked offline by
Tools/verify_evidence.py, which must reject a pack with any entry or proof altered."""
import json
import shutil
import subprocess
import sys

from conftest import REPO_ROOT, Coledger

SCRIPT = REPO_ROOT / "Tools" / "verify_evidence.py"


def run_check(pack, *args):
    return subprocess.run([sys.executable, str(SCRIPT), str(pack), *map(str, args)], capture_output=True, text=True)


def test_evidence_pack_round_trip(coledger_bin, tmp_path):
    cli = Coledger(coledger_bin, tmp_path / "ledger")
    cli.init("example.org/coledger-evidence")
    member = cli.new_key("member")
    cli.register(member)
    admin = cli.keys / "admin.key"
    # Catalogue-valid events (the decisions and governance projections, which `provenance` reads,
    # fold only events that decode; the ledger itself has no policy).
    def feedback(fid, channel):
        return {"type": "feedback.received", "typeVersion": 1, "stream": f"feedback/{fid}", "payload": {
            "feedbackId": fid, "channel": channel, "receivedAt": "2026-01-05T10:00:00Z", "submitter": "anonymous",
            "language": "en", "consentToPublish": False, "contactConsent": False}}
    events = [
        (member, feedback("F-1", "survey")),
        (member, {"type": "contribution.recorded", "typeVersion": 1, "stream": "contribution/C-1", "payload": {
            "contributionId": "C-1", "personId": "p-1", "bodyId": "B-LEAB", "kind": "insight", "ladderRung": "co_design",
            "topicRefs": []}}),
        (admin, {"type": "decision.proposed", "typeVersion": 1, "stream": "decision/D-1", "payload": {
            "decisionId": "D-1", "bodyId": "B-X", "title": "Interpreters", "text": "Book interpreters.", "proposer": "p-1",
            "inputs": [{"kind": "feedback", "id": "F-1"}, {"kind": "contribution", "id": "C-1"}, {"kind": "feedback", "id": "F-404"}],
            "competencies": [], "pillars": [], "objectives": []}}),
        (admin, {"type": "meeting.held", "typeVersion": 1, "stream": "meeting/M-1", "payload": {
            "meetingId": "M-1", "bodyId": "B-X", "attendees": [
                {"personId": "p-1", "category": "ebe_lived", "role": "member"},
                {"personId": "p-2", "category": "staff", "role": "chair"},
                {"personId": "p-3", "category": "ebe_carer", "role": "member"}],
            "apologies": [], "quorumMet": True, "ebePresent": 2,
            "declarationsMade": [{"personId": "p-3", "itemRef": "D-1", "action": "recused"}]}}),
        (admin, {"type": "decision.recorded", "typeVersion": 1, "stream": "decision/D-1", "payload": {
            "decisionId": "D-1", "meetingId": "M-1", "outcome": "approved", "method": "consensus",
            "quorumSnapshot": {"present": 2, "required": 2, "met": True}, "ebePresentCount": 1, "recusals": ["p-3"],
            "rationale": "People asked for it.", "ladderRung": "co_production"}}),
        (admin, {"type": "action.created", "typeVersion": 1, "stream": "action/X-1", "payload": {
            "actionId": "X-1", "actionCode": "X-1", "area": "LG", "title": "Book interpreters", "competencies": [], "pillars": [],
            "objectives": [], "scope": "national", "ownerRoleId": "R-RJE-TEAM", "dueDate": "2026-12-31", "sourceDecisionId": "D-1",
            "sourceFeedbackIds": []}}),
        (admin, {"type": "action.status_changed", "typeVersion": 1, "stream": "action/X-1", "payload": {
            "actionId": "X-1", "status": "in_progress", "progressPct": 40, "note": "Booked for two forums.", "evidenceRefs": []}}),
        (member, feedback("F-2", "forum")),
    ]
    for key, event in events:
        cli.append(key, event)
    cli.run("checkpoint")
    shown = json.loads(cli.run("provenance", "D-1", "--json").stdout)
    assert shown["presentByCategory"] == {"ebe_lived": 1, "staff": 1}
    assert shown["recused"] == ["p-3"]
    assert [c["summary"] for c in shown["cited"]] == ["feedback F-1", "contribution C-1"]
    assert shown["citedMissing"] == ["feedback F-404"]
    assert [a["summary"] for a in shown["actions"]] == ["created action X-1", "action X-1 → in_progress (40%)"]

    pack = tmp_path / "pack"
    cli.run("provenance", "D-1", "--evidence", pack)
    log_key = (pack / "log.vkey").read_text().strip()
    manifest = json.loads((pack / "evidence.json").read_text())
    assert 0 in manifest["entries"] and len(manifest["entries"]) >= 8
    ok = run_check(pack, "--log-key", log_key, "--json")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert json.loads(ok.stdout)["ok"] is True

    # A changed byte in a cited entry breaks its inclusion proof (and its signature).
    bad = tmp_path / "bad"
    shutil.copytree(pack, bad)
    cited = shown["cited"][0]["index"]
    path = bad / "entries" / f"{cited}.json"
    path.write_bytes(path.read_bytes().replace(b'"survey"', b'"forum!"'))
    result = run_check(bad, "--log-key", log_key, "--json")
    assert result.returncode == 1
    assert {f["index"] for f in json.loads(result.stdout)["failures"]} == {cited}

    # Another log key is refused.
    other = run_check(pack, "--log-key", "example.org/coledger-evidence+00000000+AQ" + "A" * 42 + "=", "--json")
    assert other.returncode in (1, 2)


def test_prov_export(coledger_bin, tmp_path):
    """`export --prov` writes W3C PROV-JSON of feedback/contributions → decisions → actions."""
    cli = Coledger(coledger_bin, tmp_path / "ledger")
    cli.init("example.org/coledger-prov")
    admin = cli.keys / "admin.key"

    # Complete, catalogue-valid events (the export reads typed payloads): `coledger new TYPE`'s
    # example with the members this chain is about set.
    def event(type_name, stream, private=None, **members):
        skeleton = json.loads(cli.run("new", type_name).stdout)
        skeleton.pop("private", None)
        skeleton["stream"] = stream
        skeleton["payload"].update(members)
        if private:
            skeleton["private"] = private
        return skeleton

    for e in [
        event("person.registered", "person/p-1", private={"subject": "person/p-1", "data": {"name": "Secret Name"}}, personId="p-1"),
        event("feedback.received", "feedback/F-1", feedbackId="F-1", channel="survey", submitter="p-1"),
        event("contribution.recorded", "contribution/C-1", contributionId="C-1", personId="p-1", kind="insight"),
        event("decision.proposed", "decision/D-1", decisionId="D-1", title="Interpreters",
              inputs=[{"kind": "feedback", "id": "F-1"}, {"kind": "contribution", "id": "C-1"}]),
        event("meeting.held", "meeting/M-1", meetingId="M-1", bodyId="B-X"),
        event("decision.recorded", "decision/D-1", decisionId="D-1", meetingId="M-1", outcome="approved"),
        event("action.created", "action/X-1", actionId="X-1", actionCode="X-1", sourceDecisionId="D-1"),
        event("contribution.influence_traced", "contribution/C-1", contributionId="C-1", targetType="decision", targetId="D-1",
              influence="adopted"),
    ]:
        cli.append(admin, e)
    # Two more from `coledger new` unchanged, which the projections list beside the chain's.
    for type_name in ("action.created", "feedback.received"):
        skeleton = json.loads(cli.run("new", type_name).stdout)
        skeleton.pop("private", None)
        cli.append(admin, skeleton)
    expected_action = json.loads(cli.run("new", "action.created").stdout)["payload"]["actionCode"]
    expected_feedback = json.loads(cli.run("new", "feedback.received").stdout)["payload"]["feedbackId"]
    cli.run("checkpoint")
    out = tmp_path / "open"
    cli.run("export", "--out", out, "--prov", "--csv")
    prov = json.loads((out / "prov.json").read_text())
    import csv
    actions = list(csv.DictReader(open(out / "actions.csv", newline="")))
    assert sorted(a["code"] for a in actions) == sorted(["X-1", expected_action])
    feedback = list(csv.DictReader(open(out / "feedback.csv", newline="")))
    assert sorted(f["feedbackId"] for f in feedback) == sorted(["F-1", expected_feedback])
    assert "Secret Name" not in (out / "feedback.csv").read_text()
    assert "actions.csv" in (out / "README.md").read_text() and "prov.json" in (out / "README.md").read_text()
    assert "Secret Name" not in (out / "prov.json").read_text()
    assert (out / "README.md").read_text().startswith("# Coledger open export")
    derived = {(r["prov:generatedEntity"], r["prov:usedEntity"]) for r in prov["wasDerivedFrom"].values()}
    assert ("log:decision/D-1", "log:feedback/F-1") in derived
    assert ("log:decision/D-1", "log:contribution/C-1") in derived
    assert ("log:action/X-1", "log:decision/D-1") in derived
    generated = {(r["prov:entity"], r["prov:activity"]) for r in prov["wasGeneratedBy"].values()}
    assert generated == {("log:decision/D-1", "log:meeting/M-1")}
    attributed = {(r["prov:entity"], r["prov:agent"]) for r in prov["wasAttributedTo"].values()}
    assert ("log:contribution/C-1", "log:person/p-1") in attributed
    assert prov["entity"]["log:decision/D-1"]["coledger:logIndex"] == 4
    influenced = list(prov["wasInfluencedBy"].values())
    assert influenced[0]["prov:influencer"] == "log:contribution/C-1"
