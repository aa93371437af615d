"""Every route in Schemas/openapi/portal.v1.json answers with what the document says: a
documented status, the documented media type, and a body valid against the documented schema
(JSON Schema 2020-12, checked with the jsonschema package)."""

import json

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import REPO_ROOT, fetch

DOCUMENT = json.loads((REPO_ROOT / "Schemas" / "openapi" / "portal.v1.json").read_text())


REGISTRY = Registry().with_resource("urn:portal", Resource.from_contents(DOCUMENT, default_specification=DRAFT202012))


def validator(schema):
    """A validator for one schema of the document, its "#/components/..." references resolved in the document."""
    rebased = json.loads(json.dumps(schema).replace('"#/components/', '"urn:portal#/components/'))
    return jsonschema.Draft202012Validator(rebased, registry=REGISTRY)


def check(method, path, status, headers, body):
    operation = DOCUMENT["paths"][path][method.lower()]
    assert str(status) in operation["responses"], f"{method} {path} answered {status}, not documented"
    response = operation["responses"][str(status)]
    media = headers["content-type"].split(";")[0]
    assert media in response["content"], f"{method} {path} {status}: {media} not documented"
    schema = response["content"][media]["schema"]
    if media == "application/json":
        validator(schema).validate(json.loads(body))
    else:
        assert body


def calls(server):
    """(method, documented path, concrete URL, body) for every route, with real and wrong parameters."""
    register = json.loads(fetch(server.base + "/api/decisions")[2])
    decision = register["items"][-1]["decisionId"]
    action = json.loads(fetch(server.base + "/api/plan")[2])["actions"][0]["actionId"]
    return [
        ("GET", "/api/plan", "/api/plan", None),
        ("GET", "/api/you-said-we-did", "/api/you-said-we-did", None),
        ("GET", "/api/you-said-we-did", "/api/you-said-we-did?page=2", None),
        ("GET", "/api/you-said-we-did", "/api/you-said-we-did?page=-1", None),
        ("GET", "/api/you-said-we-did", "/api/you-said-we-did?outcome=change_made&from=2025-06&to=2026-03&size=20&q=we", None),
        ("GET", "/api/you-said-we-did", "/api/you-said-we-did?size=50", None),
        ("GET", "/api/you-said-we-did", "/api/you-said-we-did?from=2025-06-01", None),
        ("GET", "/api/decisions", "/api/decisions", None),
        ("GET", "/api/decisions", "/api/decisions?page=x", None),
        ("GET", "/api/decisions", "/api/decisions?outcome=approved&from=2025-04-01&to=2026-03-31&size=15", None),
        ("GET", "/api/decisions", "/api/decisions?outcome=change_made", None),
        ("GET", "/api/decisions/reviews-due", "/api/decisions/reviews-due", None),
        ("GET", "/api/decisions/reviews-due", "/api/decisions/reviews-due?as-of=2025-02-30", None),
        ("GET", "/api/actions/{actionId}", f"/api/actions/{action}", None),
        ("GET", "/api/actions/{actionId}", "/api/actions/NOPE-9", None),
        ("GET", "/api/decisions/{decisionId}", f"/api/decisions/{decision}", None),
        ("GET", "/api/decisions/{decisionId}", "/api/decisions/D-NOPE", None),
        ("POST", "/api/contributions", "/api/contributions", b'{"code": "0000-0000-0000-0000"}'),
        ("POST", "/api/contributions", "/api/contributions", b'{"code": "short"}'),
        ("POST", "/api/contributions", "/api/contributions", b'{}'),
        ("GET", "/api/verify", "/api/verify", None),
        ("GET", "/api/checkpoint", "/api/checkpoint", None),
        ("GET", "/api/proofs/{index}", "/api/proofs/5", None),
        ("GET", "/api/proofs/{index}", "/api/proofs/99999999", None),
        ("GET", "/api/proofs/{index}", "/api/proofs/x", None),
        ("GET", "/api/entries/{index}", "/api/entries/5", None),
        ("GET", "/api/entries/{index}", "/api/entries/99999999", None),
        ("GET", "/api/entries/{index}", "/api/entries/-3", None),
        ("GET", "/api/equity", "/api/equity", None),
        ("GET", "/api/equity", "/api/equity?page=2", None),
        ("GET", "/api/equity", "/api/equity?page=abc", None),
        ("GET", "/api/openapi.json", "/api/openapi.json", None),
    ]


def test_every_documented_route_is_called(server):
    called = {(m, p) for m, p, _, _ in calls(server)}
    documented = {(m.upper(), p) for p, ops in DOCUMENT["paths"].items() for m in ops}
    assert documented == called


def test_routes_answer_as_documented(server):
    for method, path, url, body in calls(server):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        status, got_headers, got = fetch(server.base + url, method=method, body=body, headers=headers)
        check(method, path, status, got_headers, got)


def test_served_document_is_the_file(server):
    status, headers, body = fetch(server.base + "/api/openapi.json")
    assert status == 200 and json.loads(body) == DOCUMENT
    assert DOCUMENT["openapi"].startswith("3.1")


def test_proof_verifies_against_the_checkpoint(server, demo):
    """An entry and its proof, both downloaded, check out with the independent checker's code:
    the checkpoint is signed by the log key and the path leads from the entry to its root."""
    import hashlib
    import importlib.util
    import sys

    sys.path.insert(0, str(REPO_ROOT / "Tools"))
    spec = importlib.util.spec_from_file_location("verify_evidence", REPO_ROOT / "Tools" / "verify_evidence.py")
    ve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ve)
    vkey = json.loads(fetch(server.base + "/api/verify")[2])["logKey"]
    for index in (0, 7, 1000):
        entry = fetch(f"{server.base}/api/entries/{index}")[2]
        got, hashes, note = ve.parse_tlog_proof(fetch(f"{server.base}/api/proofs/{index}")[2].decode())
        assert got == index
        (_, size, root), _ = ve.vb.verify_checkpoint(note.encode(), vkey)
        assert ve.root_from_inclusion(hashlib.sha256(b"\x00" + entry).digest(), index, size, hashes) == root


def test_document_is_the_generators_output():
    import importlib.util

    spec = importlib.util.spec_from_file_location("portal_openapi", REPO_ROOT / "Tools" / "schemas" / "portal_openapi.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.text() == (REPO_ROOT / "Schemas" / "openapi" / "portal.v1.json").read_text(), "run Tools/schemas/portal_openapi.py"
