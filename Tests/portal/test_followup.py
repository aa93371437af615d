"""Follow-up by reference (issue 15): the reference the form gives opens the feedback's public
status, which shows each stage as staff record it through the CLI."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import Server, run, screenshot
from test_pages import WCAG_TAGS, describe


@pytest.fixture()
def live(demo):
    """A server over the demo showing the log as it is now (the form's feedback is dated today)."""
    s = Server(demo / "coledger.db", "--posts-per-minute", "1000", "--audit-interval", "0", as_of=None)
    yield s
    s.stop()


def test_reference_opens_the_status_page_which_follows_the_stages(live, demo, page):
    secret = "Nobody at the front desk knew how to book an interpreter"
    page.goto(live.base + "/feedback")
    page.get_by_label("Your feedback").fill(secret)
    page.get_by_role("button", name="Send feedback").click()
    reference = page.locator(".reference").inner_text().strip()

    # The small form on the thanks page sends the reference on to its page.
    page.get_by_role("button", name="Show what happened").click()
    assert page.url == f"{live.base}/feedback/{reference}"
    assert page.locator("h1").inner_text() == "Your feedback"
    steps = page.locator("ol.cards > li")
    assert "We received it on" in steps.nth(0).inner_text()
    assert "Not yet. We will acknowledge it by" in steps.nth(1).inner_text()
    assert secret not in page.content()
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response["violations"]
    assert violations == [], describe(violations)

    # Staff acknowledge it through the CLI: the page shows it; "My contributions" takes the reference too.
    run("feedback", "acknowledge", "--key", demo / "keys" / "admin.key", "--id", reference, "--method", "email",
        ledger=demo / "coledger.db")
    page.goto(live.base + "/contributions")
    page.get_by_label("Your contribution reference").fill(reference.lower())
    page.get_by_role("button", name="Show what happened").click()
    assert page.url == f"{live.base}/feedback/{reference}"
    assert "We acknowledged it on" in page.locator("ol.cards > li").nth(1).inner_text()
    screenshot(page, "feedback-status")
