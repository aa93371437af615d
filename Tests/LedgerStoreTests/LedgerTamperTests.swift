import Foundation
import GRDB
import LedgerCore
import LedgerStore
import Testing

/// Each way of rewriting a ledger behind its back is caught by `verify`, at the right index.
@Suite struct LedgerTamperTests {
    /// A ledger of 40 entries over two members, checkpointed.
    static func sample() throws -> (TestLedger, member: Ed25519SigningKey, other: Ed25519SigningKey) {
        let t = try TestLedger()
        let member = try t.member(seed: 3)
        let other = try t.member(seed: 4, holder: "person/p-0002")
        _ = try t.ledger.append(drafts: (1...20).map { TestLedger.note("a/1", $0) }, signer: member)
        _ = try t.ledger.append(drafts: (1...17).map { TestLedger.note("b/1", $0) }, signer: other)
        _ = try t.ledger.signCheckpoint(with: t.logKey)
        return (t, member, other)
    }

    @Test func aChangedByteIsCaughtAtItsIndex() throws {
        let (t, _, _) = try Self.sample()
        defer { t.remove() }
        let tamper = try SQLiteTamper(path: t.path)
        try tamper.dropTriggers()
        var bytes = try tamper.bytes(at: 10)
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"n\":8", with: "\"n\":9")
        bytes = Array(text.utf8)
        try tamper.setBytes(bytes, at: 10)
        let report = try t.ledger.verify()
        #expect(!report.ok)
        #expect(report.failures.first?.index == 10)
        #expect(report.failures.contains { $0.index == 10 && $0.check == "signature" })
    }

    @Test func aDeletedRowIsCaughtAtItsIndex() throws {
        let (t, _, _) = try Self.sample()
        defer { t.remove() }
        let tamper = try SQLiteTamper(path: t.path)
        try tamper.dropTriggers()
        try tamper.execute("DELETE FROM entries WHERE idx = 12")
        let report = try t.ledger.verify()
        #expect(report.failures.first?.index == 12)
        #expect(report.failures.first?.check == "missing")
    }

    @Test func swappedRowsAreCaughtAtTheFirst() throws {
        let (t, _, _) = try Self.sample()
        defer { t.remove() }
        let tamper = try SQLiteTamper(path: t.path)
        try tamper.dropTriggers()
        // Swap whole rows 24 and 25 (different streams, so stream versions still run in order).
        try tamper.execute("""
            UPDATE entries SET idx = -1 WHERE idx = 24; UPDATE entries SET idx = 24 WHERE idx = 25;
            UPDATE entries SET idx = 25 WHERE idx = -1;
            """)
        let report = try t.ledger.verify()
        #expect(!report.ok)
        #expect(report.failures.first?.index == 24)
    }

    @Test func aSignatureFromAnotherRegisteredKeyIsCaught() throws {
        let (t, _, other) = try Self.sample()
        defer { t.remove() }
        let tamper = try SQLiteTamper(path: t.path)
        try tamper.dropTriggers()
        let entry = try Entry(bytes: try tamper.bytes(at: 7))
        let forged = try Entry(event: entry.event, recordedAt: entry.recordedAt, signature: other.signature(for: try entry.event.signingMessage()))
        try tamper.setBytes(forged.bytes, at: 7)
        try tamper.execute("UPDATE entries SET leaf_hash = ? WHERE idx = 7", [Data(forged.leafHash)])
        let report = try t.ledger.verify()
        #expect(report.failures.first?.index == 7)
        #expect(report.failures.contains { $0.index == 7 && $0.check == "signature" })
    }

    @Test func aLogRebuiltFromScratchFailsAgainstAKeptCheckpoint() throws {
        let (t, member, _) = try Self.sample()
        defer { t.remove() }
        let kept = try #require(try t.ledger.latestCheckpoint()).note
        // The key holders rebuild the whole ledger with one event changed, and sign a new checkpoint.
        try FileManager.default.removeItem(atPath: t.path)
        let rebuilt = try Ledger.create(path: t.path, origin: "test.example/ledger", logKey: t.logKey, admins: [t.admin], occurredAt: "2026-01-01T09:00:00Z")
        _ = try rebuilt.append(draft: .object([
            "type": "key.registered", "typeVersion": 1, "stream": .string("key/\(member.keyID)"),
            "payload": .object(["keyId": .string(member.keyID), "publicKey": .string(Base64.encode(member.publicKey.rawRepresentation))]),
        ]), signer: t.admin)
        _ = try rebuilt.append(drafts: (1...60).map { TestLedger.note("a/1", $0) }, signer: member)
        _ = try rebuilt.signCheckpoint(with: t.logKey)
        #expect(try rebuilt.verify().ok, "on its own the rebuilt log is self-consistent")
        let report = try rebuilt.verify(keptCheckpoints: [kept])
        #expect(!report.ok)
        #expect(report.failures.contains { $0.check == "consistency" })
    }

    @Test func truncationIsCaughtAgainstAKeptCheckpoint() throws {
        let (t, _, _) = try Self.sample()
        defer { t.remove() }
        let kept = try #require(try t.ledger.latestCheckpoint()).note
        let tamper = try SQLiteTamper(path: t.path)
        try tamper.dropTriggers()
        try tamper.execute("DELETE FROM entries WHERE idx >= 30; DELETE FROM checkpoints")
        let report = try t.ledger.verify(keptCheckpoints: [kept])
        #expect(!report.ok)
        #expect(report.failures.contains { $0.check == "consistency" })
    }

    @Test func theLogRefusesToSignAFork() throws {
        let (t, member, _) = try Self.sample()
        defer { t.remove() }
        let tamper = try SQLiteTamper(path: t.path)
        try tamper.dropTriggers()
        try tamper.execute("UPDATE entries SET nodes = zeroblob(length(nodes)) WHERE idx = 31")
        _ = try t.ledger.append(draft: TestLedger.note("a/1", 21), signer: member)
        #expect(throws: LedgerError.self) { try t.ledger.signCheckpoint(with: t.logKey) }
    }
}
