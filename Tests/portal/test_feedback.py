"""The feedback form: a round trip into the log (then verify is green and the free text is only
in the private part), validation that names the field, CSRF, the body limit and rate limiting."""

import json
import re
import subprocess
import urllib.parse
import uuid

from axe_playwright_python.sync_playwright import Axe

from conftest import NOW, Server, fetch, fetch_json, run, screenshot
from test_pages import WCAG_TAGS, describe


def size(server):
    return fetch_json(server.base + "/api/verify")[2]["entries"]


def test_feedback_round_trip(server, demo, page, tmp_path):
    ledger = demo / "coledger.db"
    secret = f"The night ward had no interpreter for my mother {uuid.uuid4()}"
    contact = f"carer-{uuid.uuid4().hex[:8]}@example.org"
    before = size(server)
    page.goto(server.base + "/feedback")
    page.get_by_label("Your feedback").fill(secret)
    page.get_by_label("Which language did you write in?").select_option("pa")
    page.get_by_label("If we reply, what format would help you?").select_option("easy_read")
    page.get_by_label("You may publish a short summary").check()
    page.get_by_label("Contact me to tell me what happened").check()
    page.get_by_label("Email address or phone number").fill(contact)
    token = page.locator("input[name=csrf]").get_attribute("value")
    cookie = next(c for c in page.context.cookies() if c["name"] == "coledger_form")
    assert cookie["value"] == token and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    page.get_by_role("button", name="Send feedback").click()
    assert page.locator("h1").inner_text() == "Thank you: we have your feedback"
    reference = page.locator(".reference").inner_text().strip()
    assert re.fullmatch(r"WEB-\d{8}-[0-9A-Z]{8}", reference)
    screenshot(page, "feedback-thanks")
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response["violations"]
    assert violations == [], describe(violations)

    # Exactly one entry was appended: feedback.received, signed by the intake key, anonymous.
    assert size(server) == before + 1
    shown = run("show", before, "--json", ledger=ledger).stdout
    entry = json.loads(shown)
    event = entry["entry"]["event"] if "entry" in entry else entry["event"]
    assert event["type"] == "feedback.received"
    p = event["payload"]
    assert p["feedbackId"] == reference and p["submitter"] == "anonymous" and p["channel"] == "web_form"
    assert p["language"] == "pa" and p["accessibleFormat"] == "easy_read"
    assert p["consentToPublish"] is True and p["contactConsent"] is True
    assert secret not in json.dumps(event) and contact not in json.dumps(event), "free text only in the private part"
    assert event["private"]["subject"] == f"feedback/{reference}"
    intake = json.loads(run("key", "show", demo / "keys" / "intake.key", "--json").stdout)
    assert event["signer"] == intake["keyId"]

    # The log still verifies, and the text is held privately (readable with show, absent from a
    # public export and from the ledger file's bytes).
    assert run("verify", ledger=ledger).returncode == 0
    assert secret in run("show", before, ledger=ledger).stdout
    bundle = tmp_path / "bundle"
    run("checkpoint", ledger=ledger)  # an export carries the entries a signed checkpoint covers
    run("export", "--out", bundle, ledger=ledger)
    exported = (bundle / "entries.jsonl").read_text()
    assert reference in exported and secret not in exported and contact not in exported
    for f in demo.glob("coledger.db*"):
        assert secret.encode() not in f.read_bytes(), f"{f.name} holds the free text in clear"

    # Sending the same form again (same token) records nothing new and shows the same reference.
    appended = size(server)
    status, _, body = post_form(server, {"feedback": secret, "language": "pa", "format": "easy_read", "publish": "yes",
                                         "contact": "yes", "contactDetails": contact, "csrf": token}, f"coledger_form={token}")
    assert status == 200 and f'class="reference">{reference}<'.encode() in body and b"already been sent" in body
    assert size(server) == appended


