import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore
import Testing

/// Meetings and decisions recorded through the recording API, as a web form would: the attendance
/// look-up and the rule book's counts happen in the request, and a refusal names the field and
/// appends nothing.
@Suite struct MeetingRequestsTests {
    typealias World = RecordingAPITests.World

    static let hash = RecordingAPITests.hash

    /// B-AMHEPF (quorum 2, one Expert by Experience) with members p-0001 (ebe_lived) and p-0002
    /// (staff); p-0003 is registered as a partner_rep and is no member; meeting mtg-1 scheduled.
    static func governance(_ w: World) throws {
        try w.record(
            RoleDefined(roleId: "R-CHAIR-X", name: "Chair of the forum", aliases: [], singleOccupant: true), at: "2026-04-01T00:00:00Z")
        for (person, category) in [("p-0001", PersonCategory.ebeLived), ("p-0002", .staff), ("p-0003", .partnerRep)] {
            try w.record(
                RegisterPerson(personId: PersonID(unchecked: person), categories: [category], lawfulBasisRef: "ROPA-1"),
                at: "2026-04-01T00:00:00Z")
        }
        try w.record(
            BodyEstablished(
                bodyId: "B-AMHEPF", bodyType: .amhePracticeForum, name: "Practice Forum", aliases: [], chairRoleId: "R-CHAIR-X",
                facilitatorRoleIds: [],
                torDocHash: DocHash(unchecked: hash), quorumRule: QuorumRule(min: 2), ebePresenceRule: EbePresenceRule(minCount: 1),
                decisionScope: .advisory),
            at: "2026-04-02T00:00:00Z")
        try w.record(AddMember(bodyId: "B-AMHEPF", personId: "p-0001", membershipCategory: .ebeLived), at: "2026-04-03T00:00:00Z")
        try w.record(AddMember(bodyId: "B-AMHEPF", personId: "p-0002", membershipCategory: .staff), at: "2026-04-03T00:00:00Z")
        let scheduled = try w.record(
            MeetingScheduled(
                meetingId: "mtg-1", bodyId: "B-AMHEPF", scheduledFor: "2026-05-01T14:00:00Z", agendaHash: DocHash(unchecked: hash)),
            at: "2026-04-20T00:00:00Z")
        #expect(scheduled.summary == "Scheduled meeting mtg-1 of B-AMHEPF.")
        #expect(scheduled.stream == "meeting/mtg-1")
    }

    @Test func aMeetingIsScheduledAndABadAgendaDigestIsRefusedNamingTheField() throws {
        let w = try World()
        defer { w.remove() }
        try Self.governance(w)
        let stored = try #require(try w.payload(at: try w.ledger.size() - 1) as? MeetingScheduled)
        #expect(stored.bodyId == "B-AMHEPF")
        #expect(stored.scheduledFor == "2026-05-01T14:00:00Z")
        let before = try w.ledger.size()
        let bad = MeetingScheduled(
            meetingId: "mtg-2", bodyId: "B-AMHEPF", scheduledFor: "2026-06-01T14:00:00Z", agendaHash: "not-a-hash")
        let error = try #require(throws: RecordingError.self) { try w.record(bad) }
        #expect(error.kind == .invalid)
        #expect(error.pointer == "/payload/agendaHash")
        #expect(error.field == "--agenda-hash")
        #expect(try w.ledger.size() == before)
    }

    @Test func aProposalIsRecordedAndAnEmptyTitleIsRefusedNamingTheField() throws {
        let w = try World()
        defer { w.remove() }
        try Self.governance(w)
        let proposal = DecisionProposed(
            decisionId: "dec-1", bodyId: "B-AMHEPF", title: "Interpreters", text: "Book interpreters.", proposer: "p-0001",
            inputs: [], competencies: [.coproduction], pillars: [], objectives: [])
        let receipt = try w.record(proposal)
        #expect(receipt.summary == "Proposed decision dec-1 to B-AMHEPF.")
        #expect(try w.payload(at: receipt.index) as? DecisionProposed == proposal)
        let before = try w.ledger.size()
        var bad = proposal
        bad.decisionId = "dec-2"
        bad.competencies = []
        bad.title = ShortText(unchecked: "")
        let error = try #require(throws: RecordingError.self) { try w.record(bad) }
        #expect(error.pointer == "/payload/title", "\(error)")
        #expect(error.field == "--title")
        #expect(try w.ledger.size() == before)
    }

