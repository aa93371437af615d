#!/usr/bin/env python3
"""Generate the JSON Schemas of catalogue groups F-K from their Swift payload types.

The Swift structs in Sources/LedgerDomain/Groups/Group[F-K]*.swift are the source of truth:
each member's type, doc comment and decoding line (`x = try c.fkString(.x, .id)`,
`c.fkArrayIfPresent(.y, minItems: 1)` ...) fixes its schema; the string formats come from
Support/FKFormat.swift and the value lists from the `String` enums in Support/. Rules that span
members (e.g. changeDescription unless no_change_with_reason) are listed in CONDITIONS below and
enforced by the same types' `init(from:)`.

Usage: python3 Tools/schemas/gen_fk_schemas.py [--check]   (from the repository root)
--check exits 1 if a committed schema differs from what would be generated.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SRC = ROOT / "Sources" / "LedgerDomain"
OUT = ROOT / "Schemas" / "events"
BASE = "https://coledger.example/schemas/events/"
MAX_COUNT = 9007199254740991

SUPPORT_FILES = ["FKFormat.swift", "SharedEnums.swift", "FeedbackEnums.swift", "InvolvementEnums.swift", "MetricEnums.swift",
                 "ReportingEnums.swift", "PartnershipEnums.swift", "PrivacyEnums.swift", "EthnicityCode.swift"]


def group_files():
    return sorted(p for p in (SRC / "Groups").glob("Group*.swift") if re.match(r"Group[F-K]", p.name))


# --- a small scanner for the declarations we write -------------------------------------------------

DECL = re.compile(r"^\s*public (enum|struct) (\w+)\s*(?::\s*([^{]*))?\{")
EXT = re.compile(r"^\s*extension (\w+)\s*\{")


class Decl:
    def __init__(self, kind, path, conformances, doc):
        self.kind, self.path, self.conformances, self.doc = kind, path, conformances, doc
        self.cases = []          # enum: raw values
        self.members = []        # struct: (name, type, doc)
        self.decodes = {}        # struct: name -> decoding call text
        self.statics = {}        # struct: static let name = "value"


def scan(files):
    """Finds public String enums (their raw values) and public structs (members, docs, decoding lines)."""
    decls = {}
    for f in files:
        stack = []  # (declaration path or "ext:Name", brace depth before it opened)
        depth = 0
        doc = []
        for line in f.read_text().splitlines():
            stripped = line.strip()
            m = DECL.match(line)
            e = EXT.match(line)
            current = stack[-1][0] if stack else None
            if m:
                kind, name, conf = m.group(1), m.group(2), (m.group(3) or "")
                parents = [s for s, _ in stack if not s.startswith("ext:")]
                path = ".".join(([parents[-1]] if parents else []) + [name])
                decls[path] = Decl(kind, path, conf, " ".join(d for d in doc if d))
                stack.append((path, depth))
            elif e:
                stack.append(("ext:" + e.group(1), depth))
            elif current is not None:
                owner = decls.get(current[4:] if current.startswith("ext:") else current)
                at_body = depth == stack[-1][1] + 1
                if owner and owner.kind == "enum" and at_body and stripped.startswith("case ") and "String" in owner.conformances:
                    for part in [p.strip() for p in stripped[5:].split(",")]:
                        cm = re.match(r'^`?(\w+)`?(?:\s*=\s*"([^"]*)")?$', part)
                        if cm:
                            owner.cases.append(cm.group(2) if cm.group(2) is not None else cm.group(1))
                if owner and owner.kind == "struct":
                    vm = re.match(r"^\s*public var (\w+): ([^{=]+)$", line)
                    if vm and at_body and not current.startswith("ext:"):
                        owner.members.append((vm.group(1), vm.group(2).strip(), " ".join(d for d in doc if d)))
                    sm = re.match(r'^\s*public static let (\w+) = "(.*)"$', line)
                    if sm:
                        owner.statics[sm.group(1)] = sm.group(2).replace('\\"', '"')
                    tv = re.match(r"^\s*public static let typeVersion = (\d+)$", line)
                    if tv:
                        owner.statics["typeVersion"] = tv.group(1)
                    dm = re.match(r"^\s*(\w+) = (?:try )?c\.(.*)$", line)
                    if dm:
                        owner.decodes.setdefault(dm.group(1), dm.group(2))
            if stripped.startswith("///"):
                doc.append(stripped[3:].strip())
            elif stripped and not stripped.startswith("@"):
                doc = []
            depth += line.count("{") - line.count("}")
            while stack and depth <= stack[-1][1]:
                stack.pop()
    return decls


# --- formats ---------------------------------------------------------------------------------------

def formats():
    text = (SRC / "Support" / "FKFormat.swift").read_text()
    out = {}
    for m in re.finditer(r'case \.(\w+):(?:\s*return)?\s*"((?:[^"\\]|\\.)*)"', text.split("public var pattern")[1].split("public var expectation")[0]):
        out[m.group(1)] = m.group(2).replace("\\\\", "\\")
    return out


# --- schema building ---------------------------------------------------------------------------------

class Builder:
    def __init__(self, decls):
        self.decls = decls
        self.formats = formats()

    def resolve(self, typename, context):
        typename = typename.strip()
        candidates = [typename]
        parts = context.split(".")
        for i in range(len(parts), 0, -1):
            candidates.insert(0, ".".join(parts[:i]) + "." + typename)
        for c in candidates:
            if c in self.decls:
                return self.decls[c]
        # A vocabulary's typealias (`FeedbackVocabulary.ChangeStatus`) names the one shared enum.
        return self.decls.get(typename.split(".")[-1])

    def string(self, fmt):
        if fmt == "text":
            return {"type": "string", "minLength": 1}
        s = {"type": "string", "pattern": self.formats[fmt]}
        if fmt == "date":
            s["format"] = "date"
        if fmt == "timestamp":
            s["format"] = "date-time"
        return s

    def type_schema(self, typename, context, defs):
        typename = typename.strip().rstrip("?")
        if typename == "Bool":
            return {"type": "boolean"}
        if typename == "Double":
            return {"type": "number"}
        if typename == "Int":
            return {"type": "integer"}
        if typename == "JSONValue":
            return {}
        d = self.resolve(typename, context)
        if d is None:
            raise SystemExit(f"cannot resolve type {typename} in {context}")
        if d.kind == "enum":
            return {"type": "string", "enum": d.cases}
        name = d.path.split(".")[-1]
        if name not in defs:
            defs[name] = None
            defs[name] = self.object_schema(d, defs)
        return {"$ref": f"#/$defs/{name}"}

    def member_schema(self, d, name, typename, defs):
        call = d.decodes.get(name)
        if call is None:
            raise SystemExit(f"{d.path}.{name}: no decoding line")
        optional = "IfPresent" in call or call.startswith("contains")
        args = re.search(r"\((.*)\)", call)
        args = args.group(1) if args else ""
        fmt = re.search(r"\.\w+, \.(\w+)", args)
        min_items = re.search(r"minItems: (\d+)", args)
        unique = "unique: false" not in args
        base = typename.strip().rstrip("?")
        if call.startswith("fkStrings"):
            s = {"type": "array", "items": self.string(fmt.group(1))}
        elif call.startswith("fkString"):
            s = self.string(fmt.group(1))
        elif call.startswith("fkArray"):
            s = {"type": "array", "items": self.type_schema(base[1:-1], d.path, defs)}
        elif call.startswith("fkInt"):
            lo, hi = re.search(r"in: (\d+)\.\.\.(\d+)", args).groups()
            s = {"type": "integer", "minimum": int(lo), "maximum": int(hi)}
        elif call.startswith("fkCount"):
            s = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
        elif call.startswith("fkNumber"):
            s = {"type": "number", "minimum": float(re.search(r"minimum: ([\d.]+)", args).group(1))}
            if s["minimum"].is_integer():
                s["minimum"] = int(s["minimum"])
        elif call.startswith("fk") or call.startswith("contains"):
            s = self.type_schema(base, d.path, defs)
            among = re.search(r"among: \[([^\]]*)\]", args)
            if among:
                # A vocabulary this payload allows only some values of: `among: [.ons2021]`.
                allowed = [v.strip().lstrip(".") for v in among.group(1).split(",")]
                s = {"type": "string", "enum": [c for c in s["enum"] if c in allowed]}
        else:
            raise SystemExit(f"{d.path}.{name}: unknown decoding call {call}")
        if s.get("type") == "array":
            if min_items:
                s["minItems"] = int(min_items.group(1))
            if unique:
                s["uniqueItems"] = True
        return s, optional

    def object_schema(self, d, defs, top=False):
        props, required = {}, []
        for name, typename, doc in d.members:
            s, optional = self.member_schema(d, name, typename, defs)
            if doc:
                s = {"description": doc, **s} if "$ref" not in s else {"description": doc, **s}
            props[name] = s
            if not optional:
                required.append(name)
        out = {"description": d.doc} if not top and d.doc else {}
        out["type"] = "object"
        out.update({"additionalProperties": False, "required": required, "properties": props})
        cond = CONDITIONS.get(d.path)
        if cond:
            out["allOf"] = cond
        return out


# --- rules spanning members (mirrored in each type's init(from:)) -------------------------------------

def _if_const(member, value, then_required, else_required=None):
    rule = {"if": {"required": [member], "properties": {member: {"const": value}}}, "then": {"required": then_required}}
    if else_required:
        rule["else"] = {"required": else_required}
    return rule


CONDITIONS = {
    "FeedbackResponded": [_if_const("changeStatus", "no_change_with_reason", ["reason"], ["changeDescription"])],
    "FeedbackRespondedV1": [_if_const("changeStatus", "no_change_with_reason", ["reason"], ["changeDescription"])],
    "ContributionRecorded": [{"anyOf": [{"required": ["bodyId"]}, {"required": ["meetingId"]}]}],
    "InvolvementRecognitionRecorded": [{"anyOf": [{"required": ["contributionId"]}, {"required": ["meetingId"]}]}],
    "TargetSet": [{"anyOf": [{"required": ["metricId"]}, {"required": ["targetCode"]}]}],
    "MetricObserved": [{
        "if": {"required": ["cells"], "properties": {"cells": {"contains": {
            "required": ["dims"],
            "properties": {"dims": {"anyOf": [{"required": ["ethnicity"]}, {"required": ["ethnicityGroup"]}]}}}}}},
        "then": {"required": ["ethnicityCodeSystem", "completeness"]},
    }],
    "BoardUpdateGiven": [_if_const("mode", "written", ["paperHash"])],
    "PartnershipVocabulary.Need": [_if_const("status", "not_applicable", ["reason"])],
    "ConsentRecorded": [_if_const("coverage", "specific_items", ["itemRefs"])],
    "ErasureRequested": [_if_const("coverage", "specific_items", ["itemRefs"])],
}


def payload_decls():
    decls = scan([SRC / "Support" / f for f in SUPPORT_FILES] + group_files())
    return decls, [d for d in decls.values() if d.kind == "struct" and "EventPayload" in d.conformances]


def event_types():
    """The dotted type names of groups F-K."""
    return sorted({d.statics["eventType"] for d in payload_decls()[1]})


def main():
    decls, payloads = payload_decls()
    builder = Builder(decls)
    generated = {}
    for d in payloads:
        event_type, version = d.statics["eventType"], int(d.statics.get("typeVersion", "1"))
        defs = {}
        body = builder.object_schema(d, defs, top=True)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{BASE}{event_type}.v{version}.schema.json",
            "title": f"{d.path} ({event_type} v{version})",
            "description": d.doc + (" Sealed in the private part, never in the payload: " + ", ".join(PRIVATE.get(d.path, [])) + "." if PRIVATE.get(d.path) else ""),
        }
        schema.update(body)
        if defs:
            schema["$defs"] = defs
        generated[f"{event_type}.v{version}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    check = "--check" in sys.argv
    stale = []
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(generated.items()):
        path = OUT / name
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(name)
        else:
            path.write_text(text)
    if check and stale:
        print("stale schemas:", ", ".join(stale))
        return 1
    print(f"{'checked' if check else 'wrote'} {len(generated)} schemas")
    return 0


def _private_fields():
    out = {}
    for f in group_files():
        text = f.read_text()
        for m in re.finditer(r"public struct (\w+): EventPayload.*?privateFields: \[String\] \{ \[([^\]]*)\] \}", text, re.S):
            if "public struct" not in text[m.start() + 10:m.end()]:
                out[m.group(1)] = [x.strip().strip('"') for x in m.group(2).split(",") if x.strip()]
    return out


PRIVATE = _private_fields()

if __name__ == "__main__":
    sys.exit(main())
