import LedgerDomain

/// A metric as the metrics projection holds it (the first `metric.defined` for an id).
public struct MetricDefinitionRecord: Codable, Sendable, Equatable {
    /// The metric id, e.g. `M-SUD-london`.
    public var metricId: String
    /// The plan's metric code, e.g. `M-SUD`.
    public var code: String
    /// Its name.
    public var name: String
    /// Competency codes it monitors.
    public var competencies: [String]
    /// The unit of its values (`count`, `percent`, `score`, …).
    public var unit: String
    /// What is counted.
    public var numerator: String
    /// What it is counted out of, for rates.
    public var denominator: String?
    /// The dimensions it is broken down by (`ethnicity`, `pay_band`, …).
    public var dimensions: [String]
    /// How often it is observed.
    public var cadence: String
    /// The headline target in its definition, if any.
    public var target: Double?
    /// national, regional or local.
    public var scope: String
    /// The region, for regional and local metrics.
    public var regionId: String?
    /// The small-number suppression policy it names.
    public var sdcPolicyRef: String
    /// Contributions it was coproduced from.
    public var locallyCoproducedRefs: [String]
    /// Log index of its `metric.defined`.
    public var definedIndex: Int
    /// When it was defined (occurredAt).
    public var definedAt: String
}

/// One cell of an observation, raw. Raw cells never leave the projection: reports carry only
/// the suppressed figures worked out from them (``ObservationReport``).
struct CellRecord: Sendable, Equatable {
    /// Its place among the observation's cells.
    var position: Int
    /// Where it sits in the breakdown.
    var dims: MetricVocabulary.Dims
    /// The raw count.
    var n: Int
    /// The raw denominator.
    var d: Int?
    /// The recorded value (a mean, a gap, a percentage).
    var value: Double?
}

/// One `metric.observed`, raw.
struct ObservationRecord: Sendable, Equatable {
    var metricId: String
    /// Log index of the `metric.observed` entry.
    var index: Int
    /// The event id (reports and disparities cite observations by it).
    var eventId: String
    var periodFrom: String
    var periodTo: String
    var scope: String
    var regionId: String?
    var serviceId: String?
    var codeSystem: String?
    var completeness: MetricVocabulary.Completeness?
    var occurredAt: String
    var cells: [CellRecord]
}

/// One `metric.disparity_identified`.
struct DisparityRecord: Sendable, Equatable {
    var disparityId: String
    var metricId: String
    var index: Int
    var periodFrom: String
    var periodTo: String
    var focus: MetricVocabulary.Dims
    var reference: MetricVocabulary.Dims
    var magnitude: Double
    var magnitudeUnit: String
    var method: String
    var observationRef: String?
}

/// One `metric.target_set` on a metric.
public struct MetricTargetRecord: Codable, Sendable, Equatable {
    /// The metric.
    public var metricId: String
    /// Log index of the `metric.target_set` entry.
    public var index: Int
    /// The target value.
    public var value: Double
    /// `at_least` or `at_most`.
    public var direction: String
    /// When it must be met.
    public var deadline: String
    /// The decision that set it.
    public var decisionRef: String
}

extension MetricVocabulary.Dims {
    /// The dimensions this position names, with their values, in ``MetricVocabulary/Dimension`` order.
    var pairs: [(MetricVocabulary.Dimension, String)] {
        var out: [(MetricVocabulary.Dimension, String)] = []
        for dimension in MetricVocabulary.Dimension.allCases {
            if let value = self[dimension] { out.append((dimension, value)) }
        }
        return out
    }

    /// The value of one dimension, as text (ethnicity as its code).
    subscript(dimension: MetricVocabulary.Dimension) -> String? {
        switch dimension {
        case .ethnicity: return ethnicity?.rawValue
        case .ethnicityGroup: return ethnicityGroup?.rawValue
        case .region: return region
        case .service: return service
        case .payBand: return payBand
        case .respondentGroup: return respondentGroup?.rawValue
        case .age: return age
        case .disability: return disability
        case .genderReassignment: return genderReassignment
        case .marriageCivilPartnership: return marriageCivilPartnership
        case .pregnancyMaternity: return pregnancyMaternity
        case .religionBelief: return religionBelief
        case .sex: return sex
        case .sexualOrientation: return sexualOrientation
        }
    }

    /// The dimensions it names.
    var keys: [MetricVocabulary.Dimension] { pairs.map(\.0) }

    /// `dimension=value` pairs joined by commas (`ethnicity=B2`, `""` for a total): how cells
    /// are keyed in the projection's tables and in figure names.
    var key: String { pairs.map { "\($0.0.rawValue)=\($0.1)" }.joined(separator: ",") }

    /// Parses ``key``; nil when a dimension or value is unknown.
    init?(key: String) {
        self.init()
        guard !key.isEmpty else { return }
        for part in key.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, let dimension = MetricVocabulary.Dimension(rawValue: kv[0]) else { return nil }
            guard set(dimension, kv[1]) else { return nil }
        }
    }

    /// Sets one dimension from text; false when the value is not in its code list.
    mutating func set(_ dimension: MetricVocabulary.Dimension, _ value: String?) -> Bool {
        switch dimension {
        case .ethnicity:
            guard let value else { ethnicity = nil; return true }
            guard let code = EthnicityCode(rawValue: value) else { return false }
            ethnicity = code
        case .ethnicityGroup:
            guard let value else { ethnicityGroup = nil; return true }
            guard let group = EthnicityCode.Group(rawValue: value) else { return false }
            ethnicityGroup = group
        case .respondentGroup:
            guard let value else { respondentGroup = nil; return true }
            guard let group = MetricVocabulary.RespondentGroup(rawValue: value) else { return false }
            respondentGroup = group
        case .region: region = value
        case .service: service = value
        case .payBand: payBand = value
        case .age: age = value
        case .disability: disability = value
        case .genderReassignment: genderReassignment = value
        case .marriageCivilPartnership: marriageCivilPartnership = value
        case .pregnancyMaternity: pregnancyMaternity = value
        case .religionBelief: religionBelief = value
        case .sex: sex = value
        case .sexualOrientation: sexualOrientation = value
        }
        return true
    }

    /// This position without one dimension.
    func removing(_ dimension: MetricVocabulary.Dimension) -> MetricVocabulary.Dims {
        var copy = self
        _ = copy.set(dimension, nil)
        return copy
    }
}
