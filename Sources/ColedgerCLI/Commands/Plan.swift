import ArgumentParser
import Foundation
import LedgerProjections

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The plan: every action's owner, due date, status and progress; roll-ups; overdue and stale actions.",
        discussion: HelpText.reflow("""
            Overdue: due before the day judged on and neither done nor cancelled. Stale: open, with no status
            change in more than 30 days before it. The day judged on is --as-of (only what had happened by
            then counts), else the day of --at (what the log said then), else today, as for `coledger state`.
            """))
    @OptionGroup var options: ProjectionOptions
    @OptionGroup var point: PointOptions
    @Flag(help: "Print the report as JSON.") var json = false

    func run() throws {
        try reporting {
            let (projections, judged, said) = try point.read(options)
            let report = try projections.plan(now: judged)
            if json { return Output.printJSON(report) }
            print("Plan \(said), judged as of \(report.asOf) (\(report.entriesFolded) log entries): \(report.actions.count) actions, \(report.overdue.count) overdue, \(report.stale.count) stale.\n")
            print(Table.render(
                ["ACTION", "AREA", "OWNER", "DUE", "STATUS", "%", "COMPETENCIES", "REGION", "FLAGS"],
                report.actions.map { v in
                    let a = v.action
                    let flags = [v.overdue ? "overdue" : nil, v.stale ? "stale(\(v.daysSinceLastChange)d)" : nil, a.reopenedCount > 0 ? "reopened" : nil]
                        .compactMap { $0 }.joined(separator: ",")
                    return [a.actionId, a.area, a.ownerRoleId, a.dueDate, a.status, a.progressPct.map(String.init) ?? "-",
                            a.competencies.joined(separator: ","), a.regionId ?? "national", flags]
                }))
            for (title, rollUps) in [("By area", report.byArea), ("By competency", report.byCompetency)] where !rollUps.isEmpty {
                print("\n\(title):")
                print(Table.render(
                    ["", "TOTAL", "PLANNED", "IN PROGRESS", "BLOCKED", "DONE", "CANCELLED", "OVERDUE", "STALE", "MEAN %"],
                    rollUps.map { r in
                        [r.key, "\(r.total)", "\(r.planned)", "\(r.inProgress)", "\(r.blocked)", "\(r.done)", "\(r.cancelled)",
                         "\(r.overdue)", "\(r.stale)", r.meanProgressPct.map(String.init) ?? "-"]
                    }))
            }
        }
    }
}

/// `coledger action [show] CODE` (the default subcommand of `action`).
struct ActionShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One action (by id or code) and the history of its status changes, with log indexes.")
    @OptionGroup var options: ProjectionOptions
    @OptionGroup var point: PointOptions
    @Argument(help: "An action id (NW-MHS-2) or code (LG-1).") var code: String
    @Flag(help: "Print the action(s) as JSON.") var json = false

    func run() throws {
        try reporting {
            let (projections, judged, said) = try point.read(options)
            let details = try projections.action(code, now: judged)
            guard !details.isEmpty else { throw CLIError("no action \(code) in the plan \(said)") }
            if json { return Output.printJSON(details) }
            print("Action \(said), judged as of \(judged).")
            for (n, d) in details.enumerated() {
                let a = d.action.action
                if n > 0 { print("") }
                print("\(a.actionId) (\(a.code), \(a.area)): \(a.title)")
                print("  owner \(a.ownerRoleId), due \(a.dueDate), \(a.scope)\(a.regionId.map { " in \($0)" } ?? "")")
                print("  status \(a.status)\(a.progressPct.map { ", \($0)%" } ?? "")\(d.action.overdue ? ", OVERDUE" : "")\(d.action.stale ? ", stale" : "")")
                print("  competencies \(a.competencies.joined(separator: ", "))\(a.pillars.isEmpty ? "" : "; pillars \(a.pillars.joined(separator: ", "))")")
                print("  created at entry \(a.createdIndex) (\(a.createdAt))")
                if d.history.isEmpty { print("  no status changes yet") }
                for h in d.history {
                    print("  entry \(h.index)  \(h.occurredAt)  \(h.from) -> \(h.to)\(h.progressPct.map { " (\($0)%)" } ?? "")  \(h.note)")
                }
            }
        }
    }
}
