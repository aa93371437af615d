"""The Origin check against what browsers really send (defect 4 of issue 10).

Hummingbird moves HTTP/1.1's Host header into the request's authority, so a check that reads
a `host` header never saw one: every real same-site Origin was refused. These tests go
through the real server: Debian's chromium submits the form, a request with the exact Origin
a browser sends for this site is accepted, and a form on another origin that posts here
(with a valid token and the cookie, so only the Origin can stop it) is refused with nothing
appended.
"""

import http.server
import re
import threading
import urllib.parse

from conftest import fetch, fetch_json


def size(server):
    return fetch_json(server.base + "/api/verify")[2]["entries"]


def form_token(server):
    """(csrf token, cookie header) from a fresh GET of the form."""
    status, headers, body = fetch(server.base + "/feedback")
    assert status == 200
    token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
    cookie = headers["set-cookie"].split(";")[0]
    return token, cookie


def post_form(server, token, cookie, origin, text):
    body = urllib.parse.urlencode({"csrf": token, "feedback": text, "language": "en"}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    if origin is not None:
        headers["Origin"] = origin
    return fetch(server.base + "/feedback", method="POST", body=body, headers=headers)


def test_chromium_submits_the_form_and_its_origin_is_accepted(server, page):
    before = size(server)
    sent = {}
    page.on("request", lambda r: sent.update(r.headers) if r.method == "POST" else None)
    page.goto(server.base + "/feedback")
    page.get_by_label("Your feedback").fill("Chromium same-site submission for the Origin check")
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/feedback")) as answer:
        page.get_by_role("button", name="Send feedback").click()
    assert answer.value.status == 200, (answer.value.status, sent.get("origin"))
    assert page.locator("h1").inner_text() == "Thank you: we have your feedback"
    assert "origin" in sent, "chromium sends an Origin header with a form POST"
    assert size(server) == before + 1


def test_the_exact_origin_of_this_site_is_accepted(server):
    # Before the fix this was 403: the portal compared with a Host header it never received.
    before = size(server)
    token, cookie = form_token(server)
    status, _, body = post_form(server, token, cookie, server.base, "Same-site Origin header, sent as browsers do")
    assert status == 200, body[:500]
    assert b"Thank you" in body
    assert size(server) == before + 1


def test_a_foreign_origin_is_refused_with_nothing_appended(server):
    before = size(server)
    token, cookie = form_token(server)
    for origin in ("http://evil.example", f"http://127.0.0.1:{server.port + 1}", f"https://127.0.0.1:{server.port}x"):
        status, headers, body = post_form(server, token, cookie, origin, "cross-origin attempt")
        assert status == 403, (origin, status)
        assert b"The form was not sent from this site" in body
        assert "content-security-policy" in headers
    assert size(server) == before


class _Evil(http.server.BaseHTTPRequestHandler):
    page = b""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *args):
        pass


def test_chromium_cross_origin_form_post_is_refused(server, page):
    """A page on another origin (another port: same site, so the SameSite cookie is sent too)
    posts the form with a valid token; only the Origin check can refuse it, and it does."""
    before = size(server)
    page.goto(server.base + "/feedback")  # sets the form cookie in this browser context
    token = page.locator("input[name=csrf]").get_attribute("value")
    _Evil.page = (
        f'<!doctype html><form id="f" method="post" action="{server.base}/feedback">'
        f'<input name="csrf" value="{token}"><input name="feedback" value="forged by another origin">'
        f'<input name="language" value="en"></form><script>document.getElementById("f").submit()</script>'
    ).encode()
    evil = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Evil)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    try:
        sent = {}
        page.on("request", lambda r: sent.update(r.headers) if r.method == "POST" else None)
        with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/feedback")) as answer:
            page.goto(f"http://127.0.0.1:{evil.server_address[1]}/")
        assert sent.get("origin") == f"http://127.0.0.1:{evil.server_address[1]}"
        assert answer.value.status == 403
        assert "The form was not sent from this site" in answer.value.text()
    finally:
        evil.shutdown()
    assert size(server) == before
