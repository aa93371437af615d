#!/usr/bin/env python3
"""The portal's OpenAPI 3.1 document: the source of Schemas/openapi/portal.v1.json.

Edit the schemas here, then run this script: it writes the JSON file and embeds it in
Sources/LedgerPortal/API/OpenAPIDocument.swift (Tools/schemas/embed_openapi.py). Tests check the
file is this script's output (Tests/portal/test_api.py) and the embedded copy is the file
(LedgerPortalTests). The schemas mirror Sources/LedgerPortal/API/Models.swift; every object is
closed (additionalProperties false), so a field the document does not name fails the API tests.
"""
import json
import subprocess
import sys
from pathlib import Path
S = lambda **kw: kw
def obj(props, required=None, desc=None):
    o = {"type": "object", "additionalProperties": False, "properties": props,
         "required": sorted(required if required is not None else props.keys())}
    if desc: o["description"] = desc
    return o
string = {"type": "string"}
integer = {"type": "integer"}
boolean = {"type": "boolean"}
date = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
def arr(x): return {"type": "array", "items": x}
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def opt(props, optional):
    return [k for k in props if k not in optional]

group_props = {
    "code": S(type="string", description="The area, competency or pillar code (`all` for the whole plan)."),
    "name": S(type="string", description="Its plain-English name."),
    "total": integer, "done": integer, "inProgress": integer, "planned": integer, "blocked": integer, "cancelled": integer,
    "overdue": S(type="integer", description="Open and past due."),
    "meanProgressPct": S(type="integer", minimum=0, maximum=100, description="Mean reported progress of the actions that reported any, rounded down."),
}
action_props = {
    "actionId": string, "code": string, "area": string, "title": string, "scope": S(type="string", enum=["national", "regional", "local"]),
    "regionId": string, "regionName": S(type="string", description="The region's registered name."), "ownerRoleId": string, "dueDate": date,
    "status": S(type="string", enum=["planned", "in_progress", "blocked", "done", "cancelled"]),
    "progressPct": S(type="integer", minimum=0, maximum=100), "overdue": boolean, "stale": boolean,
    "competencies": arr(string), "pillars": arr(string), "lastChangeOn": date,
}
yousaid_props = {
    "feedbackId": string, "receivedIn": S(type="string", pattern="^[0-9]{4}-[0-9]{2}$", description="The month it arrived, not the day."),
    "channel": string, "youSaid": S(type="string", description="The moderated summary the person agreed to publish."),
    "weDid": string, "changeStatus": S(type="string", enum=["change_made", "change_planned", "no_change_with_reason", "referred"]),
    "whatChanged": string, "actionRef": string,
}
decision_props = {
    "decisionId": string, "title": string, "bodyId": string, "bodyName": S(type="string", description="The body's registered name."),
    "date": S(type="string", pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="The day of its latest outcome, or of its proposal while undecided."),
    "outcome": S(type="string", enum=["approved", "rejected", "deferred", "amended", "referred", "pending"]),
    "reviewed": S(type="string", description="The latest review's result (reaffirmed, varied, rescinded), if it was reviewed."),
    "meetingId": string, "proposedIndex": integer, "recordedIndex": integer,
    "ebePresent": S(type="integer", minimum=0, description="Experts by Experience present for it, from attendance less those recused."),
    "ebeMet": boolean, "quorumMet": boolean,
    "disagreements": S(type="array", items=string, description="Where the record and attendance disagree, in words."),
}
evidence_props = {
    "index": S(type="integer", minimum=0, description="The entry's index in the log."), "type": string, "occurredAt": string,
    "summary": string, "signer": S(type="string", description="The signing key id."),
    "signerHolder": S(type="string", description="The key holder's pseudonym, as registered in the public log."),
    "proof": S(type="string", pattern="^/api/proofs/[0-9]+$", description="Where to download the entry's inclusion proof, when a signed checkpoint covers it."),
}
checks_props = {
    "ebePresent": integer, "ebeRequired": integer, "ebeMet": boolean, "quorumPresent": integer, "quorumRequired": integer,
    "quorumMet": boolean, "recordedEbePresent": integer, "recordedQuorumMet": boolean, "disagreements": arr(string),
}
detail_props = {
    "decisionId": string, "title": string, "bodyId": string, "bodyName": S(type="string", description="The body's registered name."),
    "proposedBy": S(type="string", description="The proposer's pseudonym."),
    "outcome": S(type="string", enum=["approved", "rejected", "deferred", "amended", "referred", "pending"], description="Its latest outcome."),
    "method": S(type="string", enum=["consensus", "vote"], description="How it was decided, at its latest recording."),
    "rationale": S(type="string", description="Why, as recorded with its latest recording."),
    "tally": obj({"inFavour": integer, "against": integer, "abstained": integer}, desc="The vote count, when decided by vote."),
    "ladderRung": S(type="string", enum=["coercion", "educating", "informing", "consultation", "engagement", "co_design", "co_production"],
                    description="How far people with lived experience shared in it (the ladder of co-production)."),
    "reviewOn": S(type="string", pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="When it is to be reviewed."),
    "reviewed": S(type="string", description="The result of a review after that recording (reaffirmed, varied, rescinded)."),
    "meetingId": string, "meetingName": S(type="string", description="The meeting in words: its body's name and day."),
    "entries": arr(ref("EvidenceItem")), "meeting": ref("EvidenceItem"),
    "presentByCategory": arr(obj({"category": string, "count": integer})),
    "recusals": S(type="integer", description="How many people stepped out because of an interest (not who)."),
    "checks": obj(checks_props, opt(checks_props, ["quorumPresent", "quorumRequired", "quorumMet"]),
                  "The body's Expert-by-Experience and quorum rules for the item, from attendance, beside what was recorded."),
    "cited": arr(ref("EvidenceItem")), "citedMissing": arr(string), "actions": arr(ref("EvidenceItem")),
    "actionsNow": arr(obj({"actionId": string, "code": string, "title": string, "status": string, "progressPct": integer},
                          ["actionId", "code", "title", "status"])),
    "checkpointSize": integer,
}
answer_props = {
    "contributionId": string, "kind": string, "ladderRung": string, "contributedOn": date, "bodyId": string, "meetingId": string,
    "ownWords": S(type="string", enum=["none", "held", "erased", "not_held_here"], description="Whether the contributor's own words are held; they are never shown by the portal."),
    "sentences": arr(string),
    "discussedAt": arr(obj({"meetingId": string, "bodyId": string, "heldOn": date}, ["meetingId"])),
    "decisions": arr(obj({"decisionId": string, "title": string, "bodyId": string, "proposedOn": date,
                          "outcomes": arr(obj({"outcome": string, "meetingId": string, "decidedOn": date, "rationale": string, "index": integer}))})),
    "influences": arr(obj({"targetType": string, "targetId": string, "influence": string, "explanation": string, "recordedOn": date, "index": integer})),
    "stillOpen": arr(string), "index": integer,
}
checkpoint_props = {"size": integer, "root": S(type="string", description="Base64 RFC 6962 root hash."), "signedAt": string,
                    "note": S(type="string", description="The c2sp.org/signed-note checkpoint with any cosignatures."),
                    "signers": arr(string)}