    @Test func aMeetingIsHeldWithCategoriesQuorumAndExpertsFromTheLog() throws {
        let w = try World()
        defer { w.remove() }
        try Self.governance(w)
        let hold = HoldMeeting(
            meetingId: "mtg-1",
            attendees: [
                .init(personId: "p-0001", role: .chair), .init(personId: "p-0002"),
                .init(personId: "p-0003", category: .partnerRep, role: .observer),
            ],
            declarations: [MeetingDeclaration(personId: "p-0002", itemRef: "dec-1", action: .recused)])
        let receipt = try w.record(hold)
        #expect(receipt.summary == "Recorded meeting mtg-1 as held: 3 present, 1 Expert by Experience, quorate.")
        let held = try #require(try w.payload(at: receipt.index) as? MeetingHeld)
        #expect(held.bodyId == "B-AMHEPF", "the body is the one the meeting was scheduled for")
        #expect(held.attendees.map(\.category) == [.ebeLived, .staff, .partnerRep])
        #expect(held.attendees.map(\.role) == [.chair, .member, .observer])
        #expect(held.quorumMet, "p-0001 and p-0002 count; the observer does not")
        #expect(held.ebePresent.value == 1)
        #expect(held.noneDeclared == nil)

        // The decision: p-0002 is recused by the meeting's declaration, leaving 1 of the 2 needed.
        try w.record(
            DecisionProposed(
                decisionId: "dec-1", bodyId: "B-AMHEPF", title: "Interpreters", text: "Book interpreters.", proposer: "p-0001",
                inputs: [], competencies: [], pillars: [], objectives: []))
        let decided = try w.record(
            RecordDecision(
                decisionId: "dec-1", meetingId: "mtg-1", outcome: .approved, method: .consensus, rationale: "Needed.",
                ladderRung: .coProduction))
        #expect(decided.summary == "Recorded decision dec-1: approved by consensus at mtg-1 (NOT quorate).")
        let decision = try #require(try w.payload(at: decided.index) as? DecisionRecorded)
        #expect(decision.recusals == ["p-0002"])
        #expect(decision.quorumSnapshot == DecisionRecorded.QuorumSnapshot(present: 1, required: 2, met: false))
        #expect(decision.ebePresentCount.value == 1)

        // A vote without a tally is refused naming the tally's fields.
        let before = try w.ledger.size()
        let vote = RecordDecision(
            decisionId: "dec-1", meetingId: "mtg-1", outcome: .approved, method: .vote, rationale: "Needed.",
            ladderRung: .coProduction)
        let error = try #require(throws: RecordingError.self) { try w.record(vote) }
        #expect(error.pointer == "/payload/tally")
        #expect(error.field == "--in-favour/--against/--abstained")
        #expect(try w.ledger.size() == before)
    }

    @Test func aMemberTypedInAnotherCategoryIsRefusedNamingThePersonAndTheLogsCategory() throws {
        let w = try World()
        defer { w.remove() }
        try Self.governance(w)
        let before = try w.ledger.size()
        let hold = HoldMeeting(
            meetingId: "mtg-1", attendees: [.init(personId: "p-0002"), .init(personId: "p-0001", category: .staff, role: .chair)],
            noneDeclared: true)
        let error = try #require(throws: RecordingError.self) { try w.recorder.prepare(hold, at: "2026-05-01T16:00:00Z") }
        #expect(error.kind == .invalid)
        #expect(error.pointer == "/payload/attendees/1/category")
        #expect(error.field == "--attendee")
        #expect(
            error.description.hasSuffix(
                ": p-0001 is ebe_lived by their membership of B-AMHEPF, not staff; record them in the category the log holds"),
            "\(error)")
        // p-0003 is no member: their registration is what the log holds.
        let guest = HoldMeeting(
            meetingId: "mtg-1", attendees: [.init(personId: "p-0003", category: .staff, role: .guest)], noneDeclared: true)
        let registered = try #require(throws: RecordingError.self) { try w.record(guest) }
        #expect(registered.description.contains("p-0003 is partner_rep by their registration, not staff"), "\(registered)")
        // A meeting never scheduled is refused naming the field.
        let never = HoldMeeting(meetingId: "mtg-9", attendees: [.init(personId: "p-0001")], noneDeclared: true)
        let unscheduled = try #require(throws: RecordingError.self) { try w.record(never) }
        #expect(unscheduled.description.hasPrefix("/payload/meetingId (--meeting): meeting mtg-9 was never scheduled"))
        #expect(try w.ledger.size() == before)
    }
}
