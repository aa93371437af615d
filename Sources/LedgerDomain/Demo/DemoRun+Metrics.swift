import LedgerCore

// Metrics: defined, observed by ethnicity (ONS 2021 codes, with "not stated" and "not known"
// counted apart), and a survey disparity identified.
extension DemoRun {
    static let suesWaveOne = 200
    static let suesWaveTwo = 345
    /// Quarter ends (days) and the days their figures are observed.
    static let quarters: [(from: Int, to: Int, observed: Int)] = [(0, 90, 100), (91, 182, 192), (183, 274, 284), (275, 364, 364)]

    func defineMetric(
        _ signer: String, id: String, code: String, name: String, competencies: [String], unit: String, numerator: String,
        denominator: String? = nil, dimensions: [String], cadence: String, target: Int? = nil, region: Int? = nil, coproduced: [String] = []
    ) {
        var payload: [String: JSONValue] = [
            "metricId": J.s(id), "code": J.s(code), "name": J.s(name), "competencies": J.strings(competencies), "unit": J.s(unit),
            "numerator": J.s(numerator), "dimensions": J.strings(dimensions), "cadence": J.s(cadence),
            "scope": J.s(region == nil ? "national" : "regional"), "sdcPolicyRef": "SDC-1", "locallyCoproducedRefs": J.strings(coproduced),
        ]
        if let denominator { payload["denominator"] = J.s(denominator) }
        if let target { payload["target"] = J.n(target) }
        if let region { payload["regionId"] = J.s(world.regions[region].id) }
        emit(signer, "metric.defined", stream: "metric/\(id)", payload)
    }

    func defineNationalMetrics() {
        let d = world.dataLead
        defineMetric(d, id: "M-WFD", code: "M-WFD", name: "Workforce by ethnicity", competencies: ["C-WF"], unit: "count",
                     numerator: "Staff in post on the last day of the quarter", dimensions: ["ethnicity", "pay_band"], cadence: "quarterly")
        defineMetric(d, id: "M-EPG", code: "M-EPG", name: "Ethnicity pay gap, median hourly pay", competencies: ["C-WF"], unit: "percent",
                     numerator: "Median hourly pay gap of each ethnic group against White British staff", dimensions: ["ethnicity_group"],
                     cadence: "annual")
        defineMetric(d, id: "M-EXIT", code: "M-EXIT", name: "Exit interviews completed", competencies: ["C-WF"], unit: "percent",
                     numerator: "Leavers who completed an exit interview", denominator: "Leavers in the quarter", dimensions: [],
                     cadence: "quarterly", target: 75)
        defineMetric(d, id: "M-SUES", code: "M-SUES", name: "Service users who felt listened to (SUES)", competencies: ["C-CP", "C-CA"],
                     unit: "percent", numerator: "Respondents answering 'always' or 'usually'", denominator: "Respondents",
                     dimensions: ["ethnicity"], cadence: "twice_yearly")
        defineMetric(d, id: "M-IMPACT", code: "M-IMPACT", name: "Impact Framework: recovery outcome improved", competencies: ["C-CL"],
                     unit: "percent", numerator: "People whose recovery outcome score improved", denominator: "People with two scores",
                     dimensions: ["ethnicity", "age", "disability", "gender_reassignment", "marriage_civil_partnership", "pregnancy_maternity",
                                  "religion_belief", "sex", "sexual_orientation"], cadence: "twice_yearly")
        for group in ["partners", "service-users", "carers", "staff"] {
            defineMetric(d, id: "M-SAT-\(group)", code: "M-SAT", name: "Satisfaction with partnership working (\(group.split(separator: "-").joined(separator: " ")))",
                         competencies: ["C-PW"], unit: "percent", numerator: "Respondents satisfied or very satisfied",
                         denominator: "Respondents", dimensions: ["respondent_group"], cadence: "annual")
        }
        defineMetric(d, id: "M-PDP", code: "M-PDP", name: "Staff with a race equality goal in their development plan",
                     competencies: ["C-SKA"], unit: "percent", numerator: "Staff with a race equality goal", denominator: "Staff in post",
                     dimensions: [], cadence: "quarterly", target: 90)
        defineMetric(d, id: "M-MENTOR", code: "M-MENTOR", name: "Mutual mentoring pairs active", competencies: ["C-WF", "C-CL"], unit: "count",
                     numerator: "Mentoring pairs that met in the quarter", dimensions: [], cadence: "quarterly")
    }

    /// The regional ethnicity-recording metric, defined with the forum's first contribution.
    func defineRegionalMetric(_ r: Int) {
        let region = world.regions[r]
        let refs = firstForumContribution[r].map { [$0] } ?? []
        defineMetric(region.lead, id: "M-SUD-\(region.id)", code: "M-SUD", name: "Service users with a recorded ethnicity, \(region.name)",
                     competencies: ["C-CA", "C-SKA"], unit: "percent",
                     numerator: "Open service users whose ethnicity is recorded (any code but not stated or not known)",
                     denominator: "Open service users on the last day of the quarter", dimensions: ["ethnicity", "service"],
                     cadence: "quarterly", target: 90, region: r, coproduced: refs)
        if let id = refs.first {
            emit(region.lead, "contribution.influence_traced", stream: "contribution/\(id)", [
                "contributionId": J.s(id), "targetType": "metric", "targetId": J.s("M-SUD-\(region.id)"), "influence": "adopted",
                "explanation": "The forum asked for ethnicity recording to be measured service by service; the metric does that.",
            ])
        }
    }

