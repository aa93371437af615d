import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// Plan and monitoring rules M-2, M-5, M-8 … M-16, each passing and failing on a hand-built
/// ledger. The plan starts on 2023-04-01; metric codes are the domain map's (M-EPG, M-EXIT, …).
@Suite struct AuditPlanRuleTests {
    typealias Log = AuditRuleTests.Log
    static func rule(_ log: Log, _ id: String, asOf: String) throws -> RuleResult {
        try #require(AuditRuleTests.rule(try log.audit(asOf: asOf), id))
    }

    /// A metric with the code, scope, cadence and competencies given, no dimensions and no local
    /// coproduction unless given.
    static func metric(
        _ id: String, code: String, scope: MetricVocabulary.Scope = .national, cadence: MetricVocabulary.Cadence = .adHoc,
        competencies: [TagVocabulary.Competency] = [.culturalAwareness], dimensions: [MetricVocabulary.Dimension] = [], coproduced: [String] = []
    ) -> MetricDefined {
        MetricDefined.example.with {
            $0.metricId = id
            $0.code = code
            $0.scope = scope
            $0.regionId = scope == .national ? nil : "NW"
            $0.cadence = cadence
            $0.competencies = competencies
            $0.dimensions = dimensions
            $0.locallyCoproducedRefs = coproduced
        }
    }

    @Test func m2EveryCompetencyHasAnOpenActionAndAMetric() throws {
        let log = try Log()
        try log.add(AuditRuleTests.action("A-1", code: "A-1", due: "2028-03-31", competencies: [.culturalAwareness, .staffKnowledge, .partnershipWorking]), on: "2023-04-01")
        try log.add(AuditRuleTests.action("A-2", code: "A-2", due: "2028-03-31", competencies: [.coproduction, .workforce, .coLearning]), on: "2023-04-01")
        try log.add(Self.metric("M-1", code: "M-1", competencies: [.culturalAwareness, .staffKnowledge, .partnershipWorking, .coproduction, .workforce, .coLearning]), on: "2023-05-01")
        #expect(try Self.rule(log, "M-2", asOf: "2024-01-01").verdict == .pass)
        try log.add(AuditRuleTests.status("A-2", .done), on: "2024-02-01")
        let untagged = try log.add(AuditRuleTests.action("A-3", code: "A-3", due: "2028-03-31"), on: "2024-02-01")
        let m2 = try Self.rule(log, "M-2", asOf: "2024-03-01")
        // A-3 has no competency; with A-2 done, C-CP, C-WF and C-CL have no open action (in the policy's order).
        #expect(m2.findings.map(\.index) == [untagged, nil, nil, nil])
        #expect(m2.findings.dropFirst().map(\.detail) == ["no open action works on competency C-CP", "no open action works on competency C-WF", "no open action works on competency C-CL"])
    }

    @Test func m5AnIndependentEvaluationEveryPlanYear() throws {
        let log = try Log()
        try log.add(AuditPrivacyRuleTests.person("p-ev", [.independentEvaluator]), on: "2023-01-02")
        try log.add(AuditPrivacyRuleTests.person("p-st", [.staff]), on: "2023-01-02")
        let evaluator = try log.key(holder: "person/p-ev", role: .evaluator)
        let staff = try log.key(holder: "person/p-st", role: .evaluator)
        try log.add(IndependentEvaluationReported.example.with { $0.evaluationId = "EV-1"; $0.reportId = nil }, on: "2024-02-01", signer: evaluator)
        #expect(try Self.rule(log, "M-5", asOf: "2024-06-01").verdict == .pass, "plan year 2023-24 has one; 2024-25 is not over")
        // In 2024-25 only a member of staff reports an "independent" evaluation.
        let notIndependent = try log.add(IndependentEvaluationReported.example.with { $0.evaluationId = "EV-2"; $0.reportId = nil }, on: "2025-02-01", signer: staff)
        let m5 = try Self.rule(log, "M-5", asOf: "2025-06-01")
        #expect(m5.findings.map(\.index) == [notIndependent, nil])
        #expect(m5.findings.last?.detail == "no independent evaluation reported in plan year 2024-25")
    }

    static func partner(_ id: String, _ type: PartnershipVocabulary.PartnerType, _ regions: [String]) -> PartnerRegistered {
        PartnerRegistered.example.with { $0.partnerId = id; $0.type = type; $0.regionIds = regions }
    }