rule_props = {"id": string, "title": string, "verdict": S(type="string", enum=["pass", "fail", "not_yet_due", "nothing_to_judge"]), "checked": integer, "findings": arr(string)}
audit_props = {"state": S(type="string", enum=["not_started", "running", "done", "failed"]), "asOf": date, "entries": integer, "passed": boolean,
               "integrityFailures": integer, "entitlementFailures": integer, "rules": arr(ref("AuditRule")),
               "recordingDelay": S(type="array", items=string, description="Transparency, not a rule: how long after it happened entries were recorded (overall, then the slowest event types and signers)."),
               "finishedAt": string, "error": string}
verify_props = {"origin": string, "logKey": S(type="string", description="The log's verifier key (vkey)."), "entries": integer,
                "checkpoint": ref("Checkpoint"), "audit": ref("AuditResult")}
proof = S(type="string", pattern="^/api/proofs/[0-9]+$", description="Where to download the entry's inclusion proof, when a signed checkpoint covers it.")
link_props = {"kind": S(type="string", enum=["decision", "feedback"]), "id": string,
              "title": S(type="string", description="A decision's title, or a feedback item's published summary."),
              "how": S(type="string", description="How it created or changed the action, in words."),
              "index": S(type="integer", minimum=0, description="The entry recording the decision's proposal or the feedback's receipt."),
              "proof": proof}
