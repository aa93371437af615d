import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore
import Testing

@testable import LedgerPortal

/// The demo year in a ledger, its events read back typed, and a portal over it (in process).
final class DemoPortal: Sendable {
    static let shared: DemoPortal = {
        do { return try DemoPortal() } catch { fatalError("the demo ledger could not be made: \(error)") }
    }()

    let directory: URL
    let path: String
    let portal: Portal
    /// Every payload the log holds, with its index.
    let events: [(index: Int, occurredAt: String, payload: any EventPayload)]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-portal-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let seed: UInt64 = 2026
        var keys: [String: Ed25519SigningKey] = [:]
        func key(_ name: String) throws -> Ed25519SigningKey {
            if let key = keys[name] { return key }
            let key = try DemoKeys.signingKey(seed: seed, name: name)
            keys[name] = key
            return key
        }
        let generator = try DemoGenerator(seed: seed) { try key($0).publicKey }
        let template = try PlanTemplate.named("rethink-amhe")
        let admin = try key("admin")
        path = directory.appendingPathComponent("ledger.db").path
        let ledger = try Ledger.create(
            path: path, origin: "demo.example/amhe", logKey: try key("log"), admins: [admin],
            occurredAt: "2025-04-01T08:00:00Z", policy: DomainPolicy.standard, genesisPayload: template.genesisPayload)
        _ = try ledger.append(template.events.map { ($0, admin) })
        for chunk in generator.steps() {
            _ = try ledger.append(try chunk.map { (draft: $0.draft, signer: try key($0.signer)) })
        }
        var events: [(index: Int, occurredAt: String, payload: any EventPayload)] = []
        for row in try ledger.entries(from: 0, limit: try ledger.size()) {
            let e = row.entry.event
            if let payload = try? Catalogue.decode(type: e.type, version: e.typeVersion, payload: .object(e.payload)) {
                events.append((row.index, e.occurredAt, payload))
            }
        }
        self.events = events
        var configuration = PortalConfiguration(
            ledgerPath: path, codes: try ContributionCodes(secret: [UInt8](repeating: 1, count: 32)))
        configuration.now = CivilDate(parsing: "2026-03-31")
        configuration.auditInterval = nil
        portal = try Portal(configuration: configuration)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func get(_ target: String) async -> PortalResponse {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        return await portal.handle(PortalRequest(method: "GET", path: parts[0], query: parts.count > 1 ? parts[1] : ""))
    }

    func json<T: Decodable>(_ type: T.Type, _ target: String) async throws -> T {
        let r = await get(target)
        #expect(r.status == 200, "\(target): \(r.text.prefix(300))")
        return try JSONDecoder().decode(T.self, from: Data(r.body))
    }

    /// The payloads of one type, with their index.
    func all<P: EventPayload>(_ type: P.Type) -> [(index: Int, occurredAt: String, payload: P)] {
        events.compactMap { e in (e.payload as? P).map { (e.index, e.occurredAt, $0) } }
    }
}

struct PortalPagesTests {
    // MARK: You said, we did

    /// The published items as the feedback projection's records say, newest first: what every
    /// filter is checked against.
    static func published() throws -> [(item: FeedbackRecord, said: YouSaidWeDid)] {
        let items = try Projections(ledger: try Ledger.open(path: DemoPortal.shared.path, policies: [DomainPolicy.standard])).feedbackItems()
        return items.compactMap { f in YouSaidWeDid(f).map { (f, $0) } }.sorted {
            ($0.item.receivedAt, $0.item.feedbackId) > ($1.item.receivedAt, $1.item.feedbackId)
        }
    }

