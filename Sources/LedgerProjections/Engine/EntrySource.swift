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

/// A stretch of the log as the runner reads it: the stored bytes of the entries it may fold,
/// parsed by the runner on every core while it folds the stretch before.
public struct EntryBatch: Sendable {
    /// The indexes read (`from ..< from`: the log ends before `from`). Entries of types nobody
    /// folds are covered without being listed.
    public var covered: Range<Int>
    /// Entries in `covered`, in log order, as stored (canonical JCS bytes). It lists at least
    /// every entry of the types asked for, and may list others (the runner skips them).
    public var entries: [(index: Int, bytes: [UInt8])]
    /// When the last covered entry was recorded (nil when nothing is covered).
    public var lastRecordedAt: String?

    /// A batch.
    public init(covered: Range<Int>, entries: [(index: Int, bytes: [UInt8])], lastRecordedAt: String?) {
        self.covered = covered
        self.entries = entries
        self.lastRecordedAt = lastRecordedAt
    }

    /// Nothing from `from` on.
    public static func empty(at from: Int) -> EntryBatch { EntryBatch(covered: from..<from, entries: [], lastRecordedAt: nil) }
}

/// Where projections read the log from: the ledger file itself, another ledger, or entries held
/// in memory (a bundle's `entries.jsonl`).
public protocol EntrySource {
    /// Entries with index ≥ `from`, at most `limit`, in log order. `connection` is the
    /// projections' own connection, for a source that lives in the same file.
    func entries(from: Int, limit: Int, connection: ProjectionConnection) throws -> [IndexedEntry]

    /// The runner's read: indexes `from ..< from + limit` (fewer where the log ends), listing
    /// the entries whose type is in `types` (nil: all). The default reads ``entries(from:limit:connection:)``.
    func batch(from: Int, limit: Int, types: Set<String>?, connection: ProjectionConnection) throws -> EntryBatch

    /// Whether every payload in the log was decoded against the catalogue when it was appended
    /// (a ledger with the PCREF admission policy), so the runner need not check them again.
    /// The default is false: the runner decodes every payload it hands to a projection.
    func payloadsChecked(connection: ProjectionConnection) throws -> Bool

    /// The same reads as ``batch(from:limit:types:connection:)``, on any thread and without the
    /// projections' connection, when the source can (nil by default): the runner then reads the
    /// next chunk on another core while it folds this one.
    func detachedReader(for database: ProjectionDatabase) -> DetachedReader?
}

/// Reads batches of a log on any thread (a source's own connection, or memory).
public struct DetachedReader: Sendable {
    /// `from`, `limit`, `types` as for ``EntrySource/batch(from:limit:types:connection:)``.
    public let read: @Sendable (Int, Int, Set<String>?) throws -> EntryBatch

    /// A reader calling `read`.
    public init(_ read: @escaping @Sendable (Int, Int, Set<String>?) throws -> EntryBatch) { self.read = read }
}

extension EntrySource {
    /// Not known: payloads are checked.
    public func payloadsChecked(connection: ProjectionConnection) throws -> Bool { false }

    /// None: the runner reads on its connection.
    public func detachedReader(for database: ProjectionDatabase) -> DetachedReader? { nil }

    /// Reads ``entries(from:limit:connection:)`` and hands on their bytes.
    public func batch(from: Int, limit: Int, types: Set<String>?, connection: ProjectionConnection) throws -> EntryBatch {
        let all = try entries(from: from, limit: limit, connection: connection)
        guard let last = all.last else { return .empty(at: from) }
        return EntryBatch(
            covered: from..<(last.index + 1),
            entries: all.filter { types?.contains($0.entry.event.type) ?? true }.map { ($0.index, $0.entry.bytes) },
            lastRecordedAt: last.entry.recordedAt)
    }
}

/// Entries held in memory, index = position.
public struct MemoryEntrySource: EntrySource, Sendable {
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

    /// A slice of the entries' bytes.
    public func batch(from: Int, limit: Int, types: Set<String>?, connection: ProjectionConnection) throws -> EntryBatch {
        guard from < entries.count else { return .empty(at: from) }
        let end = min(entries.count, from + limit)
        var listed: [(index: Int, bytes: [UInt8])] = []
        listed.reserveCapacity(end - from)
        for i in from..<end where types?.contains(entries[i].event.type) ?? true { listed.append((i, entries[i].bytes)) }
        return EntryBatch(covered: from..<end, entries: listed, lastRecordedAt: entries[end - 1].recordedAt)
    }

