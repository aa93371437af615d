import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
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

        /// Appends an event given as raw JSON members, for the events a test means to be invalid
        /// (a payload the catalogue refuses, which only a log written without the domain policy
        /// can hold); valid events are added typed (``add(_:on:id:private:signer:)``).
        @discardableResult
        func addInvalid(
            _ type: String, _ stream: String, on day: String, _ payload: [String: JSONValue], id: String? = nil,
            private data: (subject: String, data: [String: JSONValue])? = nil, signer: Ed25519SigningKey? = nil
        ) throws -> Int {
            try append(type, version: 1, stream, at: day + "T10:00:00Z", payload, id: id, private: data, signer: signer)
        }

        /// Appends one event; returns its index.
        func append(
            _ type: String, version: Int, _ stream: String, at time: String, _ payload: [String: JSONValue], id: String?,
            private data: (subject: String, data: [String: JSONValue])?, signer: Ed25519SigningKey?
        ) throws -> Int {
            var draft: [String: JSONValue] = [
                "type": .string(type), "typeVersion": .number(Double(version)), "stream": .string(stream), "occurredAt": .string(time),
                "payload": .object(payload),
            ]
            if let id { draft["id"] = .string(id) }
            if let data { draft["private"] = .object(["subject": .string(data.subject), "data": .object(data.data)]) }
            return try ledger.append(draft: .object(draft), signer: signer ?? admin).index
        }

        /// Registers a key for `holder` with a key role; returns it.
        func key(holder: KeyHolder, role: KeyRole) throws -> Ed25519SigningKey {
            let key = Ed25519SigningKey()
            try add(
                KeyRegistered.example.with {
                    $0.keyId = KeyID(stringLiteral: key.keyID)
                    $0.publicKey = PublicKeyText(stringLiteral: Base64.encode(key.publicKey.rawRepresentation))
                    $0.holder = holder
                    $0.role = role
                    $0.allowedEventTypes = nil
                    $0.validFrom = nil
                }, on: "2023-01-02")
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
        try log.add(log.body("B-X", quorum: 2, ebe: 1), on: "2025-04-01")
        try log.add(log.meeting("M-1", of: "B-X", [("p-1", .staff, .member), ("p-2", .ebeLived, .member)]), on: "2025-05-01")
        try log.add(log.meeting("M-2", of: "B-X", [("p-1", .staff, .member), ("p-3", .staff, .member)]), on: "2025-05-01")
        try log.add(log.meeting("M-3", of: "B-X", [("p-1", .staff, .member), ("p-2", .ebeCarer, .member)], recused: [("p-2", "D-3")]), on: "2025-05-01")
        try log.add(DecisionProposed.example.with { $0.decisionId = "D-1"; $0.bodyId = "B-X"; $0.inputs = [] }, on: "2025-05-01")
        try log.add(Self.decision("D-1", at: "M-1"), on: "2025-05-01")
        #expect(Self.rule(try log.audit(asOf: "2025-06-01"), "G-4")?.verdict == .pass)
        let noEbe = try log.add(Self.decision("D-2", at: "M-2"), on: "2025-05-02")
        let recused = try log.add(Self.decision("D-3", at: "M-3"), on: "2025-05-02")
        let g4 = try #require(Self.rule(try log.audit(asOf: "2025-06-01"), "G-4"))
        #expect(g4.verdict == .fail)
        #expect(g4.findings.map(\.index) == [noEbe, recused])
        let g5 = try #require(Self.rule(try log.audit(asOf: "2025-06-01"), "G-5"))
        #expect(g5.verdict == .pass, "two present meets a quorum of two exactly")
    }

    /// A decision taken at `meeting` by consensus (no tally) unless a tally is given, with the
    /// recusals given.
    static func decision(_ id: EntityID, at meeting: EntityID, tally: DecisionRecorded.Tally? = nil, recusals: [PersonID] = []) -> DecisionRecorded {
        DecisionRecorded.example.with {
            $0.decisionId = id
            $0.meetingId = meeting
            $0.method = tally == nil ? .consensus : .vote
            $0.tally = tally
            $0.recusals = recusals
        }
    }

    @Test func f1WorkingDaysSkipWeekendsAndBankHolidays() throws {
        // Received Friday 2026-05-01; Monday 4 May is a bank holiday: due Thursday 7 May.
        let log = try Log()
        try log.add(log.feedback("F-1"), on: "2026-05-01")
        try log.add(FeedbackAcknowledged.example.with { $0.feedbackId = "F-1" }, on: "2026-05-07")
        try log.add(log.feedback("F-2"), on: "2026-05-01")
        let late = try log.add(FeedbackAcknowledged.example.with { $0.feedbackId = "F-2" }, on: "2026-05-08")
        let never = try log.add(log.feedback("F-3"), on: "2026-05-01")
        let before = try #require(Self.rule(try log.audit(asOf: "2026-05-07"), "F-1"))
        #expect(before.findings.isEmpty, "on the due day nothing is late yet, and the late acknowledgement has not happened")
        let after = try #require(Self.rule(try log.audit(asOf: "2026-05-08"), "F-1"))
        #expect(after.verdict == .fail)
        #expect(after.findings.map(\.index) == [late, never])
    }

    @Test func f2AnsweredInTimeOrUpdatedEveryThirtyDays() throws {
        let log = try Log()
        try log.add(log.feedback("F-1"), on: "2026-01-05")
        try log.add(log.answer("F-1"), on: "2026-03-01")
        let idle = try log.add(log.feedback("F-2"), on: "2026-01-05")
        try log.add(log.feedback("F-3"), on: "2026-01-05")
        for day in ["2026-02-01", "2026-03-01", "2026-03-30", "2026-04-25"] {
            try log.add(FeedbackStatusUpdated.example.with { $0.feedbackId = "F-3" }, on: day)
        }
        let f2 = try #require(Self.rule(try log.audit(asOf: "2026-05-01"), "F-2"))
        #expect(f2.findings.map(\.index) == [idle])
    }

    @Test func m4ReviewsEverySixMonthsPerRegion() throws {
        let log = try Log()
        let all = ReportingVocabulary.Participants(serviceUsers: 3, carers: 2, vcse: 1, marginalisedCommunities: 2, staff: 4)
        for region in ["nw", "ldn"] as [EntityID] {
            try log.add(RegionRegistered.example.with { $0.regionId = region; $0.servicesProvided = true }, on: "2025-04-01")
        }
        func review(_ id: String, _ region: String) -> ReviewHeld {
            ReviewHeld.example.with { $0.reviewId = id; $0.regionId = region; $0.serviceId = nil; $0.meetingId = nil; $0.participants = all }
        }
        try log.add(review("nw-1", "nw"), on: "2025-09-15")
        try log.add(review("nw-2", "nw"), on: "2026-03-10")
        let ldn = try log.add(review("ldn-1", "ldn"), on: "2025-09-20")
        let m4 = try #require(Self.rule(try log.audit(asOf: "2026-04-30"), "M-4"))
        #expect(m4.verdict == .fail)
        #expect(m4.findings.map(\.index) == [ldn], "London missed its second review; the North West did not")
        #expect(m4.findings.first?.detail.contains("ldn") == true)
    }

    @Test func m1AllSeedActionsAndM6AnnualPublication() throws {
        let log = try Log()
        let (policy, _) = try AuditPolicy.standard()
        for code in policy.plan.seedActions.dropLast() {
            try log.add(Self.action(EntityID(stringLiteral: code), code: ActionCode(stringLiteral: code), due: "2028-03-31"), on: "2023-04-01")
        }
        let m1 = try #require(Self.rule(try log.audit(asOf: "2023-06-01"), "M-1"))
        #expect(m1.verdict == .fail)
        #expect(m1.findings.first?.detail.contains("DF-6") == true)
        try log.add(Self.report("r1", .annualFindings), on: "2024-04-20")
        #expect(Self.rule(try log.audit(asOf: "2025-01-01"), "M-6")?.verdict == .pass)
        #expect(Self.rule(try log.audit(asOf: "2025-06-01"), "M-6")?.verdict == .fail, "the next one was due by 20 May 2025")
    }

    /// An action owned by R-X with the competencies given (none by default) and no source decision.
    static func action(_ id: EntityID, code: ActionCode, due: ISODate, competencies: [Competency] = []) -> ActionCreated {
        ActionCreated.example.with {
            $0.actionId = id
            $0.actionCode = code
            $0.ownerRoleId = "R-X"
            $0.dueDate = due
            $0.competencies = competencies
            $0.sourceDecisionId = nil
        }
    }

    /// A change of `action`'s status citing the evidence given (none by default).
    static func status(_ action: EntityID, _ status: ActionStatusChanged.Status, evidence: [EntityRef] = []) -> ActionStatusChanged {
        ActionStatusChanged.example.with { $0.actionId = action; $0.status = status; $0.evidenceRefs = evidence }
    }

    /// A report of `type`, for no plan, citing no observations, not marked historical.
    static func report(_ id: String, _ type: ReportingVocabulary.ReportType) -> ReportPublished {
        ReportPublished.example.with {
            $0.reportId = id
            $0.type = type
            $0.planId = nil
            $0.planVersion = nil
            $0.regionId = nil
            $0.observationRefs = nil
            $0.supersedesReportId = nil
            $0.historical = nil
        }
    }

    @Test func p2ErasureWithinAMonthAndC1ContributionsTraced() throws {
        let log = try Log()
        func request(_ id: String, _ subject: String) -> ErasureRequested {
            ErasureRequested.example.with { $0.requestId = id; $0.subject = subject }
        }
        try log.add(request("ER-1", "s1"), on: "2026-01-10")
        try log.add(SubjectKeyShredded.example.with { $0.requestRef = "ER-1"; $0.subject = "s1" }, on: "2026-01-20")
        let slow = try log.add(request("ER-2", "s2"), on: "2026-01-10")
        let p2 = try #require(Self.rule(try log.audit(asOf: "2026-03-01"), "P-2"))
        #expect(p2.findings.map(\.index) == [slow])
        try log.add(Self.contribution("C-1", body: "B-LEAB"), on: "2026-01-10")
        try log.add(ContributionInfluenceTraced.example.with { $0.contributionId = "C-1" }, on: "2026-02-10")
        let untraced = try log.add(Self.contribution("C-2", body: "B-REGFORUM-NW"), on: "2026-01-10")
        let c1 = try #require(Self.rule(try log.audit(asOf: "2026-06-01"), "C-1"))
        #expect(c1.findings.map(\.index) == [untraced])
    }

    /// A contribution to `body` by p-1, outside any meeting.
    static func contribution(_ id: String, body: String) -> ContributionRecorded {
        ContributionRecorded.example.with {
            $0.contributionId = id
            $0.personId = "p-1"
            $0.bodyId = body
            $0.meetingId = nil
            $0.lawfulBasisRef = nil
        }
    }

    @Test func reportsAreJSONAndHTMLAndEscapeWhatTheyQuote() throws {
        let log = try Log()
        // A meeting whose id no event could carry (the catalogue refuses it): the report quotes
        // its stream, which it must escape.
        var meeting = try #require(Catalogue.json(of: log.meeting("M-1", of: "B-X", [])).objectValue)
        meeting["meetingId"] = "F-<script>"
        try log.addInvalid(MeetingHeld.eventType, "meeting/F-<script>", on: "2026-01-05", meeting)
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
