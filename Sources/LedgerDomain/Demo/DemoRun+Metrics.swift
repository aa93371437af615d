import LedgerCore

// Metrics: defined, observed by ethnicity (ONS 2021 codes, with "not stated" and "not known"
// counted apart), and a survey disparity identified.
extension DemoRun {
    static let suesWaveOne = 200
    static let suesWaveTwo = 345
    /// Quarter ends (days) and the days their figures are observed.
    static let quarters: [(from: Int, to: Int, observed: Int)] = [(0, 90, 100), (91, 182, 192), (183, 274, 284), (275, 364, 364)]

    func defineMetric(
        _ signer: String, id: String, code: String, name: String, competencies: [Competency], unit: MetricVocabulary.Unit, numerator: String,
        denominator: String? = nil, dimensions: [MetricVocabulary.Dimension], cadence: MetricVocabulary.Cadence, target: Int? = nil,
        region: Int? = nil, coproduced: [String] = []
    ) {
        let metric = MetricDefined(
            metricId: id, code: code, name: name, competencies: competencies, unit: unit, numerator: numerator, denominator: denominator,
            dimensions: dimensions, cadence: cadence, target: target.map(Double.init), scope: region == nil ? .national : .regional,
            regionId: region.map { world.regions[$0].id }, sdcPolicyRef: "SDC-1", locallyCoproducedRefs: coproduced)
        emit(signer, metric)
    }

    func defineNationalMetrics() {
        let d = world.dataLead
        defineMetric(d, id: "M-WFD", code: "M-WFD", name: "Workforce by ethnicity", competencies: [.workforce], unit: .count,
                     numerator: "Staff in post on the last day of the quarter", dimensions: [.ethnicity, .payBand], cadence: .quarterly)
        defineMetric(d, id: "M-EPG", code: "M-EPG", name: "Ethnicity pay gap, median hourly pay", competencies: [.workforce], unit: .percent,
                     numerator: "Median hourly pay gap of each ethnic group against White British staff", dimensions: [.ethnicityGroup],
                     cadence: .annual)
        defineMetric(d, id: "M-EXIT", code: "M-EXIT", name: "Exit interviews completed", competencies: [.workforce], unit: .percent,
                     numerator: "Leavers who completed an exit interview", denominator: "Leavers in the quarter", dimensions: [],
                     cadence: .quarterly, target: 75)
        defineMetric(d, id: "M-SUES", code: "M-SUES", name: "Service users who felt listened to (SUES)",
                     competencies: [.coproduction, .culturalAwareness], unit: .percent, numerator: "Respondents answering 'always' or 'usually'",
                     denominator: "Respondents", dimensions: [.ethnicity], cadence: .twiceYearly)
        defineMetric(d, id: "M-IMPACT", code: "M-IMPACT", name: "Impact Framework: recovery outcome improved", competencies: [.coLearning],
                     unit: .percent, numerator: "People whose recovery outcome score improved", denominator: "People with two scores",
                     dimensions: [.ethnicity, .age, .disability, .genderReassignment, .marriageCivilPartnership, .pregnancyMaternity,
                                  .religionBelief, .sex, .sexualOrientation], cadence: .twiceYearly)
        for group in ["partners", "service-users", "carers", "staff"] {
            defineMetric(d, id: "M-SAT-\(group)", code: "M-SAT", name: "Satisfaction with partnership working (\(group.split(separator: "-").joined(separator: " ")))",
                         competencies: [.partnershipWorking], unit: .percent, numerator: "Respondents satisfied or very satisfied",
                         denominator: "Respondents", dimensions: [.respondentGroup], cadence: .annual)
        }
        defineMetric(d, id: "M-PDP", code: "M-PDP", name: "Staff with a race equality goal in their development plan",
                     competencies: [.staffKnowledge], unit: .percent, numerator: "Staff with a race equality goal", denominator: "Staff in post",
                     dimensions: [], cadence: .quarterly, target: 90)
        defineMetric(d, id: "M-MENTOR", code: "M-MENTOR", name: "Mutual mentoring pairs active", competencies: [.workforce, .coLearning], unit: .count,
                     numerator: "Mentoring pairs that met in the quarter", dimensions: [], cadence: .quarterly)
    }

