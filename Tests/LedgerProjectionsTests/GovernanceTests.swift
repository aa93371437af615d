import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import Testing

/// Drafts for the governance register's events, from the catalogue examples.
enum Gov {
    typealias Attendee = (person: String, category: String, role: String)

    static func body(
        _ id: String, quorum: Int = 3, ofCategory: String? = nil, ebe: Int = 1, share: Double? = nil, chair: String? = "R-CHAIR",
        facilitators: [String] = [], at: String
    ) -> JSONValue {
        var rule: [String: JSONValue] = ["min": .number(Double(quorum))]
        if let ofCategory { rule["ofCategory"] = .string(ofCategory) }
        var presence: [String: JSONValue] = ["minCount": .number(Double(ebe))]
        if let share { presence["minShare"] = .number(share) }
        return Fixture.draft(BodyEstablished.example, [
            "bodyId": .string(id), "bodyType": "B-OTHER", "name": "Test Board", "aliases": [], "parentBodyId": nil, "regionId": nil,
            "chairRoleId": chair.map { .string($0) }, "facilitatorRoleIds": .array(facilitators.map { .string($0) }),
            "quorumRule": .object(rule), "ebePresenceRule": .object(presence), "decisionRef": nil,
        ], occurredAt: at)
    }

    static func amended(_ id: String, quorum: Int? = nil, ebe: Int? = nil, chair: String? = nil, decision: String, at: String) -> JSONValue {
        Fixture.draft(BodyTermsAmended.example, [
            "bodyId": .string(id), "decisionRef": .string(decision), "name": nil, "aliases": nil, "facilitatorRoleIds": nil,
            "decisionScope": nil, "chairRoleId": chair.map { .string($0) },
            "quorumRule": quorum.map { JSONValue.object(["min": .number(Double($0))]) },
            "ebePresenceRule": ebe.map { JSONValue.object(["minCount": .number(Double($0))]) },
            "changes": "Quorum and Expert-by-Experience presence raised.",
        ], occurredAt: at)
    }

    static func dissolved(_ id: String, decision: String, at: String) -> JSONValue {
        Fixture.draft(BodyDissolved.example, ["bodyId": .string(id), "decisionRef": .string(decision)], occurredAt: at)
    }

    static func joined(_ body: String, _ person: String, _ category: String, from: String) -> JSONValue {
        Fixture.draft(MemberJoined.example, [
            "bodyId": .string(body), "personId": .string(person), "membershipCategory": .string(category), "from": .string(from),
        ], occurredAt: from + "T09:00:00Z")
    }

    static func left(_ body: String, _ person: String, to: String) -> JSONValue {
        Fixture.draft(MemberLeft.example, ["bodyId": .string(body), "personId": .string(person), "to": .string(to)], occurredAt: to + "T17:00:00Z")
    }

    static func assigned(_ role: String, _ person: String, from: String) -> JSONValue {
        Fixture.draft(RoleAssigned.example, [
            "roleId": .string(role), "personId": .string(person), "from": .string(from), "bodyId": nil, "regionId": nil,
            "appointedByDecision": nil,
        ], occurredAt: from + "T09:00:00Z")
    }

    static func ended(_ role: String, _ person: String, to: String) -> JSONValue {
        Fixture.draft(RoleEnded.example, ["roleId": .string(role), "personId": .string(person), "to": .string(to)], occurredAt: to + "T17:00:00Z")
    }

    static func held(
        _ meeting: String, body: String, on day: String, _ attendees: [Attendee], apologies: [String] = [], quorate: Bool, ebe: Int,
        declarations: [(person: String, item: String, action: String)] = []
    ) -> JSONValue {
        var changes: [String: JSONValue?] = [
            "meetingId": .string(meeting), "bodyId": .string(body),
            "attendees": .array(attendees.map { ["personId": .string($0.person), "category": .string($0.category), "role": .string($0.role)] }),
            "apologies": .array(apologies.map { .string($0) }), "quorumMet": .bool(quorate), "ebePresent": .number(Double(ebe)),
        ]
        if declarations.isEmpty {
            changes["declarationsMade"] = .some(nil)
            changes["noneDeclared"] = true
        } else {
            changes["declarationsMade"] = .array(declarations.map {
                ["personId": .string($0.person), "itemRef": .string($0.item), "action": .string($0.action)]
            })
        }
        return Fixture.draft(MeetingHeld.example, changes, occurredAt: day + "T14:00:00Z")
    }

