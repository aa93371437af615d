import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
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

    /// An entry of `type` at `version`, signed by `key`, as a ledger written before the
    /// effective-time rule holds it: `occurredAt` says when it was written down, the payload
    /// when it happened. Built below the policy, as such a ledger was.
    static func signed(
        _ w: P.World, _ type: String, version: Int, stream: String, _ payload: [String: JSONValue], occurredAt: String,
        by key: Ed25519SigningKey, after entries: [[UInt8]]
    ) throws -> [UInt8] {
        let streamVersion = try entries.filter { try Entry(bytes: $0).event.stream == stream }.count + 1
        let event = Event(
            id: Identifier.newUUID(), type: type, typeVersion: version, stream: stream, streamVersion: streamVersion,
            occurredAt: occurredAt, signer: key.keyID, payload: payload)
        return try Entry(event: event, recordedAt: occurredAt.replacingOccurrences(of: "Z", with: ".000Z"),
            signature: key.signature(for: try event.signingMessage())).bytes
    }

    static func verifyFailures(_ entries: [[UInt8]]) -> [VerificationFailure] {
        let verifier = LogVerifier()
        verifier.policy = DomainPolicy.standard
        verifier.consume(entries)
        verifier.finish()
        return VerificationFailure.sorted(verifier.failures)
    }

    @Test func aLedgerWrittenBeforeTheRuleKeepsVerifyingAndKeepsItsMeaning() throws {
        let w = try P.world()
        defer { w.t.remove() }
        let size = try w.ledger.size()
        var entries = try w.ledger.entries(from: 0, limit: size).map(\.entry.bytes)
        // role.assigned version 1, written down on 20 February for an assignment from 1 February,
        // and feedback.received version 1 stamped two days after it arrived (the old shapes).
        entries.append(
            try Self.signed(
                w, "role.assigned", version: 1, stream: "role/R-CHAIR-Y", ["roleId": "R-CHAIR-Y", "personId": "p-0001", "from": "2026-02-01"],
                occurredAt: "2026-02-20T09:00:00Z", by: w.admin, after: entries))
        var feedback = P.feedback("F-7", submitter: "p-0002").objectValue?["payload"]?.objectValue ?? [:]
        feedback["receivedAt"] = "2026-02-03T08:30:00Z"
        entries.append(
            try Self.signed(
                w, "feedback.received", version: 1, stream: "feedback/F-7", feedback, occurredAt: "2026-02-05T12:00:00Z", by: w.member, after: entries))
        #expect(Self.verifyFailures(entries).isEmpty, "\(Self.verifyFailures(entries))")

        // Its meaning: the payload's date is the effective time, for admission, projections and the audit alike.
        let role = try Entry(bytes: entries[size]), item = try Entry(bytes: entries[size + 1])
        #expect(EffectiveTime.of(role.event) == "2026-02-01T00:00:00Z")
        #expect(EffectiveTime.of(item.event) == "2026-02-03T08:30:00Z")
        #expect(ProjectedEvent(index: size, entry: role).occurredAt == "2026-02-01T00:00:00Z")
        #expect(ProjectedEvent(index: size + 1, entry: item).occurredAt == "2026-02-03T08:30:00Z")
        #expect(ProjectedEvent(index: size, entry: role).payload as? RoleAssigned != nil, "version 1 upcasts to the current type")

        // The same shapes at version 2 (the current format) are refused, naming the member.
        var current = Array(entries.prefix(size))
        current.append(
            try Self.signed(
                w, "role.assigned", version: 2, stream: "role/R-CHAIR-Y", ["roleId": "R-CHAIR-Y", "personId": "p-0001", "from": "2026-02-01"],
                occurredAt: "2026-02-20T09:00:00Z", by: w.admin, after: current))
        let failures = Self.verifyFailures(current)
        #expect(failures.count == 1 && failures.first?.index == size && failures.first?.check == "policy", "\(failures)")
        #expect(failures.first?.detail.contains("/payload/from") == true, "\(failures)")
        // And a new entry appended through the store is written at version 2 and refused the same way.
        try P.refused(
            w, Self.dated(P.draft("role.assigned", "role/R-CHAIR-Y", ["roleId": "R-CHAIR-Y", "personId": "p-0001", "from": "2026-02-01"]), "2026-02-20T09:00:00Z"),
            by: w.admin, rule: "time", pointer: "/payload/from", "disagrees with the event's effective time")
    }
}
