import Foundation
import LedgerCore
import LedgerStore

/// A ledger in a fresh temporary folder, with fixed admin and log keys.
struct TestLedger {
    let directory: URL
    let ledger: Ledger
    let logKey: Ed25519SigningKey
    let admin: Ed25519SigningKey

    init(origin: String = "test.example/ledger") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        logKey = try Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))
        admin = try Ed25519SigningKey(seed: [UInt8](repeating: 2, count: 32))
        ledger = try Ledger.create(
            path: directory.appendingPathComponent("ledger.db").path, origin: origin, logKey: logKey, admins: [admin],
            occurredAt: "2026-01-01T09:00:00Z")
    }

    var path: String { ledger.path }

    /// Registers a new member key and returns it.
    @discardableResult
    func member(seed: UInt8, holder: String = "person/p-0001", role: String? = nil) throws -> Ed25519SigningKey {
        let key = try Ed25519SigningKey(seed: [UInt8](repeating: seed, count: 32))
        var payload: [String: JSONValue] = [
            "keyId": .string(key.keyID), "publicKey": .string(Base64.encode(key.publicKey.rawRepresentation)),
            "holder": .string(holder),
        ]
        if let role { payload["role"] = .string(role) }
        _ = try ledger.append(
            draft: .object(["type": "key.registered", "typeVersion": 1, "stream": .string("key/\(key.keyID)"), "payload": .object(payload)]),
            signer: admin)
        return key
    }

    static func note(_ stream: String, _ n: Int, id: String? = nil) -> JSONValue {
        var o: [String: JSONValue] = [
            "type": "example.note", "typeVersion": 1, "stream": .string(stream), "payload": .object(["n": .number(Double(n))]),
        ]
        if let id { o["id"] = .string(id) }
        return .object(o)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
