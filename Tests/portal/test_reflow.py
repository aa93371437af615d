"""Reflow (WCAG 1.4.10) and zoom: every page fits a 320 px wide screen and a 1280 px window
zoomed to 400 % (the same 320 CSS pixels, drawn four times as dense) without scrolling
sideways; long keys and hashes wrap; chart text is page text, so it scales with zoom; wide
tables stack. Screenshots at 320, 390 and 1280 px (and 200 %/400 % zoom) go to
.build/portal-screenshots/ as the other tests' do."""

import json

import pytest

from conftest import fetch, screenshot

# Every page a visitor can open, and the new ones with filters set.
PAGES = [
    ("/", "home"), ("/plan", "plan"), ("/actions/MHS-3", "action"), ("/you-said-we-did", "you-said-we-did"),
    ("/you-said-we-did?outcome=change_made&q=we", "you-said-we-did-filtered"), ("/contributions", "contributions"),
    ("/decisions", "decisions"), ("/decisions?outcome=approved", "decisions-filtered"),
    ("/decisions/reviews-due", "reviews-due"), ("/decisions/D-REPB-20251013-1", "decision"), ("/equity", "equity"),
    ("/verify", "verify"), ("/feedback", "feedback"), ("/no/such/page", "not-found"),
]

# (name, CSS viewport width, device scale factor): a phone, a small phone, a desktop, and a
# 1280 px desktop window at 200 % and 400 % zoom (zoom divides the CSS width, multiplies density).
SCREENS = [("320", 320, 1), ("390", 390, 1), ("1280", 1280, 1), ("1280-zoom200", 640, 2), ("1280-zoom400", 320, 4)]


def overflow(page):
    """How many CSS pixels the page is wider than the window, and the widest offender."""
    return page.evaluate(
        """() => {
            const width = window.innerWidth;
            let worst = null, worstRight = 0;
            for (const el of document.querySelectorAll('body *')) {
                const r = el.getBoundingClientRect();
                if (r.right > worstRight && getComputedStyle(el).position !== 'absolute') { worstRight = r.right; worst = el; }
            }
            return {scroll: document.documentElement.scrollWidth, inner: width,
                    worst: worst ? worst.tagName + '.' + worst.className + ': ' + (worst.textContent || '').slice(0, 60) : null,
                    worstRight: worstRight};
        }"""
    )


@pytest.fixture(scope="module")
def screens(browser):
    contexts = {}
    for name, width, scale in SCREENS:
        contexts[name] = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=scale)
    yield contexts
    for c in contexts.values():
        c.close()


@pytest.mark.parametrize("path,name", PAGES, ids=[p[1] for p in PAGES])
def test_no_horizontal_scroll_at_320px_or_400_percent_zoom(server, screens, path, name):
    for screen, _, _ in SCREENS:
        page = screens[screen].new_page()
        page.goto(server.base + path)
        o = overflow(page)
        assert o["scroll"] <= o["inner"], f"{path} at {screen}: {o['scroll']} px wide in a {o['inner']} px window ({o['worst']})"
        screenshot(page, f"reflow-{name}-{screen}")
        page.close()


def test_chart_text_scales_with_the_page(server, screens):
    """Chart labels are page text: at 400 % zoom they are as large as the body text, never the
    few pixels a 13 px label inside a 720-unit SVG shrinks to on a phone."""
    page = screens["1280-zoom400"].new_page()
    page.goto(server.base + "/plan")
    sizes = page.evaluate(
        """() => ({label: parseFloat(getComputedStyle(document.querySelector('.chart .bar-label')).fontSize),
                   body: parseFloat(getComputedStyle(document.querySelector('main p')).fontSize),
                   svgText: document.querySelectorAll('svg text').length})"""
    )
    assert sizes["svgText"] == 0
    assert sizes["label"] >= sizes["body"] * 0.95
    page.close()


def test_keys_and_hashes_wrap_and_tables_stack(server, screens):
    page = screens["320"].new_page()
    page.goto(server.base + "/verify")
    key = page.locator("dd code").first
    box = key.bounding_box()
    assert box["width"] <= 320 and box["height"] > 30, "the public key wraps onto several lines"
    page.goto(server.base + "/decisions")
    row = page.locator("table.stack tbody tr").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    label = row.locator("td").nth(2).evaluate("td => getComputedStyle(td, '::before').content")
    assert "Body" in label
    page.close()


def test_filters_work_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(server.base + "/you-said-we-did")
    page.select_option("#f-outcome", "change_made")
    page.select_option("#f-size", "20")
    page.click("form.filters button[type=submit]")
    assert "outcome=change_made" in page.url and "size=20" in page.url
    api = json.loads(fetch(server.base + "/api/you-said-we-did?outcome=change_made&size=20")[2])
    assert page.locator("ul.cards > li").count() == len(api["items"])
    if api["pages"] > 1:
        page.click("a[rel=next]")
        assert "outcome=change_made" in page.url and "page=2" in page.url
        assert page.locator("#f-outcome option[selected]").get_attribute("value") == "change_made"
    context.close()
