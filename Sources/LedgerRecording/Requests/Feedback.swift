import LedgerCore
public import LedgerDomain

// The feedback loop, "you said, we did" (group F), and contributions (group G): receiving,
// acknowledging, answering and closing feedback (the CLI's verbs and the portal's public form),
// recording a contribution and tracing what it influenced.

/// Feedback arrived (`feedback.received`): the choices go in the payload, what the person wrote
/// (the feedback, and from the web form a name, contact details and access needs) in the private
/// part, under subject `person/<submitter>`, or `feedback/<id>` when the submitter is anonymous.
/// A request of its own: it carries a private part, and its payload restates the effective time.
public struct ReceiveFeedback: RecordingRequest {
    typealias K = FeedbackReceived.CodingKeys
    /// The feedback id, e.g. `F-2026-0001`.
    public var feedbackId: String
    /// How it arrived.
    public var channel: FeedbackVocabulary.Channel
    /// The submitter's pseudonym, or ``FeedbackReceived/anonymous``.
    public var submitter: String
    /// The language it was given in (BCP 47).
    public var language: String
    /// The submitter agreed to a moderated summary being published.
    public var consentToPublish: Bool
    /// The submitter agreed to be contacted about the outcome (rule F-4).
    public var contactConsent: Bool
    /// The service it is about.
    public var serviceId: String?
    /// The region it is about.
    public var regionId: String?
    /// The body it came through.
    public var bodyId: String?
    /// The format to answer in.
    public var accessibleFormat: ReportingVocabulary.AccessibleFormat?
    /// The event id of the submitter's equality monitoring record.
    public var equalityRef: String?
    /// The lawful basis the private part is held under (rule P-1).
    public var lawfulBasisRef: String?
    /// The feedback itself (private).
    public var text: String?
    /// The submitter's name, when they gave one (private).
    public var name: String?
    /// How to contact them, when they agreed to be contacted (private).
    public var contact: String?
    /// Access needs they described (private).
    public var accessNeeds: String?

    /// Creates the request.
    public init(
        feedbackId: String, channel: FeedbackVocabulary.Channel, submitter: String = FeedbackReceived.anonymous,
        language: String = "en", consentToPublish: Bool = false, contactConsent: Bool = false,
        serviceId: String? = nil, regionId: String? = nil, bodyId: String? = nil,
        accessibleFormat: ReportingVocabulary.AccessibleFormat? = nil, equalityRef: String? = nil,
        lawfulBasisRef: String? = nil, text: String? = nil, name: String? = nil, contact: String? = nil,
        accessNeeds: String? = nil
    ) {
        self.feedbackId = feedbackId
        self.channel = channel
        self.submitter = submitter
        self.language = language
        self.consentToPublish = consentToPublish
        self.contactConsent = contactConsent
        self.serviceId = serviceId
        self.regionId = regionId
        self.bodyId = bodyId
        self.accessibleFormat = accessibleFormat
        self.equalityRef = equalityRef
        self.lawfulBasisRef = lawfulBasisRef
        self.text = text
        self.name = name
        self.contact = contact
        self.accessNeeds = accessNeeds
    }

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.channel.stringValue: "--channel", K.submitter.stringValue: "--submitter",
        K.language.stringValue: "--language", K.serviceId.stringValue: "--service", K.regionId.stringValue: "--region",
        K.bodyId.stringValue: "--body", K.accessibleFormat.stringValue: "--accessible-format",
        K.equalityRef.stringValue: "--equality-ref", K.lawfulBasisRef.stringValue: "--lawful-basis",
    ]

    /// The payload (`receivedAt` is the effective time).
    public func payload(from log: LogLookup, at time: String) throws -> FeedbackReceived {
        .make(
            feedbackId: feedbackId, channel: channel, receivedAt: time, serviceId: serviceId, regionId: regionId,
            bodyId: bodyId, submitter: submitter, language: language, accessibleFormat: accessibleFormat,
            consentToPublish: consentToPublish, contactConsent: contactConsent, equalityRef: equalityRef,
            lawfulBasisRef: lawfulBasisRef)
    }

    /// `Received feedback F-1 by survey.`
    public func summary(of payload: FeedbackReceived) -> String {
        "Received feedback \(feedbackId) by \(channel.rawValue)."
    }

    /// What the person wrote, under the submitter's subject (the feedback's own when anonymous).
    public func privatePart(from log: LogLookup) -> PrivatePart? {
        let data = [("text", text), ("name", name), ("contact", contact), ("accessNeeds", accessNeeds)]
        let subject = submitter == FeedbackReceived.anonymous ? "feedback/\(feedbackId)" : "person/\(submitter)"
        return PrivatePart(
            subject: subject,
            data: Dictionary(uniqueKeysWithValues: data.compactMap { key, value in value.map { (key, .string($0)) } }))
    }
}

