import Foundation
import LedgerCore
import Testing

/// Writes a bundle from events signed by keys of the test's choice, bypassing the ledger's
/// append rules, so a verifier can be shown logs the ledger itself would never write.
struct BundleWriter {
    static let origin = "test.example/forged"
    let logKey = try! Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))
    var entries: [Entry] = []
    var streams: [String: Int] = [:]
    /// Entry lines written after `entries`, byte for byte (for entries no `Entry` can hold).
    var rawLines: [[UInt8]] = []

    mutating func add(type: String, stream: String, payload: [String: JSONValue], by key: Ed25519SigningKey) throws {
        let version = (streams[stream] ?? 0) + 1
        streams[stream] = version
        let event = Event(
            id: Identifier.newUUID(), type: type, typeVersion: 1, stream: stream, streamVersion: version,
            occurredAt: "2026-02-01T10:00:00Z", signer: key.keyID, payload: payload)
        entries.append(try Entry(event: event, recordedAt: "2026-02-01T10:00:01.000Z", signature: key.signature(for: try event.signingMessage())))
    }

    mutating func genesis(admin: Ed25519SigningKey) throws {
        let vkey = NoteVerifierKey(name: Self.origin, publicKey: logKey.publicKey)
        try add(
            type: "ledger.genesis", stream: "ledger",
            payload: [
                "origin": .string(Self.origin), "logKey": .string(vkey.description),
                "admins": [.object(["keyId": .string(admin.keyID), "publicKey": .string(Base64.encode(admin.publicKey.rawRepresentation))])],
            ], by: admin)
    }

    mutating func register(_ key: Ed25519SigningKey, by signer: Ed25519SigningKey, role: String? = nil) throws {
        var payload: [String: JSONValue] = ["keyId": .string(key.keyID), "publicKey": .string(Base64.encode(key.publicKey.rawRepresentation))]
        if let role { payload["role"] = .string(role) }
        try add(type: "key.registered", stream: "key/\(key.keyID)", payload: payload, by: signer)
    }

    var vkey: NoteVerifierKey { NoteVerifierKey(name: Self.origin, publicKey: logKey.publicKey) }

    func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var lines = Data()
        let all = entries.map(\.bytes) + rawLines
        for line in all { lines.append(contentsOf: line + [0x0A]) }
        try lines.write(to: directory.appendingPathComponent("entries.jsonl"))
        let root = RFC6962.root(ofLeafHashes: all.map { RFC6962.leafHash($0) })
        let body = Checkpoint(origin: Self.origin, size: UInt64(all.count), rootHash: root).body
        let note = SignedNote(text: body, signatures: [SignedNote.sign(text: body, name: Self.origin, key: logKey)])
        try Data(note.serialized.utf8).write(to: directory.appendingPathComponent("checkpoint"))
        try Data((vkey.description + "\n").utf8).write(to: directory.appendingPathComponent("log.vkey"))
        let manifest = "{\"format\":\"coledger-bundle/v1\",\"origin\":\"\(Self.origin)\",\"size\":\(all.count)}"
        try Data(manifest.utf8).write(to: directory.appendingPathComponent("manifest.json"))
    }
}

@Suite struct ForgedBundleTests {
    func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("coledger-forged-\(UUID().uuidString)")
    }

    @Test func aBundleWrittenByTheRulesVerifies() throws {
        let admin = Ed25519SigningKey()
        let member = Ed25519SigningKey()
        var w = BundleWriter()
        try w.genesis(admin: admin)
        try w.register(member, by: admin)
        try w.add(type: "example.note", stream: "note/1", payload: ["n": 1], by: member)
        let dir = temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        try w.write(to: dir)
        let report = try Bundle.verify(directory: dir, pinnedLogKey: w.vkey)
        #expect(report.ok, "\(report.failures)")
    }

    /// Only admin keys may register or revoke keys (the interim authorization policy).
    @Test func aKeyRegisteredByANonAdminFailsThePolicy() throws {
        let admin = Ed25519SigningKey()
        let member = Ed25519SigningKey()
        let stranger = Ed25519SigningKey()
        var w = BundleWriter()
        try w.genesis(admin: admin)
        try w.register(member, by: admin)
        try w.register(stranger, by: member)
        let dir = temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        try w.write(to: dir)
        let report = try Bundle.verify(directory: dir, pinnedLogKey: w.vkey)
        #expect(report.failures.first?.index == 2)
        #expect(report.failures.first?.check == "policy")
    }

    @Test func aKeyRegisteredWithTheAdminRoleMayRegisterKeys() throws {
        let admin = Ed25519SigningKey()
        let deputy = Ed25519SigningKey()
        let member = Ed25519SigningKey()
        var w = BundleWriter()
        try w.genesis(admin: admin)
        try w.register(deputy, by: admin, role: "admin")
        try w.register(member, by: deputy)
        let dir = temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        try w.write(to: dir)
        #expect(try Bundle.verify(directory: dir, pinnedLogKey: w.vkey).ok)
    }
}
