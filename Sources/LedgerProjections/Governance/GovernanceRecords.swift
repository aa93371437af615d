/// A governance body as the governance projection holds it.
public struct BodyRecord: Codable, Sendable, Equatable {
    /// The body id (`B-AMHEPF`, `B-REGFORUM-NW`).
    public var bodyId: String
    /// Its seed type code (`B-AMHEPF`, `B-REGFORUM`, `B-OTHER`).
    public var bodyType: String
    /// Its name (as last amended).
    public var name: String
    /// Other names it goes by.
    public var aliases: [String]
    /// The body it reports to.
    public var parentBodyId: String?
    /// Its region, for a regional body.
    public var regionId: String?
    /// advisory, operational or strategic (as last amended).
    public var decisionScope: String
    /// Log index and time (occurredAt) of its `body.established`.
    public var establishedIndex: Int, establishedAt: String
    /// Log index of the terms in force now (its establishment or its latest amendment).
    public var termsIndex: Int
    /// Whether, when and why it was wound up.
    public var dissolved: Dissolution?
}

/// A body's winding-up.
public struct Dissolution: Codable, Sendable, Equatable {
    /// Log index of the `body.dissolved` entry.
    public var index: Int
    /// When (occurredAt).
    public var occurredAt: String
    /// Why.
    public var reason: String
    /// The decision that dissolved it.
    public var decisionRef: String
}

/// A body's terms of reference as they stood after one event: its establishment or an amendment.
public struct BodyTerms: Codable, Sendable, Equatable {
    /// The body.
    public var bodyId: String
    /// Log index of the `body.established` or `body.terms_amended` entry.
    public var index: Int
    /// `established` or `amended`.
    public var kind: String
    /// When (occurredAt).
    public var occurredAt: String
    /// What changed, in words (amendments only).
    public var changes: String?
    /// Digest of the terms of reference.
    public var torDocHash: String
    /// The decision that set them, if recorded.
    public var decisionRef: String?
    /// The role that chairs the body.
    public var chairRoleId: String?
    /// The roles that facilitate it.
    public var facilitatorRoleIds: [String]
    /// Members needed for a quorum.
    public var quorumMin: Int
    /// Counting only attendees of this category, if set.
    public var quorumOfCategory: String?
    /// Experts by Experience needed at a decision.
    public var ebeMinCount: Int
    /// And at least this share of those present, if set.
    public var ebeMinShare: Double?
}

/// One spell of one person's membership of a body.
public struct MembershipRecord: Codable, Sendable, Equatable {
    /// The body.
    public var bodyId: String
    /// The person (pseudonym).
    public var personId: String
    /// The category they sit in (`staff`, `ebe_lived`, `ebe_carer`, …).
    public var category: String
    /// Whether they vote.
    public var votingRights: Bool
    /// First day (`YYYY-MM-DD`).
    public var from: String
    /// Last day, once they left.
    public var to: String?
    /// Log index of the `member.joined` entry.
    public var joinedIndex: Int
    /// Log index of the `member.left` entry, once they left.
    public var leftIndex: Int?
    /// Why they left, if given.
    public var reason: String?

    /// Whether the spell covers `day` (`YYYY-MM-DD`; both ends inclusive).
    public func covers(_ day: String) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }
}

/// One spell of one person holding a role.
public struct RoleTenure: Codable, Sendable, Equatable {
    /// The role (`R-DCEO`).
    public var roleId: String
    /// The holder (pseudonym).
    public var personId: String
    /// First day (`YYYY-MM-DD`).
    public var from: String
    /// Last day, once it ended.
    public var to: String?
    /// The body the assignment names, if any.
    public var bodyId: String?
    /// The region the assignment names, if any.
    public var regionId: String?
    /// The decision that appointed them, if recorded.
    public var appointedByDecision: String?
    /// Log index of the `role.assigned` entry.
    public var assignedIndex: Int
    /// Log index of the `role.ended` entry, once it ended.
    public var endedIndex: Int?

    /// Whether the spell covers `day` (`YYYY-MM-DD`; both ends inclusive).
    public func covers(_ day: String) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }
}

/// One person present at a meeting, and how they count.
public struct AttendanceRecord: Codable, Sendable, Equatable {
    /// The person (pseudonym).
    public var personId: String
    /// The category they attended in.
    public var category: String
    /// chair, facilitator, secretary, member, observer or guest.
    public var role: String
    /// Whether they were a member of the body on the day (nil: the log records no membership
    /// for this body, so it cannot say).
    public var member: Bool?
    /// The body's chair or facilitator roles they held on the day.
    public var officeRoles: [String]
    /// Whether they count towards the quorum (before any recusal for an item).
    public var countsForQuorum: Bool
    /// Whether they are an Expert by Experience (`ebe_lived` or `ebe_carer`).
    public var expertByExperience: Bool
    /// Why they do not count towards the quorum, or anything else odd about their attendance.
    public var notes: [String]
}

