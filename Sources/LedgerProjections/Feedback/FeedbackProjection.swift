import LedgerDomain

/// The feedback loop: each piece of feedback, acknowledged, updated, answered, closed.
///
/// It keeps public fields only: the feedback text stays in the entry's private part, and
/// triage criticality and safeguarding flags (restricted) are not kept.
public enum FeedbackProjection: BatchProjection {
    /// `feedback`.
    public static let name = "feedback"
    /// 2 (version 2 added the published "you said, we did" list).
    public static let version = 2
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

    /// Folds one event, reading its payload's members by their names in group F's schemas.
    static func fold(_ event: ProjectedEvent, into items: inout RecordCache<FeedbackRecord>, tables: FeedbackTables) throws {
        guard let p = event.fields, let id = p.string("feedbackId") else { return }
        switch event.type {
        case FeedbackReceived.eventType:
            guard try !items.contains(id, load: tables.item) else { return }
            var f = FeedbackRecord(
                feedbackId: id, channel: p.string("channel") ?? "", receivedAt: p.string("receivedAt") ?? "", receivedIndex: event.index)
            f.serviceId = p.string("serviceId")
            f.regionId = p.string("regionId")
            f.bodyId = p.string("bodyId")
            f.anonymous = p.string("submitter") == FeedbackReceived.anonymous
            f.language = p.string("language") ?? ""
            f.consentToPublish = p.bool("consentToPublish") ?? false
            f.contactConsent = p.bool("contactConsent") ?? false
            f.hasPrivateText = event.privateSubject != nil
            items.set(id, f)
        case FeedbackAcknowledged.eventType:
            try items.update(id, load: tables.item) { f in
                if f.acknowledgedAt == nil {
                    f.acknowledgedAt = p.string("at")
                    f.ackMethod = p.string("method")
                }
            }
        case FeedbackTriaged.eventType:
            try items.update(id, load: tables.item) { $0.themes = p.strings("themes") ?? [] }
        case FeedbackLinked.eventType:
            let link = "\(p.string("targetType") ?? ""):\(p.string("targetId") ?? "")"
            try items.update(id, load: tables.item) { f in
                if !f.links.contains(link) { f.links.append(link) }
            }
        case FeedbackStatusUpdated.eventType:
            try items.update(id, load: tables.item) { f in
                f.lastUpdateAt = event.occurredAt
                f.lastUpdateStatus = p.string("status")
                f.lastUpdateNote = p.string("note")
            }
        case FeedbackResponded.eventType:
            try items.update(id, load: tables.item) { f in
                f.respondedAt = event.occurredAt
                f.respondedIndex = event.index
                // Version 2 seals the texts in the private part without consent to publish; a version 1
                // entry still carries them in its payload, and they are left out here all the same.
                f.publicSummary = f.consentToPublish ? p.string("publicSummary") : nil
                f.moderatedByRoleId = p.string("moderatedByRoleId")
                f.response = f.consentToPublish ? p.string("response") : nil
                f.changeStatus = p.string("changeStatus")
                f.changeDescription = p.string("changeDescription")
                f.reason = p.string("reason")
                f.actionRef = p.string("actionRef")
            }
        case SubmitterNotified.eventType:
            try items.update(id, load: tables.item) { $0.notifiedAt = p.string("at") }
        case FeedbackClosed.eventType:
            try items.update(id, load: tables.item) { f in
                f.closedAt = event.occurredAt
                f.closedIndex = event.index
                f.closeReason = p.string("reason")
            }
        default:
            return
        }
    }
}
