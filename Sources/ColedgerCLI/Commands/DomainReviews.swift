import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording

// Reviews, reports, place-based projects and independent evaluations (groups I and J), recorded
// through the recording API (LedgerRecording) like every domain verb. Each takes the one date
// option, --on (SigningOptions).

private func allowed<T: RawRepresentable & CaseIterable>(_: T.Type) -> String where T.RawValue == String {
    T.allCases.map(\.rawValue).joined(separator: ", ")
}

/// A period from two day options (a UTC time is cut to its date).
private func period(_ from: String, _ to: String) -> MetricVocabulary.Period {
    MetricVocabulary.Period(from: DateInput.date(from), to: DateInput.date(to))
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Record the plan's local and regional reviews.", subcommands: [Hold.self])

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a local or regional review was held (review.held).",
            discussion: HelpText.reflow(
                """
                Give the period reviewed, how many took part from each group and the findings (their
                SHA-256 is recorded). The region must be registered first (`coledger region register`).
                """))
        @OptionGroup var signing: SigningOptions
        @Option(help: "The review id, e.g. RV-london-2026H1.") var id: String
        @Option(help: ArgumentHelp("\(allowed(ReportingVocabulary.ReviewScope.self)).", valueName: "scope")) var scope:
            String
        @Option(help: "The region reviewed.") var region: String
        @Option(help: "The service, for a local review.") var service: String?
        @Option(help: "The meeting it was held at.") var meeting: String?
        @Option(help: "First day of the period reviewed.") var periodFrom: String
        @Option(help: "Last day of the period reviewed.") var periodTo: String
        @Option(help: "Service users taking part.") var serviceUsers = 0
        @Option(help: "Carers taking part.") var carers = 0
        @Option(help: "VCSE partners taking part.") var vcse = 0
        @Option(help: "People from marginalised communities taking part.") var marginalised = 0
        @Option(help: "Staff taking part.") var staff = 0
        @Option(help: "The findings (their SHA-256 is recorded).") var findings: String?
        @Option(help: "The findings' digest, sha256:<hex>, instead of --findings.") var findingsHash: String?
        @Option(help: ArgumentHelp("An action it raised (repeatable).", valueName: "action")) var actionRaised:
            [String] = []

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    ReviewHeld.make(
                        reviewId: id,
                        scope: try RecordingInput.value(
                            ReportingVocabulary.ReviewScope.self, scope, member: ReviewHeld.CodingKeys.scope,
                            field: "--scope"),
                        regionId: region, serviceId: service, meetingId: meeting, period: period(periodFrom, periodTo),
                        participants: .init(
                            serviceUsers: serviceUsers, carers: carers, vcse: vcse,
                            marginalisedCommunities: marginalised, staff: staff),
                        findingsHash: try Digest.of(file: findings, hash: findingsHash, what: "--findings"),
                        actionsRaised: actionRaised)
                }
            }
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Record the plan's published reports.", subcommands: [Publish.self])

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a report was published (report.published).",
            discussion: HelpText.reflow(
                """
                The document's SHA-256 is recorded (--document FILE, or --document-hash). The statistical
                disclosure control check names its policy and the role that checked it.
                """))
        @OptionGroup var signing: SigningOptions
        @Option(help: "The report id, e.g. RP-2026-annual.") var id: String
        @Option(help: ArgumentHelp("\(allowed(ReportingVocabulary.ReportType.self)).", valueName: "type")) var type:
            String
        @Option(help: "Its title.") var title: String
        @Option(help: "First day of the period it covers.") var periodFrom: String
        @Option(help: "Last day of the period it covers.") var periodTo: String
        @Option(help: "Where it is published (https URL).") var url: String
        @Option(help: "The published document (its SHA-256 is recorded).") var document: String?
        @Option(help: "The document's digest, sha256:<hex>, instead of --document.") var documentHash: String?
        @Option(help: "The disclosure control policy it was checked against, e.g. SDC-1.") var sdcPolicy: String
        @Option(help: "The role that checked it, e.g. R-HEAD-RJE.") var sdcCheckedBy: String
        @Option(
            help: ArgumentHelp(
                "An accessible format it is published in (repeatable): \(allowed(ReportingVocabulary.AccessibleFormat.self)).",
                valueName: "format"))
        var format: [String] = []
        @Option(help: "The region, for a regional report.") var region: String?
        @Option(help: "The plan it reports on.") var plan: String?
        @Option(help: "The plan version.") var planVersion: String?
        @Option(help: ArgumentHelp("An observation it reports, by event id (repeatable).", valueName: "event-id"))
        var observation: [String] = []
        @Option(help: "The report it replaces.") var supersedes: String?

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    typealias K = ReportPublished.CodingKeys
                    return ReportPublished.make(
                        reportId: id,
                        type: try RecordingInput.value(
                            ReportingVocabulary.ReportType.self, type, member: K.type, field: "--type"),
                        title: title, period: period(periodFrom, periodTo), url: url,
                        docHash: try Digest.of(file: document, hash: documentHash, what: "--document"),
                        sdcAttestation: .init(policyRef: sdcPolicy, checkedBy: sdcCheckedBy),
                        accessibleFormats: try RecordingInput.values(
                            ReportingVocabulary.AccessibleFormat.self, format, member: K.accessibleFormats,
                            field: "--format"),
                        regionId: region, planId: plan, planVersion: planVersion,
                        observationRefs: observation.isEmpty ? nil : observation,
                        supersedesReportId: supersedes)
                }
            }
        }
    }
}

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "Record place-based projects starting and completing.",
        subcommands: [Start.self, Complete.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a place-based project started (project.started).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The project id, e.g. PBP-1.") var id: String
        @Option(help: ArgumentHelp("\(allowed(PartnershipVocabulary.ProjectCategory.self)).", valueName: "category"))
        var category: String
        @Option(help: "The region.") var region: String
        @Option(help: ArgumentHelp("A partner, registered earlier (repeatable).", valueName: "partner")) var partner:
            [String] = []
        @Option(help: ArgumentHelp("What it sets out to do (repeatable, at least one).", valueName: "text"))
        var objective: [String] = []
        @Option(help: "The plan action it delivers, e.g. MHS-2.") var action: String?

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    PlaceBasedProjectStarted.make(
                        projectId: id,
                        category: try RecordingInput.value(
                            PartnershipVocabulary.ProjectCategory.self, category,
                            member: PlaceBasedProjectStarted.CodingKeys.category,
                            field: "--category"),
                        regionId: region, partners: partner, objectives: objective, actionId: action)
                }
            }
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a place-based project was completed (project.completed, rule M-7).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The project id.") var id: String
        @Option(help: "What it achieved (no personal data).") var outcome: String
        @Option(
            help: ArgumentHelp(
                "Evidence, KIND/ID or sha256:<hex> (repeatable, at least one), e.g. report/RP-2027-pbp1.",
                valueName: "ref"))
        var evidence: [String] = []

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    PlaceBasedProjectCompleted.make(projectId: id, outcomeSummary: outcome, evidenceRefs: evidence)
                }
            }
        }
    }
}