    @Test func youSaidFiltersCombineAndPagesKeepThem() async throws {
        let demo = DemoPortal.shared
        let all = try Self.published()
        #expect(all.count > 50)
        // The commonest region, theme and outcome, so that each filter keeps some and drops some.
        func commonest(_ values: [String]) throws -> String {
            try #require(Dictionary(grouping: values, by: { $0 }).max { $0.value.count < $1.value.count }?.key)
        }
        let region = try commonest(all.compactMap(\.item.regionId))
        let theme = try commonest(all.flatMap(\.item.themes))
        let outcome = try commonest(all.map(\.said.changeStatus))
        let checks: [(query: String, keep: (FeedbackRecord, YouSaidWeDid) -> Bool)] = [
            ("region=\(region)", { f, _ in f.regionId == region }),
            ("theme=\(theme)", { f, _ in f.themes.contains(theme) }),
            ("outcome=\(outcome)", { _, y in y.changeStatus == outcome }),
            ("region=\(region)&theme=\(theme)&outcome=\(outcome)", { f, y in
                f.regionId == region && f.themes.contains(theme) && y.changeStatus == outcome
            }),
            ("from=2025-07&to=2025-10", { f, _ in f.receivedAt >= "2025-07" && f.receivedAt < "2025-11" }),
            ("theme=\(theme)&from=2025-09", { f, _ in f.themes.contains(theme) && f.receivedAt >= "2025-09" }),
        ]
        for check in checks {
            let expected = all.filter { check.keep($0.item, $0.said) }.map(\.said)
            #expect(!expected.isEmpty && expected.count < all.count, "\(check.query) should keep some, not all")
            let first = try await demo.json(Paged<YouSaidWeDid>.self, "/api/you-said-we-did?\(check.query)&size=15")
            #expect(first.total == expected.count, "\(check.query)")
            #expect(first.pageSize == 15 && first.items == Array(expected.prefix(15)), "\(check.query)")
            if expected.count > 15 {
                let second = try await demo.json(Paged<YouSaidWeDid>.self, "/api/you-said-we-did?\(check.query)&size=15&page=2")
                #expect(second.items == Array(expected.dropFirst(15).prefix(15)), "\(check.query)")
            }
        }
        // Free text, case-insensitive, in what was said, done or changed.
        let word = try #require(all.first?.said.youSaid.split(separator: " ").max { $0.count < $1.count }).lowercased()
        let matching = all.filter {
            ([$0.said.youSaid, $0.said.weDid, $0.said.whatChanged ?? ""]).contains { $0.lowercased().contains(word) }
        }
        let found = try await demo.json(Paged<YouSaidWeDid>.self, "/api/you-said-we-did?q=\(HTML.urlComponent(word))&size=20")
        #expect(found.total == matching.count && found.items == Array(matching.prefix(20).map(\.said)))
        // The page: the filters' form shows the choices by name, and the pager keeps the filters.
        let page = await demo.get("/you-said-we-did?theme=\(theme)&size=10")
        #expect(page.status == 200)
        #expect(page.text.contains("<option value=\"\(theme)\" selected>"))
        #expect(page.text.contains("href=\"/you-said-we-did?theme=\(theme)&amp;page=2\" rel=\"next\""))
        let regionName = try #require(demo.all(RegionRegistered.self).first { $0.payload.regionId.rawValue == region }?.payload.name.rawValue)
        #expect(page.text.contains(">\(regionName) (\(region))</option>"))
    }

    @Test(arguments: [
        ("size=5", "size"), ("size=21", "size"), ("outcome=approved", "outcome"), ("from=2025-13", "from"),
        ("to=2025-07-01", "to"), ("from=2025-09&to=2025-08", "to"), ("region=%3Cscript%3E", "region"),
        ("q=" + String(repeating: "x", count: 101), "q"), ("page=0", "page"),
    ])
    func badYouSaidFiltersAreA400NamingTheParameter(query: String, field: String) async throws {
        let demo = DemoPortal.shared
        let api = await demo.get("/api/you-said-we-did?" + query)
        #expect(api.status == 400)
        let error = try JSONDecoder().decode(APIError.self, from: Data(api.body))
        #expect(error.field == field, "\(query): \(error.error)")
        #expect(error.error.contains(field))
        let html = await demo.get("/you-said-we-did?" + query)
        #expect(html.status == 400 && html.text.contains("<h1>Bad request</h1>"))
    }

    // MARK: Decisions

