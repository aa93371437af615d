import Dispatch
import LedgerCore
import LedgerDomain
package import LedgerStore

/// One projection with its types erased, so the runner can hold a list of them.
struct AnyProjection {
    let name: String
    let version: Int
    let eventTypes: Set<String>
    let tableNames: [String]
    let schema: (String) -> [String]
    /// Whether it reads typed payloads (``ProjectedEvent/payload``), not only ``ProjectedEvent/fields``.
    let decodesPayloads: Bool
    /// A folder with fresh memory, for one run.
    let makeFolder: () -> Folder

    init<P: Projection>(_ p: P.Type) {
        name = P.name
        version = P.version
        eventTypes = P.eventTypes
        tableNames = P.Tables.tableNames
        schema = { P.Tables.schema(suffix: $0) }
        if let batch = p as? any BatchProjection.Type {
            decodesPayloads = batch.decodesPayloads
            makeFolder = { Self.batchFolder(batch) }
        } else {
            decodesPayloads = true
            makeFolder = {
                Folder(
                    reset: {}, flush: { _, _ in },
                    fold: { connection, suffix, events in
                        let tables = P.Tables(connection, suffix: suffix)
                        for event in events { try P.apply(event, to: tables) }
                    })
            }
        }
    }

    private static func batchFolder<B: BatchProjection>(_ b: B.Type) -> Folder {
        let box = MemoryBox(B.makeMemory())
        return Folder(
            reset: { box.memory = B.makeMemory() },
            flush: { connection, suffix in try B.flush(&box.memory, to: B.Tables(connection, suffix: suffix)) },
            fold: { connection, suffix, events in try B.apply(events, to: B.Tables(connection, suffix: suffix), memory: &box.memory) })
    }
}

/// A batch projection's memory, shared by its folder's closures.
final class MemoryBox<Memory> {
    var memory: Memory
    init(_ memory: Memory) { self.memory = memory }
}

/// Folds chunks of events into one projection's tables named with a suffix, keeping its memory
/// (a ``BatchProjection``'s) between the chunks of one run.
struct Folder {
    /// Forgets the memory (another process folded meanwhile).
    let reset: () -> Void
    /// Writes what the memory holds to the tables.
    let flush: (ProjectionConnection, String) throws -> Void
    /// Folds events.
    let fold: (ProjectionConnection, String, [ProjectedEvent]) throws -> Void
}

/// Keeps projections caught up with the log, and rebuilds them.
///
/// Both fold the log in chunks of ``chunkSize`` entries, one transaction each, recording each
/// projection's new `last_index` in the same transaction. Within a transaction the runner reads
/// the next chunk's bytes — only entries of types some projection folds, by the entries table's
/// `type` column — and parses and decodes them on every core (``JSONTape``, ``PayloadDecoder``)
/// while it folds the current chunk on this thread. A catch-up starts after the lowest
/// `last_index` and rereads the states in every transaction, so another process folding
/// meanwhile is noticed. A rebuild folds the whole log into fresh `…__new` tables; the
/// transaction that finds no entry after its chunk also drops the old tables, renames the new
/// ones and resets the state, atomically.
public final class ProjectionRunner {
    let database: ProjectionDatabase
    let source: any EntrySource
    let projections: [AnyProjection]
    /// Entries per transaction.
    public var chunkSize = 16_384
    /// When the last entry this runner folded was recorded (the end of a replay).
    public private(set) var lastRecordedAt: String?
    /// Called after each chunk is folded with the number of entries read so far (for a
    /// progress line; entries from index 0, so during a rebuild it counts up to the log's size).
    public var onChunk: ((_ entriesRead: Int) -> Void)?

    /// A runner for `projections` over `source`, writing into `database`.
    public init(database: ProjectionDatabase, source: any EntrySource, projections: [any Projection.Type]) {
        self.database = database
        self.source = source
        self.projections = projections.map { AnyProjection($0) }
    }

    /// The projections' names.
    public var names: [String] { projections.map(\.name) }

    /// Brings every projection up to the end of the source; builds new ones and rebuilds any
    /// whose version or tables changed.
    ///
    /// In the ledger file a new projection's tables are created empty and caught up like the
    /// others (chunk by chunk, so several processes may do it at once); in a fresh in-memory
    /// database (a replay) it is built the way ``rebuild(names:)`` builds, each record written once.
    public func catchUp() throws {
        var stale: [AnyProjection] = []
        try database.transaction { c in
            try StateStore.ensure(c)
            let states = try StateStore.load(c)
            for p in projections {
                let state = states[p.name]
                let present = try StateStore.tablesExist(c, p.tableNames)
                if state == nil && !present && database.isLedgerFile {
                    try StateStore.create(c, statements: p.schema(""))
                    try StateStore.save(c, name: p.name, state: ProjectionState(version: p.version, lastIndex: -1))
                } else if state?.version != p.version || !present {
                    stale.append(p)
                }
            }
        }
        if !stale.isEmpty { try rebuild(stale) }
        try run(projections, suffix: "", rebuilding: false)
    }

