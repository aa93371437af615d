import Foundation
import LedgerCore
import LedgerProjections
import LedgerStore
import Testing

@testable import LedgerPortal

/// The portal's `?as-of=` and `?at=` (issue 11), in process on ``PortalFixture``'s ledger: the
/// genesis dated 2025-04-01, the rethink-amhe template's events dated 2023-04-01 (23 actions,
/// all planned), an intake key and two regions, all recorded when the test runs; no checkpoint.
struct PortalPointTests {
    @Test func aPageReadAtAnAsOfDateSaysSoAndItsLinksKeepIt() async throws {
        let f = try PortalFixture()
        let page = await f.get("/plan?as-of=2023-04-01")
        #expect(page.status == 200)
        #expect(
            page.text.contains(
                "This page shows the record as of 2023-04-01 (events that had happened by then), in the log as it is now."
            ))
        #expect(page.text.contains("the plan has 23 actions: 0 done, 0 in progress, 23 planned"))
        // The navigation and the site name keep the point; the form, the API and the stylesheet do not.
        for kept in ["/", "/you-said-we-did", "/decisions", "/equity", "/verify"] {
            #expect(page.text.contains("href=\"\(kept)?as-of=2023-04-01\""), "\(kept)")
        }
        #expect(page.text.contains("href=\"/feedback\"") && page.text.contains("href=\"/api/openapi.json\""))
        #expect(page.text.contains("<a href=\"/plan\">Show the page without this point</a>"))
        #expect(page.header("content-security-policy") == SecurityHeaders.contentSecurityPolicy)
        let api = try JSONDecoder().decode(
            PlanProgress.self, from: Data((await f.get("/api/plan?as-of=2023-04-01")).body))
        #expect(api.asOf == "2023-04-01" && api.totals.planned == 23)
        // Without a point: no sentence, today's clocks.
        #expect(!(await f.get("/plan")).text.contains("This page shows the record"))
    }

    @Test func aPointBeforeAnythingIsSaidAndAMalformedOneIsRefusedByName() async throws {
        let f = try PortalFixture()
        // Nothing is dated before 2023-04-01: a page that says so, with status 200.
        let early = await f.get("/decisions?as-of=2023-03-31")
        #expect(early.status == 200)
        #expect(early.text.contains("nothing had happened by 2023-03-31 in the log as it is now"), "\(early.text)")
        // The ledger keeps no checkpoint: said on a page, a 404 naming `at` from the API.
        let noCheckpoint = await f.get("/equity?at=checkpoint")
        #expect(noCheckpoint.status == 200 && noCheckpoint.text.contains("the ledger keeps no checkpoint signed yet"))
        let apiNothing = await f.get("/api/plan?at=checkpoint")
        #expect(apiNothing.status == 404 && apiNothing.text.contains("\"field\":\"at\""), "\(apiNothing.text)")
        // Malformed values: 400 naming the parameter, in the page and in the JSON.
        for (query, field) in [
            ("as-of=2025-02-30", "as-of"), ("as-of=31/03/2026", "as-of"), ("at=checkpoint:someday", "at"),
            ("at=-3", "at"),
        ] {
            let page = await f.get("/plan?" + query)
            #expect(page.status == 400, "\(query)")
            #expect(page.text.contains(field + " "), "\(query): \(page.text)")
            #expect(page.header("content-security-policy") == SecurityHeaders.contentSecurityPolicy)
            let api = await f.get("/api/decisions?" + query)
            #expect(api.status == 400 && api.text.contains("\"field\":\"\(field)\""), "\(query): \(api.text)")
        }
        // An empty value is no point.
        #expect((await f.get("/plan?as-of=")).status == 200)
    }

    @Test func byIndexThePageShowsWhatTheLogHeldThen() async throws {
        let f = try PortalFixture()
        let size = try f.ledger.size()
        // Before the last entry (the second region): the form's region list is not a plan page,
        // but the decisions page at that index says which point it used.
        let page = await f.get("/decisions?at=\(size - 1)")
        #expect(page.status == 200 && page.text.contains("This page shows the record before entry \(size - 1)."))
        let api = try JSONDecoder().decode(
            PlanProgress.self, from: Data((await f.get("/api/plan?at=\(size - 1)")).body))
        #expect(api.entries == size - 1 && api.totals.total == 23)
        // Before entry 0 nothing had been recorded.
        let none = await f.get("/plan?at=0")
        #expect(none.status == 200 && none.text.contains("nothing had been recorded before entry 0"), "\(none.text)")
        // Check the record: the checks are of the whole log, said when a point is given.
        let verify = await f.get("/verify?at=\(size - 1)")
        #expect(verify.status == 200 && verify.text.contains("The checks below are of the whole record as it is now"))
    }

    @Test func linksKeepThePointOnlyToPagesThatShowThePlan() {
        let q = "as-of=2025-07-01&at=checkpoint:2025-11-01"
        #expect(
            PointLinks.keep("/plan?page=2#actions", query: q)
                == "/plan?page=2&amp;as-of=2025-07-01&amp;at=checkpoint:2025-11-01#actions")
        #expect(PointLinks.keep("/decisions/D%2D1", query: "at=5") == "/decisions/D%2D1?at=5")
        #expect(PointLinks.keep("/", query: "at=5") == "/?at=5")
        for other in ["/feedback", "/contributions", "/api/plan", "/static/portal.css", "/api/proofs/3"] {
            #expect(PointLinks.keep(other, query: "at=5") == other)
        }
        #expect(
            PointLinks.keepAll(
                "<a href=\"/plan\">p</a> <a href=\"#x\">x</a> <a href=\"/feedback\">f</a>", query: "at=5")
                == "<a href=\"/plan?at=5\">p</a> <a href=\"#x\">x</a> <a href=\"/feedback\">f</a>")
        #expect(PointLinks.keepAll("<a href=\"/plan\">", query: "") == "<a href=\"/plan\">")
    }

    @Test func theQueryIsParsedByTheLibrarysReadPoint() throws {
        let point = try ReadPoint(asOf: "2025-10-01", at: "checkpoint:2025-11-01", spelling: .query)
        #expect(point.asOf?.description == "2025-10-01" && point.at == .checkpoint(CivilDate(parsing: "2025-11-01")))
        #expect(point.query == "as-of=2025-10-01&at=checkpoint:2025-11-01")
        #expect(try ReadPoint(asOf: nil, at: "2025-10-01T12:00:00Z").query == "at=2025-10-01T12:00:00Z")
        #expect(throws: ReadPointError.self) { try ReadPoint(asOf: "2025-1-1", at: nil) }
        do {
            _ = try ReadPoint(asOf: nil, at: "soon", spelling: .options)
            Issue.record("soon is not a point")
        } catch {
            #expect(
                error.parameter == "at" && error.kind == .malformed
                    && error.message.hasPrefix("--at soon is not a point of the log"))
        }
    }
}
