public import LedgerDomain

// The daily-work requests (issue 11): triaging, linking and updating feedback, telling a
// submitter, a board update, approving minutes and registering a region.

/// Triage feedback: its themes, tags, criticality and owner (`feedback.triaged`).
public struct TriageFeedback: RecordingRequest {
    typealias K = FeedbackTriaged.CodingKeys
    /// The feedback id.
    public var feedbackId: String
    /// Themes, e.g. `interpreters`.
    public var themes: [String]
    /// Pillars.
    public var pillars: [TagVocabulary.Pillar]
    /// Competencies.
    public var competencies: [TagVocabulary.Competency]
    /// 1 (low) to 5.
    public var criticality: Int
    /// Whether it raises a safeguarding concern.
    public var safeguarding: Bool
    /// The role that owns it.
    public var ownerRoleId: String?

    /// Creates the request.
    public init(
        feedbackId: String, themes: [String] = [], pillars: [TagVocabulary.Pillar] = [],
        competencies: [TagVocabulary.Competency] = [],
        criticality: Int, safeguarding: Bool = false, ownerRoleId: String? = nil
    ) {
        self.feedbackId = feedbackId
        self.themes = themes
        self.pillars = pillars
        self.competencies = competencies
        self.criticality = criticality
        self.safeguarding = safeguarding
        self.ownerRoleId = ownerRoleId
    }

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.themes.stringValue: "--theme", K.pillars.stringValue: "--pillar",
        K.competencies.stringValue: "--competency", K.criticality.stringValue: "--criticality",
        K.ownerRoleId.stringValue: "--owner",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> FeedbackTriaged {
        .make(
            feedbackId: feedbackId, themes: themes, pillars: pillars, competencies: competencies,
            criticality: criticality,
            safeguardingFlag: safeguarding, ownerRoleId: ownerRoleId)
    }

    /// `Triaged feedback F-1 (criticality 3).`
    public func summary(of payload: FeedbackTriaged) -> String {
        "Triaged feedback \(feedbackId) (criticality \(criticality))."
    }
}

/// Link feedback to what it led to (`feedback.linked`).
public struct LinkFeedback: RecordingRequest {
    typealias K = FeedbackLinked.CodingKeys
    /// The feedback id.
    public var feedbackId: String
    /// What it is linked to.
    public var targetType: FeedbackVocabulary.LinkTarget
    /// The id of what it is linked to.
    public var targetId: String

    /// Creates the request.
    public init(feedbackId: String, targetType: FeedbackVocabulary.LinkTarget, targetId: String) {
        self.feedbackId = feedbackId
        self.targetType = targetType
        self.targetId = targetId
    }

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.targetType.stringValue: "--to", K.targetId.stringValue: "--target",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> FeedbackLinked {
        .make(feedbackId: feedbackId, targetType: targetType, targetId: targetId)
    }

    /// `Linked feedback F-1 to action LG-1.`
    public func summary(of payload: FeedbackLinked) -> String {
        "Linked feedback \(feedbackId) to \(targetType.rawValue) \(targetId)."
    }
}

/// Where feedback stands before it is answered (`feedback.status_updated`).
public struct UpdateFeedbackStatus: RecordingRequest {
    typealias K = FeedbackStatusUpdated.CodingKeys
    /// The feedback id.
    public var feedbackId: String
    /// Its status.
    public var status: FeedbackVocabulary.Status
    /// A note (no personal data).
    public var note: String?

    /// Creates the request.
    public init(feedbackId: String, status: FeedbackVocabulary.Status, note: String? = nil) {
        self.feedbackId = feedbackId
        self.status = status
        self.note = note
    }

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.status.stringValue: "--status", K.note.stringValue: "--note",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> FeedbackStatusUpdated {
        .make(feedbackId: feedbackId, status: status, note: note)
    }

    /// `Feedback F-1 is now in_review.`
    public func summary(of payload: FeedbackStatusUpdated) -> String {
        "Feedback \(feedbackId) is now \(status.rawValue)."
    }
}

/// The submitter was told of the answer or of progress (`feedback.submitter_notified`, rule F-4);
/// when is the effective time.
public struct NotifySubmitter: RecordingRequest {
    typealias K = SubmitterNotified.CodingKeys
    /// The feedback id.
    public var feedbackId: String
    /// How they were told.
    public var method: FeedbackVocabulary.ContactMethod
    /// Of what.
    public var kind: FeedbackVocabulary.NotificationKind

