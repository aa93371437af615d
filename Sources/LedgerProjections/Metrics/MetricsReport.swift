import Foundation
public import LedgerDomain

/// What to report: which metrics, regions, periods and breakdowns.
public struct MetricsQuery: Codable, Sendable, Equatable {
    /// One metric id (`M-SUES`) or code (`M-SUD`: every metric with that code); nil for all.
    public var metric: String?
    /// Only observations of this region.
    public var region: String?
    /// Only observations whose period overlaps this one.
    public var period: MetricVocabulary.Period?
    /// Only breakdowns by exactly these dimensions (e.g. `[.ethnicity]`); nil for every
    /// breakdown. `[.ethnicityGroup]` also rolls ONS 2021 cells up into the five groups.
    public var by: [MetricVocabulary.Dimension]?
    /// Only the latest observation of each metric, region and service.
    public var latestOnly: Bool

    /// A query; the defaults report everything.
    public init(
        metric: String? = nil, region: String? = nil, period: MetricVocabulary.Period? = nil, by: [MetricVocabulary.Dimension]? = nil,
        latestOnly: Bool = false
    ) {
        self.metric = metric
        self.region = region
        self.period = period
        self.by = by
        self.latestOnly = latestOnly
    }

    /// Parses a period for ``period``: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `FROM..TO` (dates).
    public static func period(parsing text: String) -> MetricVocabulary.Period? {
        let parts = text.components(separatedBy: "..")
        if parts.count == 2 {
            guard let a = CivilDate(parsing: parts[0]), let b = CivilDate(parsing: parts[1]), parts[0].count == 10, parts[1].count == 10,
                a <= b
            else { return nil }
            return MetricVocabulary.Period(from: a.description, to: b.description)
        }
        let fields = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        switch fields.count {
        case 1 where fields[0].count == 4:
            guard let y = Int(fields[0]) else { return nil }
            return MetricVocabulary.Period(from: "\(fields[0])-01-01", to: CivilDate(year: y, month: 12, day: 31)?.description ?? "")
        case 2 where fields[0].count == 4 && fields[1].count == 2:
            guard let y = Int(fields[0]), let m = Int(fields[1]), let first = CivilDate(year: y, month: m, day: 1) else { return nil }
            let last = CivilDate(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1)?.adding(days: -1) ?? first
            return MetricVocabulary.Period(from: first.description, to: last.description)
        case 3:
            guard text.count == 10, let day = CivilDate(parsing: text) else { return nil }
            return MetricVocabulary.Period(from: day.description, to: day.description)
        default:
            return nil
        }
    }
}

/// Metrics and equity, with small-number suppression applied to every figure
/// (``SuppressionPolicy``): what ``Projections/metrics(_:policy:)`` returns and
/// `coledger metrics --json` prints.
public struct MetricsReport: Codable, Sendable, Equatable {
    /// Log entries folded.
    public var entriesFolded: Int
    /// The suppression policy applied.
    public var policy: SuppressionPolicy
    /// What was asked for.
    public var query: MetricsQuery
    /// The metrics, by id.
    public var metrics: [MetricReport]
}

/// One metric: its definition, targets, observations and recorded disparities.
public struct MetricReport: Codable, Sendable, Equatable {
    /// The definition.
    public var definition: MetricDefinitionRecord
    /// Targets set on it by decisions (`metric.target_set`), in log order.
    public var targets: [MetricTargetRecord]
    /// Its observations, by period, region, service and log index.
    public var observations: [ObservationReport]
    /// Disparities recorded on it (`metric.disparity_identified`).
    public var disparities: [RecordedDisparity]
}

/// One observation (a `metric.observed` entry), suppressed.
public struct ObservationReport: Codable, Sendable, Equatable {
    /// The event id of the observation.
    public var observationId: String
    /// Its log index.
    public var index: Int
    /// The period observed.
    public var period: MetricVocabulary.Period
    /// national, regional or local.
    public var scope: String
    /// The region, if any.
    public var regionId: String?
    /// The service, if any.
    public var serviceId: String?
    /// The ethnicity code system of its cells, if any (`ons2021`).
    public var codeSystem: String?
    /// False only for a national observation under a policy that exempts national figures.
    public var suppressionApplied: Bool
    /// The headline figure: the observation's total cell (no breakdown), if it has one.
    public var headline: MetricRow?
    /// Its breakdowns, one per set of dimensions its cells are broken down by.
    public var breakdowns: [MetricBreakdown]
    /// Records without an ethnicity, "not stated" and "not known" apart (rule M-12).
    public var completeness: CompletenessReport?
}

