import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore
import Testing

/// The audit and the cadence projection start every clock from the same facts (the plan's
/// start, a region's registration), never from when the ledger was created, so they agree on
/// every cadence rule at every "as of" date of the demo year: all 365 of them.
@Suite struct ClocksAgreeTests {
    /// The region named in an M-4 "no review since" finding (`region MID: no review since …`).
    static func region(_ detail: String) -> String? {
        guard detail.hasPrefix("region "), detail.contains(": no review since") else { return nil }
        return detail.dropFirst("region ".count).split(separator: ":").first.map(String.init)
    }

    @Test func cadenceAndAuditAgreeOnEveryCadenceRuleThroughTheDemoYear() throws {
        let demo = try DemoLedgerTests.DemoLedger()
        defer { demo.remove() }
        let projections = Projections(ledger: demo.ledger)
        try projections.catchUp()
        let (policy, sha) = try AuditPolicy.standard()
        // Every day of the demo year. The log is read and verified once (the full audit of its
        // last day); each day's rules are judged from the entries read and decoded once
        // (`Audit.rules`, the audit's own fold and rules without verifying again).
        var dates: [CivilDate] = []
        var day = try #require(CivilDate(year: 2025, month: 4, day: 1))
        let end = try #require(CivilDate(year: 2026, month: 3, day: 31))
        while day <= end {
            dates.append(day)
            day = day.adding(days: 1)
        }
        #expect(dates.count == 365)
        let full = try Audit.run(.ledger(demo.ledger), policy: policy, policySHA256: sha, asOf: end.description)
        #expect(full.integrity.isEmpty && full.entitlement.isEmpty)
        var entries: [(Int, Entry)] = []
        try demo.ledger.forEachEntryChunk { chunk in entries += chunk.map { ($0.index, $0.entry) } }
        let decoded = Audit.Entries(entries)
        let judgedLast = try Audit.rules(decoded, policy: policy, asOf: end.description)
        #expect(judgedLast.map(\.id) == full.rules.map(\.id) && judgedLast.map(\.findings.count) == full.rules.map(\.findings.count))
        let started = Date()
        var overdueSeen = (regions: 0, boards: 0)
        for date in dates {
            let asOf = date.description
            let report = (rules: try Audit.rules(decoded, policy: policy, asOf: asOf), asOf: asOf)
            let cadence = try projections.cadence(now: date)
            let m4 = report.rules.first { $0.id == "M-4" }?.findings.map(\.detail) ?? []
            let auditRegions = Set(m4.compactMap(Self.region))
            let cadenceRegions = Set(cadence.reviews.filter { $0.daysOverdue > 0 }.map(\.regionId))
            #expect(auditRegions == cadenceRegions, "M-4 as of \(asOf): audit \(auditRegions), cadence \(cadenceRegions)")
            let g7 = report.rules.first { $0.id == "G-7" }?.findings.map(\.detail) ?? []
            let auditBoards = Set(policy.governance.boardUpdateBodies.filter { body in g7.contains { $0.hasPrefix("no update to \(body) since") } })
            let cadenceBoards = Set(cadence.boardUpdates.filter { $0.required && $0.daysOverdue > 0 }.map(\.bodyId))
            #expect(auditBoards == cadenceBoards, "G-7 as of \(asOf): audit \(auditBoards), cadence \(cadenceBoards)")
            // M-6: annual findings overdue in both or in neither.
            let m6 = report.rules.first { $0.id == "M-6" }?.findings.map(\.detail) ?? []
            let auditFindingsOverdue = m6.contains { $0.hasPrefix("no annual findings published since") }
            #expect(
                auditFindingsOverdue == (cadence.annualFindings.daysOverdue > 0),
                "M-6 as of \(asOf): audit \(m6), cadence \(cadence.annualFindings.daysOverdue) days overdue")
            // M-7: the same number of community engagement projects completed by then.
            let m7 = report.rules.first { $0.id == "M-7" }.map { $0.notes.map(\.detail) + $0.findings.map(\.detail) } ?? []
            let auditCompleted = m7.compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }.first
            #expect(
                auditCompleted == cadence.placeBasedProjects.completed,
                "M-7 as of \(asOf): audit \(m7), cadence \(cadence.placeBasedProjects.completed) completed")
            overdueSeen.regions += auditRegions.count
            overdueSeen.boards += auditBoards.count
        }
        // The demo's planted lapse (region MID misses its second review) is seen by both.
        #expect(overdueSeen.regions > 0)
        print("ClocksAgreeTests: \(dates.count) as-of dates judged by the audit's rules and by cadence in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
    }
}
