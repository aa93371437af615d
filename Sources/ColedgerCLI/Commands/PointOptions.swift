import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore

/// The two clocks a read command can be asked about, with one meaning everywhere (DocC article
/// "Time in Coledger"): `--at` is a point of the log (what the log said then), `--as-of` a date
/// of effective time (what had happened by then). They combine: `--as-of 2025-10-01 --at
/// checkpoint:2025-11-01` judges what had happened by 1 October among the entries the log held
/// at its checkpoint of 1 November.
struct PointOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "What the log said then: an entry index (entries before it), a date or RFC 3339 UTC time (entries recorded by then), "
                + "`checkpoint` (the newest kept checkpoint) or `checkpoint:DATE` (the newest kept by that day). Default: the whole log.",
            valueName: "index|date|checkpoint[:date]"))
    var at: String?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "What had happened by this date: events whose effective time (occurredAt) is on or before the end of that UTC day.",
            valueName: "date"))
    var asOf: String?
    /// The retired `--now` (refused by ``refuseRetired()``).
    @Option(name: .customLong("now"), help: .hidden) var now: String?

    /// The two options as one ``ReadPoint`` (parsed by the library, as the portal's query is).
    func readPoint() throws -> ReadPoint {
        try refuseRetired()
        do {
            return try ReadPoint(asOf: asOf, at: at)
        } catch {
            throw CLIError(error.message)
        }
    }

    /// The effective date, checked.
    func asOfDate() throws -> CivilDate? { try readPoint().asOf }

    /// Folds the log as these options ask (``Projections/read(at:ledger:entries:live:today:bundleCheckpointSize:spelling:projections:)``,
    /// the function the portal's pages share): cut at `--at`, then only what had happened by
    /// `--as-of`. A point before anything was recorded, or a date before anything happened, is
    /// refused: an empty answer would look like a real one.
    func reading(_ options: ProjectionOptions, live: Bool, projections: [any Projection.Type] = Projections.all) throws
        -> PointReading
    {
        let point = try readPoint()
        let today = CivilDate(parsing: Timestamp.now()) ?? CivilDate(dayNumber: 0)
        if point.isNow, live { return PointReading(projections: try options.open(), judgedOn: today, said: "of the whole log") }
        let (source, ledger) = try options.source()
        do {
            return try Projections.read(
                at: point, ledger: ledger, entries: (source as? MemoryEntrySource)?.entries ?? [], today: today,
                bundleCheckpointSize: { try options.bundleCheckpointSize() }, projections: projections)
        } catch let error as ReadPointError {
            throw CLIError(error.message)
        }
    }

    /// The replay these options ask for (the whole log when none is given): the projections,
    /// how many events they hold, and the sentence naming the point.
    func replay(_ options: ProjectionOptions, projections: [any Projection.Type] = Projections.all) throws -> (
        projections: Projections, events: Int, said: String
    ) {
        let r = try reading(options, live: false, projections: projections)
        return (r.projections, try r.projections.entriesFolded(), r.said)
    }

    /// What a read verb reports on: the live projections when no point is given (judged today),
    /// else the replay judged on `--as-of`, or the point's day.
    func read(_ options: ProjectionOptions, projections: [any Projection.Type] = Projections.all) throws -> (
        projections: Projections, judgedOn: CivilDate, said: String
    ) {
        let r = try reading(options, live: true, projections: projections)
        return (r.projections, r.judgedOn, r.said)
    }

    /// `--now` was a second date flag with another meaning; it is refused, naming its replacement.
    func refuseRetired() throws {
        if now != nil {
            throw CLIError(
                "--now is no longer an option: give --as-of DATE (what had happened by that day, judged on it), "
                    + "and --at POINT for what the log said then (coledger help state)")
        }
    }
}
