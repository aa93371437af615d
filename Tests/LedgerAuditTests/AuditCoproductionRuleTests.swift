import Foundation
import LedgerAudit
import LedgerCore
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
        try log.add("person.registered", "person/p-1", on: "2025-01-02", ["personId": "p-1", "categories": ["ebe_lived"]])
        try log.add("person.registered", "person/p-2", on: "2025-01-02", ["personId": "p-2", "categories": ["community_rep"]])
        try log.add("body.established", "body/B-LEAB", on: "2025-01-02", ["bodyId": "B-LEAB", "bodyType": "B-LEAB", "quorumRule": ["min": 3]])
        try log.add("contribution.recorded", "contribution/C-1", on: "2025-01-10", ["contributionId": "C-1", "personId": "p-1", "bodyId": "B-REGFORUM-NW"])
        try log.add("contribution.recorded", "contribution/C-2", on: "2025-01-10", ["contributionId": "C-2", "personId": "p-2", "bodyId": "B-REGFORUM-LDN"])
    }

    @Test func c2PlanVersionsAreCoDevelopedWithExpertsByExperience() throws {
        let log = try Log()
        try Self.people(log)
        let founding = try log.add("plan.version_published", "plan/amhe-plan", on: "2023-04-01", [
            "planId": "amhe-plan", "version": 1, "scope": "national", "ownerRoleId": "R-DIR-EDI", "coDevelopedWith": [],
        ])
        try log.add("plan.version_published", "plan/plan-nw", on: "2025-03-01", [
            "planId": "plan-nw", "version": 1, "scope": "regional", "regionId": "NW", "ownerRoleId": "R-REG-LEAD",
            "coDevelopedWith": [["kind": "contribution", "id": "C-1"]],
        ])
        try log.add("plan.version_published", "plan/plan-mid", on: "2025-03-01", [
            "planId": "plan-mid", "version": 1, "scope": "regional", "regionId": "MID", "ownerRoleId": "R-REG-LEAD",
            "coDevelopedWith": [["kind": "body", "id": "B-LEAB"]],
        ])
        let c2 = try Self.rule(log, "C-2", asOf: "2025-04-01")
        #expect(c2.verdict == .pass)
        #expect(c2.notes.map(\.index) == [founding], "the founding plan is exempted and the report says so")
        let london = try log.add("plan.version_published", "plan/plan-ldn", on: "2025-03-02", [
            "planId": "plan-ldn", "version": 1, "scope": "regional", "regionId": "LDN", "ownerRoleId": "R-REG-LEAD",
            "coDevelopedWith": [["kind": "contribution", "id": "C-2"], ["kind": "body", "id": "B-REGFORUM-LDN"]],
        ])
        #expect(try Self.rule(log, "C-2", asOf: "2025-04-01").findings.map(\.index) == [london])
    }

    @Test func c3LocalMetricsNameTheirCoproduction() throws {
        let log = try Log()
        try log.add("metric.defined", "metric/M-A", on: "2025-02-01", ["metricId": "M-A", "code": "M-A", "scope": "regional", "locallyCoproducedRefs": ["C-1"]])
        try log.add("metric.defined", "metric/M-C", on: "2025-02-01", ["metricId": "M-C", "code": "M-C", "scope": "national", "locallyCoproducedRefs": []])
        #expect(try Self.rule(log, "C-3", asOf: "2025-03-01").verdict == .pass, "a national metric needs no local coproduction")
        let local = try log.add("metric.defined", "metric/M-B", on: "2025-02-01", ["metricId": "M-B", "code": "M-B", "scope": "local", "locallyCoproducedRefs": []])
        #expect(try Self.rule(log, "C-3", asOf: "2025-03-01").findings.map(\.index) == [local])
    }

    @Test func c4CoProductionHasExpertsByExperienceFromTheOutsetAndAtTheDecision() throws {
        let log = try Log()
        try Self.people(log)
        let withEbe: JSONValue = [["personId": "p-9", "category": "staff", "role": "chair"], ["personId": "p-1", "category": "ebe_lived", "role": "member"]]
        let withoutEbe: JSONValue = [["personId": "p-9", "category": "staff", "role": "chair"], ["personId": "p-2", "category": "community_rep", "role": "member"]]
        for (m, attendees) in [("M-1", withEbe), ("M-2", withEbe), ("M-3", withoutEbe)] {
            try log.add("meeting.held", "meeting/\(m)", on: "2025-02-01", ["meetingId": .string(m), "bodyId": "B-X", "attendees": attendees, "noneDeclared": true])
        }
        @discardableResult func decide(_ d: String, proposer: String, inputs: JSONValue, meeting: String, rung: String) throws -> Int {
            try log.add("decision.proposed", "decision/\(d)", on: "2025-01-28", ["decisionId": .string(d), "bodyId": "B-X", "proposer": .string(proposer), "inputs": inputs])
            return try log.add("decision.recorded", "decision/\(d)", on: "2025-02-01", ["decisionId": .string(d), "meetingId": .string(meeting), "ladderRung": .string(rung)])
        }
        try decide("D-1", proposer: "p-1", inputs: [], meeting: "M-1", rung: "co_production")
        try decide("D-5", proposer: "p-2", inputs: [["kind": "contribution", "id": "C-1"]], meeting: "M-2", rung: "co_production")
        try decide("D-4", proposer: "p-2", inputs: [], meeting: "M-3", rung: "co_design")
        try log.add("service.plan_coproduced", "service-plan/SP-1", on: "2025-02-05", ["servicePlanId": "SP-1", "serviceId": "svc-1", "ladderRung": "co_production", "contributionRefs": ["C-1"]])
        #expect(try Self.rule(log, "C-4", asOf: "2025-03-01").verdict == .pass, "D-5 was proposed by a community rep but cites an Expert by Experience's contribution")
        let notFromOutset = try decide("D-2", proposer: "p-2", inputs: [["kind": "contribution", "id": "C-2"]], meeting: "M-2", rung: "co_production")
        let nobodyPresent = try decide("D-3", proposer: "p-1", inputs: [], meeting: "M-3", rung: "co_production")
        let plan = try log.add("service.plan_coproduced", "service-plan/SP-2", on: "2025-02-05", ["servicePlanId": "SP-2", "serviceId": "svc-2", "ladderRung": "co_production", "contributionRefs": ["C-2"]])
        let c4 = try Self.rule(log, "C-4", asOf: "2025-03-01")
        #expect(c4.findings.map(\.index) == [notFromOutset, nobodyPresent, plan])
        #expect(c4.checked == 6, "four co-production decisions and two service plans; D-4 is co-design and not judged")
    }

    @Test func c5ASurveyDisparityLeadsToACoproducedAction() throws {
        let log = try Log()
        let first = "00000000-0000-4000-8000-000000000001", second = "00000000-0000-4000-8000-000000000002"
        try log.add("metric.defined", "metric/M-SUES", on: "2025-04-01", ["metricId": "M-SUES", "code": "M-SUES", "scope": "national"])
        try log.add("metric.defined", "metric/M-OTHER", on: "2025-04-01", ["metricId": "M-OTHER", "code": "M-OTHER", "scope": "national"])
        for id in [first, second] {
            try log.add("metric.observed", "metric/M-SUES", on: "2025-05-20", ["metricId": "M-SUES", "cells": []], id: id)
        }
        try log.add("metric.disparity_identified", "metric/M-SUES", on: "2025-06-01", ["disparityId": "DSP-1", "metricId": "M-SUES", "observationRef": .string(first)])
        try log.add("metric.disparity_identified", "metric/M-OTHER", on: "2025-06-01", ["disparityId": "DSP-3", "metricId": "M-OTHER"])
        // DSP-1: a decision cites the observation and an Expert by Experience's contribution; an action follows.
        try log.add("decision.proposed", "decision/D-1", on: "2025-06-20", [
            "decisionId": "D-1", "bodyId": "B-X", "inputs": [["kind": "event", "id": .string(first)], ["kind": "contribution", "id": "C-1"]],
        ])
        try log.add("action.created", "action/A-1", on: "2025-07-01", ["actionId": "A-1", "actionCode": "DF-3-A", "sourceDecisionId": "D-1"])
        let missed = try log.add("metric.disparity_identified", "metric/M-SUES", on: "2025-06-01", ["disparityId": "DSP-2", "metricId": "M-SUES", "observationRef": .string(second)])
        #expect(try Self.rule(log, "C-5", asOf: "2025-08-01").verdict == .pass, "DSP-2 has 90 days, to 30 August; DSP-3 is not a survey disparity")
        // DSP-2: an action comes from a decision citing it, but nobody's contribution is linked.
        try log.add("decision.proposed", "decision/D-2", on: "2025-06-20", ["decisionId": "D-2", "bodyId": "B-X", "inputs": [["kind": "event", "id": .string(second)]]])
        try log.add("action.created", "action/A-2", on: "2025-07-01", ["actionId": "A-2", "actionCode": "DF-3-B", "sourceDecisionId": "D-2"])
        let c5 = try Self.rule(log, "C-5", asOf: "2025-09-01")
        #expect(c5.findings.map(\.index) == [missed])
        #expect(c5.findings.first?.detail.contains("A-2 have no contribution linked") == true)
        try log.add("contribution.influence_traced", "contribution/C-1", on: "2025-08-15", ["contributionId": "C-1", "targetType": "action", "targetId": "A-2"])
        #expect(try Self.rule(log, "C-5", asOf: "2025-09-01").verdict == .pass, "a contribution traced to the action makes it coproduced")
    }

    @Test func c6RecognitionIsSettledWithinThirtyDays() throws {
        let log = try Log()
        @discardableResult func record(_ id: String, _ day: String, _ status: String) throws -> Int {
            try log.add("involvement.recognition_recorded", "involvement/\(id)", on: day, ["recognitionId": .string(id), "personId": "p-1", "status": .string(status)])
        }
        try record("R-1", "2025-01-01", "offered")
        try record("R-1", "2025-01-20", "paid")
        try record("R-2", "2025-01-01", "offered")
        let stillOffered = try record("R-3", "2025-01-01", "offered")
        #expect(try Self.rule(log, "C-6", asOf: "2025-01-31").verdict == .pass, "30 days offered is still allowed")
        let slow = try record("R-2", "2025-02-15", "paid")  // 45 days
        let c6 = try Self.rule(log, "C-6", asOf: "2025-03-01")
        #expect(c6.findings.map(\.index) == [slow, stillOffered])
    }
}
