import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// Governance rules G-1, G-2, G-3, G-6 … G-10, each on a hand-built ledger that passes and then
/// fails, the offending entries worked out here. The plan starts on 2023-04-01 (the default policy).
@Suite struct AuditGovernanceRuleTests {
    typealias Log = AuditRuleTests.Log
    static func rule(_ log: Log, _ id: String, asOf: String) throws -> RuleResult {
        try #require(AuditRuleTests.rule(try log.audit(asOf: asOf), id))
    }

    @Test func g1TheChampionsRoleIsNeverVacantForLong() throws {
        let log = try Log()
        try log.add("role.assigned", "role/R-CHAMPION", on: "2023-04-01", ["roleId": "R-CHAMPION", "personId": "p-1", "from": "2023-04-01", "bodyId": "B-TRUSTEES"])
        try log.add("role.ended", "role/R-CHAMPION", on: "2024-01-31", ["roleId": "R-CHAMPION", "personId": "p-1", "to": "2024-01-31"])
        try log.add("role.assigned", "role/R-CHAMPION", on: "2024-02-20", ["roleId": "R-CHAMPION", "personId": "p-2", "from": "2024-02-20", "bodyId": "B-TRUSTEES"])
        // 1 to 19 February 2024: a 19-day vacancy, within the 30 allowed.
        #expect(try Self.rule(log, "G-1", asOf: "2025-01-01").verdict == .pass)
        let left = try log.add("role.ended", "role/R-CHAMPION", on: "2025-03-31", ["roleId": "R-CHAMPION", "personId": "p-2", "to": "2025-03-31"])
        // Appointed to another body: does not fill the Board-level role.
        try log.add("role.assigned", "role/R-CHAMPION", on: "2025-04-10", ["roleId": "R-CHAMPION", "personId": "p-3", "from": "2025-04-10", "bodyId": "B-EIB"])
        // Vacant from 1 April 2025: 30 days by 30 April (still allowed), 31 by 1 May.
        #expect(try Self.rule(log, "G-1", asOf: "2025-04-30").verdict == .pass)
        let g1 = try Self.rule(log, "G-1", asOf: "2025-05-01")
        #expect(g1.verdict == .fail)
        #expect(g1.findings.map(\.index) == [left])
        #expect(g1.findings.first?.detail.contains("vacant since 2025-04-01 (31 days") == true)
    }

