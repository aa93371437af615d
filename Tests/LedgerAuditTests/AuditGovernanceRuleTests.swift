import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// Governance rules G-1, G-2, G-3, G-6 … G-10, each on a hand-built ledger that passes and then
/// fails, the offending entries worked out here. The plan starts on 2023-04-01 (the default policy).
@Suite struct AuditGovernanceRuleTests {
    typealias Log = AuditRuleTests.Log
    static func rule(_ log: Log, _ id: String, asOf: String) throws -> RuleResult {
        try #require(AuditRuleTests.rule(try log.audit(asOf: asOf), id))
    }

    static func assigned(_ role: RoleID, _ person: PersonID, body: BodyID? = nil) -> RoleAssigned {
        RoleAssigned.example.with { $0.roleId = role; $0.personId = person; $0.bodyId = body; $0.regionId = nil; $0.appointedByDecision = nil }
    }

    static func ended(_ role: RoleID, _ person: PersonID) -> RoleEnded {
        RoleEnded.example.with { $0.roleId = role; $0.personId = person }
    }

    @Test func g1TheChampionsRoleIsNeverVacantForLong() throws {
        let log = try Log()
        try log.add(Self.assigned("R-CHAMPION", "p-1", body: "B-TRUSTEES"), on: "2023-04-01")
        try log.add(Self.ended("R-CHAMPION", "p-1"), on: "2024-01-31")
        try log.add(Self.assigned("R-CHAMPION", "p-2", body: "B-TRUSTEES"), on: "2024-02-20")
        // 1 to 19 February 2024: a 19-day vacancy, within the 30 allowed.
        #expect(try Self.rule(log, "G-1", asOf: "2025-01-01").verdict == .pass)
        let left = try log.add(Self.ended("R-CHAMPION", "p-2"), on: "2025-03-31")
        // Appointed to another body: does not fill the Board-level role.
        try log.add(Self.assigned("R-CHAMPION", "p-3", body: "B-EIB"), on: "2025-04-10")
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
        try log.add(Self.assigned("R-CHAMPION", "p-1", body: "B-TRUSTEES"), on: "2023-04-01")
        let left = try log.add(Self.ended("R-CHAMPION", "p-1"), on: "2024-01-31")
        // Vacant on 1 February 2024 only.
        try log.add(Self.assigned("R-CHAMPION", "p-2", body: "B-TRUSTEES"), on: "2024-02-02")
        let (strict, sha) = try AuditPolicy.load(Array(#"{"policy": "coledger-audit/v1", "governance": {"maxVacancyDays": 0}}"#.utf8))
        #expect(strict.governance.maxVacancyDays == 0)
        let report = try Audit.run(.ledger(log.ledger), policy: strict, policySHA256: sha, asOf: "2024-06-01")
        let g1 = try #require(AuditRuleTests.rule(report, "G-1"))
        #expect(g1.verdict == .fail)
        #expect(g1.findings.map(\.index) == [left])
        #expect(g1.findings.first?.detail.contains("from 2024-02-01 to 2024-02-01 (1 days); at most 0 allowed") == true)
        #expect(try Self.rule(log, "G-1", asOf: "2024-06-01").verdict == .pass, "the default tolerates 30 days")
    }

    static func joined(_ body: BodyID, _ person: PersonID, _ category: PersonCategory) -> MemberJoined {
        MemberJoined.example.with { $0.bodyId = body; $0.personId = person; $0.membershipCategory = category }
    }

    @Test func g2ThePracticeForumKeepsItsFacilitatorsStaffAndExpertsByExperience() throws {
        let log = try Log()
        try log.add(log.body("B-AMHEPF", type: .amhePracticeForum, quorum: 2, facilitators: ["R-DIR-EDI", "R-HEAD-RJE"]), on: "2023-04-01")
        try log.add(Self.assigned("R-DIR-EDI", "p-1"), on: "2023-04-01")
        try log.add(Self.assigned("R-HEAD-RJE", "p-2"), on: "2023-04-01")
        try log.add(Self.joined("B-AMHEPF", "p-1", .staff), on: "2023-04-01")
        try log.add(Self.joined("B-AMHEPF", "p-3", .ebeLived), on: "2023-04-01")
        #expect(try Self.rule(log, "G-2", asOf: "2024-01-01").verdict == .pass)
        // The only Expert by Experience leaves on 29 February 2024 and the next joins on 15 April:
        // 1 March to 14 April is 45 days without one.
        let left = try log.add(MemberLeft.example.with { $0.bodyId = "B-AMHEPF"; $0.personId = "p-3" }, on: "2024-02-29")
        try log.add(Self.joined("B-AMHEPF", "p-4", .ebeCarer), on: "2024-04-15")
        // Then the terms drop the Head of Racial Justice and Equity as a facilitator.
        let amended = try log.add(Self.amended("B-AMHEPF") { $0.facilitatorRoleIds = ["R-DIR-EDI"] }, on: "2024-06-01")
        let g2 = try Self.rule(log, "G-2", asOf: "2024-07-01")
        #expect(g2.verdict == .fail)
        #expect(g2.findings.map(\.index) == [amended, left])
        #expect(g2.findings.last?.detail.contains("no Expert by Experience member from 2024-03-01 to 2024-04-14 (45 days)") == true)
    }

    /// An amendment of `body`'s terms changing only what `change` sets.
    static func amended(_ body: BodyID, _ change: (inout BodyTermsAmended) -> Void) -> BodyTermsAmended {
        BodyTermsAmended.example.with {
            $0.bodyId = body
            $0.name = nil
            $0.aliases = nil
            $0.chairRoleId = nil
            $0.facilitatorRoleIds = nil
            $0.quorumRule = nil
            $0.ebePresenceRule = nil
            $0.decisionScope = nil
            change(&$0)
        }
    }

    @Test func g3TheInclusionBoardIsChairedByTheDeputyChiefExecutive() throws {
        let log = try Log()
        try log.add(log.body("B-EIB", type: .equityInclusionBoard, quorum: 3, chair: "R-DCEO"), on: "2023-04-01")
        try log.add(Self.assigned("R-DCEO", "p-1"), on: "2023-04-01")
        #expect(try Self.rule(log, "G-3", asOf: "2024-01-01").verdict == .pass)
        let changed = try log.add(Self.amended("B-EIB") { $0.chairRoleId = "R-CHAIR-EIB" }, on: "2024-02-01")
        try log.add(Self.amended("B-EIB") { $0.chairRoleId = "R-DCEO" }, on: "2024-05-01")
        // Put right in May, but the amendment of February stays on the record.
        let g3 = try Self.rule(log, "G-3", asOf: "2024-06-01")
        #expect(g3.findings.map(\.index) == [changed])
        #expect(g3.checked == 3)
    }

    @Test func g6DeclarationsAreRecordedAndRecusedMembersLeftOutOfTallies() throws {
        let log = try Log()
        try log.add(log.body("B-X", quorum: 2), on: "2025-01-01")
        let attendees: [(PersonID, PersonCategory, MeetingRole)] = [
            ("p-1", .staff, .chair), ("p-2", .ebeLived, .member), ("p-3", .staff, .member), ("p-4", .staff, .observer),
        ]
        try log.add(log.meeting("M-1", of: "B-X", attendees, recused: [("p-3", "D-1")]), on: "2025-02-01")
        // p-3 recused from D-1 only: two can vote on D-1 (the observer cannot), three on D-2.
        try log.add(AuditRuleTests.decision("D-1", at: "M-1", tally: .init(inFavour: 2, against: 0, abstained: 0), recusals: ["p-3"]), on: "2025-02-01")
        try log.add(AuditRuleTests.decision("D-2", at: "M-1", tally: .init(inFavour: 2, against: 1, abstained: 0)), on: "2025-02-01")
        #expect(try Self.rule(log, "G-6", asOf: "2025-03-01").verdict == .pass)
        // A meeting that records neither declarations nor noneDeclared: the catalogue refuses it,
        // so only a log kept without the domain policy can hold it.
        var silentMeeting = try #require(Catalogue.json(of: log.meeting("M-2", of: "B-X", attendees)).objectValue)
        silentMeeting["noneDeclared"] = nil
        let silent = try log.addInvalid(MeetingHeld.eventType, "meeting/M-2", on: "2025-02-10", silentMeeting)
        try log.add(log.meeting("M-3", of: "B-X", attendees, recused: [("p-3", "D-4")]), on: "2025-02-20")
        // D-4 forgets p-3's recusal and counts three votes where only p-1 and p-2 could vote.
        let counted = try log.add(AuditRuleTests.decision("D-4", at: "M-3", tally: .init(inFavour: 3, against: 0, abstained: 0)), on: "2025-02-20")
        let g6 = try Self.rule(log, "G-6", asOf: "2025-03-01")
        #expect(g6.findings.map(\.index) == [silent, counted, counted])
        #expect(g6.findings.last?.detail.contains("counts 3 votes, but only 2") == true)
    }

    @Test func g7UpdatesToBothBoardsEverySixMonthsInBothModesEachYear() throws {
        let log = try Log()
        @discardableResult func update(_ body: String, _ day: String, _ mode: ReportingVocabulary.UpdateMode) throws -> Int {
            try log.add(BoardUpdateGiven.example.with { $0.bodyId = body; $0.mode = mode; $0.metricsIncluded = []; $0.meetingId = nil }, on: day)
        }
        try update("B-TRUSTEES", "2023-06-01", .written)
        try update("B-TRUSTEES", "2023-11-20", .verbal)
        try update("B-TRUSTEES", "2024-05-10", .written)
        let lastToTrustees = try update("B-TRUSTEES", "2024-11-01", .verbal)
        try update("B-REPB", "2023-07-01", .written)
        try update("B-REPB", "2023-12-01", .verbal)
        #expect(try Self.rule(log, "G-7", asOf: "2024-04-01").verdict == .pass, "the first plan year has both modes for both boards")
        try update("B-REPB", "2024-05-01", .verbal)
        let lastToREPB = try update("B-REPB", "2024-10-30", .verbal)
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
            try log.add(RepresentationReviewed.example.with { $0.bodyIds = ["B-X"]; $0.aggregateComposition = []; $0.findings = "ok"; $0.actionsRaised = [] }, on: day)
        }
        try review("2024-03-15")
        try review("2025-04-10")  // 15 March 2025 + 30 days of grace is 14 April
        #expect(try Self.rule(log, "G-8", asOf: "2025-06-01").verdict == .pass)
        let late = try review("2026-06-01")  // due by 10 April 2026 + 30 days = 10 May 2026
        let g8 = try Self.rule(log, "G-8", asOf: "2026-06-02")
        #expect(g8.findings.map(\.index) == [late])
        #expect(g8.findings.first?.detail.contains("deadline 2026-05-10") == true)
    }

    static func plan(_ id: EntityID, version: PositiveInt = 1, scope: Scope, region: EntityID? = nil, owner: RoleID) -> PlanVersionPublished {
        PlanVersionPublished.example.with {
            $0.planId = id
            $0.version = version
            $0.scope = scope
            $0.regionId = region
            $0.serviceId = nil
            $0.ownerRoleId = owner
            $0.coDevelopedWith = []
            $0.supersedesVersion = nil
        }
    }

    @Test func g9EveryRegionHasAForumAndAPlanOwnedByItsRegionalLead() throws {
        let log = try Log()
        try log.add(RegionRegistered.example.with { $0.regionId = "NW"; $0.servicesProvided = true }, on: "2025-04-01")
        let london = try log.add(RegionRegistered.example.with { $0.regionId = "LDN"; $0.servicesProvided = true }, on: "2025-04-01")
        for region in ["NW", "LDN"] {
            try log.add(log.body(BodyID(stringLiteral: "B-REGFORUM-\(region)"), type: .regionalForum, quorum: 3, region: EntityID(stringLiteral: region)), on: "2025-04-01")
        }
        try log.add(Self.plan("plan-nw", scope: .regional, region: "NW", owner: "R-REG-LEAD"), on: "2025-06-01")
        #expect(try Self.rule(log, "G-9", asOf: "2025-07-01").verdict == .pass, "London's plan is not due until 1 April 2026")
        let wrongOwner = try log.add(Self.plan("plan-ldn", scope: .regional, region: "LDN", owner: "R-DIR-EDI"), on: "2025-08-01")
        #expect(try Self.rule(log, "G-9", asOf: "2025-09-01").findings.map(\.index) == [wrongOwner])
        #expect(try Self.rule(log, "G-9", asOf: "2026-04-02").findings.map(\.index) == [wrongOwner, london])
    }

    @Test func g10MinutesApprovedAtOneOfTheNextTwoMeetings() throws {
        let log = try Log()
        var index: [String: Int] = [:]
        for (m, day) in [("M-1", "2025-01-10"), ("M-2", "2025-02-10"), ("M-3", "2025-03-10"), ("M-4", "2025-04-10")] {
            index[m] = try log.add(log.meeting(EntityID(stringLiteral: m), of: "B-X", []), on: day)
        }
        try log.add(MinutesApproved.example.with { $0.meetingId = "M-1"; $0.approvedAtMeetingId = "M-2" }, on: "2025-02-10")
        try log.add(MinutesApproved.example.with { $0.meetingId = "M-2"; $0.approvedAtMeetingId = "M-4" }, on: "2025-04-10")
        // M-3's minutes are still open, but only one meeting (M-4) has followed it.
        #expect(try Self.rule(log, "G-10", asOf: "2025-04-15").verdict == .pass)
        try log.add(log.meeting("M-5", of: "B-X", []), on: "2025-05-10")
        let g10 = try Self.rule(log, "G-10", asOf: "2025-05-15")
        #expect(g10.findings.map(\.index) == [index["M-3"]])
        #expect(g10.checked == 3, "M-1, M-2 approved in time and M-3 judged; M-4 and M-5 are not due")
    }
}