    /// Counts by ethnicity summing to `recorded`, with the not-stated and not-known counts.
    func ethnicityCounts(total: Int, notStated: Int, notKnown: Int) -> [(code: EthnicityCode, n: Int)] {
        let recorded = max(0, total - notStated - notKnown)
        let weights = EthnicityCode.categories.map { code -> Int in
            let base = code == .whiteBritish ? 30 : code.group == .white ? 4 : code.group == .other ? 3 : 6
            return base * rng.between(7, 13)
        }
        let sum = max(1, weights.reduce(0, +))
        var counts = zip(EthnicityCode.categories, weights).map { ($0, recorded * $1 / sum) }
        let short = recorded - counts.reduce(0) { $0 + $1.1 }
        if short > 0, !counts.isEmpty { counts[0].1 += short }
        return counts.filter { $0.1 > 0 } + [(.notStated, notStated), (.notKnown, notKnown)]
    }

    private func completeness(_ notStated: Int, _ notKnown: Int, _ total: Int) -> JSONValue {
        ["notStated": J.n(notStated), "notKnown": J.n(notKnown), "total": J.n(total)]
    }

    private func observe(_ signer: String, metric: String, period: JSONValue, cells: [JSONValue], region: Int? = nil, service: Int? = nil,
                         completeness: JSONValue? = nil, label: String) -> String {
        let id = J.uuid(seed: seed, "observation/\(label)")
        var payload: [String: JSONValue] = [
            "metricId": J.s(metric), "period": period, "scope": J.s(service != nil ? "local" : region != nil ? "regional" : "national"),
            "cells": .array(cells),
        ]
        if let region { payload["regionId"] = J.s(world.regions[region].id) }
        if let service { payload["serviceId"] = J.s(world.services[service].id) }
        if let completeness {
            payload["completeness"] = completeness
            payload["ethnicityCodeSystem"] = "ons2021"
        }
        emit(signer, "metric.observed", stream: "metric/\(metric)", payload, id: id)
        return id
    }

    func observeQuarter(_ q: Int) {
        let quarter = Self.quarters[q]
        let period = J.period(quarter.from, quarter.to)
        for (s, service) in world.services.enumerated() {
            // Recording improves every quarter: "not known" and "not stated" shares only fall.
            let total = rng.between(80, 400)
            let notKnown = total * max(2, 12 + s * 7 % 5 - 3 * q) / 100
            let notStated = total * max(2, 6 + s % 3 - q) / 100
            var cells: [JSONValue] = ethnicityCounts(total: total, notStated: notStated, notKnown: notKnown).map {
                ["dims": ["ethnicity": J.s($0.code.rawValue)], "n": J.n($0.n), "d": J.n(total)]
            }
            let recorded = total - notStated - notKnown
            cells.append(["dims": [:], "n": J.n(recorded), "d": J.n(total), "value": .number((Double(recorded * 1000 / total)) / 10)])
            let id = observe(service.manager, metric: "M-SUD-\(world.regions[service.region].id)", period: period, cells: cells,
                             region: service.region, service: s, completeness: completeness(notStated, notKnown, total), label: "sud/\(service.id)/\(q)")
            if s == 0 { observationRefs.append(id) }
        }
        let people = world.peopleLead
        let staff = 1800 + 40 * q
        let (wfStated, wfKnown) = (staff * (6 - q) / 100, staff * (5 - q) / 100)
        let wfCells: [JSONValue] = ethnicityCounts(total: staff, notStated: wfStated, notKnown: wfKnown).map {
            ["dims": ["ethnicity": J.s($0.code.rawValue)], "n": J.n($0.n)]
        }
        observationRefs.append(observe(people, metric: "M-WFD", period: period, cells: wfCells, completeness: completeness(wfStated, wfKnown, staff),
                                       label: "wfd/\(q)"))
        let leavers = rng.between(60, 110)
        let completed = leavers * (55 + 8 * q) / 100
        _ = observe(people, metric: "M-EXIT", period: period, cells: [["dims": [:], "n": J.n(completed), "d": J.n(leavers),
                                                                       "value": J.n(completed * 100 / leavers)]], label: "exit/\(q)")
        let pdp = staff * (40 + 15 * q) / 100
        _ = observe(people, metric: "M-PDP", period: period, cells: [["dims": [:], "n": J.n(pdp), "d": J.n(staff), "value": J.n(pdp * 100 / staff)]],
                    label: "pdp/\(q)")
        _ = observe(people, metric: "M-MENTOR", period: period, cells: [["dims": [:], "n": J.n(24 + 6 * q)]], label: "mentor/\(q)")
    }

