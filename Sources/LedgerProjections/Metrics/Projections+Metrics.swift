import LedgerDomain

extension Projections {
    /// Metrics and equity, suppressed: definitions, observations by period and region broken
    /// down by ethnicity and the other recorded characteristics, disparities against the
    /// overall rate and completeness, with every figure passed through small-number
    /// suppression (``SuppressionPolicy``). Raw counts never leave the projection.
    ///
    /// - Parameters:
    ///   - query: which metrics, regions, periods and breakdowns (default: everything).
    ///   - policy: the suppression policy (default: ``SuppressionPolicy/standard``).
    /// - Throws: ``ProjectionError/notFound(_:)`` when `query.metric` names no metric id or code.
    public func metrics(_ query: MetricsQuery = MetricsQuery(), policy: SuppressionPolicy = .standard) throws -> MetricsReport {
        let raw = try self.query { c -> [(MetricDefinitionRecord, [MetricTargetRecord], [ObservationRecord], [DisparityRecord])] in
            let tables = MetricsTables(c, suffix: "")
            var definitions = try tables.allDefinitions()
            if let wanted = query.metric {
                definitions = definitions.filter { $0.metricId == wanted || $0.code == wanted }
                if definitions.isEmpty {
                    let known = try tables.allDefinitions().map(\.metricId)
                    throw ProjectionError.notFound("no metric \(wanted) in the log (metrics: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
                }
            }
            return try definitions.map { ($0, try tables.targets(of: $0.metricId), try tables.observations(of: $0.metricId), try tables.disparities(of: $0.metricId)) }
        }
        let metrics = raw.map { definition, targets, observations, disparities in
            MetricReport.build(definition: definition, targets: targets, observations: observations, disparities: disparities,
                               query: query, policy: policy)
        }
        return MetricsReport(entriesFolded: try entriesFolded(), policy: policy, query: query, metrics: metrics)
    }
}

extension MetricReport {
    static func build(
        definition: MetricDefinitionRecord, targets: [MetricTargetRecord], observations: [ObservationRecord], disparities: [DisparityRecord],
        query: MetricsQuery, policy: SuppressionPolicy
    ) -> MetricReport {
        var selected = observations.filter { o in
            if let region = query.region, o.regionId != region { return false }
            if let p = query.period, !(o.periodFrom <= p.to && o.periodTo >= p.from) { return false }
            return true
        }
        selected.sort { a, b in
            (a.periodFrom, a.periodTo, a.regionId ?? "", a.serviceId ?? "", a.index) < (b.periodFrom, b.periodTo, b.regionId ?? "", b.serviceId ?? "", b.index)
        }
        if query.latestOnly {
            var latest: [String: ObservationRecord] = [:]
            for o in selected { latest["\(o.regionId ?? "")|\(o.serviceId ?? "")"] = o }
            selected = selected.filter { o in latest["\(o.regionId ?? "")|\(o.serviceId ?? "")"]?.index == o.index }
        }
        var reports: [ObservationReport] = []
        for o in selected {
            var r = ObservationAnalysis(o, policy: policy).report
            if let by = query.by {
                let wanted = Set(by.map(\.rawValue))
                r.breakdowns = r.breakdowns.filter { Set($0.by) == wanted }
                if r.breakdowns.isEmpty { continue }
            }
            reports.append(r)
        }
        // A recorded disparity's magnitude is shown only when both groups are shown in the
        // observation it cites (it was worked out from their raw counts).
        let recorded = disparities.map { d -> RecordedDisparity in
            let cited = d.observationRef.flatMap { ref in observations.first { $0.eventId == ref } }
            let rows = cited.map { ObservationAnalysis($0, policy: policy).report.breakdowns.flatMap(\.rows) } ?? []
            func shown(_ dims: MetricVocabulary.Dims) -> Bool {
                let key = ObservationAnalysis.dictionary(dims)
                guard let row = rows.first(where: { $0.dims == key }) else { return false }
                return !row.count.isSuppressed && row.percent?.isSuppressed != true && row.value?.isSuppressed != true
            }
            let visible = shown(d.focus) && shown(d.reference)
            return RecordedDisparity(
                disparityId: d.disparityId, index: d.index, period: MetricVocabulary.Period(from: d.periodFrom, to: d.periodTo),
                focus: ObservationAnalysis.dictionary(d.focus), focusLabel: MetricLabels.label(d.focus),
                reference: ObservationAnalysis.dictionary(d.reference), referenceLabel: MetricLabels.label(d.reference),
                method: d.method, magnitudeUnit: d.magnitudeUnit,
                magnitude: visible ? .shown(d.magnitude) : .suppressed(.derivedFromSuppressed), observationId: d.observationRef)
        }
        return MetricReport(definition: definition, targets: targets, observations: reports, disparities: recorded)
    }
}
