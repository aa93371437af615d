import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// Each rule judged on a small ledger that passes it and one that fails it, the failing events named.
@Suite struct AuditRuleTests {
    final class Log {
        let dir: URL
        let ledger: Ledger
        let admin = Ed25519SigningKey()
        let logKey = Ed25519SigningKey()
        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-audit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            ledger = try Ledger.create(
                path: dir.appendingPathComponent("l.db").path, origin: "test.example/audit", logKey: logKey, admins: [admin],
                occurredAt: "2023-01-02T09:00:00Z")
        }
        deinit { try? FileManager.default.removeItem(at: dir) }

        /// Appends an event that occurred on `day`, signed by `signer` (default: the admin), with
        /// an optional event id and private part; returns its index.
        @discardableResult
        func add(
            _ type: String, _ stream: String, on day: String, _ payload: [String: JSONValue], id: String? = nil,
            private data: (subject: String, data: [String: JSONValue])? = nil, signer: Ed25519SigningKey? = nil
        ) throws -> Int {
            var draft: [String: JSONValue] = [
                "type": .string(type), "typeVersion": 1, "stream": .string(stream), "occurredAt": .string(day + "T10:00:00Z"),
                "payload": .object(payload),
            ]
            if let id { draft["id"] = .string(id) }
            if let data { draft["private"] = .object(["subject": .string(data.subject), "data": .object(data.data)]) }
            return try ledger.append(draft: .object(draft), signer: signer ?? admin).index
        }

        /// Registers a key for `holder` with a key role; returns it.
        func key(holder: String, role: String) throws -> Ed25519SigningKey {
            let key = Ed25519SigningKey()
            try add("key.registered", "key/\(key.keyID)", on: "2023-01-02", [
                "keyId": .string(key.keyID), "publicKey": .string(Base64.encode(key.publicKey.rawRepresentation)), "holder": .string(holder),
                "role": .string(role),
            ])
            return key
        }

