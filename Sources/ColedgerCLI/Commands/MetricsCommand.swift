import ArgumentParser
import Foundation
import LedgerDomain
import LedgerProjections

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Metrics and equity: observations by period and region, by ethnicity and other characteristics, disparities and completeness, with small-number suppression.",
        discussion: HelpText.reflow("""
            Every figure is suppressed before it is shown: counts from 1 to 7 are hidden (*), and so is the
            next smallest count of any row or column left with only one hidden count (so it cannot be worked
            out from a total); other counts are rounded to the nearest 5; percentages are worked out from the
            rounded counts and hidden when either count is. Zero is shown as 0. The raw counts never leave
            the ledger.

            Without METRIC it lists the metrics; with one (an id such as M-SUES, or a code such as M-SUD for
            every metric with that code) it prints each observation's tables. --json prints everything asked
            for. A group's disparity is its rate against everyone's (ratio, and difference in percentage
            points), both from rounded counts. "Not stated" (asked, declined) and "not known" (not asked or
            not recorded) are reported apart.

            The write verb is `coledger metric observe` (singular).
            """))
    @OptionGroup var options: ProjectionOptions
    @Argument(help: "A metric id (M-SUES) or code (M-SUD); all metrics when left out.") var metric: String?
    @Option(help: "Only observations of this region.") var region: String?
    @Option(help: ArgumentHelp("Only observations whose period overlaps this one: YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO.", valueName: "period"))
    var period: String?
    @Option(help: ArgumentHelp(
        "Only breakdowns by these dimensions, comma-separated: ethnicity, ethnicity_group (also rolls ONS 2021 categories up into five groups), region, service, pay_band, respondent_group, age, disability, gender_reassignment, marriage_civil_partnership, pregnancy_maternity, religion_belief, sex, sexual_orientation.",
        valueName: "dimensions"))
    var by: String?
    @Flag(help: "Only the latest observation of each metric, region and service.") var latest = false
    @OptionGroup var point: PointOptions
    @Flag(help: "Print the report as JSON.") var json = false

    func query() throws -> MetricsQuery {
        var q = MetricsQuery(metric: metric, region: region, latestOnly: latest)
        if let period {
            guard let p = MetricsQuery.period(parsing: period) else {
                throw CLIError("--period must be YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO with dates YYYY-MM-DD, got \(period)")
            }
            q.period = p
        }
        if let by {
            q.by = try by.split(separator: ",").map { name in
                guard let d = MetricVocabulary.Dimension(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    let known = MetricVocabulary.Dimension.allCases.map(\.rawValue).joined(separator: ", ")
                    throw CLIError("--by: no dimension is called \(name) (dimensions: \(known))")
                }
                return d
            }
            if q.by?.isEmpty == true { throw CLIError("--by needs at least one dimension, e.g. --by ethnicity") }
        }
        return q
    }

    func run() throws {
        try reporting {
            let q = try query()
            let (projections, _, said) = try point.read(options, projections: [MetricsProjection.self])
            let report = try projections.metrics(q)
            if json { return Output.printJSON(report) }
            print("Metrics \(said).")
            if metric == nil { printList(report) } else { printDetail(report) }
        }
    }

    func printList(_ report: MetricsReport) {
        print("Metrics (\(report.metrics.count); \(report.entriesFolded) log entries). Counts are rounded to 5 and counts of 1-7 hidden (*).\n")
        print(Table.render(
            ["METRIC", "CODE", "UNIT", "CADENCE", "SCOPE", "OBSERVATIONS", "LATEST PERIOD", "LATEST HEADLINE"],
            report.metrics.map { m in
                let d = m.definition
                let last = m.observations.last
                let latest = last.map { o in o.headline.map(Self.headline) ?? "by " + o.breakdowns.map { $0.by.joined(separator: "+") }.joined(separator: ", ") }
                return [d.metricId, d.code, d.unit, d.cadence, d.regionId.map { "\(d.scope) \($0)" } ?? d.scope, "\(m.observations.count)",
                        last.map { "\($0.period.from)..\($0.period.to)" } ?? "-", latest ?? "-"]
            }))
        print("\nFor a metric's tables: coledger metrics METRIC [--by ethnicity] [--region R] [--period P] [--latest].")
    }

    func printDetail(_ report: MetricsReport) {
        for m in report.metrics {
            let d = m.definition
            print("\(d.metricId) (\(d.code)): \(d.name)")
            print("  \(d.unit), observed \(d.cadence), \(d.scope)\(d.regionId.map { " in \($0)" } ?? ""); competencies \(d.competencies.joined(separator: ", "))")
            print("  counts: \(d.numerator)\(d.denominator.map { "; out of: \($0)" } ?? "")")
            if let t = d.target { print("  target in its definition: \(Self.number(t))") }
            for t in m.targets { print("  target set at entry \(t.index): \(t.direction.replacingOccurrences(of: "_", with: " ")) \(Self.number(t.value)) by \(t.deadline) (decision \(t.decisionRef))") }
            if m.observations.isEmpty { print("  no observations match") }
            for o in m.observations {
                let place = [o.regionId.map { "region \($0)" }, o.serviceId.map { "service \($0)" }].compactMap { $0 }.joined(separator: ", ")
                print("\n  \(o.period.from) to \(o.period.to), \(o.scope)\(place.isEmpty ? "" : " (\(place))"), entry \(o.index)\(o.suppressionApplied ? "" : " (national: not suppressed)")")
                if let h = o.headline { print("    Headline: \(Self.headline(h))") }
                for b in o.breakdowns {
                    print("    By \(b.by.joined(separator: " and "))\(b.derived ? " (rolled up)" : "") — \(Self.measure(b.measure)):")
                    let all = b.rows + [b.overall]
                    let showDenominator = all.contains { $0.denominator != nil }
                    let showPercent = all.contains { $0.percent != nil }
                    let showValue = all.contains { $0.value != nil }
                    let showDisparity = all.contains { $0.disparity != nil }
                    let rows = all.map { r in
                        var cells = [r.label, Self.count(r.count)]
                        if showDenominator { cells.append(r.denominator.map(Self.count) ?? "-") }
                        if showPercent { cells.append(r.percent.map(Self.percent) ?? "-") }
                        if showValue { cells.append(r.value.map(Self.decimal) ?? "-") }
                        if showDisparity {
                            cells += [r.disparity.map { Self.signed($0.difference) } ?? "", r.disparity.map { Self.ratio($0.ratio) } ?? ""]
                        }
                        return cells
                    }
                    var header = ["GROUP", "COUNT"]
                    if showDenominator { header.append("OUT OF") }
                    if showPercent { header.append(b.measure == "share" ? "% OF ALL" : "%") }
                    if showValue { header.append("VALUE") }
                    if showDisparity { header += ["VS EVERYONE", "RATIO"] }
                    print(Self.indent(Table.render(header, rows)))
                }
                if let c = o.completeness {
                    let total = c.total.map { " of \(Self.count($0))" } ?? ""
                    print("    Completeness: not stated \(Self.count(c.notStated))\(c.notStatedPercent.map { " (\(Self.percent($0)))" } ?? ""), not known \(Self.count(c.notKnown))\(c.notKnownPercent.map { " (\(Self.percent($0)))" } ?? "")\(total)")
                }
            }
            for x in m.disparities {
                let size = x.magnitude.value.map { "\(Self.number($0)) \(x.magnitudeUnit.replacingOccurrences(of: "_", with: " "))" } ?? "size hidden (small numbers)"
                print("\n  Disparity \(x.disparityId) (entry \(x.index)), \(x.period.from) to \(x.period.to): \(x.focusLabel) against \(x.referenceLabel), \(size), by \(x.method.replacingOccurrences(of: "_", with: " ")).")
            }
            print("")
        }
        print("* hidden: a count of 1-7, or hidden so that one cannot be worked out from a total. Counts are rounded to the nearest 5; percentages come from the rounded counts.")
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }

    static func measure(_ m: String) -> String {
        switch m {
        case "rate": return "each group's rate out of its own number"
        case "value": return "each group's recorded value"
        default: return "each group's share of everyone"
        }
    }

    static func headline(_ r: MetricRow) -> String {
        if let p = r.percent { return "\(percent(p)) (\(count(r.count)) of \(r.denominator.map(count) ?? "-"))" }
        if let v = r.value { return "\(decimal(v)) (\(count(r.count)) counted)" }
        return count(r.count)
    }

    static func count(_ c: Disclosed<Int>) -> String { c.value.map(String.init) ?? "*" }
    static func percent(_ p: Disclosed<Double>) -> String { p.value.map { String(format: "%.1f%%", $0) } ?? "*" }
    static func decimal(_ p: Disclosed<Double>) -> String { p.value.map(number) ?? "*" }
    static func ratio(_ p: Disclosed<Double>) -> String { p.value.map { String(format: "%.2f", $0) } ?? "*" }
    static func signed(_ p: Disclosed<Double>) -> String { p.value.map { String(format: "%+.1f", $0) } ?? "*" }
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.2f", x).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}