/// The cells of an observation broken down by one set of dimensions.
public struct MetricBreakdown: Codable, Sendable, Equatable {
    /// The dimensions (`["ethnicity"]`, `["ethnicity", "pay_band"]`).
    public var by: [String]
    /// True when rolled up here from finer cells (five ethnic groups from ONS 2021 categories).
    public var derived: Bool
    /// What ``MetricRow/percent`` means in this breakdown:
    /// - `rate`: each group's count out of its own denominator (e.g. respondents in that group);
    ///   disparities are worked out against the overall rate;
    /// - `share`: each group's count as a percentage of everyone counted (the groups share one
    ///   denominator, e.g. all service users);
    /// - `value`: cells carry a statistic (a mean, a pay gap) instead of a rate.
    public var measure: String
    /// Everyone in the breakdown (the sum of its rows).
    public var overall: MetricRow
    /// The groups, ethnicity in code order, other dimensions in recorded order.
    public var rows: [MetricRow]
}

/// One row of a breakdown (or an observation's headline), suppressed.
public struct MetricRow: Codable, Sendable, Equatable {
    /// The group: dimension → value (`{"ethnicity": "B2"}`; empty for everyone).
    public var dims: [String: String]
    /// A readable name for the group.
    public var label: String
    /// The count.
    public var count: Disclosed<Int>
    /// The group's own denominator (breakdowns measured as `rate`, and headlines with one).
    public var denominator: Disclosed<Int>?
    /// The rate or share, in percent with one decimal, worked out from the rounded counts.
    public var percent: Disclosed<Double>?
    /// The statistic recorded for the cell (a mean, a pay gap), shown only when its count is.
    public var value: Disclosed<Double>?
    /// How the group compares with everyone (rate and value breakdowns; not for not stated / not known).
    public var disparity: DisparityFigures?
}

/// A group against the overall figure of its breakdown.
///
/// For a `rate` breakdown, with both rates worked out from rounded counts:
/// `ratio = group rate ÷ overall rate` (1 means no disparity) and
/// `difference = group rate − overall rate`, in percentage points. For a `value` breakdown the
/// same with the group's value against the overall value (the total cell's). The overall rate
/// counts everyone, including records whose ethnicity is not stated or not known.
public struct DisparityFigures: Codable, Sendable, Equatable {
    /// Group ÷ overall, two decimals.
    public var ratio: Disclosed<Double>
    /// Group − overall, one decimal (percentage points for rates, the metric's unit for values).
    public var difference: Disclosed<Double>
}

/// Completeness of the ethnicity recording of an observation (rule M-12).
public struct CompletenessReport: Codable, Sendable, Equatable {
    /// Asked and declined (`not_stated`, NHS `Z`).
    public var notStated: Disclosed<Int>
    /// Not asked or not recorded (`not_known`, NHS `99`).
    public var notKnown: Disclosed<Int>
    /// Everyone in scope, when known.
    public var total: Disclosed<Int>?
    /// Not stated, percent of everyone (from rounded counts).
    public var notStatedPercent: Disclosed<Double>?
    /// Not known, percent of everyone (from rounded counts).
    public var notKnownPercent: Disclosed<Double>?
}

/// A disparity recorded in the log (`metric.disparity_identified`).
public struct RecordedDisparity: Codable, Sendable, Equatable {
    /// Its id.
    public var disparityId: String
    /// Its log index.
    public var index: Int
    /// The period compared.
    public var period: MetricVocabulary.Period
    /// The group that fares worse, and a readable name.
    public var focus: [String: String], focusLabel: String
    /// The group it was compared with, and a readable name.
    public var reference: [String: String], referenceLabel: String
    /// How it was measured (`risk_difference`, …) and in what unit.
    public var method: String, magnitudeUnit: String
    /// The recorded magnitude, shown only when both groups are shown in the observation it cites.
    public var magnitude: Disclosed<Double>
    /// The observation it was computed from.
    public var observationId: String?
}
