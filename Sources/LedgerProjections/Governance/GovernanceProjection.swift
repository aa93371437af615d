import LedgerDomain

/// The governance register: bodies and their terms of reference over time, who holds their chair
/// and facilitator roles, membership by category, meetings with attendance, apologies and
/// declarations, and — for every meeting and every decision recorded at one — quorum and
/// Expert-by-Experience presence worked out from attendance and the body's rules
/// (``AttendanceRules``), beside what the recorder claimed.
///
/// A meeting is judged when its `meeting.held` is folded, against the terms, memberships and
/// role holders the log holds at that point (references precede what refers to them, rule I-6),
/// on the day it occurred; a decision is judged when its `decision.recorded` is folded, against
/// that meeting's attendance. The first event defining a body, meeting or hold wins.
public enum GovernanceProjection: Projection {
    /// `governance`.
    public static let name = "governance"
    /// 1.
    public static let version = 1
    /// Bodies, membership, roles, meetings and decisions recorded.
    public static let eventTypes: Set<String> = [
        BodyEstablished.eventType, BodyTermsAmended.eventType, BodyDissolved.eventType, MemberJoined.eventType,
        MemberLeft.eventType, RoleAssigned.eventType, RoleEnded.eventType, MeetingScheduled.eventType, MeetingHeld.eventType,
        DecisionRecorded.eventType,
    ]

    /// Folds one event.
    public static func apply(_ event: ProjectedEvent, to tables: GovernanceTables) throws {
        switch event.payload {
        case let p as BodyEstablished: try established(p, event, tables)
        case let p as BodyTermsAmended: try amended(p, event, tables)
        case let p as BodyDissolved:
            guard var body = try tables.body(p.bodyId.rawValue), body.dissolved == nil else { return }
            body.dissolved = Dissolution(
                index: event.index, occurredAt: event.occurredAt, reason: p.reason.rawValue, decisionRef: p.decisionRef.rawValue)
            try tables.save(body)
        case let p as MemberJoined:
            try tables.save(MembershipRecord(
                bodyId: p.bodyId.rawValue, personId: p.personId.rawValue, category: p.membershipCategory.rawValue,
                votingRights: p.votingRights, from: p.from.rawValue, to: nil, joinedIndex: event.index, leftIndex: nil, reason: nil))
        case let p as MemberLeft:
            guard var spell = try tables.spells(of: p.personId.rawValue, in: p.bodyId.rawValue).last(where: { $0.leftIndex == nil }) else {
                return
            }
            spell.to = p.to.rawValue
            spell.leftIndex = event.index
            spell.reason = p.reason?.rawValue
            try tables.save(spell)
        case let p as RoleAssigned:
            try tables.save(RoleTenure(
                roleId: p.roleId.rawValue, personId: p.personId.rawValue, from: p.from.rawValue, to: nil, bodyId: p.bodyId?.rawValue,
                regionId: p.regionId?.rawValue, appointedByDecision: p.appointedByDecision?.rawValue, assignedIndex: event.index,
                endedIndex: nil))
        case let p as RoleEnded:
            guard var tenure = try tables.tenures(of: p.roleId.rawValue, person: p.personId.rawValue).last(where: { $0.endedIndex == nil }) else {
                return
            }
            tenure.to = p.to.rawValue
            tenure.endedIndex = event.index
            try tables.save(tenure)
        case let p as MeetingScheduled:
            guard try tables.meeting(p.meetingId.rawValue) == nil else { return }
            try tables.save(StoredMeeting(
                meetingId: p.meetingId.rawValue, bodyId: p.bodyId.rawValue, scheduledFor: p.scheduledFor.rawValue,
                scheduledIndex: event.index, membershipRecorded: false, apologies: [], noneDeclared: false, disagreements: [],
                decisions: []))
            try tables.listMeeting(p.meetingId.rawValue, body: p.bodyId.rawValue, at: event.index)
        case let p as MeetingHeld: try held(p, event, tables)
        case let p as DecisionRecorded: try decided(p, event, tables)
        default: return
        }
    }

    static func established(_ p: BodyEstablished, _ event: ProjectedEvent, _ tables: GovernanceTables) throws {
        guard try tables.body(p.bodyId.rawValue) == nil else { return }
        try tables.save(BodyRecord(
            bodyId: p.bodyId.rawValue, bodyType: p.bodyType.rawValue, name: p.name.rawValue, aliases: p.aliases.map(\.rawValue),
            parentBodyId: p.parentBodyId?.rawValue, regionId: p.regionId?.rawValue, decisionScope: p.decisionScope.rawValue,
            establishedIndex: event.index, establishedAt: event.occurredAt, termsIndex: event.index, dissolved: nil))
        try tables.save(BodyTerms(
            bodyId: p.bodyId.rawValue, index: event.index, kind: "established", occurredAt: event.occurredAt, changes: nil,
            torDocHash: p.torDocHash.rawValue, decisionRef: p.decisionRef?.rawValue, chairRoleId: p.chairRoleId?.rawValue,
            facilitatorRoleIds: p.facilitatorRoleIds.map(\.rawValue), quorumMin: p.quorumRule.min.value,
            quorumOfCategory: p.quorumRule.ofCategory?.rawValue, ebeMinCount: p.ebePresenceRule.minCount.value,
            ebeMinShare: p.ebePresenceRule.minShare?.value))
    }

