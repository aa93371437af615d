extension Catalogue {
    /// Catalogue group H (DOMAIN.md section 7.3): metrics and data.
    static let groupH: [any EventPayload.Type] = [
        MetricDefined.self, MetricObserved.self, DisparityIdentified.self, TargetSet.self,
    ]
}

/// `metric.defined`: a monitoring metric was defined (rules M-2, C-3).
public struct MetricDefined: EventPayload {
    /// `metric.defined`
    public static let eventType = "metric.defined"
    /// 1
    public static let typeVersion = 1
    /// Group H.
    public static let group = CatalogueGroup.metrics
    /// One-line description.
    public static let summary = "A metric was defined: code, competencies, unit, breakdown, cadence, SDC policy"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The metric id, e.g. `M-SUD-london`.
    public var metricId: String
    /// The metric code from the plan, e.g. `M-SUD`, `M-EPG`.
    public var code: String
    /// Its name.
    public var name: String
    /// Competencies it monitors (at least one; MON).
    public var competencies: [TagVocabulary.Competency]
    /// The unit of its values.
    public var unit: MetricVocabulary.Unit
    /// What is counted (the numerator, or the measure).
    public var numerator: String
    /// What it is counted out of, for rates.
    public var denominator: String?
    /// The dimensions it is broken down by (may be empty for a single figure).
    public var dimensions: [MetricVocabulary.Dimension]
    /// How often it is observed.
    public var cadence: MetricVocabulary.Cadence
    /// A headline target value, if any (TargetSet records governed targets).
    public var target: Double?
    /// National, regional or local.
    public var scope: MetricVocabulary.Scope
    /// The region, for regional and local metrics.
    public var regionId: String?
    /// The small-number suppression policy applied when it is published.
    public var sdcPolicyRef: String
    /// Contributions it was coproduced from (rule C-3 needs them for local metrics).
    public var locallyCoproducedRefs: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case metricId, code, name, competencies, unit, numerator, denominator, dimensions, cadence, target, scope
        case regionId, sdcPolicyRef, locallyCoproducedRefs
    }

    /// `metric/<metricId>`
    public var stream: String { "metric/\(metricId)" }
    /// Defines the metric.
    public var defines: EntityReference? { EntityReference(.metric, metricId, at: "/metricId") }
    /// The region and the contributions.
    public var references: [EntityReference] {
        var refs: [EntityReference] = []
        if let regionId { refs.append(EntityReference(.region, regionId, at: "/regionId")) }
        for (i, ref) in locallyCoproducedRefs.enumerated() {
            refs.append(EntityReference(.contribution, ref, at: "/locallyCoproducedRefs/\(i)"))
        }
        return refs
    }

    /// Service-user ethnicity data completeness in London (M-SUD, DF-1).
    public static var example: Self {
        MetricDefined(
            metricId: "M-SUD-london", code: "M-SUD", name: "Service users with a recorded ethnicity, London services",
            competencies: [.culturalAwareness, .workforce], unit: .percent,
            numerator: "Open service users whose ethnicity is recorded (any code but not_stated / not_known)",
            denominator: "Open service users on the last day of the period", dimensions: [.ethnicity, .service],
            cadence: .quarterly, target: 90, scope: .regional, regionId: "london", sdcPolicyRef: "SDC-1",
            locallyCoproducedRefs: ["CON-2026-0009"])
    }
}

extension MetricDefined {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metricId = try c.fkString(.metricId, .id)
        code = try c.fkString(.code, .metricCode)
        name = try c.fkString(.name, .text)
        competencies = try c.fkArray(.competencies, minItems: 1)
        unit = try c.fk(.unit)
        numerator = try c.fkString(.numerator, .text)
        denominator = try c.fkStringIfPresent(.denominator, .text)
        dimensions = try c.fkArray(.dimensions)
        cadence = try c.fk(.cadence)
        target = try c.fkIfPresent(.target)
        scope = try c.fk(.scope)
        regionId = try c.fkStringIfPresent(.regionId, .id)
        sdcPolicyRef = try c.fkString(.sdcPolicyRef, .id)
        locallyCoproducedRefs = try c.fkStrings(.locallyCoproducedRefs, .id)
    }
}

