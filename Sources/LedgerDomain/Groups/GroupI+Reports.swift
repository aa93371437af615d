/// `report.published`: a report, plan or framework was published (rules M-6, M-9, M-10, M-16, P-4).
public struct ReportPublished: EventPayload {
    /// `report.published`
    public static let eventType = "report.published"
    /// 1
    public static let typeVersion = 1
    /// Group I.
    public static let group = CatalogueGroup.reviews
    /// One-line description.
    public static let summary = "A report was published: type, period, URL, document hash, SDC attestation, accessible formats"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The report id, e.g. `RP-2026-annual`.
    public var reportId: String
    /// What kind of report.
    public var type: ReportingVocabulary.ReportType
    /// Its title.
    public var title: String
    /// The period it covers.
    public var period: MetricVocabulary.Period
    /// Where it is published.
    public var url: String
    /// Hash of the published document.
    public var docHash: String
    /// Who checked it against which small-number suppression policy.
    public var sdcAttestation: ReportingVocabulary.SdcAttestation
    /// Accessible formats it is offered in (may be empty).
    public var accessibleFormats: [ReportingVocabulary.AccessibleFormat]
    /// The region, for a regional report.
    public var regionId: String?
    /// The plan, for a report of type `plan`.
    public var planId: String?
    /// The plan version published, for a report of type `plan`.
    public var planVersion: String?
    /// Event ids of the observations its tables come from (rule P-4 recomputes them).
    public var observationRefs: [String]?
    /// The earlier report this one replaces, if any.
    public var supersedesReportId: String?
    /// True for a predecessor document recorded for the record (e.g. the Race Equality Action Plan).
    public var historical: Bool?

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case reportId, type, title, period, url, docHash, sdcAttestation, accessibleFormats, regionId, planId, planVersion
        case observationRefs, supersedesReportId, historical
    }

    /// `report/<reportId>`
    public var stream: String { "report/\(reportId)" }
    /// Defines the report.
    public var defines: EntityReference? { EntityReference(.report, reportId, at: "/reportId") }
    /// The region, plan, observations and superseded report.
    public var references: [EntityReference] {
        var refs: [EntityReference] = []
        if let regionId { refs.append(EntityReference(.region, regionId, at: "/regionId")) }
        if let planId { refs.append(EntityReference(.plan, planId, at: "/planId")) }
        for (i, ref) in (observationRefs ?? []).enumerated() { refs.append(EntityReference(.event, ref, at: "/observationRefs/\(i)")) }
        if let supersedesReportId { refs.append(EntityReference(.report, supersedesReportId, at: "/supersedesReportId")) }
        return refs
    }

    /// The 2026 annual findings.
    public static var example: Self {
        ReportPublished(
            reportId: "RP-2026-annual", type: .annualFindings, title: "Advancing Mental Health Equalities: annual findings 2026-27",
            period: .init(from: "2026-04-01", to: "2027-03-31"), url: "https://www.rethink.org/amhe/findings-2026-27",
            docHash: "sha256:2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d40",
            sdcAttestation: .init(policyRef: "SDC-1", checkedBy: "R-HEAD-RJE"), accessibleFormats: [.easyRead, .largePrint],
            regionId: nil, planId: nil, planVersion: nil, observationRefs: ["5b0e4f0c-2d7a-4c1e-9a8b-3f6d2e1c0b9a"],
            supersedesReportId: nil, historical: nil)
    }
}

extension ReportPublished {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reportId = try c.fkString(.reportId, .id)
        type = try c.fk(.type)
        title = try c.fkString(.title, .text)
        period = try c.fk(.period)
        url = try c.fkString(.url, .url)
        docHash = try c.fkString(.docHash, .hash)
        sdcAttestation = try c.fk(.sdcAttestation)
        accessibleFormats = try c.fkArray(.accessibleFormats)
        regionId = try c.fkStringIfPresent(.regionId, .id)
        planId = try c.fkStringIfPresent(.planId, .id)
        planVersion = try c.fkStringIfPresent(.planVersion, .version)
        observationRefs = try c.fkStringsIfPresent(.observationRefs, .uuid)
        supersedesReportId = try c.fkStringIfPresent(.supersedesReportId, .id)
        historical = try c.fkIfPresent(.historical)
    }
}
