import LedgerCore
import LedgerDomain

// Coproduction tracing (C-1 … C-6).
extension Rules {
    func c1() -> RuleResult {
        let c = policy.coproduction
        var findings: [Finding] = []
        var checked = 0
        var pending = 0
        for id in model.contributionOrder {
            guard let k = model.contributions[id], let body = k.body, c.fromBodies.contains(where: { body == $0 || body.hasPrefix($0 + "-") }) else { continue }
            // What counts as tracing is the domain's one rule (a decision citing it does not).
            let status = InfluenceRule.status(
                contributed: CivilDate(dayNumber: k.day), tracedOn: k.traced.map(CivilDate.init(dayNumber:)),
                withinDays: c.traceContributionsWithinDays, asOf: CivilDate(dayNumber: asOf))
            switch status {
            case .traced(let on, let due):
                checked += 1
                if on > due { findings.append(Finding(index: k.index, detail: "contribution \(id) traced \(on), due \(due)")) }
            case .overdue(let due):
                checked += 1
                findings.append(Finding(index: k.index, detail: "contribution \(id) from \(body) was never traced to what it influenced (due \(due))"))
            case .notYetDue:
                pending += 1
            }
        }
        return result(
            "C-1", "Every advisory-board contribution is traced to what it influenced",
            "Work with our … Lived Experience Advisory Board and Carers Advisory Board … to shape and influence the delivery",
            ["withinDays": String(c.traceContributionsWithinDays), "bodies": c.fromBodies.joined(separator: ",")], checked: checked, findings: findings,
            pending: pending)
    }

    func c2() -> RuleResult {
        let c = policy.coproduction
        var findings: [Finding] = []
        var notes: [Finding] = []
        var checked = 0
        let founding = model.genesisPlan ?? model.planVersions.first { $0.version == 1 && $0.scope == "national" }?.plan
        for v in model.planVersions {
            if c.exemptFoundingPlan, v.plan == founding, v.version == 1 {
                notes.append(Finding(index: v.index, detail: "plan \(v.plan) v1 is the founding plan the ledger starts from; exempted by the policy (exemptFoundingPlan)"))
                continue
            }
            checked += 1
            let ebe = v.coDeveloped.filter { isEbeSource(kind: $0.kind, id: $0.id) }
            if ebe.isEmpty {
                findings.append(Finding(
                    index: v.index,
                    detail: "plan \(v.plan) v\(v.version) (\(v.scope)\(v.region.map { " \($0)" } ?? "")) lists \(v.coDeveloped.count) co-developer(s), none an Expert-by-Experience source"))
            }
        }
        return result(
            "C-2", "Every plan version is co-developed with Experts by Experience",
            "we will work with marginalised people who have lived experience … to assess progress and co-develop improvement plans",
            ["ebeCategories": policy.governance.ebeCategories.joined(separator: ","), "ebeBodyTypes": c.ebeBodyTypes.joined(separator: ","),
             "exemptFoundingPlan": String(c.exemptFoundingPlan)],
            checked: checked, findings: findings, notes: notes)
    }

    func c3() -> RuleResult {
        let scopes = policy.coproduction.coproducedMetricScopes
        let local = model.metricOrder.compactMap { model.metrics[$0] }.filter { scopes.contains($0.scope) }
        let findings = local.filter { $0.coproducedRefs == 0 }.map {
            Finding(index: $0.index, detail: "\($0.scope) metric \($0.id) (\($0.code)) names no contribution it was coproduced with")
        }
        return result(
            "C-3", "Local and regional metrics are coproduced locally", "monitored through locally coproduced metrics",
            ["scopes": scopes.joined(separator: ",")], checked: local.count, findings: findings)
    }

