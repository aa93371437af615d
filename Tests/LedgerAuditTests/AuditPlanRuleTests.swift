import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// Plan and monitoring rules M-2, M-5, M-8 … M-16, each passing and failing on a hand-built
/// ledger. The plan starts on 2023-04-01; metric codes are the domain map's (M-EPG, M-EXIT, …).
@Suite struct AuditPlanRuleTests {
    typealias Log = AuditRuleTests.Log
    static func rule(_ log: Log, _ id: String, asOf: String) throws -> RuleResult {
        try #require(AuditRuleTests.rule(try log.audit(asOf: asOf), id))
    }

    @Test func m2EveryCompetencyHasAnOpenActionAndAMetric() throws {
        let log = try Log()
        try log.add("action.created", "action/A-1", on: "2023-04-01", ["actionId": "A-1", "actionCode": "A-1", "competencies": ["C-CA", "C-SKA", "C-PW"]])
        try log.add("action.created", "action/A-2", on: "2023-04-01", ["actionId": "A-2", "actionCode": "A-2", "competencies": ["C-CP", "C-WF", "C-CL"]])
        try log.add("metric.defined", "metric/M-1", on: "2023-05-01", ["metricId": "M-1", "code": "M-1", "competencies": ["C-CA", "C-SKA", "C-PW", "C-CP", "C-WF", "C-CL"]])
        #expect(try Self.rule(log, "M-2", asOf: "2024-01-01").verdict == .pass)
        try log.add("action.status_changed", "action/A-2", on: "2024-02-01", ["actionId": "A-2", "status": "done"])
        let untagged = try log.add("action.created", "action/A-3", on: "2024-02-01", ["actionId": "A-3", "actionCode": "A-3", "competencies": []])
        let m2 = try Self.rule(log, "M-2", asOf: "2024-03-01")
        // A-3 has no competency; with A-2 done, C-CP, C-WF and C-CL have no open action (in the policy's order).
        #expect(m2.findings.map(\.index) == [untagged, nil, nil, nil])
        #expect(m2.findings.dropFirst().map(\.detail) == ["no open action works on competency C-CP", "no open action works on competency C-WF", "no open action works on competency C-CL"])
    }

    @Test func m5AnIndependentEvaluationEveryPlanYear() throws {
        let log = try Log()
        try log.add("person.registered", "person/p-ev", on: "2023-01-02", ["personId": "p-ev", "categories": ["independent_evaluator"]])
        try log.add("person.registered", "person/p-st", on: "2023-01-02", ["personId": "p-st", "categories": ["staff"]])
        let evaluator = try log.key(holder: "person/p-ev", role: "evaluator")
        let staff = try log.key(holder: "person/p-st", role: "evaluator")
        try log.add("evaluation.reported", "evaluation/EV-1", on: "2024-02-01", ["evaluationId": "EV-1"], signer: evaluator)
        #expect(try Self.rule(log, "M-5", asOf: "2024-06-01").verdict == .pass, "plan year 2023-24 has one; 2024-25 is not over")
        // In 2024-25 only a member of staff reports an "independent" evaluation.
        let notIndependent = try log.add("evaluation.reported", "evaluation/EV-2", on: "2025-02-01", ["evaluationId": "EV-2"], signer: staff)
        let m5 = try Self.rule(log, "M-5", asOf: "2025-06-01")
        #expect(m5.findings.map(\.index) == [notIndependent, nil])
        #expect(m5.findings.last?.detail == "no independent evaluation reported in plan year 2024-25")
    }

    @Test func m8EveryServiceHasACoproducedPlanForTheFiveNeeds() throws {
        let log = try Log()
        try log.add("partner.registered", "partner/PT-F", on: "2025-04-01", ["partnerId": "PT-F", "type": "faith", "regionIds": ["NW"]])
        try log.add("partner.registered", "partner/PT-LA", on: "2025-04-01", ["partnerId": "PT-LA", "type": "local_authority", "regionIds": ["NW"]])
        for s in ["svc-1", "svc-2"] { try log.add("service.registered", "service/\(s)", on: "2025-04-01", ["serviceId": .string(s), "regionId": "NW"]) }
        func needs(food: JSONValue) -> JSONValue {
            ["languageAccessibility": ["status": "addressed"], "culturalFood": food, "faithSpiritual": ["status": "addressed"],
             "aftercare": ["status": "addressed"], "traumaInformed": ["status": "addressed"]]
        }
        try log.add("service.plan_coproduced", "service-plan/SP-1", on: "2025-09-01", [
            "servicePlanId": "SP-1", "serviceId": "svc-1", "partners": ["PT-F"], "needsAddressed": needs(food: ["status": "not_applicable", "reason": "No meals."]),
        ])
        #expect(try Self.rule(log, "M-8", asOf: "2025-10-01").verdict == .pass, "svc-2's plan is due by 1 April 2026")
        let unreasoned = try log.add("service.plan_coproduced", "service-plan/SP-2", on: "2025-10-01", [
            "servicePlanId": "SP-2", "serviceId": "svc-2", "partners": ["PT-LA"], "needsAddressed": needs(food: ["status": "not_applicable"]),
        ])
        let unplanned = try log.add("service.registered", "service/svc-3", on: "2025-04-01", ["serviceId": "svc-3", "regionId": "NW"])
        // SP-2: cultural food neither addressed nor explained, and a local authority is not a community, faith or VCSE partner.
        let m8 = try Self.rule(log, "M-8", asOf: "2026-04-02")
        #expect(m8.findings.map(\.index) == [unreasoned, unreasoned, unplanned])
        #expect(m8.findings.first?.detail.contains("culturalFood") == true)
    }