        func audit(asOf: String) throws -> AuditReport {
            let (policy, sha) = try AuditPolicy.standard()
            return try Audit.run(.ledger(ledger), policy: policy, policySHA256: sha, asOf: asOf)
        }
    }

    static func rule(_ report: AuditReport, _ id: String) -> RuleResult? { report.rules.first { $0.id == id } }

    @Test func g4EbePresenceComputedFromAttendance() throws {
        let log = try Log()
        try log.add("body.established", "body/B-X", on: "2025-04-01", ["bodyId": "B-X", "bodyType": "B-X", "quorumRule": ["min": 2], "ebePresenceRule": ["minCount": 1]])
        for (m, attendees) in [("M-1", [["personId": "p-1", "category": "staff"], ["personId": "p-2", "category": "ebe_lived"]]),
                               ("M-2", [["personId": "p-1", "category": "staff"], ["personId": "p-3", "category": "staff"]]),
                               ("M-3", [["personId": "p-1", "category": "staff"], ["personId": "p-2", "category": "ebe_carer"]])] as [(String, [JSONValue])] {
            var payload: [String: JSONValue] = ["meetingId": .string(m), "bodyId": "B-X", "attendees": .array(attendees)]
            if m == "M-3" { payload["declarationsMade"] = [["personId": "p-2", "itemRef": "D-3", "action": "recused"]] }
            try log.add("meeting.held", "meeting/\(m)", on: "2025-05-01", payload)
        }
        try log.add("decision.proposed", "decision/D-1", on: "2025-05-01", ["decisionId": "D-1", "bodyId": "B-X"])
        try log.add("decision.recorded", "decision/D-1", on: "2025-05-01", ["decisionId": "D-1", "meetingId": "M-1"])
        #expect(Self.rule(try log.audit(asOf: "2025-06-01"), "G-4")?.verdict == .pass)
        let noEbe = try log.add("decision.recorded", "decision/D-2", on: "2025-05-02", ["decisionId": "D-2", "meetingId": "M-2"])
        let recused = try log.add("decision.recorded", "decision/D-3", on: "2025-05-02", ["decisionId": "D-3", "meetingId": "M-3"])
        let g4 = try #require(Self.rule(try log.audit(asOf: "2025-06-01"), "G-4"))
        #expect(g4.verdict == .fail)
        #expect(g4.findings.map(\.index) == [noEbe, recused])
        let g5 = try #require(Self.rule(try log.audit(asOf: "2025-06-01"), "G-5"))
        #expect(g5.verdict == .pass, "two present meets a quorum of two exactly")
    }

    @Test func f1WorkingDaysSkipWeekendsAndBankHolidays() throws {
        // Received Friday 2026-05-01; Monday 4 May is a bank holiday: due Thursday 7 May.
        let log = try Log()
        try log.add("feedback.received", "feedback/F-1", on: "2026-05-01", ["feedbackId": "F-1", "receivedAt": "2026-05-01T16:00:00Z"])
        try log.add("feedback.acknowledged", "feedback/F-1", on: "2026-05-07", ["feedbackId": "F-1", "at": "2026-05-07T09:00:00Z"])
        try log.add("feedback.received", "feedback/F-2", on: "2026-05-01", ["feedbackId": "F-2", "receivedAt": "2026-05-01T16:00:00Z"])
        let late = try log.add("feedback.acknowledged", "feedback/F-2", on: "2026-05-08", ["feedbackId": "F-2", "at": "2026-05-08T09:00:00Z"])
        let never = try log.add("feedback.received", "feedback/F-3", on: "2026-05-01", ["feedbackId": "F-3", "receivedAt": "2026-05-01T16:00:00Z"])
        let before = try #require(Self.rule(try log.audit(asOf: "2026-05-07"), "F-1"))
        #expect(before.findings.isEmpty, "on the due day nothing is late yet, and the late acknowledgement has not happened")
        let after = try #require(Self.rule(try log.audit(asOf: "2026-05-08"), "F-1"))
        #expect(after.verdict == .fail)
        #expect(after.findings.map(\.index) == [late, never])
    }

    @Test func f2AnsweredInTimeOrUpdatedEveryThirtyDays() throws {
        let log = try Log()
        try log.add("feedback.received", "feedback/F-1", on: "2026-01-05", ["feedbackId": "F-1", "receivedAt": "2026-01-05T10:00:00Z"])
        try log.add("feedback.responded", "feedback/F-1", on: "2026-03-01", ["feedbackId": "F-1", "changeStatus": "no_change_with_reason"])
        let idle = try log.add("feedback.received", "feedback/F-2", on: "2026-01-05", ["feedbackId": "F-2", "receivedAt": "2026-01-05T10:00:00Z"])
        try log.add("feedback.received", "feedback/F-3", on: "2026-01-05", ["feedbackId": "F-3", "receivedAt": "2026-01-05T10:00:00Z"])
        for day in ["2026-02-01", "2026-03-01", "2026-03-30", "2026-04-25"] {
            try log.add("feedback.status_updated", "feedback/F-3", on: day, ["feedbackId": "F-3"])
        }
        let f2 = try #require(Self.rule(try log.audit(asOf: "2026-05-01"), "F-2"))
        #expect(f2.findings.map(\.index) == [idle])
    }

    @Test func m4ReviewsEverySixMonthsPerRegion() throws {
        let log = try Log()
        let all: JSONValue = ["serviceUsers": 3, "carers": 2, "vcse": 1, "marginalisedCommunities": 2, "staff": 4]
        try log.add("region.registered", "region/nw", on: "2025-04-01", ["regionId": "nw", "servicesProvided": true])
        try log.add("region.registered", "region/ldn", on: "2025-04-01", ["regionId": "ldn", "servicesProvided": true])
        try log.add("review.held", "review/nw-1", on: "2025-09-15", ["regionId": "nw", "participants": all])
        try log.add("review.held", "review/nw-2", on: "2026-03-10", ["regionId": "nw", "participants": all])
        let ldn = try log.add("review.held", "review/ldn-1", on: "2025-09-20", ["regionId": "ldn", "participants": all])
        let m4 = try #require(Self.rule(try log.audit(asOf: "2026-04-30"), "M-4"))
        #expect(m4.verdict == .fail)
        #expect(m4.findings.map(\.index) == [ldn], "London missed its second review; the North West did not")
        #expect(m4.findings.first?.detail.contains("ldn") == true)
    }

    @Test func m1AllSeedActionsAndM6AnnualPublication() throws {
        let log = try Log()
        let (policy, _) = try AuditPolicy.standard()
        for code in policy.plan.seedActions.dropLast() {
            try log.add("action.created", "action/\(code)", on: "2023-04-01", ["actionId": .string(code), "actionCode": .string(code), "ownerRoleId": "R-X", "dueDate": "2028-03-31"])
        }
        let m1 = try #require(Self.rule(try log.audit(asOf: "2023-06-01"), "M-1"))
        #expect(m1.verdict == .fail)
        #expect(m1.findings.first?.detail.contains("DF-6") == true)
        try log.add("report.published", "report/r1", on: "2024-04-20", ["reportId": "r1", "type": "annual_findings"])
        #expect(Self.rule(try log.audit(asOf: "2025-01-01"), "M-6")?.verdict == .pass)
        #expect(Self.rule(try log.audit(asOf: "2025-06-01"), "M-6")?.verdict == .fail, "the next one was due by 20 May 2025")
    }

    @Test func p2ErasureWithinAMonthAndC1ContributionsTraced() throws {
        let log = try Log()
        try log.add("subject.erasure_requested", "subject/s1", on: "2026-01-10", ["requestId": "ER-1", "subject": "s1", "receivedAt": "2026-01-10T09:00:00Z"])
        try log.add("subject.erased", "subject/s1", on: "2026-01-20", ["requestRef": "ER-1", "subject": "s1", "at": "2026-01-20T09:00:00Z"])
        let slow = try log.add("subject.erasure_requested", "subject/s2", on: "2026-01-10", ["requestId": "ER-2", "subject": "s2", "receivedAt": "2026-01-10T09:00:00Z"])
        let p2 = try #require(Self.rule(try log.audit(asOf: "2026-03-01"), "P-2"))
        #expect(p2.findings.map(\.index) == [slow])
        try log.add("contribution.recorded", "contribution/C-1", on: "2026-01-10", ["contributionId": "C-1", "bodyId": "B-LEAB"])
        try log.add("contribution.influence_traced", "contribution/C-1", on: "2026-02-10", ["contributionId": "C-1"])
        let untraced = try log.add("contribution.recorded", "contribution/C-2", on: "2026-01-10", ["contributionId": "C-2", "bodyId": "B-REGFORUM-NW"])
        let c1 = try #require(Self.rule(try log.audit(asOf: "2026-06-01"), "C-1"))
        #expect(c1.findings.map(\.index) == [untraced])
    }

    @Test func reportsAreJSONAndHTMLAndEscapeWhatTheyQuote() throws {
        let log = try Log()
        try log.add("feedback.received", "feedback/F-<script>", on: "2026-01-05", ["feedbackId": "F-<script>", "receivedAt": "2026-01-05T10:00:00Z"])
        let report = try log.audit(asOf: "2026-03-01")
        #expect(!report.passed)
        #expect(!report.html.contains("<script>"))
        #expect(report.html.contains("F-&lt;script&gt;"))
        let data = try JSONEncoder().encode(report)
        #expect(String(decoding: data, as: UTF8.self).contains("\"policySHA256\""))
        // Partial rules say what the log cannot show, in every format; the text marks them.
        let p4 = try #require(Self.rule(report, "P-4"))
        #expect(String(decoding: data, as: UTF8.self).contains("\"limitation\""))
        #expect(report.html.contains("Not judged: " + (p4.limitation ?? "").prefix(20)))
        #expect(report.text.contains("P-4 Published counts are suppressed: small counts hidden, the rest rounded (0 checked) [partial]"))
        #expect(report.rules.count == 41)
        #expect(Set(report.notImplemented.keys) == ["F-5", "F-6", "P-6"])
    }
}
