import ArgumentParser
import Foundation
import LedgerAudit
import LedgerCore
import LedgerProjections

struct CadenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadence",
        abstract: "The plan's rhythms: reviews per region against twice a year, annual findings, board updates, place-based projects against three.",
        discussion: HelpText.reflow("""
            Judged as of --as-of (default: today, UTC, or the day of --at), counting what happened (its effective
            time) by then among what the log held at --at (default: all of it), as for `coledger state`, with the
            audit policy's parameters (Schemas/audit/policy.v1.json, or --policy FILE): a region's next review
            is due 6 months after its last (or after the region was registered or the plan started) plus 30
            days' grace; annual findings every 12 months plus 30 days (a historical record counts from the end
            of the period it covers); the Board of Trustees and the Race Equality Programme Board hear about
            the plan at least every 6 months, verbally and in writing each plan year; at least 3 community
            engagement place-based projects are completed by 2028-03-31, unless a metric.target_set for T-1
            says otherwise. Plan years run from the plan's start (1 April).
            """))
    @OptionGroup var options: ProjectionOptions
    @OptionGroup var point: PointOptions
    @Option(help: ArgumentHelp("An audit policy file (JSON) for the review, publication and project parameters.", valueName: "file"))
    var policy: String?
    @Flag(help: "Print the report as JSON.") var json = false

    func cadencePolicy() throws -> CadencePolicy {
        let (audit, _) = try policy.map { try AuditPolicy.load(try Input.read($0)) } ?? AuditPolicy.standard()
        let p = audit.plan
        guard let start = CivilDate(parsing: p.planStart), p.planStart.count == 10 else {
            throw CLIError("the policy's plan.planStart must be a date YYYY-MM-DD, got \(p.planStart)")
        }
        guard let due = CivilDate(parsing: p.placeBasedProjectsDue), p.placeBasedProjectsDue.count == 10 else {
            throw CLIError("the policy's plan.placeBasedProjectsDue must be a date YYYY-MM-DD, got \(p.placeBasedProjectsDue)")
        }
        var c = CadencePolicy.standard
        c.planStart = start
        c.reviewEveryMonths = p.reviewEveryMonths
        c.reviewGraceDays = p.reviewGraceDays
        c.publishEveryMonths = p.publishEveryMonths
        c.publishGraceDays = p.publishGraceDays
        c.placeBasedProjectsTarget = p.placeBasedProjectsTarget
        c.placeBasedProjectsDue = due
        return c
    }

    func run() throws {
        try reporting {
            let policy = try cadencePolicy()
            let (projections, judged, said) = try point.read(options, projections: [CadenceProjection.self])
            let r = try projections.cadence(now: judged, policy: policy)
            if json { return Output.printJSON(r) }
            print("Cadence \(said), judged as of \(r.asOf) (plan year \(r.planYearFrom) to \(r.planYearTo); \(r.entriesFolded) log entries).\n")
            print("Reviews per region (twice a year: each within \(policy.reviewEveryMonths) months and \(policy.reviewGraceDays) days of the last):")
            print(Table.render(
                ["REGION", "NAME", "THIS PLAN YEAR", "LAST REVIEW", "NEXT DUE BY", "STATUS"],
                r.reviews.map { g in
                    [g.regionId, g.name ?? "-", "\(g.heldThisPlanYear) of \(g.expectedPerPlanYear)", g.lastReviewOn.map(\.description) ?? "none",
                     g.nextDueBy.description, Self.status(g.status, overdue: g.daysOverdue)]
                }))
            let f = r.annualFindings
            let last = f.reports.last.map { "last \($0.report.reportId) (counts from \($0.countsFrom))" } ?? "none published yet"
            print("\nAnnual findings: \(last); \(f.publishedThisPlanYear) this plan year; next due by \(f.nextDueBy); \(Self.status(f.status, overdue: f.daysOverdue)).")
            print("\nBoard updates (at least every \(policy.boardUpdateEveryMonths) months, verbal and written each plan year):")
            print(Table.render(
                ["BODY", "UPDATES", "VERBAL/WRITTEN THIS YEAR", "LAST", "NEXT DUE BY", "STATUS"],
                r.boardUpdates.map { b in
                    [b.bodyId, "\(b.updates)", "\(b.verbalThisPlanYear)/\(b.writtenThisPlanYear)", b.lastUpdateOn.map(\.description) ?? "none",
                     b.required ? b.nextDueBy.description : "(not required)", Self.status(b.status, overdue: b.daysOverdue)]
                }))
            let p = r.placeBasedProjects
            let regions = p.regions.isEmpty ? "" : " (\(p.regions.joined(separator: ", ")))"
            print("\nPlace-based community engagement projects: \(p.completed) of \(p.target) completed\(regions), \(p.inProgress) in progress; due \(p.deadline) (target from \(p.targetSource)); \(Self.status(p.status, overdue: 0)).")
            print(r.lapses.isEmpty ? "\nNothing is behind." : "\nBehind:\n" + r.lapses.map { "- " + $0 }.joined(separator: "\n"))
        }
    }

    static func status(_ s: String, overdue: Int) -> String {
        switch s {
        case "overdue": return "OVERDUE (\(overdue) days)"
        case "late": return "late once"
        case "on_track": return "on track"
        case "one_mode_only": return "one mode only"
        default: return s.replacingOccurrences(of: "_", with: " ")
        }
    }
}
