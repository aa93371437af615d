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

    /// The effective date, checked.
    func asOfDate() throws -> CivilDate? {
        guard let asOf else { return nil }
        guard asOf.count == 10, let date = CivilDate(parsing: asOf) else {
            throw CLIError("--as-of must be a date YYYY-MM-DD, got \(asOf)")
        }
        return date
    }

    /// The point of the log `--at` names (a kept checkpoint becomes the index of its size), and how to say it.
    func logPoint(ledger: Ledger?, bundleCheckpointSize: () throws -> Int?) throws -> (
        point: ReplayPoint, said: String
    )? {
        guard let at else { return nil }
        guard at == "checkpoint" || at.hasPrefix("checkpoint:") else {
            let point = try parsePoint(at)
            return (point, point.description)
        }
        let day = at == "checkpoint" ? nil : String(at.dropFirst("checkpoint:".count))
        if let day, day.count != 10 || CivilDate(parsing: day) == nil {
            throw CLIError("--at \(at): expected checkpoint or checkpoint:YYYY-MM-DD")
        }
        guard let ledger else {
            guard day == nil, let size = try bundleCheckpointSize() else {
                throw CLIError("--at \(at): a bundle carries one checkpoint; give --at checkpoint")
            }
            return (.index(size), "at the bundle's checkpoint (\(size) entries)")
        }
        let kept = try ledger.checkpoints().filter { day == nil || $0.signedAt.prefix(10) <= day! }
        guard let checkpoint = kept.last else {
            throw CLIError(
                "--at \(at): the ledger keeps no checkpoint signed \(day.map { "by \($0)" } ?? "yet") (coledger checkpoint signs one)"
            )
        }
        return (.index(checkpoint.size), "at the checkpoint signed \(checkpoint.signedAt) (\(checkpoint.size) entries)")
    }

    /// Folds the log as these options ask: cut at `--at`, then only what had happened by
    /// `--as-of` (``Projections/replay(asOf:at:ledger:entries:projections:)``, the function the
    /// portal shares). Returns the projections, how many events they hold, and the sentence naming
    /// the point. A point before anything was recorded, or a date before anything happened, is
    /// refused: an empty answer would look like a real one.
    func replay(_ options: ProjectionOptions, projections: [any Projection.Type] = Projections.all) throws -> (
        projections: Projections, events: Int, said: String
    ) {
        try refuseRetired()
        let (source, ledger) = try options.source()
        let point = try logPoint(ledger: ledger) { try options.bundleCheckpointSize() }
        guard let asOf = try asOfDate() else {
            let replay = try Projections.replay(source, at: point?.point, ledger: ledger, projections: projections)
            if let point { try requireEntries(replay, at: point.point, ledger: ledger) }
            return (replay, try replay.entriesFolded(), point?.said ?? "of the whole log")
        }
        let (replay, events) = try Projections.replay(
            asOf: asOf, at: point?.point, ledger: ledger, entries: (source as? MemoryEntrySource)?.entries ?? [], projections: projections)
        guard events > 0 else {
            throw CLIError(
                "nothing had happened by \(asOf) in the log \(point?.said ?? "as it is now"): no event's effective time (occurredAt) is on or "
                    + "before that day; give a later --as-of")
        }
        return (replay, events, "as of \(asOf) (events that had happened by then), in the log " + (point?.said ?? "as it is now"))
    }

    /// What a read verb reports on: the live projections when no point is given (judged today),
    /// else ``replay(_:projections:)`` judged on `--as-of`, or the point's day.
    func read(_ options: ProjectionOptions, projections: [any Projection.Type] = Projections.all) throws -> (
        projections: Projections, judgedOn: CivilDate, said: String
    ) {
        try refuseRetired()
        let today = CivilDate(parsing: Timestamp.now()) ?? CivilDate(dayNumber: 0)
        guard at != nil || asOf != nil else { return (try options.open(), today, "of the whole log") }
        let (replay, _, said) = try self.replay(options, projections: projections)
        let point = at.flatMap { ReplayPoint(parsing: $0) }
        return (replay, replay.judgedOn(asOf: try asOfDate(), at: point) ?? today, said)
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