/// `metric.observed`: aggregate counts for one period (raw, so recorded with restricted visibility).
///
/// When any cell is broken down by `ethnicity` or `ethnicityGroup`, `ethnicityCodeSystem` and
/// `completeness` are required.
public struct MetricObserved: EventPayload {
    /// `metric.observed`
    public static let eventType = "metric.observed"
    /// 1
    public static let typeVersion = 1
    /// Group H.
    public static let group = CatalogueGroup.metrics
    /// One-line description.
    public static let summary = "A metric was observed for a period: aggregate cells by dimension, plus ethnicity completeness"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The metric id.
    public var metricId: String
    /// The period observed.
    public var period: MetricVocabulary.Period
    /// National, regional or local (national figures need no small-number control).
    public var scope: MetricVocabulary.Scope
    /// The region, for regional and local observations.
    public var regionId: String?
    /// The service, for a single-service observation.
    public var serviceId: String?
    /// The cells (at least one).
    public var cells: [MetricVocabulary.Cell]
    /// The code system of the ethnicity values in the cells.
    public var ethnicityCodeSystem: MetricVocabulary.EthnicityCodeSystem?
    /// Records with no usable ethnicity, by reason.
    public var completeness: MetricVocabulary.Completeness?

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case metricId, period, scope, regionId, serviceId, cells, ethnicityCodeSystem, completeness
    }

    /// `metric/<metricId>`
    public var stream: String { Self.stream(of: metricId) }
    /// The stream of a metric's observations, `metric/<metricId>` (the audit finds an observation that
    /// does not decode by it).
    public static func stream(of metricId: String) -> String { "metric/\(metricId)" }
    /// The metric id of an observations stream (``stream(of:)``), if `stream` is one.
    public static func metricId(inStream name: String) -> String? {
        let prefix = stream(of: "")
        return name.hasPrefix(prefix) && name.count > prefix.count ? String(name.dropFirst(prefix.count)) : nil
    }
    /// The metric, region and service.
    public var references: [EntityReference] {
        var refs = [EntityReference(.metric, metricId, at: "/metricId")]
        if let regionId { refs.append(EntityReference(.region, regionId, at: "/regionId")) }
        if let serviceId { refs.append(EntityReference(.service, serviceId, at: "/serviceId")) }
        return refs
    }

    /// Whether any cell is broken down by ethnicity.
    public var usesEthnicity: Bool { cells.contains { $0.dims.ethnicity != nil || $0.dims.ethnicityGroup != nil } }

    /// London service users by ethnicity, first quarter of 2026-27.
    public static var example: Self {
        MetricObserved(
            metricId: "M-SUD-london", period: .init(from: "2026-04-01", to: "2026-06-30"), scope: .regional,
            regionId: "london", serviceId: nil,
            cells: [
                .init(dims: .init(ethnicity: .whiteBritish), n: 212, d: 540),
                .init(dims: .init(ethnicity: .blackCaribbean), n: 64, d: 540),
                .init(dims: .init(ethnicity: .blackAfrican), n: 58, d: 540),
                .init(dims: .init(ethnicity: .asianPakistani), n: 31, d: 540),
                .init(dims: .init(ethnicity: .whiteOther), n: 48, d: 540),
                .init(dims: .init(ethnicity: .mixedWhiteAndBlackCaribbean), n: 22, d: 540),
                .init(dims: .init(ethnicity: .asianIndian), n: 18, d: 540),
                .init(dims: .init(ethnicity: .asianBangladeshi), n: 12, d: 540),
                .init(dims: .init(ethnicity: .notStated), n: 40, d: 540),
                .init(dims: .init(ethnicity: .notKnown), n: 35, d: 540),
                .init(dims: .init(), n: 465, d: 540, value: 86.1),
            ],
            ethnicityCodeSystem: .ons2021, completeness: .init(notStated: 40, notKnown: 35, total: 540))
    }
}

extension MetricObserved {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metricId = try c.fkString(.metricId, .id)
        period = try c.fk(.period)
        scope = try c.fk(.scope)
        regionId = try c.fkStringIfPresent(.regionId, .id)
        serviceId = try c.fkStringIfPresent(.serviceId, .id)
        cells = try c.fkArray(.cells, minItems: 1, unique: false)
        // The cells are ``EthnicityCode`` values, ONS 2021's categories: no other code system here.
        ethnicityCodeSystem = try c.fkIfPresent(.ethnicityCodeSystem, among: [.ons2021])
        completeness = try c.fkIfPresent(.completeness)
        if usesEthnicity {
            if ethnicityCodeSystem == nil { throw c.fkMissing(.ethnicityCodeSystem, "required when a cell has an ethnicity dimension") }
            if completeness == nil { throw c.fkMissing(.completeness, "required when a cell has an ethnicity dimension") }
        }
    }
}