action_page_props = {
    "actionId": string, "code": string, "title": string, "area": string, "areaName": string,
    "scope": S(type="string", enum=["national", "regional", "local"]), "regionId": string, "regionName": string,
    "serviceId": string, "serviceName": string, "ownerRoleId": string, "ownerRoleName": string, "dueDate": date,
    "status": S(type="string", enum=["planned", "in_progress", "blocked", "done", "cancelled"]),
    "progressPct": S(type="integer", minimum=0, maximum=100), "overdue": boolean, "createdOn": date, "createdIndex": integer,
    "createdProof": proof,
    "history": arr(obj({"index": integer, "on": date, "from": string, "to": string, "progressPct": S(type="integer", minimum=0, maximum=100),
                        "note": string, "proof": proof}, ["index", "on", "from", "to", "note"])),
    "milestones": arr(obj({"index": integer, "title": string, "date": date, "evidence": S(type="string", description="The evidence, as kind:id."),
                           "proof": proof}, ["index", "title", "date", "evidence"])),
    "decisions": arr(obj(link_props, ["kind", "id", "how"])),
    "feedback": arr(obj(link_props, ["kind", "id", "how"])),
}
review_props = {"decisionId": string, "title": string, "reviewOn": date, "recordedIndex": integer, "reviewedIndex": integer,
                "reviewedOn": date, "result": S(type="string", enum=["reaffirmed", "varied", "rescinded"])}
def paged(item):
    return obj({"page": S(type="integer", minimum=1), "pageSize": S(type="integer", minimum=1), "pages": S(type="integer", minimum=1),
                "total": S(type="integer", minimum=0), "items": arr(ref(item))})
