import ArgumentParser
import Foundation
import LedgerProjections
import LedgerStore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan the projection tables against a fresh fold of the log.",
        discussion: HelpText.reflow(
            """
            `coledger verify` proves the log; `coledger check` proves that the tables the read verbs answer
            from (plan, feedback, trace, governance, decisions, metrics, cadence, names) are exactly the fold of
            that log. Each projection is folded afresh in memory up to the entry its stored state says it
            folded, and every table is compared row by row, every column. Nothing is written (a read-only
            ledger is scanned too). A difference means the file was edited behind the ledger's back:
            `coledger rebuild` replaces the tables with a fresh fold.
            Exit status: 0 when the tables match, 1 when any row differs (each is named), 2 when the scan
            could not run.
            """))
    @OptionGroup var options: LedgerOptions
    @Flag(help: "Print the report as JSON.") var json = false

    func run() throws {
        let report: ProjectionScanReport
        do {
            report = try Projections.integrityScan(of: try options.open())
        } catch {
            Output.error("error: \(error)")
            throw ExitCode(2)
        }
        if json {
            Output.printJSON(report)
        } else if report.ok && report.checked.isEmpty {
            // Not "OK": nothing was compared. Read verbs asked about a point (--as-of, --at) fold
            // in memory, so a file can hold no projection yet.
            print(
                "Nothing to check: no projection has been folded into this file yet (`coledger rebuild` folds them all)."
            )
        } else if report.ok {
            let folded = report.checked.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) entries)" }.joined(
                separator: ", ")
            print(
                "OK: \(report.checked.count) projection(s) match a fresh fold of the log: \(folded.isEmpty ? "none folded yet" : folded); \(report.rowsCompared) rows compared."
            )
            for (name, why) in report.skipped.sorted(by: { $0.key < $1.key }) {
                print("  not checked: \(name): \(why)")
            }
        } else {
            print(
                "FAIL: \(report.differences.count) projection row(s) differ from a fresh fold of the log (run `coledger rebuild` to repair):"
            )
            for difference in report.differences.prefix(20) { print("  \(difference)") }
            if report.differences.count > 20 {
                print("  and \(report.differences.count - 20) more; --json lists them all")
            }
        }
        if !report.ok { throw ExitCode(1) }
    }
}
