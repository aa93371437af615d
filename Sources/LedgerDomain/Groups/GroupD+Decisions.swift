// Group D: decisions (DOMAIN.md 7.3 D). A decision is defined by `decision.proposed`; the
// others refer to it.

/// A proposal is put to a body, with the inputs it draws on and its tags.
public struct DecisionProposed: EventPayload {
    /// `decision.proposed`.
    public static let eventType = "decision.proposed"
    /// Version 1.
    public static let typeVersion = 1
    /// Group D.
    public static let group = CatalogueGroup.meetings
    /// One line for `coledger types`.
    public static let summary = "A proposal is put to a body, with the contributions, feedback or reports it draws on."

    /// The decision id.
    public var decisionId: EntityID
    /// The body asked to decide.
    public var bodyId: BodyID
    /// A short title.
    public var title: ShortText
    /// The proposal as put.
    public var text: LongText
    /// Who proposed it.
    public var proposer: PersonID
    /// What it draws on: contributions, feedback, reports, reviews… (may be empty).
    public var inputs: [EntityRef]
    /// Competencies it serves (may be empty).
    public var competencies: [Competency]
    /// Pillars it serves (may be empty).
    public var pillars: [Pillar]
    /// Objectives it serves (may be empty).
    public var objectives: [Objective]

    /// Creates the payload.
    public init(
        decisionId: EntityID, bodyId: BodyID, title: ShortText, text: LongText, proposer: PersonID, inputs: [EntityRef],
        competencies: [Competency], pillars: [Pillar], objectives: [Objective]
    ) {
        self.decisionId = decisionId
        self.bodyId = bodyId
        self.title = title
        self.text = text
        self.proposer = proposer
        self.inputs = inputs
        self.competencies = competencies
        self.pillars = pillars
        self.objectives = objectives
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case decisionId, bodyId, title, text, proposer, inputs, competencies, pillars, objectives
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `decision/<decisionId>`.
    public var stream: String { "decision/\(decisionId)" }
    /// The decision.
    public var defines: EntityReference? { .to(.decision, decisionId, at: "/decisionId") }
    /// The body, the proposer and every input.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.body, bodyId, at: "/bodyId")
        Ref.to(.person, proposer, at: "/proposer")
        Ref.each(inputs, at: "/inputs")
    }

    /// Interpreting at every regional forum, drawn from a LEAB contribution and feedback.
    public static var example: DecisionProposed {
        DecisionProposed(
            decisionId: "dec-2026-009", bodyId: "B-AMHEPF", title: "Interpreters at every regional forum",
            text: "Book community-language interpreters for every Regional Forum meeting from April 2026, paid from the AMHE budget.",
            proposer: "p-0007",
            inputs: [EntityRef(.contribution, "con-2026-0031"), EntityRef(.feedback, "F-2026-0142")],
            competencies: [.culturalAwareness, .coproduction], pillars: [.access, .socialConnections],
            objectives: [.serviceQuality])
    }
}

/// The outcome of a decision: a body decided at a meeting.
public struct DecisionRecorded: EventPayload {
    /// What the body decided.
    public enum Outcome: String, CatalogueEnum {
        /// Approved as proposed.
        case approved
        /// Rejected.
        case rejected
        /// Put off to a later meeting.
        case deferred
        /// Approved with amendments.
        case amended
        /// Passed to another body (see `decision.referred`).
        case referred
    }

    /// How the body decided.
    public enum Method: String, CatalogueEnum {
        /// By consensus.
        case consensus
        /// By vote (needs a `tally`).
        case vote
    }

    /// A vote count.
    public struct Tally: Codable, Sendable, Hashable {
        /// Votes for.
        public var inFavour: Count
        /// Votes against.
        public var against: Count
        /// Abstentions.
        public var abstained: Count

        /// Creates a tally.
        public init(inFavour: Count, against: Count, abstained: Count) {
            self.inFavour = inFavour
            self.against = against
            self.abstained = abstained
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case inFavour, against, abstained
        }