def test_validation_names_the_field_and_appends_nothing(server, page):
    before = size(server)
    page.goto(server.base + "/feedback")
    page.get_by_label("Contact me to tell me what happened").check()
    page.get_by_role("button", name="Send feedback").click()
    assert page.title().startswith("Error: ")
    summary = page.locator(".error-summary")
    assert summary.locator("h2").inner_text() == "There is a problem"
    links = summary.locator("a")
    assert links.all_inner_texts() == [
        "Enter your feedback",
        "Enter an email address or phone number so we can tell you what happened, or untick \u201cContact me\u201d",
    ]
    assert [links.nth(i).get_attribute("href") for i in range(2)] == ["#feedback", "#contactDetails"]
    assert page.locator("#feedback").get_attribute("aria-invalid") == "true"
    assert "feedback-error" in page.locator("#feedback").get_attribute("aria-describedby")
    assert page.get_by_label("Contact me to tell me what happened").is_checked(), "choices are kept"
    screenshot(page, "feedback-errors")
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response["violations"]
    assert violations == [], describe(violations)
    # Too long, an unknown language (posted by hand, past the select), control characters.
    cookie, token = form_token(server)
    for fields, message in [
        ({"feedback": "x" * 5001, "language": "en"}, b"5,000 characters or fewer"),
        ({"feedback": "hello", "language": "xx"}, b"Choose the language you wrote in from the list"),
        ({"feedback": "bad \x00 byte", "language": "en"}, b"characters that cannot be stored"),
        ({"feedback": "hello", "language": "en", "region": "NOWHERE"}, b"Choose a region from the list"),
    ]:
        status, _, body = post_form(server, dict(fields, csrf=token), cookie)
        assert status == 422 and message in body
    assert size(server) == before


def form_token(server):
    status, headers, body = fetch(server.base + "/feedback")
    assert status == 200
    cookie = headers["set-cookie"].split(";")[0]
    token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
    assert cookie == f"coledger_form={token}"
    assert "HttpOnly" in headers["set-cookie"] and "SameSite=Strict" in headers["set-cookie"]
    return cookie, token


def post_form(server, fields, cookie=None, extra=None, path="/feedback"):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if cookie:
        headers["Cookie"] = cookie
    headers.update(extra or {})
    return fetch(server.base + path, method="POST", body=urllib.parse.urlencode(fields).encode(), headers=headers)


def test_csrf_is_required(server):
    before = size(server)
    cookie, token = form_token(server)
    other_cookie, other_token = form_token(server)
    fields = {"feedback": "A forged post", "language": "en"}
    for status_expected, args in [
        (403, (dict(fields), None)),  # no token at all
        (403, (dict(fields, csrf=token), None)),  # token but no cookie (another site's form)
        (403, (dict(fields, csrf=token), other_cookie)),  # cookie of another form
        (403, (dict(fields, csrf=token[:-2] + "AA"), f"coledger_form={token[:-2]}AA")),  # forged MAC
    ]:
        status, _, body = post_form(server, *args)
        assert status == status_expected and b"Nothing was recorded" in body
    status, _, _ = post_form(server, dict(fields, csrf=token), cookie, {"Origin": "http://evil.example"})
    assert status == 403
    status, _, _ = post_form(server, dict(fields, csrf=token), cookie, {"Content-Type": "text/plain"})
    assert status == 415
    assert size(server) == before


def test_body_size_limit(server):
    cookie, token = form_token(server)
    status, headers, body = post_form(server, {"feedback": "x" * 40_000, "language": "en", "csrf": token}, cookie)
    assert status == 413 and b"Too much to send" in body


def test_rate_limit_per_client(demo):
    s = Server(demo / "coledger.db", "--posts-per-minute", "3", "--audit-interval", "0", "--no-form")
    try:
        answers = []
        for _ in range(5):
            status, headers, _ = fetch(
                s.base + "/api/contributions", method="POST", body=b'{"code": "0000-0000-0000-0000"}',
                headers={"Content-Type": "application/json"})
            answers.append((status, headers.get("retry-after")))
        assert [a[0] for a in answers] == [404, 404, 404, 429, 429]
        assert int(answers[3][1]) >= 1
        # The closed form says so, and refuses posts.
        status, _, body = fetch(s.base + "/feedback")
        assert status == 200 and b"not open on this site" in body
    finally:
        s.stop()
