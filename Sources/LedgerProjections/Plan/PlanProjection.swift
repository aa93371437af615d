import LedgerDomain

/// The plan: every action, its status and progress, and the history of its status changes.
public enum PlanProjection: Projection {
    /// `plan`.
    public static let name = "plan"
    /// 1.
    public static let version = 1
    /// Actions created and their status changes.
    public static let eventTypes: Set<String> = [ActionCreated.eventType, ActionStatusChanged.eventType]

    /// Folds `action.created` (the first one for an id wins) and `action.status_changed` (for a
    /// known action; a change from done or cancelled back to work counts as a reopening).
    public static func apply(_ event: ProjectedEvent, to tables: PlanTables) throws {
        if let p = event.payload(as: ActionCreated.self) {
            guard try tables.action(p.actionId.rawValue) == nil else { return }
            try tables.save(ActionRecord(
                actionId: p.actionId.rawValue, code: p.actionCode.rawValue, area: p.area.rawValue, title: p.title.rawValue,
                scope: p.scope.rawValue, regionId: p.regionId?.rawValue, serviceId: p.serviceId?.rawValue,
                ownerRoleId: p.ownerRoleId.rawValue, dueDate: p.dueDate.rawValue, competencies: p.competencies.map(\.rawValue),
                pillars: p.pillars.map(\.rawValue), objectives: p.objectives.map(\.rawValue),
                sourceDecisionId: p.sourceDecisionId?.rawValue, sourceFeedbackIds: p.sourceFeedbackIds.map(\.rawValue),
                status: ActionStatusChanged.Status.planned.rawValue, progressPct: nil, createdIndex: event.index,
                createdAt: event.occurredAt, lastChangeIndex: event.index, lastChangeAt: event.occurredAt, reopenedCount: 0))
        } else if let p = event.payload(as: ActionStatusChanged.self) {
            guard var action = try tables.action(p.actionId.rawValue) else { return }
            let from = action.status
            let to = p.status.rawValue
            if PlanRules.isClosed(from) && !PlanRules.isClosed(to) { action.reopenedCount += 1 }
            action.status = to
            if let progress = p.progressPct { action.progressPct = progress.value }
            action.lastChangeIndex = event.index
            action.lastChangeAt = event.occurredAt
            try tables.save(action)
            try tables.append(StatusChangeRecord(
                actionId: action.actionId, index: event.index, from: from, to: to, progressPct: p.progressPct?.value,
                note: p.note.rawValue, evidence: p.evidenceRefs.map { "\($0.kind.rawValue):\($0.id.rawValue)" },
                occurredAt: event.occurredAt))
        }
    }
}

/// The plan's rules of thumb, shared by the fold and the queries.
public enum PlanRules {
    /// Days without a status change after which an open action is stale (rule M-3's default).
    public static let staleAfterDays = 30
    /// The areas in plan order.
    public static let areaOrder = ["LG", "ST", "PW", "WF", "MHS", "DF"]

    /// Done and cancelled actions are closed.
    public static func isClosed(_ status: String) -> Bool { status == "done" || status == "cancelled" }
}
