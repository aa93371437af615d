import LedgerDomain

/// Cadence: regional reviews, published reports, board updates, place-based projects and plan
/// targets — what the plan promises to do at a rhythm (DOMAIN.md 2.8, rules M-4, M-6, M-7, G-7).
///
/// The fold only records what happened and when; whether it happened often enough is judged
/// by ``Projections/cadence(now:policy:)``, with "now" as a parameter.
public enum CadenceProjection: Projection {
    /// `cadence`.
    public static let name = "cadence"
    /// 1.
    public static let version = 1
    /// The genesis (for the log's start), regions, reviews, reports, board updates, projects and targets.
    public static let eventTypes: Set<String> = [
        LedgerGenesis.eventType, RegionRegistered.eventType, ReviewHeld.eventType, ReportPublished.eventType,
        BoardUpdateGiven.eventType, PlaceBasedProjectStarted.eventType, PlaceBasedProjectCompleted.eventType, TargetSet.eventType,
    ]

    /// Folds one event. The first registration of a region and the first publication of a
    /// report id count; a project's first completion counts, and completions of projects never
    /// started are ignored; targets with a target code (T-1) are kept in log order.
    public static func apply(_ event: ProjectedEvent, to tables: CadenceTables) throws {
        if event.type == LedgerGenesis.eventType {
            try tables.saveLogStart(event.occurredAt)
            return
        }
        switch event.payload {
        case let p as RegionRegistered:
            try tables.save(CadenceRegionRecord(
                regionId: p.regionId.rawValue, name: p.name.rawValue, servicesProvided: p.servicesProvided, index: event.index,
                registeredAt: event.occurredAt))
        case let p as ReviewHeld:
            let q = p.participants
            try tables.save(ReviewRecord(
                reviewId: p.reviewId, regionId: p.regionId, scope: p.scope.rawValue, index: event.index, heldAt: event.occurredAt,
                periodFrom: p.period.from, periodTo: p.period.to,
                participants: [
                    "serviceUsers": q.serviceUsers, "carers": q.carers, "vcse": q.vcse, "marginalisedCommunities": q.marginalisedCommunities,
                    "staff": q.staff,
                ]))
        case let p as ReportPublished:
            try tables.save(PublishedReportRecord(
                reportId: p.reportId, type: p.type.rawValue, title: p.title, periodFrom: p.period.from, periodTo: p.period.to,
                publishedAt: event.occurredAt, historical: p.historical ?? false, index: event.index))
        case let p as BoardUpdateGiven:
            try tables.save(BoardUpdateRecord(bodyId: p.bodyId, mode: p.mode.rawValue, meetingId: p.meetingId, givenAt: event.occurredAt, index: event.index))
        case let p as PlaceBasedProjectStarted:
            guard try tables.project(p.projectId) == nil else { return }
            try tables.save(ProjectRecord(
                projectId: p.projectId, category: p.category.rawValue, regionId: p.regionId, startedAt: event.occurredAt,
                startedIndex: event.index, completedAt: nil, completedIndex: nil))
        case let p as PlaceBasedProjectCompleted:
            guard var project = try tables.project(p.projectId), project.completedIndex == nil else { return }
            project.completedAt = event.occurredAt
            project.completedIndex = event.index
            try tables.save(project)
        case let p as TargetSet:
            guard let code = p.targetCode, p.metricId == nil else { return }
            try tables.save(PlanTargetRecord(targetCode: code, index: event.index, value: p.value, deadline: p.deadline, decisionRef: p.decisionRef))
        default:
            return
        }
    }
}
