import LedgerDomain

/// Decisions with their provenance: each proposal with what it cites, what became of it
/// (recorded, referred, reviewed), the actions it created or changed and their status now, and
/// — so that provenance can name every entry's signer and prove it without reading the whole
/// log — where each cited entity was defined and where each signing key was registered.
///
/// Who was present at a decision comes from the ``GovernanceProjection``, at query time.
public enum DecisionsProjection: Projection {
    /// `decisions`.
    public static let name = "decisions"
    /// 2: a recorded decision's tally, ladder rung and review date.
    public static let version = 2

    /// Catalogue types that define something a proposal can cite (feedback, contributions,
    /// reports, reviews, …).
    static let definingTypes: Set<String> = {
        var types: Set<String> = [PlanVersionPublished.eventType]
        for t in Catalogue.all where t.example.defines != nil { types.insert(t.eventType) }
        return types
    }()

    /// Decisions, actions, key registrations and everything a proposal can cite.
    public static let eventTypes: Set<String> = definingTypes.union([
        DecisionProposed.eventType, DecisionRecorded.eventType, DecisionReferred.eventType, DecisionReviewed.eventType,
        ActionCreated.eventType, ActionStatusChanged.eventType, KeyRegistered.eventType, LedgerGenesis.eventType,
    ])

    /// Folds one event; the first event defining an id wins.
    public static func apply(_ event: ProjectedEvent, to tables: DecisionTables) throws {
        if let defined = event.payload?.defines {
            try tables.define(kind: defined.kind.rawValue, id: defined.id, at: event.index)
        }
        switch event.payload {
        case let p as DecisionProposed:
            guard try tables.proposal(p.decisionId.rawValue) == nil else { return }
            try tables.save(ProposalRecord(
                decisionId: p.decisionId.rawValue, bodyId: p.bodyId.rawValue, title: p.title.rawValue, proposer: p.proposer.rawValue,
                index: event.index, occurredAt: event.occurredAt, inputs: p.inputs.map { CitedRef(kind: $0.kind.rawValue, id: $0.id.rawValue) }))
        case let p as DecisionRecorded:
            try tables.append(DecisionEventRecord(
                decisionId: p.decisionId.rawValue, index: event.index, type: event.type, meetingId: p.meetingId.rawValue,
                outcome: p.outcome.rawValue, method: p.method.rawValue, detail: p.rationale.rawValue, occurredAt: event.occurredAt,
                tally: p.tally.map { .init(inFavour: $0.inFavour.value, against: $0.against.value, abstained: $0.abstained.value) },
                ladderRung: p.ladderRung.rawValue, reviewOn: p.reviewOn?.rawValue))
        case let p as DecisionReferred:
            try tables.append(DecisionEventRecord(
                decisionId: p.decisionId.rawValue, index: event.index, type: event.type, outcome: "referred", bodyId: p.toBodyId.rawValue,
                detail: p.reason.rawValue, occurredAt: event.occurredAt))
        case let p as DecisionReviewed:
            try tables.append(DecisionEventRecord(
                decisionId: p.decisionId.rawValue, index: event.index, type: event.type, meetingId: p.meetingId.rawValue,
                outcome: p.result.rawValue, detail: p.note?.rawValue, occurredAt: event.occurredAt))
        case let p as ActionCreated:
            guard try tables.action(p.actionId.rawValue) == nil else { return }
            let action = ActionNow(
                actionId: p.actionId.rawValue, code: p.actionCode.rawValue, title: p.title.rawValue,
                sourceDecisionId: p.sourceDecisionId?.rawValue, createdIndex: event.index, status: ActionStatusChanged.Status.planned.rawValue,
                lastChangeIndex: event.index)
            try tables.save(action)
            if let decision = action.sourceDecisionId {
                try tables.link(decision, at: event.index, action: action.actionId, link: "created", status: action.status, progress: nil)
            }
        case let p as ActionStatusChanged:
            guard var action = try tables.action(p.actionId.rawValue) else { return }
            action.status = p.status.rawValue
            if let progress = p.progressPct { action.progressPct = progress.value }
            action.lastChangeIndex = event.index
            try tables.save(action)
            if let decision = action.sourceDecisionId {
                try tables.link(decision, at: event.index, action: action.actionId, link: "changed", status: action.status, progress: p.progressPct?.value)
            }
            for ref in p.evidenceRefs where ref.kind == .decision && ref.id.rawValue != action.sourceDecisionId {
                try tables.link(ref.id.rawValue, at: event.index, action: action.actionId, link: "cited", status: action.status, progress: p.progressPct?.value)
            }
        case let p as KeyRegistered:
            try tables.registerKey(p.keyId.rawValue, at: event.index, holder: p.holder?.rawValue)
        case let p as LedgerGenesis:
            for admin in p.admins { try tables.registerKey(admin.keyId.rawValue, at: event.index, holder: admin.holder?.rawValue) }
        default:
            return
        }
    }
}