    /// DOMAIN.md 2.1 calls any gap a violation: a tolerance of 0 days is allowed and reports a one-day gap.
    @Test func g1WithNoToleranceReportsAOneDayVacancy() throws {
        let log = try Log()
        try log.add("role.assigned", "role/R-CHAMPION", on: "2023-04-01", ["roleId": "R-CHAMPION", "personId": "p-1", "from": "2023-04-01", "bodyId": "B-TRUSTEES"])
        let left = try log.add("role.ended", "role/R-CHAMPION", on: "2024-01-31", ["roleId": "R-CHAMPION", "personId": "p-1", "to": "2024-01-31"])
        // Vacant on 1 February 2024 only.
        try log.add("role.assigned", "role/R-CHAMPION", on: "2024-02-02", ["roleId": "R-CHAMPION", "personId": "p-2", "from": "2024-02-02", "bodyId": "B-TRUSTEES"])
        let (strict, sha) = try AuditPolicy.load(Array(#"{"policy": "coledger-audit/v1", "governance": {"maxVacancyDays": 0}}"#.utf8))
        #expect(strict.governance.maxVacancyDays == 0)
        let report = try Audit.run(.ledger(log.ledger), policy: strict, policySHA256: sha, asOf: "2024-06-01")
        let g1 = try #require(AuditRuleTests.rule(report, "G-1"))
        #expect(g1.verdict == .fail)
        #expect(g1.findings.map(\.index) == [left])
        #expect(g1.findings.first?.detail.contains("from 2024-02-01 to 2024-02-01 (1 days); at most 0 allowed") == true)
        #expect(try Self.rule(log, "G-1", asOf: "2024-06-01").verdict == .pass, "the default tolerates 30 days")
    }

    @Test func g2ThePracticeForumKeepsItsFacilitatorsStaffAndExpertsByExperience() throws {
        let log = try Log()
        try log.add("body.established", "body/B-AMHEPF", on: "2023-04-01", [
            "bodyId": "B-AMHEPF", "bodyType": "B-AMHEPF", "facilitatorRoleIds": ["R-DIR-EDI", "R-HEAD-RJE"], "quorumRule": ["min": 2],
        ])
        try log.add("role.assigned", "role/R-DIR-EDI", on: "2023-04-01", ["roleId": "R-DIR-EDI", "personId": "p-1", "from": "2023-04-01"])
        try log.add("role.assigned", "role/R-HEAD-RJE", on: "2023-04-01", ["roleId": "R-HEAD-RJE", "personId": "p-2", "from": "2023-04-01"])
        try log.add("member.joined", "body/B-AMHEPF", on: "2023-04-01", ["bodyId": "B-AMHEPF", "personId": "p-1", "membershipCategory": "staff", "from": "2023-04-01"])
        try log.add("member.joined", "body/B-AMHEPF", on: "2023-04-01", ["bodyId": "B-AMHEPF", "personId": "p-3", "membershipCategory": "ebe_lived", "from": "2023-04-01"])
        #expect(try Self.rule(log, "G-2", asOf: "2024-01-01").verdict == .pass)
        // The only Expert by Experience leaves on 29 February 2024 and the next joins on 15 April:
        // 1 March to 14 April is 45 days without one.
        let left = try log.add("member.left", "body/B-AMHEPF", on: "2024-02-29", ["bodyId": "B-AMHEPF", "personId": "p-3", "to": "2024-02-29"])
        try log.add("member.joined", "body/B-AMHEPF", on: "2024-04-15", ["bodyId": "B-AMHEPF", "personId": "p-4", "membershipCategory": "ebe_carer", "from": "2024-04-15"])
        // Then the terms drop the Head of Racial Justice and Equity as a facilitator.
        let amended = try log.add("body.terms_amended", "body/B-AMHEPF", on: "2024-06-01", ["bodyId": "B-AMHEPF", "facilitatorRoleIds": ["R-DIR-EDI"]])
        let g2 = try Self.rule(log, "G-2", asOf: "2024-07-01")
        #expect(g2.verdict == .fail)
        #expect(g2.findings.map(\.index) == [amended, left])
        #expect(g2.findings.last?.detail.contains("no Expert by Experience member from 2024-03-01 to 2024-04-14 (45 days)") == true)
    }

    @Test func g3TheInclusionBoardIsChairedByTheDeputyChiefExecutive() throws {
        let log = try Log()
        try log.add("body.established", "body/B-EIB", on: "2023-04-01", ["bodyId": "B-EIB", "bodyType": "B-EIB", "chairRoleId": "R-DCEO", "quorumRule": ["min": 3]])
        try log.add("role.assigned", "role/R-DCEO", on: "2023-04-01", ["roleId": "R-DCEO", "personId": "p-1", "from": "2023-04-01"])
        #expect(try Self.rule(log, "G-3", asOf: "2024-01-01").verdict == .pass)
        let changed = try log.add("body.terms_amended", "body/B-EIB", on: "2024-02-01", ["bodyId": "B-EIB", "chairRoleId": "R-CHAIR-EIB"])
        try log.add("body.terms_amended", "body/B-EIB", on: "2024-05-01", ["bodyId": "B-EIB", "chairRoleId": "R-DCEO"])
        // Put right in May, but the amendment of February stays on the record.
        let g3 = try Self.rule(log, "G-3", asOf: "2024-06-01")
        #expect(g3.findings.map(\.index) == [changed])
        #expect(g3.checked == 3)
    }

    @Test func g6DeclarationsAreRecordedAndRecusedMembersLeftOutOfTallies() throws {
        let log = try Log()
        try log.add("body.established", "body/B-X", on: "2025-01-01", ["bodyId": "B-X", "bodyType": "B-OTHER", "quorumRule": ["min": 2]])
        let attendees: JSONValue = [
            ["personId": "p-1", "category": "staff", "role": "chair"], ["personId": "p-2", "category": "ebe_lived", "role": "member"],
            ["personId": "p-3", "category": "staff", "role": "member"], ["personId": "p-4", "category": "staff", "role": "observer"],
        ]
        try log.add("meeting.held", "meeting/M-1", on: "2025-02-01", [
            "meetingId": "M-1", "bodyId": "B-X", "attendees": attendees, "declarationsMade": [["personId": "p-3", "itemRef": "D-1", "action": "recused"]],
        ])
        // p-3 recused from D-1 only: two can vote on D-1 (the observer cannot), three on D-2.
        try log.add("decision.recorded", "decision/D-1", on: "2025-02-01", ["decisionId": "D-1", "meetingId": "M-1", "recusals": ["p-3"], "tally": ["inFavour": 2, "against": 0, "abstained": 0]])
        try log.add("decision.recorded", "decision/D-2", on: "2025-02-01", ["decisionId": "D-2", "meetingId": "M-1", "recusals": [], "tally": ["inFavour": 2, "against": 1, "abstained": 0]])
        #expect(try Self.rule(log, "G-6", asOf: "2025-03-01").verdict == .pass)
        let silent = try log.add("meeting.held", "meeting/M-2", on: "2025-02-10", ["meetingId": "M-2", "bodyId": "B-X", "attendees": attendees])
        try log.add("meeting.held", "meeting/M-3", on: "2025-02-20", [
            "meetingId": "M-3", "bodyId": "B-X", "attendees": attendees, "declarationsMade": [["personId": "p-3", "itemRef": "D-4", "action": "recused"]],
        ])
        // D-4 forgets p-3's recusal and counts three votes where only p-1 and p-2 could vote.
        let counted = try log.add("decision.recorded", "decision/D-4", on: "2025-02-20", ["decisionId": "D-4", "meetingId": "M-3", "recusals": [], "tally": ["inFavour": 3, "against": 0, "abstained": 0]])
        let g6 = try Self.rule(log, "G-6", asOf: "2025-03-01")
        #expect(g6.findings.map(\.index) == [silent, counted, counted])
        #expect(g6.findings.last?.detail.contains("counts 3 votes, but only 2") == true)
    }

    @Test func g7UpdatesToBothBoardsEverySixMonthsInBothModesEachYear() throws {
        let log = try Log()
        @discardableResult func update(_ body: String, _ day: String, _ mode: String) throws -> Int {
            try log.add("board.update_given", "body/\(body)", on: day, ["bodyId": .string(body), "mode": .string(mode), "metricsIncluded": []])
        }
        try update("B-TRUSTEES", "2023-06-01", "written")
        try update("B-TRUSTEES", "2023-11-20", "verbal")
        try update("B-TRUSTEES", "2024-05-10", "written")
        let lastToTrustees = try update("B-TRUSTEES", "2024-11-01", "verbal")
        try update("B-REPB", "2023-07-01", "written")
        try update("B-REPB", "2023-12-01", "verbal")
        #expect(try Self.rule(log, "G-7", asOf: "2024-04-01").verdict == .pass, "the first plan year has both modes for both boards")
        try update("B-REPB", "2024-05-01", "verbal")
        let lastToREPB = try update("B-REPB", "2024-10-30", "verbal")
        // Plan year 2024-25 ends 31 March 2025: the programme board had no written update in it.
        let year = try Self.rule(log, "G-7", asOf: "2025-04-01")
        #expect(year.findings.map(\.index) == [lastToREPB])
        #expect(year.findings.first?.detail == "no written update to B-REPB in plan year 2024-25")
        // By 1 June 2025 both are overdue: six months after 1 November is 1 May, after 30 October is 30 April.
        let later = try Self.rule(log, "G-7", asOf: "2025-06-01")
        #expect(later.findings.map(\.index) == [lastToTrustees, lastToREPB, lastToREPB])
    }

    @Test func g8RepresentationReviewedEveryTwelveMonthsWithGrace() throws {
        let log = try Log()
        @discardableResult func review(_ day: String) throws -> Int {
            try log.add("representation.reviewed", "representation", on: day, ["bodyIds": ["B-X"], "aggregateComposition": [], "findings": "ok", "actionsRaised": []])
        }
        try review("2024-03-15")
        try review("2025-04-10")  // 15 March 2025 + 30 days of grace is 14 April
        #expect(try Self.rule(log, "G-8", asOf: "2025-06-01").verdict == .pass)
        let late = try review("2026-06-01")  // due by 10 April 2026 + 30 days = 10 May 2026
        let g8 = try Self.rule(log, "G-8", asOf: "2026-06-02")
        #expect(g8.findings.map(\.index) == [late])
        #expect(g8.findings.first?.detail.contains("deadline 2026-05-10") == true)
    }

    @Test func g9EveryRegionHasAForumAndAPlanOwnedByItsRegionalLead() throws {
        let log = try Log()
        try log.add("region.registered", "region/NW", on: "2025-04-01", ["regionId": "NW", "servicesProvided": true])
        let london = try log.add("region.registered", "region/LDN", on: "2025-04-01", ["regionId": "LDN", "servicesProvided": true])
        for region in ["NW", "LDN"] {
            try log.add("body.established", "body/B-REGFORUM-\(region)", on: "2025-04-01", [
                "bodyId": .string("B-REGFORUM-\(region)"), "bodyType": "B-REGFORUM", "regionId": .string(region), "quorumRule": ["min": 3],
            ])
        }
        try log.add("plan.version_published", "plan/plan-nw", on: "2025-06-01", ["planId": "plan-nw", "version": 1, "scope": "regional", "regionId": "NW", "ownerRoleId": "R-REG-LEAD"])
        #expect(try Self.rule(log, "G-9", asOf: "2025-07-01").verdict == .pass, "London's plan is not due until 1 April 2026")
        let wrongOwner = try log.add("plan.version_published", "plan/plan-ldn", on: "2025-08-01", [
            "planId": "plan-ldn", "version": 1, "scope": "regional", "regionId": "LDN", "ownerRoleId": "R-DIR-EDI",
        ])
        #expect(try Self.rule(log, "G-9", asOf: "2025-09-01").findings.map(\.index) == [wrongOwner])
        #expect(try Self.rule(log, "G-9", asOf: "2026-04-02").findings.map(\.index) == [wrongOwner, london])
    }

    @Test func g10MinutesApprovedAtOneOfTheNextTwoMeetings() throws {
        let log = try Log()
        var index: [String: Int] = [:]
        for (m, day) in [("M-1", "2025-01-10"), ("M-2", "2025-02-10"), ("M-3", "2025-03-10"), ("M-4", "2025-04-10")] {
            index[m] = try log.add("meeting.held", "meeting/\(m)", on: day, ["meetingId": .string(m), "bodyId": "B-X", "attendees": [], "noneDeclared": true])
        }
        try log.add("minutes.approved", "meeting/M-1", on: "2025-02-10", ["meetingId": "M-1", "approvedAtMeetingId": "M-2"])
        try log.add("minutes.approved", "meeting/M-2", on: "2025-04-10", ["meetingId": "M-2", "approvedAtMeetingId": "M-4"])
        // M-3's minutes are still open, but only one meeting (M-4) has followed it.
        #expect(try Self.rule(log, "G-10", asOf: "2025-04-15").verdict == .pass)
        try log.add("meeting.held", "meeting/M-5", on: "2025-05-10", ["meetingId": "M-5", "bodyId": "B-X", "attendees": [], "noneDeclared": true])
        let g10 = try Self.rule(log, "G-10", asOf: "2025-05-15")
        #expect(g10.findings.map(\.index) == [index["M-3"]])
        #expect(g10.checked == 3, "M-1, M-2 approved in time and M-3 judged; M-4 and M-5 are not due")
    }
}