struct EvaluationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluation",
        abstract: "Record independent evaluations being commissioned and reporting (rule M-5).",
        subcommands: [Commission.self, Report.self])

    struct Commission: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that an independent evaluation was commissioned (evaluation.commissioned).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The evaluation id, e.g. EV-2026.") var id: String
        @Option(help: "The organisation that evaluates.") var evaluator: String
        @Option(help: "The evaluator as a registered partner.") var evaluatorPartner: String?
        @Option(help: "Why the evaluator is independent.") var independence: String
        @Option(help: ArgumentHelp("\(allowed(MetricVocabulary.Scope.self)).", valueName: "scope")) var scope: String
        @Option(help: "The region, unless national.") var region: String?
        @Option(help: "The decision that commissioned it.") var decision: String?

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    IndependentEvaluationCommissioned.make(
                        evaluationId: id, evaluatorOrg: evaluator, evaluatorPartnerId: evaluatorPartner,
                        independenceStatement: independence,
                        scope: try RecordingInput.value(
                            MetricVocabulary.Scope.self, scope,
                            member: IndependentEvaluationCommissioned.CodingKeys.scope, field: "--scope"),
                        regionId: region, decisionRef: decision)
                }
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Record that an independent evaluation reported (evaluation.reported; sign with the evaluator's key).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The evaluation id.") var id: String
        @Option(help: "The evaluation report (its SHA-256 is recorded).") var report: String?
        @Option(help: "The report's digest, sha256:<hex>, instead of --report.") var reportHash: String?
        @Option(help: "The findings in brief.") var findings: String
        @Option(help: ArgumentHelp("A recommendation (repeatable).", valueName: "text")) var recommendation: [String] =
            []
        @Option(help: "The published report, when it was published (report publish).") var reportId: String?

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    IndependentEvaluationReported.make(
                        evaluationId: id, reportHash: try Digest.of(file: report, hash: reportHash, what: "--report"),
                        findings: findings,
                        recommendations: recommendation, reportId: reportId)
                }
            }
        }
    }
}
