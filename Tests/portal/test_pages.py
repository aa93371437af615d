"""Every page renders in a real browser with the expected content, has no script, carries the
security headers, passes axe-core's WCAG 2.2 A/AA checks, and is screenshotted."""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import NOW, fetch, run, screenshot

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# path, screenshot name, the h1, and text the page must show
PAGES = [
    ("/", "home", "Our race equality plan, in the open", ["Plan progress", "Give feedback"]),
    ("/plan", "plan", "Plan progress", ["As of 31 March 2026", "By area of the plan", "By organisational competency",
                                        "By pillar of the strategy", "Every action", "LG-1"]),
    ("/you-said-we-did", "you-said-we-did", "You said, we did", ["You said", "We did"]),
    ("/contributions", "contributions", "My contributions", ["Your contribution reference"]),
    ("/decisions", "decisions", "Decisions", ["Experts by Experience present", "Search", "Decisions due for review"]),
    ("/decisions?q=community+champions", "decisions-search", "Decisions", ["D-REPB-20250416-1", "Community champions in every region"]),
    ("/decisions/D-REPB-20251013-1", "decision", "Decision D-REPB-20251013-1",
     ["Who was there", "No Expert by Experience was present.", "What it drew on", "Proof for entry"]),
    ("/equity", "equity", "Equity", ["Why some figures are hidden", "Ethnic group", "Service users with a recorded ethnicity"]),
    ("/verify", "verify", "Check the record", ["Latest signed checkpoint", "demo.coledger.example/amhe", "How to check it yourself"]),
    ("/feedback", "feedback", "Give feedback", ["Your feedback", "Which language did you write in?"]),
    ("/actions/MHS-3", "action", "Coproduce service and care plans with communities, faith leaders and ethnically led VCSE partners "
     "on language and access, cultural food, faith, aftercare and trauma-informed approaches", ["How it got here", "Milestones",
                                                                               "Decisions that changed it", "Feedback that changed it"]),
    ("/decisions/reviews-due", "reviews-due", "Decisions due for review", ["Coming up"]),
    ("/you-said-we-did?outcome=change_made&size=10", "you-said-we-did-filtered", "You said, we did", ["match, newest first"]),
    ("/decisions?outcome=approved&from=2025-06-01", "decisions-filtered", "Decisions", ["match, page 1 of"]),
    # The CLI's two clocks (issue 11): the point is said and kept; before anything, said too.
    ("/plan?as-of=2025-07-01", "plan-as-of", "Plan progress",
     ["This page shows the record as of 2025-07-01 (events that had happened by then)", "As of 1 July 2025", "23 planned"]),
    ("/decisions?as-of=2023-03-31", "nothing-then", "Nothing in the record at that point", ["nothing had happened by 2023-03-31"]),
]


def axe_violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return results.response["violations"]


def describe(violations):
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in violations)


@pytest.mark.parametrize("path,name,h1,texts", PAGES, ids=[p[1] for p in PAGES])
def test_page_renders_and_is_accessible(server, page, path, name, h1, texts):
    response = page.goto(server.base + path)
    assert response.status == 200
    assert page.locator("h1").inner_text().strip() == h1
    body = page.locator("main").inner_text()
    for text in texts:
        assert text in body, f"{path} does not show {text!r}"
    assert page.locator("script").count() == 0, "pages must work without script"
    assert page.locator("[style]").count() == 0, "no inline styles (the CSP forbids them)"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("a.skip-link[href='#main']").count() == 1
    screenshot(page, name)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_every_chart_has_a_table_with_the_same_numbers(server, page):
    page.goto(server.base + "/plan")
    plan = json.loads(fetch(server.base + "/api/plan")[2])
    charts = page.locator("div.chart[role=img]")
    assert charts.count() == 3
    for i, (key, groups) in enumerate([("area", plan["byArea"]), ("competency", plan["byCompetency"]), ("pillar", plan["byPillar"])]):
        chart = charts.nth(i)
        # Labels are text of the page (they scale with it); no text is drawn inside an SVG.
        assert chart.locator("svg text").count() == 0
        assert chart.locator(".bar-label").count() == len(groups)
        labelled = chart.get_attribute("aria-labelledby").split()
        assert page.locator(f"#{labelled[0]}").count() == 1
        # The text alternative: the table right after the chart lists every group with its counts.
        rows = page.locator(f"#by-{key} ~ div.table-scroll table").first.locator("tbody tr")
        assert rows.count() == len(groups)
        for n, g in enumerate(groups):
            cells = rows.nth(n).locator("th, td").all_inner_texts()
            assert cells[0] == g["name"]
            assert cells[1:8] == [str(g[k]) for k in ("total", "done", "inProgress", "planned", "blocked", "cancelled", "overdue")]
        # Each bar segment's width is proportional to its count.
        rects = chart.locator("svg.bar:not(.thin) rect[class^='seg-']")
        assert rects.count() == sum(1 for g in groups for k in ("done", "inProgress", "planned", "blocked", "cancelled") if g[k] > 0)