    static func proposed(_ decision: String, body: String, inputs: [(String, String)] = [], on day: String) -> JSONValue {
        Fixture.draft(DecisionProposed.example, [
            "decisionId": .string(decision), "bodyId": .string(body), "proposer": "p-s1",
            "inputs": .array(inputs.map { ["kind": .string($0.0), "id": .string($0.1)] }),
        ], occurredAt: day + "T10:00:00Z")
    }

    /// A decision recorded by consensus, with the recorder's own counts.
    static func decided(
        _ decision: String, at meeting: String, on day: String, present: Int, required: Int = 3, met: Bool, ebe: Int,
        recusals: [String] = [], outcome: String = "approved"
    ) -> JSONValue {
        Fixture.draft(DecisionRecorded.example, [
            "decisionId": .string(decision), "meetingId": .string(meeting), "outcome": .string(outcome), "method": "consensus", "tally": nil,
            "quorumSnapshot": ["present": .number(Double(present)), "required": .number(Double(required)), "met": .bool(met)],
            "ebePresentCount": .number(Double(ebe)), "recusals": .array(recusals.map { .string($0) }),
        ], occurredAt: day + "T15:00:00Z")
    }

    /// A board with a chair role held by `p-chair` (not a member) and four members:
    /// p-s1 and p-s2 (staff), p-e1 (ebe_lived) and p-e2 (ebe_carer), all from 2026-01-05.
    static func board(_ f: Fixture, quorum: Int = 3, ofCategory: String? = nil, ebe: Int = 1, share: Double? = nil) throws {
        try f.append(body("B-TEST", quorum: quorum, ofCategory: ofCategory, ebe: ebe, share: share, at: "2026-01-05T09:00:00Z"))
        try f.append(assigned("R-CHAIR", "p-chair", from: "2026-01-05"))
        for (person, category) in [("p-s1", "staff"), ("p-s2", "staff"), ("p-e1", "ebe_lived"), ("p-e2", "ebe_carer")] {
            try f.append(joined("B-TEST", person, category, from: "2026-01-05"))
        }
    }
}

@Suite struct GovernanceTests {
    static let chair: Gov.Attendee = ("p-chair", "staff", "chair")
    static let s1: Gov.Attendee = ("p-s1", "staff", "member")
    static let s2: Gov.Attendee = ("p-s2", "staff", "member")
    static let e1: Gov.Attendee = ("p-e1", "ebe_lived", "member")
    static let e2: Gov.Attendee = ("p-e2", "ebe_carer", "member")

    /// `3 of 3: true`, `2 of 2 staff: true`.
    static func quorum(_ q: QuorumCheck?) -> String? {
        q.map { "\($0.present) of \($0.required)\($0.ofCategory.map { " " + $0 } ?? ""): \($0.met)" }
    }

    /// `1 lived 0 carers = 1 of 4, needs 1 and 0.25: true`.
    static func ebe(_ e: EbePresenceCheck?) -> String? {
        e.map { "\($0.lived) lived \($0.carers) carers = \($0.present) of \($0.outOf), needs \($0.requiredCount)\($0.requiredShare.map { " and \($0)" } ?? ""): \($0.met)" }
    }

    func meeting(_ p: Projections, _ id: String) throws -> MeetingView {
        try #require(try p.meetings(body: "B-TEST").meetings.first { $0.meetingId == id })
    }

    @Test func quorumExactlyMetAndOneShort() throws {
        let f = try Fixture()
        defer { f.remove() }
        try Gov.board(f)
        // M-1: the chair (not a member, but holds the body's chair role) + p-s1 + p-e1 = 3 of 3.
        try f.append(Gov.held("M-1", body: "B-TEST", on: "2026-02-02", [Self.chair, Self.s1, Self.e1], quorate: true, ebe: 1))
        // M-2: p-s1 + p-e1 count; p-s2 attends as an observer and does not: 2 of 3, although recorded as quorate.
        try f.append(Gov.held(
            "M-2", body: "B-TEST", on: "2026-03-02", [Self.s1, Self.e1, ("p-s2", "staff", "observer")], apologies: ["p-e2"], quorate: true,
            ebe: 1))
        let p = Projections(ledger: f.ledger)
        let m1 = try meeting(p, "M-1")
        #expect(Self.quorum(m1.computed?.quorum) == "3 of 3: true")
        #expect(m1.attendees.map(\.countsForQuorum) == [true, true, true])
        #expect(m1.attendees[0].member == false && m1.attendees[0].officeRoles == ["R-CHAIR"])
        #expect(m1.disagreements.isEmpty)
        let m2 = try meeting(p, "M-2")
        #expect(Self.quorum(m2.computed?.quorum) == "2 of 3: false")
        #expect(m2.computed?.presentByCategory == ["staff": 2, "ebe_lived": 1])
        #expect(m2.attendees[2].notes == ["attends as observer: not counted for quorum"])
        #expect(m2.apologies == ["p-e2"])
        #expect(m2.disagreements == ["recorded as quorate, but attendance gives 2 of the 3 members needed"])
        let report = try p.meetings(body: "B-TEST")
        #expect(report.disagreements == 1)
        #expect(report.meetings.map(\.meetingId) == ["M-1", "M-2"])
    }

