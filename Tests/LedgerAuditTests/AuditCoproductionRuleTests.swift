import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// Coproduction rules C-2 … C-6, each passing and failing on a hand-built ledger.
@Suite struct AuditCoproductionRuleTests {
    typealias Log = AuditRuleTests.Log
    static func rule(_ log: Log, _ id: String, asOf: String) throws -> RuleResult {
        try #require(AuditRuleTests.rule(try log.audit(asOf: asOf), id))
    }

    /// p-1 is an Expert by Experience, p-2 a community representative; C-1 is p-1's contribution
    /// to a regional forum, C-2 p-2's; B-LEAB is an all-EbE body.
    static func people(_ log: Log) throws {
        try log.add(AuditPrivacyRuleTests.person("p-1", [.ebeLived]), on: "2025-01-02")
        try log.add(AuditPrivacyRuleTests.person("p-2", [.communityRep]), on: "2025-01-02")
        try log.add(log.body("B-LEAB", type: .livedExperienceAdvisoryBoard, quorum: 3), on: "2025-01-02")
        try log.add(AuditRuleTests.contribution("C-1", body: "B-REGFORUM-NW").with { $0.personId = "p-1" }, on: "2025-01-10")
        try log.add(AuditRuleTests.contribution("C-2", body: "B-REGFORUM-LDN").with { $0.personId = "p-2" }, on: "2025-01-10")
    }

    static func plan(_ id: EntityID, scope: Scope, region: EntityID? = nil, owner: RoleID, with: [EntityRef]) -> PlanVersionPublished {
        AuditGovernanceRuleTests.plan(id, scope: scope, region: region, owner: owner).with { $0.coDevelopedWith = with }
    }

    @Test func c2PlanVersionsAreCoDevelopedWithExpertsByExperience() throws {
        let log = try Log()
        try Self.people(log)
        let founding = try log.add(Self.plan("amhe-plan", scope: .national, owner: "R-DIR-EDI", with: []), on: "2023-04-01")
        try log.add(Self.plan("plan-nw", scope: .regional, region: "NW", owner: "R-REG-LEAD", with: [EntityRef(.contribution, "C-1")]), on: "2025-03-01")
        try log.add(Self.plan("plan-mid", scope: .regional, region: "MID", owner: "R-REG-LEAD", with: [EntityRef(.body, "B-LEAB")]), on: "2025-03-01")
        let c2 = try Self.rule(log, "C-2", asOf: "2025-04-01")
        #expect(c2.verdict == .pass)
        #expect(c2.notes.map(\.index) == [founding], "the founding plan is exempted and the report says so")
        let london = try log.add(
            Self.plan("plan-ldn", scope: .regional, region: "LDN", owner: "R-REG-LEAD", with: [EntityRef(.contribution, "C-2"), EntityRef(.body, "B-REGFORUM-LDN")]),
            on: "2025-03-02")
        #expect(try Self.rule(log, "C-2", asOf: "2025-04-01").findings.map(\.index) == [london])
    }

    @Test func c3LocalMetricsNameTheirCoproduction() throws {
        let log = try Log()
        try log.add(AuditPlanRuleTests.metric("M-A", code: "M-A", scope: .regional, coproduced: ["C-1"]), on: "2025-02-01")
        try log.add(AuditPlanRuleTests.metric("M-C", code: "M-C", scope: .national), on: "2025-02-01")
        #expect(try Self.rule(log, "C-3", asOf: "2025-03-01").verdict == .pass, "a national metric needs no local coproduction")
        let local = try log.add(AuditPlanRuleTests.metric("M-B", code: "M-B", scope: .local), on: "2025-02-01")
        #expect(try Self.rule(log, "C-3", asOf: "2025-03-01").findings.map(\.index) == [local])
    }

    @Test func c4CoProductionHasExpertsByExperienceFromTheOutsetAndAtTheDecision() throws {
        let log = try Log()
        try Self.people(log)
        let withEbe: [(PersonID, PersonCategory, MeetingRole)] = [("p-9", .staff, .chair), ("p-1", .ebeLived, .member)]
        let withoutEbe: [(PersonID, PersonCategory, MeetingRole)] = [("p-9", .staff, .chair), ("p-2", .communityRep, .member)]
        for (m, attendees) in [("M-1", withEbe), ("M-2", withEbe), ("M-3", withoutEbe)] as [(EntityID, [(PersonID, PersonCategory, MeetingRole)])] {
            try log.add(log.meeting(m, of: "B-X", attendees), on: "2025-02-01")
        }
        @discardableResult func decide(_ d: EntityID, proposer: PersonID, inputs: [EntityRef], meeting: EntityID, rung: LadderRung) throws -> Int {
            try log.add(DecisionProposed.example.with { $0.decisionId = d; $0.bodyId = "B-X"; $0.proposer = proposer; $0.inputs = inputs }, on: "2025-01-28")
            return try log.add(AuditRuleTests.decision(d, at: meeting).with { $0.ladderRung = rung }, on: "2025-02-01")
        }
        func servicePlan(_ id: String, _ service: String, _ contribution: String) -> ServicePlanCoproduced {
            ServicePlanCoproduced.example.with { $0.servicePlanId = id; $0.serviceId = service; $0.ladderRung = .coProduction; $0.contributionRefs = [contribution] }
        }
        try decide("D-1", proposer: "p-1", inputs: [], meeting: "M-1", rung: .coProduction)
        try decide("D-5", proposer: "p-2", inputs: [EntityRef(.contribution, "C-1")], meeting: "M-2", rung: .coProduction)
        try decide("D-4", proposer: "p-2", inputs: [], meeting: "M-3", rung: .coDesign)
        try log.add(servicePlan("SP-1", "svc-1", "C-1"), on: "2025-02-05")
        #expect(try Self.rule(log, "C-4", asOf: "2025-03-01").verdict == .pass, "D-5 was proposed by a community rep but cites an Expert by Experience's contribution")
        let notFromOutset = try decide("D-2", proposer: "p-2", inputs: [EntityRef(.contribution, "C-2")], meeting: "M-2", rung: .coProduction)
        let nobodyPresent = try decide("D-3", proposer: "p-1", inputs: [], meeting: "M-3", rung: .coProduction)
        let plan = try log.add(servicePlan("SP-2", "svc-2", "C-2"), on: "2025-02-05")
        let c4 = try Self.rule(log, "C-4", asOf: "2025-03-01")
        #expect(c4.findings.map(\.index) == [notFromOutset, nobodyPresent, plan])
        #expect(c4.checked == 6, "four co-production decisions and two service plans; D-4 is co-design and not judged")
    }

