public import LedgerDomain

// Meetings and decisions (catalogue group D). Calling a meeting and putting a proposal need nothing
// from the log; recording that a meeting was held and what a body decided take the body, the
// attendees' categories and the quorum rule from the log and count attendance with the one rule
// book (``AttendanceRule``), so a web form records what `coledger meeting hold` records.

/// A body's meeting is called, with its agenda's digest (`meeting.scheduled`).
extension MeetingScheduled: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.meetingId.stringValue: "--meeting", K.bodyId.stringValue: "--body", K.scheduledFor.stringValue: "--at",
        K.agendaHash.stringValue: "--agenda-hash",
    ]

    /// `Scheduled meeting mtg-2026-03 of B-AMHEPF.`
    public func summary(of payload: MeetingScheduled) -> String { "Scheduled meeting \(meetingId) of \(bodyId)." }
}

/// A proposal is put to a body (`decision.proposed`).
extension DecisionProposed: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.decisionId.stringValue: "--decision", K.bodyId.stringValue: "--body", K.title.stringValue: "--title",
        K.text.stringValue: "--text", K.proposer.stringValue: "--proposer", K.inputs.stringValue: "--cites",
        K.competencies.stringValue: "--competency", K.pillars.stringValue: "--pillar",
        K.objectives.stringValue: "--objective",
    ]

    /// Where an input is refused, for a parser of `KIND:ID` text.
    public static func inputPointer(_ index: Int) -> String { "/payload/\(K.inputs.stringValue)/\(index)" }

    /// `Proposed decision dec-2026-009 to B-AMHEPF.`
    public func summary(of payload: DecisionProposed) -> String { "Proposed decision \(decisionId) to \(bodyId)." }
}

/// A scheduled meeting took place (`meeting.held`). The body is the one the meeting was scheduled
/// for; an attendee's category comes from the log (their membership of the body, else their
/// registration) and one typed is refused when the log holds another; the quorum is worked out
/// from the body's quorum rule unless the request says, and the Experts by Experience present are
/// counted from the attendees' categories, both by the rule book.
public struct HoldMeeting: RecordingRequest {
    typealias K = MeetingHeld.CodingKeys

    /// Someone present, as the recorder gave them.
    public struct Present: Sendable, Hashable {
        /// The person.
        public var personId: PersonID
        /// The category typed; nil to take the one the log holds.
        public var category: PersonCategory?
        /// What they did.
        public var role: MeetingRole

        /// Someone present.
        public init(personId: PersonID, category: PersonCategory? = nil, role: MeetingRole = .member) {
            self.personId = personId
            self.category = category
            self.role = role
        }
    }

    /// The meeting (scheduled earlier).
    public var meetingId: EntityID
    /// Who was present.
    public var attendees: [Present]
    /// Who sent apologies.
    public var apologies: [PersonID]
    /// Interests declared (rule G-6); empty with ``noneDeclared``.
    public var declarations: [MeetingDeclaration]
    /// Nobody declared an interest.
    public var noneDeclared: Bool
    /// Whether the chair declared the meeting quorate; nil to work it out from the body's quorum rule.
    public var quorate: Bool?

    /// Creates the request.
    public init(
        meetingId: EntityID, attendees: [Present], apologies: [PersonID] = [], declarations: [MeetingDeclaration] = [],
        noneDeclared: Bool = false, quorate: Bool? = nil
    ) {
        self.meetingId = meetingId
        self.attendees = attendees
        self.apologies = apologies
        self.declarations = declarations
        self.noneDeclared = noneDeclared
        self.quorate = quorate
    }

    /// The fields, by member.
    public static let fields = [
        K.meetingId.stringValue: "--meeting", K.attendees.stringValue: "--attendee",
        K.apologies.stringValue: "--apology", K.declarationsMade.stringValue: "--declaration",
        K.noneDeclared.stringValue: "--none-declared", K.quorumMet.stringValue: "--quorate/--no-quorate",
    ]

    /// Where a member of the `index`th attendee is refused, for a parser of attendee text.
    public static func attendeePointer(_ index: Int, _ member: Attendee.CodingKeys) -> String {
        "/payload/\(K.attendees.stringValue)/\(index)/\(member.stringValue)"
    }

