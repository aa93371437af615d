"""Script-injection payloads in every text field that reaches a page — from the form and from
the log (region names, action titles, decision titles, feedback summaries and answers,
contribution explanations) — are shown as text, never run."""

import json
import re
import urllib.parse

import pytest

from conftest import Server, fetch, run

PAYLOAD = '<script>alert("xss")</script>"><img src=x onerror=alert(1)></textarea><svg onload=alert(2)>'


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A demo ledger of its own, so the payloads stay out of the other tests' pages and screenshots."""
    base = tmp_path_factory.mktemp("portal-xss") / "demo"
    run("demo", "--dir", base)
    return base


@pytest.fixture(scope="module")
def server(demo):
    # The planted events happen today, after the demo's year: the pages show the log as it is now.
    s = Server(demo / "coledger.db", "--posts-per-minute", "1000", "--audit-interval", "0", as_of=None)
    yield s
    assert s.alive(), "the server died during the injection tests"
    s.stop()


@pytest.fixture(scope="module")
def planted(server, demo):
    """Appends events whose public text fields carry the payload, signed by the demo's admin key."""
    ledger = demo / "coledger.db"
    admin = demo / "keys" / "admin.key"
    d = demo.parent
    events = [
        {"type": "region.registered", "typeVersion": 1, "stream": "region/XSS",
         "payload": {"name": "Region " + PAYLOAD, "regionId": "XSS", "servicesProvided": True}},
        {"type": "action.created", "typeVersion": 1, "stream": "action/DF-99",
         "payload": {"actionCode": "DF-99", "actionId": "DF-99", "area": "DF", "competencies": ["C-CP"], "dueDate": "2027-03-31",
                     "objectives": [], "ownerRoleId": "R-RJE-TEAM", "pillars": ["PIL-2"], "planId": "amhe-plan", "scope": "national",
                     "sourceFeedbackIds": [], "title": "Action " + PAYLOAD}},
    ]
    for n, e in enumerate(events):
        (d / f"{n}.json").write_text(json.dumps(e))
        run("append", "--key", admin, d / f"{n}.json", ledger=ledger)
    run("decision", "propose", "--key", admin, "--body", "B-REPB", "--decision", "D-XSS-1", "--title", "Decision " + PAYLOAD,
        "--cites", "contribution:CON-2025-00001", "--proposer", "p-0001", ledger=ledger)
    run("contribution", "influence", "--key", admin, "--id", "CON-2025-00001", "--target", "decision:D-XSS-1",
        "--influence", "adopted", "--explanation", "Explained " + PAYLOAD, ledger=ledger)
    # Feedback through the form (publishable), answered with the payload.
    status, headers, body = fetch(server.base + "/feedback")
    cookie = headers["set-cookie"].split(";")[0]
    token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
    status, _, body = fetch(server.base + "/feedback", method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
        body=urllib.parse.urlencode({"feedback": "Text " + PAYLOAD, "language": "en", "publish": "yes", "csrf": token}).encode())
    assert status == 200, body
    reference = re.search(rb'class="reference">([^<]+)<', body).group(1).decode()
    run("feedback", "respond", "--key", admin, "--id", reference, "--you-said", "Said " + PAYLOAD, "--we-did", "Did " + PAYLOAD,
        "--change", "change_made", "--change-description", "Changed " + PAYLOAD, "--moderated-by", "R-HEAD-RJE", ledger=ledger)
    return reference


def last_page(server, path):
    listing = json.loads(fetch(f"{server.base}/api{path}")[2])
    return listing["pages"]


@pytest.mark.parametrize("where", ["region", "action", "decisions", "decision", "yousaid", "trace", "form-echo", "code-echo"])
def test_payloads_are_text(server, demo, page, planted, where):
    from test_contributions import code_of

    if where == "region":
        page.goto(server.base + "/feedback")
        shown = page.locator("#region option").all_inner_texts()
        assert "Region " + PAYLOAD in shown
    elif where == "action":
        plan = json.loads(fetch(server.base + "/api/plan")[2])
        position = [a["actionId"] for a in plan["actions"]].index("DF-99")
        page.goto(f"{server.base}/plan?page={position // 100 + 1}")
        assert "Action " + PAYLOAD in page.locator("main").inner_text()
    elif where == "decisions":
        page.goto(server.base + "/decisions")
        assert "Decision " + PAYLOAD in page.locator("main").inner_text()
    elif where == "decision":
        page.goto(server.base + "/decisions/D-XSS-1")
        assert "Decision " + PAYLOAD in page.locator(".lede").inner_text()
    elif where == "yousaid":
        page.goto(server.base + "/you-said-we-did")
        text = page.locator("main").inner_text()
        assert "Said " + PAYLOAD in text and "Did " + PAYLOAD in text and "Changed " + PAYLOAD in text
    elif where == "trace":
        page.goto(server.base + "/contributions")
        page.get_by_label("Your contribution reference").fill(code_of(demo, "CON-2025-00001"))
        page.get_by_role("button", name="Show what happened").click()
        text = page.locator("main").inner_text()
        assert "Decision " + PAYLOAD in text and "Explained " + PAYLOAD in text
    elif where == "form-echo":
        # A rejected form shows back what was typed, in the fields, as text.
        page.goto(server.base + "/feedback")
        page.get_by_label("Your feedback").fill(PAYLOAD)
        page.get_by_label("Your name").fill(PAYLOAD[:150])
        page.get_by_label("Anything else we should know").fill(PAYLOAD[:150])
        page.get_by_label("Email address or phone number").fill(PAYLOAD[:150])  # without "Contact me": refused
        page.get_by_role("button", name="Send feedback").click()
        assert page.locator(".error-summary").count() == 1
        assert page.locator("#feedback").input_value() == PAYLOAD
        assert page.locator("#name").input_value() == PAYLOAD[:150]
        assert page.locator("#contactDetails").input_value() == PAYLOAD[:150]
    elif where == "code-echo":
        page.goto(server.base + "/contributions")
        page.get_by_label("Your contribution reference").fill(PAYLOAD[:80])
        page.get_by_role("button", name="Show what happened").click()
        assert page.locator("#code").input_value() == PAYLOAD[:80]
    # Nothing ran and nothing was injected into the document.
    assert page.dialogs == []
    assert page.locator("script").count() == 0
    assert page.locator("img[src=x], svg[onload], [onerror]").count() == 0
    html = page.content()
    assert "<script>alert" not in html and "<img src=x" not in html


def test_api_returns_payloads_as_json_strings(server, planted):
    status, headers, body = fetch(server.base + "/api/decisions/D-XSS-1")
    assert status == 200 and headers["content-type"] == "application/json"
    assert json.loads(body)["title"] == "Decision " + PAYLOAD
