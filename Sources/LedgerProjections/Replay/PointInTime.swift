import Foundation
public import LedgerCore
import LedgerDomain
public import LedgerStore

/// The two clocks a reader can ask about (DocC article "Time in Coledger"), as one library
/// function that the CLI's read verbs and the portal's pages share: "what had happened by DATE"
/// (effective time, ``EffectiveTime/of(_:)``, on or before that UTC day) among the entries "the
/// log held at POINT" (its log position; the whole log when there is no point).
extension Projections {
    /// Folds into memory the events that had happened by `asOf` among the entries the log held
    /// at `point`, read from `ledger` (or from `entries`, a bundle's, when `ledger` is nil).
    ///
    /// - Returns: the projections and how many events they hold. Zero events means nothing had
    ///   happened by then in that log: callers must say so rather than show an empty answer.
    public static func replay(
        asOf: CivilDate, at point: ReplayPoint?, ledger: Ledger?, entries: [Entry] = [],
        projections: [any Projection.Type] = Projections.all
    ) throws -> (projections: Projections, events: Int) {
        let day = asOf.description
        var kept: [Entry] = []
        var from = 0
        scan: while true {
            let chunk: [IndexedEntry]
            if let ledger {
                chunk = try ledger.entries(from: from, limit: 10_000).map {
                    IndexedEntry(index: $0.index, entry: $0.entry)
                }
            } else {
                chunk = (from..<min(entries.count, from + 10_000)).map { IndexedEntry(index: $0, entry: entries[$0]) }
            }
            guard let last = chunk.last else { break }
            for item in chunk {
                if let point, !point.includes(item) { break scan }
                // An effective time is RFC 3339 UTC: its first ten characters are its UTC day.
                if EffectiveTime.of(item.entry.event).prefix(10) <= day { kept.append(item.entry) }
            }
            from = last.index + 1
        }
        let replay = try Projections.replay(MemoryEntrySource(entries: kept), ledger: ledger, projections: projections)
        return (replay, kept.count)
    }

    /// The day clocks (overdue, stale, cadence) are judged on for a point: `asOf` when given,
    /// else the day of a `recordedBy` point, else the day the last folded entry was recorded.
    public func judgedOn(asOf: CivilDate?, at point: ReplayPoint?) -> CivilDate? {
        if let asOf { return asOf }
        if case .recordedBy(let time)? = point, let day = CivilDate(parsing: time) { return day }
        return runner.lastRecordedAt.flatMap { CivilDate(parsing: $0) }
    }
}

/// A point a reader asks about, parsed and checked once for every reader: the CLI's
/// `--as-of` / `--at` and the portal's `?as-of=` / `?at=` are this one value (DocC article
/// "Time in Coledger").
///
/// `asOf` is a day of effective time (what had happened by its end); `at` a point of the log
/// (what the log said then): an entry index, a day or RFC 3339 UTC time of `recordedAt`, or a
/// kept checkpoint (the newest, or the newest signed by a day).
public struct ReadPoint: Sendable, Hashable {
    /// A point of the log as asked for; a checkpoint becomes an index when the log is read.
    public enum LogPoint: Sendable, Hashable {
        /// An index or a time of `recordedAt`.
        case point(ReplayPoint)
        /// The newest kept checkpoint, or the newest signed on or before this day.
        case checkpoint(CivilDate?)
    }

    /// How the two parameters are spelt in messages: `--as-of` for options, `as-of` for a query.
    public enum Spelling: Sendable {
        case options, query

        /// `--as-of` / `as-of`, `--at` / `at`.
        public func name(_ parameter: String) -> String { self == .options ? "--" + parameter : parameter }
    }

    /// What had happened by the end of this day (effective time); nil for everything.
    public let asOf: CivilDate?
    /// What the log said at this point; nil for the whole log.
    public let at: LogPoint?
    /// `at` as it was written.
    public let atText: String?

    /// The whole log, judged today.
    public static let now = ReadPoint(asOf: nil, at: nil, atText: nil)

    init(asOf: CivilDate?, at: LogPoint?, atText: String?) {
        self.asOf = asOf
        self.at = at
        self.atText = atText
    }

