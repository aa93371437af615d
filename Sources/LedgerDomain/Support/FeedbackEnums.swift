/// Value lists of the feedback loop (catalogue group F).
public enum FeedbackVocabulary {
    /// How a piece of feedback reached the organisation.
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        /// A survey other than SUES.
        case survey
        /// The Service User Experience Survey (DF-3).
        case sues
        /// A regional or practice forum.
        case forum
        /// A culturally appropriate advocacy service (DF-6).
        case advocacyService = "advocacy_service"
        /// A formal complaint.
        case complaint
        /// Care Opinion.
        case careOpinion = "care_opinion"
        /// A staff exit interview (WF-4).
        case exitInterview = "exit_interview"
        /// A staff network such as REAL (LG-5).
        case staffNetwork = "staff_network"
        /// Said in person.
        case inPerson = "in_person"
        /// From a partner organisation.
        case partner
        /// A web form.
        case webForm = "web_form"
    }

    /// How a person was contacted (acknowledgements and notifications).
    public enum ContactMethod: String, Sendable, Hashable, Codable, CaseIterable {
        /// By email.
        case email
        /// By letter.
        case letter
        /// By telephone.
        case phone
        /// By text message.
        case textMessage = "text_message"
        /// In person.
        case inPerson = "in_person"
        /// Through an online account or portal.
        case online
        /// On a public "you said, we did" notice (the only way to reach an anonymous submitter).
        case publicNotice = "public_notice"
        /// Recorded only: the submitter is anonymous and left no way to reply.
        case anonymousNoContact = "anonymous_no_contact"
    }

    /// What came of a piece of feedback ("we did"): the one ``LedgerDomain/ChangeStatus``.
    public typealias ChangeStatus = LedgerDomain.ChangeStatus

    /// What a piece of feedback can be linked to.
    public enum LinkTarget: String, Sendable, Hashable, Codable, CaseIterable {
        /// An action (E).
        case action
        /// A decision (D).
        case decision
        /// A metric (H).
        case metric
        /// Another piece of feedback (related or duplicate).
        case feedback

        /// The entity kind of the target.
        public var kind: EntityKind {
            switch self {
            case .action: return .action
            case .decision: return .decision
            case .metric: return .metric
            case .feedback: return .feedback
            }
        }
    }

    /// Why a piece of feedback was closed.
    public enum CloseReason: String, Sendable, Hashable, Codable, CaseIterable {
        /// Responded to (FeedbackResponded recorded).
        case responded
        /// Duplicate of another item (link it with FeedbackLinked).
        case duplicate
        /// Withdrawn by the submitter.
        case withdrawn
        /// Outside what the plan covers.
        case outOfScope = "out_of_scope"
        /// Passed to another organisation, which answers it.
        case referredElsewhere = "referred_elsewhere"
        /// No response is possible (for example anonymous and too unspecific to act on).
        case noResponsePossible = "no_response_possible"
    }

    /// Where a piece of feedback stands between receipt and response (status updates, rule F-2).
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Being looked into.
        case underReview = "under_review"
        /// Waiting for a body's decision.
        case awaitingDecision = "awaiting_decision"
        /// An action is under way.
        case actionInProgress = "action_in_progress"
        /// Passed to another body.
        case referred
        /// Paused, with a note saying why.
        case onHold = "on_hold"
    }

    /// What a submitter was told about.
    public enum NotificationKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The response ("you said, we did").
        case response
        /// A progress update before the response.
        case statusUpdate = "status_update"
    }
}

/// Plan tags shared with groups A–E: the six PCREF competencies and the six pillars (DOMAIN.md 2.3, 2.5).
public enum TagVocabulary {
    /// The six PCREF competencies: the one ``LedgerDomain/Competency``.
    public typealias Competency = LedgerDomain.Competency

    /// The six pillars: the one ``LedgerDomain/Pillar``.
    public typealias Pillar = LedgerDomain.Pillar
}