    @Test func m9ThePayGapIsReportedEveryYearFromItsObservation() throws {
        let log = try Log()
        let observation = "00000000-0000-4000-8000-0000000000e1"
        try log.add("metric.defined", "metric/M-EPG", on: "2025-04-03", ["metricId": "M-EPG", "code": "M-EPG", "scope": "national"])
        try log.add("metric.observed", "metric/M-EPG", on: "2025-06-01", ["metricId": "M-EPG", "cells": []], id: observation)
        try log.add("report.published", "report/R-1", on: "2025-10-01", ["reportId": "R-1", "type": "ethnicity_pay_gap", "observationRefs": [.string(observation)]])
        #expect(try Self.rule(log, "M-9", asOf: "2026-01-01").verdict == .pass)
        // The next is due by 1 October 2026 + 30 days; it comes on 1 December and cites nothing.
        let late = try log.add("report.published", "report/R-2", on: "2026-12-01", ["reportId": "R-2", "type": "ethnicity_pay_gap", "observationRefs": []])
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
        let edi = try log.add("report.published", "report/EDI", on: "2024-01-10", ["reportId": "EDI", "type": "edi_strategic_plan"])
        #expect(try Self.rule(log, "M-10", asOf: "2025-01-01").verdict == .pass, "the Staff Networks Action Plan is not due until 1 April 2026")
        let m10 = try Self.rule(log, "M-10", asOf: "2027-01-10")
        #expect(m10.findings.map(\.index) == [edi, nil], "three years old on 10 January 2027; no staff networks plan at all")
        #expect(m10.findings.last?.detail.contains("staff_networks_action_plan") == true)
    }

    @Test func m11ExitInterviewsObservedEachQuarter() throws {
        #expect(try Self.rule(try Log(), "M-11", asOf: "2024-01-01").findings.first?.detail == "no exit-interview metric (code M-EXIT) is defined")
        let log = try Log()
        try log.add("metric.defined", "metric/M-EXIT", on: "2025-04-03", ["metricId": "M-EXIT", "code": "M-EXIT", "cadence": "quarterly", "scope": "national"])
        try log.add("metric.observed", "metric/M-EXIT", on: "2025-07-10", ["metricId": "M-EXIT", "cells": []])
        let last = try log.add("metric.observed", "metric/M-EXIT", on: "2025-10-10", ["metricId": "M-EXIT", "cells": []])
        #expect(try Self.rule(log, "M-11", asOf: "2025-12-01").verdict == .pass)
        // Three months after 10 October plus 30 days is 9 February 2026.
        let m11 = try Self.rule(log, "M-11", asOf: "2026-02-15")
        #expect(m11.findings.map(\.index) == [last])
        #expect(m11.findings.first?.detail.contains("due by 2026-02-09") == true)
    }

