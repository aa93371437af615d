import Foundation
import LedgerCore
import LedgerStore
import Testing

@Suite struct LedgerAppendTests {
    @Test func genesisIsEntryZeroAndVerifies() throws {
        let t = try TestLedger()
        defer { t.remove() }
        #expect(try t.ledger.size() == 1)
        let genesis = try #require(try t.ledger.entry(at: 0))
        #expect(genesis.entry.event.type == "ledger.genesis")
        #expect(genesis.entry.event.signer == t.admin.keyID)
        #expect(genesis.entry.event.payload["logKey"]?.stringValue == t.ledger.logKey.description)
        #expect(try t.ledger.verify().ok)
    }

    @Test func appendFillsTheEnvelopeAndStreamVersions() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        let a = try t.ledger.append(draft: TestLedger.note("note/1", 1), signer: member)
        let b = try t.ledger.append(draft: TestLedger.note("note/1", 2), signer: member)
        let c = try t.ledger.append(draft: TestLedger.note("note/2", 1), signer: member)
        #expect([a.index, b.index, c.index] == [Int](2...4))
        let eb = try #require(try t.ledger.entry(at: 3)).entry.event
        #expect(eb.streamVersion == 2)
        #expect(eb.signer == member.keyID)
        #expect(eb.v == 1)
        #expect(Identifier.isUUID(eb.id))
        #expect(try #require(try t.ledger.entry(at: 4)).entry.event.streamVersion == 1)
        #expect(try t.ledger.verify().ok)
    }

    @Test func identicalRetryReturnsTheExistingEntryAndDifferentContentConflicts() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        let id = "00000000-0000-4000-8000-00000000aaaa"
        let first = try t.ledger.append(draft: TestLedger.note("note/1", 1, id: id), signer: member)
        let retry = try t.ledger.append(draft: TestLedger.note("note/1", 1, id: id), signer: member)
        #expect(retry.duplicate)
        #expect(retry.index == first.index)
        #expect(try t.ledger.size() == 3)
        #expect(throws: LedgerError.idConflict(id: id, index: first.index)) {
            try t.ledger.append(draft: TestLedger.note("note/1", 2, id: id), signer: member)
        }
        #expect(try t.ledger.size() == 3)
    }

    @Test func wrongStreamVersionIsRefusedAndNothingAppended() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        _ = try t.ledger.append(draft: TestLedger.note("note/1", 1), signer: member)
        var draft = TestLedger.note("note/1", 2).objectValue ?? [:]
        draft["streamVersion"] = 5
        #expect(throws: LedgerError.streamVersionConflict(stream: "note/1", expected: 2, got: 5)) {
            try t.ledger.append(draft: .object(draft), signer: member)
        }
        #expect(try t.ledger.size() == 3)
    }

    @Test(arguments: [
        ("{\"typeVersion\":1,\"stream\":\"s\",\"payload\":{}}", "/type"),
        ("{\"type\":\"Bad Type\",\"typeVersion\":1,\"stream\":\"s\",\"payload\":{}}", "/type"),
        ("{\"type\":\"a.b\",\"typeVersion\":0,\"stream\":\"s\",\"payload\":{}}", "/typeVersion"),
        ("{\"type\":\"a.b\",\"typeVersion\":1,\"stream\":\"s\",\"payload\":[]}", "/payload"),
        ("{\"type\":\"a.b\",\"typeVersion\":1,\"stream\":\"s\",\"payload\":{},\"extra\":1}", "/extra"),
        ("{\"type\":\"a.b\",\"typeVersion\":1,\"stream\":\"s\",\"payload\":{},\"occurredAt\":\"2026-13-01T00:00:00Z\"}", "/occurredAt"),
        ("{\"type\":\"a.b\",\"typeVersion\":1,\"stream\":\"s\",\"payload\":{},\"id\":\"NOT-A-UUID\"}", "/id"),
    ])
    func malformedDraftsNameTheMemberAndAppendNothing(json: String, pointer: String) throws {
        let t = try TestLedger()
        defer { t.remove() }
        let draft = try CanonicalJSON.parse(Array(json.utf8))
        do {
            _ = try t.ledger.append(draft: draft, signer: t.admin)
            Issue.record("append should have been refused")
        } catch {
            #expect(Self.pointer(of: error) == pointer)
        }
        #expect(try t.ledger.size() == 1)
    }

    @Test func unknownAndRevokedSignersAreRefused() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let stranger = try Ed25519SigningKey(seed: [UInt8](repeating: 9, count: 32))
        #expect(throws: LedgerError.self) { try t.ledger.append(draft: TestLedger.note("n/1", 1), signer: stranger) }
        let member = try t.member(seed: 3)
        _ = try t.ledger.append(draft: TestLedger.note("n/1", 1), signer: member)
        _ = try t.ledger.append(
            draft: .object(["type": "key.revoked", "typeVersion": 1, "stream": .string("key/\(member.keyID)"), "payload": .object(["keyId": .string(member.keyID)])]),
            signer: t.admin)
        let size = try t.ledger.size()
        do {
            _ = try t.ledger.append(draft: TestLedger.note("n/1", 2), signer: member)
            Issue.record("a revoked key signed an event")
        } catch {
            #expect("\(error)".contains("signer \(member.keyID) may not sign"))
            #expect("\(error)".contains("revoked"))
        }
        #expect(try t.ledger.size() == size)
    }

    @Test func onlyAdminsRegisterKeys() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        let other = try Ed25519SigningKey(seed: [UInt8](repeating: 4, count: 32))
        let draft: JSONValue = .object([
            "type": "key.registered", "typeVersion": 1, "stream": .string("key/\(other.keyID)"),
            "payload": .object(["keyId": .string(other.keyID), "publicKey": .string(Base64.encode(other.publicKey.rawRepresentation))]),
        ])
        #expect(throws: LedgerError.signerNotAllowed(keyID: member.keyID, reason: "only an admin key may sign key.registered")) {
            try t.ledger.append(draft: draft, signer: member)
        }
        let admin2 = try t.member(seed: 5, holder: "person/admin-2", role: "admin")
        #expect(try t.ledger.append(draft: draft, signer: admin2).index == 3)
    }

    @Test func invalidPublicKeysAreRefusedAtRegistration() throws {
        let t = try TestLedger()
        defer { t.remove() }
        // The identity point (small order): a key that would accept forged signatures.
        var identity = [UInt8](repeating: 0, count: 32)
        identity[0] = 1
        let keyID = Hex.encode(SHA256.hash(identity).prefix(8))
        let draft: JSONValue = .object([
            "type": "key.registered", "typeVersion": 1, "stream": .string("key/\(keyID)"),
            "payload": .object(["keyId": .string(keyID), "publicKey": .string(Base64.encode(identity))]),
        ])
        do {
            _ = try t.ledger.append(draft: draft, signer: t.admin)
            Issue.record("a small-order key was registered")
        } catch {
            #expect(Self.pointer(of: error) == "/payload/publicKey")
        }
        #expect(try t.ledger.size() == 1)
    }

    @Test func aBatchIsAllOrNothing() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        let good = (1...50).map { TestLedger.note("b/1", $0) }
        let bad: JSONValue = .object(["type": "x.y", "typeVersion": 1, "stream": "b/2", "payload": "oops"])
        do {
            _ = try t.ledger.append(drafts: good + [bad] + good, signer: member)
            Issue.record("the batch should have been refused")
        } catch {
            #expect(Self.batchPosition(of: error) == 50)
        }
        #expect(try t.ledger.size() == 2)
        let results = try t.ledger.append(drafts: good, signer: member)
        #expect(results.map(\.index) == Array(2..<52))
        #expect(try t.ledger.verify().ok)
    }

    @Test func appendsAreAppendOnlyInSQLite() throws {
        let t = try TestLedger()
        defer { t.remove() }
        #expect(throws: (any Error).self) { try SQLiteTamper(path: t.path).execute("UPDATE entries SET type = 'x.y' WHERE idx = 0") }
        #expect(throws: (any Error).self) { try SQLiteTamper(path: t.path).execute("DELETE FROM entries WHERE idx = 0") }
        #expect(try t.ledger.verify().ok)
    }

    static func pointer(of error: any Error) -> String? {
        guard let error = error as? LedgerError, case .invalidEvent(_, let format) = error else { return nil }
        return format.pointer
    }

    static func batchPosition(of error: any Error) -> Int? {
        guard let error = error as? LedgerError, case .inBatch(let position, _) = error else { return nil }
        return position
    }
}
