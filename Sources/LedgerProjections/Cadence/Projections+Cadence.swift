extension Projections {
    /// The plan's cadences as of `now`: reviews per region against "twice a year", annual
    /// findings, board updates and place-based projects against their target. Only what
    /// happened (occurredAt) on or before `now` counts.
    ///
    /// - Parameters:
    ///   - now: the date to judge on.
    ///   - policy: the rhythms (default: ``CadencePolicy/standard``, the audit policy's).
    public func cadence(now: CivilDate, policy: CadencePolicy = .standard) throws -> CadenceReport {
        let (regions, reviews, reports, updates, projects, targets, logStart) = try query { c in
            let t = CadenceTables(c, suffix: "")
            return (try t.allRegions(), try t.allReviews(), try t.allReports(), try t.allBoardUpdates(), try t.allProjects(),
                    try t.targets("T-1"), try t.logStart())
        }
        return CadenceReport.build(
            now: now, policy: policy, entriesFolded: try entriesFolded(), regions: regions, reviews: reviews, reports: reports,
            updates: updates, projects: projects, targets: targets, logStart: logStart.flatMap { CivilDate(parsing: $0) })
    }
}

extension CadenceReport {
    static let reviewGroups = ["serviceUsers", "carers", "vcse", "marginalisedCommunities", "staff"]

    static func day(_ timestamp: String) -> CivilDate { CivilDate(parsing: timestamp) ?? CivilDate(dayNumber: 0) }