    @Test func aMemberWhoLeftBeforeTheMeetingDoesNotCount() throws {
        let f = try Fixture()
        defer { f.remove() }
        try Gov.board(f)
        try f.append(Gov.left("B-TEST", "p-s2", to: "2026-02-10"))
        try f.append(Gov.joined("B-TEST", "p-new", "staff", from: "2026-03-01"))
        // On 2026-02-10, p-s2's last day, p-s2 still counts: p-s1, p-s2, p-e1 = 3 of 3.
        try f.append(Gov.held("M-1", body: "B-TEST", on: "2026-02-10", [Self.s1, Self.s2, Self.e1], quorate: true, ebe: 1))
        // The day after, p-s2 has left and p-new joins only on 2026-03-01: 2 of 3.
        try f.append(Gov.held(
            "M-2", body: "B-TEST", on: "2026-02-11", [Self.s1, Self.s2, Self.e1, ("p-new", "staff", "member")], quorate: true, ebe: 1))
        let p = Projections(ledger: f.ledger)
        #expect(try meeting(p, "M-1").computed?.quorum?.met == true)
        let m2 = try meeting(p, "M-2")
        #expect(Self.quorum(m2.computed?.quorum) == "2 of 3: false")
        #expect(m2.attendees.map(\.member) == [true, false, true, false])
        #expect(m2.attendees[1].notes == ["left B-TEST on 2026-02-10, before this meeting"])
        #expect(m2.attendees[3].notes == ["joins B-TEST only on 2026-03-01"])
        // Everyone present is still present: 4 people, 1 Expert by Experience.
        #expect(m2.computed?.ebe.present == 1 && m2.computed?.ebe.outOf == 4)
        // Membership over time: 4 from 01-05; 3 from 02-11 (p-s2's last day was 02-10); 4 from 03-01.
        let body = try #require(try p.bodies().bodies.first)
        #expect(body.membershipOverTime.map(\.from) == ["2026-01-05", "2026-02-11", "2026-03-01"])
        #expect(body.membershipOverTime.map(\.total) == [4, 3, 4])
        #expect(body.membershipOverTime[1].byCategory == ["staff": 1, "ebe_lived": 1, "ebe_carer": 1])
        #expect(body.currentMembersByCategory == ["staff": 2, "ebe_lived": 1, "ebe_carer": 1])
        #expect(body.members.first { $0.personId == "p-s2" }?.to == "2026-02-10")
    }

