"""The soak, bounded for Tools/test (COLEDGER_SOAK_SECONDS, default 30); `Tools/soak --minutes
120` runs the same for hours. See soak.py."""

import os

from soak import consistent, node, root_from_inclusion, soak


def test_proof_checkers_refuse_wrong_paths():
    # The checkers themselves must be able to fail: a 3-leaf tree, checked by hand.
    import hashlib

    leaves = [hashlib.sha256(b"\x00" + bytes([i])).digest() for i in range(3)]
    root2 = node(leaves[0], leaves[1])
    root3 = node(root2, leaves[2])
    assert root_from_inclusion(2, 3, leaves[2], [root2]) == root3
    assert root_from_inclusion(2, 3, leaves[1], [root2]) != root3
    assert root_from_inclusion(0, 3, leaves[0], [leaves[1], leaves[2]]) == root3
    assert consistent(2, 3, root2, root3, [leaves[2]])
    assert not consistent(2, 3, root2, root3, [leaves[1]])
    assert not consistent(2, 3, leaves[0], root3, [leaves[2]])


def test_soak(demo):
    seconds = int(os.environ.get("COLEDGER_SOAK_SECONDS", "30"))
    figures = soak(demo.dir, seconds)
    assert figures["error_count"] == 0, figures["errors"]
    assert figures["cli_appends"] > 0 and figures["form_appends"] > 0
    assert figures["consistency_proofs"] >= 1
    rss0, rss1 = figures["rss_mb"]
    fd0, fd1 = figures["fds"]
    assert fd1 <= fd0 + 16, f"open file descriptors grew {fd0} -> {fd1}"
    assert rss1 <= max(rss0 * 2, rss0 + 64), f"server memory grew {rss0} -> {rss1} MB"
