import Foundation
import GRDB
public import LedgerCore

/// One entry's personal data, as read back from outside the log.
public enum PrivateRecord: Sendable, Equatable {
    /// The data and the salt of its commitment.
    case available(subject: String, salt: [UInt8], data: JSONValue)
    /// The subject was erased: the data and its key are gone for good.
    case erased(subject: String)
}

/// Stores each entry's private object encrypted (XChaCha20-Poly1305) under a random key per
/// subject, in tables beside the log. Erasing a subject deletes its key and its objects.
enum PrivateStore {
    static func associatedData(_ index: Int) -> [UInt8] { Array("coledger/private/v1 \(index)".utf8) }

    /// The subject's key, made and stored when it has none yet; an erased subject gets no new key.
    static func newOrExistingKey(for subject: String, in storage: any LogWrites) throws -> [UInt8] {
        if let key = try storage.subjectKey(subject) { return key }
        if try storage.isErased(subject) {
            throw LedgerError.refused("subject \(subject) was erased; record new personal data under a new pseudonym")
        }
        let key = SecureRandom.bytes(XChaCha20Poly1305.keyByteCount)
        try storage.insertSubjectKey(subject, key: key)
        return key
    }

    static func store(_ object: Batch.PrivateObject, at index: Int, in storage: any LogWrites) throws {
        var key = try newOrExistingKey(for: object.subject, in: storage)
        defer { SecureRandom.zero(&key) }
        var plaintext = try CanonicalJSON.serialize(.object(["salt": .string(Base64.encode(object.salt)), "private": object.data]))
        defer { SecureRandom.zero(&plaintext) }
        let sealed = try XChaCha20Poly1305.seal(plaintext, key: key, associatedData: associatedData(index))
        try storage.insertPrivateObject(
            SealedPrivateObject(index: index, subject: object.subject, nonce: sealed.nonce, ciphertext: sealed.ciphertext))
    }

    static func load(at index: Int, subject: String, from storage: any LogReads) throws -> PrivateRecord? {
        guard let sealed = try storage.privateObject(at: index) else {
            return try storage.isErased(subject) ? .erased(subject: subject) : nil
        }
        guard let key = try storage.subjectKey(sealed.subject) else { return .erased(subject: sealed.subject) }
        return try open(at: index, subject: sealed.subject, nonce: sealed.nonce, ciphertext: sealed.ciphertext, key: key)
    }

    /// Decrypts entry `index`'s private object with its subject's key (which it zeroes) and reads
    /// the salt and data out of it.
    static func open(at index: Int, subject: String, nonce: [UInt8], ciphertext: [UInt8], key: [UInt8]) throws -> PrivateRecord {
        var key = key
        defer { SecureRandom.zero(&key) }
        let plaintext = try XChaCha20Poly1305.open(ciphertext, key: key, nonce: nonce, associatedData: associatedData(index))
        let json = try CanonicalJSON.parse(plaintext)
        guard let salt = json["salt"]?.stringValue.flatMap(Base64.decode), let data = json["private"] else {
            throw LedgerError.corrupt("private object of entry \(index) is malformed")
        }
        return .available(subject: subject, salt: salt, data: data)
    }
}

extension Ledger {
    /// The personal data of entry `index`: available, erased, or nil when the entry has none.
    public func privateRecord(at index: Int) throws(LedgerError) -> PrivateRecord? {
        guard let stored = try entry(at: index), let p = stored.entry.event.privatePart else { return nil }
        return try read { db in try PrivateStore.load(at: index, subject: p.subject, from: SQLiteLog(db)) }
    }

    /// Every stored private object of entries below `size`, for restricted exports and checks.
    func privateRecords(below size: Int) throws(LedgerError) -> [(index: Int, record: PrivateRecord)] {
        // One statement for all of them, keys joined in: a statement per object (and another per
        // key) was most of the time `verify` spent after the log itself on the million-entry demo.
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.idx, p.subject, p.nonce, p.ciphertext, k.key FROM private_objects p
                    LEFT JOIN subject_keys k ON k.subject = p.subject WHERE p.idx < ? ORDER BY p.idx
                    """,
                arguments: [size])
            var out: [(index: Int, record: PrivateRecord)] = []
            while let row = try rows.next() {
                let index: Int = row[0]
                let subject: String = row[1]
                guard let key = row[4] as Data? else {
                    out.append((index, .erased(subject: subject)))
                    continue
                }
                let record = try PrivateStore.open(
                    at: index, subject: subject, nonce: [UInt8](row[2] as Data), ciphertext: [UInt8](row[3] as Data), key: [UInt8](key))
                out.append((index, record))
            }
            return out
        }
    }

    /// Erases a subject: deletes its key and every private object it had, and appends a
    /// `subject.erased` event (no personal data) signed by `signer`, in one transaction.
    /// Afterwards the log still verifies; the subject's private fields read as erased.
    public func erase(subject: String, signer: Ed25519SigningKey, requestRef: String? = nil) throws(LedgerError) -> AppendResult {
        let now = Timestamp.now()
        // The catalogue's subject.erased: the subject, the erasure request it answers, and when.
        let payload: [String: JSONValue] = [
            "subject": .string(subject), "requestRef": .string(requestRef ?? "unreferenced"), "at": .string(String(now.prefix(19)) + "Z"),
        ]
        let draft: JSONValue = .object([
            "type": "subject.erased", "typeVersion": 1, "stream": .string("subject/\(subject)"), "payload": .object(payload),
        ])
        let completed: Batch.Completed
        switch Batch.complete(draft: draft, signerKeyID: signer.keyID, now: now, newID: Identifier.newUUID()) {
        case .success(let c): completed = c
        case .failure(let error): throw error
        }
        let result = try write { _, batch in
            let storage = batch.storage
            guard try storage.privateObjectCount(subject: subject) > 0 || storage.subjectKey(subject) != nil else {
                throw LedgerError.refused("no personal data is held for subject \(subject) (already erased, or never recorded)")
            }
            try storage.erase(subject: subject, at: try storage.size())
            let prepared = try batch.sequence(completed)
            let built = Batch.build(prepared, recordedAt: batch.recordedAt, sign: signer.signature(for:))
            guard let result = try batch.commit([prepared], built: [built]).first else {
                throw LedgerError.storage("erase appended nothing")
            }
            return result
        }
        // Old copies of the deleted pages may sit in the write-ahead log: fold it into the
        // database (secure_delete zeroes them there) and truncate it.
        do {
            try db.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw .storage("erased, but the write-ahead log could not be truncated: \(error)")
        }
        return result
    }
}

extension Ledger {
    /// How many private objects are still held for each of `subjects`; subjects with none are
    /// left out. After `erase(subject:…)` a subject has none (rule P-3 checks that it stays so).
    public func privateObjectsHeld(for subjects: [String]) throws(LedgerError) -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            let storage = SQLiteLog(db)
            for subject in subjects {
                let n = try storage.privateObjectCount(subject: subject)
                if n > 0 { out[subject] = n }
            }
            return out
        }
    }
}