    /// The members an amendment gives replace the old values; the others carry over.
    static func amended(_ p: BodyTermsAmended, _ event: ProjectedEvent, _ tables: GovernanceTables) throws {
        guard var body = try tables.body(p.bodyId.rawValue), var terms = try tables.terms(of: body.bodyId, at: body.termsIndex) else {
            return
        }
        terms.index = event.index
        terms.kind = "amended"
        terms.occurredAt = event.occurredAt
        terms.changes = p.changes.rawValue
        terms.torDocHash = p.torDocHash.rawValue
        terms.decisionRef = p.decisionRef.rawValue
        if let chair = p.chairRoleId { terms.chairRoleId = chair.rawValue }
        if let facilitators = p.facilitatorRoleIds { terms.facilitatorRoleIds = facilitators.map(\.rawValue) }
        if let quorum = p.quorumRule {
            terms.quorumMin = quorum.min.value
            terms.quorumOfCategory = quorum.ofCategory?.rawValue
        }
        if let ebe = p.ebePresenceRule {
            terms.ebeMinCount = ebe.minCount.value
            terms.ebeMinShare = ebe.minShare?.value
        }
        try tables.save(terms)
        body.termsIndex = event.index
        if let name = p.name { body.name = name.rawValue }
        if let aliases = p.aliases { body.aliases = aliases.map(\.rawValue) }
        if let scope = p.decisionScope { body.decisionScope = scope.rawValue }
        try tables.save(body)
    }

    static func held(_ p: MeetingHeld, _ event: ProjectedEvent, _ tables: GovernanceTables) throws {
        let id = p.meetingId.rawValue
        let bodyId = p.bodyId.rawValue
        var meeting = try tables.meeting(id) ?? StoredMeeting(
            meetingId: id, bodyId: bodyId, membershipRecorded: false, apologies: [], noneDeclared: false, disagreements: [],
            decisions: [])
        guard meeting.heldIndex == nil else { return }
        let day = String(event.occurredAt.prefix(10))
        let body = try tables.body(bodyId)
        let terms = try body.flatMap { try tables.terms(of: bodyId, at: $0.termsIndex) }
        let offices = [terms?.chairRoleId].compactMap { $0 } + (terms?.facilitatorRoleIds ?? [])
        let membershipRecorded = try tables.hasMembers(bodyId)
        let attendees = try AttendanceRules.classify(
            p.attendees.map { AttendanceRules.Listed(personId: $0.personId.rawValue, category: $0.category.rawValue, role: $0.role.rawValue) },
            apologies: Set(p.apologies.map(\.rawValue)), day: day, bodyId: bodyId, terms: terms, membershipRecorded: membershipRecorded,
            spells: { try tables.spells(of: $0, in: bodyId) },
            offices: { person in
                try offices.filter { role in try tables.tenures(of: role, person: person).contains { $0.covers(day) } }
            })
        let computed = AttendanceRules.check(attendees, terms: terms)
        let recorded = RecordedClaim(quorumMet: p.quorumMet, ebePresent: p.ebePresent.value)
        meeting.bodyId = bodyId
        meeting.heldAt = event.occurredAt
        meeting.heldIndex = event.index
        meeting.termsIndex = terms?.index
        meeting.membershipRecorded = membershipRecorded
        meeting.apologies = p.apologies.map(\.rawValue)
        meeting.noneDeclared = p.noneDeclared == true
        meeting.recorded = recorded
        meeting.computed = computed
        meeting.disagreements = AttendanceRules.disagreements(computed, recorded: recorded)
        try tables.save(meeting)
        try tables.listMeeting(id, body: bodyId, at: meeting.scheduledIndex ?? event.index)
        for (n, a) in attendees.enumerated() { try tables.save(a, at: id, position: n) }
        for (n, d) in (p.declarationsMade ?? []).enumerated() {
            try tables.save(
                MeetingDeclarationRecord(personId: d.personId.rawValue, itemRef: d.itemRef.rawValue, action: d.action.rawValue), at: id, position: n)
        }
    }

    static func decided(_ p: DecisionRecorded, _ event: ProjectedEvent, _ tables: GovernanceTables) throws {
        let decisionId = p.decisionId.rawValue
        let meetingId = p.meetingId.rawValue
        let recorded = RecordedClaim(
            quorumMet: p.quorumSnapshot.met, quorumPresent: p.quorumSnapshot.present.value, quorumRequired: p.quorumSnapshot.required.value,
            ebePresent: p.ebePresentCount.value, recusals: p.recusals.map(\.rawValue))
        var meeting = try tables.meeting(meetingId)
        var computed: PresenceCheck?
        var declared: Set<String> = []
        var recused = Set(p.recusals.map(\.rawValue))
        if let held = meeting, held.heldIndex != nil {
            declared = Set(try tables.declarations(at: meetingId).filter { $0.itemRef == decisionId && $0.action == "recused" }.map(\.personId))
            recused.formUnion(declared)
            let terms = try held.termsIndex.flatMap { try tables.terms(of: held.bodyId, at: $0) }
            computed = AttendanceRules.check(try tables.attendance(at: meetingId), recused: recused, terms: terms)
        }
        try tables.save(DecisionPresence(
            decisionId: decisionId, index: event.index, occurredAt: event.occurredAt, meetingId: meetingId, bodyId: meeting?.bodyId,
            outcome: p.outcome.rawValue, method: p.method.rawValue, recused: recused.sorted(), computed: computed, recorded: recorded,
            disagreements: AttendanceRules.disagreements(computed, recorded: recorded, declaredRecused: declared, meetingId: meetingId)))
        if meeting != nil, meeting?.decisions.contains(decisionId) == false {
            meeting?.decisions.append(decisionId)
            if let meeting { try tables.save(meeting) }
        }
    }
}