schemas = {
    "PlanGroup": obj(group_props, opt(group_props, ["meanProgressPct"]), "Actions in one group, by status."),
    "PlanAction": obj(action_props, opt(action_props, ["regionId", "regionName", "progressPct"]), "One action of the plan."),
    "PlanProgress": obj({"asOf": date, "entries": integer, "totals": ref("PlanGroup"), "byArea": arr(ref("PlanGroup")),
                         "byCompetency": arr(ref("PlanGroup")), "byPillar": arr(ref("PlanGroup")), "actions": arr(ref("PlanAction"))},
                        desc="The plan as of a date, grouped by area, competency and pillar."),
    "YouSaidItem": obj(yousaid_props, opt(yousaid_props, ["whatChanged", "actionRef"]), "One published \"you said, we did\" answer."),
    "YouSaidPage": paged("YouSaidItem"),
    "DecisionSummary": obj(decision_props, opt(decision_props, ["bodyName", "reviewed", "meetingId", "recordedIndex", "ebePresent", "ebeMet", "quorumMet"]),
                           "One decision in the register, with presence worked out from attendance."),
    "DecisionPage": paged("DecisionSummary"),
    "EvidenceItem": obj(evidence_props, opt(evidence_props, ["signerHolder", "proof"])),
    "DecisionDetail": obj(detail_props, opt(detail_props, ["title", "bodyId", "bodyName", "proposedBy", "meeting", "checks", "checkpointSize",
                                                          "method", "rationale", "tally", "ladderRung", "reviewOn", "reviewed",
                                                          "meetingId", "meetingName"]),
                          "A decision's provenance: its entries, who was present by category, what it cited and what it changed."),
    "ContributionAnswer": obj(answer_props, opt(answer_props, ["bodyId", "meetingId"]),
                              "What happened to one contribution, as its code shows it: nothing about the person."),
    "Checkpoint": obj(checkpoint_props),
    "AuditRule": obj(rule_props),
    "AuditResult": obj(audit_props, ["state", "rules"]),
    "VerifyStatus": obj(verify_props, opt(verify_props, ["checkpoint"])),
    "Error": obj({"error": S(type="string", description="What was wrong, in words."), "field": S(type="string", description="The field or parameter at fault.")}, ["error"]),
    "Figure": {"description": "A published figure: its value, or only the fact that small-number suppression hid it (no number at all).",
               "oneOf": [obj({"value": {"type": "number"}}), obj({"suppressed": {"const": True}})]},
    "EquityRow": obj({"group": string, "count": ref("Figure"), "denominator": ref("Figure"), "percent": ref("Figure"), "value": ref("Figure"),
                      "ratio": ref("Figure"), "difference": ref("Figure")}, ["group", "count"],
                     "One ethnic group's figures (counts rounded to 5, counts 1-7 and anything they could be worked out from hidden)."),
    "EquityTable": obj({"metricId": string, "code": string, "name": string, "unit": string, "counted": string, "outOf": string,
                        "measure": S(type="string", enum=["rate", "share", "value"]), "periodFrom": date, "periodTo": date, "scope": string,
                        "regionId": string, "regionName": string, "serviceId": string, "serviceName": string, "index": integer, "everyone": ref("EquityRow"), "rows": arr(ref("EquityRow")),
                        "notStated": ref("Figure"), "notKnown": ref("Figure")},
                       ["metricId", "code", "name", "unit", "counted", "measure", "periodFrom", "periodTo", "scope", "index", "everyone", "rows"],
                       "The latest observation of one metric for one place or service, by ethnic group (five groups, not stated and not known apart)."),
    "EquityPage": paged("EquityTable"),
    "ActionPage": obj(action_page_props, opt(action_page_props, ["regionId", "regionName", "serviceId", "serviceName", "ownerRoleName",
                                                                  "progressPct", "createdProof"]),
                      "An action: where it stands, its status history and milestones, and the decisions and feedback that changed it."),
    "ReviewDate": obj(review_props, opt(review_props, ["reviewedIndex", "reviewedOn", "result"]),
                      "A decision's review date, and the review after it if one was held."),
    "ReviewsDue": obj({"asOf": date, "due": arr(ref("ReviewDate")), "upcoming": arr(ref("ReviewDate"))},
                      desc="Decisions whose review date has come with no review since, and those whose date is still to come."),
    "Entry": {"type": "object", "required": ["event", "recordedAt", "signature"],
              "properties": {"event": {"type": "object"}, "recordedAt": string, "signature": string},
              "description": "A log entry exactly as stored (the Merkle leaf data, RFC 8785 canonical JSON); see Schemas/FORMAT.md."},
}
def err(desc): return {"description": desc, "content": {"application/json": {"schema": ref("Error")}}}
def ok(schema, desc): return {"description": desc, "content": {"application/json": {"schema": schema}}}
page_param = {"name": "page", "in": "query", "required": False, "description": "The page, from 1.", "schema": {"type": "integer", "minimum": 1}}
as_of_param = {"name": "as-of", "in": "query", "required": False,
    "description": "What had happened by this date (YYYY-MM-DD): events whose effective time is on or before the end of that UTC day, judged on it; as the CLI's --as-of.",
    "schema": date}
