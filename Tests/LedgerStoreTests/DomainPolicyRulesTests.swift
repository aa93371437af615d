import Foundation
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// The rule book at admission: an event filed in another entity's stream is refused, and an
/// attendee typed in a category the log contradicts is refused, naming the person and the
/// category the log holds; nothing is appended either way.
@Suite struct DomainPolicyRulesTests {
    typealias T = DomainPolicyTests

    static func scheduled(_ id: String, stream: String? = nil) -> JSONValue {
        T.draft("meeting.scheduled", stream ?? "meeting/\(id)", [
            "meetingId": .string(id), "bodyId": "B-X", "scheduledFor": "2026-03-04T14:00:00Z",
            "agendaHash": .string("sha256:" + String(repeating: "cd", count: 32)),
        ])
    }

    static func held(_ id: String, _ attendees: [(String, String, String)], stream: String? = nil) -> JSONValue {
        T.draft("meeting.held", stream ?? "meeting/\(id)", [
            "meetingId": .string(id), "bodyId": "B-X",
            "attendees": .array(attendees.map { ["personId": .string($0.0), "category": .string($0.1), "role": .string($0.2)] }),
            "apologies": [], "quorumMet": false, "ebePresent": 1, "noneDeclared": true,
        ])
    }

    @Test func anEventInAnotherEntitysStreamIsRefused() throws {
        let w = try T.world()
        // person p-0009 filed in p-0010's stream: later look-ups by stream could never find it.
        try T.refused(
            w, T.draft("person.registered", "person/p-0010", ["personId": "p-0009", "categories": ["staff"], "lawfulBasisRef": "ROPA-1"]),
            by: w.admin, rule: "schema", pointer: "/stream", "belongs in stream person/p-0009, not person/p-0010")
        _ = try w.ledger.append(draft: Self.scheduled("M-1"), signer: w.admin)
        _ = try w.ledger.append(draft: Self.scheduled("M-2"), signer: w.admin)
        // A meeting event in another meeting's stream.
        try T.refused(
            w, Self.held("M-2", [("p-0001", "staff", "chair"), ("p-0002", "ebe_lived", "member")], stream: "meeting/M-1"), by: w.admin,
            rule: "schema", pointer: "/stream", "belongs in stream meeting/M-2, not meeting/M-1")
        _ = try w.ledger.append(draft: Self.held("M-2", [("p-0001", "staff", "chair"), ("p-0002", "ebe_lived", "member")]), signer: w.admin)
    }

    @Test func anAttendeeTypedInTheWrongCategoryIsRefusedNamingTheirCategory() throws {
        let w = try T.world()
        _ = try w.ledger.append(draft: T.person("p-0004", "ebe_carer"), signer: w.admin)
        _ = try w.ledger.append(
            draft: T.draft("member.joined", "body/B-X", [
                "bodyId": "B-X", "personId": "p-0002", "membershipCategory": "ebe_lived", "votingRights": true,
                // Joined the day the body was established (today, in this world): nothing in a body
                // happens before it exists (rule time).
                "from": .string(String(Timestamp.now().prefix(10))),
            ]), signer: w.admin)
        _ = try w.ledger.append(draft: Self.scheduled("M-1"), signer: w.admin)
        // p-0002 is an ebe_lived member of B-X, typed as staff: "0 Experts by Experience" would follow.
        try T.refused(
            w, Self.held("M-1", [("p-0001", "staff", "chair"), ("p-0002", "staff", "member")]), by: w.admin, rule: "transition",
            pointer: "/payload/attendees/1/category", "p-0002 is ebe_lived by their membership of B-X, not staff")
        // p-0004 is no member: their registration (ebe_carer) decides, whatever the role.
        try T.refused(
            w, Self.held("M-1", [("p-0001", "staff", "chair"), ("p-0002", "ebe_lived", "member"), ("p-0004", "staff", "observer")]),
            by: w.admin, rule: "transition", pointer: "/payload/attendees/2/category", "p-0004 is ebe_carer by their registration, not staff")
        // As the log holds them, the meeting is recorded.
        _ = try w.ledger.append(
            draft: Self.held("M-1", [("p-0001", "staff", "chair"), ("p-0002", "ebe_lived", "member"), ("p-0004", "ebe_carer", "observer")]),
            signer: w.admin)
    }
}

/// Defect 13 of issue 10: what a submitter did not consent to publish is never in the public
/// payload of a `feedback.responded` version 2; version 1 entries (written before) still verify
/// and read, upcast to version 2.
@Suite struct FeedbackResponsePrivacyTests {
    typealias T = DomainPolicyTests

    static func responded(_ id: String, version: Int, texts: Bool, privateTexts: Bool = false) -> JSONValue {
        var payload: [String: JSONValue] = [
            "feedbackId": .string(id), "moderatedByRoleId": "R-CHAIR-X", "changeStatus": "change_planned",
            "changeDescription": "Planned: evening appointments.",
        ]
        let said: [String: JSONValue] = ["publicSummary": "You said your housing was unsuitable for your family.", "response": "We referred it."]
        if texts { payload.merge(said) { a, _ in a } }
        var draft: [String: JSONValue] = [
            "type": "feedback.responded", "typeVersion": .number(Double(version)), "stream": .string("feedback/\(id)"),
            "payload": .object(payload),
        ]
        if privateTexts {
            payload["lawfulBasisRef"] = "ROPA-1"
            draft["payload"] = .object(payload)
            draft["private"] = .object(["subject": .string("feedback/\(id)"), "data": .object(said)])
        }
        return .object(draft)
    }

    @Test func withoutConsentTheTextsGoInThePrivatePartAndOldEntriesStillRead() throws {
        let w = try T.world()
        // T.feedback is received without consent to publish.
        _ = try w.ledger.append(draft: T.feedback("F-1", submitter: "p-0002"), signer: w.member)
        try T.refused(
            w, Self.responded("F-1", version: 2, texts: true), by: w.admin, rule: "schema", pointer: "/payload/publicSummary",
            "feedback F-1 was received without consent to publish; put publicSummary in the event's private part")
        let sealed = try w.ledger.append(draft: Self.responded("F-1", version: 2, texts: false, privateTexts: true), signer: w.admin)
        let entry = try #require(try w.ledger.entries(from: sealed.index, limit: 1).first)
        #expect(entry.entry.event.payload["publicSummary"] == nil && entry.entry.event.payload["response"] == nil)
        #expect(entry.entry.event.privatePart?.subject == "feedback/F-1")

        // A version 1 answer written before the fix, texts in the payload: admitted (old ledgers
        // replay through the same policy), read as version 2 with the texts where they were.
        _ = try w.ledger.append(draft: T.feedback("F-2", submitter: "p-0002"), signer: w.member)
        let old = try w.ledger.append(draft: Self.responded("F-2", version: 1, texts: true), signer: w.admin)
        let event = try #require(try w.ledger.entries(from: old.index, limit: 1).first).entry.event
        #expect(event.typeVersion == 1)
        let upcast = UpcasterChain.standard.upcast(type: event.type, version: event.typeVersion, payload: event.payload)
        #expect(upcast.version == 2)
        let decoded = try Catalogue.decode(FeedbackResponded.self, payload: .object(upcast.payload))
        #expect(decoded.publicSummary == "You said your housing was unsuitable for your family.")
        #expect(try w.ledger.verify().ok)
    }
}
