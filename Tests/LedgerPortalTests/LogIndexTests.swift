import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore
import Testing

@testable import LedgerPortal

/// The portal's folded "you said, we did" index against the feedback projection it stands in for.
struct LogIndexTests {
    @Test func youSaidWeDidAgreesWithTheFeedbackProjectionOnTheDemoYear() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-portal-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed: UInt64 = 2026
        var keys: [String: Ed25519SigningKey] = [:]
        func key(_ name: String) throws -> Ed25519SigningKey {
            if let key = keys[name] { return key }
            let key = try DemoKeys.signingKey(seed: seed, name: name)
            keys[name] = key
            return key
        }
        let generator = try DemoGenerator(seed: seed) { try key($0).publicKey }
        let template = try PlanTemplate.named("rethink-amhe")
        let admin = try key("admin")
        let logKey = try key("log")
        let ledger = try Ledger.create(
            path: directory.appendingPathComponent("ledger.db").path, origin: "demo.example/amhe", logKey: logKey, admins: [admin],
            occurredAt: "2025-04-01T08:00:00Z", policy: DomainPolicy.standard, genesisPayload: template.genesisPayload)
        _ = try ledger.append(template.events.map { ($0, admin) })
        for chunk in generator.steps() {
            _ = try ledger.append(try chunk.map { (draft: $0.draft, signer: try key($0.signer)) })
        }
        var index = LogIndex(codes: try ContributionCodes(secret: [UInt8](repeating: 1, count: 32)))
        try index.catchUp(ledger)
        #expect(index.folded == (try ledger.size()))

        let projected = try Projections(ledger: ledger).youSaidWeDid().reversed().map {
            YouSaidItem(
                feedbackId: $0.feedbackId, receivedIn: $0.receivedIn, channel: $0.channel, youSaid: $0.youSaid, weDid: $0.weDid,
                changeStatus: $0.changeStatus, whatChanged: $0.whatChanged, actionRef: $0.actionRef)
        }
        #expect(projected.count > 50, "the demo year publishes dozens of answers")
        #expect(index.youSaid.list() == projected)
        // A response without consent to publish, or without a moderator, is not listed; a later
        // response replaces an earlier one.
        var y = YouSaidIndex()
        func event(_ type: String, _ payload: [String: JSONValue]) throws -> Event {
            try Event(
                json: .object([
                    "v": 1, "id": .string(UUID().uuidString.lowercased()), "type": .string(type), "typeVersion": 1, "stream": "feedback/x",
                    "streamVersion": 1, "occurredAt": "2026-01-01T00:00:00Z", "signer": "0000000000000000", "payload": .object(payload),
                ]))
        }
        let answer: [String: JSONValue] = [
            "publicSummary": "You said A", "moderatedByRoleId": "R-1", "response": "We did B", "changeStatus": "change_made",
        ]
        y.fold(
            try event(
                "feedback.received",
                ["feedbackId": "F-1", "receivedAt": "2026-01-02T10:00:00Z", "channel": "survey", "consentToPublish": true]))
        y.fold(
            try event(
                "feedback.received",
                ["feedbackId": "F-2", "receivedAt": "2026-01-03T10:00:00Z", "channel": "survey", "consentToPublish": false]))
        y.fold(try event("feedback.responded", answer.merging(["feedbackId": "F-2"]) { $1 }))
        #expect(y.list().isEmpty)
        y.fold(try event("feedback.responded", answer.merging(["feedbackId": "F-1"]) { $1 }))
        #expect(y.list().map(\.weDid) == ["We did B"])
        y.fold(try event("feedback.responded", answer.merging(["feedbackId": "F-1", "response": "We did C"]) { $1 }))
        #expect(y.list().map(\.weDid) == ["We did C"])
        var unmoderated = answer
        unmoderated.removeValue(forKey: "moderatedByRoleId")
        y.fold(try event("feedback.responded", unmoderated.merging(["feedbackId": "F-1"]) { $1 }))
        #expect(y.list().isEmpty)
    }
}