    /// The regional ethnicity-recording metric, defined with the forum's first contribution.
    func defineRegionalMetric(_ r: Int) {
        let region = world.regions[r]
        let refs = firstForumContribution[r].map { [$0] } ?? []
        defineMetric(region.lead, id: "M-SUD-\(region.id)", code: "M-SUD", name: "Service users with a recorded ethnicity, \(region.name)",
                     competencies: [.culturalAwareness, .staffKnowledge], unit: .percent,
                     numerator: "Open service users whose ethnicity is recorded (any code but not stated or not known)",
                     denominator: "Open service users on the last day of the quarter", dimensions: [.ethnicity, .service],
                     cadence: .quarterly, target: 90, region: r, coproduced: refs)
        if let id = refs.first {
            emit(region.lead, ContributionInfluenceTraced(
                contributionId: id, targetType: .metric, targetId: "M-SUD-\(region.id)", influence: .adopted,
                explanation: "The forum asked for ethnicity recording to be measured service by service; the metric does that."))
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

    private func completeness(_ notStated: Int, _ notKnown: Int, _ total: Int) -> MetricVocabulary.Completeness {
        MetricVocabulary.Completeness(notStated: notStated, notKnown: notKnown, total: total)
    }

    private func observe(
        _ signer: String, metric: String, period: MetricVocabulary.Period, cells: [MetricVocabulary.Cell], region: Int? = nil, service: Int? = nil,
        completeness: MetricVocabulary.Completeness? = nil, label: String
    ) -> String {
        let id = J.uuid(seed: seed, "observation/\(label)")
        let observation = MetricObserved(
            metricId: metric, period: period, scope: service != nil ? .local : region != nil ? .regional : .national,
            regionId: region.map { world.regions[$0].id }, serviceId: service.map { world.services[$0].id }, cells: cells,
            ethnicityCodeSystem: completeness == nil ? nil : .ons2021, completeness: completeness)
        emit(signer, observation, id: id)
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
            var cells = ethnicityCounts(total: total, notStated: notStated, notKnown: notKnown).map {
                MetricVocabulary.Cell(dims: .init(ethnicity: $0.code), n: $0.n, d: total)
            }
            let recorded = total - notStated - notKnown
            cells.append(MetricVocabulary.Cell(dims: .init(), n: recorded, d: total, value: Double(recorded * 1000 / total) / 10))
            let id = observe(service.manager, metric: "M-SUD-\(world.regions[service.region].id)", period: period, cells: cells,
                             region: service.region, service: s, completeness: completeness(notStated, notKnown, total), label: "sud/\(service.id)/\(q)")
            if s == 0 { observationRefs.append(id) }
        }
        let people = world.peopleLead
        let staff = 1800 + 40 * q
        let (wfStated, wfKnown) = (staff * (6 - q) / 100, staff * (5 - q) / 100)
        let wfCells = ethnicityCounts(total: staff, notStated: wfStated, notKnown: wfKnown).map {
            MetricVocabulary.Cell(dims: .init(ethnicity: $0.code), n: $0.n)
        }
        observationRefs.append(observe(people, metric: "M-WFD", period: period, cells: wfCells, completeness: completeness(wfStated, wfKnown, staff),
                                       label: "wfd/\(q)"))
        let leavers = rng.between(60, 110)
        let completed = leavers * (55 + 8 * q) / 100
        _ = observe(people, metric: "M-EXIT", period: period,
                    cells: [MetricVocabulary.Cell(dims: .init(), n: completed, d: leavers, value: Double(completed * 100 / leavers))], label: "exit/\(q)")
        let pdp = staff * (40 + 15 * q) / 100
        _ = observe(people, metric: "M-PDP", period: period,
                    cells: [MetricVocabulary.Cell(dims: .init(), n: pdp, d: staff, value: Double(pdp * 100 / staff))], label: "pdp/\(q)")
        _ = observe(people, metric: "M-MENTOR", period: period, cells: [MetricVocabulary.Cell(dims: .init(), n: 24 + 6 * q)], label: "mentor/\(q)")
    }

    /// A Service User Experience Survey wave; the first one finds that Black African respondents
    /// feel listened to less often than White British respondents.
    func suesWave(_ wave: Int) {
        let from = wave == 1 ? 0 : Self.suesWaveOne - 10
        let period = J.period(from, day - 10)
        let respondents = 900 + world.services.count * 40
        let (stated, known) = (respondents * 7 / 100, respondents * 4 / 100)
        var cells: [MetricVocabulary.Cell] = []
        var rates: [EthnicityCode: Int] = [:]
        for (code, n) in ethnicityCounts(total: respondents, notStated: stated, notKnown: known) {
            let rate = code == .blackAfrican ? (wave == 1 ? 64 : 71) : code == .whiteBritish ? 78 : 70 + rng.between(0, 8)
            rates[code] = rate
            cells.append(MetricVocabulary.Cell(dims: .init(ethnicity: code), n: n * rate / 100, d: n, value: Double(rate)))
        }
        let id = observe(world.dataLead, metric: "M-SUES", period: period, cells: cells, completeness: completeness(stated, known, respondents),
                         label: "sues/\(wave)")
        observationRefs.append(id)
        guard wave == 1 else { return }
        suesObservation = id
        emit(world.dataLead, DisparityIdentified(
            disparityId: "DSP-2025-01", metricId: "M-SUES", period: period, focusGroup: .init(ethnicity: .blackAfrican),
            referenceGroup: .init(ethnicity: .whiteBritish), magnitude: Double((rates[.whiteBritish] ?? 78) - (rates[.blackAfrican] ?? 64)),
            magnitudeUnit: .percentagePoints, method: .riskDifference, observationRef: id))
    }

    /// Impact Framework outcomes across the nine protected characteristics.
    func impact(_ wave: Int) {
        let total = 1200 + world.services.count * 30
        let (stated, known) = (total * 6 / 100, total * 5 / 100)
        var cells = ethnicityCounts(total: total, notStated: stated, notKnown: known).map {
            let rate = 55 + rng.between(0, 15)
            return MetricVocabulary.Cell(dims: .init(ethnicity: $0.code), n: $0.n * rate / 100, d: $0.n, value: Double(rate))
        }
        // Each protected characteristic's values, as the dimension they set.
        let groups: [(WritableKeyPath<MetricVocabulary.Dims, String?>, [String])] = [
            (\.age, ["18-24", "25-34", "35-49", "50-64", "65+"]), (\.sex, ["female", "male"]), (\.disability, ["yes", "no"]),
            (\.religionBelief, ["christian", "muslim", "hindu", "sikh", "no_religion", "other"]),
            (\.sexualOrientation, ["heterosexual", "gay_lesbian_bisexual", "other"]), (\.genderReassignment, ["no", "yes"]),
            (\.marriageCivilPartnership, ["married_or_civil_partner", "not_married"]), (\.pregnancyMaternity, ["no", "yes"]),
        ]
        for (dimension, values) in groups {
            for value in values {
                let d = total / values.count
                let rate = 55 + rng.between(0, 15)
                var dims = MetricVocabulary.Dims()
                dims[keyPath: dimension] = value
                cells.append(MetricVocabulary.Cell(dims: dims, n: d * rate / 100, d: d, value: Double(rate)))
            }
        }
        let from = wave == 1 ? 0 : 183
        observationRefs.append(observe(world.dataLead, metric: "M-IMPACT", period: J.period(from, day - 7), cells: cells,
                                       completeness: completeness(stated, known, total), label: "impact/\(wave)"))
    }

    /// The ethnicity pay gap, its report and the WF-2 milestone.
    func payGap() {
        let gaps: [(EthnicityCode.Group, Double)] = [(.black, 8.4), (.asian, 5.1), (.mixed, 3.2), (.other, 6.7)]
        let cells = gaps.map { MetricVocabulary.Cell(dims: .init(ethnicityGroup: $0.0), n: rng.between(60, 240), value: $0.1) }
        let id = observe(world.peopleLead, metric: "M-EPG", period: J.period(-365 + 4, 4), cells: cells, completeness: completeness(92, 64, 1840),
                         label: "epg")
        observationRefs.append(id)
        publishReport(world.peopleLead, id: "RP-2025-EPG", type: .ethnicityPayGap, title: "Ethnicity pay gap report 2025",
                      from: -365 + 4, to: 4, observations: [id])
        milestone(world.peopleLead, action: "WF-2", title: "Ethnicity pay gap report published", report: "RP-2025-EPG")
    }

    /// Partner, service user, carer and staff satisfaction with partnership working.
    func satisfaction() {
        let groups: [(MetricVocabulary.RespondentGroup, String)] = [(.partners, "partners"), (.serviceUsers, "service-users"), (.carers, "carers"), (.staff, "staff")]
        for (group, metric) in groups {
            let d = rng.between(40, 400)
            let rate = rng.between(62, 84)
            let id = observe(world.headRje, metric: "M-SAT-\(metric)", period: J.period(0, day - 5),
                             cells: [MetricVocabulary.Cell(dims: .init(respondentGroup: group), n: d * rate / 100, d: d, value: Double(rate))],
                             label: "sat/\(group.rawValue)")
            emit(world.headRje, PartnerSatisfactionObserved(
                metricId: "M-SAT-\(metric)", period: J.period(0, day - 5), respondentGroup: group, metricObservationRef: id))
        }
    }
}
