"""`coledger witness serve`: the c2sp.org/tlog-witness add-checkpoint endpoint over HTTP, as a real
process on loopback. Replays the request vectors the Swift tests use (torchwood's litewitness
test script), checks the spec's status codes for malformed requests, that the state is durable
across a restart, and measures add-checkpoint latency at 100 requests/s (printed)."""

import json
import threading
import time

from fed import REPO_ROOT, Coledger, request, stop

VECTORS = json.loads((REPO_ROOT / "Tests/Vectors/signed-note/tlog-witness-add-checkpoint-requests.json").read_text())


def start_witness(c, tmp_path):
    return c.start("witness", "serve", "--key", tmp_path / "w.key", "--state", tmp_path / "state.json", "--port", "0")


def test_witness_serve_vectors_status_codes_durability_and_latency(tmp_path):
    c = Coledger(tmp_path)
    c("key", "new", "--out", tmp_path / "w.key", "--name", "witness.example/w", "--role", "witness")
    wvkey = c("witness", "vkey", tmp_path / "w.key").stdout.strip()
    c("witness", "init", "--state", tmp_path / "state.json", "--log-key", VECTORS["log_vkey_derived"])
    proc, port = start_witness(c, tmp_path)
    url = f"http://127.0.0.1:{port}/add-checkpoint"
    try:
        statuses = []
        for item in VECTORS["requests"]:
            status, headers, body = request("POST", url, item["request_body"].encode())
            statuses.append(status)
            if status == 200:
                # The answer is a cosignature line by the witness's key over this checkpoint.
                assert body.decode().startswith("— witness.example/w "), body
                note = item["request_body"].split("\n\n", 1)[1] + body.decode()
                (tmp_path / "cosigned.txt").write_text(note)
        # litewitness answered 403 for the unknown origin; the spec (and we) say 404.
        assert statuses == [200, 403, 404, 422, 422, 200]
        assert [r["litewitness_http_status"] for r in VECTORS["requests"]] == ["200", "403", "403", "422", "422", "200"]
        state = json.loads((tmp_path / "state.json").read_text())
        assert state["logs"][0]["size"] == 3

        # A stale old size: 409 with the latest size as text/x.tlog.size.
        status, headers, body = request("POST", url, VECTORS["requests"][0]["request_body"].encode())
        assert (status, headers["content-type"], body) == (409, "text/x.tlog.size", b"3\n")
        # Malformed requests: 400 (unparseable, old above the checkpoint's size), 405, 404, 413.
        assert request("POST", url, b"old 0\n")[0] == 400
        assert request("POST", url, b"old x\n\nnot a note\n")[0] == 400
        checkpoint_3 = VECTORS["requests"][5]["request_body"].split("\n\n", 1)[1]
        assert request("POST", url, f"old 4\n\n{checkpoint_3}".encode())[0] == 400
        assert request("POST", url, b"\xff\xfe")[0] == 400
        status, headers, _ = request("GET", url)
        assert status == 405 and headers["allow"] == "POST"
        assert request("POST", f"http://127.0.0.1:{port}/other", b"x")[0] == 404
        assert request("POST", url, b"old 0\n" + b"A" * 70_000)[0] == 413
        # Re-submitting the cosigned checkpoint from the right size is cosigned again.
        assert request("POST", url, f"old 3\n\n{checkpoint_3}".encode())[0] == 200
    finally:
        stop(proc)

    # Durable: a restarted witness still refuses to go back to size 1.
    proc, port = start_witness(c, tmp_path)
    url = f"http://127.0.0.1:{port}/add-checkpoint"
    try:
        status, _, body = request("POST", url, VECTORS["requests"][0]["request_body"].encode())
        assert (status, body) == (409, b"3\n")

        # Latency at 100 requests/s for 5 s (each one a full check, a cosignature and an atomic
        # state write), from 4 client threads.
        body = f"old 3\n\n{checkpoint_3}".encode()
        latencies, errors = [], []
        lock = threading.Lock()
        rate, seconds = 100, 5
        start = time.perf_counter() + 0.2

        def client(k):
            for i in range(k, rate * seconds, 4):
                delay = start + i / rate - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                t0 = time.perf_counter()
                status = request("POST", url, body)[0]
                with lock:
                    latencies.append(time.perf_counter() - t0)
                    if status != 200:
                        errors.append(status)

        threads = [threading.Thread(target=client, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        latencies.sort()
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
        print(f"\nwitness add-checkpoint at {rate} requests/s for {seconds} s: {len(latencies)} requests, "
              f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {latencies[-1] * 1000:.1f} ms")
        assert not errors, errors[:5]
        assert p99 < 1000, f"p99 {p99:.0f} ms"
    finally:
        stop(proc)
    assert wvkey.startswith("witness.example/w+")
