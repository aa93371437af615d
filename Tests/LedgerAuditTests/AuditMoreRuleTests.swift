import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// The remaining implemented rules, each shown passing and failing with the offending entries named.
@Suite struct AuditMoreRuleTests {
    typealias Log = AuditRuleTests.Log

    @Test func g5QuorumFromAttendance() throws {
        let log = try Log()
        try log.add(log.body("B-Q", quorum: 3, of: .staff), on: "2025-04-01")
        try log.add(log.meeting("M-1", of: "B-Q", [("p-1", .staff, .member), ("p-2", .staff, .member), ("p-3", .staff, .member)]), on: "2025-05-01")
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2025-06-01"), "G-5")?.verdict == .pass)
        let short = try log.add(log.meeting("M-2", of: "B-Q", [("p-1", .staff, .member), ("p-2", .staff, .member), ("p-9", .ebeLived, .member)]), on: "2025-05-02")
        let g5 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2025-06-01"), "G-5"))
        #expect(g5.findings.map(\.index) == [short], "only staff count towards this body's quorum")
    }

    @Test func f3ChangesNameTheChangeAndTheAction() throws {
        let log = try Log()
        try log.add(log.answer("F-1", .changeMade).with { $0.changeDescription = "Room opened."; $0.actionRef = "MHS-3" }, on: "2026-01-10")
        try log.add(log.answer("F-2"), on: "2026-01-10")
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2026-02-01"), "F-3")?.verdict == .pass)
        let noAction = try log.add(log.answer("F-3", .changePlanned).with { $0.changeDescription = "Later." }, on: "2026-01-11")
        let f3 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2026-02-01"), "F-3"))
        #expect(f3.findings.map(\.index) == [noAction])
    }

    @Test func f4SubmittersWhoConsentedAreTold() throws {
        let log = try Log()
        try log.add(log.feedback("F-1", contact: true), on: "2026-01-05")
        try log.add(log.answer("F-1"), on: "2026-01-20")
        try log.add(SubmitterNotified.example.with { $0.feedbackId = "F-1" }, on: "2026-01-22")
        try log.add(log.feedback("F-2", contact: true), on: "2026-01-05")
        let untold = try log.add(log.answer("F-2"), on: "2026-01-20")
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2026-02-01"), "F-4")?.verdict == .pass, "within 30 days of the response nothing is late")
        let f4 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2026-03-01"), "F-4"))
        #expect(f4.findings.map(\.index) == [untold])
    }

    @Test func m3OverdueActionsNeedUpdatesAndM7CountsProjects() throws {
        let log = try Log()
        let stale = try log.add(AuditRuleTests.action("A-1", code: "A-1", due: "2025-06-30"), on: "2025-01-01")
        try log.add(AuditRuleTests.action("A-2", code: "A-2", due: "2025-06-30"), on: "2025-01-01")
        try log.add(AuditRuleTests.status("A-2", .inProgress), on: "2025-08-20")
        try log.add(AuditRuleTests.action("A-3", code: "A-3", due: "2025-06-30"), on: "2025-01-01")
        try log.add(AuditRuleTests.status("A-3", .done), on: "2025-06-01")
        let m3 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2025-09-01"), "M-3"))
        #expect(m3.findings.map(\.index) == [stale])
        for n in 1...3 {
            try log.add(PlaceBasedProjectStarted.example.with { $0.projectId = "P-\(n)"; $0.category = n == 3 ? .other : .communityEngagement }, on: "2025-02-01")
            try log.add(PlaceBasedProjectCompleted.example.with { $0.projectId = "P-\(n)" }, on: "2025-09-01")
        }
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2025-10-01"), "M-7")?.verdict == .notYetDue, "before the due date, 2 of 3 is progress, not failure")
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2028-04-01"), "M-7")?.verdict == .fail, "only community-engagement projects count")
    }

    @Test func entitlementFlagsWhatACompromisedKeySigned() throws {
        let log = try Log()
        let thief = Ed25519SigningKey()
        _ = try log.ledger.append(draft: .object([
            "type": "key.registered", "typeVersion": 1, "stream": .string("key/\(thief.keyID)"),
            "payload": .object(["keyId": .string(thief.keyID), "publicKey": .string(Base64.encode(thief.publicKey.rawRepresentation))]),
        ]), signer: log.admin)
        let before = try log.ledger.append(draft: .object(["type": "x.y", "typeVersion": 1, "stream": "s", "occurredAt": "2026-01-01T10:00:00Z", "payload": [:]]), signer: thief).index
        let after = try log.ledger.append(draft: .object(["type": "x.y", "typeVersion": 1, "stream": "s", "occurredAt": "2026-02-01T10:00:00Z", "payload": [:]]), signer: thief).index
        _ = try log.ledger.append(draft: .object([
            "type": "key.revoked", "typeVersion": 1, "stream": .string("key/\(thief.keyID)"), "occurredAt": "2026-02-15T10:00:00Z",
            "payload": .object(["keyId": .string(thief.keyID), "reason": "compromised", "effectiveAt": "2026-01-15T00:00:00Z"]),
        ]), signer: log.admin)
        let report = try log.audit(asOf: "2026-03-01")
        #expect(report.entitlement.map(\.index) == [after])
        #expect(!report.entitlement.contains { $0.index == before })
        #expect(report.entitlement.first?.check == "compromised")
    }
}
