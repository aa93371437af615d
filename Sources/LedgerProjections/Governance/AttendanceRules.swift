import LedgerDomain

/// How attendance counts against a body's rules (DOMAIN.md 8.2, G-4 and G-5; decisions 9.1–9.2),
/// computed by the domain's rule book (``AttendanceRule``), with the register's explanations.
///
/// - **Quorum** counts, once each, the attendees who take part as members: not observers or
///   guests, members of the body on the meeting's day (or holders of its chair or facilitator
///   roles on that day), of the rule's category when it names one. When the log records no
///   membership for the body at all, membership cannot be checked and every attendee who is not
///   an observer or guest counts.
/// - **Expert-by-Experience presence** counts, once each, the attendees who attended in category
///   `ebe_lived` or `ebe_carer` (as the meeting verb and the audit do), against the body's
///   `minCount` (never below one, DOMAIN 9.2) and, when set, `minShare` of everyone present.
/// - **For one decision**, people recused from it (declared at the meeting for that decision, or
///   listed with the decision) count for neither.
///
/// The catalogue records attendance per meeting, not per item, so somebody who arrived late is
/// present for every item; when the recorder's per-item count says otherwise the two are shown
/// side by side and the disagreement is flagged.
public enum AttendanceRules {
    /// Roles that never count towards a quorum (the rule book's).
    public static var nonParticipating: Set<String> { AttendanceRule.nonParticipatingRoles }
    /// Categories that count as Experts by Experience (the rule book's).
    public static var ebeCategories: Set<String> { AttendanceRule.expertByExperienceCategories }

    /// One attendee as `meeting.held` lists them.
    struct Listed {
        var personId: String
        var category: String
        var role: String
    }

    /// Classifies a meeting's attendees on `day` (`YYYY-MM-DD`), with the rule book's counting
    /// and notes explaining it.
    /// - Parameters:
    ///   - terms: the body's terms in force (nil when the body is not in the log).
    ///   - membershipRecorded: whether the log records any membership of the body.
    ///   - spells: a person's membership spells of the body.
    ///   - offices: the body's chair and facilitator roles the person held on `day`.
    static func classify(
        _ listed: [Listed], apologies: Set<String>, day: String, bodyId: String, terms: BodyTerms?, membershipRecorded: Bool,
        spells: (String) throws -> [MembershipRecord], offices: (String) throws -> [String]
    ) rethrows -> [AttendanceRecord] {
        var seen: Set<String> = []
        return try listed.map { a in
            var notes: [String] = []
            let first = seen.insert(a.personId).inserted
            if !first { notes.append("listed more than once; counted once") }
            let officeRoles = try offices(a.personId)
            let takesPart = AttendanceRule.takesPart(role: a.role)
            var member: Bool?
            if membershipRecorded {
                let mine = try spells(a.personId)
                member = mine.contains { $0.covers(day) }
                if member == false && officeRoles.isEmpty && takesPart {
                    if let left = mine.compactMap(\.to).filter({ $0 < day }).max() {
                        notes.append("left \(bodyId) on \(left), before this meeting")
                    } else if let joins = mine.map(\.from).filter({ $0 > day }).min() {
                        notes.append("joins \(bodyId) only on \(joins)")
                    } else {
                        notes.append("not a member of \(bodyId) on \(day)")
                    }
                }
            }
            let rule = AttendanceRule.Attendee(
                personId: a.personId, category: a.category, role: a.role, eligible: member ?? true || !officeRoles.isEmpty)
            let ofCategory = terms?.quorumOfCategory
            if !takesPart { notes.append("attends as \(a.role): not counted for quorum") }
            if let ofCategory, a.category != ofCategory, AttendanceRule.countsForQuorum(rule, ofCategory: nil) {
                notes.append("the quorum counts only \(ofCategory)")
            }
            if apologies.contains(a.personId) { notes.append("also sent apologies (late arrival or early departure?)") }
            return AttendanceRecord(
                personId: a.personId, category: a.category, role: a.role, member: member, officeRoles: officeRoles,
                countsForQuorum: first && AttendanceRule.countsForQuorum(rule, ofCategory: ofCategory),
                expertByExperience: AttendanceRule.isExpertByExperience(a.category), notes: notes)
        }
    }

