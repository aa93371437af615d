/// One decision in the register.
public struct DecisionRegisterEntry: Codable, Sendable, Equatable {
    /// The decision id.
    public var decisionId: String
    /// The day of its latest recorded outcome, or of its proposal while undecided (`YYYY-MM-DD`).
    public var date: String
    /// The body it was put to.
    public var bodyId: String
    /// Its title.
    public var title: String
    /// Its latest outcome (approved, rejected, deferred, amended, referred), or `pending`.
    public var outcome: String
    /// The latest review's result (reaffirmed, varied, rescinded), if it was reviewed.
    public var reviewed: String?
    /// The meeting of its latest recorded outcome.
    public var meetingId: String?
    /// Log index of its proposal.
    public var proposedIndex: Int
    /// Log index of its latest recorded outcome.
    public var recordedIndex: Int?
    /// Experts by Experience present for it, from attendance less the recused (nil while
    /// undecided or when the meeting's attendance is not in the log).
    public var ebePresent: Int?
    /// Whether the body's Expert-by-Experience rule was met for it.
    public var ebeMet: Bool?
    /// Whether it was quorate, from attendance less the recused (nil when unknown).
    public var quorumMet: Bool?
    /// What the recorder claimed: Experts by Experience present and quorate.
    public var recordedEbePresent: Int?, recordedQuorumMet: Bool?
    /// Where the record and attendance disagree, in words.
    public var disagreements: [String]
}

/// The answer to `coledger decisions`: the decision register.
public struct DecisionRegister: Codable, Sendable, Equatable {
    /// The body asked about, if any.
    public var bodyId: String?
    /// Every decision proposed (to the body), in the order proposed.
    public var decisions: [DecisionRegisterEntry]
    /// Decided with no Expert by Experience present.
    public var withoutEbE: [String]
    /// Decided without a quorum (from attendance).
    public var notQuorate: [String]
    /// Whose record disagrees with attendance.
    public var withDisagreements: [String]
    /// Log entries folded.
    public var entriesFolded: Int

    init(bodyId: String?, decisions: [DecisionRegisterEntry], entriesFolded: Int) {
        self.bodyId = bodyId
        self.decisions = decisions
        withoutEbE = decisions.filter { $0.ebePresent == 0 }.map(\.decisionId)
        notQuorate = decisions.filter { $0.quorumMet == false }.map(\.decisionId)
        withDisagreements = decisions.filter { !$0.disagreements.isEmpty }.map(\.decisionId)
        self.entriesFolded = entriesFolded
    }

    /// Only the decisions dated (``DecisionRegisterEntry/date``) from `since` to `until`
    /// inclusive (`YYYY-MM-DD`, either may be nil), with the lists worked out again from them.
    public func dated(since: String?, until: String?) -> DecisionRegister {
        let kept = decisions.filter { d in
            let day = d.date.prefix(10)
            return (since.map { day >= $0 } ?? true) && (until.map { day <= $0 } ?? true)
        }
        return DecisionRegister(bodyId: bodyId, decisions: kept, entriesFolded: entriesFolded)
    }
}

extension DecisionRegisterEntry {
    init(_ p: ProposalRecord, records: [DecisionEventRecord], presence: [DecisionPresence]) {
        let recorded = records.last { $0.type == "decision.recorded" }
        let outcomes = records.filter { $0.type != "decision.reviewed" }
        let presenceNow = recorded.flatMap { r in presence.last { $0.index == r.index } }
        decisionId = p.decisionId
        date = String((recorded?.occurredAt ?? p.occurredAt).prefix(10))
        bodyId = p.bodyId
        title = p.title
        outcome = outcomes.last?.outcome ?? "pending"
        reviewed = records.last { $0.type == "decision.reviewed" }?.outcome
        meetingId = recorded?.meetingId
        proposedIndex = p.index
        recordedIndex = recorded?.index
        ebePresent = presenceNow?.computed?.ebe.present
        ebeMet = presenceNow?.computed?.ebe.met
        quorumMet = presenceNow?.computed?.quorum?.met
        recordedEbePresent = presenceNow?.recorded.ebePresent
        recordedQuorumMet = presenceNow?.recorded.quorumMet
        disagreements = presenceNow?.disagreements ?? []
    }
}