        /// Decodes `{inFavour, against, abstained}`, refusing other members.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            inFavour = try c.decode(Count.self, forKey: .inFavour)
            against = try c.decode(Count.self, forKey: .against)
            abstained = try c.decode(Count.self, forKey: .abstained)
        }
    }

    /// The quorum as the chair saw it when deciding (the verifier recomputes, rule G-5).
    public struct QuorumSnapshot: Codable, Sendable, Hashable {
        /// Members counting towards quorum who were present (recused members excluded).
        public var present: Count
        /// Members the quorum rule required.
        public var required: PositiveInt
        /// Whether the meeting was quorate for this item.
        public var met: Bool

        /// Creates a snapshot.
        public init(present: Count, required: PositiveInt, met: Bool) {
            self.present = present
            self.required = required
            self.met = met
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case present, required, met
        }

        /// Decodes `{present, required, met}`, refusing other members.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            present = try c.decode(Count.self, forKey: .present)
            required = try c.decode(PositiveInt.self, forKey: .required)
            met = try c.decode(Bool.self, forKey: .met)
        }
    }

    /// `decision.recorded`.
    public static let eventType = "decision.recorded"
    /// Version 1.
    public static let typeVersion = 1
    /// Group D.
    public static let group = CatalogueGroup.meetings
    /// One line for `coledger types`.
    public static let summary = "A body decides at a meeting: outcome, method, quorum, EbE presence, recusals, rationale, ladder rung."

    /// The decision (proposed earlier).
    public var decisionId: EntityID
    /// The meeting (held earlier) where it was decided.
    public var meetingId: EntityID
    /// What was decided.
    public var outcome: Outcome
    /// How.
    public var method: Method
    /// The vote count; required when `method` is `vote`.
    public var tally: Tally?
    /// Quorum for this item.
    public var quorumSnapshot: QuorumSnapshot
    /// Experts by Experience present for this item.
    public var ebePresentCount: Count
    /// Who left for this item (may be empty).
    public var recusals: [PersonID]
    /// Why.
    public var rationale: LongText
    /// How far up the ladder of co-production the decision was made (rule C-4).
    public var ladderRung: LadderRung
    /// When to look at it again.
    public var reviewOn: ISODate?

    /// Creates the payload. A vote needs a tally.
    public init(
        decisionId: EntityID, meetingId: EntityID, outcome: Outcome, method: Method, tally: Tally? = nil,
        quorumSnapshot: QuorumSnapshot, ebePresentCount: Count, recusals: [PersonID], rationale: LongText,
        ladderRung: LadderRung, reviewOn: ISODate? = nil
    ) {
        self.decisionId = decisionId
        self.meetingId = meetingId
        self.outcome = outcome
        self.method = method
        self.tally = tally
        self.quorumSnapshot = quorumSnapshot
        self.ebePresentCount = ebePresentCount
        self.recusals = recusals
        self.rationale = rationale
        self.ladderRung = ladderRung
        self.reviewOn = reviewOn
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case decisionId, meetingId, outcome, method, tally, quorumSnapshot, ebePresentCount, recusals, rationale
        case ladderRung, reviewOn
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// Decodes the payload; `method: vote` needs a `tally`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        decisionId = try c.decode(EntityID.self, forKey: .decisionId)
        meetingId = try c.decode(EntityID.self, forKey: .meetingId)
        outcome = try c.decode(Outcome.self, forKey: .outcome)
        method = try c.decode(Method.self, forKey: .method)
        tally = try c.decodeIfPresent(Tally.self, forKey: .tally)
        quorumSnapshot = try c.decode(QuorumSnapshot.self, forKey: .quorumSnapshot)
        ebePresentCount = try c.decode(Count.self, forKey: .ebePresentCount)
        recusals = try c.decode([PersonID].self, forKey: .recusals)
        rationale = try c.decode(LongText.self, forKey: .rationale)
        ladderRung = try c.decode(LadderRung.self, forKey: .ladderRung)
        reviewOn = try c.decodeIfPresent(ISODate.self, forKey: .reviewOn)
        if method == .vote && tally == nil {
            throw DecodingError.rule(c.codingPath + [CodingKeys.tally], "is required when method is vote")
        }
    }

    /// `decision/<decisionId>`.
    public var stream: String { "decision/\(decisionId)" }
    /// The decision, the meeting and everyone recused.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.decision, decisionId, at: "/decisionId")
        Ref.to(.meeting, meetingId, at: "/meetingId")
        Ref.each(.person, recusals, at: "/recusals")
    }

    /// The interpreting proposal, approved by vote with one recusal.
    public static var example: DecisionRecorded {
        DecisionRecorded(
            decisionId: "dec-2026-009", meetingId: "mtg-amhepf-2026-03", outcome: .approved, method: .vote,
            tally: Tally(inFavour: 4, against: 0, abstained: 0),
            quorumSnapshot: QuorumSnapshot(present: 4, required: 4, met: true), ebePresentCount: 1, recusals: ["p-0009"],
            rationale: "Regional Forum members said they could not take part fully without interpreters.",
            ladderRung: .coProduction, reviewOn: "2027-03-31")
    }
}