/// Receipt of feedback was acknowledged (`feedback.acknowledged`, rule F-1). A request of its
/// own because its payload restates the effective time, which only the recorder knows.
public struct AcknowledgeFeedback: RecordingRequest {
    typealias K = FeedbackAcknowledged.CodingKeys
    /// The feedback id.
    public var feedbackId: String
    /// How.
    public var method: FeedbackVocabulary.ContactMethod

    /// Creates the request.
    public init(feedbackId: String, method: FeedbackVocabulary.ContactMethod) {
        self.feedbackId = feedbackId
        self.method = method
    }

    /// The fields, by member.
    public static let fields = [K.feedbackId.stringValue: "--id", K.method.stringValue: "--method"]

    /// The payload (`at` is the effective time).
    public func payload(from log: LogLookup, at time: String) throws -> FeedbackAcknowledged {
        .make(feedbackId: feedbackId, at: time, method: method)
    }

    /// `Acknowledged feedback F-1 by email.`
    public func summary(of payload: FeedbackAcknowledged) -> String {
        "Acknowledged feedback \(feedbackId) by \(method.rawValue)."
    }
}

/// Feedback was answered: "you said", "we did" and what changed (`feedback.responded`). The log
/// is looked up for the feedback's consent to publish: without it, the two texts are sealed in
/// the private part under the feedback's private subject, with its lawful basis, never in the
/// public payload (rule P-1).
public struct RespondToFeedback: RecordingRequest {
    typealias K = FeedbackResponded.CodingKeys
    /// The answer as given, with both texts in it; ``payload(from:at:)`` seals them when it must.
    public var response: FeedbackResponded

    /// Creates the request.
    public init(
        feedbackId: String, youSaid: String, weDid: String, changeStatus: FeedbackVocabulary.ChangeStatus,
        changeDescription: String? = nil, reason: String? = nil, actionRef: String? = nil, moderatedByRoleId: String
    ) {
        response = .make(
            feedbackId: feedbackId, publicSummary: youSaid, moderatedByRoleId: moderatedByRoleId, response: weDid,
            changeStatus: changeStatus, changeDescription: changeDescription, reason: reason, actionRef: actionRef)
    }

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.publicSummary.stringValue: "--you-said", K.response.stringValue: "--we-did",
        K.changeStatus.stringValue: "--change", K.changeDescription.stringValue: "--change-description",
        K.reason.stringValue: "--reason", K.actionRef.stringValue: "--action",
        K.moderatedByRoleId.stringValue: "--moderated-by",
    ]

    /// The feedback as received, when it is in the log.
    private func received(in log: LogLookup) throws -> (event: Event, payload: FeedbackReceived)? {
        try log.latest(FeedbackReceived.self, stream: "feedback/\(response.feedbackId)")
    }

    /// The answer, its texts sealed when the submitter did not consent to publication.
    public func payload(from log: LogLookup, at time: String) throws -> FeedbackResponded {
        guard let received = try received(in: log), !received.payload.consentToPublish else { return response }
        return response.sealingConsentedTexts(lawfulBasisRef: received.payload.lawfulBasis).payload
    }

    /// The sealed texts, when the payload leaves them out (``payload(from:at:)``).
    public func privatePart(from log: LogLookup) throws -> PrivatePart? {
        guard let received = try received(in: log), !received.payload.consentToPublish else { return nil }
        let texts = response.sealingConsentedTexts(lawfulBasisRef: nil).texts
        return PrivatePart(
            subject: received.event.privatePart?.subject ?? "feedback/\(response.feedbackId)",
            data: texts.mapValues(JSONValue.string))
    }

    /// `Responded to feedback F-1 (change_made).`
    public func summary(of payload: FeedbackResponded) -> String {
        "Responded to feedback \(response.feedbackId) (\(response.changeStatus.rawValue))."
    }
}