    @Test func anExpertByExperienceRecusedFromTheItemIsNotPresentForIt() throws {
        let f = try Fixture()
        defer { f.remove() }
        try Gov.board(f)
        try f.append(Gov.proposed("D-1", body: "B-TEST", on: "2026-02-01"))
        try f.append(Gov.proposed("D-2", body: "B-TEST", on: "2026-02-01"))
        // p-e1 (the only Expert by Experience present) declares an interest in D-1 and leaves for it.
        try f.append(Gov.held(
            "M-1", body: "B-TEST", on: "2026-02-02", [Self.chair, Self.s1, Self.s2, Self.e1], quorate: true, ebe: 1,
            declarations: [("p-e1", "D-1", "recused"), ("p-s1", "D-2", "participated")]))
        // The recorder counted p-e1 for D-1 anyway and listed no recusal.
        try f.append(Gov.decided("D-1", at: "M-1", on: "2026-02-02", present: 4, met: true, ebe: 1))
        try f.append(Gov.decided("D-2", at: "M-1", on: "2026-02-02", present: 4, met: true, ebe: 1))
        let p = Projections(ledger: f.ledger)
        let m = try meeting(p, "M-1")
        #expect(m.computed?.ebe.present == 1 && m.computed?.ebe.met == true)
        let d1 = try #require(m.decisions.first { $0.decisionId == "D-1" })
        // For D-1: chair, p-s1, p-s2 remain — 3 of 3, no Expert by Experience.
        #expect(d1.recused == ["p-e1"])
        #expect(Self.quorum(d1.computed?.quorum) == "3 of 3: true")
        #expect(d1.computed?.ebe.present == 0 && d1.computed?.ebe.met == false)
        #expect(d1.computed?.presentByCategory == ["staff": 3])
        #expect(d1.disagreements == [
            "recorded 4 members counting towards the quorum; attendance gives 3",
            "recorded 1 Expert by Experience present for this item; attendance gives 0",
            "recusal of p-e1 declared at the meeting but not recorded with the decision",
        ])
        // p-s1 participated in D-2 after declaring: D-2 keeps everyone.
        let d2 = try #require(m.decisions.first { $0.decisionId == "D-2" })
        #expect(d2.recused.isEmpty && d2.computed?.ebe.present == 1 && d2.disagreements.isEmpty)
        let register = try p.decisions()
        #expect(register.withoutEbE == ["D-1"])
        #expect(register.decisions.map(\.ebePresent) == [0, 1])
        #expect(register.decisions.map(\.ebeMet) == [false, true])
        #expect(register.withDisagreements == ["D-1"])
    }

    @Test func anExpertByExperienceArrivingLateCountsAsPresentAndADifferentCountIsFlagged() throws {
        let f = try Fixture()
        defer { f.remove() }
        try Gov.board(f)
        try f.append(Gov.proposed("D-1", body: "B-TEST", on: "2026-02-01"))
        // p-e1 sent apologies, then arrived: the catalogue can only list them both present and with
        // apologies. The recorder says no Expert by Experience was there for D-1.
        try f.append(Gov.held(
            "M-1", body: "B-TEST", on: "2026-02-02", [Self.chair, Self.s1, Self.e1], apologies: ["p-e1", "p-e2"], quorate: true, ebe: 0))
        try f.append(Gov.decided("D-1", at: "M-1", on: "2026-02-02", present: 3, met: true, ebe: 0))
        let p = Projections(ledger: f.ledger)
        let m = try meeting(p, "M-1")
        #expect(m.attendees[2].notes == ["also sent apologies (late arrival or early departure?)"])
        #expect(m.attendees[2].countsForQuorum)
        #expect(Self.ebe(m.computed?.ebe) == "1 lived 0 carers = 1 of 3, needs 1: true")
        #expect(m.disagreements == ["recorded 0 Experts by Experience present; attendance gives 1"])
        let d = try #require(m.decisions.first)
        #expect(d.computed?.ebe.present == 1)
        #expect(d.recorded.ebePresent == 0)
        #expect(d.disagreements == ["recorded 0 Experts by Experience present for this item; attendance gives 1"])
        #expect(try p.decisions().withoutEbE.isEmpty)
    }

    @Test func amendedTermsApplyToMeetingsAfterTheAmendment() throws {
        let f = try Fixture()
        defer { f.remove() }
        try Gov.board(f)
        try f.append(Gov.assigned("R-CHAIR2", "p-s2", from: "2026-03-01"))
        let attendees = [Self.chair, Self.s1, Self.e1, Self.s2]
        try f.append(Gov.held("M-1", body: "B-TEST", on: "2026-02-02", attendees, quorate: true, ebe: 1))
        let amendment = try f.append(Gov.amended("B-TEST", quorum: 5, ebe: 2, chair: "R-CHAIR2", decision: "D-9", at: "2026-03-01T10:00:00Z"))
        try f.append(Gov.held("M-2", body: "B-TEST", on: "2026-03-02", attendees, quorate: true, ebe: 1))
        let p = Projections(ledger: f.ledger)
        // Before: quorum 3, one EbE needed — 4 present, 1 EbE: both met.
        let m1 = try meeting(p, "M-1")
        #expect(Self.quorum(m1.computed?.quorum) == "4 of 3: true")
        #expect(m1.computed?.ebe.met == true && m1.termsIndex == 1)
        // After: quorum 5, two EbE; p-chair no longer holds the chair role (R-CHAIR2 is the chair),
        // so only the three members and p-s2 (member and new chair) count: 3 of 5; 1 of 2 EbE.
        let m2 = try meeting(p, "M-2")
        #expect(m2.termsIndex == amendment)
        #expect(Self.quorum(m2.computed?.quorum) == "3 of 5: false")
        #expect(m2.attendees[0].countsForQuorum == false && m2.attendees[0].notes == ["not a member of B-TEST on 2026-03-02"])
        #expect(m2.attendees[3].officeRoles == ["R-CHAIR2"])
        #expect(m2.computed?.ebe.requiredCount == 2 && m2.computed?.ebe.met == false)
        #expect(m2.disagreements == ["recorded as quorate, but attendance gives 3 of the 5 members needed"])
        let body = try #require(try p.bodies().bodies.first)
        #expect(body.termsHistory.map(\.kind) == ["established", "amended"])
        #expect(body.termsHistory.map(\.quorumMin) == [3, 5])
        #expect(body.terms.chairRoleId == "R-CHAIR2" && body.terms.decisionRef == "D-9")
        #expect(body.offices.map(\.roleId) == ["R-CHAIR2"] && body.offices.first?.current == ["p-s2"])
    }

    @Test func shareAndCategoryRules() throws {
        let f = try Fixture()
        defer { f.remove() }
        // Quorum: 2 staff members; EbE: at least 1 and a quarter of those present.
        try Gov.board(f, quorum: 2, ofCategory: "staff", share: 0.25)
        try f.append(Gov.joined("B-TEST", "p-s3", "staff", from: "2026-01-05"))
        // 1 EbE of 4 present = exactly a quarter: met. Staff p-s1, p-s2: quorum 2 of 2.
        try f.append(Gov.held("M-1", body: "B-TEST", on: "2026-02-02", [Self.s1, Self.s2, Self.e1, ("p-s3", "staff", "secretary")], quorate: true, ebe: 1))
        // 1 of 5 is below a quarter. Only one staff member among those who count: quorum 1 of 2.
        try f.append(Gov.held(
            "M-2", body: "B-TEST", on: "2026-03-02",
            [Self.s1, Self.e1, ("p-s3", "staff", "guest"), ("p-x1", "community_rep", "guest"), ("p-x2", "community_rep", "guest")], quorate: true,
            ebe: 1))
        let p = Projections(ledger: f.ledger)
        let m1 = try meeting(p, "M-1")
        #expect(Self.quorum(m1.computed?.quorum) == "3 of 2 staff: true")
        #expect(m1.attendees[2].notes == ["the quorum counts only staff"])
        #expect(Self.ebe(m1.computed?.ebe) == "1 lived 0 carers = 1 of 4, needs 1 and 0.25: true")
        let m2 = try meeting(p, "M-2")
        #expect(m2.computed?.quorum?.present == 1 && m2.computed?.quorum?.met == false)
        #expect(m2.computed?.ebe.outOf == 5 && m2.computed?.ebe.met == false)
    }

    @Test func officesAndDissolutionOverTime() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(Gov.body("B-TEST", chair: "R-CHAIR", facilitators: ["R-FAC"], at: "2026-01-05T09:00:00Z"))
        try f.append(Gov.assigned("R-CHAIR", "p-a", from: "2026-01-05"))
        try f.append(Gov.ended("R-CHAIR", "p-a", to: "2026-05-31"))
        try f.append(Gov.assigned("R-CHAIR", "p-b", from: "2026-06-01"))
        try f.append(Gov.dissolved("B-TEST", decision: "D-END", at: "2026-09-01T10:00:00Z"))
        let body = try #require(try Projections(ledger: f.ledger).bodies().bodies.first)
        let chair = try #require(body.offices.first)
        #expect(chair.office == "chair" && chair.holders.map(\.personId) == ["p-a", "p-b"])
        #expect(chair.holders.map(\.to) == ["2026-05-31", nil])
        #expect(chair.current == ["p-b"])
        #expect(body.offices.last?.roleId == "R-FAC" && body.offices.last?.current == [])
        #expect(body.body.dissolved?.decisionRef == "D-END" && body.body.dissolved?.index == 5)
        #expect(body.meetings == 0)
        #expect(throws: ProjectionError.self) { try Projections(ledger: f.ledger).meetings(body: "B-NONE") }
    }
}
