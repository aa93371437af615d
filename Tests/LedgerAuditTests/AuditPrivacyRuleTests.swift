import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// Privacy and publication rules P-1, P-3, P-4 and P-5, each passing and failing.
@Suite struct AuditPrivacyRuleTests {
    typealias Log = AuditRuleTests.Log
    static func rule(_ log: Log, _ id: String, asOf: String) throws -> RuleResult {
        try #require(AuditRuleTests.rule(try log.audit(asOf: asOf), id))
    }

    @Test func p1PersonalDataHasALawfulBasisAndSpecialCategoryDataStaysRestricted() throws {
        let log = try Log()
        try log.add("person.registered", "person/p-1", on: "2025-01-02", ["personId": "p-1", "categories": ["service_user"], "lawfulBasisRef": "ROPA-1"],
                    private: ("person/p-1", ["name": "Ada Example"]))
        let profile = "00000000-0000-4000-8000-0000000000c1"
        try log.add("equality.profile_recorded", "person/p-1", on: "2025-01-02", ["personId": "p-1", "lawfulBasisRef": "ROPA-1"],
                    id: profile, private: ("person/p-1", ["ethnicity": "B2"]))
        try log.add("event.visibility_changed", "event/\(profile)", on: "2025-01-03", ["eventId": .string(profile), "newVisibility": "restricted"])
        let p1 = try Self.rule(log, "P-1", asOf: "2025-02-01")
        #expect(p1.verdict == .pass)
        #expect(p1.checked == 3, "two events with private parts and one visibility change of a special-category entry")
        let noBasis = try log.add("feedback.received", "feedback/F-1", on: "2025-01-05", ["feedbackId": "F-1"], private: ("feedback/F-1", ["text": "…"]))
        let inPayload = try log.add("person.registered", "person/p-2", on: "2025-01-05", ["personId": "p-2", "name": "Bo Example", "lawfulBasisRef": "ROPA-1"])
        let madePublic = try log.add("event.visibility_changed", "event/\(profile)", on: "2025-01-06", ["eventId": .string(profile), "newVisibility": "internal"])
        let failed = try Self.rule(log, "P-1", asOf: "2025-02-01")
        #expect(failed.findings.map(\.index) == [noBasis, inPayload, madePublic])
        #expect(failed.findings[1].detail.contains("personal field name"))
    }

    @Test func p3NothingOfAnErasedSubjectIsStillHeld() throws {
        let log = try Log()
        try log.add("person.registered", "person/p-1", on: "2025-01-02", ["personId": "p-1", "lawfulBasisRef": "ROPA-1"], private: ("person/p-1", ["name": "Ada Example"]))
        try log.add("person.registered", "person/p-2", on: "2025-01-02", ["personId": "p-2", "lawfulBasisRef": "ROPA-1"], private: ("person/p-2", ["name": "Bo Example"]))
        _ = try log.ledger.signCheckpoint(with: log.logKey)
        let before = log.dir.appendingPathComponent("before")
        _ = try log.ledger.export(to: before, includePrivate: true)
        let erasure = try log.ledger.erase(subject: "person/p-1", signer: log.admin, requestRef: "ER-1").index
        let p3 = try Self.rule(log, "P-3", asOf: "2099-01-01")
        #expect(p3.verdict == .pass, "erase deletes the data with the key")
        #expect(p3.checked == 1)
        // A restricted bundle exported after the erasure holds only p-2's data...
        _ = try log.ledger.signCheckpoint(with: log.logKey)
        let after = log.dir.appendingPathComponent("after")
        _ = try log.ledger.export(to: after, includePrivate: true)
        let (policy, sha) = try AuditPolicy.standard()
        let clean = try Audit.run(.bundle(after), policy: policy, policySHA256: sha, asOf: "2099-01-01")
        #expect(AuditRuleTests.rule(clean, "P-3")?.verdict == .pass)
        // ... unless someone copies the earlier export's private lines into it.
        let old = try Data(contentsOf: before.appendingPathComponent("private.jsonl"))
        try old.write(to: after.appendingPathComponent("private.jsonl"))
        let leaked = try Audit.run(.bundle(after), policy: policy, policySHA256: sha, asOf: "2099-01-01")
        let finding = try #require(AuditRuleTests.rule(leaked, "P-3"))
        #expect(finding.findings.map(\.index) == [erasure])
        #expect(finding.findings.first?.detail == "subject person/p-1 was erased, yet 1 of its private objects are still held")
    }

    @Test func p4PublishedCountsAreSuppressedAndRounded() throws {
        let log = try Log()
        @discardableResult func review(_ counts: [JSONValue]) throws -> Int {
            try log.add("representation.reviewed", "representation", on: "2025-02-01", [
                "bodyIds": ["B-X"], "findings": "ok", "actionsRaised": [],
                "aggregateComposition": .array(counts.enumerated().map { ["bodyId": "B-X", "dimension": "person_category", "category": .string("c\($0.offset)"), "count": $0.element] }),
            ])
        }
        try review(["*", 0, 10, 15])
        #expect(try Self.rule(log, "P-4", asOf: "2025-03-01").verdict == .pass)
        let shown = try review(["*", 5, 12, 20])
        let p4 = try Self.rule(log, "P-4", asOf: "2025-03-01")
        #expect(p4.findings.map(\.index) == [shown, shown])
        #expect(p4.findings.map(\.detail).joined().contains("a count of 5") && p4.findings.map(\.detail).joined().contains("12"))
        #expect(p4.limitation != nil, "report tables are outside the log")
    }

    @Test func p5EthnicityIsCodedInADeclaredSystem() throws {
        let log = try Log()
        @discardableResult func observe(_ code: String, system: String?) throws -> Int {
            var payload: [String: JSONValue] = ["metricId": "M-1", "cells": [["dims": ["ethnicity": .string(code)], "n": 10]]]
            if let system { payload["ethnicityCodeSystem"] = .string(system) }
            return try log.add("metric.observed", "metric/M-1", on: "2025-02-01", payload)
        }
        try observe("W1", system: "ons2021")
        try observe("not_known", system: "ons2021")
        #expect(try Self.rule(log, "P-5", asOf: "2025-03-01").verdict == .pass)
        let unknownCode = try observe("X9", system: "ons2021")
        let noSystem = try observe("B2", system: nil)
        #expect(try Self.rule(log, "P-5", asOf: "2025-03-01").findings.map(\.index) == [unknownCode, noSystem])
    }
}
