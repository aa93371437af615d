import LedgerDomain

/// The contribution trace: contributions, the meetings and decisions that took them up, what
/// was decided and what they changed.
public enum TraceProjection: BatchProjection {
    /// `trace`.
    public static let name = "trace"
    /// 1.
    public static let version = 1
    /// Contributions, meetings held and decisions.
    public static let eventTypes: Set<String> = [
        ContributionRecorded.eventType, ContributionInfluenceTraced.eventType, ContributorNotified.eventType,
        MeetingHeld.eventType, DecisionProposed.eventType, DecisionRecorded.eventType,
    ]

    /// The contributions a run has read or changed, by id.
    public struct Memory {
        var contributions = RecordCache<ContributionRecord>()
    }

    /// Its tables.
    public typealias Tables = TraceTables

    /// Nothing held yet.
    public static func makeMemory() -> Memory { Memory() }

    /// Folds a chunk of events; the first event defining an id wins, references to unknown ids
    /// are kept (the trace reports them as they are). Contributions are kept in memory until
    /// ``flush(_:to:)``; everything else is written as it comes.
    public static func apply(_ events: [ProjectedEvent], to tables: TraceTables, memory: inout Memory) throws {
        for event in events { try fold(event, into: &memory.contributions, tables: tables) }
        try memory.contributions.flushIfFull(tables.save)
    }

    /// Writes the changed records.
    public static func flush(_ memory: inout Memory, to tables: TraceTables) throws {
        try memory.contributions.flush(tables.save)
    }

    static func fold(_ event: ProjectedEvent, into contributions: inout RecordCache<ContributionRecord>, tables: TraceTables) throws {
        switch event.payload {
        case let p as ContributionRecorded:
            guard try !contributions.contains(p.contributionId, load: tables.contribution) else { return }
            contributions.set(p.contributionId, ContributionRecord(
                contributionId: p.contributionId, personId: p.personId, bodyId: p.bodyId, meetingId: p.meetingId,
                kind: p.kind.rawValue, ladderRung: p.ladderRung.rawValue, topicRefs: p.topicRefs, hours: p.hours,
                occurredAt: event.occurredAt, index: event.index, hasPrivateContent: event.privateSubject != nil, notifiedAt: nil))
        case let p as ContributorNotified:
            guard var c = try contributions.get(p.contributionId, load: tables.contribution) else { return }
            c.notifiedAt = p.at
            contributions.set(c.contributionId, c)
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
