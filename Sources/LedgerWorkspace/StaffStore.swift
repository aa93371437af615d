public import Foundation
public import LedgerCore
public import LedgerStore

#if canImport(Glibc)
    import Glibc
#endif

/// One staff member's account in the ``StaffStore``: their person id, their registered signing
/// key (the sealed `coledger-key/v1` file, kept sealed) and their TOTP secret (sealed too).
public struct StaffRecord: Codable, Sendable, Equatable {
    /// Whether the account may sign in.
    public enum State: String, Codable, Sendable {
        /// Enrolled: may sign in with the key's passphrase and a TOTP code.
        case enrolled
        /// Disabled by an admin: may not sign in until enrolled again.
        case disabled
    }

    /// The person id, without the `person/` prefix (e.g. `p-0001`).
    public var person: String
    /// The id of the registered key.
    public var keyId: String
    /// Base64 of the sealed key file's bytes, exactly as `coledger key new` wrote them.
    public var keyFile: String
    /// Base64 of the 24-byte XChaCha20-Poly1305 nonce the TOTP secret is sealed with.
    public var totpNonce: String
    /// Base64 of the sealed TOTP secret (secret || 16-byte tag).
    public var totpSealed: String
    /// Enrolled or disabled.
    public var state: State
    /// When the account was enrolled (UTC, RFC 3339).
    public var enrolledAt: String
    /// When it was disabled, if it is.
    public var disabledAt: String?

    /// Opens the TOTP secret with the unsealed signing key (after its passphrase was given at
    /// sign-in); nil when `key` is not this record's key or the record was tampered with.
    public func totp(unlockedWith key: Ed25519SigningKey) -> TOTP? {
        guard key.keyID == keyId, let nonce = Base64.decode(totpNonce), let sealed = Base64.decode(totpSealed) else {
            return nil
        }
        var sealingKey = StaffStore.totpSealingKey(for: key)
        defer { SecureRandom.zero(&sealingKey) }
        guard
            let secret = try? XChaCha20Poly1305.open(
                sealed, key: sealingKey, nonce: nonce, associatedData: StaffStore.associatedData(person, keyId))
        else { return nil }
        return TOTP(secret: secret)
    }
}

/// What a new enrolment hands back once: the record and the TOTP secret to show the person.
public struct StaffEnrolment: Sendable {
    /// The stored record.
    public let record: StaffRecord
    /// The TOTP generator with the plain secret: show its ``TOTP/enrolmentURI(issuer:account:)``
    /// once, never store it unsealed.
    public let totp: TOTP
}

/// Why the staff store refused something; each message names what was wrong and how to fix it.
public struct StaffStoreError: Error, CustomStringConvertible, Equatable {
    /// The message.
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The server's staff key store: one file per person in a directory beside the ledger
/// (`<ledger dir>/staff/`, mode 0700; each record `<person>.json`, mode 0600, written atomically).
///
/// ## What is sealed with what
///
/// The signing key stays in the `coledger-key/v1` file its holder made, sealed under their
/// passphrase (Argon2id, XChaCha20-Poly1305); the store never sees the passphrase and never
/// writes the key unsealed. The TOTP secret is sealed with XChaCha20-Poly1305 under
/// SHA-256(`coledger-staff-totp/v1` || the key's seed), bound to the person and key id, so it
/// opens only once the passphrase has unsealed the key: at enrolment (the person is present to
/// type it and scan the code) and at sign-in.
///
/// So an operator holding the server's files, but no passphrase, can neither sign as a staff
/// member nor compute their TOTP codes, and cannot move a record to another person or key (the
/// seal would not open); guessing a passphrase offline costs Argon2id per guess. They can delete
/// or disable records, roll a record back to an earlier copy, read who is enrolled and when,
/// and, controlling the running server, capture a passphrase and code as they are typed at
/// sign-in and use the key while it is unsealed in memory. Every event stays signed, so what
/// such a key signed is in the log under that key, and revoking the key in the log ends it.
public struct StaffStore: Sendable {
    /// The directory holding the records.
    public let directory: URL

    /// A store in `directory`.
    public init(directory: URL) { self.directory = directory }

    /// The default store of the ledger at `ledgerPath`: `staff/` beside it.
    public init(besideLedgerAt ledgerPath: String) {
        directory = URL(fileURLWithPath: ledgerPath).deletingLastPathComponent().appendingPathComponent("staff")
    }

    /// Checks that `person` may be enrolled with `keyFile` before anyone types a passphrase:
    /// returns the person id (without `person/`) and the parsed key file.
    ///
    /// - Throws: ``StaffStoreError`` when the person id is not usable as a file name, the file is
    ///   not a key file, its key is not registered in `ledger`'s log, is registered to someone else
    ///   or revoked, or the person is already enrolled.
    public func admissible(person: String, keyFile: [UInt8], ledger: Ledger) throws
        -> (person: String, file: SealedKeyFile)
    {
        let person = try Self.personID(person)
        let file: SealedKeyFile
        do { file = try SealedKeyFile(fileBytes: keyFile) } catch {
            throw StaffStoreError("not a coledger-key/v1 key file: \(error)")
        }
        let fix = "register it with `coledger key register --key ADMIN.key FILE --holder person/\(person)`"
        guard let registered = try ledger.keyRegistry().keys[file.keyID] else {
            throw StaffStoreError("key \(file.keyID) is not registered in the log; \(fix)")
        }
        guard registered.holder == "person/\(person)" else {
            let holder = registered.holder.map { "to \($0)" } ?? "with no holder"
            throw StaffStoreError(
                "key \(file.keyID) is registered \(holder), not to person/\(person); give person/\(person)'s own key, "
                    + "or make one with `coledger key new` and \(fix)")
        }
        if let revokedAt = registered.revokedAt {
            throw StaffStoreError(
                "key \(file.keyID) was revoked at index \(revokedAt); make a new key with `coledger key new` "
                    + "and register it"
            )
        }
        if let existing = try record(for: person), existing.state == .enrolled {
            throw StaffStoreError(
                "person/\(person) is already enrolled with key \(existing.keyId); disable them first with "
                    + "`coledger staff disable \(person)`")
        }
        return (person, file)
    }

