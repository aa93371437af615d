#!/usr/bin/env python3
"""Differential check of groups F-K: Swift `Catalogue.decode` against the JSON Schemas.

Mutates every `Schemas/examples/<type>.v1.valid*.json` of groups F-K (members removed, set to
null, to wrong types, to every enum value and a pool of edge-case strings and numbers, array items
repeated or replaced, unknown members added, enum values combined with other members removed),
asks Swift for its verdicts through the `differentialVerdicts` test (FK_DIFF_IN / FK_DIFF_OUT) and
compares them with jsonschema's (Draft 2020-12, with `format: date` / `date-time` asserted as
calendar checks, which is what the Swift decoders add to the patterns).

Usage: python3 Tools/schemas/fk_differential.py   (from anywhere; needs `pip install jsonschema`)
Exits 1 on any disagreement.
"""
import json, pathlib, subprocess, sys, datetime, os, tempfile
from jsonschema import Draft202012Validator, FormatChecker
ROOT = pathlib.Path(__file__).resolve().parents[2]
EX = ROOT / 'Schemas/examples'; EV = ROOT / 'Schemas/events'

fc = FormatChecker(formats=())
@fc.checks('date')
def _date(s):
    if not isinstance(s, str): return True
    try: datetime.date(int(s[0:4]), int(s[5:7]), int(s[8:10])); return True
    except Exception: return len(s) < 10 or not s[:4].isdigit()  # pattern handles shape
@fc.checks('date-time')
def _dt(s):
    return _date(s[:10]) if isinstance(s, str) else True

GEN = ROOT / 'Tools/schemas/gen_fk_schemas.py'
sys.path.insert(0, str(GEN.parent))
import gen_fk_schemas  # noqa: E402
FK = set(gen_fk_schemas.event_types())
schemas = {t: json.load(open(EV / f'{t}.v1.schema.json')) for t in FK}
STRINGS = ["", " ", "x", "a-1", "-a", "p-9f3a", "anonymous", "F-2026-0001", "a b", "é", "A"*80, "A"*81, "zz_unknown",
  "2026-01-31", "2026-02-29", "2028-02-29", "2026-02-30", "2026-13-01", "2026-1-31", "2026-01-31T10:00:00Z", "2026-01-31T10:00:60Z",
  "2026-01-31T10:00:00.5Z", "2026-01-31T24:00:00Z", "2026-01-31T10:00:00+00:00", "2026-02-30T10:00:00Z",
  "sha256:" + "ab"*32, "sha256:" + "AB"*32, "sha256:" + "ab"*31, "5b0e4f0c-2d7a-4c1e-9a8b-3f6d2e1c0b9a", "5B0E4F0C-2D7A-4C1E-9A8B-3F6D2E1C0B9A",
  "https://x.org/a", "http://x.org", "https://a b", "en", "en-GB", "e", "M-SUD", "M-sud", "T-1", "T-", "1", "1.2", "v1", "report/RP-1",
  "18-24", "65+", "/regionId", "/a~2", "regionId", "interpreters", "W1", "Z", "not_stated", "A6"]
allenum = set()
def walk_enums(x):
    if isinstance(x, dict):
        if 'enum' in x: allenum.update(x['enum'])
        for v in x.values(): walk_enums(v)
    elif isinstance(x, list):
        for v in x: walk_enums(v)
for s in schemas.values(): walk_enums(s)
STRINGS += sorted(allenum)
OTHERS = [None, True, False, -1, 0, 1, 4, 5, 6, 2.0, 2.5, 9007199254740991, 9007199254740992, 1e20, -0.5, [], {}, ["x"], {"a": 1}]

def resolve(root, s):
    while isinstance(s, dict) and '$ref' in s:
        s = root['$defs'][s['$ref'].split('/')[-1]]
    return s

def setp(obj, path, value, delete=False):
    obj = json.loads(json.dumps(obj))
    cur = obj
    for k in path[:-1]: cur = cur[k]
    if delete: 
        if isinstance(cur, dict): cur.pop(path[-1], None)
        else: del cur[path[-1]]
    else: cur[path[-1]] = value
    return obj

def getp(obj, path):
    for k in path: obj = obj[k]
    return obj

def gen(root, schema, inst, path, base, out, depth=0):
    s = resolve(root, schema)
    if isinstance(inst, dict) and s.get('type') == 'object':
        props = s.get('properties', {})
        out.append(setp(base, path + ['zzExtra'], 1))
        for k in list(inst.keys()):
            out.append(setp(base, path + [k], None, delete=True))
        for k, ps in props.items():
            for v in STRINGS + OTHERS:
                out.append(setp(base, path + [k], v))
            if k in inst:
                gen(root, ps, inst[k], path + [k], base, out, depth + 1)
        # pairs: every enum value of one member with each other member removed
        for k, ps in props.items():
            ps = resolve(root, ps)
            for ev in ps.get('enum', []):
                b2 = setp(base, path + [k], ev)
                for k2 in inst:
                    if k2 != k: out.append(setp(b2, path + [k2], None, delete=True))
    elif isinstance(inst, list) and s.get('type') == 'array':
        out.append(setp(base, path, []))
        if inst:
            out.append(setp(base, path, inst + [inst[0]]))
            for v in STRINGS[:20] + OTHERS:
                out.append(setp(base, path, inst + [v]))
            gen(root, s.get('items', {}), inst[0], path + [0], base, out, depth + 1)

cases = []
for p in sorted(EX.glob('*.valid*.json')):
    t = p.name.split('.v1.')[0]
    if t not in FK:
        continue
    inst = json.load(open(p)); root = schemas[t]
    out = [inst]
    gen(root, root, inst, [], inst, out)
    seen = set()
    for o in out:
        key = json.dumps(o, sort_keys=True)
        if key in seen: continue
        seen.add(key); cases.append((t, o))
print(len(cases), 'cases', file=sys.stderr)
tmp = pathlib.Path(tempfile.mkdtemp(prefix='fk-diff-'))
inp = tmp / 'cases.jsonl'; outp = tmp / 'verdicts.jsonl'
inp.write_text("".join(json.dumps({"type": t, "payload": o}, ensure_ascii=False) + "\n" for t, o in cases))
env = dict(os.environ, FK_DIFF_IN=str(inp), FK_DIFF_OUT=str(outp))
r = subprocess.run(['swift', 'test', '--filter', 'differentialVerdicts'], cwd=ROOT, env=env, capture_output=True, text=True)
if r.returncode: print(r.stdout[-3000:], r.stderr[-3000:]); sys.exit(1)
verdicts = [json.loads(l) for l in outp.read_text().splitlines()]
assert len(verdicts) == len(cases), (len(verdicts), len(cases))
mism = 0
validators = {t: Draft202012Validator(s, format_checker=fc) for t, s in schemas.items()}
for (t, o), v in zip(cases, verdicts):
    py = validators[t].is_valid(o)
    if py != v['valid']:
        mism += 1
        if mism <= 25:
            errs = [e.message[:120] for e in validators[t].iter_errors(o)][:2]
            print('MISMATCH', t, 'swift', v['valid'], v.get('error'), 'python', py, errs, json.dumps(o)[:300])
print('mismatches', mism, 'of', len(cases))
sys.exit(1 if mism else 0)
