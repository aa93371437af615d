import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerProjections
import Testing

/// `coledger trace` (and the portal's contribution page, which shows the same trace) and audit
/// rule C-1 agree on what counts as a contribution's influence, because both ask the domain's
/// ``InfluenceRule``: only a `contribution.influence_traced` traces a contribution; a decision
/// citing it does not.
@Suite struct TracingAgreesTests {
    static func c1(_ f: Fixture, asOf: String) throws -> RuleResult {
        let (policy, sha) = try AuditPolicy.standard()
        let report = try Audit.run(.ledger(f.ledger), policy: policy, policySHA256: sha, asOf: asOf)
        return try #require(report.rules.first { $0.id == "C-1" })
    }

    static func tracing(_ f: Fixture, now: String) throws -> ContributionTrace {
        let date = try #require(CivilDate(parsing: now))
        return try #require(try Projections(ledger: f.ledger).trace(contribution: "CON-1", now: date).contributions.first)
    }

    /// CON-1 is made to B-LEAB on 3 March 2026, so its trace is due by 1 June (90 days). Decision
    /// dec-1 cites it on 10 March and is approved on 2 April: cited and decided, still not traced.
    @Test func citingIsNotTracingInTheTraceAndInC1() throws {
        let f = try Fixture()
        defer { f.remove() }
        let contribution = try f.append(Fixture.contribution("CON-1", person: "p-9f3a", at: "2026-03-03T10:00:00Z"))
        try f.append(Fixture.proposed("dec-1", citing: "CON-1", at: "2026-03-10T10:00:00Z"))
        try f.append(Fixture.decided("dec-1", at: "2026-04-02T10:00:00Z"))

        // Before the due day: not yet due in both.
        let early = try Self.tracing(f, now: "2026-05-01")
        #expect(early.decisions.map(\.decision.decisionId) == ["dec-1"], "the trace still says which decision cited it")
        #expect(early.tracing == .init(status: "not_yet_due", dueOn: "2026-06-01", tracedOn: nil, asOf: "2026-05-01"))
        #expect(
            early.stillOpen.contains(
                "Nobody has recorded yet what it changed; that is due by 2026-06-01. Decision dec-1 cited it, but citing is not tracing."))
        #expect(try Self.c1(f, asOf: "2026-05-01").verdict == .notYetDue)

        // After it: overdue in the trace, never traced in C-1, on the same entry.
        let late = try Self.tracing(f, now: "2026-07-01")
        #expect(late.tracing.status == "overdue")
        #expect(
            late.stillOpen.contains(
                "Nobody has recorded what it changed, which was due by 2026-06-01. Decision dec-1 cited it, but citing is not tracing."))
        let failed = try Self.c1(f, asOf: "2026-07-01")
        #expect(failed.verdict == .fail)
        #expect(failed.findings.map(\.index) == [contribution])
        #expect(failed.findings.first?.detail == "contribution CON-1 from B-LEAB was never traced to what it influenced (due 2026-06-01)")

        // An influence recorded on 10 July traces it, late, in both.
        try f.append(Fixture.influence("CON-1", decision: "dec-1", at: "2026-07-10T10:00:00Z"))
        let traced = try Self.tracing(f, now: "2026-07-11")
        #expect(traced.tracing == .init(status: "traced", dueOn: "2026-06-01", tracedOn: "2026-07-10", asOf: "2026-07-11"))
        #expect(!traced.stillOpen.contains { $0.contains("what it changed") })
        let lateTrace = try Self.c1(f, asOf: "2026-07-11")
        #expect(lateTrace.findings.map(\.detail) == ["contribution CON-1 traced 2026-07-10, due 2026-06-01"])
    }

    /// C-1's default window is the rule book's, so the trace (which has no policy) and the audit
    /// with the standard policy use the same 90 days.
    @Test func theStandardPolicyUsesTheRuleBooksWindow() throws {
        let (policy, _) = try AuditPolicy.standard()
        #expect(policy.coproduction.traceContributionsWithinDays == InfluenceRule.defaultWithinDays)
        let made = try #require(CivilDate(parsing: "2026-03-03"))
        #expect(
            InfluenceRule.status(contributed: made, tracedOn: [], asOf: made.adding(days: 90)) == .notYetDue(due: made.adding(days: 90)))
        #expect(InfluenceRule.status(contributed: made, tracedOn: [], asOf: made.adding(days: 91)).isLate)
        let traced = InfluenceRule.status(
            contributed: made, tracedOn: [made.adding(days: 95), made.adding(days: 10)], asOf: made.adding(days: 200))
        #expect(traced == .traced(on: made.adding(days: 10), due: made.adding(days: 90)) && !traced.isLate, "the first trace counts")
    }
}