at_param = {"name": "at", "in": "query", "required": False,
    "description": "What the log said then: an entry index (entries before it), a date or RFC 3339 UTC time of recordedAt, `checkpoint` or `checkpoint:YYYY-MM-DD`; as the CLI's --at.",
    "schema": string}
point_params = [as_of_param, at_param]
def q(name, desc, schema=None): return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema or string}
code_schema = {"type": "string", "pattern": "^[A-Za-z0-9._:-]{1,64}$"}
size_param = q("size", "Items a page, 10 to 20 (default 10).", {"type": "integer", "minimum": 10, "maximum": 20})
text_param = q("q", "Text to search for (at most 100 characters).", {"type": "string", "maxLength": 100})
yousaid_filters = [
    q("region", "Only feedback about this region (its id).", code_schema), q("service", "Only feedback about this service (its id).", code_schema),
    q("theme", "Only feedback triaged with this theme.", code_schema),
    q("outcome", "Only answers with this change status.", {"type": "string", "enum": ["change_made", "change_planned", "no_change_with_reason", "referred"]}),
    q("from", "Only feedback received in or after this month (YYYY-MM): the list publishes months, not days.", {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}),
    q("to", "Only feedback received in or before this month (YYYY-MM).", {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}),
    text_param, size_param,
]
decision_filters = [
    q("region", "Only decisions of bodies in this region (its id).", code_schema), q("body", "Only decisions put to this body (its id).", code_schema),
    q("outcome", "Only decisions with this latest outcome.", {"type": "string", "enum": ["approved", "amended", "rejected", "deferred", "referred", "pending"]}),
    q("from", "Only decisions dated on or after this day.", date), q("to", "Only decisions dated on or before this day.", date),
    text_param, size_param,
]
filter_errors = {"400": err("A parameter (named in field: page, size, region, service, theme, body, outcome, from, to, q, as-of or at) is malformed."),
                 "404": err("Nothing had been recorded or had happened at that point (field: as-of or at).")}
point_errors = {"400": err("A parameter (named in field: page, as-of or at) is malformed."),
                "404": err("Nothing had been recorded or had happened at that point (field: as-of or at).")}
