import LedgerDomain

/// The contribution trace: contributions, the meetings and decisions that took them up, what
/// was decided and what they changed.
public enum TraceProjection: Projection {
    /// `trace`.
    public static let name = "trace"
    /// 1.
    public static let version = 1
    /// Contributions, meetings held and decisions.
    public static let eventTypes: Set<String> = [
        ContributionRecorded.eventType, ContributionInfluenceTraced.eventType, ContributorNotified.eventType,
        MeetingHeld.eventType, DecisionProposed.eventType, DecisionRecorded.eventType,
    ]

    /// Folds one event; the first event defining an id wins, references to unknown ids are kept
    /// (the trace reports them as they are).
    public static func apply(_ event: ProjectedEvent, to tables: TraceTables) throws {
        switch event.payload {
        case let p as ContributionRecorded:
            guard try tables.contribution(p.contributionId) == nil else { return }
            try tables.save(ContributionRecord(
                contributionId: p.contributionId, personId: p.personId, bodyId: p.bodyId, meetingId: p.meetingId,
                kind: p.kind.rawValue, ladderRung: p.ladderRung.rawValue, topicRefs: p.topicRefs, hours: p.hours,
                occurredAt: event.occurredAt, index: event.index, hasPrivateContent: event.privateSubject != nil, notifiedAt: nil))
        case let p as ContributorNotified:
            guard var c = try tables.contribution(p.contributionId) else { return }
            c.notifiedAt = p.at
            try tables.save(c)
        case let p as ContributionInfluenceTraced:
            try tables.append(InfluenceRecord(
                contributionId: p.contributionId, index: event.index, targetType: p.targetType.rawValue, targetId: p.targetId,
                influence: p.influence.rawValue, explanation: p.explanation, occurredAt: event.occurredAt))
        case let p as MeetingHeld:
            try tables.save(MeetingRecord(meetingId: p.meetingId.rawValue, bodyId: p.bodyId.rawValue, heldAt: event.occurredAt, index: event.index))
        case let p as DecisionProposed:
            guard try tables.decision(p.decisionId.rawValue) == nil else { return }
            try tables.save(DecisionRecord(
                decisionId: p.decisionId.rawValue, bodyId: p.bodyId.rawValue, title: p.title.rawValue, proposedAt: event.occurredAt,
                proposedIndex: event.index, inputs: p.inputs.map { "\($0.kind.rawValue):\($0.id.rawValue)" }))
        case let p as DecisionRecorded:
            try tables.append(DecisionOutcomeRecord(
                decisionId: p.decisionId.rawValue, index: event.index, outcome: p.outcome.rawValue, meetingId: p.meetingId.rawValue,
                rationale: p.rationale.rawValue, occurredAt: event.occurredAt))
        default:
            return
        }
    }
}
