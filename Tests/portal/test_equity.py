"""Equity: metrics by ethnic group as the metrics projection publishes them. A suppressed figure
is never displayed or returned: the API carries no number for it and the page says "hidden"."""

import json

from conftest import NOW, fetch, run


def all_tables(server):
    tables, page, pages = [], 1, 1
    while page <= pages:
        listing = json.loads(fetch(f"{server.base}/api/equity?page={page}")[2])
        tables += listing["items"]
        pages = listing["pages"]
        page += 1
    assert len(tables) == listing["total"]
    return tables


def figures(table):
    for row in [table["everyone"], *table["rows"]]:
        for key in ("count", "denominator", "percent", "value", "ratio", "difference"):
            if key in row:
                yield row["group"], key, row[key]
    for key in ("notStated", "notKnown"):
        if key in table:
            yield key, "count", table[key]


def test_no_suppressed_figure_leaves(server, demo):
    tables = all_tables(server)
    assert tables, "the demo publishes metrics by ethnic group"
    hidden = 0
    for t in tables:
        for group, key, f in figures(t):
            assert set(f) in ({"value"}, {"suppressed"}), f"{t['metricId']} {group} {key}: {f}"
            if "suppressed" in f:
                assert f["suppressed"] is True
                hidden += 1
            elif key in ("count", "denominator") and t["scope"] != "national":
                # Published counts below national level are rounded to 5 and never 1 to 7.
                assert f["value"] % 5 == 0 and not 1 <= f["value"] <= 7, (t["metricId"], group, key, f)
    assert hidden > 0, "the demo has small numbers, so some cells are hidden"


def test_tables_match_the_metrics_command(server, demo):
    """Every figure the portal publishes is the one `coledger metrics --by ethnicity_group --latest`
    publishes, hidden where it is hidden."""
    cli = json.loads(run("metrics", "--by", "ethnicity_group", "--latest", "--json", ledger=demo / "coledger.db").stdout)
    expected = {}
    for m in cli["metrics"]:
        for o in m["observations"]:
            b = o["breakdowns"][0]
            rows = {r["label"]: r for r in b["rows"]}
            expected[(m["definition"]["metricId"], o["index"])] = (o.get("headline") or b["overall"], rows)
    tables = all_tables(server)
    assert {(t["metricId"], t["index"]) for t in tables} == set(expected)

    def same(portal, published):
        if published is None:
            return portal is None
        if "suppressed" in published:
            return portal == {"suppressed": True}
        return portal == {"value": published["value"]}

    for t in tables:
        everyone, rows = expected[(t["metricId"], t["index"])]
        assert same(t["everyone"]["count"], everyone["count"])
        for r in t["rows"]:
            c = rows[r["group"]]
            assert same(r["count"], c["count"]), (t["metricId"], r["group"])
            assert same(r.get("percent"), c.get("percent")), (t["metricId"], r["group"])
            assert same(r.get("ratio"), c.get("disparity", {}).get("ratio")), (t["metricId"], r["group"])


def test_page_says_hidden_where_the_api_hides(server, page):
    listing = json.loads(fetch(f"{server.base}/api/equity?page=1")[2])
    page.goto(server.base + "/equity")
    tables = page.locator("main table")
    assert tables.count() == len(listing["items"])
    for n, t in enumerate(listing["items"]):
        cells = tables.nth(n).locator("tbody tr")
        assert cells.count() == len(t["rows"])
        for i, r in enumerate(t["rows"]):
            texts = cells.nth(i).locator("th, td").all_inner_texts()
            assert texts[0] == r["group"]
            count = r["count"]
            assert texts[1].replace(",", "") == ("hidden" if "suppressed" in count else str(int(count["value"])))
            shown = r.get("value") or r.get("percent")
            if shown is not None and "suppressed" in shown:
                assert texts[2] == "hidden"
    # Each chart's description says "hidden" where its table does, and draws no bar for it.
    for n, t in enumerate(listing["items"]):
        chart = page.locator("div.chart[role=img]").nth(n)
        desc = chart.locator("p[id$='-desc']").text_content()
        hidden = [r["group"] for r in t["rows"] if "suppressed" in (r.get("value") or r.get("percent") or r["count"])]
        for group in hidden:
            assert f"{group}: hidden" in desc
        bars = chart.locator("rect.seg-bar").count()
        assert bars <= len(t["rows"]) - len(hidden)
