import LedgerDomain

/// The feedback loop: each piece of feedback, acknowledged, updated, answered, closed.
///
/// It keeps public fields only: the feedback text stays in the entry's private part, and
/// triage criticality and safeguarding flags (restricted) are not kept.
public enum FeedbackProjection: BatchProjection {
    /// `feedback`.
    public static let name = "feedback"
    /// 3 (version 2 added the published "you said, we did" list; 3 its region, service and
    /// themes, and the facets it is filtered by).
    public static let version = 3
    /// Group F.
    public static let eventTypes: Set<String> = [
        FeedbackReceived.eventType, FeedbackAcknowledged.eventType, FeedbackTriaged.eventType, FeedbackLinked.eventType,
        FeedbackStatusUpdated.eventType, FeedbackResponded.eventType, SubmitterNotified.eventType, FeedbackClosed.eventType,
    ]

    /// The items a run has read or changed, by id.
    public struct Memory {
        var items = RecordCache<FeedbackRecord>(limit: 60_000)
    }

    /// Its tables.
    public typealias Tables = FeedbackTables

    /// Nothing held yet.
    public static func makeMemory() -> Memory { Memory() }

    /// Folds a chunk of feedback events into the items in memory (written by ``flush(_:to:)``,
    /// or here when memory is full). The first `feedback.received` for an id defines it; events about unknown feedback
    /// are ignored; a later acknowledgement or response replaces an earlier one's fields except
    /// the first acknowledgement time, which the clock is judged on.
    public static func apply(_ events: [ProjectedEvent], to tables: FeedbackTables, memory: inout Memory) throws {
        for event in events { try fold(event, into: &memory.items, tables: tables) }
        try memory.items.flushIfFull(tables.save)
    }

    /// Writes the changed records.
    public static func flush(_ memory: inout Memory, to tables: FeedbackTables) throws {
        try memory.items.flush(tables.save)
    }

    /// It reads the members it keeps straight from the entries (``ProjectedEvent/fields``).
    public static let decodesPayloads = false

    /// Folds one event, reading its payload's members by the names of group F's payload types.
    static func fold(_ event: ProjectedEvent, into items: inout RecordCache<FeedbackRecord>, tables: FeedbackTables) throws {
        guard let p = event.fields, let id = p.string(FeedbackClosed.CodingKeys.feedbackId) else { return }
        switch event.type {
        case FeedbackReceived.eventType:
            typealias Key = FeedbackReceived.CodingKeys
            guard try !items.contains(id, load: tables.item) else { return }
            var f = FeedbackRecord(
                feedbackId: id, channel: p.string(Key.channel) ?? "", receivedAt: p.string(Key.receivedAt) ?? "",
                receivedIndex: event.index)
            f.serviceId = p.string(Key.serviceId)
            f.regionId = p.string(Key.regionId)
            f.bodyId = p.string(Key.bodyId)
            f.anonymous = p.string(Key.submitter) == FeedbackReceived.anonymous
            f.language = p.string(Key.language) ?? ""
            f.consentToPublish = p.bool(Key.consentToPublish) ?? false
            f.contactConsent = p.bool(Key.contactConsent) ?? false
            f.hasPrivateText = event.privateSubject != nil
            items.set(id, f)
        case FeedbackAcknowledged.eventType:
            typealias Key = FeedbackAcknowledged.CodingKeys
            try items.update(id, load: tables.item) { f in
                if f.acknowledgedAt == nil {
                    f.acknowledgedAt = p.string(Key.at)
                    f.ackMethod = p.string(Key.method)
                }
            }
        case FeedbackTriaged.eventType:
            try items.update(id, load: tables.item) { $0.themes = p.strings(FeedbackTriaged.CodingKeys.themes) ?? [] }
        case FeedbackLinked.eventType:
            typealias Key = FeedbackLinked.CodingKeys
            let link = "\(p.string(Key.targetType) ?? ""):\(p.string(Key.targetId) ?? "")"
            try items.update(id, load: tables.item) { f in
                if !f.links.contains(link) { f.links.append(link) }
            }
        case FeedbackStatusUpdated.eventType:
            typealias Key = FeedbackStatusUpdated.CodingKeys
            try items.update(id, load: tables.item) { f in
                f.lastUpdateAt = event.occurredAt
                f.lastUpdateStatus = p.string(Key.status)
                f.lastUpdateNote = p.string(Key.note)
            }
        case FeedbackResponded.eventType:
            typealias Key = FeedbackResponded.CodingKeys
            try items.update(id, load: tables.item) { f in
                f.respondedAt = event.occurredAt
                f.respondedIndex = event.index
                // Version 2 seals the texts in the private part without consent to publish; a version 1
                // entry still carries them in its payload, and they are left out here all the same.
                f.publicSummary = f.consentToPublish ? p.string(Key.publicSummary) : nil
                f.moderatedByRoleId = p.string(Key.moderatedByRoleId)
                f.response = f.consentToPublish ? p.string(Key.response) : nil
                f.changeStatus = p.string(Key.changeStatus)
                f.changeDescription = p.string(Key.changeDescription)
                f.reason = p.string(Key.reason)
                f.actionRef = p.string(Key.actionRef)
            }
        case SubmitterNotified.eventType:
            try items.update(id, load: tables.item) { $0.notifiedAt = p.string(SubmitterNotified.CodingKeys.at) }
        case FeedbackClosed.eventType:
            try items.update(id, load: tables.item) { f in
                f.closedAt = event.occurredAt
                f.closedIndex = event.index
                f.closeReason = p.string(FeedbackClosed.CodingKeys.reason)
            }
        default:
            return
        }
    }
}
