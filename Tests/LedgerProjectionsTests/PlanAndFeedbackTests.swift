import Foundation
import LedgerCore
import LedgerProjections
import LedgerStore
import Testing

@Suite struct PlanAndFeedbackTests {
    func d(_ s: String) throws -> CivilDate { try #require(CivilDate(parsing: s)) }

    @Test func aReopenedActionIsOpenAgainAndOverdueOnlyAfterItsDueDate() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(Fixture.action("LG-1", due: "2026-03-31", competencies: ["C-CP", "C-PW"], at: "2026-01-05T10:00:00Z"))
        try f.append(Fixture.action("LG-2", due: "2026-12-31", at: "2026-01-05T10:00:00Z"))
        try f.append(Fixture.action("DF-1", area: "DF", due: "2026-02-28", competencies: ["C-WF"], at: "2026-01-05T10:00:00Z"))
        let started = try f.append(Fixture.status("LG-1", "in_progress", progress: 40, at: "2026-02-01T10:00:00Z"))
        let done = try f.append(Fixture.status("LG-1", "done", progress: 100, at: "2026-03-01T10:00:00Z"))
        let reopened = try f.append(Fixture.status("LG-1", "in_progress", progress: 80, at: "2026-04-10T10:00:00Z"))
        try f.append(Fixture.status("DF-1", "done", progress: 100, at: "2026-02-20T10:00:00Z"))
        try f.append(Fixture.status("NOPE-1", "done", at: "2026-02-20T10:00:00Z"))  // unknown action: ignored

        let p = Projections(ledger: f.ledger)
        let april = try p.plan(now: try d("2026-04-15"))
        #expect(april.actions.map(\.action.actionId) == ["LG-1", "LG-2", "DF-1"])
        let lg1 = try #require(april.actions.first)
        #expect(lg1.action.status == "in_progress" && lg1.action.reopenedCount == 1 && lg1.action.progressPct == 80)
        // Due 31 March, open again on 15 April: overdue; changed 5 days ago: not stale.
        #expect(lg1.overdue && !lg1.stale && lg1.daysSinceLastChange == 5)
        #expect(april.overdue == ["LG-1"])
        // LG-2 (due in December) is not overdue; created 5 January, no change since: stale.
        #expect(april.stale == ["LG-2"])
        // DF-1 was done before its due date: never overdue.
        #expect(try p.plan(now: try d("2027-01-01")).overdue == ["LG-1", "LG-2"])
        // On its due date an action is not yet overdue.
        #expect(try p.plan(now: try d("2026-03-31")).overdue.isEmpty)
        // The same action while it was done (before it was reopened) was not overdue.
        let lgArea = try #require(april.byArea.first { $0.key == "LG" })
        #expect(lgArea.total == 2 && lgArea.inProgress == 1 && lgArea.planned == 1 && lgArea.overdue == 1)
        #expect(april.byCompetency.map(\.key) == ["C-CP", "C-PW", "C-WF"])
        #expect(april.byCompetency.first { $0.key == "C-CP" }?.total == 2)

        let detail = try #require(try p.action("LG-1", now: try d("2026-04-15")).first)
        #expect(detail.history.map(\.index) == [started, done, reopened])
        #expect(detail.history.map(\.to) == ["in_progress", "done", "in_progress"])
        #expect(detail.history.last?.from == "done")
    }

    @Test func feedbackClocksCountWorkingDaysAndSkipBankHolidays() throws {
        let f = try Fixture()
        defer { f.remove() }
        // Friday 1 May 2026, before the early May bank holiday: acknowledge by Thursday 7 May.
        try f.append(Fixture.feedback("F-1", receivedAt: "2026-05-01T16:00:00Z"))
        try f.append(Fixture.feedback("F-2", receivedAt: "2026-05-01T09:00:00Z", consent: false))
        try f.append(Fixture.acknowledged("F-2", at: "2026-05-06T12:00:00Z"))
        try f.append(Fixture.responded("F-2", at: "2026-06-01T12:00:00Z"))
        try f.append(Fixture.feedback("F-3", receivedAt: "2026-05-05T09:00:00Z"))
        try f.append(Fixture.acknowledged("F-3", at: "2026-05-11T09:00:00Z"))  // Tue 5 → Fri 8 due; Mon 11 is late
        try f.append(Fixture.responded("F-3", at: "2026-05-20T12:00:00Z", change: "no_change_with_reason"))
        try f.append(Fixture.closed("F-3", at: "2026-05-21T12:00:00Z"))

        let p = Projections(ledger: f.ledger)
        let thursday = try p.feedback(now: try d("2026-05-07"))
        let f1 = try #require(thursday.items.first { $0.item.feedbackId == "F-1" })
        #expect(f1.acknowledgeBy == (try d("2026-05-07")) && !f1.acknowledgementOverdue && f1.stage == "received")
        #expect(f1.respondBy == (try d("2026-07-30")))
        let friday = try p.feedback(now: try d("2026-05-08"), overdueOnly: true)
        #expect(friday.items.map(\.item.feedbackId) == ["F-1"] && friday.acknowledgementsOverdue == 1)
        let f2 = try #require(thursday.items.first { $0.item.feedbackId == "F-2" })
        #expect(f2.acknowledgedAfterWorkingDays == 2 && !f2.acknowledgedLate)
        let f3 = try #require(thursday.items.first { $0.item.feedbackId == "F-3" })
        #expect(f3.acknowledgeBy == (try d("2026-05-08")) && f3.acknowledgedLate && f3.stage == "closed")
        // 90 days on, only F-1 is still unanswered.
        let august = try p.feedback(now: try d("2026-07-31"))
        #expect(august.responsesOverdue == 1 && august.items.filter(\.responseOverdue).map(\.item.feedbackId) == ["F-1"])
        #expect(try p.feedback(now: try d("2026-07-30")).responsesOverdue == 0)
        #expect(august.responsesByChange == ["change_made": 1, "no_change_with_reason": 1])
        // You said, we did: F-3 only (F-2 has no consent, F-1 no response); never the private text.
        let public_ = try p.youSaidWeDid()
        #expect(public_.map(\.feedbackId) == ["F-3"])
        #expect(public_.first?.whatChanged == "The service closed in March.")
        #expect(!(try Fixture.outputs(p, now: try d("2026-07-31"))).contains("Amina"))
    }
}
