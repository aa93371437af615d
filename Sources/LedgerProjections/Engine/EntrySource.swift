import Foundation
public import LedgerCore
import LedgerDomain
public import LedgerStore

/// One entry and its index in the log.
public struct IndexedEntry: Sendable {
    /// 0-based index.
    public var index: Int
    /// The entry.
    public var entry: Entry

    /// Pairs an entry with its index.
    public init(index: Int, entry: Entry) {
        self.index = index
        self.entry = entry
    }
}

/// Where projections read the log from: the ledger file itself, another ledger, or entries held
/// in memory (a bundle's `entries.jsonl`).
public protocol EntrySource {
    /// Entries with index ≥ `from`, at most `limit`, in log order. `connection` is the
    /// projections' own connection, for a source that lives in the same file.
    func entries(from: Int, limit: Int, connection: ProjectionConnection) throws -> [IndexedEntry]
}

/// Entries held in memory, index = position.
public struct MemoryEntrySource: EntrySource {
    /// The entries, from index 0.
    public let entries: [Entry]

    /// Wraps entries that start at index 0.
    public init(entries: [Entry]) { self.entries = entries }

    /// A slice of the entries.
    public func entries(from: Int, limit: Int, connection: ProjectionConnection) throws -> [IndexedEntry] {
        guard from < entries.count else { return [] }
        let end = min(entries.count, from + limit)
        return (from..<end).map { IndexedEntry(index: $0, entry: entries[$0]) }
    }
}

/// Another ledger's log, read through its own connection (replay into memory).
public struct LedgerEntrySource: EntrySource {
    /// The ledger.
    public let ledger: Ledger

    /// Reads from `ledger`.
    public init(ledger: Ledger) { self.ledger = ledger }

    /// Entries from the ledger.
    public func entries(from: Int, limit: Int, connection: ProjectionConnection) throws -> [IndexedEntry] {
        try ledger.entries(from: from, limit: limit).map { IndexedEntry(index: $0.index, entry: $0.entry) }
    }
}

/// Where a replay stops: before an index, or after the last entry recorded by a time.
public enum ReplayPoint: Sendable, Hashable, CustomStringConvertible {
    /// Entries with index < n.
    case index(Int)
    /// Entries whose `recordedAt` ≤ this RFC 3339 UTC time. `recordedAt` is the log's own
    /// clock and never decreases (rule I-4), so this is a prefix of the log; `occurredAt` is
    /// not monotonic and would not be.
    case recordedBy(String)

    /// Parses `INDEX`, `YYYY-MM-DD` (the end of that UTC day) or an RFC 3339 UTC time.
    public init?(parsing text: String) {
        if let n = Int(text), n >= 0 {
            self = .index(n)
        } else if text.count == 10, CivilDate(parsing: text) != nil {
            self = .recordedBy(text + "T23:59:59.999999999Z")
        } else if Timestamp.isValidUTC(text) {
            self = .recordedBy(text)
        } else {
            return nil
        }
    }

    /// Whether the entry lies before this point.
    public func includes(_ entry: IndexedEntry) -> Bool {
        switch self {
        case .index(let n): return entry.index < n
        case .recordedBy(let time): return Instant.compare(entry.entry.recordedAt, time) <= 0
        }
    }

    /// `before entry 120`, `recorded by 2026-05-01T23:59:59Z`.
    public var description: String {
        switch self {
        case .index(let n): return "before entry \(n)"
        case .recordedBy(let time): return "recorded by \(time)"
        }
    }
}

/// A source cut at a replay point: it ends at the first entry past the point.
public struct PrefixEntrySource: EntrySource {
    /// The whole log.
    public let base: any EntrySource
    /// Where to stop.
    public let point: ReplayPoint

    /// Cuts `base` at `point`.
    public init(base: any EntrySource, point: ReplayPoint) {
        self.base = base
        self.point = point
    }

    /// The base's entries up to the point.
    public func entries(from: Int, limit: Int, connection: ProjectionConnection) throws -> [IndexedEntry] {
        let all = try base.entries(from: from, limit: limit, connection: connection)
        guard let cut = all.firstIndex(where: { !point.includes($0) }) else { return all }
        return Array(all[..<cut])
    }
}

/// Orders RFC 3339 UTC times (`…SSZ` or `…SS.fffZ`) exactly, fractions included.
enum Instant {
    static func compare(_ a: String, _ b: String) -> Int {
        let pa = split(a)
        let pb = split(b)
        if pa.seconds != pb.seconds { return pa.seconds < pb.seconds ? -1 : 1 }
        let n = max(pa.fraction.count, pb.fraction.count)
        let fa = pa.fraction.padding(toLength: n, withPad: "0", startingAt: 0)
        let fb = pb.fraction.padding(toLength: n, withPad: "0", startingAt: 0)
        return fa == fb ? 0 : (fa < fb ? -1 : 1)
    }

    static func split(_ t: String) -> (seconds: Substring, fraction: String) {
        let seconds = t.prefix(19)
        var rest = t.dropFirst(19)
        if rest.hasSuffix("Z") { rest = rest.dropLast() }
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        return (seconds, String(rest))
    }
}
