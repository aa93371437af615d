import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore
import Testing

/// Key events recorded through the recording API: the wire format's members (FORMAT.md key
/// events), the receipt's sentence, and a refusal naming the field with nothing appended.
@Suite struct KeyRequestsTests {
    @Test func aKeyIsRegisteredAndRevokedWithTheWireFormatsMembers() throws {
        let w = try RecordingAPITests.World()
        defer { w.remove() }
        let key = Ed25519SigningKey()
        let publicKey = Base64.encode(key.publicKey.rawRepresentation)
        let registered = try w.record(
            KeyRegistered(
                keyId: KeyID(unchecked: key.keyID), publicKey: PublicKeyText(unchecked: publicKey), holder: "system/form",
                role: .intake))
        #expect(registered.summary == "Registered key \(key.keyID).")
        #expect(registered.stream == "key/\(key.keyID)")
        #expect(
            registered.payload
                == .object([
                    "keyId": .string(key.keyID), "publicKey": .string(publicKey), "holder": "system/form", "role": "intake",
                ]))
        let revoked = try w.record(KeyRevoked(keyId: KeyID(unchecked: key.keyID), reason: "device lost"))
        #expect(revoked.summary == "Revoked key \(key.keyID).")
        #expect(revoked.payload == .object(["keyId": .string(key.keyID), "reason": "device lost"]))
        #expect(revoked.type == "key.revoked")
    }

    @Test func aBadHolderIsRefusedNamingTheFieldAndNothingIsAppended() throws {
        let w = try RecordingAPITests.World()
        defer { w.remove() }
        let key = Ed25519SigningKey()
        let before = try w.ledger.size()
        let request = KeyRegistered(
            keyId: KeyID(unchecked: key.keyID), publicKey: PublicKeyText(unchecked: Base64.encode(key.publicKey.rawRepresentation)),
            holder: "nobody")
        let error = try #require(throws: RecordingError.self) { try w.record(request) }
        #expect(error.kind == .invalid)
        #expect(error.pointer == "/payload/holder")
        #expect(error.field == "--holder")
        #expect(try w.ledger.size() == before)
    }
}
