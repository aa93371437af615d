import LedgerCore

/// The accountability rules of DOMAIN.md section 8 that the catalogue can express.
struct Rules {
    let model: AuditModel
    let policy: AuditPolicy
    let asOf: Int
    let calendar: WorkingDays

    init(model: AuditModel, policy: AuditPolicy, asOf: Int) {
        self.model = model
        self.policy = policy
        self.asOf = asOf
        calendar = WorkingDays(holidays: policy.bankHolidays.dates)
    }

    func all() -> [RuleResult] {
        [g4(), g5(), f1(), f2(), f3(), f4(), c1(), m1(), m3(), m4(), m6(), m7(), p2()]
    }

    static let notImplemented: [String: String] = [
        "G-1": "needs role tenure over time for R-CHAMPION on B-TRUSTEES; roles are assigned but the seed's board membership is not in the template",
        "G-2": "needs membership over time; the projection of memberships by category arrives with the governance projection",
        "G-3": "checked by the template (B-EIB's chair role is R-DCEO); a rule over amendments is not written yet",
        "G-6": "enforced by the catalogue: meeting.held requires declarationsMade or noneDeclared",
        "G-7": "board updates are recorded (board.update_given) but the cadence rule is not written yet",
        "G-8": "representation.reviewed cadence not written yet",
        "G-9": "needs regional bodies per region (B-REGFORUM-<region>) and plan ownership by regional leads",
        "G-10": "minutes.approved timing not written yet",
        "F-5": "channels are an enum of the catalogue, so staff network and advocacy feedback go through the same loop by construction",
        "F-6": "a property of the public output (issue 4's you-said-we-did projection)",
        "C-2": "plan.version_published carries coDevelopedWith; rule not written yet",
        "C-3": "metric.defined carries locallyCoproducedRefs; rule not written yet",
        "C-4": "ladder-rung tracing from an item's first event needs the projections",
        "C-5": "needs disparity → action → contribution links (issue 4)",
        "C-6": "involvement recognition status ageing not written yet",
        "M-2": "competency coverage by open actions and metrics not written yet",
        "M-5": "evaluation.reported by an evaluator key is enforced by the authorization policy; per-year cadence not written yet",
        "M-8 … M-16": "service plan, pay gap, EDI plan, exit interviews, completeness, partner satisfaction and publication rules are not written yet",
        "P-1": "lawfulBasisRef is optional in the catalogue; the rule is not written yet",
        "P-3": "shown by tests (erasure leaves no trace in any output), not by a log rule",
        "P-4 … P-6": "suppression of published tables and pseudonym stability need the projections",
    ]

    func result(_ id: String, _ title: String, _ seed: String, _ parameters: [String: String], checked: Int, findings: [Finding]) -> RuleResult {
        RuleResult(
            id: id, title: title, seed: seed, parameters: parameters,
            verdict: checked == 0 ? .notApplicable : (findings.isEmpty ? .pass : .fail), checked: checked, findings: findings)
    }

    // MARK: Governance

    func g4() -> RuleResult {
        let g = policy.governance
        var findings: [Finding] = []
        var checked = 0
        for d in model.decisions {
            let body = model.decisionBody[d.id] ?? model.meetings[d.meeting]?.body
            if let body, let type = model.bodies[body]?.type, g.exemptBodyTypes.contains(type) { continue }
            checked += 1
            guard let meeting = model.meetings[d.meeting] else {
                findings.append(Finding(index: d.index, detail: "decision \(d.id): no attendance recorded for meeting \(d.meeting)"))
                continue
            }
            let present = meeting.attendees.filter { !meeting.recused.contains($0.person) }
            let ebe = present.filter { g.ebeCategories.contains($0.category) }.count
            let minCount = max(g.ebeMinCount, model.bodies[meeting.body]?.ebeMin ?? 0)
            let minShare = g.ebeMinShare ?? model.bodies[meeting.body]?.ebeShare
            var why: [String] = []
            if ebe < minCount { why.append("\(ebe) Expert(s) by Experience present, \(minCount) required") }
            if let minShare, !present.isEmpty, Double(ebe) / Double(present.count) < minShare {
                why.append("EbE share \(ebe)/\(present.count) below \(minShare)")
            }
            if !why.isEmpty {
                findings.append(Finding(index: d.index, detail: "decision \(d.id) at meeting \(d.meeting) (entry \(meeting.index)): \(why.joined(separator: "; "))"))
            }
        }
        return result(
            "G-4", "Lived experience present at every decision (computed from attendance, recusals excluded)",
            "People with lived experience and carers must be actively involved at every level of the Plan's governance structures, including in decision making",
            ["ebeMinCount": String(g.ebeMinCount), "ebeMinShare": g.ebeMinShare.map { String($0) } ?? "off", "categories": g.ebeCategories.joined(separator: ",")],
            checked: checked, findings: findings)
    }

    func g5() -> RuleResult {
        var findings: [Finding] = []
        var checked = 0
        for meeting in model.meetings.values.sorted(by: { $0.index < $1.index }) {
            guard let body = model.bodies[meeting.body], body.quorumMin > 0 else { continue }
            checked += 1
            let counted = meeting.attendees.filter { body.quorumOf == nil || $0.category == body.quorumOf }.count
            if counted < body.quorumMin {
                findings.append(Finding(index: meeting.index, detail: "meeting of \(meeting.body): \(counted) present, quorum is \(body.quorumMin)\(body.quorumOf.map { " \($0)" } ?? "")"))
            }
        }
        return result(
            "G-5", "Quorum recomputed from attendance against the body's terms of reference", "robust governance is crucial to anti-racism work",
            [:], checked: checked, findings: findings)
    }

