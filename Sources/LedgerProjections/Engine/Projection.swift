/// A read model folded from the log into its own tables of the ledger file.
///
/// A projection is a pure, deterministic fold: ``apply(_:to:)`` may read and write only its
/// ``Tables``, and its result may depend only on the events it is given, in log order — no
/// wall clock, no randomness, no dependence on dictionary or set order. "Now" is a parameter
/// of the queries, never of the fold. The ``ProjectionRunner`` stores the index of the last
/// entry a projection applied in `projection_state`, in the same transaction as the table
/// updates, so a projection is always exactly the fold of a log prefix.
///
/// To add one: write its tables in `Storage/` (a ``ProjectionTables`` type: the only place
/// SQL is written), a type conforming to `Projection`, and list it in ``Projections/all``.
/// Bump ``version`` whenever the fold or the tables change: the runner then rebuilds it.
public protocol Projection {
    /// The tables it folds into.
    associatedtype Tables: ProjectionTables

    /// A unique lower-case name, e.g. `plan` (used by `coledger rebuild NAME`).
    static var name: String { get }
    /// The version of its fold and tables; a stored projection of another version is rebuilt.
    static var version: Int { get }
    /// The event types it folds; others are not decoded for it.
    static var eventTypes: Set<String> { get }
    /// Folds one event (of one of ``eventTypes``) into the tables.
    static func apply(_ event: ProjectedEvent, to tables: Tables) throws
}

/// The fast path: a projection that folds a chunk of events at a time and keeps what it needs in
/// memory between the chunks of one run, writing changes back when the runner asks.
///
/// The runner folds a log in chunks (thousands of entries) and parses the next chunk on the
/// other cores while this one folds. A plain ``Projection`` reads and writes its tables for every
/// event; a `BatchProjection` gets the whole chunk, updates records it holds in ``Memory``
/// (typically a ``RecordCache`` per table, loaded from the tables on first use) and writes them
/// in ``flush(_:to:)``: catching up, before every commit (with the new last index); rebuilding
/// into fresh tables nobody reads yet, once at the end — so a record changed by many events is
/// written once. ``apply(_:to:)`` for a single event comes free (a chunk of one, then a flush).
///
/// Memory is a cache, never the truth: after ``flush(_:to:)`` the tables hold the whole fold. The
/// runner makes fresh memory at the start of every catch-up and rebuild, and again whenever
/// another process folded entries in between two chunks. To bound memory, ``apply(_:to:memory:)``
/// may flush and forget records itself (``RecordCache/flushIfFull(_:)``).
public protocol BatchProjection: Projection {
    /// What it keeps between chunks (e.g. records by id).
    associatedtype Memory
    /// Empty memory.
    static func makeMemory() -> Memory
    /// Folds `events` — in log order, each of one of ``Projection/eventTypes`` and after the
    /// projection's last folded index — into memory (or straight into `tables`).
    static func apply(_ events: [ProjectedEvent], to tables: Tables, memory: inout Memory) throws
    /// Writes every change held in memory to `tables`.
    static func flush(_ memory: inout Memory, to tables: Tables) throws
    /// Whether it reads ``ProjectedEvent/payload`` (typed payloads, decoded on every core before
    /// the fold). False when it reads only ``ProjectedEvent/fields``: where the log's admission
    /// policy decoded every payload on append, the runner then skips decoding them (default true).
    static var decodesPayloads: Bool { get }
}

extension BatchProjection {
    /// It reads typed payloads.
    public static var decodesPayloads: Bool { true }

    /// Folds one event as a chunk of one, with fresh memory, and writes it.
    public static func apply(_ event: ProjectedEvent, to tables: Tables) throws {
        var memory = makeMemory()
        try apply([event], to: tables, memory: &memory)
        try flush(&memory, to: tables)
    }
}

/// Records held in memory between the chunks of one run: each loaded from the tables once,
/// changed in place, and written back once per ``flush(_:)``.
///
/// It holds at most about ``limit`` records in two generations: a flush that finds the newer
/// generation over half the limit writes the changes, drops the older generation and starts a
/// new one; a record read from the older generation moves to the newer. Records in use stay;
/// records nobody touched for a generation go (the tables have them).
public struct RecordCache<Record> {
    /// A record and whether it changed since the last flush, boxed so that moving it between
    /// generations and growing a dictionary moves a pointer, not the record.
    private final class Slot {
        var record: Record
        var changed: Bool

        init(_ record: Record, changed: Bool) {
            self.record = record
            self.changed = changed
        }
    }

    private var young: [String: Slot] = [:]
    private var old: [String: Slot] = [:]
    /// Keys changed since the last flush, in the order first changed (all in `young`).
    private var changed: [String] = []
    /// About how many records it holds at most.
    public let limit: Int

    /// An empty cache that holds at most about `limit` records.
    public init(limit: Int = 100_000) { self.limit = limit }

    /// Whether there is a record for `key`: held, or else `load`ed from the tables.
    public mutating func contains(_ key: String, load: (String) throws -> Record?) rethrows -> Bool {
        try slot(key, load: load) != nil
    }

    /// The record for `key` (a copy): held, or else `load`ed from the tables.
    public mutating func get(_ key: String, load: (String) throws -> Record?) rethrows -> Record? {
        try slot(key, load: load)?.record
    }

    /// Changes the record for `key` in place (loaded first if need be) and marks it to be
    /// written; false when there is no such record.
    @discardableResult
    public mutating func update(_ key: String, load: (String) throws -> Record?, _ change: (inout Record) throws -> Void) rethrows -> Bool {
        guard let slot = try slot(key, load: load) else { return false }
        try change(&slot.record)
        mark(slot, key)
        return true
    }

    /// Sets the record for `key`, to be written by the next flush.
    public mutating func set(_ key: String, _ record: Record) {
        if let slot = young[key] ?? old.removeValue(forKey: key) {
            young[key] = slot
            slot.record = record
            mark(slot, key)
        } else {
            young[key] = Slot(record, changed: true)
            changed.append(key)
        }
    }

    /// Writes every changed record with `save`, in key order.
    public mutating func flush(_ save: (Record) throws -> Void) rethrows {
        changed.sort()
        for key in changed {
            guard let slot = young[key] else { continue }
            try save(slot.record)
            slot.changed = false
        }
        changed.removeAll(keepingCapacity: true)
    }

    /// When the newer generation holds more than half the limit: writes the changes, then
    /// forgets the older generation and starts a new one.
    public mutating func flushIfFull(_ save: (Record) throws -> Void) rethrows {
        guard young.count > limit / 2 else { return }
        try flush(save)
        old = young
        young = [:]
    }

    /// The number of records held.
    public var count: Int { young.count + old.count }

    private mutating func slot(_ key: String, load: (String) throws -> Record?) rethrows -> Slot? {
        if let slot = young[key] { return slot }
        if let slot = old.removeValue(forKey: key) {
            young[key] = slot
            return slot
        }
        guard let record = try load(key) else { return nil }
        let slot = Slot(record, changed: false)
        young[key] = slot
        return slot
    }

    private mutating func mark(_ slot: Slot, _ key: String) {
        if !slot.changed {
            slot.changed = true
            changed.append(key)
        }
    }
}
