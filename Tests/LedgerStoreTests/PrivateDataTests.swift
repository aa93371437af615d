import Foundation
import GRDB
import LedgerCore
import LedgerStore
import Testing

@Suite struct PrivateDataTests {
    static let secret = "Fatima Begum, 07700 900123, asked for a female interpreter"

    static func feedback(_ n: Int, subject: String = "person/p-0042", id: String? = nil) -> JSONValue {
        var o: [String: JSONValue] = [
            "type": "example.note", "typeVersion": 1, "stream": .string("feedback/\(n)"), "payload": .object(["n": .number(Double(n))]),
            "private": .object(["subject": .string(subject), "data": .object(["text": .string(secret), "n": .number(Double(n))])]),
        ]
        if let id { o["id"] = .string(id) }
        return .object(o)
    }

    static func fileContains(_ path: String, _ needle: [UInt8]) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return [UInt8](data).withUnsafeBufferPointer { hay in
            guard hay.count >= needle.count else { return false }
            for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
                if hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
            }
            return false
        }
    }

    @Test func personalDataStaysOutOfTheLogAndMatchesItsCommitment() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        let r = try t.ledger.append(draft: Self.feedback(1), signer: member)
        let stored = try #require(try t.ledger.entry(at: r.index))
        #expect(!String(decoding: stored.entry.bytes, as: UTF8.self).contains("Fatima"))
        let commitment = try #require(stored.entry.event.privatePart)
        #expect(commitment.subject == "person/p-0042")
        guard case .available(let subject, let salt, let data)? = try t.ledger.privateRecord(at: r.index) else {
            Issue.record("the private object should be held")
            return
        }
        #expect(subject == "person/p-0042")
        #expect(data["text"]?.stringValue == Self.secret)
        #expect(try PrivateCommitment.commit(data, salt: salt) == commitment.commitment)
        #expect(!Self.fileContains(t.path, Array("Fatima".utf8)), "plaintext must not be in the SQLite file")
        #expect(try t.ledger.verify().ok)
    }

    @Test func aRetryWithTheSameDataIsIdempotent() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        let id = "00000000-0000-4000-8000-0000000000f1"
        let first = try t.ledger.append(draft: Self.feedback(1, id: id), signer: member)
        let again = try t.ledger.append(draft: Self.feedback(1, id: id), signer: member)
        #expect(again.duplicate && again.index == first.index)
        #expect(throws: LedgerError.self) { try t.ledger.append(draft: Self.feedback(2, id: id), signer: member) }
    }

    @Test func restrictedExportCarriesPrivateObjectsThatVerify() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        _ = try t.ledger.append(drafts: (1...5).map { Self.feedback($0) }, signer: member)
        _ = try t.ledger.signCheckpoint(with: t.logKey)
        let restricted = t.directory.appendingPathComponent("restricted")
        _ = try t.ledger.export(to: restricted, includePrivate: true)
        let lines = try String(contentsOf: restricted.appendingPathComponent("private.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(try Bundle.verify(directory: restricted, pinnedLogKey: t.ledger.logKey).ok)
        let publicBundle = t.directory.appendingPathComponent("public")
        _ = try t.ledger.export(to: publicBundle)
        #expect(!FileManager.default.fileExists(atPath: publicBundle.appendingPathComponent("private.jsonl").path))
    }

    /// `verify` reads every private object back (one statement for all of them) and checks it
    /// against its entry's commitment: data that opens but was swapped is named by index, data
    /// that does not open fails the check, and an object whose key is gone reads as erased.
    @Test func verifyChecksEveryPrivateObjectAgainstItsCommitment() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        let results = try t.ledger.append(
            drafts: [Self.feedback(1), Self.feedback(2), Self.feedback(3, subject: "person/p-0043")], signer: member)
        #expect(try t.ledger.verify().ok)
        let target = results[1].index
        let tamper = try SQLiteTamper(path: t.path)
        // Other data sealed under the subject's own key, at the right index: it opens, but it is
        // not what the entry committed to.
        try tamper.queue.write { db in
            let key = [UInt8](try #require(try Data.fetchOne(db, sql: "SELECT key FROM subject_keys WHERE subject = 'person/p-0042'")))
            let plaintext = try CanonicalJSON.serialize(
                .object(["salt": .string(Base64.encode([UInt8](repeating: 7, count: 16))), "private": .object(["text": "someone else"])]))
            let sealed = try XChaCha20Poly1305.seal(plaintext, key: key, associatedData: Array("coledger/private/v1 \(target)".utf8))
            try db.execute(
                sql: "UPDATE private_objects SET nonce = ?, ciphertext = ? WHERE idx = ?",
                arguments: [Data(sealed.nonce), Data(sealed.ciphertext), target])
        }
        let swapped = try t.ledger.verify()
        #expect(swapped.failures.map(\.check) == ["private"])
        #expect(swapped.failures.first?.index == target)
        // Bytes that do not open under the key: the check cannot read the objects.
        try tamper.execute("UPDATE private_objects SET ciphertext = zeroblob(64) WHERE idx = ?", [target])
        let unreadable = try t.ledger.verify()
        #expect(unreadable.failures.map(\.check) == ["private"])
        #expect(unreadable.failures.first?.detail.contains("cannot be read") == true)
        // With p-0042's key gone its objects read as erased (nothing to compare); p-0043's still match.
        try tamper.execute("DELETE FROM subject_keys WHERE subject = 'person/p-0042'")
        #expect(try t.ledger.verify().ok)
    }

    @Test func erasureDeletesTheKeyAndDataAndTheLogStillVerifies() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let member = try t.member(seed: 3)
        _ = try t.ledger.append(drafts: [Self.feedback(1), Self.feedback(2), Self.feedback(3, subject: "person/p-0043")], signer: member)
        let keyBytes = try SQLiteTamper(path: t.path).queue.read { db in
            [UInt8](try Data.fetchOne(db, sql: "SELECT key FROM subject_keys WHERE subject = 'person/p-0042'") ?? Data())
        }
        #expect(keyBytes.count == 32)
        let erased = try t.ledger.erase(subject: "person/p-0042", signer: t.admin, requestRef: "DSR-2026-001")
        #expect(try t.ledger.entry(at: erased.index)?.entry.event.type == "subject.erased")
        #expect(try t.ledger.privateRecord(at: 2) == .erased(subject: "person/p-0042"))
        #expect(try t.ledger.privateRecord(at: 3) == .erased(subject: "person/p-0042"))
        guard case .available? = try t.ledger.privateRecord(at: 4) else {
            Issue.record("another subject's data must stay")
            return
        }
        #expect(!Self.fileContains(t.path, keyBytes), "the erased key must not survive in the database file")
        #expect(!Self.fileContains(t.path + "-wal", keyBytes), "nor in the write-ahead log")
        #expect(try t.ledger.verify().ok)
        _ = try t.ledger.signCheckpoint(with: t.logKey)
        let bundle = t.directory.appendingPathComponent("after-erasure")
        _ = try t.ledger.export(to: bundle, includePrivate: true)
        #expect(try Bundle.verify(directory: bundle, pinnedLogKey: t.ledger.logKey).ok)
        let held = try String(contentsOf: bundle.appendingPathComponent("private.jsonl"), encoding: .utf8)
        #expect(held.split(separator: "\n").count == 1)
        #expect(!held.contains("p-0042"))
        // Erasing twice, or recording new personal data under an erased pseudonym, is refused.
        #expect(throws: LedgerError.self) { try t.ledger.erase(subject: "person/p-0042", signer: t.admin) }
        #expect(throws: LedgerError.self) { try t.ledger.append(draft: Self.feedback(9), signer: member) }
    }
}