    static func service(_ id: EntityID) -> ServiceRegistered {
        ServiceRegistered.example.with { $0.serviceId = id; $0.regionId = "NW" }
    }

    @Test func m8EveryServiceHasACoproducedPlanForTheFiveNeeds() throws {
        let log = try Log()
        try log.add(Self.partner("PT-F", .faith, ["NW"]), on: "2025-04-01")
        try log.add(Self.partner("PT-LA", .localAuthority, ["NW"]), on: "2025-04-01")
        for s in ["svc-1", "svc-2"] as [EntityID] { try log.add(Self.service(s), on: "2025-04-01") }
        typealias Need = PartnershipVocabulary.Need
        func plan(_ id: String, _ service: String, partner: String, food: Need) -> ServicePlanCoproduced {
            ServicePlanCoproduced.example.with {
                $0.servicePlanId = id
                $0.serviceId = service
                $0.partners = [partner]
                $0.needsAddressed = PartnershipVocabulary.NeedsAddressed(
                    languageAccessibility: Need(status: .addressed, approach: "Interpreters."), culturalFood: food,
                    faithSpiritual: Need(status: .addressed, approach: "Chaplaincy."), aftercare: Need(status: .addressed, approach: "Follow-up."),
                    traumaInformed: Need(status: .addressed, approach: "Training."))
            }
        }
        try log.add(plan("SP-1", "svc-1", partner: "PT-F", food: Need(status: .notApplicable, reason: "No meals.")), on: "2025-09-01")
        #expect(try Self.rule(log, "M-8", asOf: "2025-10-01").verdict == .pass, "svc-2's plan is due by 1 April 2026")
        // The catalogue wants a reason for "not applicable"; a blank one is no reason.
        let unreasoned = try log.add(plan("SP-2", "svc-2", partner: "PT-LA", food: Need(status: .notApplicable, reason: " ")), on: "2025-10-01")
        let unplanned = try log.add(Self.service("svc-3"), on: "2025-04-01")
        // SP-2: cultural food neither addressed nor explained, and a local authority is not a community, faith or VCSE partner.
        let m8 = try Self.rule(log, "M-8", asOf: "2026-04-02")
        #expect(m8.findings.map(\.index) == [unreasoned, unreasoned, unplanned])
        #expect(m8.findings.first?.detail.contains("culturalFood") == true)
    }

