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
