import Foundation
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// Effective time at append: the envelope and the payload say the same thing, the future and
/// "before the body existed" are refused, and trust in keys follows log position, not dates.
@Suite struct EffectiveTimeAdmissionTests {
    typealias P = DomainPolicyTests

    static func dated(_ draft: JSONValue, _ occurredAt: String) -> JSONValue {
        var o = draft.objectValue ?? [:]
        o["occurredAt"] = .string(occurredAt)
        return .object(o)
    }

    @Test func anEnvelopePayloadMismatchIsRefusedNamingTheMember() throws {
        let w = try P.world()
        defer { w.t.remove() }
        // receivedAt says 2 March, the envelope says 5 March: refused, nothing appended.
        try P.refused(
            w, Self.dated(P.feedback("F-1", submitter: "p-0002"), "2026-03-05T09:00:00Z"), by: w.member, rule: "time",
            pointer: "/payload/receivedAt", "disagrees with the event's effective time")
        // A role assignment whose `from` is another day than its envelope.
        try P.refused(
            w, Self.dated(P.draft("role.assigned", "role/R-CHAIR-Y", ["roleId": "R-CHAIR-Y", "personId": "p-0001", "from": "2026-02-01"]), "2026-02-02T00:00:00Z"),
            by: w.admin, rule: "time", pointer: "/payload/from")
    }

    @Test func aDraftWithoutOccurredAtTakesThePayloadsDate() throws {
        let w = try P.world()
        defer { w.t.remove() }
        let result = try w.ledger.append(draft: P.feedback("F-1", submitter: "p-0002"), signer: w.member)
        let event = try w.ledger.entries(from: result.index, limit: 1)[0].entry.event
        #expect(event.occurredAt == "2026-03-02T10:15:00Z")
        #expect(EffectiveTime.of(event) == "2026-03-02T10:15:00Z")
    }

    @Test func theFutureIsRefused() throws {
        let w = try P.world()
        defer { w.t.remove() }
        let nextYear = String(Int(Timestamp.now().prefix(4))! + 1) + "-01-01T00:00:00Z"
        try P.refused(
            w, Self.dated(P.draft("example.note", "n/1", [:]), nextYear), by: w.admin, rule: "schema")
        try P.refused(
            w, Self.dated(P.draft("role.defined", "role/R-Z", ["roleId": "R-Z", "name": "Z", "aliases": [], "singleOccupant": true]), nextYear),
            by: w.admin, rule: "time", pointer: "/occurredAt", "in the future")
    }

    @Test func nothingHappensInABodyBeforeItWasEstablished() throws {
        let w = try P.world()
        defer { w.t.remove() }
        // B-X was established today (its draft had no date); a meeting of it a year ago is refused.
        let established = String(Timestamp.now().prefix(10))
        let lastYear = String(Int(established.prefix(4))! - 1) + "-06-01T10:00:00Z"
        let meeting = P.draft("meeting.scheduled", "meeting/M-1", [
            "meetingId": "M-1", "bodyId": "B-X", "scheduledFor": .string(lastYear), "agendaHash": .string("sha256:" + String(repeating: "cd", count: 32)),
        ])
        try P.refused(w, Self.dated(meeting, lastYear), by: w.chair, rule: "time", pointer: "/occurredAt", "before body B-X was established on \(established)")
    }

    @Test func aKeyRevokedInTheLogCannotSignWhateverTheDate() throws {
        let w = try P.world()
        defer { w.t.remove() }
        let revoked = try w.ledger.append(
            draft: P.draft("key.revoked", "key/\(w.member.keyID)", ["keyId": .string(w.member.keyID), "reason": "left the forum"]), signer: w.admin)
        // Backdated to long before its revocation: still refused, because the log says the key is revoked.
        let before = try w.ledger.size()
        #expect(before == revoked.index + 1)
        #expect(throws: LedgerError.self) {
            _ = try w.ledger.append(draft: Self.dated(P.feedback("F-9", submitter: "p-0002"), "2026-03-02T10:15:00Z"), signer: w.member)
        }
        #expect(try w.ledger.size() == before)
    }
}