    @Test func decisionFiltersReviewsAndDetailAnswerWhatTheLogHolds() async throws {
        let demo = DemoPortal.shared
        let register = try await demo.json(Paged<DecisionSummary>.self, "/api/decisions?size=20")
        var everything: [DecisionSummary] = register.items
        for n in stride(from: 2, through: register.pages, by: 1) {
            everything += try await demo.json(Paged<DecisionSummary>.self, "/api/decisions?size=20&page=\(n)").items
        }
        #expect(everything.count == register.total && register.total == demo.all(DecisionProposed.self).count)
        // Names: every body by the name it was established with.
        let bodies = Dictionary(demo.all(BodyEstablished.self).map { ($0.payload.bodyId.rawValue, $0.payload) }) { a, _ in a }
        for d in everything { #expect(d.bodyName == bodies[d.bodyId]?.name.rawValue, "\(d.decisionId)") }
        // Filters combine: a region (through its bodies), an outcome and a date range.
        let regions: [String] = bodies.values.compactMap { b in b.regionId.map { "\($0)" } }.sorted()
        let region = try #require(regions.first)
        let expected = everything.filter {
            bodies[$0.bodyId]?.regionId?.rawValue == region && $0.outcome == "approved" && $0.date >= "2025-06-01"
                && $0.date <= "2026-01-31"
        }
        let filtered = try await demo.json(
            Paged<DecisionSummary>.self, "/api/decisions?region=\(region)&outcome=approved&from=2025-06-01&to=2026-01-31&size=20")
        #expect(!expected.isEmpty && filtered.total == expected.count && filtered.items == Array(expected.prefix(20)))
        let word = try #require(everything.first?.title.split(separator: " ").max { $0.count < $1.count }).lowercased()
        let titled = try await demo.json(Paged<DecisionSummary>.self, "/api/decisions?q=\(HTML.urlComponent(word))&size=20")
        #expect(titled.total == everything.filter { $0.title.lowercased().contains(word) }.count && titled.total > 0)
        let bad = await demo.get("/api/decisions?outcome=change_made")
        let badError = try JSONDecoder().decode(APIError.self, from: Data(bad.body))
        #expect(bad.status == 400 && badError.field == "outcome")

        // Detail: the latest recording's rationale, tally, rung and review date.
        let recorded = demo.all(DecisionRecorded.self)
        let voted = try #require(recorded.last { $0.payload.tally != nil && $0.payload.reviewOn != nil })
        let id = voted.payload.decisionId.rawValue
        let latest = try #require(recorded.last { $0.payload.decisionId.rawValue == id }).payload
        let detail = try await demo.json(DecisionDetail.self, "/api/decisions/\(id)")
        #expect(detail.rationale == latest.rationale.rawValue && detail.method == latest.method.rawValue)
        #expect(detail.tally?.inFavour == latest.tally?.inFavour.value && detail.tally?.against == latest.tally?.against.value)
        #expect(detail.ladderRung == latest.ladderRung.rawValue && detail.reviewOn == latest.reviewOn?.rawValue)
        #expect(detail.outcome == latest.outcome.rawValue && detail.bodyName != nil && detail.meetingName != nil)
        let page = await demo.get("/decisions/\(id)")
        #expect(page.text.contains(HTML.escape(latest.rationale.rawValue)))
        #expect(page.text.contains(HTML.escape(Words.rung(latest.ladderRung.rawValue))))
        #expect(page.text.contains("\(latest.tally.map { Words.count($0.inFavour.value, "vote") } ?? "") for"))

        // Reviews due on 31 March 2026: the latest recording set a date by then and no review followed.
        let reviewed = demo.all(DecisionReviewed.self)
        var due: [String] = []
        for (decision, records) in Dictionary(grouping: recorded, by: { $0.payload.decisionId.rawValue }) {
            guard let last = records.max(by: { $0.index < $1.index }), let on = last.payload.reviewOn?.rawValue, on <= "2026-03-31"
            else { continue }
            if !reviewed.contains(where: { $0.payload.decisionId.rawValue == decision && $0.index > last.index }) { due.append(decision) }
        }
        let reviews = try await demo.json(ReviewsDue.self, "/api/decisions/reviews-due")
        #expect(Set(reviews.due.map(\.decisionId)) == Set(due))
        #expect(reviews.upcoming.allSatisfy { $0.reviewOn > "2026-03-31" } && !reviews.upcoming.isEmpty)
        #expect((await demo.get("/decisions/reviews-due")).status == 200)
    }

    // MARK: Actions

    @Test func anActionsPageShowsItsHistoryMilestonesAndWhatChangedIt() async throws {
        let demo = DemoPortal.shared
        let milestones = demo.all(MilestoneRecorded.self)
        let reached = try #require(milestones.first).payload.actionId.rawValue
        let changes = demo.all(ActionStatusChanged.self).filter { $0.payload.actionId.rawValue == reached }
        let page = try await demo.json(ActionPage.self, "/api/actions/\(reached)")
        #expect(page.milestones.map(\.index) == milestones.filter { $0.payload.actionId.rawValue == reached }.map(\.index))
        #expect(page.milestones.first?.title == milestones.first?.payload.title.rawValue)
        #expect(page.history.map(\.index) == changes.map(\.index))
        #expect(page.history.map(\.to) == changes.map(\.payload.status.rawValue))
        #expect(page.status == (changes.last?.payload.status.rawValue ?? "planned"))
        let created = try #require(demo.all(ActionCreated.self).first { $0.payload.actionId.rawValue == reached })
        #expect(page.createdIndex == created.index && page.title == created.payload.title.rawValue)
        #expect(page.decisions.map(\.id).contains(created.payload.sourceDecisionId?.rawValue ?? page.decisions.first?.id ?? ""))
        let html = await demo.get("/actions/\(reached)")
        #expect(html.status == 200 && html.text.contains("<h2>Milestones</h2>") && html.text.contains(HTML.escape(page.title)))
        // The plan page links every action to its page.
        let plan = await demo.get("/plan")
        #expect(plan.text.contains("href=\"/actions/\(HTML.urlComponent(reached))\""))
        let missing = await demo.get("/api/actions/NOPE-9")
        let missingError = try JSONDecoder().decode(APIError.self, from: Data(missing.body))
        #expect(missing.status == 404 && missingError.field == "id")
    }

    // MARK: Names and units

    @Test func codesAreShownByNameWithTheCodeBeside() async throws {
        let demo = DemoPortal.shared
        let register = try await demo.json(Paged<DecisionSummary>.self, "/api/decisions")
        let d = try #require(register.items.first)
        let name = try #require(d.bodyName)
        let page = await demo.get("/decisions")
        #expect(page.text.contains("\(HTML.escape(name)) <span class=\"code\">(\(d.bodyId))</span>"))
        // A service without a registered name is its type and region; a meeting its body and day.
        let worker = try PortalWorker(configuration: PortalConfiguration(ledgerPath: demo.path, codes: try ContributionCodes(secret: [UInt8](repeating: 1, count: 32))))
        try worker.refresh()
        let held = try #require(demo.all(MeetingHeld.self).first)
        let body = try #require(demo.all(BodyEstablished.self).first { $0.payload.bodyId == held.payload.bodyId }).payload.name.rawValue
        #expect(worker.live.names.text(.meeting, held.payload.meetingId.rawValue) == "\(body) meeting, \(Words.date(held.occurredAt))")
        #expect(worker.live.names.text(.region, "NOWHERE") == nil)
        #expect(worker.live.names.markup(.region, "NOWHERE") == "<span class=\"code\">NOWHERE</span>")
    }

    @Test func figuresAreWrittenWithTheirUnits() {
        #expect(MetricUnits.write(3.2, unit: "percent") == "3.2\u{00A0}%")
        #expect(MetricUnits.write(12.4, unit: "currency_gbp") == "\u{00A3}12.40")
        #expect(MetricUnits.write(4.05, unit: "rate_per_1000") == "4.1 per 1,000" || MetricUnits.write(4.05, unit: "rate_per_1000") == "4 per 1,000")
        #expect(MetricUnits.write(1234, unit: "count") == "1,234")
        #expect(MetricUnits.ratio(0.9) == "0.9 (a little lower than for everyone)")
        #expect(MetricUnits.ratio(1.5) == "1.5 (higher than for everyone)")
        for unit in ["count", "percent", "ratio", "rate_per_1000", "score", "currency_gbp", "days"] {
            #expect(!MetricUnits.sentence(unit).isEmpty, "\(unit) has no sentence")
        }
    }
}