    static func build(
        now: CivilDate, policy: CadencePolicy, entriesFolded: Int, regions: [CadenceRegionRecord], reviews: [ReviewRecord],
        reports: [PublishedReportRecord], updates: [BoardUpdateRecord], projects: [ProjectRecord], targets: [PlanTargetRecord],
        logStart: CivilDate?
    ) -> CadenceReport {
        let year = policy.planYear(containing: now)
        var lapses: [String] = []

        // Reviews per region.
        let registered = regions.filter { day($0.registeredAt) <= now }
        var regionIds = registered.filter(\.servicesProvided).map(\.regionId)
        let held = reviews.filter { day($0.heldAt) <= now }
        for id in Set(held.map(\.regionId)).subtracting(regionIds).sorted() { regionIds.append(id) }
        let regionReviews = regionIds.map { id -> RegionReviews in
            let region = registered.first { $0.regionId == id }
            var previous = max(policy.planStart, region.map { day($0.registeredAt) } ?? policy.planStart)
            var views: [ReviewView] = []
            for r in held.filter({ $0.regionId == id }).sorted(by: { (day($0.heldAt), $0.index) < (day($1.heldAt), $1.index) }) {
                let on = day(r.heldAt)
                let due = previous.adding(months: policy.reviewEveryMonths).adding(days: policy.reviewGraceDays)
                views.append(ReviewView(
                    review: r, heldOn: on, dueBy: due, daysLate: max(0, due.days(to: on)),
                    missingGroups: reviewGroups.filter { (r.participants[$0] ?? 0) == 0 }))
                previous = on
            }
            let next = previous.adding(months: policy.reviewEveryMonths).adding(days: policy.reviewGraceDays)
            let overdue = max(0, next.days(to: now))
            let thisYear = views.filter { $0.heldOn >= year.from && $0.heldOn <= year.to }.count
            let status = overdue > 0 ? "overdue" : views.contains { $0.daysLate > 0 } ? "late"
                : views.contains { !$0.missingGroups.isEmpty } ? "incomplete" : "on_track"
            let name = region.map { "\(id) (\($0.name))" } ?? id
            let tally = "\(thisYear) of \(policy.reviewsPerYear) reviews this plan year"
            if overdue > 0 {
                let since = views.last.map { "no review since \($0.heldOn)" } ?? "no review yet"
                lapses.append("Region \(name): \(since); the next was due by \(next) (\(overdue) days overdue); \(tally).")
            }
            for v in views where v.daysLate > 0 {
                lapses.append("Region \(name): review \(v.review.reviewId) on \(v.heldOn) came \(v.daysLate) days after it was due (by \(v.dueBy)).")
            }
            for v in views where !v.missingGroups.isEmpty {
                lapses.append("Region \(name): review \(v.review.reviewId) on \(v.heldOn) had nobody from \(v.missingGroups.joined(separator: ", ")).")
            }
            return RegionReviews(
                regionId: id, name: region?.name, servicesProvided: region?.servicesProvided ?? true, reviews: views,
                heldThisPlanYear: thisYear, expectedPerPlanYear: policy.reviewsPerYear, lastReviewOn: views.last?.heldOn, nextDueBy: next,
                daysOverdue: overdue, status: status)
        }

        // Annual findings.
        var previous = policy.planStart
        var publications: [PublicationView] = []
        let annual = reports.filter { $0.type == "annual_findings" && day($0.publishedAt) <= now }
            .map { r in (r, r.historical ? (CivilDate(parsing: r.periodTo) ?? day(r.publishedAt)) : day(r.publishedAt)) }
            .sorted { ($0.1, $0.0.index) < ($1.1, $1.0.index) }
        for (r, counts) in annual {
            let due = previous.adding(months: policy.publishEveryMonths).adding(days: policy.publishGraceDays)
            publications.append(PublicationView(report: r, countsFrom: counts, dueBy: due, daysLate: max(0, due.days(to: counts))))
            previous = counts
        }
        let nextFindings = previous.adding(months: policy.publishEveryMonths).adding(days: policy.publishGraceDays)
        let findingsOverdue = max(0, nextFindings.days(to: now))
        if findingsOverdue > 0 {
            let since = publications.last.map { "no annual findings since \($0.countsFrom)" } ?? "no annual findings published yet"
            lapses.append("Annual findings: \(since); the next were due by \(nextFindings) (\(findingsOverdue) days overdue).")
        }
        for p in publications where p.daysLate > 0 {
            lapses.append("Annual findings \(p.report.reportId) came \(p.daysLate) days after they were due (by \(p.dueBy)).")
        }
        let findings = AnnualFindings(
            reports: publications, publishedThisPlanYear: publications.filter { $0.countsFrom >= year.from && $0.countsFrom <= year.to }.count,
            nextDueBy: nextFindings, daysOverdue: findingsOverdue,
            status: findingsOverdue > 0 ? "overdue" : publications.contains { $0.daysLate > 0 } ? "late" : "on_track")

        // Board updates.
        let given = updates.filter { day($0.givenAt) <= now }
        // Clocks start from facts of the plan (its start), never from when the ledger was
        // created: a ledger started late, or dated with `init --on`, judges the same (audit G-7).
        let chainStart = policy.planStart
        let bodies = policy.boardBodies + Set(given.map(\.bodyId)).subtracting(policy.boardBodies).sorted()
        let boards = bodies.map { body -> BoardUpdates in
            let mine = given.filter { $0.bodyId == body }.sorted { (day($0.givenAt), $0.index) < (day($1.givenAt), $1.index) }
            let required = policy.boardBodies.contains(body)
            let last = mine.last.map { day($0.givenAt) }
            let next = (last ?? chainStart).adding(months: policy.boardUpdateEveryMonths)
            let inYear = mine.filter { day($0.givenAt) >= year.from && day($0.givenAt) <= year.to }
            let verbal = inYear.filter { $0.mode == "verbal" }.count
            let written = inYear.filter { $0.mode == "written" }.count
            let overdue = required ? max(0, next.days(to: now)) : 0
            let oneMode = required && now >= year.to && (verbal == 0) != (written == 0)
            if overdue > 0 {
                let since = last.map { "no update since \($0)" } ?? "no update yet"
                lapses.append("Board \(body): \(since); one was due by \(next) (\(overdue) days overdue).")
            }
            if oneMode {
                lapses.append("Board \(body): only \(verbal == 0 ? "written" : "verbal") updates in the plan year \(year.from) to \(year.to).")
            }
            return BoardUpdates(
                bodyId: body, required: required, updates: mine.count, lastUpdateOn: last, verbalThisPlanYear: verbal,
                writtenThisPlanYear: written, nextDueBy: next, daysOverdue: overdue,
                status: overdue > 0 ? "overdue" : oneMode ? "one_mode_only" : "on_track")
        }

        // Place-based projects.
        let target = targets.last
        let deadline = target.flatMap { CivilDate(parsing: $0.deadline) } ?? policy.placeBasedProjectsDue
        let targetValue = target.map { Int($0.value.rounded(.up)) } ?? policy.placeBasedProjectsTarget
        let started = projects.filter { day($0.startedAt) <= now }.map { p -> ProjectRecord in
            var p = p
            if let done = p.completedAt, day(done) > now {
                p.completedAt = nil
                p.completedIndex = nil
            }
            return p
        }
        let community = started.filter { $0.category == "community_engagement" }
        let done = community.filter { p in p.completedAt.map { day($0) <= deadline } ?? false }
        let projectStatus = done.count >= targetValue ? "met" : now > deadline ? "missed" : "on_track"
        if projectStatus == "missed" {
            lapses.append("Place-based projects: \(done.count) of \(targetValue) community engagement projects completed by \(deadline).")
        }
        let placeBased = PlaceBasedProjects(
            projects: started, completed: done.count, inProgress: community.filter { $0.completedAt == nil }.count, target: targetValue,
            deadline: deadline, targetSource: target.map { "target_set at entry \($0.index)" } ?? "policy",
            regions: Array(Set(done.map(\.regionId))).sorted(), status: projectStatus)

        return CadenceReport(
            asOf: now, entriesFolded: entriesFolded, policy: policy, planYearFrom: year.from, planYearTo: year.to, reviews: regionReviews,
            annualFindings: findings, boardUpdates: boards, placeBasedProjects: placeBased, lapses: lapses)
    }
}
