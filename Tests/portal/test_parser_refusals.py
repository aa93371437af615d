"""Requests the HTTP parser itself refuses get the portal's security headers, and an unknown
method gets 405 with Allow, as the README says (defect 10 of issue 10). Raw sockets, real server."""

import socket

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


def test_a_pipelined_request_is_answered_before_the_refusal_that_follows_it(server):
    """Two requests in one write: a good GET, then one the parser refuses. The GET gets its
    whole response first, then the refusal, then the connection closes (noticed in issue 10:
    the first response used to be dropped)."""
    answer = until_closed(server, b"GET /plan HTTP/1.1\r\nHost: x\r\n\r\nBREW /plan HTTP/1.1\r\nHost: x\r\n\r\n")
    first_status = status_of(answer)
    assert first_status == 200, answer[:300]
    second = answer.find(b"HTTP/1.1 405")
    assert second > 0, answer[-600:]
    assert answer.count(b"HTTP/1.1 ") == 2, answer.count(b"HTTP/1.1 ")
    assert b"allow: get, head, post" in answer[second:].split(b"\r\n\r\n", 1)[0].lower()
    still_up(server)


def until_closed(server, data, timeout=10):
    """Sends raw bytes and reads until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as s:
        s.sendall(data)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
        return out
