import Foundation
import LedgerCore
import LedgerProjections

extension PointView {
    // MARK: Actions

    /// Action `id`'s page, or nil when there is no such action (at this point). Proof links lead
    /// to the checkpoint of `checkpointSize` entries (none below 1).
    func actionPage(_ id: String, checkpointSize: Int) throws -> ActionPage? {
        guard let a = try projections.actionRecord(id) else { return nil }
        func proof(_ index: Int?) -> String? { DecisionSummary.proof(index, checkpointSize: checkpointSize) }
        let view = ActionView(a, now: today)
        let history = try projections.statusHistory(of: id)
        var decisions: [ActionPage.Link] = []
        var feedback: [ActionPage.Link] = []
        func decision(_ decisionId: String, how: String) throws {
            guard !decisions.contains(where: { $0.id == decisionId && $0.how == how }) else { return }
            let summary = try decisionRegister().first { $0.decisionId == decisionId }
            decisions.append(
                ActionPage.Link(
                    kind: "decision", id: decisionId, title: summary?.title, how: how, index: summary?.proposedIndex,
                    proof: proof(summary?.proposedIndex)))
        }
        func feedbackItem(_ feedbackId: String, how: String) throws {
            guard !feedback.contains(where: { $0.id == feedbackId && $0.how == how }) else { return }
            let item = try projections.feedbackItem(feedbackId)
            feedback.append(
                ActionPage.Link(
                    kind: "feedback", id: feedbackId, title: item.flatMap(YouSaidWeDid.init)?.youSaid, how: how,
                    index: item?.receivedIndex, proof: proof(item?.receivedIndex)))
        }
        if let source = a.sourceDecisionId { try decision(source, how: "It was created by this decision.") }
        for f in a.sourceFeedbackIds { try feedbackItem(f, how: "It was created to answer this feedback.") }
        for step in history {
            for ref in step.evidence {
                let parts = ref.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                let how = "Cited when its status changed on \(Words.date(step.occurredAt))."
                if parts[0] == "decision" { try decision(parts[1], how: how) }
                if parts[0] == "feedback" { try feedbackItem(parts[1], how: how) }
            }
        }
        return ActionPage(
            actionId: a.actionId, code: a.code, title: a.title, area: a.area, areaName: Words.areas[a.area] ?? a.area,
            scope: a.scope, regionId: a.regionId, regionName: a.regionId.flatMap { names.text(.region, $0) },
            serviceId: a.serviceId, serviceName: a.serviceId.flatMap { names.text(.service, $0) }, ownerRoleId: a.ownerRoleId,
            ownerRoleName: names.text(.role, a.ownerRoleId), dueDate: a.dueDate, status: a.status, progressPct: a.progressPct,
            overdue: view.overdue, createdOn: String(a.createdAt.prefix(10)), createdIndex: a.createdIndex,
            createdProof: proof(a.createdIndex),
            history: history.map {
                ActionPage.Step(
                    index: $0.index, on: String($0.occurredAt.prefix(10)), from: $0.from, to: $0.to, progressPct: $0.progressPct,
                    note: $0.note, proof: proof($0.index))
            },
            milestones: try projections.milestones(of: id).map {
                ActionPage.Milestone(index: $0.index, title: $0.title, date: $0.date, evidence: $0.evidence, proof: proof($0.index))
            },
            decisions: decisions, feedback: feedback)
    }

    // MARK: Decisions

    /// Decision reviews: due (the date has come, no review since) and coming up, judged on ``today``.
    func reviewsDue() throws -> ReviewsDue {
        let all = try reviewCache ?? projections.reviewDates()
        reviewCache = all
        let day = today.description
        return ReviewsDue(
            asOf: day, due: all.filter { $0.isDue(on: day) }, upcoming: all.filter { $0.reviewedIndex == nil && $0.reviewOn > day })
    }

