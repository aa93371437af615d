public import LedgerDomain

// The daily-work requests (issue 11): triaging, linking and updating feedback, telling a
// submitter, a board update, approving minutes and registering a region.

/// Triage feedback: its themes, tags, criticality and owner (`feedback.triaged`).
extension FeedbackTriaged: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.themes.stringValue: "--theme", K.pillars.stringValue: "--pillar",
        K.competencies.stringValue: "--competency", K.criticality.stringValue: "--criticality",
        K.ownerRoleId.stringValue: "--owner",
    ]

    /// `Triaged feedback F-1 (criticality 3).`
    public func summary(of payload: FeedbackTriaged) -> String {
        "Triaged feedback \(feedbackId) (criticality \(criticality))."
    }
}

/// Link feedback to what it led to (`feedback.linked`).
extension FeedbackLinked: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.targetType.stringValue: "--to", K.targetId.stringValue: "--target",
    ]

    /// `Linked feedback F-1 to action LG-1.`
    public func summary(of payload: FeedbackLinked) -> String {
        "Linked feedback \(feedbackId) to \(targetType.rawValue) \(targetId)."
    }
}

/// Where feedback stands before it is answered (`feedback.status_updated`).
extension FeedbackStatusUpdated: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.feedbackId.stringValue: "--id", K.status.stringValue: "--status", K.note.stringValue: "--note",
    ]

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

/// The contributor was told how their input was used (`contribution.contributor_notified`);
/// when is the effective time.
public struct NotifyContributor: RecordingRequest {
    typealias K = ContributorNotified.CodingKeys
    /// The contribution id.
    public var contributionId: String
    /// How they were told.
    public var method: FeedbackVocabulary.ContactMethod?

    /// Creates the request.
    public init(contributionId: String, method: FeedbackVocabulary.ContactMethod?) {
        self.contributionId = contributionId
        self.method = method
    }

    /// The fields, by member.
    public static let fields = [K.contributionId.stringValue: "--id", K.method.stringValue: "--method"]

    /// The payload (`at` is the effective time).
    public func payload(from log: LogLookup, at time: String) throws -> ContributorNotified {
        .make(contributionId: contributionId, at: time, method: method)
    }

    /// `Recorded that the contributor of CON-1 was told (by email).`
    public func summary(of payload: ContributorNotified) -> String {
        "Recorded that the contributor of \(contributionId) was told\(method.map { " (by \($0.rawValue))" } ?? "")."
    }
}

/// An update on the plan given to a board (`board.update_given`, rule G-7).
extension BoardUpdateGiven: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.bodyId.stringValue: "--body", K.mode.stringValue: "--mode", K.paperHash.stringValue: "--paper-hash",
        K.metricsIncluded.stringValue: "--metric", K.meetingId.stringValue: "--meeting",
        K.givenByRoleId.stringValue: "--given-by",
    ]

    /// `Recorded a written update to B-TRUSTEES.`
    public func summary(of payload: BoardUpdateGiven) -> String { "Recorded a \(mode.rawValue) update to \(bodyId)." }
}

/// A meeting's minutes were approved at a later meeting (`minutes.approved`).
extension MinutesApproved: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.meetingId.stringValue: "--meeting", K.approvedAtMeetingId.stringValue: "--approved-at",
        K.minutesHash.stringValue: "--minutes-hash",
    ]

    /// `Recorded that the minutes of M-1 were approved at M-2.`
    public func summary(of payload: MinutesApproved) -> String {
        "Recorded that the minutes of \(meetingId) were approved at \(approvedAtMeetingId)."
    }
}

/// Register a region (`region.registered`).
extension RegionRegistered: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.regionId.stringValue: "--id", K.name.stringValue: "--name",
        K.servicesProvided.stringValue: "--services-provided",
    ]

    /// `Registered region NW (North West).`
    public func summary(of payload: RegionRegistered) -> String { "Registered region \(regionId) (\(name))." }
}
