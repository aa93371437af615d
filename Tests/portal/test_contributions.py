"""My contributions: a code shows the same plain-language trace as `coledger trace`, and
nothing else; a wrong code says so."""

import json

from axe_playwright_python.sync_playwright import Axe

from conftest import fetch_json, run, screenshot
from test_pages import WCAG_TAGS, describe

CONTRIBUTION = "CON-2025-00001"


def code_of(demo, contribution):
    out = json.loads(run("contribution", "code", contribution, "--json", ledger=demo / "coledger.db").stdout)
    assert out[0]["contributionId"] == contribution
    return out[0]["code"]


def test_code_shows_the_trace(server, demo, page):
    code = code_of(demo, CONTRIBUTION)
    assert len(code) == 19 and code.count("-") == 3
    cli = json.loads(run("trace", CONTRIBUTION, "--json", ledger=demo / "coledger.db").stdout)
    sentences = cli["contributions"][0]["sentences"]
    page.goto(server.base + "/contributions")
    # Case and dashes do not matter.
    page.get_by_label("Your contribution reference").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Show what happened").click()
    assert page.locator("h1").inner_text() == "What happened to what you said"
    assert page.locator("ol.sentences li").all_inner_texts() == sentences
    assert "Your own words are held privately (not shown)." in sentences
    screenshot(page, "contribution-trace")
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response["violations"]
    assert violations == [], describe(violations)
    # The API gives the same, and nothing about the person.
    status, _, answer = fetch_json(server.base + "/api/contributions", method="POST",
                                   body=json.dumps({"code": code}).encode(), headers={"Content-Type": "application/json"})
    assert status == 200 and answer["sentences"] == sentences and answer["contributionId"] == CONTRIBUTION
    person = cli["contributions"][0]["contribution"]["personId"]
    assert person not in json.dumps(answer) and "personId" not in answer
    # Another contribution's code leads to that one only.
    other = code_of(demo, "CON-2025-00012")
    assert other != code
    status, _, answer = fetch_json(server.base + "/api/contributions", method="POST",
                                   body=json.dumps({"code": other}).encode(), headers={"Content-Type": "application/json"})
    assert answer["contributionId"] == "CON-2025-00012"


def test_wrong_codes(server, page):
    page.goto(server.base + "/contributions")
    page.get_by_label("Your contribution reference").fill("7KQ3-M9XD-1P4T-ZB2C")
    page.get_by_role("button", name="Show what happened").click()
    assert "No contribution has the reference 7KQ3-M9XD-1P4T-ZB2C" in page.locator(".error-summary").inner_text()
    assert page.locator("#code").get_attribute("aria-invalid") == "true"
    page.get_by_label("Your contribution reference").fill("not a code")
    page.get_by_role("button", name="Show what happened").click()
    assert "as 16 letters and numbers" in page.locator(".error-summary").inner_text()
    screenshot(page, "contribution-error")
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response["violations"]
    assert violations == [], describe(violations)
    for body, status in [(b'{"code": "zz"}', 422), (b"[1]", 400), (b'{"code": 5}', 400), (b"\xff\xfe", 400)]:
        got, _, answer = fetch_json(server.base + "/api/contributions", method="POST", body=body,
                                    headers={"Content-Type": "application/json"})
        assert got == status and answer["error"]
