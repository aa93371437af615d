"""The staff workspace in a browser: a feedback lead enrolled with `coledger staff add` signs in
with the keyboard only (person id, key passphrase, TOTP code computed here from the secret the CLI
showed once), finds web-form feedback in the inbox, acknowledges and answers it with publication
consent, and the answer appears on the public "You said, we did" page; `coledger verify` and
`coledger audit` then pass, and every staff page visited passes axe-core's WCAG 2.2 A/AA checks."""

import base64
import hashlib
import hmac
import re
import struct
import subprocess
import time
import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import coledger_bin, env, fetch, fetch_json, run, screenshot
from test_pages import WCAG_TAGS, describe


def totp(secret_b32, at=None):
    """RFC 6238: HMAC-SHA1 over the 30-second step, truncated to 6 digits (RFC 4226)."""
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    step = int((time.time() if at is None else at) // 30)
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


class WorkspaceServer:
    """`coledger serve --port 0 --workspace-port 0`: both listeners' addresses from its output."""

    def __init__(self, ledger, *extra):
        cmd = [coledger_bin(), "--ledger", str(ledger), "serve", "--port", "0", "--workspace-port", "0",
               "--audit-interval", "0", *map(str, extra)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
        self.base = self.staff = None
        deadline = time.time() + 120
        while time.time() < deadline and (self.base is None or self.staff is None):
            line = self.proc.stdout.readline()
            if not line and self.proc.poll() is not None:
                raise AssertionError(f"coledger serve exited {self.proc.returncode}: {self.proc.stderr.read()}")
            if m := re.search(r" at (http://127\.0\.0\.1:\d+)/", line):
                self.base = m.group(1)
            if m := re.search(r"Staff workspace on (http://127\.0\.0\.1:\d+)/staff/", line):
                self.staff = m.group(1)
        assert self.base and self.staff, "coledger serve did not print both listeners"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A ledger from the rethink-amhe template, an intake key for the public form, and person
    p-0100 (staff) with a registered key, enrolled in the staff store."""
    base = tmp_path_factory.mktemp("workspace")
    ledger = base / "plan.db"
    run("init", "--origin", "example.org/workspace", "--template", "rethink-amhe", ledger=ledger)
    keys = base / "keys"
    admin = keys / "admin.key"
    run("key", "new", "--out", keys / "intake.key", "--name", "intake", "--role", "intake")
    run("key", "register", "--key", admin, keys / "intake.key", "--role", "intake", "--holder", "system/intake", ledger=ledger)
    run("person", "register", "--key", admin, "--id", "p-0100", "--category", "staff", "--name", "F. Lead",
        "--lawful-basis", "ROPA-2026-01", ledger=ledger)
    run("key", "new", "--out", keys / "lead.key", "--name", "p-0100")
    run("key", "register", "--key", admin, keys / "lead.key", "--holder", "person/p-0100", ledger=ledger)
    enrolled = run("staff", "add", "p-0100", "--key", keys / "lead.key", ledger=ledger).stdout
    secret = re.search(r"Secret \(to type instead\): ([A-Z2-7]+)", enrolled).group(1)
    assert "otpauth://totp/" in enrolled
    server = WorkspaceServer(ledger)
    yield {"ledger": ledger, "secret": secret, "server": server}
    server.stop()


def axe_clean(page):
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response["violations"]
    assert violations == [], f"{page.url}: {describe(violations)}"


def test_the_public_listener_does_not_serve_the_workspace(world):
    s = world["server"]
    for path in ["/staff/", "/staff/sign-in"]:
        assert fetch(s.base + path)[0] == 404
    assert fetch(s.staff + "/plan")[0] == 404
    assert fetch(s.staff + "/staff/sign-in")[0] == 200


def test_feedback_lead_answers_web_feedback_and_it_is_published(world, page):
    s, ledger = world["server"], world["ledger"]
    from conftest import PASSPHRASE

    # Someone gives feedback on the public form, agreeing to publication.
    text = f"There is nowhere quiet to pray on the ward {uuid.uuid4().hex[:6]}"
    page.goto(s.base + "/feedback")
    page.get_by_label("Your feedback").fill(text)
    page.get_by_label("You may publish a short summary").check()
    page.get_by_role("button", name="Send feedback").click()
    reference = page.locator(".reference").inner_text().strip()
    assert reference.startswith("WEB-")

    # The feedback lead signs in with the keyboard only.
    page.goto(s.staff + "/staff/")
    assert page.url.endswith("/staff/sign-in")
    axe_clean(page)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site name
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "person"
    page.keyboard.type("p-0100")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "passphrase"
    page.keyboard.type(PASSPHRASE)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "code"
    page.keyboard.type(totp(world["secret"]))
    page.keyboard.press("Enter")
    page.wait_for_url(s.staff + "/staff/")
    session = next(c for c in page.context.cookies() if c["name"] == "coledger_staff")
    assert session["httpOnly"] and session["sameSite"] == "Strict"
    assert page.locator("h1").inner_text() == "Your work"
    axe_clean(page)
    screenshot(page, "workspace-home")

    # The inbox shows the item with its clocks.
    page.get_by_role("link", name="Feedback inbox").click()
    row = page.locator("tr", has_text=reference)
    assert "Acknowledge by" in row.inner_text()
    axe_clean(page)
    screenshot(page, "workspace-inbox")
    row.get_by_role("link", name=reference).click()
    assert page.locator("h1").inner_text() == f"Feedback {reference}"
    axe_clean(page)

    # Acknowledge it.
    page.get_by_label("How was receipt acknowledged?").select_option("email")
    page.get_by_role("button", name="Record the acknowledgement").click()
    assert page.locator("h1").inner_text() == "Recorded"
    assert f"Acknowledged feedback {reference} by email." in page.content()
    axe_clean(page)
    page.get_by_role("link", name=f"Back to feedback {reference}").click()

    # An answer without "we did" is refused naming the field.
    page.get_by_label("You said", exact=True).fill("You said there was nowhere quiet to pray.")
    page.get_by_label("What came of it?").select_option("change_made")
    page.get_by_label("What changed, is planned, or where it was referred").fill("A quiet room opened on the ward.")
    page.get_by_label("Action carrying the change (optional)").fill("MHS-3")
    page.get_by_label("Role that moderated the summary").fill("R-HEAD-RJE")
    page.get_by_role("button", name="Record the answer").click()
    assert page.locator(".error-summary").is_visible()
    assert page.title().startswith("Error:")
    axe_clean(page)
    screenshot(page, "workspace-answer-error")
    page.locator(".error-summary a[href='#weDid']").click()
    page.get_by_label("We did", exact=True).fill("We opened a quiet room.")
    page.get_by_role("button", name="Record the answer").click()
    assert page.locator("h1").inner_text() == "Recorded"
    index = int(page.locator(".reference").inner_text())
    axe_clean(page)
    screenshot(page, "workspace-recorded")
    proof = page.get_by_role("link", name="The entry on the public portal").get_attribute("href")
    assert proof == f"{s.base}/api/entries/{index}"
    assert fetch(proof)[0] == 200

    # It is on the public page, signed by the lead's key.
    status, _, body = fetch(s.base + "/you-said-we-did")
    assert status == 200 and b"We opened a quiet room." in body
    shown = run("show", index, "--json", ledger=ledger).stdout
    lead = run("key", "show", ledger.parent / "keys" / "lead.key", "--json").stdout
    assert re.search(r'"keyId"\s*:\s*"([0-9a-f]+)"', lead).group(1) in shown

    # The same person records an action's progress: a bad figure is named, then it is recorded and
    # the public plan shows it.
    page.goto(s.staff + "/staff/")
    page.get_by_role("link", name="Actions").click()
    axe_clean(page)
    page.get_by_role("link", name="MHS-3", exact=True).click()
    axe_clean(page)
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Progress (optional)").fill("forty")
    page.get_by_label("What happened").fill("The quiet room is being fitted out.")
    page.get_by_role("button", name="Record the update").click()
    assert page.locator(".error-summary a[href='#progress']").inner_text() == "Enter progress as a whole number from 0 to 100"
    axe_clean(page)
    page.get_by_label("Progress (optional)").fill("40")
    page.get_by_role("button", name="Record the update").click()
    assert page.locator("h1").inner_text() == "Recorded"
    assert "Action MHS-3 is now in_progress (40%)." in page.content()
    status, _, plan = fetch_json(s.base + "/api/plan")
    assert status == 200
    [mhs3] = [a for a in plan["actions"] if a["actionId"] == "MHS-3"]
    assert mhs3["status"] == "in_progress" and mhs3["progressPct"] == 40

    # Sign out: the session ends.
    page.goto(s.staff + "/staff/")
    page.get_by_role("button", name=re.compile("Sign out")).click()
    assert "signed-out=1" in page.url
    axe_clean(page)
    page.goto(s.staff + "/staff/feedback")
    assert page.url.endswith("/staff/sign-in")

    # The record verifies and the audit agrees: every entry checks out, every signer (the lead's
    # own key among them) was entitled, and the feedback rules pass. (The bare template's plan
    # and governance rules fail: nobody holds its roles or has reported yet; not this journey's.)
    run("checkpoint", ledger=ledger)
    assert run("verify", ledger=ledger).returncode == 0
    audit = run("audit", ledger=ledger, check=False).stdout
    assert "1. Integrity: PASS" in audit and "2. Entitlement: PASS" in audit, audit[:3000]
    feedback_rules = re.findall(r"^\s+(PASS|FAIL|NOTHING TO JUDGE) (F-\d+)", audit, re.M)
    assert ("PASS", "F-1") in feedback_rules and ("PASS", "F-3") in feedback_rules, feedback_rules
    assert all(verdict != "FAIL" for verdict, _ in feedback_rules), audit