    /// Enrols `person` with the sealed key file `keyFile`, whose key the caller unsealed as
    /// `unlocked` (with the holder's passphrase) to seal a new TOTP secret; writes nothing on error.
    ///
    /// - Throws: ``StaffStoreError`` when the person id is not usable as a file name, the file is
    ///   not a key file or not `unlocked`'s, the key is not registered in `ledger`'s log, is
    ///   registered to someone else or revoked, or the person is already enrolled.
    public func add(
        person: String, keyFile: [UInt8], unlocked: Ed25519SigningKey, ledger: Ledger, at time: String = Timestamp.now()
    ) throws -> StaffEnrolment {
        let (person, file) = try admissible(person: person, keyFile: keyFile, ledger: ledger)
        guard file.keyID == unlocked.keyID else {
            throw StaffStoreError("the unsealed key \(unlocked.keyID) is not the key file's key \(file.keyID)")
        }
        let totp = TOTP(secret: TOTP.generateSecret())
        var sealingKey = Self.totpSealingKey(for: unlocked)
        defer { SecureRandom.zero(&sealingKey) }
        let (nonce, sealed) = try XChaCha20Poly1305.seal(
            totp.secret, key: sealingKey, associatedData: Self.associatedData(person, file.keyID))
        let record = StaffRecord(
            person: person, keyId: file.keyID, keyFile: Base64.encode(keyFile), totpNonce: Base64.encode(nonce),
            totpSealed: Base64.encode(sealed), state: .enrolled, enrolledAt: time, disabledAt: nil)
        try write(record)
        return StaffEnrolment(record: record, totp: totp)
    }

    /// Disables `person`'s account: it may not sign in until enrolled again.
    /// - Throws: ``StaffStoreError`` when the person is not enrolled or already disabled.
    public func disable(person: String, at time: String = Timestamp.now()) throws -> StaffRecord {
        let person = try Self.personID(person)
        guard var record = try record(for: person) else {
            throw StaffStoreError("person/\(person) is not in the staff store; see `coledger staff list`")
        }
        guard record.state == .enrolled else {
            throw StaffStoreError("person/\(person) was already disabled at \(record.disabledAt ?? "?")")
        }
        record.state = .disabled
        record.disabledAt = time
        try write(record)
        return record
    }

    /// Every record, by person id.
    public func list() throws -> [StaffRecord] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
            .map { try Self.decode(directory.appendingPathComponent($0)) }
    }

    /// `person`'s record, or nil.
    public func record(for person: String) throws -> StaffRecord? {
        let url = try fileURL(Self.personID(person))
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try Self.decode(url)
    }

    // MARK: - Files

    private func fileURL(_ person: String) -> URL { directory.appendingPathComponent("\(person).json") }

    private static func decode(_ url: URL) throws -> StaffRecord {
        do {
            return try JSONDecoder().decode(StaffRecord.self, from: Data(contentsOf: url))
        } catch {
            throw StaffStoreError("\(url.path) is not a staff record: \(error)")
        }
    }

    /// Writes `record` to a 0600 temporary file in the (0700) directory, syncs it and renames it
    /// over the record's file.
    private func write(_ record: StaffRecord) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes = [UInt8](try encoder.encode(record)) + [0x0a]
        let target = fileURL(record.person)
        let temporary = directory.appendingPathComponent(".\(record.person).json.\(UUID().uuidString)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StaffStoreError("cannot write \(temporary.path): \(String(cString: strerror(errno)))")
        }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw StaffStoreError("cannot write \(target.path): \(reason)")
        }
    }

    // MARK: - Sealing

    /// The person id without `person/`, refused unless it is a plain name (letters, digits, `.`,
    /// `_`, `-`; not starting with `.`), as it names the record's file.
    static func personID(_ text: String) throws -> String {
        let id = text.hasPrefix("person/") ? String(text.dropFirst(7)) : text
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard !id.isEmpty, !id.hasPrefix("."), id.count <= 128,
            id.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) })
        else {
            throw StaffStoreError("person id \"\(text)\" must be letters, digits, '.', '_' or '-', e.g. p-0001")
        }
        return id
    }

    /// The key the TOTP secret is sealed under: SHA-256 of a label and the signing key's seed.
    static func totpSealingKey(for key: Ed25519SigningKey) -> [UInt8] {
        var seed = key.seed
        defer { SecureRandom.zero(&seed) }
        return LedgerCore.SHA256.hash(parts: Array("coledger-staff-totp/v1".utf8), seed)
    }

    static func associatedData(_ person: String, _ keyID: String) -> [UInt8] {
        Array("coledger-staff-totp/v1\nperson/\(person)\n\(keyID)".utf8)
    }
}