    /// Parses the two parameters (nil or empty: not given).
    /// - Throws: ``ReadPointError`` (malformed) naming the parameter.
    public init(asOf: String?, at: String?, spelling: Spelling = .options) throws(ReadPointError) {
        let asOfText = asOf.flatMap { $0.isEmpty ? nil : $0 }
        let atText = at.flatMap { $0.isEmpty ? nil : $0 }
        var day: CivilDate?
        if let asOfText {
            guard asOfText.count == 10, let date = CivilDate(parsing: asOfText) else {
                throw ReadPointError(
                    .malformed, parameter: "as-of",
                    "\(spelling.name("as-of")) must be a date YYYY-MM-DD, got \(asOfText.prefix(40))")
            }
            day = date
        }
        var point: LogPoint?
        if let atText {
            if atText == "checkpoint" {
                point = .checkpoint(nil)
            } else if atText.hasPrefix("checkpoint:") {
                let text = String(atText.dropFirst("checkpoint:".count))
                guard text.count == 10, let date = CivilDate(parsing: text) else {
                    throw ReadPointError(
                        .malformed, parameter: "at",
                        "\(spelling.name("at")) \(atText.prefix(40)): expected checkpoint or checkpoint:YYYY-MM-DD")
                }
                point = .checkpoint(date)
            } else if let replayPoint = ReplayPoint(parsing: atText) {
                point = .point(replayPoint)
            } else {
                throw ReadPointError(
                    .malformed, parameter: "at",
                    "\(spelling.name("at")) \(atText.prefix(40)) is not a point of the log: give an entry index (entries before it), "
                        + "a date YYYY-MM-DD or RFC 3339 UTC time (entries recorded by then), checkpoint or checkpoint:YYYY-MM-DD")
            }
        }
        self.init(asOf: day, at: point, atText: atText)
    }

    /// The point in words when `asOf` is given: `as of 2025-10-01 (events that had happened by
    /// then), in the log as it is now` (or `in the log` + the point of the log's words, `cut`).
    public static func said(asOf: CivilDate, cut: String?) -> String {
        "as of \(asOf) (events that had happened by then), in the log " + (cut ?? "as it is now")
    }

    /// Whether no point was asked for (the whole log, judged today).
    public var isNow: Bool { asOf == nil && at == nil }

    /// The parameters as a URL query (`as-of=2025-10-01&at=120`), empty for ``now``.
    public var query: String {
        var items: [String] = []
        if let asOf { items.append("as-of=\(asOf)") }
        if let atText {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~:"))
            items.append("at=\(atText.addingPercentEncoding(withAllowedCharacters: allowed) ?? atText)")
        }
        return items.joined(separator: "&")
    }

    /// The point of the log `at` names, a kept checkpoint resolved to the index of its size,
    /// and how to say it; nil when `at` was not given.
    /// - Parameter bundleCheckpointSize: the size of the one checkpoint a bundle carries (when `ledger` is nil).
    public func logPoint(
        ledger: Ledger?, bundleCheckpointSize: () throws -> Int? = { nil }, spelling: Spelling = .options
    ) throws -> (point: ReplayPoint, said: String)? {
        guard let at, let atText else { return nil }
        let day: CivilDate?
        switch at {
        case .point(let point): return (point, point.description)
        case .checkpoint(let d): day = d
        }
        guard let ledger else {
            guard day == nil, let size = try bundleCheckpointSize() else {
                throw ReadPointError(
                    .malformed, parameter: "at",
                    "\(spelling.name("at")) \(atText): a bundle carries one checkpoint; give \(spelling.name("at")) checkpoint")
            }
            return (.index(size), "at the bundle's checkpoint (\(size) entries)")
        }
        let limit = day?.description
        let kept = try ledger.checkpoints().filter { checkpoint in limit.map { checkpoint.signedAt.prefix(10) <= $0 } ?? true }
        guard let checkpoint = kept.last else {
            throw ReadPointError(
                .nothingThen, parameter: "at",
                "\(spelling.name("at")) \(atText): the ledger keeps no checkpoint signed \(limit.map { "by \($0)" } ?? "yet") "
                    + "(coledger checkpoint signs one)")
        }
        return (.index(checkpoint.size), "at the checkpoint signed \(checkpoint.signedAt) (\(checkpoint.size) entries)")
    }
}

/// A read point that cannot be answered: malformed (a caller's mistake: the CLI exits non-zero,
/// the portal answers 400 naming the parameter) or before anything was recorded or had happened
/// (a true answer that must be said, not shown as an empty one).
public struct ReadPointError: Error, CustomStringConvertible, Sendable {
    /// Which of the two.
    public enum Kind: Sendable { case malformed, nothingThen }
    public let kind: Kind
    /// `as-of` or `at`.
    public let parameter: String
    /// The sentence.
    public let message: String