    /// Slices of the same entries.
    public func detachedReader(for database: ProjectionDatabase) -> DetachedReader? {
        let source = self
        return DetachedReader { from, limit, types in
            try source.batch(from: from, limit: limit, types: types, connection: ProjectionConnection.detached)
        }
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

    /// The stored bytes of the entries of `types`, read in one transaction of the ledger.
    public func batch(from: Int, limit: Int, types: Set<String>?, connection: ProjectionConnection) throws -> EntryBatch {
        try LogReader.batch(ledger: ledger, from: from, limit: limit, types: types)
    }

    /// Whether the ledger admits events under the PCREF policy (which decodes every payload).
    public func payloadsChecked(connection: ProjectionConnection) throws -> Bool {
        ledger.policyName == DomainPolicy.standard.name
    }

    /// Reads through the ledger's connection, unless the projections live in that same ledger.
    public func detachedReader(for database: ProjectionDatabase) -> DetachedReader? {
        guard !database.isOn(ledger) else { return nil }
        let ledger = UnsafeSendable(ledger)
        return DetachedReader { from, limit, types in try LogReader.batch(ledger: ledger.value, from: from, limit: limit, types: types) }
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

    /// The base's answer.
    public func payloadsChecked(connection: ProjectionConnection) throws -> Bool {
        try base.payloadsChecked(connection: connection)
    }

    /// The base's reader, cut at the point.
    public func detachedReader(for database: ProjectionDatabase) -> DetachedReader? {
        guard let base = base.detachedReader(for: database) else { return nil }
        let point = point
        return DetachedReader { from, limit, types in
            try Self.cut(point, from: from, limit: limit, types: types) { try base.read($0, $1, $2) }
        }
    }

    /// The base's batch up to the point. Cut by time, every entry is read (its `recordedAt` is
    /// in its bytes) and the runner skips the types it does not fold.
    public func batch(from: Int, limit: Int, types: Set<String>?, connection: ProjectionConnection) throws -> EntryBatch {
        try Self.cut(point, from: from, limit: limit, types: types) { try base.batch(from: $0, limit: $1, types: $2, connection: connection) }
    }

    static func cut(
        _ point: ReplayPoint, from: Int, limit: Int, types: Set<String>?, read: (Int, Int, Set<String>?) throws -> EntryBatch
    ) throws -> EntryBatch {
        switch point {
        case .index(let n):
            guard from < n else { return .empty(at: from) }
            return try read(from, min(limit, n - from), types)
        case .recordedBy(let time):
            let all = try read(from, limit, nil)
            var kept = all.entries
            var end = all.covered.upperBound
            var last = all.lastRecordedAt
            for (n, item) in all.entries.enumerated() {
                let recordedAt = try EntryPeek.recordedAt(item.bytes)
                if Instant.compare(recordedAt, time) > 0 {
                    kept = Array(all.entries[..<n])
                    end = item.index
                    last = n > 0 ? try EntryPeek.recordedAt(all.entries[n - 1].bytes) : nil
                    break
                }
            }
            return EntryBatch(covered: from..<max(from, end), entries: kept, lastRecordedAt: end > from ? last : nil)
        }
    }
}

/// Reads what projections need from an entry's stored bytes without parsing all of it.
enum EntryPeek {
    private static let signatureName = Array(#","signature":"#.utf8)
    private static let recordedAtName = Array(#"},"recordedAt":""#.utf8)

    /// The `recordedAt` of canonical entry bytes, which end `…},"recordedAt":"T","signature":"S"}`
    /// (members in JCS order, `S` base64); other bytes are parsed in full.
    /// - Throws: `LedgerError.corrupt` when the bytes are not an entry.
    static func recordedAt(_ bytes: [UInt8]) throws -> String {
        if let time = peek(bytes) { return time }
        do {
            return try Entry(bytes: bytes).recordedAt
        } catch {
            throw LedgerError.corrupt("an entry does not parse: \(error)")
        }
    }

    static func peek(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { b -> String? in
            let quote = UInt8(ascii: "\"")
            func matches(_ name: [UInt8], endingAt end: Int) -> Bool {
                let start = end - name.count
                guard start >= 0 else { return false }
                for k in 0..<name.count where b[start + k] != name[k] { return false }
                return true
            }
            guard b.count > 64, b[b.count - 1] == UInt8(ascii: "}"), b[b.count - 2] == quote else { return nil }
            var i = b.count - 3
            while i > 0 && b[i] != quote { i -= 1 }
            // b[i] opens the signature; before it `,"signature":`, before that the time's closing quote.
            guard matches(signatureName, endingAt: i) else { return nil }
            let timeEnd = i - signatureName.count - 1
            guard timeEnd > 0, b[timeEnd] == quote else { return nil }
            var j = timeEnd - 1
            while j > 0 && b[j] != quote { j -= 1 }
            guard matches(recordedAtName, endingAt: j + 1) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[(j + 1)..<timeEnd]), as: UTF8.self)
        }
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
