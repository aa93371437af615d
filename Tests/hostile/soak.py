"""The soak: several CLI processes and the portal's feedback form append at once for a given
time; every acknowledged entry gets an inclusion proof to a later signed checkpoint, verified
here from first principles (RFC 9162), consecutive checkpoints get consistency proofs, and the
server's memory (RSS) and open file descriptors are sampled from start to end.

Run by Tests/hostile/test_soak.py for ~60 s in Tools/test; for hours:
    Tools/soak --minutes 120
"""

import argparse
import base64
import hashlib
import importlib.util
import json
import os
import re
import sys
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import REPO_ROOT, Server, fetch, form_token, run  # noqa: E402

_spec = importlib.util.spec_from_file_location("verify_bundle", REPO_ROOT / "Tools" / "verify_bundle.py")
verify_bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(verify_bundle)


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_inclusion(index, size, leaf, path):
    """RFC 9162 §2.1.3.2: the root an inclusion path leads to, or None when malformed."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def consistent(old, new, old_root, new_root, path):
    """RFC 9162 §2.1.4.2: whether `path` proves the tree of size `new` extends size `old`."""
    if old == new:
        return not path and old_root == new_root
    if old == 0 or old > new or not path:
        return False
    if old & (old - 1) == 0:  # a power of two: the old root is the first node
        path = [old_root] + list(path)
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == new_root


def sample(pid):
    rss = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) // 1024
    return rss, len(os.listdir(f"/proc/{pid}/fd"))


def soak(demo_dir, seconds, cli_workers=3, form_workers=2, log=print):
    demo_dir = Path(demo_dir)
    db, admin = demo_dir / "coledger.db", demo_dir / "keys" / "admin.key"
    run("--ledger", db, "checkpoint", check=True)
    vkey = (demo_dir / "bundle" / "log.vkey").read_text().strip()
    server = Server(db, "--posts-per-minute", "1000000", "--audit-interval", "0")
    acknowledged, references, errors = [], [], []
    lock = threading.Lock()
    stop = time.time() + seconds
    try:
        for _ in range(5):  # warm up before the first sample
            fetch(server.base + "/feedback")
        start_sample = sample(server.pid)

        def cli_worker(w):
            n = 0
            while time.time() < stop:
                n += 1
                eid = str(uuid.uuid4())
                p = run("--ledger", db, "feedback", "receive", "--key", admin, "--id", f"F-SOAK-{w}-{n}", "--channel", "survey",
                        "--text", f"soak {w}/{n}", "--event-id", eid, "--json")
                if p.returncode != 0:
                    with lock:
                        errors.append(f"cli {w}/{n}: {p.stderr.strip()}")
                    continue
                out = json.loads(p.stdout)
                with lock:
                    acknowledged.append((out["index"], out["id"], out["leafHash"]))

        def form_worker(w):
            n = 0
            while time.time() < stop:
                n += 1
                token, cookie = form_token(server.base)
                body = urllib.parse.urlencode({"csrf": token, "feedback": f"form soak {w}/{n}", "language": "en"}).encode()
                status, _, page = fetch(server.base + "/feedback", method="POST", body=body,
                                        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
                m = re.search(rb'class="reference">([^<]+)<', page)
                with lock:
                    if status == 200 and m:
                        references.append(m.group(1).decode())
                    else:
                        errors.append(f"form {w}/{n}: status {status}")

        def checkpointer():
            while time.time() < stop:
                time.sleep(2)
                p = run("--ledger", db, "checkpoint")
                if p.returncode != 0:
                    with lock:
                        errors.append(f"checkpoint: {p.stderr.strip()}")

        threads = [threading.Thread(target=cli_worker, args=(w,)) for w in range(cli_workers)]
        threads += [threading.Thread(target=form_worker, args=(w,)) for w in range(form_workers)]
        threads.append(threading.Thread(target=checkpointer))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        run("--ledger", db, "checkpoint", check=True)
        end_sample = sample(server.pid)
        assert server.alive(), "the server died"
    finally:
        server.stop()

    # Portal submissions: find their entries by feedback id.
    wanted = set(references)
    for line in run("--ledger", db, "log", "--json", "--limit", "100000000", check=True).stdout.splitlines():
        row = json.loads(line)
        event = row["entry"]["event"]
        if event["type"] == "feedback.received" and event["payload"].get("feedbackId") in wanted:
            acknowledged.append((row["index"], event["id"], row["leafHash"]))
            wanted.discard(event["payload"]["feedbackId"])
    assert not wanted, f"acknowledged form submissions missing from the log: {sorted(wanted)[:5]}"

    # Every checkpoint signed so far (the CLI lists the signed sizes when asked for one it lacks).
    listing = run("--ledger", db, "prove", "inclusion", "0", "--size", "999999999999").stderr
    sizes = sorted(int(s) for s in re.findall(r"\d+", listing.split("signed sizes:", 1)[1]))
    roots = {}

    def checkpoint_root(size):
        """The root of the signed checkpoint of `size`, its signature verified with the log key."""
        if size not in roots:
            out = json.loads(run("--ledger", db, "prove", "inclusion", "0", "--size", size, "--json", check=True).stdout)
            (_, s, root), _ = verify_bundle.verify_checkpoint(out["checkpoint"].encode(), vkey)
            assert s == size
            roots[size] = root
        return roots[size]

    def prove(item):
        """Inclusion in the first checkpoint signed after the entry was acknowledged."""
        index, eid, leaf = item
        size = next(s for s in sizes if s > index)
        out = json.loads(run("--ledger", db, "prove", "inclusion", index, "--size", size, "--json", check=True).stdout)
        (_, signed, root), _ = verify_bundle.verify_checkpoint(out["checkpoint"].encode(), vkey)
        assert signed == size and out["leafHash"] == leaf, f"entry {index}: leaf hash changed since it was acknowledged"
        path = [base64.b64decode(p) for p in out["proof"]]
        assert root_from_inclusion(index, size, base64.b64decode(leaf), path) == root, f"entry {index}: inclusion fails"

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(prove, acknowledged))
    # Consistency: each signed checkpoint extends the one before it, up to the newest, so every
    # entry proved above is in every later checkpoint too.
    first = min(index for index, _, _ in acknowledged) if acknowledged else 0
    chain = [s for s in sizes if s > first]
    consistency = 0
    for old, new in zip(chain, chain[1:]):
        out = json.loads(run("--ledger", db, "prove", "consistency", old, new, "--json", check=True).stdout)
        proof = [base64.b64decode(p) for p in out["proof"]]
        assert consistent(old, new, checkpoint_root(old), checkpoint_root(new), proof), (old, new)
        consistency += 1
    ok = run("--ledger", db, "verify")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    figures = {
        "seconds": seconds, "cli_appends": sum(1 for a in acknowledged) - len(references), "form_appends": len(references),
        "events_checked": len(acknowledged), "inclusion_proofs": len(acknowledged), "consistency_proofs": consistency,
        "rss_mb": [start_sample[0], end_sample[0]], "fds": [start_sample[1], end_sample[1]], "errors": errors[:10],
        "error_count": len(errors),
    }
    log(f"soak: {seconds} s, {figures['events_checked']} events checked ({figures['cli_appends']} from {cli_workers} CLI "
        f"processes, {figures['form_appends']} through the form), {figures['inclusion_proofs']} inclusion proofs, "
        f"{consistency} consistency proofs, server RSS {start_sample[0]}→{end_sample[0]} MB, open fds "
        f"{start_sample[1]}→{end_sample[1]}, {len(errors)} errors")
    return figures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--dir", help="where to make the demo ledger (default: a temporary folder)")
    args = parser.parse_args(argv)
    import tempfile

    base = Path(args.dir or tempfile.mkdtemp(prefix="coledger-soak-")) / "demo"
    run("demo", "--dir", base, check=True)
    figures = soak(base, int(args.minutes * 60))
    print(json.dumps(figures))
    return 0 if figures["error_count"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