/// A decision is passed to another body.
public struct DecisionReferred: EventPayload {
    /// `decision.referred`.
    public static let eventType = "decision.referred"
    /// Version 1.
    public static let typeVersion = 1
    /// Group D.
    public static let group = CatalogueGroup.meetings
    /// One line for `coledger types`.
    public static let summary = "A decision is passed to another body, with the reason."

    /// The decision.
    public var decisionId: EntityID
    /// The body it goes to.
    public var toBodyId: BodyID
    /// Why.
    public var reason: LongText

    /// Creates the payload.
    public init(decisionId: EntityID, toBodyId: BodyID, reason: LongText) {
        self.decisionId = decisionId
        self.toBodyId = toBodyId
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case decisionId, toBodyId, reason
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `decision/<decisionId>`.
    public var stream: String { "decision/\(decisionId)" }
    /// The decision and the body.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.decision, decisionId, at: "/decisionId")
        Ref.to(.body, toBodyId, at: "/toBodyId")
    }

    /// A spending decision goes up to the Equity and Inclusion Board.
    public static var example: DecisionReferred {
        DecisionReferred(
            decisionId: "dec-2026-011", toBodyId: "B-EIB", reason: "The cost is above the Practice Forum's delegated limit.")
    }
}

/// A decision is looked at again.
public struct DecisionReviewed: EventPayload {
    /// What the review concluded.
    public enum Result: String, CatalogueEnum {
        /// Kept as it was.
        case reaffirmed
        /// Changed.
        case varied
        /// Withdrawn.
        case rescinded
    }

    /// `decision.reviewed`.
    public static let eventType = "decision.reviewed"
    /// Version 1.
    public static let typeVersion = 1
    /// Group D.
    public static let group = CatalogueGroup.meetings
    /// One line for `coledger types`.
    public static let summary = "A decision is reviewed at a meeting: reaffirmed, varied or rescinded."

    /// The decision.
    public var decisionId: EntityID
    /// The outcome.
    public var result: Result
    /// The meeting (held earlier) where it was reviewed.
    public var meetingId: EntityID
    /// What changed, or why it stands.
    public var note: LongText?

    /// Creates the payload.
    public init(decisionId: EntityID, result: Result, meetingId: EntityID, note: LongText? = nil) {
        self.decisionId = decisionId
        self.result = result
        self.meetingId = meetingId
        self.note = note
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case decisionId, result, meetingId, note
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `decision/<decisionId>`.
    public var stream: String { "decision/\(decisionId)" }
    /// The decision and the meeting.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.decision, decisionId, at: "/decisionId")
        Ref.to(.meeting, meetingId, at: "/meetingId")
    }

    /// The interpreting decision, reviewed a year on.
    public static var example: DecisionReviewed {
        DecisionReviewed(
            decisionId: "dec-2026-009", result: .reaffirmed, meetingId: "mtg-amhepf-2027-03",
            note: "Attendance by community members at Regional Forums doubled; keep interpreting in place.")
    }
}