    @Test func c5ASurveyDisparityLeadsToACoproducedAction() throws {
        let log = try Log()
        let first = "00000000-0000-4000-8000-000000000001", second = "00000000-0000-4000-8000-000000000002"
        try log.add(AuditPlanRuleTests.metric("M-SUES", code: "M-SUES"), on: "2025-04-01")
        try log.add(AuditPlanRuleTests.metric("M-OTHER", code: "M-OTHER"), on: "2025-04-01")
        for id in [first, second] {
            try log.add(log.observation("M-SUES"), on: "2025-05-20", id: id)
        }
        func disparity(_ id: String, _ metric: String, _ observation: String?) -> DisparityIdentified {
            DisparityIdentified.example.with { $0.disparityId = id; $0.metricId = metric; $0.observationRef = observation }
        }
        func proposal(_ id: EntityID, _ inputs: [EntityRef]) -> DecisionProposed {
            DecisionProposed.example.with { $0.decisionId = id; $0.bodyId = "B-X"; $0.inputs = inputs }
        }
        func action(_ id: EntityID, _ code: ActionCode, from decision: EntityID) -> ActionCreated {
            AuditRuleTests.action(id, code: code, due: "2026-03-31").with { $0.sourceDecisionId = decision }
        }
        try log.add(disparity("DSP-1", "M-SUES", first), on: "2025-06-01")
        try log.add(disparity("DSP-3", "M-OTHER", nil), on: "2025-06-01")
        // DSP-1: a decision cites the observation and an Expert by Experience's contribution; an action follows.
        try log.add(proposal("D-1", [EntityRef(.event, EntityID(stringLiteral: first)), EntityRef(.contribution, "C-1")]), on: "2025-06-20")
        try log.add(action("A-1", "DF-3-A", from: "D-1"), on: "2025-07-01")
        let missed = try log.add(disparity("DSP-2", "M-SUES", second), on: "2025-06-01")
        #expect(try Self.rule(log, "C-5", asOf: "2025-08-01").verdict == .pass, "DSP-2 has 90 days, to 30 August; DSP-3 is not a survey disparity")
        // DSP-2: an action comes from a decision citing it, but nobody's contribution is linked.
        try log.add(proposal("D-2", [EntityRef(.event, EntityID(stringLiteral: second))]), on: "2025-06-20")
        try log.add(action("A-2", "DF-3-B", from: "D-2"), on: "2025-07-01")
        let c5 = try Self.rule(log, "C-5", asOf: "2025-09-01")
        #expect(c5.findings.map(\.index) == [missed])
        #expect(c5.findings.first?.detail.contains("A-2 have no contribution linked") == true)
        try log.add(ContributionInfluenceTraced.example.with { $0.contributionId = "C-1"; $0.targetType = .action; $0.targetId = "A-2" }, on: "2025-08-15")
        #expect(try Self.rule(log, "C-5", asOf: "2025-09-01").verdict == .pass, "a contribution traced to the action makes it coproduced")
    }

    @Test func c6RecognitionIsSettledWithinThirtyDays() throws {
        let log = try Log()
        @discardableResult func record(_ id: String, _ day: String, _ status: InvolvementVocabulary.RecognitionStatus) throws -> Int {
            try log.add(
                InvolvementRecognitionRecorded.example.with { $0.recognitionId = id; $0.personId = "p-1"; $0.status = status; $0.contributionId = "C-1"; $0.meetingId = nil },
                on: day)
        }
        try record("R-1", "2025-01-01", .offered)
        try record("R-1", "2025-01-20", .paid)
        try record("R-2", "2025-01-01", .offered)
        let stillOffered = try record("R-3", "2025-01-01", .offered)
        #expect(try Self.rule(log, "C-6", asOf: "2025-01-31").verdict == .pass, "30 days offered is still allowed")
        let slow = try record("R-2", "2025-02-15", .paid)  // 45 days
        let c6 = try Self.rule(log, "C-6", asOf: "2025-03-01")
        #expect(c6.findings.map(\.index) == [slow, stillOffered])
    }
}
