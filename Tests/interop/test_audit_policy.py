"""The audit policy (Schemas/audit/policy.v1.json) against its schema (policy.v1.schema.json).

The shipped defaults must validate, every parameter they set must be described by the schema
(and nothing else), and the mistakes `coledger audit --policy` refuses must fail the schema too.
The Swift side (`AuditPolicyTests`) checks the embedded copy is this file byte for byte.
"""

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

REPO_ROOT = Path(__file__).resolve().parents[2]
AUDIT = REPO_ROOT / "Schemas" / "audit"


def load(name):
    return json.loads((AUDIT / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    schema = load("policy.v1.schema.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_the_defaults_validate(validator):
    errors = list(validator.iter_errors(load("policy.v1.json")))
    assert not errors, [e.message for e in errors]


def test_the_schema_describes_exactly_the_parameters_the_defaults_set():
    schema, defaults = load("policy.v1.schema.json"), load("policy.v1.json")
    assert set(schema["properties"]) == set(defaults)
    for section, values in defaults.items():
        if isinstance(values, dict):
            described = schema["properties"][section]["properties"]
            assert set(described) == set(values), section
            assert all(d.get("description") for d in described.values()), section


def test_a_policy_may_set_only_what_it_changes(validator):
    assert not list(validator.iter_errors({"policy": "coledger-audit/v1", "feedback": {"respondWithinDays": 60}}))


@pytest.mark.parametrize("change", [
    lambda p: p.update(policy="other"),
    lambda p: p["feedback"].update(acknowledgeWithinWorkingdays=2),
    lambda p: p["plan"].update(planStart="2023-4-1"),
    lambda p: p["bankHolidays"].update(calendar="scotland"),
    lambda p: p["governance"].update(maxVacancyDays="thirty"),
    lambda p: p["governance"].update(ebeMinShare=1.5),
    lambda p: p["feedback"].update(respondWithinDays=0),
], ids=["policy", "misspelt", "date", "calendar", "type", "share", "zero"])
def test_mistakes_fail(validator, change):
    policy = copy.deepcopy(load("policy.v1.json"))
    change(policy)
    assert list(validator.iter_errors(policy))
