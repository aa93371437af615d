"""The plan templates under Schemas/templates checked by a JSON Schema validator.

Every event draft's payload must validate against its type's schema, and the genesis members
must validate as `ledger.genesis` members. The Swift tests (`PlanTemplateTests`) decode the same
payloads with the catalogue and append them under the PCREF admission policy.
"""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

REPO_ROOT = Path(__file__).resolve().parents[2]
EVENTS = REPO_ROOT / "Schemas" / "events"
TEMPLATES = sorted((REPO_ROOT / "Schemas" / "templates").glob("*.json"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry():
    resources = [(load(p)["$id"], Resource.from_contents(load(p), default_specification=DRAFT202012))
                 for p in EVENTS.glob("*.schema.json")]
    return Registry().with_resources(resources)


def errors(schema_name, instance, registry):
    validator = Draft202012Validator(load(EVENTS / schema_name), registry=registry)  # format checking off
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def test_there_are_templates():
    assert TEMPLATES


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_payload_validates(path, registry):
    template = load(path)
    assert path.name.startswith(template["template"] + ".v")
    problems = []
    for i, event in enumerate(template["events"]):
        assert "id" not in event, f"/events/{i} must not carry an id"
        schema = f"{event['type']}.v{event['typeVersion']}.schema.json"
        problems += [f"/events/{i}/payload{p}" for p in errors(schema, event["payload"], registry)]
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_genesis_members_validate(path, registry):
    genesis = dict(load(path)["genesis"])
    assert not {"origin", "logKey", "admins"} & set(genesis)
    genesis.update({
        "origin": "coledger.example/amhe",
        "logKey": "coledger.example/amhe+c08a346f+AZsfhHkc/HZjBFhU04netcqVRJ2HXydqg4QLBgqznPxx",
        "admins": [{"keyId": "e6d2606bbc80a2af", "publicKey": "3n9ewchOdqkwtHbfRPMQxYUnShevQ3GiP8nPPOm2GPc="}],
    })
    assert not errors("ledger.genesis.v1.schema.json", genesis, registry)
