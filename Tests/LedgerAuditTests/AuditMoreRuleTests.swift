import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// The remaining implemented rules, each shown passing and failing with the offending entries named.
@Suite struct AuditMoreRuleTests {
    typealias Log = AuditRuleTests.Log

    @Test func g5QuorumFromAttendance() throws {
        let log = try Log()
        try log.add("body.established", "body/B-Q", on: "2025-04-01", ["bodyId": "B-Q", "bodyType": "B-Q", "quorumRule": ["min": 3, "ofCategory": "staff"]])
        try log.add("meeting.held", "meeting/M-1", on: "2025-05-01", ["meetingId": "M-1", "bodyId": "B-Q", "attendees": [
            ["personId": "p-1", "category": "staff"], ["personId": "p-2", "category": "staff"], ["personId": "p-3", "category": "staff"]]])
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2025-06-01"), "G-5")?.verdict == .pass)
        let short = try log.add("meeting.held", "meeting/M-2", on: "2025-05-02", ["meetingId": "M-2", "bodyId": "B-Q", "attendees": [
            ["personId": "p-1", "category": "staff"], ["personId": "p-2", "category": "staff"], ["personId": "p-9", "category": "ebe_lived"]]])
        let g5 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2025-06-01"), "G-5"))
        #expect(g5.findings.map(\.index) == [short], "only staff count towards this body's quorum")
    }

    @Test func f3ChangesNameTheChangeAndTheAction() throws {
        let log = try Log()
        try log.add("feedback.responded", "feedback/F-1", on: "2026-01-10", ["feedbackId": "F-1", "changeStatus": "change_made", "changeDescription": "Room opened.", "actionRef": "MHS-3"])
        try log.add("feedback.responded", "feedback/F-2", on: "2026-01-10", ["feedbackId": "F-2", "changeStatus": "no_change_with_reason"])
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2026-02-01"), "F-3")?.verdict == .pass)
        let noAction = try log.add("feedback.responded", "feedback/F-3", on: "2026-01-11", ["feedbackId": "F-3", "changeStatus": "change_planned", "changeDescription": "Later."])
        let f3 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2026-02-01"), "F-3"))
        #expect(f3.findings.map(\.index) == [noAction])
    }

    @Test func f4SubmittersWhoConsentedAreTold() throws {
        let log = try Log()
        try log.add("feedback.received", "feedback/F-1", on: "2026-01-05", ["feedbackId": "F-1", "receivedAt": "2026-01-05T10:00:00Z", "contactConsent": true])
        try log.add("feedback.responded", "feedback/F-1", on: "2026-01-20", ["feedbackId": "F-1", "changeStatus": "no_change_with_reason"])
        try log.add("feedback.submitter_notified", "feedback/F-1", on: "2026-01-22", ["feedbackId": "F-1", "at": "2026-01-22T10:00:00Z"])
        try log.add("feedback.received", "feedback/F-2", on: "2026-01-05", ["feedbackId": "F-2", "receivedAt": "2026-01-05T10:00:00Z", "contactConsent": true])
        let untold = try log.add("feedback.responded", "feedback/F-2", on: "2026-01-20", ["feedbackId": "F-2", "changeStatus": "no_change_with_reason"])
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2026-02-01"), "F-4")?.verdict == .pass, "within 30 days of the response nothing is late")
        let f4 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2026-03-01"), "F-4"))
        #expect(f4.findings.map(\.index) == [untold])
    }

    @Test func m3OverdueActionsNeedUpdatesAndM7CountsProjects() throws {
        let log = try Log()
        let stale = try log.add("action.created", "action/A-1", on: "2025-01-01", ["actionId": "A-1", "actionCode": "A-1", "dueDate": "2025-06-30"])
        try log.add("action.created", "action/A-2", on: "2025-01-01", ["actionId": "A-2", "actionCode": "A-2", "dueDate": "2025-06-30"])
        try log.add("action.status_changed", "action/A-2", on: "2025-08-20", ["actionId": "A-2", "status": "in_progress"])
        try log.add("action.created", "action/A-3", on: "2025-01-01", ["actionId": "A-3", "actionCode": "A-3", "dueDate": "2025-06-30"])
        try log.add("action.status_changed", "action/A-3", on: "2025-06-01", ["actionId": "A-3", "status": "done"])
        let m3 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2025-09-01"), "M-3"))
        #expect(m3.findings.map(\.index) == [stale])
        for n in 1...3 {
            try log.add("project.started", "project/P-\(n)", on: "2025-02-01", ["projectId": .string("P-\(n)"), "category": n == 3 ? "other" : "community_engagement"])
            try log.add("project.completed", "project/P-\(n)", on: "2025-09-01", ["projectId": .string("P-\(n)")])
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
