public import LedgerDomain

// Metrics (catalogue group H): an observation's scope and region default to the metric's
// definition in the log.

/// A metric's aggregate figures for a period (`metric.observed`). Scope and region default to the
/// metric's definition; when any cell is broken down by ethnicity the code system is recorded, and
/// completeness is taken from the counts given or from the `not_stated` and `not_known` cells.
public struct ObserveMetric: RecordingRequest {
    typealias K = MetricObserved.CodingKeys
    /// The metric (defined earlier).
    public var metricId: String
    /// The period observed.
    public var period: MetricVocabulary.Period
    /// National, regional or local; nil for the definition's.
    public var scope: MetricVocabulary.Scope?
    /// The region; nil for the definition's (unless national).
    public var regionId: String?
    /// The service, for a single-service observation.
    public var serviceId: String?
    /// The cells (at least one).
    public var cells: [MetricVocabulary.Cell]
    /// Records where the person declined to give an ethnicity; nil to take the `not_stated` cell's count.
    public var notStated: Int?
    /// Records with no ethnicity asked or recorded; nil to take the `not_known` cell's count.
    public var notKnown: Int?
    /// All records in scope.
    public var total: Int?

    /// Creates the request.
    public init(
        metricId: String, period: MetricVocabulary.Period, scope: MetricVocabulary.Scope? = nil,
        regionId: String? = nil,
        serviceId: String? = nil, cells: [MetricVocabulary.Cell], notStated: Int? = nil, notKnown: Int? = nil,
        total: Int? = nil
    ) {
        self.metricId = metricId
        self.period = period
        self.scope = scope
        self.regionId = regionId
        self.serviceId = serviceId
        self.cells = cells
        self.notStated = notStated
        self.notKnown = notKnown
        self.total = total
    }

    /// The fields, by member.
    public static let fields = [
        K.metricId.stringValue: "--metric", K.period.stringValue: "--period-from/--period-to",
        K.scope.stringValue: "--scope", K.regionId.stringValue: "--region", K.serviceId.stringValue: "--service",
        K.cells.stringValue: "--cell", K.completeness.stringValue: "--not-stated/--not-known",
    ]

    /// Where the `index`th cell's dimensions are refused, for a parser of cell text.
    public static func dimsPointer(_ index: Int) -> String { "/payload/\(K.cells.stringValue)/\(index)/dims" }

    /// The payload, with scope and region from the metric's definition when left out.
    public func payload(from log: LogLookup, at time: String) throws -> MetricObserved {
        let definition = try log.latest(MetricDefined.self, stream: MetricObserved.stream(of: metricId))?.payload
        let scope = scope ?? definition?.scope ?? (regionId == nil ? .national : .regional)
        let region = regionId ?? (scope == .national ? nil : definition?.regionId)
        let ethnic = cells.filter { $0.dims.ethnicity != nil || $0.dims.ethnicityGroup != nil }
        var completeness: MetricVocabulary.Completeness?
        if !ethnic.isEmpty {
            func count(_ code: EthnicityCode, _ group: EthnicityCode.Group) -> Int? {
                ethnic.first { $0.dims.ethnicity == code || $0.dims.ethnicityGroup == group }?.n
            }
            if let s = notStated ?? count(.notStated, .notStated), let k = notKnown ?? count(.notKnown, .notKnown) {
                completeness = MetricVocabulary.Completeness(notStated: s, notKnown: k, total: total)
            }
        }
        return .make(
            metricId: metricId, period: period, scope: scope, regionId: region, serviceId: serviceId, cells: cells,
            ethnicityCodeSystem: ethnic.isEmpty
                ? nil : MetricVocabulary.EthnicityCodeSystem(rawValue: EthnicityCode.codeSystem),
            completeness: completeness)
    }

    /// `Observed metric M-SUD-national for 2026-04-01 to 2026-06-30: 4 cells.`
    public func summary(of payload: MetricObserved) -> String {
        "Observed metric \(metricId) for \(period.from) to \(period.to): \(cells.count) cells."
    }
}