    /// Creates the request.
    public init(feedbackId: String, method: FeedbackVocabulary.ContactMethod, kind: FeedbackVocabulary.NotificationKind)
    {
        self.feedbackId = feedbackId
        self.method = method
        self.kind = kind
    }

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.method.stringValue: "--method", K.kind.stringValue: "--kind",
    ]

    /// The payload (`at` is the effective time).
    public func payload(from log: LogLookup, at time: String) throws -> SubmitterNotified {
        .make(feedbackId: feedbackId, at: time, method: method, kind: kind)
    }

    /// `Recorded that the submitter of F-1 was told (response, by email).`
    public func summary(of payload: SubmitterNotified) -> String {
        "Recorded that the submitter of \(feedbackId) was told (\(kind.rawValue), by \(method.rawValue))."
    }
}

/// An update on the plan given to a board (`board.update_given`, rule G-7).
public struct GiveBoardUpdate: RecordingRequest {
    typealias K = BoardUpdateGiven.CodingKeys
    /// The board.
    public var bodyId: String
    /// Verbal or written.
    public var mode: ReportingVocabulary.UpdateMode
    /// The paper's digest, `sha256:<hex>` (required for a written update).
    public var paperHash: String?
    /// Metrics reported.
    public var metricsIncluded: [String]
    /// The meeting it was given at.
    public var meetingId: String?
    /// The role that gave it.
    public var givenByRoleId: String?

    /// Creates the request.
    public init(
        bodyId: String, mode: ReportingVocabulary.UpdateMode, paperHash: String? = nil, metricsIncluded: [String] = [],
        meetingId: String? = nil, givenByRoleId: String? = nil
    ) {
        self.bodyId = bodyId
        self.mode = mode
        self.paperHash = paperHash
        self.metricsIncluded = metricsIncluded
        self.meetingId = meetingId
        self.givenByRoleId = givenByRoleId
    }

    /// The fields, by member.
    public static let fields = [
        K.bodyId.stringValue: "--body", K.mode.stringValue: "--mode", K.paperHash.stringValue: "--paper-hash",
        K.metricsIncluded.stringValue: "--metric", K.meetingId.stringValue: "--meeting",
        K.givenByRoleId.stringValue: "--given-by",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> BoardUpdateGiven {
        .make(
            bodyId: bodyId, mode: mode, paperHash: paperHash, metricsIncluded: metricsIncluded, meetingId: meetingId,
            givenByRoleId: givenByRoleId)
    }

    /// `Recorded a written update to B-TRUSTEES.`
    public func summary(of payload: BoardUpdateGiven) -> String { "Recorded a \(mode.rawValue) update to \(bodyId)." }
}

/// A meeting's minutes were approved at a later meeting (`minutes.approved`).
public struct ApproveMinutes: RecordingRequest {
    typealias K = MinutesApproved.CodingKeys
    /// The meeting the minutes are of.
    public var meetingId: EntityID
    /// The meeting that approved them.
    public var approvedAtMeetingId: EntityID
    /// The minutes' digest.
    public var minutesHash: DocHash

    /// Creates the request.
    public init(meetingId: EntityID, approvedAtMeetingId: EntityID, minutesHash: DocHash) {
        self.meetingId = meetingId
        self.approvedAtMeetingId = approvedAtMeetingId
        self.minutesHash = minutesHash
    }

    /// The fields, by member.
    public static let fields = [
        K.meetingId.stringValue: "--meeting", K.approvedAtMeetingId.stringValue: "--approved-at",
        K.minutesHash.stringValue: "--minutes-hash",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> MinutesApproved {
        MinutesApproved(meetingId: meetingId, minutesHash: minutesHash, approvedAtMeetingId: approvedAtMeetingId)
    }

    /// `Recorded that the minutes of M-1 were approved at M-2.`
    public func summary(of payload: MinutesApproved) -> String {
        "Recorded that the minutes of \(meetingId) were approved at \(approvedAtMeetingId)."
    }
}

/// Register a region (`region.registered`).
public struct RegisterRegion: RecordingRequest {
    typealias K = RegionRegistered.CodingKeys
    /// The region id, e.g. `NW`.
    public var regionId: EntityID
    /// Its name.
    public var name: ShortText
    /// Whether the trust provides services there.
    public var servicesProvided: Bool

    /// Creates the request.
    public init(regionId: EntityID, name: ShortText, servicesProvided: Bool = true) {
        self.regionId = regionId
        self.name = name
        self.servicesProvided = servicesProvided
    }

    /// The fields, by member.
    public static let fields = [
        K.regionId.stringValue: "--id", K.name.stringValue: "--name",
        K.servicesProvided.stringValue: "--services-provided",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> RegionRegistered {
        RegionRegistered(regionId: regionId, name: name, servicesProvided: servicesProvided)
    }

    /// `Registered region NW (North West).`
    public func summary(of payload: RegionRegistered) -> String { "Registered region \(regionId) (\(name))." }
}
