import LedgerDomain

/// The plan: every action, its status and progress, the history of its status changes and its
/// milestones.
public enum PlanProjection: BatchProjection {
    /// `plan`.
    public static let name = "plan"
    /// 2: milestones.
    public static let version = 2
    /// Actions created, their status changes and milestones.
    public static let eventTypes: Set<String> = [
        ActionCreated.eventType, ActionStatusChanged.eventType, MilestoneRecorded.eventType,
    ]

    /// The actions a run has read or changed, by id.
    public struct Memory {
        var actions = RecordCache<ActionRecord>()
    }

    /// Its tables.
    public typealias Tables = PlanTables

    /// Nothing held yet.
    public static func makeMemory() -> Memory { Memory() }

    /// Folds `action.created` (the first one for an id wins) and `action.status_changed` (for a
    /// known action; a change from done or cancelled back to work counts as a reopening). Actions
    /// are kept in memory until ``flush(_:to:)``; each status change is written as it comes.
    public static func apply(_ events: [ProjectedEvent], to tables: PlanTables, memory: inout Memory) throws {
        for event in events { try fold(event, into: &memory.actions, tables: tables) }
        try memory.actions.flushIfFull(tables.save)
    }

    /// Writes the changed records.
    public static func flush(_ memory: inout Memory, to tables: PlanTables) throws {
        try memory.actions.flush(tables.save)
    }

    static func fold(_ event: ProjectedEvent, into actions: inout RecordCache<ActionRecord>, tables: PlanTables) throws {
        if let p = event.payload(as: ActionCreated.self) {
            guard try !actions.contains(p.actionId.rawValue, load: tables.action) else { return }
            actions.set(p.actionId.rawValue, ActionRecord(
                actionId: p.actionId.rawValue, code: p.actionCode.rawValue, area: p.area.rawValue, title: p.title.rawValue,
                scope: p.scope.rawValue, regionId: p.regionId?.rawValue, serviceId: p.serviceId?.rawValue,
                ownerRoleId: p.ownerRoleId.rawValue, dueDate: p.dueDate.rawValue, competencies: p.competencies.map(\.rawValue),
                pillars: p.pillars.map(\.rawValue), objectives: p.objectives.map(\.rawValue),
                sourceDecisionId: p.sourceDecisionId?.rawValue, sourceFeedbackIds: p.sourceFeedbackIds.map(\.rawValue),
                status: ActionStatusChanged.Status.planned.rawValue, progressPct: nil, createdIndex: event.index,
                createdAt: event.occurredAt, lastChangeIndex: event.index, lastChangeAt: event.occurredAt, reopenedCount: 0))
        } else if let p = event.payload(as: ActionStatusChanged.self) {
            guard var action = try actions.get(p.actionId.rawValue, load: tables.action) else { return }
            let from = action.status
            let to = p.status.rawValue
            if PlanRules.isClosed(from) && !PlanRules.isClosed(to) { action.reopenedCount += 1 }
            action.status = to
            if let progress = p.progressPct { action.progressPct = progress.value }
            action.lastChangeIndex = event.index
            action.lastChangeAt = event.occurredAt
            actions.set(action.actionId, action)
            try tables.append(StatusChangeRecord(
                actionId: action.actionId, index: event.index, from: from, to: to, progressPct: p.progressPct?.value,
                note: p.note.rawValue, evidence: p.evidenceRefs.map { "\($0.kind.rawValue):\($0.id.rawValue)" },
                occurredAt: event.occurredAt))
        } else if let p = event.payload(as: MilestoneRecorded.self) {
            guard try actions.contains(p.actionId.rawValue, load: tables.action) else { return }
            try tables.append(MilestoneRecord(
                actionId: p.actionId.rawValue, index: event.index, title: p.title.rawValue, date: p.date.rawValue,
                evidence: "\(p.evidenceRef.kind.rawValue):\(p.evidenceRef.id.rawValue)", occurredAt: event.occurredAt))
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