    /// Where a member of the `index`th declaration is refused, for a parser of declaration text.
    public static func declarationPointer(_ index: Int, _ member: MeetingDeclaration.CodingKeys) -> String {
        "/payload/\(K.declarationsMade.stringValue)/\(index)/\(member.stringValue)"
    }

    /// The payload: the body from the meeting's `meeting.scheduled`, each attendee in the category
    /// the log holds, the quorum and the Experts by Experience present by the rule book.
    /// - Throws: ``RecordingError`` when the meeting was never scheduled, an attendee's category is
    ///   unknown or disagrees with the log (naming the person and the category the log holds), or
    ///   the body has no quorum rule and the request does not say whether the meeting was quorate.
    public func payload(from log: LogLookup, at time: String) throws -> MeetingHeld {
        guard let body = try log.latest(MeetingScheduled.self, stream: "meeting/\(meetingId)")?.payload.bodyId else {
            throw RecordingError.member(
                Self.self, "/\(K.meetingId.stringValue)",
                "meeting \(meetingId) was never scheduled in this log; use `coledger meeting schedule` first")
        }
        let attendees = try self.attendees.enumerated().map { n, present in
            let person = present.personId.rawValue
            let held = try log.categories(of: person, in: body.rawValue)
            if let typed = present.category {
                if let reason = AttendanceRule.categoryRefusal(
                    person: person, typed: typed.rawValue, body: body.rawValue, membership: held.membership,
                    registered: held.registered)
                {
                    throw RecordingError(
                        .invalid, pointer: Self.attendeePointer(n, .category),
                        field: Self.fields[K.attendees.stringValue],
                        reason: reason)
                }
                return Attendee(personId: present.personId, category: typed, role: present.role)
            }
            guard let text = held.membership ?? held.registered?.first, let category = PersonCategory(rawValue: text)
            else {
                throw RecordingError(
                    .invalid, pointer: Self.attendeePointer(n, .category), field: Self.fields[K.attendees.stringValue],
                    reason: "the log holds no membership of \(body) or registration for \(person); give their category")
            }
            return Attendee(personId: present.personId, category: category, role: present.role)
        }
        let listed = attendees.map(AttendanceRule.Attendee.init)
        var quorumMet = quorate
        if quorumMet == nil, let rule = try log.quorumRule(of: body.rawValue) {
            quorumMet =
                AttendanceRule.quorum(listed, required: rule.min.value, ofCategory: rule.ofCategory?.rawValue).met
        }
        guard let quorumMet else {
            throw RecordingError(
                .invalid, field: Self.fields[K.quorumMet.stringValue],
                reason: "body \(body) has no quorum rule in this log; say --quorate or --no-quorate")
        }
        let ebe = AttendanceRule.presence(listed, requiredCount: nil, requiredShare: nil).present
        return MeetingHeld(
            meetingId: meetingId, bodyId: body, attendees: attendees, apologies: apologies, quorumMet: quorumMet,
            ebePresent: Count(unchecked: ebe), declarationsMade: declarations.isEmpty ? nil : declarations,
            noneDeclared: noneDeclared ? true : nil)
    }

    /// `Recorded meeting mtg-2026-03 as held: 3 present, 1 Expert by Experience, quorate.`
    public func summary(of payload: MeetingHeld) -> String {
        let ebe = payload.ebePresent.value
        let experts = ebe == 1 ? "1 Expert" : "\(ebe) Experts"
        let quorate = payload.quorumMet ? "quorate" : "not quorate"
        return
            "Recorded meeting \(meetingId) as held: \(attendees.count) present, \(experts) by Experience, \(quorate)."
    }
}

/// What a body decided at a meeting (`decision.recorded`). The quorum snapshot and the Experts by
/// Experience present are worked out by the rule book from the held meeting's attendance, leaving
/// out recused members; recusals default to the meeting's declarations with action `recused` for
/// this decision.
public struct RecordDecision: RecordingRequest {
    typealias K = DecisionRecorded.CodingKeys