    // MARK: Feedback

    func f1() -> RuleResult {
        let n = policy.feedback.acknowledgeWithinWorkingDays
        var findings: [Finding] = []
        var checked = 0
        for id in model.feedbackOrder {
            guard let f = model.feedback[id] else { continue }
            let due = calendar.adding(n, to: f.day)
            if let ack = f.acks.first {
                checked += 1
                if ack.day > due {
                    findings.append(Finding(index: ack.index, detail: "feedback \(id) acknowledged \(Day.text(ack.day)), due \(Day.text(due))"))
                }
            } else if asOf > due {
                checked += 1
                findings.append(Finding(index: f.index, detail: "feedback \(id) received \(Day.text(f.day)) was never acknowledged (due \(Day.text(due)))"))
            }
        }
        return result(
            "F-1", "Feedback acknowledged within the working-day limit", "Act on feedback and provide timely updates",
            ["workingDays": String(n), "bankHolidays": policy.bankHolidays.source], checked: checked, findings: findings)
    }

    func f2() -> RuleResult {
        let respond = policy.feedback.respondWithinDays, every = policy.feedback.statusUpdateEveryDays
        var findings: [Finding] = []
        var checked = 0
        for id in model.feedbackOrder {
            guard let f = model.feedback[id] else { continue }
            let answered = [f.responses.first?.day, f.closed].compactMap { $0 }.min()
            if let answered, answered <= f.day + respond {
                checked += 1
                continue
            }
            let end = min(asOf, answered ?? asOf)
            guard end > f.day + respond else { continue }  // still within its time
            checked += 1
            // Late or unanswered: acceptable only with a status update at least every `every` days.
            let points = ([f.day] + f.updates.filter { $0 <= end } + [end]).sorted()
            let gap = zip(points, points.dropFirst()).map { $1 - $0 }.max() ?? 0
            if gap > every {
                findings.append(Finding(
                    index: f.index,
                    detail: "feedback \(id) received \(Day.text(f.day)): \(answered.map { "answered \(Day.text($0))" } ?? "not answered by \(Day.text(asOf))"), with a \(gap)-day gap in updates"))
            }
        }
        return result(
            "F-2", "Feedback answered or closed in time, or updated regularly", "Act on feedback and provide timely updates to improve services",
            ["respondWithinDays": String(respond), "statusUpdateEveryDays": String(every)], checked: checked, findings: findings)
    }

    func f3() -> RuleResult {
        var findings: [Finding] = []
        let changes = model.responses.filter { $0.changeStatus == "change_made" || $0.changeStatus == "change_planned" }
        for r in changes where (r.changeDescription ?? "").isEmpty || r.actionRef == nil {
            findings.append(Finding(index: r.index, detail: "response to \(r.feedback) (\(r.changeStatus)) has no \((r.changeDescription ?? "").isEmpty ? "change description" : "action reference")"))
        }
        return result(
            "F-3", "A change made or planned names the change and its action",
            "embed the patient and carer voice … planning, implementation and learning cycles", [:], checked: changes.count, findings: findings)
    }

    func f4() -> RuleResult {
        let every = policy.feedback.statusUpdateEveryDays
        var findings: [Finding] = []
        var checked = 0
        for id in model.feedbackOrder {
            guard let f = model.feedback[id], f.contactConsent, let response = f.responses.first else { continue }
            guard f.notified.contains(where: { $0 >= response.day }) || asOf > response.day + every else { continue }
            checked += 1
            if !f.notified.contains(where: { $0 >= response.day }) {
                findings.append(Finding(index: response.index, detail: "feedback \(id): the submitter agreed to be contacted but was not told of the response"))
            }
        }
        return result("F-4", "Submitters who agreed to contact are told of the response", "timely updates", ["withinDays": String(every)], checked: checked, findings: findings)
    }

    // MARK: Coproduction

    func c1() -> RuleResult {
        let c = policy.coproduction
        var findings: [Finding] = []
        var checked = 0
        for id in model.contributionOrder {
            guard let k = model.contributions[id], let body = k.body, c.fromBodies.contains(where: { body == $0 || body.hasPrefix($0 + "-") }) else { continue }
            let due = k.day + c.traceContributionsWithinDays
            let traced = k.traced.min()
            if let traced {
                checked += 1
                if traced > due { findings.append(Finding(index: k.index, detail: "contribution \(id) traced \(Day.text(traced)), due \(Day.text(due))")) }
            } else if asOf > due {
                checked += 1
                findings.append(Finding(index: k.index, detail: "contribution \(id) from \(body) was never traced to what it influenced (due \(Day.text(due)))"))
            }
        }
        return result(
            "C-1", "Every advisory-board contribution is traced to what it influenced",
            "Work with our … Lived Experience Advisory Board and Carers Advisory Board … to shape and influence the delivery",
            ["withinDays": String(c.traceContributionsWithinDays), "bodies": c.fromBodies.joined(separator: ",")], checked: checked, findings: findings)
    }
}
