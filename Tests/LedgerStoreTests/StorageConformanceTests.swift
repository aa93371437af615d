import Foundation
import LedgerCore
import LedgerStore
import Testing

/// The storage seam's contract (the StorageSeam article), asked of every engine: the rules above
/// the seam rely on exactly these answers. Each test runs once per engine in ``engines``; the
/// PostgreSQL engine joins the list when it lands (issue "PostgreSQL for organisations that
/// outgrow one server"), and must pass the same tests unchanged.
@Suite struct StorageConformanceTests {
    /// An engine under test on a fresh ledger (genesis plus one registered member key).
    struct Subject {
        let name: String
        let ledger: TestLedger
        let engine: any LogEngine
    }

    static let engines: [String] = ["sqlite"]

    static func subject(_ name: String) throws -> Subject {
        let ledger = try TestLedger()
        try ledger.member(seed: 7)
        switch name {
        case "sqlite": return Subject(name: name, ledger: ledger, engine: SQLiteEngine(ledger.ledger))
        default: throw LedgerError.refused("no engine \(name)")
        }
    }

    struct Rollback: Error {}

    /// The `n`th fixed event id (ids are lower-case UUIDs).
    static func id(_ n: Int) -> String { String(format: "00000000-0000-4000-8000-%012d", n) }

    static func row(_ index: Int, id: String, stream: String = "s/1", version: Int = 1) throws -> EntryRow {
        let event = try Event(json: .object([
            "v": 1, "id": .string(id), "type": "example.note", "typeVersion": 1, "stream": .string(stream),
            "streamVersion": .number(Double(version)), "occurredAt": "2026-01-01T10:00:00Z", "signer": "0123456789abcdef",
            "payload": .object(["n": 1]),
        ]))
        let bytes = Array("entry \(index)".utf8)
        return EntryRow(event: event, index: index, bytes: bytes, leafHash: RFC6962.leafHash(bytes), nodes: [])
    }

    @Test(arguments: engines) func aTransactionReadsItsOwnWritesAndCommitsThemAll(_ engine: String) throws {
        let s = try Self.subject(engine)
        defer { s.ledger.remove() }
        let base = try s.engine.read { try $0.size() }
        #expect(base == 2)
        try s.engine.write { (w: any LogWrites) throws in
            try w.insertEntry(try Self.row(base, id: Self.id(1)))
            #expect(try w.size() == base + 1)
            #expect(try w.hasEvent(id: Self.id(1)))
            #expect(try w.entry(id: Self.id(1))?.index == base)
            #expect(try w.latestStreamVersion("s/1") == 1)
            try w.insertEntry(try Self.row(base + 1, id: Self.id(2), version: 2))
            #expect(try w.latestStreamVersion("s/1") == 2)
        }
        try s.engine.read { (r: any LogReads) throws in
            #expect(try r.size() == base + 2)
            #expect(try r.entry(id: Self.id(2))?.bytes == Array("entry \(base + 1)".utf8))
            #expect(try r.leafHash(at: base + 1) == RFC6962.leafHash(Array("entry \(base + 1)".utf8)))
            #expect(try r.latestStreamVersion("no/such") == 0)
            #expect(try !r.hasEvent(id: Self.id(3)))
        }
    }

