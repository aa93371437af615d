import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore

/// A ledger without an admission policy in a temporary folder, and builders for catalogue-valid drafts.
struct Fixture {
    static let secret = "Amina K., 07700 900456, said the crisis line hung up on her twice"
    static let contributionSecret = "My own story about the ward in 2019, told to the LEAB in confidence"

    let directory: URL
    let ledger: Ledger
    let admin: Ed25519SigningKey

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-proj-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logKey = try Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))
        admin = try Ed25519SigningKey(seed: [UInt8](repeating: 2, count: 32))
        ledger = try Ledger.create(
            path: directory.appendingPathComponent("ledger.db").path, origin: "test.example/projections", logKey: logKey,
            admins: [admin], occurredAt: "2026-01-01T09:00:00Z", policy: nil)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    @discardableResult
    func append(_ draft: JSONValue) throws -> Int {
        try ledger.append(draft: draft, signer: admin).index
    }

    /// A draft from a catalogue example with some members replaced (nil removes a member).
    static func draft<T: EventPayload>(
        _ example: T, _ changes: [String: JSONValue?], occurredAt: String, privateData: (subject: String, data: JSONValue)? = nil
    ) -> JSONValue {
        var payload = Catalogue.json(of: example).objectValue ?? [:]
        for (key, value) in changes {
            if let value { payload[key] = value } else { payload.removeValue(forKey: key) }
        }
        let decoded = try? Catalogue.decode(T.self, payload: .object(payload))
        var o: [String: JSONValue] = [
            "type": .string(T.eventType), "typeVersion": 1, "stream": .string(decoded?.stream ?? "x/unknown"),
            "payload": .object(payload), "occurredAt": .string(occurredAt),
        ]
        if let privateData {
            o["private"] = .object(["subject": .string(privateData.subject), "data": privateData.data])
        }
        return .object(o)
    }

    static func action(_ id: String, area: String = "LG", due: String, competencies: [String] = ["C-CP"], at: String) -> JSONValue {
        draft(ActionCreated.example, [
            "actionId": .string(id), "actionCode": .string(id), "area": .string(area), "dueDate": .string(due),
            "competencies": .array(competencies.map { .string($0) }), "sourceFeedbackIds": [], "sourceDecisionId": nil,
        ], occurredAt: at)
    }

    static func status(_ id: String, _ status: String, progress: Int? = nil, at: String) -> JSONValue {
        draft(ActionStatusChanged.example, [
            "actionId": .string(id), "status": .string(status), "progressPct": progress.map { .number(Double($0)) },
            "note": .string("Moved to \(status)."), "evidenceRefs": [],
        ], occurredAt: at)
    }

    static func feedback(_ id: String, receivedAt: String, consent: Bool = true, subject: String = "person/p-0042") -> JSONValue {
        draft(FeedbackReceived.example, [
            "feedbackId": .string(id), "receivedAt": .string(receivedAt), "consentToPublish": .bool(consent),
        ], occurredAt: receivedAt, privateData: (subject, ["text": .string(secret)]))
    }

    static func acknowledged(_ id: String, at: String) -> JSONValue {
        draft(FeedbackAcknowledged.example, ["feedbackId": .string(id), "at": .string(at)], occurredAt: at)
    }

    static func responded(_ id: String, at: String, change: String = "change_made") -> JSONValue {
        var changes: [String: JSONValue?] = ["feedbackId": .string(id), "changeStatus": .string(change), "actionRef": nil]
        if change == "no_change_with_reason" {
            changes["changeDescription"] = .some(nil)
            changes["reason"] = .string("The service closed in March.")
        }
        return draft(FeedbackResponded.example, changes, occurredAt: at)
    }

    static func closed(_ id: String, at: String) -> JSONValue {
        draft(FeedbackClosed.example, ["feedbackId": .string(id)], occurredAt: at)
    }

    static func contribution(_ id: String, person: String, at: String) -> JSONValue {
        draft(ContributionRecorded.example, [
            "contributionId": .string(id), "personId": .string(person), "meetingId": "MTG-LEAB-2026-03", "topicRefs": [],
        ], occurredAt: at, privateData: ("person/\(person)", ["content": .string(contributionSecret)]))
    }

    static func proposed(_ id: String, citing contribution: String, at: String) -> JSONValue {
        draft(DecisionProposed.example, [
            "decisionId": .string(id), "inputs": [["kind": "contribution", "id": .string(contribution)]],
        ], occurredAt: at)
    }

    static func decided(_ id: String, outcome: String = "approved", meeting: String = "mtg-amhepf-2026-04", at: String) -> JSONValue {
        draft(DecisionRecorded.example, [
            "decisionId": .string(id), "outcome": .string(outcome), "meetingId": .string(meeting),
        ], occurredAt: at)
    }

    static func influence(_ contribution: String, decision: String, at: String) -> JSONValue {
        draft(ContributionInfluenceTraced.example, [
            "contributionId": .string(contribution), "targetType": "decision", "targetId": .string(decision), "influence": "adopted",
            "explanation": "Interpreters are now booked for every forum, as proposed.",
        ], occurredAt: at)
    }

    /// Every query's JSON, as the CLI prints it.
    static func outputs(_ p: Projections, now: CivilDate, person: String = "p-9f3a") throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func j<T: Encodable>(_ v: T) throws -> String { String(decoding: try encoder.encode(v), as: UTF8.self) }
        return [
            try j(p.plan(now: now)), try j(p.feedback(now: now)), try j(p.youSaidWeDid()),
            try j(p.trace(person: person, showContent: true)),
        ].joined(separator: "\n")
    }
}
