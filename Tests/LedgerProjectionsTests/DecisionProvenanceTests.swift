import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore
import Testing

@Suite struct DecisionProvenanceTests {
    /// What `history` appended, by name.
    struct Log {
        let f: Fixture
        let member: Ed25519SigningKey
        var eventID = ""
        var count = 0
    }

    /// A decision citing feedback, a contribution, an event (by id) and a missing feedback id;
    /// its meeting with a recusal; an action it created and one whose status change cites it;
    /// a review; and two more proposals. Index in comments.
    static func history(_ f: Fixture) throws -> Log {
        var log = Log(f: f, member: try Ed25519SigningKey(seed: [UInt8](repeating: 3, count: 32)))
        let member = log.member
        // 1: the member's key, held by p-s1.
        try f.append(.object([
            "type": "key.registered", "typeVersion": 1, "stream": .string("key/\(member.keyID)"), "occurredAt": "2026-01-02T09:00:00Z",
            "payload": .object([
                "keyId": .string(member.keyID), "publicKey": .string(Base64.encode(member.publicKey.rawRepresentation)), "holder": "person/p-s1",
            ]),
        ]))
        try Gov.board(f)  // 2 body, 3 chair role, 4–7 members
        _ = try f.ledger.append(draft: Fixture.feedback("F-1", receivedAt: "2026-01-20T10:00:00Z"), signer: member)  // 8
        try f.append(Fixture.contribution("C-1", person: "p-e1", at: "2026-01-21T10:00:00Z"))  // 9
        log.eventID = try f.ledger.append(draft: Fixture.feedback("F-2", receivedAt: "2026-01-22T10:00:00Z"), signer: f.admin).id  // 10
        _ = try f.ledger.append(  // 11
            draft: Gov.proposed("D-1", body: "B-TEST", inputs: [("feedback", "F-1"), ("contribution", "C-1"), ("feedback", "F-404"), ("event", log.eventID)], on: "2026-01-25"),
            signer: member)
        try f.append(Gov.held(  // 12
            "M-1", body: "B-TEST", on: "2026-02-02", [GovernanceTests.chair, GovernanceTests.s1, GovernanceTests.s2, GovernanceTests.e1, GovernanceTests.e2],
            quorate: true, ebe: 2, declarations: [("p-e2", "D-1", "recused")]))
        try f.append(Gov.decided("D-1", at: "M-1", on: "2026-02-02", present: 4, met: true, ebe: 1, recusals: ["p-e2"]))  // 13
        var created = Fixture.action("X-1", due: "2026-12-31", at: "2026-02-03T10:00:00Z")
        if case .object(var o) = created, case .object(var payload)? = o["payload"] {
            payload["sourceDecisionId"] = "D-1"
            o["payload"] = .object(payload)
            created = .object(o)
        }
        try f.append(created)  // 14
        try f.append(Fixture.status("X-1", "in_progress", progress: 40, at: "2026-02-10T10:00:00Z"))  // 15
        try f.append(Fixture.action("LG-1", due: "2026-12-31", at: "2026-02-11T10:00:00Z"))  // 16
        var cited = Fixture.status("LG-1", "in_progress", progress: 20, at: "2026-02-12T10:00:00Z")
        if case .object(var o) = cited, case .object(var payload)? = o["payload"] {
            payload["evidenceRefs"] = [["kind": "decision", "id": "D-1"]]
            o["payload"] = .object(payload)
            cited = .object(o)
        }
        try f.append(cited)  // 17
        try f.append(Fixture.status("X-1", "done", progress: 100, at: "2026-03-01T10:00:00Z"))  // 18
        try f.append(Fixture.status("LG-1", "blocked", at: "2026-03-02T10:00:00Z"))  // 19
        try f.append(Fixture.draft(DecisionReviewed.example, [  // 20
            "decisionId": "D-1", "result": "rescinded", "meetingId": "M-1",
        ], occurredAt: "2026-03-03T10:00:00Z"))
        try f.append(Gov.proposed("D-2", body: "B-TEST", on: "2026-03-04"))  // 21
        try f.append(Gov.proposed("D-3", body: "B-OTHER", on: "2026-03-05"))  // 22
        log.count = 23
        return log
    }