    func c4() -> RuleResult {
        let ebe = policy.governance.ebeCategories
        var findings: [Finding] = []
        var checked = 0
        for d in model.decisions where d.ladderRung == "co_production" {
            checked += 1
            var why: [String] = []
            if let proposal = model.proposals[d.id] {
                let fromOutset = model.person(proposal.proposer, isIn: ebe) || proposal.contributions.contains { isEbeSource(kind: "contribution", id: $0) }
                if !fromOutset { why.append("its proposal (entry \(proposal.index)) came from no Expert by Experience and cites no contribution of one") }
            } else {
                why.append("no proposal was recorded, so nothing shows involvement from the outset")
            }
            if let meeting = model.meetings[d.meeting] {
                let present = meeting.attendees.filter { ebe.contains($0.category) && !meeting.recused.contains($0.person) && !d.recusals.contains($0.person) }
                if present.isEmpty { why.append("no Expert by Experience was present when it was decided (entry \(meeting.index))") }
            } else {
                why.append("no attendance was recorded for meeting \(d.meeting)")
            }
            if !why.isEmpty { findings.append(Finding(index: d.index, detail: "decision \(d.id) is labelled co-production, but " + why.joined(separator: "; "))) }
        }
        for plan in model.servicePlans where plan.ladderRung == "co_production" {
            checked += 1
            if !plan.contributions.contains(where: { isEbeSource(kind: "contribution", id: $0) }) {
                findings.append(Finding(
                    index: plan.index, detail: "service plan \(plan.id) is labelled co-production but cites no contribution of an Expert by Experience"))
            }
        }
        return result(
            "C-4", "Whatever is labelled co-production had Experts by Experience from the outset and at the decision",
            "working with people with lived experience … as equal partners … from the outset",
            ["rung": "co_production", "ebeCategories": ebe.joined(separator: ",")], checked: checked, findings: findings)
    }

    func c5() -> RuleResult {
        let c = policy.coproduction
        let codes = c.disparityMetricCodes
        var findings: [Finding] = []
        var checked = 0
        for d in model.disparities {
            guard codes.contains(d.metric) || model.metrics[d.metric].map({ codes.contains($0.code) }) == true else { continue }
            let due = d.day + c.disparityActionWithinDays
            let cited = [d.event] + (d.observation.map { [$0] } ?? [])
            let citing = Set(cited.flatMap { model.decisionsCiting[$0] ?? [] })
            let actions = model.actions.values.filter { $0.sourceDecision.map(citing.contains) == true }.sorted { $0.index < $1.index }
            let coproduced = actions.filter { a in
                a.tracedContributions > 0 || (a.sourceDecision.flatMap { model.proposals[$0]?.contributions.isEmpty == false } ?? false)
            }
            if let first = coproduced.first {
                checked += 1
                if first.day > due {
                    findings.append(Finding(index: first.index, detail: "disparity \(d.id): its coproduced action \(first.id) came \(Day.text(first.day)), due by \(Day.text(due))"))
                }
            } else if asOf > due {
                checked += 1
                let what = actions.isEmpty ? "no action was created from a decision that cites it" : "actions \(actions.map(\.id).joined(separator: ", ")) have no contribution linked"
                findings.append(Finding(index: d.index, detail: "disparity \(d.id) on \(d.metric): \(what) (due by \(Day.text(due)))"))
            }
        }
        return result(
            "C-5", "Every survey disparity leads to a coproduced action",
            "identify disparities … and coproduce tailored actions to address them",
            ["metricCodes": codes.joined(separator: ","), "withinDays": String(c.disparityActionWithinDays)], checked: checked, findings: findings,
            limitation: "an action cites a disparity through the decision it comes from (sourceDecisionId), whose proposal cites the disparity's observation or the disparity itself as an input; action.created has no member naming a disparity")
    }

    func c6() -> RuleResult {
        let within = policy.coproduction.recognitionSettledWithinDays
        var findings: [Finding] = []
        var checked = 0
        for id in model.recognitionOrder {
            guard let r = model.recognitions[id], let offered = r.offered else { continue }
            if let settled = r.settled {
                checked += 1
                if settled.day - offered > within {
                    findings.append(Finding(index: settled.index, detail: "recognition \(id) offered \(Day.text(offered)) was settled \(Day.text(settled.day)), \(settled.day - offered) days later"))
                }
            } else if asOf - offered > within {
                checked += 1
                findings.append(Finding(index: r.index, detail: "recognition \(id) has been left offered since \(Day.text(offered))"))
            }
        }
        return result(
            "C-6", "Involvement recognition is not left at offered", "involvement payment practice (NHS England PPV policy)",
            ["withinDays": String(within)], checked: checked, findings: findings)
    }
}
