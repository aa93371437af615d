import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import Testing

/// A rule with nothing due says "not yet due", a rule with nothing of its kind in the log says
/// "nothing to judge", and neither passes nor fails; the text, JSON and HTML reports say it in the
/// same words. The plan starts on 2023-04-01; the yearly duties have 30 days of grace, so the first
/// is due by 2024-05-01.
@Suite struct NotYetDueTests {
    typealias Log = AuditRuleTests.Log
    static func rule(_ log: Log, _ id: String, asOf: String) throws -> RuleResult {
        try #require(AuditRuleTests.rule(try log.audit(asOf: asOf), id))
    }

    @Test func beforeThePlanStartEveryPlanDutyIsNotYetDue() throws {
        let report = try Log().audit(asOf: "2023-03-31")
        for id in ["G-1", "G-2", "G-3", "G-7", "G-8", "M-1", "M-2", "M-9", "M-11", "M-12", "M-13", "M-14"] {
            let r = try #require(AuditRuleTests.rule(report, id))
            #expect(r.verdict == .notYetDue, "\(id)")
            #expect(r.notes.map(\.detail) == ["not yet due: the plan starts on 2023-04-01"], "\(id)")
        }
        // Rules about things the log holds (meetings, feedback, regions) have nothing to judge.
        for id in ["G-4", "G-5", "G-9", "F-1", "F-2", "C-1", "M-8", "M-15", "M-16"] {
            #expect(try #require(AuditRuleTests.rule(report, id)).verdict == .nothingToJudge, "\(id)")
        }
        #expect(!report.rules.contains { $0.verdict == .pass || $0.verdict == .fail })
    }

    @Test func m9ThePayGapIsNotYetDueUntilItsFirstDeadlineThenFails() throws {
        let log = try Log()
        let early = try Self.rule(log, "M-9", asOf: "2024-01-01")
        #expect(early.verdict == .notYetDue)
        #expect(early.findings.isEmpty)
        #expect(
            early.notes.first?.detail
                == "not yet due: the first ethnicity pay gap report is due by 2024-05-01 (no metric with code M-EPG is defined yet)")
        #expect(try Self.rule(log, "M-9", asOf: "2024-05-01").verdict == .notYetDue, "the deadline day itself is still in time")
        let late = try Self.rule(log, "M-9", asOf: "2024-05-02")
        #expect(late.verdict == .fail)
        #expect(late.findings.map(\.detail) == ["no pay gap metric (code M-EPG) is defined; the first report was due by 2024-05-01"])
    }

    @Test func m14SatisfactionIsNotYetDueUntilItsFirstDeadline() throws {
        let log = try Log()
        #expect(try Self.rule(log, "M-14", asOf: "2024-04-30").verdict == .notYetDue)
        #expect(try Self.rule(log, "M-14", asOf: "2024-05-02").verdict == .fail)
        // Defined later, the clock starts at the definition: nothing is due for a year and 30 days.
        try log.add(AuditPlanRuleTests.metric("M-SAT-1", code: "M-SAT"), on: "2025-04-03")
        let defined = try Self.rule(log, "M-14", asOf: "2025-06-01")
        #expect(defined.verdict == .notYetDue)
        #expect(defined.notes.first?.detail == "not yet due: the first satisfaction observations are due by 2026-05-03")
        #expect(try Self.rule(log, "M-14", asOf: "2026-05-04").findings.count == 4, "all four groups overdue")
    }

    @Test func g8WithNoReviewYetIsNotYetDueRatherThanPass() throws {
        let log = try Log()
        let early = try Self.rule(log, "G-8", asOf: "2024-03-01")
        #expect(early.verdict == .notYetDue)
        #expect(early.checked == 0)
        #expect(early.notes.first?.detail == "not yet due: the first representation review is due by 2024-05-01")
        let overdue = try Self.rule(log, "G-8", asOf: "2024-05-02")
        #expect(overdue.verdict == .fail)
        #expect(overdue.findings.first?.detail == "no representation review since the plan start; one was due by 2024-05-01")
    }

    @Test func g9WithNoRegionHasNothingToJudgeAndARegionNotYetDueIsNotAPass() throws {
        let log = try Log()
        #expect(try Self.rule(log, "G-9", asOf: "2025-07-01").verdict == .nothingToJudge)
        let region = try log.add(RegionRegistered.example.with { $0.regionId = "NW"; $0.servicesProvided = true }, on: "2025-04-01")
        let waiting = try Self.rule(log, "G-9", asOf: "2025-07-01")
        #expect(waiting.verdict == .notYetDue, "NW's forum and plan are due by 2026-04-01")
        #expect(waiting.checked == 0)
        let due = try Self.rule(log, "G-9", asOf: "2026-04-02")
        #expect(due.verdict == .fail)
        #expect(due.findings.map(\.index) == [region, region])
    }

    @Test func f1FeedbackWithinItsTimeIsNotYetDue() throws {
        let log = try Log()
        try log.add(log.feedback("F-1"), on: "2025-06-02")
        #expect(try Self.rule(log, "F-1", asOf: "2025-06-03").verdict == .notYetDue)
        #expect(try Self.rule(log, "F-1", asOf: "2025-07-01").verdict == .fail)
    }

    @Test func theTextJsonAndHtmlReportsSayItInTheSameWords() throws {
        let report = try Log().audit(asOf: "2023-03-31")
        let g8 = try #require(AuditRuleTests.rule(report, "G-8"))
        let g9 = try #require(AuditRuleTests.rule(report, "G-9"))
        #expect(Verdict.notYetDue.words == "not yet due")
        #expect(Verdict.nothingToJudge.words == "nothing to judge")
        #expect(report.text.contains("   NOT YET DUE G-8 \(g8.title) (0 checked)\n"))
        #expect(report.text.contains("   NOTHING TO JUDGE G-9 \(g9.title) (0 checked)\n"))
        #expect(report.text.contains("note: not yet due: the plan starts on 2023-04-01"))
        #expect(!report.text.contains("n/a"))
        #expect(report.html.contains("<tr class=\"not_yet_due\"><td>G-8</td>"))
        #expect(report.html.contains("<td>0</td><td>not yet due</td></tr>"))
        #expect(report.html.contains("<td>0</td><td>nothing to judge</td></tr>"))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        let verdicts = (json?["rules"] as? [[String: Any]])?.compactMap { $0["verdict"] as? String } ?? []
        #expect(Set(verdicts) == ["not_yet_due", "nothing_to_judge"])
        #expect(Set(verdicts.map { Verdict(rawValue: $0)?.words }) == ["not yet due", "nothing to judge"])
    }
}
