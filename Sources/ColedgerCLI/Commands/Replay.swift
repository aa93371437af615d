import ArgumentParser
import Foundation
import LedgerCore
import LedgerProjections
import LedgerStore

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild projections from entry 0 into fresh tables and swap them in atomically.",
        discussion: "Projections: plan, feedback, trace, governance, decisions, metrics, cadence, names (all when NAME is left out).")
    @OptionGroup var options: LedgerOptions
    @Argument(help: "The projection to rebuild (default: all).") var name: String?

    func run() throws {
        try reporting {
            let ledger = try options.open()
            let projections = Projections(ledger: ledger)
            let start = DispatchTime.now().uptimeNanoseconds
            let progress = ProgressLine("rebuilt")
            let total = try ledger.size()
            projections.runner.onChunk = { done in progress.update(done, of: total) }
            try projections.rebuild(names: name.map { [$0] } ?? [])
            progress.finish()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let entries = try projections.entriesFolded()
            let rate = seconds > 0 ? Int(Double(entries) / seconds) : entries
            print("rebuilt \(name ?? projections.runner.names.joined(separator: ", ")) from \(entries) entries in \(String(format: "%.2f", seconds)) s (\(rate) entries/s)")
        }
    }
}

struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Replay the log up to a point into memory and summarise the plan and the feedback loop then.",
        discussion: HelpText.reflow("""
            Two clocks (DocC article "Time in Coledger"). --at POINT asks what the log said then: INDEX keeps
            entries with index < INDEX; DATE keeps entries whose recordedAt (the log's own clock, which never goes
            back) is at or before the end of that UTC day (or that RFC 3339 time); checkpoint[:DATE] keeps the
            entries a kept checkpoint covers. --as-of DATE asks what had happened by then: events whose effective
            time (occurredAt) is on or before that day, as the log knows it now (or at --at). Clocks are judged on
            --as-of, else the point's date (or the day its last entry was recorded). The first line says which
            point was used; a point before anything was recorded or happened is refused. plan, action,
            feedback, trace, decisions, metrics and cadence take the same two options with the same meaning.
            """))
    @OptionGroup var options: ProjectionOptions
    @OptionGroup var point: PointOptions
    @Flag(help: "Print the summary as JSON.") var json = false

    func run() throws {
        try reporting {
            let (replay, _, said) = try point.replay(options)
            let judged = replay.judgedOn(asOf: try point.asOfDate(), at: point.at.flatMap { ReplayPoint(parsing: $0) })
            var summary = try StateSummary(replay, point: said, now: judged ?? CivilDate(parsing: Timestamp.now()) ?? CivilDate(dayNumber: 0))
            // What had happened by a date does not depend on when the log learned it.
            if point.asOf != nil { summary.lastRecordedAt = nil }
            if json { return Output.printJSON(summary) }
            print("State \(summary.point): \(summary.entries) entries\(summary.lastRecordedAt.map { ", the last recorded \($0)" } ?? ""); judged as of \(summary.asOf).")
            let p = summary.plan
            print("Plan: \(p.actions) actions (" + p.byStatus.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")")
            print("  overdue: \(Self.list(p.overdue))")
            print("  stale:   \(Self.list(p.stale))")
            let f = summary.feedback
            print("Feedback: \(f.received) received, \(f.acknowledged) acknowledged, \(f.responded) answered, \(f.closed) closed, \(f.open) open")
            print("  overdue: \(f.acknowledgementsOverdue) acknowledgement(s), \(f.responsesOverdue) response(s)")
        }
    }
}

extension StateCommand {
    /// The first ids and how many more (the JSON has them all).
    static func list(_ ids: [String], limit: Int = 12) -> String {
        if ids.isEmpty { return "none" }
        let shown = ids.prefix(limit).joined(separator: ", ")
        return ids.count > limit ? "\(ids.count): \(shown) and \(ids.count - limit) more (--json lists all)" : shown
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two points: actions that moved, decisions taken, feedback answered.",
        discussion: HelpText.reflow("""
            A and B are points of the log (entry indexes, dates of recordedAt, checkpoint[:DATE]), as for
            state --at: what the log learned between them. With --effective, A and B are dates of effective time
            (as for state --as-of): what happened between them, as the log knows it now (or at --at).
            """))
    @OptionGroup var options: ProjectionOptions
    @Argument(help: "The earlier point.") var a: String
    @Argument(help: "The later point.") var b: String
    @Flag(help: "A and B are dates of effective time (what had happened by each), not points of the log.") var effective = false
    @Option(
        help: ArgumentHelp("With --effective: read the log as it was at this point (as for state --at).", valueName: "index|date|checkpoint[:date]"))
    var at: String?
    @Flag(help: "Print the changes as JSON.") var json = false

    func run() throws {
        try reporting {
            var (ea, eb) = (a, b)
            if effective, ea > eb { swap(&ea, &eb) }
            func points(_ text: String) -> PointOptions {
                var p = PointOptions()  // every property set: a parsable type built by hand has no defaults
                p.asOf = effective ? text : nil
                p.at = effective ? at : text
                p.now = nil
                return p
            }
            if !effective, at != nil { throw CLIError("--at goes with --effective; without it, A and B are the points of the log") }
            let later = try points(eb).replay(options)
            let earlier: (projections: Projections, events: Int, said: String)
            do {
                earlier = try points(ea).replay(options)
            } catch let error as CLIError where error.description.hasPrefix("nothing had") {
                // Before anything happened or was recorded: everything in B is new.
                earlier = (try Projections.replay(MemoryEntrySource(entries: [])), 0, effective ? "as of \(ea)" : ea)
            }
            var first = earlier
            var second = later
            if !effective, try first.projections.entriesFolded() > second.projections.entriesFolded() { swap(&first, &second) }
            let diff = try StateDiff(from: first.projections, first.said, to: second.projections, second.said)
            if json { return Output.printJSON(diff) }
            for sentence in diff.sentences { print(sentence) }
        }
    }
}
