import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore
import Testing

@testable import LedgerPortal

/// The portal answers from the projections: on the demo year, every list it shows is the
/// projections' answer (paged, newest first), its region choices and contribution codes come
/// from the projections' tables, and its plan roll-ups are the plan report's.
struct PortalFromProjectionsTests {
    @Test func thePortalShowsTheProjectionsAnswersOnTheDemoYear() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coledger-portal-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
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
        let path = directory.appendingPathComponent("ledger.db").path
        let ledger = try Ledger.create(
            path: path, origin: "demo.example/amhe", logKey: try key("log"), admins: [admin],
            occurredAt: "2025-04-01T08:00:00Z", policy: DomainPolicy.standard, genesisPayload: template.genesisPayload)
        _ = try ledger.append(template.events.map { ($0, admin) })
        for chunk in generator.steps() {
            _ = try ledger.append(try chunk.map { (draft: $0.draft, signer: try key($0.signer)) })
        }
        let codes = try ContributionCodes(secret: [UInt8](repeating: 1, count: 32))
        var configuration = PortalConfiguration(ledgerPath: path, codes: codes)
        configuration.now = CivilDate(parsing: "2026-03-31")
        configuration.pageSize = 20
        let worker = try PortalWorker(configuration: configuration)
        try worker.refresh()
        #expect(worker.size == (try ledger.size()))

        // What the log says, read here entry by entry with the typed payloads.
        var regionIds: [String] = []
        var contributionIds: [String] = []
        for row in try ledger.entries(from: 0, limit: try ledger.size()) {
            let e = row.entry.event
            guard let payload = try? Catalogue.decode(type: e.type, version: e.typeVersion, payload: .object(e.payload))
            else { continue }
            if let r = payload as? RegionRegistered, !regionIds.contains(r.regionId.rawValue) {
                regionIds.append(r.regionId.rawValue)
            }
            if let c = payload as? ContributionRecorded { contributionIds.append(c.contributionId) }
        }

        // You said, we did: the projection's list, newest first, in pages of 20.
        let all = Array(try Projections(ledger: ledger).youSaidWeDid().reversed())
        #expect(all.count > 50, "the demo year publishes dozens of answers")
        let first = try worker.live.youSaid(page: 1)
        #expect(first.total == all.count && first.pages == (all.count + 19) / 20 && first.page == 1)
        #expect(first.items == Array(all.prefix(20)))
        let second = try worker.live.youSaid(page: 2)
        #expect(second.items == Array(all[20..<40]))
        let last = try worker.live.youSaid(page: 10_000)
        #expect(last.page == first.pages && last.items == Array(all[((first.pages - 1) * 20)...]))
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.receivedIn >= $1.receivedIn }, "newest first")

        // Regions: the registered ones in log order (the demo year registers three).
        #expect(try worker.regions().map(\.id) == regionIds)
        #expect(regionIds.count == 3)

        // Contribution codes: every contribution's code finds it; another code finds nothing.
        #expect(!contributionIds.isEmpty)
        for id in contributionIds { #expect(try worker.contributionId(code: codes.code(for: id)) == id) }
        #expect(try worker.contributionId(code: "AAAA-AAAA-AAAA") == nil)

        // Plan: the report's roll-ups under their public names.
        let report = try Projections(ledger: ledger).plan(now: try #require(CivilDate(parsing: "2026-03-31")))
        let plan = try worker.live.plan()
        #expect(plan.totals.total == report.actions.count && plan.actions.count == report.actions.count)
        #expect(plan.totals.done == report.actions.filter { $0.action.status == "done" }.count)
        #expect(plan.totals.overdue == report.actions.filter(\.overdue).count)
        #expect(plan.byArea.map(\.code) == report.byArea.map(\.key))
        #expect(plan.byArea.map(\.total).reduce(0, +) == report.actions.count, "each action has one area")
        let pillars = Set(report.actions.flatMap(\.action.pillars))
        #expect(plan.byPillar.map(\.code) == pillars.sorted())
        for g in plan.byPillar {
            #expect(g.total == report.actions.filter { $0.action.pillars.contains(g.code) }.count)
        }
    }

    @Test func theFirstAuditWaitsUntilItsTime() async throws {
        let audit = AuditService(ledgerPath: "/nonexistent/ledger.db", interval: 600, notBefore: 1_000) { "2026-03-31" }
        audit.startIfDue(size: 10, now: 999)
        #expect(audit.result.state == "not_started", "nothing starts before notBefore")
        audit.startIfDue(size: 10, now: 1_000)
        // It runs on its own thread: here it fails at once (no ledger at that path).
        var waited = 0
        while audit.result.state != "failed" && waited < 200 {
            try await Task.sleep(nanoseconds: 50_000_000)
            waited += 1
        }
        #expect(audit.result.state == "failed")
    }
}