/// The person who gave a piece of feedback replied to it (`feedback.reply_received`): the reply's
/// text goes in the private part under the feedback's own subject (where what they first wrote
/// is), held under the feedback's lawful basis, so erasing that subject erases the reply too.
public struct ReplyToFeedback: RecordingRequest {
    typealias K = FeedbackReplyReceived.CodingKeys
    /// The feedback id.
    public var feedbackId: String
    /// How the reply arrived.
    public var channel: FeedbackVocabulary.Channel
    /// What they wrote (private).
    public var text: String

    /// Creates the request.
    public init(feedbackId: String, channel: FeedbackVocabulary.Channel, text: String) {
        self.feedbackId = feedbackId
        self.channel = channel
        self.text = text
    }

    /// The fields, by member.
    public static let fields = [K.feedbackId.stringValue: "--id", K.channel.stringValue: "--channel"]

    /// The feedback as received, when it is in the log.
    private func received(in log: LogLookup) throws -> (event: Event, payload: FeedbackReceived)? {
        try log.latest(FeedbackReceived.self, stream: "feedback/\(feedbackId)")
    }

    /// The payload, with the feedback's lawful basis.
    public func payload(from log: LogLookup, at time: String) throws -> FeedbackReplyReceived {
        .make(feedbackId: feedbackId, channel: channel, lawfulBasisRef: try received(in: log)?.payload.lawfulBasis)
    }

    /// The reply, under the feedback's private subject.
    public func privatePart(from log: LogLookup) throws -> PrivatePart? {
        let subject = try received(in: log)?.event.privatePart?.subject ?? "feedback/\(feedbackId)"
        return PrivatePart(subject: subject, data: ["text": .string(text)])
    }

    /// `Recorded a reply to feedback F-1.`
    public func summary(of payload: FeedbackReplyReceived) -> String { "Recorded a reply to feedback \(feedbackId)." }
}

/// Feedback that needs nothing more was closed (`feedback.closed`): its own request.
extension FeedbackClosed: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.reason.stringValue: "--reason", K.note.stringValue: "--note",
    ]

    /// `Closed feedback F-1 (responded).`
    public func summary(of payload: FeedbackClosed) -> String {
        "Closed feedback \(feedbackId) (\(reason.rawValue))."
    }
}

/// A person's input through a body or meeting was recorded (`contribution.recorded`); its
/// content goes in the private part under `person/<person>`. A request of its own because it
/// carries a private part.
public struct RecordContribution: RecordingRequest {
    typealias K = ContributionRecorded.CodingKeys
    /// The payload.
    public var contribution: ContributionRecorded
    /// The input itself (private).
    public var content: String?

    /// Creates the request.
    public init(_ contribution: ContributionRecorded, content: String? = nil) {
        self.contribution = contribution
        self.content = content
    }

    /// The fields, by member (`bodyId` is refused when neither a body nor a meeting is given).
    public static let fields = [
        K.contributionId.stringValue: "--id", K.personId.stringValue: "--person",
        K.bodyId.stringValue: "--body/--meeting", K.meetingId.stringValue: "--meeting", K.kind.stringValue: "--kind",
        K.ladderRung.stringValue: "--rung", K.topicRefs.stringValue: "--topic", K.hours.stringValue: "--hours",
        K.lawfulBasisRef.stringValue: "--lawful-basis",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> ContributionRecorded { contribution }

    /// `Recorded contribution CON-1 by p-0001.`
    public func summary(of payload: ContributionRecorded) -> String {
        "Recorded contribution \(contribution.contributionId) by \(contribution.personId)."
    }

    /// The content, under the contributor's subject.
    public func privatePart(from log: LogLookup) -> PrivatePart? {
        PrivatePart(
            subject: "person/\(contribution.personId)", data: content.map { ["content": .string($0)] } ?? [:])
    }
}

/// A contribution was traced to what it shaped, or why it was not adopted
/// (`contribution.influence_traced`, rule C-1): its own request.
extension ContributionInfluenceTraced: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member (the target is given as `TYPE:ID`).
    public static let fields = [
        K.contributionId.stringValue: "--id", K.targetType.stringValue: "--target", K.targetId.stringValue: "--target",
        K.influence.stringValue: "--influence", K.explanation.stringValue: "--explanation",
    ]

    /// `Traced contribution CON-1 to decision:D-1 (adapted).`
    public func summary(of payload: ContributionInfluenceTraced) -> String {
        "Traced contribution \(contributionId) to \(targetType.rawValue):\(targetId) (\(influence.rawValue))."
    }
}