    /// A Service User Experience Survey wave; the first one finds that Black African respondents
    /// feel listened to less often than White British respondents.
    func suesWave(_ wave: Int) {
        let from = wave == 1 ? 0 : Self.suesWaveOne - 10
        let period = J.period(from, day - 10)
        let respondents = 900 + world.services.count * 40
        let (stated, known) = (respondents * 7 / 100, respondents * 4 / 100)
        var cells: [JSONValue] = []
        var rates: [EthnicityCode: Int] = [:]
        for (code, n) in ethnicityCounts(total: respondents, notStated: stated, notKnown: known) {
            let rate = code == .blackAfrican ? (wave == 1 ? 64 : 71) : code == .whiteBritish ? 78 : 70 + rng.between(0, 8)
            rates[code] = rate
            cells.append(["dims": ["ethnicity": J.s(code.rawValue)], "n": J.n(n * rate / 100), "d": J.n(n), "value": J.n(rate)])
        }
        let id = observe(world.dataLead, metric: "M-SUES", period: period, cells: cells, completeness: completeness(stated, known, respondents),
                         label: "sues/\(wave)")
        observationRefs.append(id)
        guard wave == 1 else { return }
        suesObservation = id
        emit(world.dataLead, "metric.disparity_identified", stream: "metric/M-SUES", [
            "disparityId": "DSP-2025-01", "metricId": "M-SUES", "period": period, "focusGroup": ["ethnicity": "B2"],
            "referenceGroup": ["ethnicity": "W1"], "magnitude": J.n((rates[.whiteBritish] ?? 78) - (rates[.blackAfrican] ?? 64)),
            "magnitudeUnit": "percentage_points", "method": "risk_difference", "observationRef": J.s(id),
        ])
    }

    /// Impact Framework outcomes across the nine protected characteristics.
    func impact(_ wave: Int) {
        let total = 1200 + world.services.count * 30
        let (stated, known) = (total * 6 / 100, total * 5 / 100)
        var cells: [JSONValue] = ethnicityCounts(total: total, notStated: stated, notKnown: known).map {
            let rate = 55 + rng.between(0, 15)
            return ["dims": ["ethnicity": J.s($0.code.rawValue)], "n": J.n($0.n * rate / 100), "d": J.n($0.n), "value": J.n(rate)]
        }
        let groups: [(String, [String])] = [
            ("age", ["18-24", "25-34", "35-49", "50-64", "65+"]), ("sex", ["female", "male"]), ("disability", ["yes", "no"]),
            ("religionBelief", ["christian", "muslim", "hindu", "sikh", "no_religion", "other"]),
            ("sexualOrientation", ["heterosexual", "gay_lesbian_bisexual", "other"]), ("genderReassignment", ["no", "yes"]),
            ("marriageCivilPartnership", ["married_or_civil_partner", "not_married"]), ("pregnancyMaternity", ["no", "yes"]),
        ]
        for (dimension, values) in groups {
            for value in values {
                let d = total / values.count
                let rate = 55 + rng.between(0, 15)
                cells.append(["dims": [dimension: J.s(value)], "n": J.n(d * rate / 100), "d": J.n(d), "value": J.n(rate)])
            }
        }
        let from = wave == 1 ? 0 : 183
        observationRefs.append(observe(world.dataLead, metric: "M-IMPACT", period: J.period(from, day - 7), cells: cells,
                                       completeness: completeness(stated, known, total), label: "impact/\(wave)"))
    }

    /// The ethnicity pay gap, its report and the WF-2 milestone.
    func payGap() {
        let cells: [JSONValue] = [("black", 8.4), ("asian", 5.1), ("mixed", 3.2), ("other", 6.7)].map {
            ["dims": ["ethnicityGroup": J.s($0.0)], "n": J.n(rng.between(60, 240)), "value": .number($0.1)]
        }
        let id = observe(world.peopleLead, metric: "M-EPG", period: J.period(-365 + 4, 4), cells: cells, completeness: completeness(92, 64, 1840),
                         label: "epg")
        observationRefs.append(id)
        publishReport(world.peopleLead, id: "RP-2025-EPG", type: "ethnicity_pay_gap", title: "Ethnicity pay gap report 2025",
                      from: -365 + 4, to: 4, observations: [id])
        milestone(world.peopleLead, action: "WF-2", title: "Ethnicity pay gap report published", report: "RP-2025-EPG")
    }

    /// Partner, service user, carer and staff satisfaction with partnership working.
    func satisfaction() {
        for (group, metric) in [("partners", "partners"), ("service_users", "service-users"), ("carers", "carers"), ("staff", "staff")] {
            let d = rng.between(40, 400)
            let rate = rng.between(62, 84)
            let id = observe(world.headRje, metric: "M-SAT-\(metric)", period: J.period(0, day - 5),
                             cells: [["dims": ["respondentGroup": J.s(group)], "n": J.n(d * rate / 100), "d": J.n(d), "value": J.n(rate)]],
                             label: "sat/\(group)")
            emit(world.headRje, "partner.satisfaction_observed", stream: "metric/M-SAT-\(metric)", [
                "metricId": J.s("M-SAT-\(metric)"), "period": J.period(0, day - 5), "respondentGroup": J.s(group), "metricObservationRef": J.s(id),
            ])
        }
    }
}
