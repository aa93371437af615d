import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording

// The plan's delivery: actions (group E) and metrics (group H).

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Show one action and its history, or record its progress.",
        subcommands: [ActionShowCommand.self, Update.self], defaultSubcommand: ActionShowCommand.self)

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An action's status and progress change (action.status_changed, rule M-3).",
            discussion: "Create the action first (`coledger new action.created`, edit, `coledger append`).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The action id, e.g. LG-1.") var action: String
        @Option(
            help: ArgumentHelp(
                "The new status: \(ActionStatusChanged.Status.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "status"))
        var status: String
        @Option(help: "Progress, 0 to 100.") var progress: Int?
        @Option(help: "What happened (required by the catalogue, rule M-3).") var note: String
        @Option(
            help: ArgumentHelp("Evidence, KIND:ID (repeatable), e.g. meeting:mtg-amhepf-2026-03.", valueName: "kind:id")
        )
        var evidence: [String] = []

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    ActionStatusChanged(
                        actionId: EntityID(unchecked: action),
                        status: try RecordingInput.value(
                            ActionStatusChanged.Status.self, status, member: ActionStatusChanged.CodingKeys.status,
                            field: "--status"),
                        progressPct: progress.map(Percentage.init(unchecked:)), note: LongText(unchecked: note),
                        evidenceRefs: try evidence.enumerated().map { i, text in
                            try VerbInput.entityRef(
                                text, option: "--evidence", pointer: ActionStatusChanged.evidencePointer(i))
                        })
                }
            }
        }
    }
}

struct MetricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metric", abstract: "Record observations of the plan's metrics.", subcommands: [Observe.self])

    struct Observe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a metric's aggregate figures for a period (metric.observed).",
            discussion: HelpText.reflow(
                """
                Each --cell is DIM=VALUE pairs and numbers joined by ':', e.g. ethnicity=A1:n=12:d=40, or
                n=465:d=540:value=86.1 for the total. DIM is a breakdown dimension (ethnicity, ethnicity_group,
                region, service, pay_band, respondent_group, age, sex, …); ethnicity takes the ONS 2021 codes
                W1–W5, M1–M4, A1–A5, B1–B3, O1, O2, not_stated, not_known. When any cell is broken down by
                ethnicity the code system (ons2021) is recorded and completeness is required: --not-stated and
                --not-known, or cells ethnicity=not_stated and ethnicity=not_known to take them from.
                Scope and region default to the metric's definition.
                """))
        @OptionGroup var signing: SigningOptions
        @Option(help: "The metric id (defined earlier).") var metric: String
        @Option(help: "First day of the period.") var periodFrom: String
        @Option(help: "Last day of the period.") var periodTo: String
        @Option(
            help: ArgumentHelp("A cell, DIM=VALUE[:DIM=VALUE…]:n=N[:d=N][:value=X] (repeatable).", valueName: "cell"))
        var cell: [String] = []
        @Option(help: "national, regional or local (default: the metric's scope).") var scope: String?
        @Option(help: "The region (default: the metric's region).") var region: String?
        @Option(help: "The service, for a single-service observation.") var service: String?
        @Option(help: "Records where the person declined to give an ethnicity.") var notStated: Int?
        @Option(help: "Records with no ethnicity asked or recorded.") var notKnown: Int?
        @Option(help: "All records in scope.") var total: Int?

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    guard !cell.isEmpty else {
                        throw CLIError("give at least one --cell, e.g. --cell ethnicity=A1:n=12:d=40")
                    }
                    return ObserveMetric(
                        metricId: metric,
                        period: MetricVocabulary.Period(from: DateInput.date(periodFrom), to: DateInput.date(periodTo)),
                        scope: try scope.map {
                            try RecordingInput.value(
                                MetricVocabulary.Scope.self, $0, member: MetricObserved.CodingKeys.scope,
                                field: "--scope")
                        },
                        regionId: region, serviceId: service, cells: try cell.enumerated().map(Self.parseCell),
                        notStated: notStated, notKnown: notKnown, total: total)
                }
            }
        }

        /// `ethnicity=A1:n=12:d=40` as a cell with dimensions `{ethnicity: A1}`, `n` 12 and `d` 40; the
        /// dimensions are checked as the catalogue checks them, refused at the `index`th cell.
        static func parseCell(_ index: Int, _ text: String) throws -> MetricVocabulary.Cell {
            var dims: [String: JSONValue] = [:]
            var n: Int?
            var d: Int?
            var value: Double?
            for part in text.split(separator: ":") {
                let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else {
                    throw CLIError("--cell \(text): \(part) is not NAME=VALUE (e.g. ethnicity=A1:n=12:d=40)")
                }
                switch kv[0] {
                case "n", "d":
                    guard let count = Int(kv[1]) else {
                        throw CLIError("--cell \(text): \(kv[0]) must be a whole number")
                    }
                    if kv[0] == "n" { n = count } else { d = count }
                case "value":
                    guard let x = Double(kv[1]), x.isFinite else {
                        throw CLIError("--cell \(text): value must be a number")
                    }
                    value = x
                default:
                    dims[camelCase(kv[0])] = .string(kv[1])
                }
            }
            guard let n else { throw CLIError("--cell \(text): give the count, n=N") }
            do {
                let typed = try Catalogue.decodePart(MetricVocabulary.Dims.self, from: .object(dims))
                return MetricVocabulary.Cell(dims: typed, n: n, d: d, value: value)
            } catch {
                throw RecordingError(
                    .invalid, pointer: ObserveMetric.dimsPointer(index) + error.pointer, field: "--cell",
                    reason: error.reason)
            }
        }

        /// `ethnicity_group` → `ethnicityGroup`; camelCase names pass through.
        static func camelCase(_ name: String) -> String {
            let words = name.split(separator: "_")
            guard let first = words.first else { return name }
            return String(first) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
    }
}
