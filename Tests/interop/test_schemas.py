"""The event payload schemas under Schemas/ checked by a JSON Schema validator.

Every `Schemas/events/*.schema.json` must be a valid draft 2020-12 schema; every
`Schemas/examples/<type>.v<version>.valid*.json` must validate against its type's schema and
every `.invalid*.json` must not. The Swift tests (`SchemaExamplesTests`) decode the same
examples, so the two stay in agreement. Format checking is off: `format` is an annotation, and
the Swift decoder's extra calendar checks (no 2026-02-30) are not exercised by the examples.

Needs `jsonschema` (with `referencing`): `python3 -m pip install jsonschema pytest`.
"""

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

REPO_ROOT = Path(__file__).resolve().parents[2]
EVENTS = REPO_ROOT / "Schemas" / "events"
EXAMPLES = REPO_ROOT / "Schemas" / "examples"
ID_BASE = "https://coledger.example/schemas/events/"
EXAMPLE_NAME = re.compile(r"^(?P<type>[a-z][a-z0-9]*(\.[a-z][a-z0-9_]*)+)\.v(?P<version>[1-9][0-9]*)"
                          r"\.(?P<kind>valid|invalid)(-(?P<n>[2-9]|[1-9][0-9]+))?\.json$")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


SCHEMA_FILES = sorted(EVENTS.glob("*.schema.json"))
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


@pytest.fixture(scope="module")
def registry():
    """Every schema under its $id, so `$ref`s between them resolve without the network."""
    resources = [(load(p)["$id"], Resource.from_contents(load(p), default_specification=DRAFT202012))
                 for p in SCHEMA_FILES]
    return Registry().with_resources(resources)


def test_there_are_schemas_and_examples():
    assert (EVENTS / "common.v1.schema.json").is_file()
    assert len(SCHEMA_FILES) > 1
    assert EXAMPLE_FILES


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path):
    schema = load(path)
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
    assert schema.get("$id") == ID_BASE + path.name
    Draft202012Validator.check_schema(schema)
    if path.name != "common.v1.schema.json":
        assert schema.get("type") == "object"
        assert schema.get("additionalProperties") is False
        assert set(schema.get("required", [])) <= set(schema.get("properties", {}))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_agrees_with_its_schema(path, registry):
    match = EXAMPLE_NAME.match(path.name)
    assert match, f"{path.name} does not follow <type>.v<version>.<valid|invalid>[-N].json"
    schema_path = EVENTS / f"{match['type']}.v{match['version']}.schema.json"
    assert schema_path.is_file(), f"{path.name}: no schema {schema_path.name}"
    validator = Draft202012Validator(load(schema_path), registry=registry)  # format checking off
    errors = sorted(validator.iter_errors(load(path)), key=lambda e: list(e.absolute_path))
    if match["kind"] == "valid":
        assert not errors, f"{path.name} should validate: " + "; ".join(
            f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)
    else:
        assert errors, f"{path.name} should not validate"


@pytest.mark.parametrize("path", [p for p in SCHEMA_FILES if p.name != "common.v1.schema.json"],
                         ids=lambda p: p.name)
def test_every_schema_has_valid_and_invalid_examples(path):
    stem = path.name[: -len(".schema.json")]
    assert (EXAMPLES / f"{stem}.valid.json").is_file(), f"{stem} has no valid example"
    assert (EXAMPLES / f"{stem}.invalid.json").is_file(), f"{stem} has no invalid example"