/// `metric.disparity_identified`: a gap between groups on a metric (DF-3; rule C-5 wants a coproduced action).
public struct DisparityIdentified: EventPayload {
    /// `metric.disparity_identified`
    public static let eventType = "metric.disparity_identified"
    /// 1
    public static let typeVersion = 1
    /// Group H.
    public static let group = CatalogueGroup.metrics
    /// One-line description.
    public static let summary = "A disparity between groups was identified on a metric"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The disparity id, e.g. `DSP-2026-0003` (actions cite it).
    public var disparityId: String
    /// The metric id.
    public var metricId: String
    /// The period compared.
    public var period: MetricVocabulary.Period
    /// The group that fares worse.
    public var focusGroup: MetricVocabulary.Dims
    /// The group it is compared with.
    public var referenceGroup: MetricVocabulary.Dims
    /// How large the gap is.
    public var magnitude: Double
    /// The unit of the magnitude.
    public var magnitudeUnit: MetricVocabulary.MagnitudeUnit
    /// How it was measured.
    public var method: MetricVocabulary.DisparityMethod
    /// The event id of the observation it was computed from, if any.
    public var observationRef: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case disparityId, metricId, period, focusGroup, referenceGroup, magnitude, magnitudeUnit, method, observationRef
    }

    /// `metric/<metricId>`
    public var stream: String { "metric/\(metricId)" }
    /// The metric and the observation.
    public var references: [EntityReference] {
        var refs = [EntityReference(.metric, metricId, at: "/metricId")]
        if let observationRef { refs.append(EntityReference(.event, observationRef, at: "/observationRef")) }
        return refs
    }

    /// SUES: Black African respondents rate feeling listened to 14 points lower than White British respondents.
    public static var example: Self {
        DisparityIdentified(
            disparityId: "DSP-2026-0003", metricId: "M-SUES-listened", period: .init(from: "2025-10-01", to: "2026-03-31"),
            focusGroup: .init(ethnicity: .blackAfrican), referenceGroup: .init(ethnicity: .whiteBritish), magnitude: 14,
            magnitudeUnit: .percentagePoints, method: .riskDifference, observationRef: "5b0e4f0c-2d7a-4c1e-9a8b-3f6d2e1c0b9a")
    }
}

extension DisparityIdentified {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        disparityId = try c.fkString(.disparityId, .id)
        metricId = try c.fkString(.metricId, .id)
        period = try c.fk(.period)
        focusGroup = try c.fk(.focusGroup)
        referenceGroup = try c.fk(.referenceGroup)
        magnitude = try c.fk(.magnitude)
        magnitudeUnit = try c.fk(.magnitudeUnit)
        method = try c.fk(.method)
        observationRef = try c.fkStringIfPresent(.observationRef, .uuid)
    }
}

/// `metric.target_set`: a governed target on a metric or a plan target such as T-1.
///
/// At least one of `metricId` and `targetCode` is required.
public struct TargetSet: EventPayload {
    /// `metric.target_set`
    public static let eventType = "metric.target_set"
    /// 1
    public static let typeVersion = 1
    /// Group H.
    public static let group = CatalogueGroup.metrics
    /// One-line description.
    public static let summary = "A target was set on a metric or plan target code, by a decision"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The metric the target is on.
    public var metricId: String?
    /// The plan target code, e.g. `T-1`.
    public var targetCode: String?
    /// The target value.
    public var value: Double
    /// Whether the value must reach or stay under the target.
    public var direction: MetricVocabulary.TargetDirection
    /// When it must be met.
    public var deadline: String
    /// The decision that set it.
    public var decisionRef: String

    enum CodingKeys: String, CodingKey, CaseIterable { case metricId, targetCode, value, direction, deadline, decisionRef }

    /// `metric/<metricId>`, or `target/<targetCode>` for a target with no metric.
    public var stream: String { metricId.map { "metric/\($0)" } ?? "target/\(targetCode ?? "")" }
    /// The metric and the decision.
    public var references: [EntityReference] {
        var refs: [EntityReference] = []
        if let metricId { refs.append(EntityReference(.metric, metricId, at: "/metricId")) }
        refs.append(EntityReference(.decision, decisionRef, at: "/decisionRef"))
        return refs
    }

    /// T-1: at least three community engagement place-based projects by plan end.
    public static var example: Self {
        TargetSet(metricId: nil, targetCode: "T-1", value: 3, direction: .atLeast, deadline: "2028-03-31", decisionRef: "D-2025-0007")
    }
}

extension TargetSet {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metricId = try c.fkStringIfPresent(.metricId, .id)
        targetCode = try c.fkStringIfPresent(.targetCode, .targetCode)
        value = try c.fk(.value)
        direction = try c.fk(.direction)
        deadline = try c.fkString(.deadline, .date)
        decisionRef = try c.fkString(.decisionRef, .id)
        if metricId == nil, targetCode == nil {
            throw c.fkMissing(.metricId, "a target needs metricId, targetCode or both")
        }
    }
}
