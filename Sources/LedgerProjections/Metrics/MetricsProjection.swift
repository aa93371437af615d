import LedgerDomain

/// Metrics and equity: metric definitions, observations with their raw cells, disparities and
/// targets recorded in the log (catalogue group H).
///
/// The fold keeps the raw counts; nothing leaves them unsuppressed. The queries
/// (``Projections/metrics(_:)``) apply small-number suppression (``SuppressionPolicy``) to every
/// figure they report.
public enum MetricsProjection: Projection {
    /// `metrics`.
    public static let name = "metrics"
    /// 1.
    public static let version = 1
    /// Group H.
    public static let eventTypes: Set<String> = [
        MetricDefined.eventType, MetricObserved.eventType, DisparityIdentified.eventType, TargetSet.eventType,
    ]

    /// Folds one group H event. The first `metric.defined` for an id defines the metric;
    /// observations, disparities and targets of a metric not (yet) defined are ignored, as are
    /// targets with only a target code (the cadence projection keeps those); the first
    /// disparity with an id wins.
    public static func apply(_ event: ProjectedEvent, to tables: MetricsTables) throws {
        switch event.payload {
        case let p as MetricDefined:
            guard try !tables.isDefined(p.metricId) else { return }
            try tables.save(MetricDefinitionRecord(
                metricId: p.metricId, code: p.code, name: p.name, competencies: p.competencies.map(\.rawValue), unit: p.unit.rawValue,
                numerator: p.numerator, denominator: p.denominator, dimensions: p.dimensions.map(\.rawValue), cadence: p.cadence.rawValue,
                target: p.target, scope: p.scope.rawValue, regionId: p.regionId, sdcPolicyRef: p.sdcPolicyRef,
                locallyCoproducedRefs: p.locallyCoproducedRefs, definedIndex: event.index, definedAt: event.occurredAt))
        case let p as MetricObserved:
            guard try tables.isDefined(p.metricId) else { return }
            try tables.save(ObservationRecord(
                metricId: p.metricId, index: event.index, eventId: event.id, periodFrom: p.period.from, periodTo: p.period.to,
                scope: p.scope.rawValue, regionId: p.regionId, serviceId: p.serviceId, codeSystem: p.ethnicityCodeSystem?.rawValue,
                completeness: p.completeness, occurredAt: event.occurredAt,
                cells: p.cells.enumerated().map { CellRecord(position: $0, dims: $1.dims, n: $1.n, d: $1.d, value: $1.value) }))
        case let p as DisparityIdentified:
            guard try tables.isDefined(p.metricId) else { return }
            try tables.save(DisparityRecord(
                disparityId: p.disparityId, metricId: p.metricId, index: event.index, periodFrom: p.period.from, periodTo: p.period.to,
                focus: p.focusGroup, reference: p.referenceGroup, magnitude: p.magnitude, magnitudeUnit: p.magnitudeUnit.rawValue,
                method: p.method.rawValue, observationRef: p.observationRef))
        case let p as TargetSet:
            guard let metricId = p.metricId, try tables.isDefined(metricId) else { return }
            try tables.save(MetricTargetRecord(
                metricId: metricId, index: event.index, value: p.value, direction: p.direction.rawValue, deadline: p.deadline,
                decisionRef: p.decisionRef))
        default:
            return
        }
    }
}
