import LedgerCore
import LedgerDomain

// Monitoring: independent evaluation, metrics and the reports built on them (M-5, M-9 … M-14).
//
// A metric's clock starts when the metric is defined in the log (it cannot be observed before);
// whether it is defined at all is judged from the plan start.
extension Rules {
    /// Months between observations for a metric's declared cadence (nil: ad hoc).
    static func months(ofCadence cadence: String) -> Int? {
        ["monthly": 1, "quarterly": 3, "twice_yearly": 6, "annual": 12][cadence]
    }

    /// Whether `keyID` belongs to an independent evaluator: registered with the evaluator role,
    /// held by a person registered as an independent evaluator who is not staff.
    func isIndependent(_ keyID: String) -> Bool {
        guard let key = model.keyHolders[keyID], key.role == "evaluator", let holder = key.holder, holder.hasPrefix("person/") else { return false }
        let person = String(holder.dropFirst("person/".count))
        return model.person(person, isIn: [policy.monitoring.evaluatorCategory]) && !model.person(person, isIn: policy.governance.staffCategories)
    }

    func m5() -> RuleResult {
        let m = policy.monitoring
        var findings: [Finding] = []
        for e in model.evaluations where !isIndependent(e.signer) {
            let holder = model.keyHolders[e.signer]?.holder ?? "an unregistered holder"
            findings.append(Finding(index: e.index, detail: "evaluation reported under key \(e.signer) of \(holder), who is not an independent evaluator (\(m.evaluatorCategory), not staff)"))
        }
        var checked = model.evaluations.count
        for year in planYears {
            let independent = model.evaluations.filter { $0.day >= year.start && $0.day <= year.end && isIndependent($0.signer) }
            if year.end < asOf {
                checked += 1
                if independent.isEmpty { findings.append(Finding(index: nil, detail: "no independent evaluation reported in plan year \(year.label)")) }
            }
        }
        return result(
            "M-5", "An independent evaluation reported every plan year, by an evaluator who is not staff",
            "and independent evaluation on the implementation",
            ["perPlanYear": "1", "evaluatorCategory": m.evaluatorCategory, "from": policy.plan.planStart], checked: checked, findings: findings)
    }

    func m9() -> RuleResult {
        let m = policy.monitoring
        let title = "The ethnicity pay gap is measured and reported every year"
        let seed = "Report on our Ethnicity Pay Gap"
        let parameters = ["metricCode": m.payGapMetricCode, "everyMonths": String(m.payGapEveryMonths), "graceDays": String(m.graceDays)]
        guard planStarted else { return beforePlanStart("M-9", title, seed, parameters) }
        let defined = metrics(coded: m.payGapMetricCode)
        let reports = model.reports.filter { $0.type == "ethnicity_pay_gap" }
        let firstDue = Self.firstDeadline(from: max(defined.first?.day ?? planStart, planStart), everyMonths: m.payGapEveryMonths, graceDays: m.graceDays)
        guard !reports.isEmpty || asOf > firstDue else {
            return notYetDue(
                "M-9", title, seed, parameters,
                "the first ethnicity pay gap report is due by \(Day.text(firstDue))" + (defined.isEmpty ? " (no metric with code \(m.payGapMetricCode) is defined yet)" : ""))
        }
        guard let first = defined.first else {
            return result("M-9", title, seed, parameters, checked: 1, findings: [Finding(index: nil, detail: "no pay gap metric (code \(m.payGapMetricCode)) is defined; the first report was due by \(Day.text(firstDue))")])
        }
        let ids = Set(defined.map(\.id))
        var findings = cadence(
            reports.map { AuditModel.Dated(day: $0.day, index: $0.index) }, from: max(first.day, planStart), startLabel: "the metric's definition",
            everyMonths: m.payGapEveryMonths, graceDays: m.graceDays, noun: "ethnicity pay gap report")
        for r in reports where !r.observations.contains(where: { model.observationMetric[$0].map(ids.contains) == true }) {
            findings.append(Finding(index: r.index, detail: "pay gap report \(r.id) cites no observation of \(m.payGapMetricCode)"))
        }
        return result("M-9", title, seed, parameters, checked: 1 + reports.count, findings: findings)
    }