    /// The rule book's view of classified attendees.
    static func ruleAttendees(_ attendees: [AttendanceRecord]) -> [AttendanceRule.Attendee] {
        attendees.map { a in
            AttendanceRule.Attendee(
                personId: a.personId, category: a.category, role: a.role, eligible: a.member ?? true || !a.officeRoles.isEmpty)
        }
    }

    /// Presence and quorum for the whole meeting, or for one item with `recused` left out.
    public static func check(_ attendees: [AttendanceRecord], recused: Set<String> = [], terms: BodyTerms?) -> PresenceCheck {
        let listed = ruleAttendees(attendees)
        var byCategory: [String: Int] = [:]
        for a in AttendanceRule.present(listed, recused: recused) { byCategory[a.category, default: 0] += 1 }
        let quorum = terms.map { t in
            let q = AttendanceRule.quorum(listed, recused: recused, required: t.quorumMin, ofCategory: t.quorumOfCategory)
            return QuorumCheck(required: q.required, ofCategory: q.ofCategory, present: q.present, met: q.met)
        }
        let e = AttendanceRule.presence(listed, recused: recused, requiredCount: terms?.ebeMinCount, requiredShare: terms?.ebeMinShare)
        return PresenceCheck(
            presentByCategory: byCategory, quorum: quorum,
            ebe: EbePresenceCheck(
                lived: e.lived, carers: e.carers, present: e.present, outOf: e.outOf, requiredCount: e.requiredCount,
                requiredShare: e.requiredShare, met: e.met))
    }

    /// Where a meeting's record disagrees with its attendance.
    static func disagreements(_ computed: PresenceCheck, recorded: RecordedClaim) -> [String] {
        var out: [String] = []
        if let q = computed.quorum, q.met != recorded.quorumMet {
            out.append(recorded.quorumMet
                ? "recorded as quorate, but attendance gives \(q.present) of the \(q.required) members needed"
                : "recorded as not quorate, but attendance gives \(q.present) of the \(q.required) members needed")
        }
        if computed.ebe.present != recorded.ebePresent {
            out.append("recorded \(experts(recorded.ebePresent)) present; attendance gives \(computed.ebe.present)")
        }
        return out
    }

    /// Where a decision's record disagrees with the meeting's attendance less the recused.
    static func disagreements(_ computed: PresenceCheck?, recorded: RecordedClaim, declaredRecused: Set<String>, meetingId: String) -> [String] {
        guard let computed else { return ["no attendance is recorded for meeting \(meetingId)"] }
        var out: [String] = []
        if let q = computed.quorum {
            if q.met != recorded.quorumMet {
                out.append(recorded.quorumMet
                    ? "recorded as quorate, but attendance gives \(q.present) of the \(q.required) members needed for this item"
                    : "recorded as not quorate, but attendance gives \(q.present) of the \(q.required) members needed for this item")
            } else if let p = recorded.quorumPresent, p != q.present {
                out.append("recorded \(p) members counting towards the quorum; attendance gives \(q.present)")
            }
            if let r = recorded.quorumRequired, r != q.required {
                out.append("recorded a quorum of \(r); the body's terms say \(q.required)")
            }
        }
        if computed.ebe.present != recorded.ebePresent {
            out.append("recorded \(experts(recorded.ebePresent)) present for this item; attendance gives \(computed.ebe.present)")
        }
        let listed = Set(recorded.recusals ?? [])
        let undeclared = listed.subtracting(declaredRecused).sorted()
        let unlisted = declaredRecused.subtracting(listed).sorted()
        if !undeclared.isEmpty { out.append("recusal of \(undeclared.joined(separator: ", ")) recorded with the decision but not declared at the meeting") }
        if !unlisted.isEmpty { out.append("recusal of \(unlisted.joined(separator: ", ")) declared at the meeting but not recorded with the decision") }
        return out
    }

    static func experts(_ n: Int) -> String { n == 1 ? "1 Expert by Experience" : "\(n) Experts by Experience" }
}