    @Test(arguments: engines) func aTransactionThatThrowsLeavesNothing(_ engine: String) throws {
        let s = try Self.subject(engine)
        defer { s.ledger.remove() }
        let base = try s.engine.read { try $0.size() }
        #expect(throws: Rollback.self) {
            try s.engine.write { (w: any LogWrites) throws in
                try w.insertEntry(try Self.row(base, id: Self.id(4)))
                try w.writeFacts(["f": "1"])
                try w.insertSubjectKey("person/x", key: [UInt8](repeating: 9, count: 32))
                throw Rollback()
            }
        }
        try s.engine.read { (r: any LogReads) throws in
            #expect(try r.size() == base)
            #expect(try !r.hasEvent(id: Self.id(4)))
            #expect(try r.storedFact("f") == nil)
            #expect(try r.subjectKey("person/x") == nil)
        }
    }

    @Test(arguments: engines) func anIndexOrAnIdIsStoredOnce(_ engine: String) throws {
        let s = try Self.subject(engine)
        defer { s.ledger.remove() }
        let base = try s.engine.read { try $0.size() }
        try s.engine.write { w in try w.insertEntry(try Self.row(base, id: Self.id(5))) }
        // The same index again, then the same id at the next index: both refused, nothing kept.
        #expect(throws: (any Error).self) {
            try s.engine.write { w in try w.insertEntry(try Self.row(base, id: Self.id(6))) }
        }
        #expect(throws: (any Error).self) {
            try s.engine.write { w in try w.insertEntry(try Self.row(base + 1, id: Self.id(5), stream: "s/2")) }
        }
        #expect(try s.engine.read { try $0.size() } == base + 1)
    }

    @Test(arguments: engines) func keysFactsAndPrivateObjectsRoundTrip(_ engine: String) throws {
        let s = try Self.subject(engine)
        defer { s.ledger.remove() }
        let before = try s.engine.read { try $0.keys() }
        #expect(before.count == 2, "the genesis admin and the member")
        let key = try Ed25519SigningKey(seed: [UInt8](repeating: 42, count: 32))
        try s.engine.write { (w: any LogWrites) throws in
            try w.insertKey(
                KeyRegistry.Key(
                    keyID: key.keyID, publicKey: key.publicKey, registeredAt: 5, revokedAt: nil, isAdmin: false,
                    holder: "person/p-0009"))
            try w.revokeKey(key.keyID, at: 6)
            try w.writeFacts(["a": "1", "b": "2"])
            try w.writeFacts(["a": nil])
            try w.insertSubjectKey("person/p-0009", key: [UInt8](repeating: 3, count: 32))
            try w.insertPrivateObject(
                SealedPrivateObject(index: 1, subject: "person/p-0009", nonce: [1, 2], ciphertext: [3, 4, 5]))
        }
        try s.engine.read { (r: any LogReads) throws in
            let stored = try r.keys().first { $0.keyID == key.keyID }
            #expect(stored?.registeredAt == 5)
            #expect(stored?.revokedAt == 6)
            #expect(stored?.holder == "person/p-0009")
            #expect(stored?.publicKey.rawRepresentation == key.publicKey.rawRepresentation)
            #expect(try r.storedFact("a") == nil)
            #expect(try r.storedFact("b") == "2")
            #expect(try r.privateObject(at: 1) == SealedPrivateObject(index: 1, subject: "person/p-0009", nonce: [1, 2], ciphertext: [3, 4, 5]))
            #expect(try r.privateObjectCount(subject: "person/p-0009") == 1)
            #expect(try !r.isErased("person/p-0009"))
        }
        try s.engine.write { w in try w.erase(subject: "person/p-0009", at: 7) }
        try s.engine.read { (r: any LogReads) throws in
            #expect(try r.subjectKey("person/p-0009") == nil)
            #expect(try r.privateObject(at: 1) == nil)
            #expect(try r.privateObjectCount(subject: "person/p-0009") == 0)
            #expect(try r.isErased("person/p-0009"))
        }
    }

    /// The ledger's appends go through the seam: what the engine then reads back is what the
    /// ledger acknowledged (ids, stream versions, leaf hashes), and the tree nodes stored with the
    /// entries give the ledger's root.
    @Test(arguments: engines) func appendsThroughTheLedgerReadBackThroughTheEngine(_ engine: String) throws {
        let s = try Self.subject(engine)
        defer { s.ledger.remove() }
        let results = try s.ledger.ledger.append(
            (0..<37).map { (draft: TestLedger.note("n/\($0 % 3)", $0, id: Self.id(100 + $0)), signer: s.ledger.admin) })
        let retry = try s.ledger.ledger.append(draft: TestLedger.note("n/0", 0, id: Self.id(100)), signer: s.ledger.admin)
        #expect(retry.duplicate && retry.index == results[0].index)
        try s.engine.read { (r: any LogReads) throws in
            #expect(try r.size() == results.last!.index + 1)
            for result in results {
                let stored = try r.entry(id: result.id)
                #expect(stored?.index == result.index)
                #expect(stored.map { Base64.encode($0.leafHash) } == result.leafHash)
            }
            #expect(try r.latestStreamVersion("n/0") == 13)
            #expect(try r.latestStreamVersion("n/1") == 12)
        }
        let size = try s.ledger.ledger.size()
        for n in [1, 2, 3, 8, 17, size] {
            #expect(try s.ledger.ledger.root(size: n) == s.engine.read { r in try Self.root(of: r, size: n) })
        }
    }

    /// The root of the first `size` entries from their leaf hashes alone (RFC 6962 §2.1).
    static func root(of r: any LogReads, size: Int) throws -> [UInt8] {
        func hash(_ lo: Int, _ hi: Int) throws -> [UInt8] {
            if hi - lo == 1 { return try r.leafHash(at: lo) ?? [] }
            var k = 1
            while k * 2 < hi - lo { k *= 2 }
            return RFC6962.nodeHash(try hash(lo, lo + k), try hash(lo + k, hi))
        }
        return try hash(0, size)
    }
}