    /// Rebuilds the named projections (all when `names` is empty) from entry 0.
    /// - Throws: ``ProjectionError/unknownProjection(_:known:)`` for a name no projection has.
    public func rebuild(names: [String] = []) throws {
        for name in names where !projections.contains(where: { $0.name == name }) {
            throw ProjectionError.unknownProjection(name, known: self.names)
        }
        try database.transaction { c in try StateStore.ensure(c) }
        try rebuild(names.isEmpty ? projections : projections.filter { names.contains($0.name) })
    }

    static let newSuffix = "__new"

    func rebuild(_ targets: [AnyProjection]) throws {
        try database.transaction { c in
            for p in targets {
                try StateStore.drop(c, p.tableNames, suffix: Self.newSuffix)
                try StateStore.create(c, statements: p.schema(Self.newSuffix))
            }
        }
        try run(targets, suffix: Self.newSuffix, rebuilding: true)
    }

    /// Folds the source into `targets`' tables named with `suffix`, chunk by chunk, until a
    /// transaction finds nothing more; rebuilding, that transaction swaps the tables in.
    func run(_ targets: [AnyProjection], suffix: String, rebuilding: Bool) throws {
        let wanted = targets.reduce(into: Set<String>()) { $0.formUnion($1.eventTypes) }
        // Payloads the admission policy decoded on append need decoding now only for projections
        // that read typed payloads.
        var lazy: Set<String> = []
        if try database.read({ try source.payloadsChecked(connection: $0) }) {
            lazy = wanted.subtracting(targets.filter(\.decodesPayloads).reduce(into: Set<String>()) { $0.formUnion($1.eventTypes) })
        }
        let plan = DecodePlan(types: wanted, lazy: lazy)
        let detached = source.detachedReader(for: database)
        let wants = targets.map { p in plan.types.map { p.eventTypes.contains($0) } }
        let folders = targets.map { $0.makeFolder() }
        // What the projections had folded when this run last committed (rebuilding: only this
        // run writes the fresh tables).
        var expected = [Int](repeating: -1, count: targets.count)
        var pending: ParseJob?
        var first = true
        var done = false
        while !done {
            try database.transaction { c in
                var lasts = expected
                if !rebuilding {
                    let states = try StateStore.load(c)
                    lasts = targets.map { states[$0.name]?.lastIndex ?? -1 }
                    if !first && lasts != expected { folders.forEach { $0.reset() } }
                }
                first = false
                let from = (lasts.min() ?? -1) + 1
                let prefetched = try pending.flatMap { try $0.covered().lowerBound == from ? $0 : nil }
                var chunk = try (prefetched ?? read(from: from, plan: plan, connection: c, detached: nil)).wait()
                // Start reading and parsing the next chunk, to run while this one folds. It is read
                // within this transaction (on a second connection, which sees what this one sees).
                let next = chunk.covered.isEmpty ? nil : try read(from: chunk.covered.upperBound, plan: plan, connection: c, detached: detached)
                if let end = chunk.covered.last {
                    for k in targets.indices {
                        let events = chunk.events.filter { wants[k][$0.typeID] && $0.index > lasts[k] }
                        if !events.isEmpty { try folders[k].fold(c, suffix, events) }
                        lasts[k] = max(lasts[k], end)
                        if !rebuilding {
                            try folders[k].flush(c, suffix)
                            try StateStore.save(c, name: targets[k].name, state: ProjectionState(version: targets[k].version, lastIndex: lasts[k]))
                        }
                    }
                    lastRecordedAt = chunk.lastRecordedAt ?? lastRecordedAt
                    onChunk?(end + 1)
                }
                // Free the chunk's events on another thread (thousands of objects).
                let grave = Graveyard(chunk.events)
                chunk.events = []
                DispatchQueue.global().async { grave.empty() }
                expected = lasts
                pending = try next.flatMap { try $0.covered().isEmpty ? nil : $0 }
                guard pending == nil else { return }
                done = true
                if rebuilding {
                    for (k, p) in targets.enumerated() {
                        try folders[k].flush(c, suffix)
                        try StateStore.swap(c, p.tableNames, from: suffix)
                        try StateStore.save(c, name: p.name, state: ProjectionState(version: p.version, lastIndex: lasts[k]))
                    }
                }
            }
        }
    }