def test_plan_page_agrees_with_the_cli(server, demo):
    cli = json.loads(run("plan", "--as-of", NOW, "--json", ledger=demo / "coledger.db").stdout)
    api = json.loads(fetch(server.base + "/api/plan")[2])
    assert [a["actionId"] for a in api["actions"]] == [a["action"]["actionId"] for a in cli["actions"]]
    assert [(g["code"], g["total"], g["done"], g["inProgress"]) for g in api["byArea"]] == [
        (g["key"], g["total"], g["done"], g["inProgress"]) for g in cli["byArea"]
    ]
    assert api["totals"]["total"] == len(cli["actions"])
    # Pillars: an action counts under each pillar it carries, worked out here from the actions.
    for g in api["byPillar"]:
        assert g["total"] == sum(1 for a in cli["actions"] if g["code"] in a["action"]["pillars"])


def test_you_said_we_did_shows_only_published_items(server, demo):
    cli = json.loads(run("yousaid", "--json", ledger=demo / "coledger.db").stdout)
    assert cli, "the demo publishes some answers"
    items, page_number, pages = [], 1, 1
    while page_number <= pages:
        listing = json.loads(fetch(f"{server.base}/api/you-said-we-did?page={page_number}")[2])
        items += listing["items"]
        pages = listing["pages"]
        page_number += 1
    assert len(items) == listing["total"]
    # Other tests may publish more while this runs; the demo's own answers are all there, newest first.
    published = {i["feedbackId"] for i in cli}
    assert [i for i in items if i["feedbackId"] in published] == list(reversed(cli))


@pytest.mark.parametrize("path", ["/", "/plan", "/decisions", "/verify", "/feedback", "/api/plan", "/api/verify", "/nope", "/static/portal.css"])
def test_security_headers(server, path):
    status, headers, _ = fetch(server.base + path)
    csp = headers["content-security-policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


def test_not_found_and_wrong_methods(server, page):
    response = page.goto(server.base + "/no/such/page")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    status, headers, _ = fetch(server.base + "/plan", method="DELETE")
    assert status == 405 and headers["allow"] == "GET, HEAD"
    status, headers, _ = fetch(server.base + "/feedback", method="PUT", body=b"x")
    assert status == 405 and headers["allow"] == "GET, POST, HEAD"
    status, _, body = fetch(server.base + "/plan?page=0")
    assert status == 400 and b"page must be a whole number" in body
    status, headers, body = fetch(server.base + "/plan", method="HEAD")
    assert status == 200 and body == b""


def test_pages_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path, _, h1, _ in PAGES:
        page.goto(server.base + path)
        assert page.locator("h1").inner_text().strip() == h1
    context.close()


def test_points_agree_with_the_cli_and_bad_ones_name_the_parameter(server, demo):
    cli = json.loads(run("plan", "--at", "50", "--json", ledger=demo / "coledger.db").stdout)
    api = json.loads(fetch(server.base + "/api/plan?at=50")[2])
    assert [a["status"] for a in api["actions"]] == [a["action"]["status"] for a in cli["actions"]]
    status, headers, body = fetch(server.base + "/api/plan?as-of=2025-02-30")
    assert status == 400 and json.loads(body)["field"] == "as-of"
    assert "content-security-policy" in headers
