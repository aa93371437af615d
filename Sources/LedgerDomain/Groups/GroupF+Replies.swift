/// `feedback.reply_received`: the person who gave a piece of feedback added a reply to it (from
/// its status page); what they wrote is sealed in the private part, under the feedback's subject.
public struct FeedbackReplyReceived: EventPayload {
    /// `feedback.reply_received`
    public static let eventType = "feedback.reply_received"
    /// 1
    public static let typeVersion = 1
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "The submitter replied to their own feedback; the reply is sealed (private part)"
    /// The reply's text is personal data.
    public static var privateFields: [String] { ["text"] }
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The feedback id.
    public var feedbackId: String
    /// How the reply arrived.
    public var channel: FeedbackVocabulary.Channel
    /// The lawful basis the sealed text is held under (rule P-1), e.g. `LB-ART9-2H`.
    public var lawfulBasisRef: String?
    /// The lawful basis for the private part (``EventPayload/lawfulBasis``).
    public var lawfulBasis: String? { lawfulBasisRef }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case feedbackId, channel, lawfulBasisRef }

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// The feedback item.
    public var references: [EntityReference] { [EntityReference(.feedback, feedbackId, at: "/feedbackId")] }

    /// A reply from the web form's status page.
    public static var example: Self {
        FeedbackReplyReceived(feedbackId: "F-2026-0001", channel: .webForm, lawfulBasisRef: "LB-ART9-2H")
    }

    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(feedbackId: String, channel: FeedbackVocabulary.Channel, lawfulBasisRef: String?) -> Self {
        Self(feedbackId: feedbackId, channel: channel, lawfulBasisRef: lawfulBasisRef)
    }
}

extension FeedbackReplyReceived {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        channel = try c.fk(.channel)
        lawfulBasisRef = try c.fkStringIfPresent(.lawfulBasisRef, .id)
    }
}