    /// Starts reading a chunk with `detached` on another thread, or reads it on `connection`,
    /// and starts parsing it on the other cores.
    func read(from: Int, plan: DecodePlan, connection: ProjectionConnection, detached: DetachedReader?) throws -> ParseJob {
        let types = Set(plan.types)
        if let detached {
            let limit = chunkSize
            return ParseJob(reading: { try detached.read(from, limit, types) }, plan: plan)
        }
        return ParseJob(try source.batch(from: from, limit: chunkSize, types: types, connection: connection), plan: plan)
    }

}

/// Objects to free on another thread.
final class Graveyard: @unchecked Sendable {
    private var items: [ProjectedEvent]
    init(_ items: [ProjectedEvent]) { self.items = items }
    func empty() { items = [] }
}

/// A chunk of the log read (on its own connection, when the source has one) and parsed and
/// decoded on the other cores while the runner folds.
final class ParseJob: @unchecked Sendable {
    struct Parsed {
        var covered: Range<Int>
        var events: [ProjectedEvent]
        var lastRecordedAt: String?
    }

    /// Parsing threads: every core (measured on 2 cores: leaving one to the fold was slower,
    /// because parsing is then the longer stage).
    static let workers = Parallel.cores

    private let readDone = DispatchSemaphore(value: 0)
    private let parseDone = DispatchSemaphore(value: 0)
    private var read: Result<Range<Int>, any Error> = .success(0..<0)
    private var result: Result<Parsed, any Error> = .failure(ProjectionError.notFound("not parsed"))

    /// Parses a chunk already read.
    convenience init(_ batch: EntryBatch, plan: DecodePlan) {
        self.init(reading: { batch }, plan: plan, inBackground: !batch.entries.isEmpty)
    }

    /// Reads a chunk with `reading` and parses it, on other threads.
    convenience init(reading: @escaping @Sendable () throws -> EntryBatch, plan: DecodePlan) {
        self.init(reading: reading, plan: plan, inBackground: true)
    }

    private init(reading: @escaping @Sendable () throws -> EntryBatch, plan: DecodePlan, inBackground: Bool) {
        guard inBackground else {
            run(reading, plan)
            return
        }
        DispatchQueue.global().async { [self] in run(reading, plan) }
    }

    private func run(_ reading: () throws -> EntryBatch, _ plan: DecodePlan) {
        let batch: EntryBatch
        do {
            batch = try reading()
            read = .success(batch.covered)
        } catch {
            read = .failure(error)
            result = .failure(error)
            readDone.signal()
            parseDone.signal()
            return
        }
        readDone.signal()
        let items = batch.entries
        // Blocks of entries handed out to every core.
        var parsed = [Result<ProjectedEvent?, any Error>](repeating: .success(nil), count: items.count)
        let blocks = min(items.count, 512)
        parsed.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            Parallel.forEach(blocks, workers: Self.workers) { b in
                for i in (items.count * b / blocks)..<(items.count * (b + 1) / blocks) {
                    out.value[i] = Result { try plan.event(index: items[i].index, bytes: items[i].bytes) }
                }
            }
        }
        result = Result {
            var events: [ProjectedEvent] = []
            events.reserveCapacity(parsed.count)
            for p in parsed { if let e = try p.get() { events.append(e) } }
            return Parsed(covered: batch.covered, events: events, lastRecordedAt: batch.lastRecordedAt)
        }
        parseDone.signal()
    }

    /// The indexes the chunk covers, once read.
    func covered() throws -> Range<Int> {
        readDone.wait()
        readDone.signal()
        return try read.get()
    }

    /// The parsed chunk, once ready (handed over: a second call fails).
    func wait() throws -> Parsed {
        parseDone.wait()
        defer { result = .failure(ProjectionError.notFound("a parsed chunk was taken twice")) }
        return try result.get()
    }
}

/// Why the projection engine refused.
public enum ProjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No projection has this name.
    case unknownProjection(String, known: [String])
    /// Something the caller asked for is not in the projection.
    case notFound(String)

    /// One line.
    public var description: String {
        switch self {
        case .unknownProjection(let name, let known):
            return "no projection is called \(name) (known: \(known.joined(separator: ", ")))"
        case .notFound(let what): return what
        }
    }
}

extension ProjectionRunner {
    /// Reads every entry of `ledger` and parses its envelope the way the runner does before a
    /// fold (every type, payloads not decoded), on every core; the number of entries read.
    /// The benchmark's baseline for the runner's own reader.
    package static func readAndScan(_ ledger: Ledger, chunkSize: Int = 16_384) throws -> Int {
        let plan = DecodePlan(types: Set(Catalogue.all.map { $0.eventType }), lazy: Set(Catalogue.all.map { $0.eventType }))
        var from = 0
        var count = 0
        while true {
            let batch = try LogReader.batch(ledger: ledger, from: from, limit: chunkSize, types: nil)
            guard !batch.covered.isEmpty else { return count }
            count += try ParseJob(batch, plan: plan).wait().events.count
            from = batch.covered.upperBound
        }
    }
}
