import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerProjections
import Testing

/// The same meeting gives the same quorum and Expert-by-Experience answer in the governance
/// register (`meetings`, `decisions`, `provenance`, the portal) and in audit rules G-4 and G-5,
/// because all of them count with the domain's rule book (``AttendanceRule``).
@Suite struct OneRuleBookTests {
    /// Board B-TEST (quorum 3, at least one Expert by Experience), members p-s1, p-s2 (staff),
    /// p-e1 (ebe_lived), p-e2 (ebe_carer); R-CHAIR held by p-chair, who is no member.
    ///
    /// M-1 on 2026-02-02: p-chair (chair), p-e1 (member), p-s2 (observer), p-g (guest) and p-s1
    /// listed twice. Worked by hand: the quorum counts p-chair (office), p-e1 and p-s1 once = 3 of
    /// 3, met; the observer and the guest never count (the old G-5 counted 6 listings).
    /// M-2 on 2026-03-02: p-chair, p-e1, p-s2 (observer), p-g (guest): 2 of 3, not met, although
    /// 4 people are in the room. p-e1 declares an interest in D-2 and is recused: for D-2 no
    /// Expert by Experience is present (0 of 1 required); D-3 at the same meeting keeps p-e1 (1).
    @Test func registerAndAuditAgreeOnQuorumAndExpertsByExperience() throws {
        let f = try Fixture()
        defer { f.remove() }
        try Gov.board(f)
        let chair: Gov.Attendee = ("p-chair", "staff", "chair")
        let e1: Gov.Attendee = ("p-e1", "ebe_lived", "member")
        let observer: Gov.Attendee = ("p-s2", "staff", "observer")
        let guest: Gov.Attendee = ("p-g", "staff", "guest")
        let s1: Gov.Attendee = ("p-s1", "staff", "member")
        let m1 = try f.append(Gov.held("M-1", body: "B-TEST", on: "2026-02-02", [chair, e1, observer, guest, s1, s1], quorate: true, ebe: 1))
        try f.append(Gov.proposed("D-1", body: "B-TEST", on: "2026-02-01"))
        try f.append(Gov.decided("D-1", at: "M-1", on: "2026-02-02", present: 3, met: true, ebe: 1))
        try f.append(Gov.proposed("D-2", body: "B-TEST", on: "2026-03-01"))
        try f.append(Gov.proposed("D-3", body: "B-TEST", on: "2026-03-01"))
        let m2 = try f.append(Gov.held(
            "M-2", body: "B-TEST", on: "2026-03-02", [chair, e1, observer, guest], quorate: false, ebe: 1,
            declarations: [("p-e1", "D-2", "recused")]))
        let d2 = try f.append(Gov.decided("D-2", at: "M-2", on: "2026-03-02", present: 1, met: false, ebe: 0, recusals: ["p-e1"]))
        try f.append(Gov.decided("D-3", at: "M-2", on: "2026-03-02", present: 2, met: false, ebe: 1))

        // The register.
        let p = Projections(ledger: f.ledger)
        let meetings = try p.meetings(body: "B-TEST").meetings
        let first = try #require(meetings.first { $0.meetingId == "M-1" })
        let second = try #require(meetings.first { $0.meetingId == "M-2" })
        #expect(GovernanceTests.quorum(first.computed?.quorum) == "3 of 3: true")
        #expect(first.attendees.map(\.countsForQuorum) == [true, true, false, false, true, false])
        #expect(GovernanceTests.quorum(second.computed?.quorum) == "2 of 3: false")
        #expect(GovernanceTests.ebe(second.computed?.ebe) == "1 lived 0 carers = 1 of 4, needs 1: true")
        let register = try p.decisions()
        #expect(register.withoutEbE == ["D-2"])
        #expect(register.decisions.map(\.decisionId) == ["D-1", "D-2", "D-3"])
        #expect(register.decisions.map(\.ebePresent) == [1, 0, 1])
        // `provenance` (and the portal's decision page, built from it) gives the same answers.
        let provenance = try ["D-1", "D-2", "D-3"].map { try #require(try p.provenance(decision: $0)?.presence?.computed) }
        #expect(provenance.map(\.ebe.present) == [1, 0, 1])
        #expect(provenance.map { GovernanceTests.quorum($0.quorum) } == ["3 of 3: true", "1 of 3: false", "2 of 3: false"])
        #expect(try p.provenance(decision: "D-2")?.recused == ["p-e1"])

        // The audit, on the same log.
        let (policy, sha) = try AuditPolicy.standard()
        let report = try Audit.run(.ledger(f.ledger), policy: policy, policySHA256: sha, asOf: "2026-06-01")
        let g4 = try #require(report.rules.first { $0.id == "G-4" })
        let g5 = try #require(report.rules.first { $0.id == "G-5" })
        #expect(g5.checked == 2)
        #expect(g5.findings.map(\.index) == [m2], "only M-2 is short; M-1 is quorate without its observer and guest")
        #expect(g5.findings.first?.detail.contains("2 counting towards the quorum") == true)
        #expect(!g5.findings.map(\.index).contains(m1))
        #expect(g4.findings.map(\.index) == [d2], "the recused Expert by Experience leaves D-2 without one; D-1 and D-3 keep p-e1")
        #expect(g4.findings.first?.detail.contains("0 Expert(s) by Experience present, 1 required") == true)
    }

    /// The rule book itself, worked by hand.
    @Test func theRuleBookCountsOnceLeavesOutObserversGuestsAndTheRecused() {
        typealias A = AttendanceRule.Attendee
        let room = [
            A(personId: "a", category: "staff", role: "chair"), A(personId: "b", category: "ebe_lived", role: "member"),
            A(personId: "c", category: "ebe_carer", role: "observer"), A(personId: "d", category: "staff", role: "guest"),
            A(personId: "b", category: "ebe_lived", role: "member"), A(personId: "e", category: "staff", role: "member", eligible: false),
        ]
        // a and b count (b once); c and d attend without counting; e is no member on the day.
        #expect(AttendanceRule.quorum(room, required: 2, ofCategory: nil).present == 2)
        #expect(AttendanceRule.quorum(room, required: 2, ofCategory: "staff").present == 1)
        #expect(AttendanceRule.quorum(room, recused: ["b"], required: 2, ofCategory: nil).met == false)
        // Expert-by-Experience presence counts every role: b and the observer c, of 5 people present.
        let presence = AttendanceRule.presence(room, requiredCount: 0, requiredShare: 0.5)
        #expect(presence.lived == 1 && presence.carers == 1 && presence.outOf == 5 && presence.requiredCount == 1)
        #expect(!presence.met && presence.shortfall == ["EbE share 2/5 below 0.5"])
        #expect(AttendanceRule.presence(room, recused: ["b", "c"], requiredCount: 1, requiredShare: nil).shortfall
            == ["0 Expert(s) by Experience present, 1 required"])
        // Category at the meeting: membership first, then registration.
        #expect(AttendanceRule.categoryDisagreement(typed: "staff", membership: "ebe_lived", registered: ["staff"]) == "ebe_lived")
        #expect(AttendanceRule.categoryDisagreement(typed: "staff", membership: nil, registered: ["ebe_carer", "staff"]) == nil)
        #expect(AttendanceRule.categoryDisagreement(typed: "staff", membership: nil, registered: ["ebe_carer"]) == "ebe_carer")
        #expect(AttendanceRule.categoryDisagreement(typed: "staff", membership: nil, registered: nil) == nil)
    }
}
