import Foundation
import LedgerCore
import LedgerDomain
import Testing

@Suite(.serialized) struct ProjectionCLITests {
    static func line<T: EventPayload>(_ example: T, _ changes: [String: JSONValue], at: String, privateText: String? = nil) throws -> String {
        var payload = Catalogue.json(of: example).objectValue ?? [:]
        for (k, v) in changes { payload[k] = v }
        let stream = try Catalogue.decode(T.self, payload: .object(payload)).stream
        var o: [String: JSONValue] = [
            "type": .string(T.eventType), "typeVersion": 1, "stream": .string(stream), "payload": .object(payload), "occurredAt": .string(at),
        ]
        if let privateText { o["private"] = ["subject": "person/p-0042", "data": ["text": .string(privateText)]] }
        return String(decoding: try CanonicalJSON.serialize(.object(o)), as: UTF8.self)
    }

    static func events() throws -> [String] {
        [
            try line(ActionCreated.example, ["actionId": "LG-1", "actionCode": "LG-1", "dueDate": "2026-03-31", "sourceFeedbackIds": []], at: "2026-01-05T10:00:00Z"),
            try line(ActionStatusChanged.example, ["actionId": "LG-1", "status": "done", "progressPct": 100, "evidenceRefs": []], at: "2026-02-01T10:00:00Z"),
            try line(FeedbackReceived.example, ["feedbackId": "F-1", "receivedAt": "2026-05-01T16:00:00Z"], at: "2026-05-01T16:00:00Z", privateText: "Private words of p-0042"),
            try line(ActionStatusChanged.example, ["actionId": "LG-1", "status": "in_progress", "progressPct": 70, "evidenceRefs": []], at: "2026-04-10T10:00:00Z"),
            try line(FeedbackResponded.example, ["feedbackId": "F-1", "actionRef": "LG-1"], at: "2026-05-20T10:00:00Z"),
        ]
    }

    @Test func projectionCommandsAgreeLiveRebuiltAndFromABundle() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let admin = cli.keys.appendingPathComponent("admin.key").path
        let all = try Self.events()
        #expect(try cli.run(["import", "--key", admin, "-"], stdin: all.prefix(2).joined(separator: "\n") + "\n").status == 0)
        #expect(try cli.run("plan", "--json").status == 0)  // builds the first half
        #expect(try cli.run(["import", "--key", admin, "-"], stdin: all.dropFirst(2).joined(separator: "\n") + "\n").status == 0)
        // No point: the live projections, judged today.
        let live = try cli.run("plan", "--json")
        #expect(live.status == 0 && live.stdout.contains("\"reopenedCount\":1"))
        let feedback = try cli.run("feedback", "--json").stdout
        let asOf = try cli.run("plan", "--as-of", "2026-06-01", "--json")
        #expect(asOf.status == 0 && asOf.stdout.contains("\"reopenedCount\":1") && asOf.stdout.contains("\"asOf\":\"2026-06-01\""))
        let rebuilt = try cli.run("rebuild")
        #expect(rebuilt.status == 0 && rebuilt.stdout.contains("rebuilt plan, feedback, trace"))
        #expect(try cli.run("plan", "--json").stdout == live.stdout)
        #expect(try cli.run("feedback", "--json").stdout == feedback)
        #expect(try cli.run("rebuild", "nonsense").status != 0)

        let bundle = cli.directory.appendingPathComponent("bundle").path
        #expect(try cli.run("checkpoint").status == 0)
        #expect(try cli.run("export", "--out", bundle).status == 0)
        let fromBundle = try cli.run("plan", "--bundle", bundle, "--as-of", "2026-06-01", "--json")
        #expect(fromBundle.stdout == asOf.stdout)
        let yousaid = try cli.run("yousaid", "--bundle", bundle)
        #expect(yousaid.stdout.contains("You said:") && !yousaid.stdout.contains("Private words"))
        // A tampered bundle is refused.
        let entries = URL(fileURLWithPath: bundle).appendingPathComponent("entries.jsonl")
        let text = try String(contentsOf: entries, encoding: .utf8)
        try text.replacingOccurrences(of: "2026-03-31", with: "2027-03-31").write(to: entries, atomically: true, encoding: .utf8)
        let refused = try cli.run("plan", "--bundle", bundle)
        #expect(refused.status != 0 && refused.stderr.contains("does not verify"))

        let action = try cli.run("action", "LG-1", "--as-of", "2026-06-01")
        #expect(action.stdout.contains("done -> in_progress"))
        let state = try cli.run("state", "--at", "4", "--json")
        #expect(state.status == 0 && state.stdout.contains("\"entries\":4") && state.stdout.contains("\"done\":1"))
        let diff = try cli.run("diff", "4", "7")
        #expect(diff.stdout.contains("Action LG-1 moved from done to in progress") && diff.stdout.contains("Feedback F-1"))
        let overdue = try cli.run("feedback", "--overdue", "--as-of", "2026-05-08")
        #expect(overdue.status == 0)
        #expect(try cli.run("trace", "--person", "p-nobody").stdout.contains("No contributions"))
    }
}