index_param = {"name": "index", "in": "path", "required": True, "description": "The entry's index in the log, from 0.", "schema": {"type": "integer", "minimum": 0}}
paths = {
    "/api/plan": {"get": {"operationId": "getPlan", "summary": "The plan's progress", "parameters": point_params,
        "responses": {"200": ok(ref("PlanProgress"), "The plan as of today (or the point asked for, or the server's --as-of date)."), **point_errors}}},
    "/api/you-said-we-did": {"get": {"operationId": "listYouSaid", "summary": "\"You said, we did\", newest first, searched and filtered",
        "description": "Every filter given must hold. A page past the end answers the last page.",
        "parameters": [page_param, *yousaid_filters, *point_params],
        "responses": {"200": ok(ref("YouSaidPage"), "One page of the list."), **filter_errors}}},
    "/api/contributions": {"post": {"operationId": "traceContribution", "summary": "What happened to a contribution, by its reference code",
        "description": "Posted rather than put in the address, so codes stay out of logs and histories. Rate-limited per client.",
        "requestBody": {"required": True, "content": {"application/json": {"schema": obj({"code": S(type="string", description="The 16-character code, e.g. 7KQ3-M9XD-1P4T-ZB2C; case, spaces and dashes do not matter.")})}}},
        "responses": {"200": ok(ref("ContributionAnswer"), "The contribution's trace."), "400": err("The body is not a JSON object with a string code."),
                      "404": err("No contribution has this code."), "415": err("The body is not application/json."),
                      "422": err("The code is not 16 base-32 characters."), "429": err("Too many look-ups from this client; see Retry-After.")}}},
    "/api/decisions": {"get": {"operationId": "listDecisions", "summary": "The decision register, newest first, searched and filtered",
        "description": "Every filter given must hold. A page past the end answers the last page.",
        "parameters": [page_param, *decision_filters, *point_params],
        "responses": {"200": ok(ref("DecisionPage"), "One page of the register."), **filter_errors}}},
    "/api/decisions/reviews-due": {"get": {"operationId": "listReviewsDue", "summary": "Decisions due for review, and those coming up",
        "parameters": point_params, "responses": {"200": ok(ref("ReviewsDue"), "Due and upcoming reviews, by date."), **point_errors}}},
    "/api/actions/{actionId}": {"get": {"operationId": "getAction", "summary": "An action: its status history, milestones, and what changed it",
        "parameters": [{"name": "actionId", "in": "path", "required": True, "schema": string}, *point_params],
        "responses": {"200": ok(ref("ActionPage"), "The action."), "400": point_errors["400"],
                      "404": err("No such action (at that point), or nothing had been recorded or had happened then.")}}},
    "/api/decisions/{decisionId}": {"get": {"operationId": "getDecision", "summary": "A decision's provenance",
        "parameters": [{"name": "decisionId", "in": "path", "required": True, "schema": string}, *point_params],
        "responses": {"200": ok(ref("DecisionDetail"), "The provenance."), "400": point_errors["400"],
                      "404": err("No such decision (at that point), or nothing had been recorded or had happened then.")}}},
    "/api/verify": {"get": {"operationId": "getVerify", "summary": "The latest signed checkpoint and the last audit",
        "responses": {"200": ok(ref("VerifyStatus"), "The record's key, size, checkpoint and audit.")}}},
    "/api/checkpoint": {"get": {"operationId": "getCheckpoint", "summary": "The latest checkpoint, with any cosignatures (c2sp.org/signed-note)",
        "responses": {"200": {"description": "The signed note.", "content": {"text/plain": {"schema": string}}}, "404": err("No checkpoint is signed yet.")}}},
    "/api/proofs/{index}": {"get": {"operationId": "getProof", "summary": "An entry's inclusion proof to the latest checkpoint (c2sp.org/tlog-proof@v1)",
        "parameters": [index_param],
        "responses": {"200": {"description": "The proof.", "content": {"text/plain": {"schema": string}}}, "400": err("The index is not a whole number."),
                      "404": err("No signed checkpoint covers this entry.")}}},
    "/api/entries/{index}": {"get": {"operationId": "getEntry", "summary": "An entry's exact bytes (public: its private part is only a salted commitment)",
        "parameters": [index_param],
        "responses": {"200": ok(ref("Entry"), "The entry."), "400": err("The index is not a whole number."), "404": err("No such entry.")}}},
    "/api/equity": {"get": {"operationId": "getEquity", "summary": "Metrics by ethnic group, with small numbers suppressed",
        "description": "Five tables a page. Never a suppressed figure: a hidden cell is {\"suppressed\": true} with no number.",
        "parameters": [page_param, *point_params],
        "responses": {"200": ok(ref("EquityPage"), "One page of tables."), **point_errors}}},
    "/api/openapi.json": {"get": {"operationId": "getOpenAPI", "summary": "This document", "responses": {"200": ok({"type": "object"}, "The OpenAPI document.")}}},
}
doc = {
    "openapi": "3.1.0",
    "info": {"title": "Coledger portal API", "version": "1.0.0",
             "description": "The data behind the Coledger web portal's pages (`coledger serve`), read from a signed, append-only log. Public fields only: no personal data, no private text, and no suppressed statistics (a hidden figure is {\"suppressed\": true} with no number). Every response carries the same security headers as the pages."},
    "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
    "paths": paths,
    "components": {"schemas": schemas},
}
def text():
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    (root / "Schemas" / "openapi" / "portal.v1.json").write_text(text(), encoding="utf-8")
    subprocess.run([sys.executable, str(root / "Tools" / "schemas" / "embed_openapi.py")], check=True)