    func m10() -> RuleResult {
        let m = policy.monitoring
        var findings: [Finding] = []
        var checked = 0
        var pending = 0
        for type in m.currentReportTypes {
            let latest = model.reports.filter { $0.type == type }.max { ($0.day, $0.index) < ($1.day, $1.index) }
            if let latest {
                checked += 1
                let expires = CivilDate(dayNumber: latest.day).adding(years: m.currentReportMaxAgeYears).dayNumber
                if asOf >= expires {
                    findings.append(Finding(index: latest.index, detail: "the latest \(type), \(latest.id) of \(Day.text(latest.day)), is \(m.currentReportMaxAgeYears) or more years old"))
                }
            } else {
                let due = CivilDate(dayNumber: planStart).adding(years: m.currentReportMaxAgeYears).dayNumber
                if asOf >= due {
                    checked += 1
                    findings.append(Finding(index: nil, detail: "no \(type) has been published (due by \(Day.text(due)))"))
                } else {
                    pending += 1
                }
            }
        }
        return result(
            "M-10", "The EDI Strategic Plan and the Staff Networks Action Plan are published and current",
            "Publish our Equity, Diversity, Inclusion Strategic Plan, and Staff Networks Action Plan",
            ["reportTypes": m.currentReportTypes.joined(separator: ","), "maxAgeYears": String(m.currentReportMaxAgeYears)], checked: checked, findings: findings, pending: pending)
    }

    /// Observation cadence findings for one metric: each observation within its declared cadence
    /// (plus grace) of the one before, the first within one cadence of the definition.
    func observedEachPeriod(_ metric: AuditModel.Metric) -> [Finding] {
        guard let months = Self.months(ofCadence: metric.cadence) else { return [] }
        let seen = model.observations.filter { $0.metric == metric.id }
        return cadence(
            seen.map { AuditModel.Dated(day: $0.day, index: $0.index) }, from: metric.day, startLabel: "its definition on \(Day.text(metric.day))",
            everyMonths: months, graceDays: policy.monitoring.graceDays, noun: "observation of \(metric.id) (\(metric.cadence))")
    }

    func m11() -> RuleResult {
        let m = policy.monitoring
        let title = "Exit-interview completion observed every period"
        let seed = "completion of exit interviews"
        let parameters = ["metricCode": m.exitInterviewMetricCode, "graceDays": String(m.graceDays)]
        guard planStarted else { return beforePlanStart("M-11", title, seed, parameters) }
        let defined = metrics(coded: m.exitInterviewMetricCode)
        guard !defined.isEmpty else {
            return result("M-11", title, seed, parameters, checked: 1, findings: [Finding(index: nil, detail: "no exit-interview metric (code \(m.exitInterviewMetricCode)) is defined")])
        }
        return result("M-11", title, seed, parameters, checked: defined.count, findings: defined.flatMap(observedEachPeriod))
    }