    /// The decision (proposed earlier).
    public var decisionId: EntityID
    /// The meeting (held earlier) where it was decided.
    public var meetingId: EntityID
    /// What was decided.
    public var outcome: DecisionRecorded.Outcome
    /// How.
    public var method: DecisionRecorded.Method
    /// The vote count, for a vote.
    public var tally: DecisionRecorded.Tally?
    /// Who left for this item; empty for the meeting's recusals for this decision.
    public var recusals: [PersonID]
    /// Why.
    public var rationale: LongText
    /// The rung of the ladder of co-production it was made at.
    public var ladderRung: LadderRung
    /// When to look at it again.
    public var reviewOn: ISODate?

    /// Creates the request.
    public init(
        decisionId: EntityID, meetingId: EntityID, outcome: DecisionRecorded.Outcome, method: DecisionRecorded.Method,
        tally: DecisionRecorded.Tally? = nil, recusals: [PersonID] = [], rationale: LongText, ladderRung: LadderRung,
        reviewOn: ISODate? = nil
    ) {
        self.decisionId = decisionId
        self.meetingId = meetingId
        self.outcome = outcome
        self.method = method
        self.tally = tally
        self.recusals = recusals
        self.rationale = rationale
        self.ladderRung = ladderRung
        self.reviewOn = reviewOn
    }

    /// The fields, by member.
    public static let fields = [
        K.decisionId.stringValue: "--decision", K.meetingId.stringValue: "--meeting",
        K.outcome.stringValue: "--outcome",
        K.method.stringValue: "--method", K.tally.stringValue: "--in-favour/--against/--abstained",
        K.recusals.stringValue: "--recusal", K.rationale.stringValue: "--rationale", K.ladderRung.stringValue: "--rung",
        K.reviewOn.stringValue: "--review-on",
    ]

    /// The payload, with the quorum and the Experts by Experience present for this item.
    /// - Throws: ``RecordingError`` when the meeting was never held or its body has no quorum rule.
    public func payload(from log: LogLookup, at time: String) throws -> DecisionRecorded {
        guard let held = try log.latest(MeetingHeld.self, stream: "meeting/\(meetingId)")?.payload else {
            throw RecordingError.member(
                Self.self, "/\(K.meetingId.stringValue)",
                "meeting \(meetingId) was never held in this log; record it with `coledger meeting hold` first")
        }
        let body = held.bodyId.rawValue
        var recused = recusals
        if recused.isEmpty {
            recused = (held.declarationsMade ?? []).filter { $0.itemRef == decisionId && $0.action == .recused }
                .map(\.personId)
        }
        guard let rule = try log.quorumRule(of: body) else {
            throw RecordingError(.invalid, reason: "body \(body) has no quorum rule in this log")
        }
        let listed = held.attendees.map(AttendanceRule.Attendee.init)
        let left = Set(recused.map(\.rawValue))
        let present = AttendanceRule.quorum(
            listed, recused: left, required: rule.min.value, ofCategory: rule.ofCategory?.rawValue
        ).present
        let ebe = AttendanceRule.presence(listed, recused: left, requiredCount: nil, requiredShare: nil).present
        return DecisionRecorded(
            decisionId: decisionId, meetingId: meetingId, outcome: outcome, method: method, tally: tally,
            quorumSnapshot: DecisionRecorded.QuorumSnapshot(
                present: Count(unchecked: present), required: rule.min, met: present >= rule.min.value),
            ebePresentCount: Count(unchecked: ebe), recusals: recused, rationale: rationale, ladderRung: ladderRung,
            reviewOn: reviewOn)
    }

    /// `Recorded decision dec-2026-009: approved by consensus at mtg-2026-03 (quorate).`
    public func summary(of payload: DecisionRecorded) -> String {
        let met = payload.quorumSnapshot.met ? "quorate" : "NOT quorate"
        return "Recorded decision \(decisionId): \(outcome.rawValue) by \(method.rawValue) at \(meetingId) (\(met))."
    }
}

extension AttendanceRule.Attendee {
    /// A recorded attendee as the rule book sees them (everyone listed is eligible: membership is
    /// not checked when recording).
    init(_ attendee: Attendee) {
        self.init(
            personId: attendee.personId.rawValue, category: attendee.category.rawValue, role: attendee.role.rawValue)
    }
}
