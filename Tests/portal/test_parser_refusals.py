"""Requests the HTTP parser itself refuses get the portal's security headers, and an unknown
method gets 405 with Allow, as the README says (defect 10 of issue 10). Raw sockets, real server."""

import pytest

from test_robustness import raw, still_up, status_of

SECURITY = [b"content-security-policy: default-src 'none'", b"x-content-type-options: nosniff",
            b"x-frame-options: deny", b"referrer-policy: no-referrer"]

CASES = {
    "unknown method": (b"BREW /plan HTTP/1.1\r\nHost: x\r\n\r\n", 405),
    "lower-case method": (b"get /plan HTTP/1.1\r\nHost: x\r\n\r\n", 405),
    "garbage request line": (b"HELLO THERE\r\n\r\n", None),
    "no version": (b"GET /\r\n\r\n", 400),
    "bad header name": (b"GET / HTTP/1.1\r\nHo st: x\r\n\r\n", 400),
    "conflicting lengths": (b"POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    "bad chunk": (b"POST /feedback HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nhello\r\n", 400),
    "huge header": (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 100_000 + b"\r\n\r\n", None),
}


@pytest.mark.parametrize("name", list(CASES))
def test_parser_refusal_carries_security_headers(server, name):
    data, expected = CASES[name]
    answer = raw(server, data)
    status = status_of(answer)
    assert status is not None, (name, answer[:300])
    assert 400 <= status < 500
    if expected:
        assert status == expected, (name, answer[:300])
    head = answer.split(b"\r\n\r\n", 1)[0].lower()
    for header in SECURITY:
        assert header in head, (name, header, head)
    assert b"connection: close" in head
    if status == 405:
        assert b"allow: get, head, post" in head
    still_up(server)