    @Test func provenanceNamesEveryEntryWithItsSigner() throws {
        let f = try Fixture()
        defer { f.remove() }
        let log = try Self.history(f)
        let p = try #require(try Projections(ledger: f.ledger).provenance(decision: "D-1"))
        let admin = f.admin.keyID
        let member = log.member.keyID
        #expect(p.title == "Interpreters at every regional forum" && p.body == "B-TEST" && p.proposer == "p-s1")
        #expect(p.decisionEntries.map(\.index) == [11, 13, 20])
        #expect(p.decisionEntries.map(\.summary) == [
            "proposed to B-TEST: Interpreters at every regional forum", "approved by consensus at meeting M-1", "reviewed at meeting M-1: rescinded",
        ])
        #expect(p.decisionEntries.map(\.signer) == [member, admin, admin])
        #expect(p.decisionEntries.first?.holder == "person/p-s1")
        // The meeting: five present, p-e2 recused from D-1, so four: 3 staff and 1 Expert by Experience.
        #expect(p.meeting?.index == 12 && p.meeting?.summary == "meeting M-1 of B-TEST: 4 present")
        #expect(p.presentByCategory == ["staff": 3, "ebe_lived": 1])
        #expect(p.recused == ["p-e2"])
        #expect(p.presence?.computed?.ebe.present == 1 && p.presence?.computed?.quorum?.present == 4)
        #expect(p.presence?.disagreements == [])
        // Cited, in log order; the event by its id; the unknown feedback id listed apart.
        #expect(p.cited.map(\.index) == [8, 9, 10])
        #expect(p.cited.map(\.summary) == ["feedback F-1", "contribution C-1", "event \(log.eventID)"])
        #expect(p.cited.map(\.signer) == [member, admin, admin])
        #expect(p.cited.map(\.type) == ["feedback.received", "contribution.recorded", "feedback.received"])
        #expect(p.citedMissing == ["feedback F-404"])
        // X-1 was created by it (and each of its changes follows); LG-1's change at 17 cites it,
        // LG-1's change at 19 does not.
        #expect(p.actions.map(\.index) == [14, 15, 17, 18])
        #expect(p.actions.map(\.summary) == [
            "created action X-1", "action X-1 → in_progress (40%)", "action LG-1 → in_progress (20%)", "action X-1 → done (100%)",
        ])
        #expect(p.actionsNow.map(\.actionId) == ["X-1", "LG-1"])
        #expect(p.actionsNow.map(\.status) == ["done", "blocked"])
        #expect(p.actionsNow.map(\.progressPct) == [100, 20])
        #expect(p.actionsNow.map(\.lastChangeIndex) == [18, 19])
        #expect(p.checkpointSize == nil)
        #expect(try Projections(ledger: f.ledger).provenance(decision: "D-404") == nil)
    }

    @Test func anEvidencePackHoldsEveryEntryAndTheSignersRegistrations() throws {
        let f = try Fixture()
        defer { f.remove() }
        _ = try Self.history(f)
        let logKey = try Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))
        _ = try f.ledger.signCheckpoint(with: logKey)
        let p = try #require(try Projections(ledger: f.ledger).provenance(decision: "D-1"))
        #expect(p.checkpointSize == 23)
        let pack = f.directory.appendingPathComponent("pack")
        try p.writeEvidence(to: pack, ledger: f.ledger)
        struct Manifest: Decodable {
            var entries: [Int]
            var decision: String
            var provenance: Provenance
        }
        let manifest = try JSONDecoder().decode(Manifest.self, from: try Data(contentsOf: pack.appendingPathComponent("evidence.json")))
        // Everything listed, the genesis (0) and the member key's registration (1), since the
        // member signed entries 8 and 11.
        let entries = manifest.entries
        #expect(entries == [0, 1, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 20])
        for index in entries {
            let bytes = try Data(contentsOf: pack.appendingPathComponent("entries/\(index).json"))
            #expect([UInt8](bytes) == (try f.ledger.entry(at: index))?.entry.bytes)
            let proof = try String(contentsOf: pack.appendingPathComponent("entries/\(index).tlog-proof"), encoding: .utf8)
            #expect(proof.hasPrefix("c2sp.org/tlog-proof@v1\nindex \(index)\n"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let shown = try encoder.encode(p)
        #expect(manifest.decision == "D-1")
        #expect(try encoder.encode(manifest.provenance) == shown)
    }

    @Test func theRegisterListsEveryDecisionWithPresenceFromAttendance() throws {
        let f = try Fixture()
        defer { f.remove() }
        _ = try Self.history(f)
        let p = Projections(ledger: f.ledger)
        let register = try p.decisions()
        #expect(register.decisions.map(\.decisionId) == ["D-1", "D-2", "D-3"])
        let d1 = register.decisions[0]
        #expect(d1.outcome == "approved" && d1.reviewed == "rescinded" && d1.date == "2026-02-02" && d1.recordedIndex == 13)
        #expect(d1.ebePresent == 1 && d1.ebeMet == true && d1.quorumMet == true)
        #expect(d1.recordedEbePresent == 1 && d1.recordedQuorumMet == true && d1.disagreements.isEmpty)
        let d2 = register.decisions[1]
        #expect(d2.outcome == "pending" && d2.date == "2026-03-04" && d2.ebePresent == nil && d2.quorumMet == nil)
        #expect(register.withoutEbE.isEmpty && register.notQuorate.isEmpty)
        #expect(try p.decisions(body: "B-OTHER").decisions.map(\.decisionId) == ["D-3"])
        #expect(try p.decisions(body: "B-NONE").decisions.isEmpty)
    }

    /// Every query's JSON, as the CLI prints it.
    static func outputs(_ p: Projections) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func j<T: Encodable>(_ v: T) throws -> String { String(decoding: try encoder.encode(v), as: UTF8.self) }
        return [
            try j(p.bodies()), try j(p.meetings(body: "B-TEST")), try j(p.decisions()), try j(p.decisions(body: "B-TEST")),
            try j(p.provenance(decision: "D-1")), try j(p.provenance(decision: "D-2")),
        ].joined(separator: "\n")
    }

    @Test func incrementalRebuiltAndReplayedAnswersAreIdentical() throws {
        let f = try Fixture()
        defer { f.remove() }
        let live = Projections(ledger: f.ledger)
        live.runner.chunkSize = 4  // many transactions, split across related events
        _ = try live.bodies()  // build at the genesis
        let log = try Self.history(f)
        let incremental = try Self.outputs(live)
        #expect(try live.entriesFolded() == log.count)
        try live.rebuild()
        #expect(try Self.outputs(live) == incremental)
        try live.rebuild(names: ["governance"])
        #expect(try Self.outputs(live) == incremental)
        var entries: [Entry] = []
        try f.ledger.forEachEntryChunk { entries += $0.map(\.entry) }
        #expect(try Self.outputs(Projections.replay(MemoryEntrySource(entries: entries))) == incremental)
        #expect(try Self.outputs(Projections.replay(LedgerEntrySource(ledger: f.ledger), ledger: f.ledger)) == incremental)
        // A replay of a prefix knows only what came before: cut before the decision was recorded.
        let before = try Projections.replay(MemoryEntrySource(entries: entries), at: .index(13))
        #expect(try before.decisions().decisions.first?.outcome == "pending")
        let cut = try #require(try before.provenance(decision: "D-1"))
        #expect(cut.cited.map(\.index) == [8, 9, 10] && cut.meeting == nil && cut.actions.isEmpty)
        #expect(try Projections.replay(MemoryEntrySource(entries: entries), at: .index(10)).provenance(decision: "D-1") == nil)
    }
}
