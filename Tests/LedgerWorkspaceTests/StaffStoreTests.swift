import Foundation
import LedgerCore
import LedgerStore
import LedgerWorkspace
import Testing

@Suite struct StaffStoreTests {
    /// A ledger with `staff` registered to person/p-0001 and `other` to person/p-0002.
    struct World {
        let directory: URL
        let ledger: Ledger
        let staff: Ed25519SigningKey
        let other: Ed25519SigningKey
        var store: StaffStore { StaffStore(besideLedgerAt: directory.appendingPathComponent("l.db").path) }

        init() throws {
            directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("staff-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let admin = try Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))
            ledger = try Ledger.create(
                path: directory.appendingPathComponent("l.db").path, origin: "test.example/staff",
                logKey: try Ed25519SigningKey(seed: [UInt8](repeating: 2, count: 32)), admins: [admin])
            staff = try Ed25519SigningKey(seed: [UInt8](repeating: 3, count: 32))
            other = try Ed25519SigningKey(seed: [UInt8](repeating: 4, count: 32))
            for (key, person) in [(staff, "p-0001"), (other, "p-0002")] {
                _ = try ledger.append(
                    draft: .object([
                        "type": "key.registered", "typeVersion": 1, "stream": .string("key/\(key.keyID)"),
                        "payload": .object([
                            "keyId": .string(key.keyID),
                            "publicKey": .string(Base64.encode(key.publicKey.rawRepresentation)),
                            "holder": .string("person/\(person)"),
                        ]),
                    ]), signer: admin)
            }
        }

        func file(_ key: Ed25519SigningKey) throws -> [UInt8] {
            try SealedKeyFile.seal(key, name: "staff", role: "member", passphrase: Array("pw".utf8))
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test func theTOTPSecretOpensOnlyWithTheRecordsOwnKey() throws {
        let w = try World()
        defer { w.remove() }
        let enrolment = try w.store.add(
            person: "p-0001", keyFile: try w.file(w.staff), unlocked: w.staff, ledger: w.ledger)
        let stored = try #require(try w.store.record(for: "p-0001"))
        #expect(stored == enrolment.record)
        #expect(stored.totp(unlockedWith: w.staff)?.secret == enrolment.totp.secret)
        #expect(stored.totp(unlockedWith: w.other) == nil)
        var moved = stored
        moved.person = "p-0002"
        #expect(moved.totp(unlockedWith: w.staff) == nil, "a record moved to another person must not open")
        let text = try String(contentsOf: w.store.directory.appendingPathComponent("p-0001.json"), encoding: .utf8)
        #expect(!text.contains(Base64.encode(enrolment.totp.secret)))
        #expect(!text.contains(Base32.encode(enrolment.totp.secret)))
    }

    @Test func aKeyRegisteredToSomeoneElseOrNotAtAllIsRefusedAndNothingWritten() throws {
        let w = try World()
        defer { w.remove() }
        #expect(throws: StaffStoreError.self) {
            try w.store.add(person: "p-0001", keyFile: try w.file(w.other), unlocked: w.other, ledger: w.ledger)
        }
        let stranger = try Ed25519SigningKey(seed: [UInt8](repeating: 9, count: 32))
        #expect(throws: StaffStoreError.self) {
            try w.store.add(person: "p-0001", keyFile: try w.file(stranger), unlocked: stranger, ledger: w.ledger)
        }
        #expect(throws: StaffStoreError.self) {
            try w.store.add(person: "p-0001", keyFile: try w.file(w.staff), unlocked: w.other, ledger: w.ledger)
        }
        #expect(throws: StaffStoreError.self) {
            try w.store.add(person: "../p-0001", keyFile: try w.file(w.staff), unlocked: w.staff, ledger: w.ledger)
        }
        #expect(try w.store.list().isEmpty)
    }

    @Test func disablingKeepsTheRecordAndAllowsEnrollingAgain() throws {
        let w = try World()
        defer { w.remove() }
        _ = try w.store.add(person: "person/p-0001", keyFile: try w.file(w.staff), unlocked: w.staff, ledger: w.ledger)
        #expect(throws: StaffStoreError.self) {
            try w.store.add(person: "p-0001", keyFile: try w.file(w.staff), unlocked: w.staff, ledger: w.ledger)
        }
        let disabled = try w.store.disable(person: "p-0001", at: "2026-12-01T10:00:00Z")
        #expect(disabled.state == .disabled && disabled.disabledAt == "2026-12-01T10:00:00Z")
        #expect(throws: StaffStoreError.self) { try w.store.disable(person: "p-0001") }
        #expect(throws: StaffStoreError.self) { try w.store.disable(person: "p-0009") }
        let again = try w.store.add(person: "p-0001", keyFile: try w.file(w.staff), unlocked: w.staff, ledger: w.ledger)
        #expect(try w.store.list().map(\.state) == [.enrolled])
        #expect(again.record.disabledAt == nil)
    }
}
