import LedgerCore

extension Rules {
    func m1() -> RuleResult {
        let codes = Set(model.actions.values.map(\.code))
        var findings: [Finding] = []
        for code in policy.plan.seedActions where !codes.contains(code) {
            findings.append(Finding(index: nil, detail: "seed action \(code) was never created"))
        }
        for a in model.actions.values.sorted(by: { $0.index < $1.index }) where policy.plan.seedActions.contains(a.code) && (a.owner == nil || a.due == nil) {
            findings.append(Finding(index: a.index, detail: "action \(a.code) has no \(a.owner == nil ? "owner" : "due date")"))
        }
        return result(
            "M-1", "All 23 seed actions exist with an owner and a due date", "action tables in the seed",
            ["actions": String(policy.plan.seedActions.count)], checked: policy.plan.seedActions.count, findings: findings)
    }

    func m3() -> RuleResult {
        let stale = policy.plan.staleActionDays
        var findings: [Finding] = []
        var checked = 0
        for a in model.actions.values.sorted(by: { $0.index < $1.index }) {
            guard let due = a.due, due < asOf else { continue }
            let status = a.changes.last?.status ?? "planned"
            guard status != "done", status != "cancelled" else { continue }
            checked += 1
            let last = a.changes.last?.day ?? 0
            if asOf - last > stale {
                findings.append(Finding(index: a.index, detail: "action \(a.code) was due \(Day.text(due)), is \(status), and has no update in \(stale) days"))
            }
        }
        return result(
            "M-3", "No overdue action goes without an update", "sustained effort … accountability in taking forward the measures",
            ["staleActionDays": String(stale)], checked: checked, findings: findings)
    }

    func m4() -> RuleResult {
        let p = policy.plan
        let groups = ["serviceUsers", "carers", "vcse", "marginalisedCommunities", "staff"]
        var findings: [Finding] = []
        for (region, registered) in model.regions.sorted(by: { $0.value.index < $1.value.index }) {
            let days = model.reviews.filter { $0.region == region }.sorted { $0.day < $1.day }
            var previous = max(registered.day, Day.number(p.planStart) ?? registered.day)
            var previousLabel = "registration"
            for r in days {
                let deadline = Day.adding(months: p.reviewEveryMonths, to: previous) + p.reviewGraceDays
                if r.day > deadline {
                    findings.append(Finding(index: r.index, detail: "region \(region): review on \(Day.text(r.day)) came after the deadline \(Day.text(deadline)) following the \(previousLabel)"))
                }
                let missing = groups.filter { (r.participants[$0] ?? 0) == 0 }
                if !missing.isEmpty { findings.append(Finding(index: r.index, detail: "region \(region): review without \(missing.joined(separator: ", "))")) }
                previous = r.day
                previousLabel = "review of \(Day.text(r.day))"
            }
            let deadline = Day.adding(months: p.reviewEveryMonths, to: previous) + p.reviewGraceDays
            if asOf > deadline {
                findings.append(Finding(
                    index: days.last?.index ?? registered.index,
                    detail: "region \(region): no review since the \(previousLabel); one was due by \(Day.text(deadline))"))
            }
        }
        return result(
            "M-4", "Bi-annual local reviews with all five groups, per region",
            "Conduct bi-annual reviews … at a local level with service users. carers, voluntary sector organisations, marginalised communities, and Rethink staff",
            ["everyMonths": String(p.reviewEveryMonths), "graceDays": String(p.reviewGraceDays)], checked: model.regions.count, findings: findings)
    }

    func m6() -> RuleResult {
        let p = policy.plan
        guard let start = Day.number(p.planStart) else { return result("M-6", "", "", [:], checked: 0, findings: []) }
        var findings: [Finding] = []
        var previous = start
        for r in model.annualReports.sorted(by: { $0.day < $1.day }) {
            let deadline = Day.adding(months: p.publishEveryMonths, to: previous) + p.publishGraceDays
            if r.day > deadline { findings.append(Finding(index: r.index, detail: "annual findings published \(Day.text(r.day)), due by \(Day.text(deadline))")) }
            previous = r.day
        }
        let deadline = Day.adding(months: p.publishEveryMonths, to: previous) + p.publishGraceDays
        if asOf > deadline { findings.append(Finding(index: model.annualReports.last?.index, detail: "no annual findings published since \(Day.text(previous)); due by \(Day.text(deadline))")) }
        let applicable = asOf > Day.adding(months: p.publishEveryMonths, to: start) + p.publishGraceDays || !model.annualReports.isEmpty
        return result(
            "M-6", "Findings published every year", "We will publish findings annually and share good practice",
            ["everyMonths": String(p.publishEveryMonths), "graceDays": String(p.publishGraceDays)], checked: applicable ? 1 : 0, findings: findings)
    }

    func m7() -> RuleResult {
        let p = policy.plan
        let due = Day.number(p.placeBasedProjectsDue) ?? Int.max
        let done = model.projectsCompleted.filter { model.projectCategory[$0.id] == "community_engagement" && $0.day <= min(asOf, due) }
        guard asOf >= due || done.count >= p.placeBasedProjectsTarget else {
            return RuleResult(
                id: "M-7", title: "At least three place-based community engagement projects", seed: "delivering at least three 'community engagement' place-based projects",
                parameters: ["target": String(p.placeBasedProjectsTarget), "due": p.placeBasedProjectsDue], verdict: .notApplicable, checked: done.count,
                findings: [Finding(index: nil, detail: "\(done.count) of \(p.placeBasedProjectsTarget) completed; due \(p.placeBasedProjectsDue)")])
        }
        return result(
            "M-7", "At least three place-based community engagement projects", "delivering at least three 'community engagement' place-based projects",
            ["target": String(p.placeBasedProjectsTarget), "due": p.placeBasedProjectsDue], checked: 1,
            findings: done.count >= p.placeBasedProjectsTarget ? [] : [Finding(index: nil, detail: "only \(done.count) completed by \(p.placeBasedProjectsDue)")])
    }

    func p2() -> RuleResult {
        let within = policy.privacy.eraseWithinDays
        var findings: [Finding] = []
        var checked = 0
        for (id, request) in model.erasureRequests.sorted(by: { $0.value.index < $1.value.index }) {
            let due = request.day + within
            if let done = model.erased[id] {
                checked += 1
                if done > due { findings.append(Finding(index: request.index, detail: "erasure \(id) done \(Day.text(done)), due \(Day.text(due))")) }
            } else if asOf > due {
                checked += 1
                findings.append(Finding(index: request.index, detail: "erasure \(id) requested \(Day.text(request.day)) was not carried out (due \(Day.text(due)))"))
            }
        }
        return result("P-2", "Erasure within one month of the request", "UK GDPR Art 12(3)", ["withinDays": String(within)], checked: checked, findings: findings)
    }
}