    @Test func m12CompletenessObservedApartAndNotFallingUnexplained() throws {
        let log = try Log()
        for (id, code) in [("M-SUD-NW", "M-SUD"), ("M-WFD", "M-WFD")] {
            try log.add("metric.defined", "metric/\(id)", on: "2025-04-03", ["metricId": .string(id), "code": .string(code), "cadence": "quarterly", "scope": "national"])
        }
        @discardableResult func observe(_ metric: String, _ day: String, completeness: (Int, Int)?, id: String) throws -> Int {
            var payload: [String: JSONValue] = ["metricId": .string(metric), "serviceId": "svc-1", "cells": [["dims": ["ethnicity": "W1"], "n": 80]]]
            if let (s, k) = completeness { payload["completeness"] = ["notStated": .number(Double(s)), "notKnown": .number(Double(k)), "total": 100] }
            return try log.add("metric.observed", "metric/\(metric)", on: day, payload, id: id)
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
        try log.add("action.status_changed", "action/DF-1", on: "2026-01-20", [
            "actionId": "DF-1", "status": "in_progress", "evidenceRefs": [["kind": "event", "id": "00000000-0000-4000-8000-0000000000a3"]],
        ])
        #expect(try Self.rule(log, "M-12", asOf: "2026-01-25").findings.map(\.index) == [noCompleteness])
    }

    @Test func m13TheImpactMetricCoversTheNineCharacteristicsOrRecordsAnExemption() throws {
        let log = try Log()
        let metric = try log.add("metric.defined", "metric/M-IMPACT", on: "2025-04-03", [
            "metricId": "M-IMPACT", "code": "M-IMPACT", "scope": "national",
            "dimensions": ["ethnicity", "age", "disability", "gender_reassignment", "marriage_civil_partnership", "pregnancy_maternity", "religion_belief", "sex"],
        ])
        let m13 = try Self.rule(log, "M-13", asOf: "2025-05-01")
        #expect(m13.findings.map(\.index) == [metric])
        #expect(m13.findings.first?.detail.contains("no dimension for sexualOrientation") == true)
        let exemption = try log.add("policy.parameter_set", "policy/M-13", on: "2025-04-20", [
            "ruleId": "M-13", "parameter": "exemptCharacteristic", "value": "sexualOrientation", "rationale": "Not asked in this survey wave.", "decisionRef": "D-1",
        ])
        let exempted = try Self.rule(log, "M-13", asOf: "2025-05-01")
        #expect(exempted.verdict == .pass)
        #expect(exempted.notes.map(\.index) == [exemption])
    }

    @Test func m14SatisfactionOfAllFourGroupsEveryYear() throws {
        let log = try Log()
        try log.add("metric.defined", "metric/M-SAT-partners", on: "2025-04-03", ["metricId": "M-SAT-partners", "code": "M-SAT", "scope": "national"])
        for group in ["partners", "service_users", "staff"] {
            try log.add("partner.satisfaction_observed", "metric/M-SAT-partners", on: "2026-01-27", ["metricId": "M-SAT-partners", "respondentGroup": .string(group)])
        }
        #expect(try Self.rule(log, "M-14", asOf: "2026-03-31").verdict == .pass, "carers are due by 3 April 2026 + 30 days")
        let m14 = try Self.rule(log, "M-14", asOf: "2026-05-04")
        #expect(m14.findings.map(\.index) == [nil])
        #expect(m14.findings.first?.detail == "no satisfaction observation of carers since the metric's definition; one was due by 2026-05-03")
    }

    @Test func m15EveryRegionHasLocalAuthorityIcbAndAdvocacyPartners() throws {
        let log = try Log()
        try log.add("region.registered", "region/NW", on: "2025-04-01", ["regionId": "NW", "servicesProvided": true])
        let london = try log.add("region.registered", "region/LDN", on: "2025-04-01", ["regionId": "LDN", "servicesProvided": true])
        try log.add("region.registered", "region/HQ", on: "2025-04-01", ["regionId": "HQ", "servicesProvided": false])
        for (id, type, regions) in [("PT-1", "local_authority", ["NW", "LDN"]), ("PT-2", "icb", ["NW"]), ("PT-3", "advocacy", ["NW"]), ("PT-4", "ics", ["LDN"])] {
            try log.add("partner.registered", "partner/\(id)", on: "2025-04-01", ["partnerId": .string(id), "type": .string(type), "regionIds": .array(regions.map { .string($0) })])
        }
        let m15 = try Self.rule(log, "M-15", asOf: "2025-05-01")
        #expect(m15.findings.map(\.index) == [london], "London lacks an advocacy partner; HQ has no services")
        try log.add("partner.registered", "partner/PT-5", on: "2025-04-02", ["partnerId": "PT-5", "type": "advocacy", "regionIds": ["LDN"]])
        #expect(try Self.rule(log, "M-15", asOf: "2025-05-01").verdict == .pass)
    }

    @Test func m16EveryPlanVersionIsPublishedWithinThirtyDays() throws {
        let log = try Log()
        try log.add("plan.version_published", "plan/P", on: "2025-01-10", ["planId": "P", "version": 1, "scope": "national", "ownerRoleId": "R-X"])
        try log.add("report.published", "report/R-P1", on: "2025-01-20", ["reportId": "R-P1", "type": "plan", "planId": "P", "planVersion": "1"])
        #expect(try Self.rule(log, "M-16", asOf: "2025-03-01").verdict == .pass)
        try log.add("plan.version_published", "plan/P", on: "2025-06-01", ["planId": "P", "version": 2, "scope": "national", "ownerRoleId": "R-X"])
        let unpublished = try log.add("plan.version_published", "plan/PX", on: "2025-06-01", ["planId": "PX", "version": 1, "scope": "regional", "regionId": "NW", "ownerRoleId": "R-X"])
        let late = try log.add("report.published", "report/R-P2", on: "2025-08-01", ["reportId": "R-P2", "type": "plan", "planId": "P", "planVersion": "2"])
        #expect(try Self.rule(log, "M-16", asOf: "2025-09-01").findings.map(\.index) == [late, unpublished])
    }
}
