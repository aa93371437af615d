import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// Privacy and publication rules P-1, P-3, P-4 and P-5, each passing and failing.
@Suite struct AuditPrivacyRuleTests {
    typealias Log = AuditRuleTests.Log
    static func rule(_ log: Log, _ id: String, asOf: String) throws -> RuleResult {
        try #require(AuditRuleTests.rule(try log.audit(asOf: asOf), id))
    }

    static func person(_ id: PersonID, _ categories: [PersonCategory] = [.serviceUser]) -> PersonRegistered {
        PersonRegistered(personId: id, categories: categories, lawfulBasisRef: "ROPA-1")
    }

    @Test func p1PersonalDataHasALawfulBasisAndSpecialCategoryDataStaysRestricted() throws {
        let log = try Log()
        try log.add(Self.person("p-1"), on: "2025-01-02", private: ("person/p-1", ["name": "Ada Example"]))
        let profile = "00000000-0000-4000-8000-0000000000c1"
        try log.add(EqualityProfileRecorded.example.with { $0.personId = "p-1"; $0.lawfulBasisRef = "ROPA-1" }, on: "2025-01-02",
                    id: profile, private: ("person/p-1", ["ethnicity": "B2"]))
        func visibility(_ v: PrivacyVocabulary.Visibility) -> VisibilityChanged {
            VisibilityChanged.example.with { $0.eventId = profile; $0.newVisibility = v }
        }
        try log.add(visibility(.restricted), on: "2025-01-03")
        let p1 = try Self.rule(log, "P-1", asOf: "2025-02-01")
        #expect(p1.verdict == .pass)
        #expect(p1.checked == 3, "two events with private parts and one visibility change of a special-category entry")
        let noBasis = try log.add(log.feedback("F-1").with { $0.lawfulBasisRef = nil }, on: "2025-01-05", private: ("feedback/F-1", ["text": "…"]))
        // A name in the public payload: the catalogue refuses it, so only a log kept without the
        // domain policy can hold it.
        var named = try #require(Catalogue.json(of: Self.person("p-2")).objectValue)
        named["name"] = "Bo Example"
        let inPayload = try log.addInvalid(PersonRegistered.eventType, "person/p-2", on: "2025-01-05", named)
        let madePublic = try log.add(visibility(.internal), on: "2025-01-06")
        let failed = try Self.rule(log, "P-1", asOf: "2025-02-01")
        #expect(failed.findings.map(\.index) == [noBasis, inPayload, madePublic])
        #expect(failed.findings[1].detail.contains("personal field name"))
    }

    @Test func p3NothingOfAnErasedSubjectIsStillHeld() throws {
        let log = try Log()
        try log.add(Self.person("p-1"), on: "2025-01-02", private: ("person/p-1", ["name": "Ada Example"]))
        try log.add(Self.person("p-2"), on: "2025-01-02", private: ("person/p-2", ["name": "Bo Example"]))
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
        @discardableResult func review(_ counts: [PublishedCount]) throws -> Int {
            try log.add(
                RepresentationReviewed.example.with {
                    $0.bodyIds = ["B-X"]
                    $0.findings = "ok"
                    $0.actionsRaised = []
                    $0.aggregateComposition = counts.enumerated().map {
                        CompositionCell(bodyId: "B-X", dimension: .personCategory, category: CategoryCode(stringLiteral: "c\($0.offset)"), count: $0.element)
                    }
                }, on: "2025-02-01")
        }
        try review([.suppressed, .count(0), .count(10), .count(15)])
        #expect(try Self.rule(log, "P-4", asOf: "2025-03-01").verdict == .pass)
        let shown = try review([.suppressed, .count(5), .count(12), .count(20)])
        let p4 = try Self.rule(log, "P-4", asOf: "2025-03-01")
        #expect(p4.findings.map(\.index) == [shown, shown])
        #expect(p4.findings.map(\.detail).joined().contains("a count of 5") && p4.findings.map(\.detail).joined().contains("12"))
        #expect(p4.limitation != nil, "report tables are outside the log")
    }

    @Test func p5EthnicityIsCodedInADeclaredSystem() throws {
        let log = try Log()
        func observation(_ code: EthnicityCode) -> MetricObserved {
            log.observation("M-1").with {
                $0.cells = [MetricVocabulary.Cell(dims: MetricVocabulary.Dims(ethnicity: code), n: 10)]
                $0.ethnicityCodeSystem = .ons2021
                $0.completeness = MetricVocabulary.Completeness(notStated: 0, notKnown: code == .notKnown ? 10 : 0)
            }
        }
        try log.add(observation(.whiteBritish), on: "2025-02-01")
        try log.add(observation(.notKnown), on: "2025-02-01")
        #expect(try Self.rule(log, "P-5", asOf: "2025-03-01").verdict == .pass)
        // A code outside the system, and a breakdown by ethnicity without its system: the
        // catalogue refuses both, so only a log kept without the domain policy can hold them.
        var unknown = try #require(Catalogue.json(of: observation(.whiteBritish)).objectValue)
        unknown["cells"] = [["dims": ["ethnicity": "X9"], "n": 10]]
        let unknownCode = try log.addInvalid(MetricObserved.eventType, "metric/M-1", on: "2025-02-01", unknown)
        var undeclared = try #require(Catalogue.json(of: observation(.blackAfrican)).objectValue)
        undeclared["ethnicityCodeSystem"] = nil
        let noSystem = try log.addInvalid(MetricObserved.eventType, "metric/M-1", on: "2025-02-01", undeclared)
        #expect(try Self.rule(log, "P-5", asOf: "2025-03-01").findings.map(\.index) == [unknownCode, noSystem])
    }
}