    /// One page of the register with only the decisions `filters` keeps (newest first).
    func decisions(_ filters: ListFilters) throws -> Paged<DecisionSummary> {
        let kept = try decisionRegister().filter { d in
            filters.keeps(d, bodyRegion: filters.region == nil ? nil : names.entity(.body, d.bodyId)?.regionId)
        }
        return Paged(all: kept, page: filters.page, pageSize: filters.size)
    }

    // MARK: You said, we did

    /// One page of the published list with only the items `filters` keeps (newest first); past
    /// the end, the last page.
    func youSaid(_ filters: ListFilters) throws -> Paged<YouSaidWeDid> {
        let size = filters.size
        var n = max(filters.page, 1)
        var (total, items) = try projections.youSaidWeDid(filters.youSaid, newestFirstFrom: (n - 1) * size, limit: size)
        let pages = max(1, (total + size - 1) / size)
        if n > pages {
            n = pages
            items = try projections.youSaidWeDid(filters.youSaid, newestFirstFrom: (n - 1) * size, limit: size).items
        }
        return Paged(page: n, pageSize: size, total: total, items: items)
    }

    /// The values published items carry for `facet` (region, service, theme), for the filters' choices.
    func facetValues(_ facet: String) throws -> [String] {
        if let hit = facetCache[facet] { return hit }
        let values = try projections.youSaidFacetValues(facet)
        facetCache[facet] = values
        return values
    }
}

extension PortalWorker {
    // MARK: Filter forms

    /// The point a page was read at as hidden form fields (none for the log as it is now), so a
    /// filter form keeps it as links do.
    func pointFields(_ view: PointView) -> [(String, String)] {
        guard view !== live else { return [] }
        var fields: [(String, String)] = []
        if let asOf = view.point.asOf { fields.append(("as-of", asOf.description)) }
        if let at = view.point.atText { fields.append(("at", at)) }
        return fields
    }

    /// The search and filters of "you said, we did": the regions, services and themes that
    /// published answers carry, by name.
    func youSaidForm(_ filters: ListFilters, at view: PointView) throws -> Markup {
        let names = view.names
        func named(_ kind: Namer.Kind, _ facet: String) throws -> [Pages.Choice] {
            try view.facetValues(facet).map { value in (value, names.text(kind, value).map { "\($0) (\(value))" } ?? value) }
        }
        let themes = try view.facetValues("theme").map { ($0, $0.replacingOccurrences(of: "_", with: " ").capitalizedFirst) }
        return Pages.filterForm(
            path: "/you-said-we-did", filters: filters,
            selects: [
                ("region", "Region", try named(.region, "region"), filters.region),
                ("service", "Service", try named(.service, "service"), filters.service),
                ("theme", "Theme", themes, filters.theme),
                ("outcome", "What happened", ListFilters.List.youSaid.outcomes.map { ($0, Words.change($0)) }, filters.outcome),
            ],
            dates: (
                "Received", "month",
                "Months as YYYY-MM, for example 2025-10. We publish the month feedback arrived, not the day."
            ),
            point: pointFields(view), searchHint: "Words in what people said, what we did or what changed.")
    }

    /// The search and filters of the decision register: regions and bodies by name.
    func decisionsForm(_ filters: ListFilters, at view: PointView) throws -> Markup {
        let regions = try view.projections.names(kind: "region").map { ($0.id, "\($0.name ?? $0.id) (\($0.id))") }
        let bodies = try view.projections.names(kind: "body").map { ($0.id, "\($0.name ?? $0.id) (\($0.id))") }
        return Pages.filterForm(
            path: "/decisions", filters: filters,
            selects: [
                ("region", "Region", regions, filters.region),
                ("body", "Body", bodies, filters.body),
                ("outcome", "Outcome", ListFilters.List.decisions.outcomes.map { ($0, Words.outcome($0)) }, filters.outcome),
            ],
            dates: ("Decided", "date", "Dates as YYYY-MM-DD: the day of the latest outcome, or of the proposal while undecided."),
            point: pointFields(view), searchHint: "Words in the decision\u{2019}s title, or its reference.")
    }
}
