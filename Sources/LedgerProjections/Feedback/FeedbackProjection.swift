import LedgerDomain

/// The feedback loop: each piece of feedback, acknowledged, updated, answered, closed.
///
/// It keeps public fields only: the feedback text stays in the entry's private part, and
/// triage criticality and safeguarding flags (restricted) are not kept.
public enum FeedbackProjection: Projection {
    /// `feedback`.
    public static let name = "feedback"
    /// 1.
    public static let version = 1
    /// Group F.
    public static let eventTypes: Set<String> = [
        FeedbackReceived.eventType, FeedbackAcknowledged.eventType, FeedbackTriaged.eventType, FeedbackLinked.eventType,
        FeedbackStatusUpdated.eventType, FeedbackResponded.eventType, SubmitterNotified.eventType, FeedbackClosed.eventType,
    ]

    /// Folds one feedback event. The first `feedback.received` for an id defines it; events
    /// about unknown feedback are ignored; a later acknowledgement or response replaces an
    /// earlier one's fields except the first acknowledgement time, which the clock is judged on.
    public static func apply(_ event: ProjectedEvent, to tables: FeedbackTables) throws {
        if let p = event.payload(as: FeedbackReceived.self) {
            guard try tables.item(p.feedbackId) == nil else { return }
            var f = FeedbackRecord(feedbackId: p.feedbackId, channel: p.channel.rawValue, receivedAt: p.receivedAt, receivedIndex: event.index)
            f.serviceId = p.serviceId
            f.regionId = p.regionId
            f.bodyId = p.bodyId
            f.anonymous = p.submitter == FeedbackReceived.anonymous
            f.language = p.language
            f.consentToPublish = p.consentToPublish
            f.contactConsent = p.contactConsent
            f.hasPrivateText = event.privateSubject != nil
            try tables.save(f)
            return
        }
        guard let id = feedbackId(of: event), var f = try tables.item(id) else { return }
        if let p = event.payload(as: FeedbackAcknowledged.self) {
            if f.acknowledgedAt == nil {
                f.acknowledgedAt = p.at
                f.ackMethod = p.method.rawValue
            }
        } else if let p = event.payload(as: FeedbackTriaged.self) {
            f.themes = p.themes
        } else if let p = event.payload(as: FeedbackLinked.self) {
            let link = "\(p.targetType.rawValue):\(p.targetId)"
            if !f.links.contains(link) { f.links.append(link) }
        } else if let p = event.payload(as: FeedbackStatusUpdated.self) {
            f.lastUpdateAt = event.occurredAt
            f.lastUpdateStatus = p.status.rawValue
            f.lastUpdateNote = p.note
        } else if let p = event.payload(as: FeedbackResponded.self) {
            f.respondedAt = event.occurredAt
            f.respondedIndex = event.index
            f.publicSummary = p.publicSummary
            f.moderatedByRoleId = p.moderatedByRoleId
            f.response = p.response
            f.changeStatus = p.changeStatus.rawValue
            f.changeDescription = p.changeDescription
            f.reason = p.reason
            f.actionRef = p.actionRef
        } else if let p = event.payload(as: SubmitterNotified.self) {
            f.notifiedAt = p.at
        } else if let p = event.payload(as: FeedbackClosed.self) {
            f.closedAt = event.occurredAt
            f.closedIndex = event.index
            f.closeReason = p.reason.rawValue
        }
        try tables.save(f)
    }

    static func feedbackId(of event: ProjectedEvent) -> String? {
        switch event.payload {
        case let p as FeedbackAcknowledged: return p.feedbackId
        case let p as FeedbackTriaged: return p.feedbackId
        case let p as FeedbackLinked: return p.feedbackId
        case let p as FeedbackStatusUpdated: return p.feedbackId
        case let p as FeedbackResponded: return p.feedbackId
        case let p as SubmitterNotified: return p.feedbackId
        case let p as FeedbackClosed: return p.feedbackId
        default: return nil
        }
    }
}
