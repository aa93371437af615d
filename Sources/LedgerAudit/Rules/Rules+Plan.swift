import LedgerCore
import LedgerDomain

// Plan coverage and cadence (M-1 … M-4, M-6 … M-8, M-15, M-16).
extension Rules {
    func m1() -> RuleResult {
        guard planStarted else {
            return beforePlanStart(
                "M-1", "All 23 seed actions exist with an owner and a due date", "action tables in the seed",
                ["actions": String(policy.plan.seedActions.count)])
        }
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
        var findings: [Finding] = []
        for (region, registered) in model.regions.sorted(by: { $0.value.index < $1.value.index }) {
            let days = model.reviews.filter { $0.region == region }.sorted { $0.day < $1.day }
            var previous = max(registered.day, planStart)
            var previousLabel = "registration"
            for r in days {
                let deadline = Day.adding(months: p.reviewEveryMonths, to: previous) + p.reviewGraceDays
                if r.day > deadline {
                    findings.append(Finding(index: r.index, detail: "region \(region): review on \(Day.text(r.day)) came after the deadline \(Day.text(deadline)) following the \(previousLabel)"))
                }
                let missing = r.participants.byName.filter { $0.count == 0 }.map(\.name)
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
        let start = planStart
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
                parameters: ["target": String(p.placeBasedProjectsTarget), "due": p.placeBasedProjectsDue], verdict: .notYetDue, checked: 0,
                findings: [], notes: [Finding(index: done.last?.index, detail: "\(done.count) of \(p.placeBasedProjectsTarget) completed by \(Day.text(asOf)); due \(p.placeBasedProjectsDue)")])
        }
        return result(
            "M-7", "At least three place-based community engagement projects", "delivering at least three 'community engagement' place-based projects",
            ["target": String(p.placeBasedProjectsTarget), "due": p.placeBasedProjectsDue], checked: 1,
            findings: done.count >= p.placeBasedProjectsTarget ? [] : [Finding(index: nil, detail: "only \(done.count) completed by \(p.placeBasedProjectsDue)")])
    }

    func m2() -> RuleResult {
        let competencies = policy.plan.competencies
        let title = "Every action has a competency; every competency has an open action and a metric"
        let seed = "Each item will aim to achieve the following: Cultural Awareness … Co-learning"
        let parameters = ["competencies": competencies.joined(separator: ",")]
        guard planStarted else { return beforePlanStart("M-2", title, seed, parameters) }
        let actions = model.actions.values.sorted { $0.index < $1.index }
        var findings = actions.filter { $0.competencies.isEmpty }.map { Finding(index: $0.index, detail: "action \($0.code) has no competency") }
        let open = actions.filter { !["done", "cancelled"].contains($0.changes.last?.status ?? "planned") }
        let metrics = model.metricOrder.compactMap { model.metrics[$0] }
        for c in competencies {
            if !open.contains(where: { $0.competencies.contains(c) }) { findings.append(Finding(index: nil, detail: "no open action works on competency \(c)")) }
            if !metrics.contains(where: { $0.competencies.contains(c) }) { findings.append(Finding(index: nil, detail: "no metric measures competency \(c)")) }
        }
        return result("M-2", title, seed, parameters, checked: actions.count + competencies.count, findings: findings)
    }

    func m8() -> RuleResult {
        let p = policy.plan
        var findings: [Finding] = []
        var checked = 0
        var pending = 0
        for (service, info) in model.services.sorted(by: { $0.value.registered.index < $1.value.registered.index }) {
            let plans = model.servicePlans.filter { $0.service == service }
            let due = Day.adding(months: p.servicePlanWithinMonths, to: max(info.registered.day, planStart))
            if plans.isEmpty {
                if asOf > due {
                    checked += 1
                    findings.append(Finding(index: info.registered.index, detail: "service \(service) has no coproduced service plan (due by \(Day.text(due)))"))
                } else {
                    pending += 1
                }
                continue
            }
            checked += 1
            for plan in plans {
                if !plan.needsMissing.isEmpty {
                    findings.append(Finding(
                        index: plan.index, detail: "service plan \(plan.id) for \(service) leaves \(plan.needsMissing.joined(separator: ", ")) neither addressed nor not applicable with a reason"))
                }
                let types = plan.partners.compactMap { model.partners[$0]?.type }
                if !types.contains(where: p.servicePlanPartnerTypes.contains) {
                    findings.append(Finding(
                        index: plan.index, detail: "service plan \(plan.id) for \(service) lists no community, faith or VCSE partner (partners: \(plan.partners.isEmpty ? "none" : plan.partners.joined(separator: ", ")))"))
                }
            }
        }
        return result(
            "M-8", "Every service has a coproduced service plan covering the five needs, with community, faith or VCSE partners",
            "Coproduce service plans and care plans … to address: Language translation … Cultural food … Religious and faith … aftercare … trauma informed approaches",
            ["withinMonths": String(p.servicePlanWithinMonths), "partnerTypes": p.servicePlanPartnerTypes.joined(separator: ","), "needs": "N-1…N-5"],
            checked: checked, findings: findings, pending: pending)
    }

    func m15() -> RuleResult {
        let groups = policy.plan.regionalPartnerTypes
        var findings: [Finding] = []
        for (region, registered) in model.regions.sorted(by: { $0.value.index < $1.value.index }) {
            let types = Set(model.partners.values.filter { $0.regions.contains(region) }.map(\.type))
            for group in groups where types.isDisjoint(with: group) {
                findings.append(Finding(index: registered.index, detail: "region \(region) has no \(group.joined(separator: " or ")) partner registered"))
            }
        }
        return result(
            "M-15", "Local authority, ICB or ICS, and advocacy partners in every region with services",
            "Work closely with local authority partners, Integrated Care Boards, Integrated Care Systems",
            ["partnerTypes": groups.map { $0.joined(separator: "|") }.joined(separator: ",")], checked: model.regions.count, findings: findings)
    }

    func m16() -> RuleResult {
        let within = policy.plan.planReportWithinDays
        var findings: [Finding] = []
        var checked = 0
        var pending = 0
        let planReports = model.reports.filter { $0.type == "plan" }
        for v in model.planVersions {
            let due = v.day + within
            let published = planReports.filter { $0.plan == v.plan && ($0.planVersion ?? "1") == String(v.version) }.min { $0.day < $1.day }
            if let published {
                checked += 1
                if published.day > due {
                    findings.append(Finding(
                        index: published.index, detail: "plan \(v.plan) v\(v.version) of \(Day.text(v.day)) was published as a report on \(Day.text(published.day)), due by \(Day.text(due))"))
                }
            } else if asOf > due {
                checked += 1
                findings.append(Finding(index: v.index, detail: "plan \(v.plan) v\(v.version) of \(Day.text(v.day)) was never published as a report (due by \(Day.text(due)))"))
            } else {
                pending += 1
            }
        }
        return result(
            "M-16", "Every plan version is published", "coproduce plans … and make them publicly available",
            ["withinDays": String(within)], checked: checked, findings: findings, pending: pending)
    }
}