    @Test func m9ThePayGapIsReportedEveryYearFromItsObservation() throws {
        let log = try Log()
        let observation = "00000000-0000-4000-8000-0000000000e1"
        try log.add(Self.metric("M-EPG", code: "M-EPG"), on: "2025-04-03")
        try log.add(log.observation("M-EPG"), on: "2025-06-01", id: observation)
        try log.add(AuditRuleTests.report("R-1", .ethnicityPayGap).with { $0.observationRefs = [observation] }, on: "2025-10-01")
        #expect(try Self.rule(log, "M-9", asOf: "2026-01-01").verdict == .pass)
        // The next is due by 1 October 2026 + 30 days; it comes on 1 December and cites nothing.
        let late = try log.add(AuditRuleTests.report("R-2", .ethnicityPayGap).with { $0.observationRefs = [] }, on: "2026-12-01")
        let m9 = try Self.rule(log, "M-9", asOf: "2026-12-02")
        #expect(m9.findings.map(\.index) == [late, late])
        #expect(m9.findings.first?.detail.contains("deadline 2026-10-31") == true)
        // With no metric at all: not yet due before the first report's deadline, a failure after it.
        #expect(try Self.rule(try Log(), "M-9", asOf: "2024-01-01").verdict == .notYetDue)
        #expect(
            try Self.rule(try Log(), "M-9", asOf: "2024-06-01").findings.first?.detail
                == "no pay gap metric (code M-EPG) is defined; the first report was due by 2024-05-01")
    }

    @Test func m10TheEdiPlanAndStaffNetworksPlanAreCurrent() throws {
        let log = try Log()
        let edi = try log.add(AuditRuleTests.report("EDI", .ediStrategicPlan), on: "2024-01-10")
        #expect(try Self.rule(log, "M-10", asOf: "2025-01-01").verdict == .pass, "the Staff Networks Action Plan is not due until 1 April 2026")
        let m10 = try Self.rule(log, "M-10", asOf: "2027-01-10")
        #expect(m10.findings.map(\.index) == [edi, nil], "three years old on 10 January 2027; no staff networks plan at all")
        #expect(m10.findings.last?.detail.contains("staff_networks_action_plan") == true)
    }

    @Test func m11ExitInterviewsObservedEachQuarter() throws {
        #expect(try Self.rule(try Log(), "M-11", asOf: "2024-01-01").findings.first?.detail == "no exit-interview metric (code M-EXIT) is defined")
        let log = try Log()
        try log.add(Self.metric("M-EXIT", code: "M-EXIT", cadence: .quarterly), on: "2025-04-03")
        try log.add(log.observation("M-EXIT"), on: "2025-07-10")
        let last = try log.add(log.observation("M-EXIT"), on: "2025-10-10")
        #expect(try Self.rule(log, "M-11", asOf: "2025-12-01").verdict == .pass)
        // Three months after 10 October plus 30 days is 9 February 2026.
        let m11 = try Self.rule(log, "M-11", asOf: "2026-02-15")
        #expect(m11.findings.map(\.index) == [last])
        #expect(m11.findings.first?.detail.contains("due by 2026-02-09") == true)
    }

    @Test func m12CompletenessObservedApartAndNotFallingUnexplained() throws {
        let log = try Log()
        for (id, code) in [("M-SUD-NW", "M-SUD"), ("M-WFD", "M-WFD")] {
            try log.add(Self.metric(id, code: code, cadence: .quarterly), on: "2025-04-03")
        }
        @discardableResult func observe(_ metric: String, _ day: String, completeness: (Int, Int)?, id: String) throws -> Int {
            let observation = log.observation(metric).with {
                $0.scope = .local
                $0.serviceId = "svc-1"
                $0.cells = [MetricVocabulary.Cell(dims: MetricVocabulary.Dims(ethnicity: .whiteBritish), n: 80)]
                $0.ethnicityCodeSystem = .ons2021
                $0.completeness = completeness.map { MetricVocabulary.Completeness(notStated: $0.0, notKnown: $0.1, total: 100) }
            }
            guard completeness == nil else { return try log.add(observation, on: day, id: id) }
            // Without completeness a breakdown by ethnicity is refused by the catalogue: only a log
            // kept without the domain policy holds one.
            return try log.addInvalid(MetricObserved.eventType, observation.stream, on: day, try #require(Catalogue.json(of: observation).objectValue), id: id)
        }
        try observe("M-SUD-NW", "2025-07-10", completeness: (10, 10), id: "00000000-0000-4000-8000-0000000000a1")  // 80%
        try observe("M-SUD-NW", "2025-10-10", completeness: (5, 5), id: "00000000-0000-4000-8000-0000000000a2")  // 90%
        let noCompleteness = try observe("M-WFD", "2025-07-10", completeness: nil, id: "00000000-0000-4000-8000-0000000000b1")
        try observe("M-WFD", "2025-10-10", completeness: (3, 2), id: "00000000-0000-4000-8000-0000000000b2")
        let fell = try observe("M-SUD-NW", "2026-01-10", completeness: (10, 10), id: "00000000-0000-4000-8000-0000000000a3")  // back to 80%
        try observe("M-WFD", "2026-01-10", completeness: (2, 2), id: "00000000-0000-4000-8000-0000000000b3")
        let m12 = try Self.rule(log, "M-12", asOf: "2026-01-15")
        #expect(m12.findings.map(\.index) == [fell, noCompleteness])
        #expect(m12.findings.first?.detail.contains("fell from 90.0% (entry") == true)
        // A progress update that cites the January observation explains the fall.
        try log.add(AuditRuleTests.status("DF-1", .inProgress, evidence: [EntityRef(.event, "00000000-0000-4000-8000-0000000000a3")]), on: "2026-01-20")
        #expect(try Self.rule(log, "M-12", asOf: "2026-01-25").findings.map(\.index) == [noCompleteness])
    }

    @Test func m13TheImpactMetricCoversTheNineCharacteristicsOrRecordsAnExemption() throws {
        let log = try Log()
        let metric = try log.add(
            Self.metric(
                "M-IMPACT", code: "M-IMPACT",
                dimensions: [.ethnicity, .age, .disability, .genderReassignment, .marriageCivilPartnership, .pregnancyMaternity, .religionBelief, .sex]),
            on: "2025-04-03")
        let m13 = try Self.rule(log, "M-13", asOf: "2025-05-01")
        #expect(m13.findings.map(\.index) == [metric])
        #expect(m13.findings.first?.detail.contains("no dimension for sexualOrientation") == true)
        let exemption = try log.add(
            PolicyParameterSet(ruleId: "M-13", parameter: "exemptCharacteristic", value: .text("sexualOrientation"), rationale: "Not asked in this survey wave.", decisionRef: "D-1"),
            on: "2025-04-20")
        let exempted = try Self.rule(log, "M-13", asOf: "2025-05-01")
        #expect(exempted.verdict == .pass)
        #expect(exempted.notes.map(\.index) == [exemption])
    }

    @Test func m14SatisfactionOfAllFourGroupsEveryYear() throws {
        let log = try Log()
        try log.add(Self.metric("M-SAT-partners", code: "M-SAT"), on: "2025-04-03")
        for group in [.partners, .serviceUsers, .staff] as [MetricVocabulary.RespondentGroup] {
            try log.add(PartnerSatisfactionObserved.example.with { $0.metricId = "M-SAT-partners"; $0.respondentGroup = group }, on: "2026-01-27")
        }
        #expect(try Self.rule(log, "M-14", asOf: "2026-03-31").verdict == .pass, "carers are due by 3 April 2026 + 30 days")
        let m14 = try Self.rule(log, "M-14", asOf: "2026-05-04")
        #expect(m14.findings.map(\.index) == [nil])
        #expect(m14.findings.first?.detail == "no satisfaction observation of carers since the metric's definition; one was due by 2026-05-03")
    }

    @Test func m15EveryRegionHasLocalAuthorityIcbAndAdvocacyPartners() throws {
        let log = try Log()
        func region(_ id: EntityID, services: Bool = true) -> RegionRegistered {
            RegionRegistered.example.with { $0.regionId = id; $0.servicesProvided = services }
        }
        try log.add(region("NW"), on: "2025-04-01")
        let london = try log.add(region("LDN"), on: "2025-04-01")
        try log.add(region("HQ", services: false), on: "2025-04-01")
        for (id, type, regions) in [("PT-1", .localAuthority, ["NW", "LDN"]), ("PT-2", .icb, ["NW"]), ("PT-3", .advocacy, ["NW"]), ("PT-4", .ics, ["LDN"])]
            as [(String, PartnershipVocabulary.PartnerType, [String])]
        {
            try log.add(Self.partner(id, type, regions), on: "2025-04-01")
        }
        let m15 = try Self.rule(log, "M-15", asOf: "2025-05-01")
        #expect(m15.findings.map(\.index) == [london], "London lacks an advocacy partner; HQ has no services")
        try log.add(Self.partner("PT-5", .advocacy, ["LDN"]), on: "2025-04-02")
        #expect(try Self.rule(log, "M-15", asOf: "2025-05-01").verdict == .pass)
    }

    @Test func m16EveryPlanVersionIsPublishedWithinThirtyDays() throws {
        let log = try Log()
        func published(_ id: String, plan: String, version: String) -> ReportPublished {
            AuditRuleTests.report(id, .plan).with { $0.planId = plan; $0.planVersion = version }
        }
        try log.add(AuditGovernanceRuleTests.plan("P", scope: .national, owner: "R-X"), on: "2025-01-10")
        try log.add(published("R-P1", plan: "P", version: "1"), on: "2025-01-20")
        #expect(try Self.rule(log, "M-16", asOf: "2025-03-01").verdict == .pass)
        try log.add(AuditGovernanceRuleTests.plan("P", version: 2, scope: .national, owner: "R-X"), on: "2025-06-01")
        let unpublished = try log.add(AuditGovernanceRuleTests.plan("PX", scope: .regional, region: "NW", owner: "R-X"), on: "2025-06-01")
        let late = try log.add(published("R-P2", plan: "P", version: "2"), on: "2025-08-01")
        #expect(try Self.rule(log, "M-16", asOf: "2025-09-01").findings.map(\.index) == [late, unpublished])
    }
}