    init(_ kind: Kind, parameter: String, _ message: String) {
        self.kind = kind
        self.parameter = parameter
        self.message = message
    }

    public var description: String { message }

    /// A point of the log before its first entry (recorded at `firstRecordedAt`, nil for an empty log).
    public static func nothingRecorded(_ point: ReplayPoint, firstRecordedAt: String?, spelling: ReadPoint.Spelling) -> ReadPointError {
        let firstRecorded = firstRecordedAt.map { ", and its first entry was recorded at \($0)" } ?? ""
        return ReadPointError(
            .nothingThen, parameter: "at",
            "nothing had been recorded \(point.description)\(firstRecorded): a point of the log (index or date) selects by "
                + "when the log learned things (recordedAt), not when they happened; to judge what had happened by a date, give "
                + "\(spelling.name("as-of")) DATE instead (or a later point)")
    }
}

/// Projections folded at a ``ReadPoint``: what every reader (a CLI verb, a portal page) shows.
public struct PointReading {
    /// The projections (in memory for a point; the live ones for ``ReadPoint/now``).
    public let projections: Projections
    /// The day clocks (overdue, stale, cadence) are judged on.
    public let judgedOn: CivilDate
    /// The point in words: `of the whole log`, `as of 2025-10-01 (events that had happened by
    /// then), in the log as it is now`, `before entry 120`, `at the checkpoint signed …`.
    public let said: String

    /// A reading made elsewhere (the live projections, judged on `judgedOn`).
    public init(projections: Projections, judgedOn: CivilDate, said: String) {
        self.projections = projections
        self.judgedOn = judgedOn
        self.said = said
    }
}

extension Projections {
    /// Reads the log at `point`: the live projections when it is ``ReadPoint/now`` (`live`,
    /// judged on `today`), else a replay into memory (``replay(asOf:at:ledger:entries:projections:)``
    /// or a cut at the point of the log) judged on ``judgedOn(asOf:at:)``.
    ///
    /// - Parameters:
    ///   - ledger: the ledger, or nil for a bundle's `entries`.
    ///   - live: the live projections, used when no point is asked for (nil: replay the whole log).
    /// - Throws: ``ReadPointError`` when the point is malformed or before anything was recorded
    ///   or had happened; errors reading the log.
    public static func read(
        at point: ReadPoint, ledger: Ledger?, entries: [Entry] = [], live: Projections? = nil, today: CivilDate,
        bundleCheckpointSize: () throws -> Int? = { nil }, spelling: ReadPoint.Spelling = .options,
        projections: [any Projection.Type] = Projections.all
    ) throws -> PointReading {
        if point.isNow, let live { return PointReading(projections: live, judgedOn: today, said: "of the whole log") }
        let cut = try point.logPoint(ledger: ledger, bundleCheckpointSize: bundleCheckpointSize, spelling: spelling)
        let source: any EntrySource = ledger.map { LedgerEntrySource(ledger: $0) } ?? MemoryEntrySource(entries: entries)
        guard let asOf = point.asOf else {
            let replay = try Projections.replay(source, at: cut?.point, ledger: ledger, projections: projections)
            if let cut, try replay.entriesFolded() == 0 {
                let first = try ledger.map { try $0.entries(from: 0, limit: 1).first?.entry.recordedAt } ?? entries.first?.recordedAt
                throw ReadPointError.nothingRecorded(cut.point, firstRecordedAt: first, spelling: spelling)
            }
            let judged = replay.judgedOn(asOf: nil, at: cut?.point) ?? today
            return PointReading(projections: replay, judgedOn: judged, said: cut?.said ?? "of the whole log")
        }
        let (replay, events) = try Projections.replay(
            asOf: asOf, at: cut?.point, ledger: ledger, entries: entries, projections: projections)
        guard events > 0 else {
            throw ReadPointError(
                .nothingThen, parameter: "as-of",
                "nothing had happened by \(asOf) in the log \(cut?.said ?? "as it is now"): no event's effective time (occurredAt) "
                    + "is on or before that day; give a later \(spelling.name("as-of"))")
        }
        return PointReading(projections: replay, judgedOn: asOf, said: ReadPoint.said(asOf: asOf, cut: cut?.said))
    }
}
