/// One piece of feedback as the feedback projection holds it: public fields only. Its text is
/// in the private part of its `feedback.received` entry (``receivedIndex``), read on demand.
public struct FeedbackRecord: Codable, Sendable, Equatable {
    /// The feedback id.
    public var feedbackId: String
    /// How it arrived.
    public var channel: String
    /// When it arrived (RFC 3339 UTC).
    public var receivedAt: String
    /// Log index of its `feedback.received` entry.
    public var receivedIndex: Int
    /// The service, region and body it is about or came through.
    public var serviceId: String?, regionId: String?, bodyId: String?
    /// Whether it was given anonymously.
    public var anonymous: Bool
    /// The language it was given in.
    public var language: String
    /// Whether a moderated summary may be published.
    public var consentToPublish: Bool
    /// Whether the submitter may be contacted about the outcome.
    public var contactConsent: Bool
    /// Whether its text is held privately (the entry has a private part).
    public var hasPrivateText: Bool
    /// Theme codes from triage.
    public var themes: [String]
    /// Links made, as `kind:id`.
    public var links: [String]
    /// When it was acknowledged, and how.
    public var acknowledgedAt: String?, ackMethod: String?
    /// The last progress update before a response: when, status and public note.
    public var lastUpdateAt: String?, lastUpdateStatus: String?, lastUpdateNote: String?
    /// When it was answered (occurredAt of `feedback.responded`) and the entry's index.
    public var respondedAt: String?, respondedIndex: Int?
    /// "You said": the moderated summary, and the role that moderated it.
    public var publicSummary: String?, moderatedByRoleId: String?
    /// "We did".
    public var response: String?
    /// change_made, change_planned, no_change_with_reason or referred.
    public var changeStatus: String?
    /// What changed or is planned, or why nothing changes.
    public var changeDescription: String?, reason: String?
    /// The action carrying the change.
    public var actionRef: String?
    /// When the submitter was last told about it.
    public var notifiedAt: String?
    /// When it was closed (occurredAt), the entry's index, and why.
    public var closedAt: String?, closedIndex: Int?, closeReason: String?

    /// A record for feedback just received.
    init(feedbackId: String, channel: String, receivedAt: String, receivedIndex: Int) {
        self.feedbackId = feedbackId
        self.channel = channel
        self.receivedAt = receivedAt
        self.receivedIndex = receivedIndex
        anonymous = false
        language = "und"
        consentToPublish = false
        contactConsent = false
        hasPrivateText = false
        themes = []
        links = []
    }
}
