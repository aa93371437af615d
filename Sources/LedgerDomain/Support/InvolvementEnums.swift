/// Value lists of contributions and recognition (catalogue group G).
public enum InvolvementVocabulary {
    /// The ladder of co-production: the one ``LedgerDomain/LadderRung`` every group uses.
    public typealias LadderRung = LedgerDomain.LadderRung

    /// What kind of input a contribution is.
    public enum ContributionKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Insight or advice.
        case insight
        /// Review of a draft, plan or service.
        case review
        /// Co-design work.
        case coDesign = "co_design"
        /// Co-chairing a meeting or body.
        case coChairing = "co_chairing"
        /// Taking part in an evaluation.
        case evaluation
        /// A lived-experience story (the story itself is sealed; publishing it needs consent).
        case story
    }

    /// How far a contribution shaped what it was traced to.
    public enum Influence: String, Sendable, Hashable, Codable, CaseIterable {
        /// Taken up as proposed.
        case adopted
        /// Taken up with changes.
        case adapted
        /// Considered and not taken up (the explanation says why).
        case consideredNotAdopted = "considered_not_adopted"
    }

    /// What a contribution's influence can be traced to.
    public enum InfluenceTarget: String, Sendable, Hashable, Codable, CaseIterable {
        /// A decision.
        case decision
        /// An action.
        case action
        /// A plan (version).
        case plan
        /// A metric definition.
        case metric
        /// A coproduced service plan.
        case servicePlan = "service_plan"
        /// A published report.
        case report

        /// The entity kind of the target.
        public var kind: EntityKind {
            switch self {
            case .decision: return .decision
            case .action: return .action
            case .plan: return .plan
            case .metric: return .metric
            case .servicePlan: return .servicePlan
            case .report: return .report
            }
        }
    }

    /// Where an involvement payment or other recognition stands (amounts stay outside the ledger).
    public enum RecognitionStatus: String, Sendable, Hashable, Codable, CaseIterable {
        /// Offered, no answer yet (rule C-6 watches how long this lasts).
        case offered
        /// Accepted by the contributor.
        case accepted
        /// Declined by the contributor.
        case declined
        /// Paid (through payroll or the expenses system named by externalRef).
        case paid
        /// Waived by the contributor (for example to protect benefits).
        case waived
    }
}