/// An interest declared at a meeting for one item.
public struct MeetingDeclarationRecord: Codable, Sendable, Equatable {
    /// The person.
    public var personId: String
    /// The agenda item or decision id.
    public var itemRef: String
    /// recused or participated.
    public var action: String
}

/// Quorum worked out from attendance and the body's rule.
public struct QuorumCheck: Codable, Sendable, Equatable {
    /// Members needed (the body's rule at the time).
    public var required: Int
    /// Counting only this category, if the rule says so.
    public var ofCategory: String?
    /// Members present who count.
    public var present: Int
    /// Whether `present ≥ required`.
    public var met: Bool
}

/// Expert-by-Experience presence worked out from attendance and the body's rule.
public struct EbePresenceCheck: Codable, Sendable, Equatable {
    /// `ebe_lived` attendees present.
    public var lived: Int
    /// `ebe_carer` attendees present.
    public var carers: Int
    /// Both together.
    public var present: Int
    /// Everyone present (the share's denominator).
    public var outOf: Int
    /// The body's minimum count.
    public var requiredCount: Int
    /// The body's minimum share, if set.
    public var requiredShare: Double?
    /// Whether the rule is met (at least one is always required, DOMAIN 9.2).
    public var met: Bool
}

/// Who was present and whether the body's rules were met, for a meeting or one of its decisions.
public struct PresenceCheck: Codable, Sendable, Equatable {
    /// Everyone present, by the category they attended in (recused members left out for an item).
    public var presentByCategory: [String: Int]
    /// The quorum, when the body's rules are in the log.
    public var quorum: QuorumCheck?
    /// Expert-by-Experience presence (the body's rule, or the default of one, when its rules are not in the log).
    public var ebe: EbePresenceCheck
}

/// What the recorder of a meeting or decision claimed, shown beside what attendance says.
public struct RecordedClaim: Codable, Sendable, Equatable {
    /// Whether it was quorate, as recorded.
    public var quorumMet: Bool
    /// Members counted towards the quorum, as recorded (decisions only).
    public var quorumPresent: Int?
    /// Members required, as recorded (decisions only).
    public var quorumRequired: Int?
    /// Experts by Experience present, as recorded.
    public var ebePresent: Int
    /// Who left for the item, as recorded (decisions only).
    public var recusals: [String]?
}

/// A meeting: when it was called and held, who came, and whether it met the body's rules.
public struct MeetingView: Codable, Sendable, Equatable {
    /// The meeting id.
    public var meetingId: String
    /// The body that met.
    public var bodyId: String
    /// When it was called for (from `meeting.scheduled`), and that entry's index.
    public var scheduledFor: String?, scheduledIndex: Int?
    /// When it was held (occurredAt) and the `meeting.held` entry's index; nil when not held yet.
    public var heldAt: String?, heldIndex: Int?
    /// The terms of reference its rules came from (log index), when the body is in the log.
    public var termsIndex: Int?
    /// Whether the log records any membership of the body (otherwise membership is not checked).
    public var membershipRecorded: Bool
    /// Who was present.
    public var attendees: [AttendanceRecord]
    /// Who sent apologies.
    public var apologies: [String]
    /// Interests declared at the meeting.
    public var declarations: [MeetingDeclarationRecord]
    /// Whether it recorded that nobody declared an interest.
    public var noneDeclared: Bool
    /// Presence and quorum worked out from attendance.
    public var computed: PresenceCheck?
    /// What the recorder said.
    public var recorded: RecordedClaim?
    /// Where what was recorded and what attendance says disagree, in words.
    public var disagreements: [String]
    /// Decisions recorded at it, in log order, with presence worked out for each item.
    public var decisions: [DecisionPresence]
}

/// One decision recorded at a meeting, with presence worked out for that item.
public struct DecisionPresence: Codable, Sendable, Equatable {
    /// The decision.
    public var decisionId: String
    /// Log index of the `decision.recorded` entry.
    public var index: Int
    /// When it was recorded (occurredAt).
    public var occurredAt: String
    /// The meeting.
    public var meetingId: String
    /// The body that met, when the meeting is in the log.
    public var bodyId: String?
    /// approved, rejected, deferred, amended or referred.
    public var outcome: String
    /// consensus or vote.
    public var method: String
    /// Who was left out for the item: recused at the meeting for this decision, or recorded as
    /// recused with the decision.
    public var recused: [String]
    /// Presence and quorum for the item, from the meeting's attendance less the recused; nil when
    /// the meeting's attendance is not in the log.
    public var computed: PresenceCheck?
    /// What the recorder said.
    public var recorded: RecordedClaim
    /// Where they disagree, in words.
    public var disagreements: [String]
}