    func m12() -> RuleResult {
        let m = policy.monitoring
        let title = "Ethnicity completeness observed every period, \"not stated\" and \"not known\" apart, and not falling unexplained"
        let seed = "Improve data collection around ethnicity and other demographics; Continue to improve the collection of our service user diversity data"
        let parameters = ["metricCodes": m.completenessMetricCodes.joined(separator: ","), "graceDays": String(m.graceDays)]
        guard planStarted else { return beforePlanStart("M-12", title, seed, parameters) }
        var findings: [Finding] = []
        var checked = 0
        for code in m.completenessMetricCodes {
            let defined = metrics(coded: code)
            if defined.isEmpty {
                findings.append(Finding(index: nil, detail: "no metric with code \(code) is defined"))
                continue
            }
            for metric in defined {
                checked += 1
                findings += observedEachPeriod(metric)
                var previous: [String: (share: Double, index: Int)] = [:]
                for o in model.observations where o.metric == metric.id {
                    guard let c = o.completeness else {
                        if o.hasEthnicity { findings.append(Finding(index: o.index, detail: "observation of \(metric.id) by ethnicity reports no completeness (\"not stated\" and \"not known\")")) }
                        continue
                    }
                    guard let total = c.total, total > 0 else { continue }
                    let share = Double(total - c.notStated - c.notKnown) / Double(total)
                    if let before = previous[o.place], share < before.share, !model.citedEvents.contains(o.id) {
                        findings.append(Finding(
                            index: o.index,
                            detail: "completeness of \(metric.id) at \(o.place) fell from \(Self.percent(before.share)) (entry \(before.index)) to \(Self.percent(share)) with no later event citing the observation to explain it"))
                    }
                    previous[o.place] = (share, o.index)
                }
                // An observation of this metric that does not decode cannot show its completeness.
                let stream = MetricObserved.stream(of: metric.id)
                for entry in model.undecodable where entry.type == MetricObserved.eventType && entry.stream == stream {
                    findings.append(Finding(index: entry.index, detail: entry.detail))
                }
            }
        }
        return result("M-12", title, seed, parameters, checked: checked, findings: findings)
    }

    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    func m13() -> RuleResult {
        let m = policy.monitoring
        let title = "The Impact Framework's outcome metric covers all nine protected characteristics"
        let seed = "compare data across the protected characteristics"
        let parameters = ["metricCode": m.impactMetricCode, "characteristics": m.protectedCharacteristics.keys.sorted().joined(separator: ",")]
        guard planStarted else { return beforePlanStart("M-13", title, seed, parameters) }
        let defined = metrics(coded: m.impactMetricCode)
        guard !defined.isEmpty else {
            return result("M-13", title, seed, parameters, checked: 1, findings: [Finding(index: nil, detail: "no Impact Framework metric (code \(m.impactMetricCode)) is defined")])
        }
        // A governed exemption: policy.parameter_set with ruleId M-13, parameter exemptCharacteristic.
        let exempt = (model.exemptions["M-13"] ?? []).filter { $0.parameter == "exemptCharacteristic" }
        var findings: [Finding] = []
        var notes: [Finding] = []
        for metric in defined {
            for (characteristic, names) in m.protectedCharacteristics.sorted(by: { $0.key < $1.key })
            where !metric.dimensions.contains(where: names.contains) {
                if let e = exempt.first(where: { $0.value == characteristic }) {
                    notes.append(Finding(index: e.index, detail: "\(metric.id) leaves out \(characteristic) by a recorded exemption"))
                } else {
                    findings.append(Finding(index: metric.index, detail: "\(metric.id) has no dimension for \(characteristic) (dimensions: \(metric.dimensions.joined(separator: ", ")))"))
                }
            }
        }
        return result("M-13", title, seed, parameters, checked: defined.count, findings: findings, notes: notes)
    }

    func m14() -> RuleResult {
        let m = policy.monitoring
        let title = "Satisfaction with partnership working observed every year for all four groups"
        let seed = "monitoring satisfaction levels with partner organisations, service users, carers and Rethink staff"
        let parameters = ["metricCode": m.satisfactionMetricCode, "groups": m.satisfactionGroups.joined(separator: ","), "everyMonths": String(m.satisfactionEveryMonths)]
        guard planStarted else { return beforePlanStart("M-14", title, seed, parameters) }
        let defined = metrics(coded: m.satisfactionMetricCode).first
        let firstDue = Self.firstDeadline(from: max(defined?.day ?? planStart, planStart), everyMonths: m.satisfactionEveryMonths, graceDays: m.graceDays)
        guard !model.satisfaction.isEmpty || asOf > firstDue else {
            return notYetDue(
                "M-14", title, seed, parameters,
                "the first satisfaction observations are due by \(Day.text(firstDue))"
                    + (defined == nil ? " (no metric with code \(m.satisfactionMetricCode) is defined yet)" : ""))
        }
        guard let first = defined else {
            return result("M-14", title, seed, parameters, checked: 1, findings: [Finding(index: nil, detail: "no satisfaction metric (code \(m.satisfactionMetricCode)) is defined; the first observations were due by \(Day.text(firstDue))")])
        }
        var findings: [Finding] = []
        var checked = 0
        var pending = 0
        for group in m.satisfactionGroups {
            let seen = model.satisfaction.filter { $0.group == group }.map { AuditModel.Dated(day: $0.day, index: $0.index) }
            if !seen.isEmpty || asOf > firstDue { checked += 1 } else { pending += 1 }
            findings += cadence(
                seen, from: max(first.day, planStart), startLabel: "the metric's definition", everyMonths: m.satisfactionEveryMonths,
                graceDays: m.graceDays, noun: "satisfaction observation of \(group)")
        }
        return result("M-14", title, seed, parameters, checked: checked, findings: findings, pending: pending)
    }
}
