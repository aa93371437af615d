import LedgerCore

/// One projection with its types erased, so the runner can hold a list of them.
struct AnyProjection {
    let name: String
    let version: Int
    let eventTypes: Set<String>
    let tableNames: [String]
    let schema: (String) -> [String]
    /// Folds the events after `lastIndex` that it wants into its tables named with a suffix.
    let fold: (ProjectionConnection, String, [ProjectedEvent], Int) throws -> Void

    init<P: Projection>(_ p: P.Type) {
        name = P.name
        version = P.version
        eventTypes = P.eventTypes
        tableNames = P.Tables.tableNames
        schema = { P.Tables.schema(suffix: $0) }
        fold = { connection, suffix, events, lastIndex in
            let tables = P.Tables(connection, suffix: suffix)
            for event in events where event.index > lastIndex && P.eventTypes.contains(event.type) {
                try P.apply(event, to: tables)
            }
        }
    }
}

/// Keeps projections caught up with the log, and rebuilds them.
///
/// Catching up reads entries after the lowest `last_index`, decodes each once (only types some
/// projection folds), folds them into every projection behind, and records each projection's
/// new `last_index` — all in one transaction per chunk of ``chunkSize`` entries. A rebuild folds
/// the whole log into fresh `…__new` tables, then in one transaction folds whatever was appended
/// meanwhile, drops the old tables, renames the new ones and resets the state.
public final class ProjectionRunner {
    let database: ProjectionDatabase
    let source: any EntrySource
    let projections: [AnyProjection]
    /// Entries per transaction.
    public var chunkSize = 8192
    /// When the last entry this runner folded was recorded (the end of a replay).
    public private(set) var lastRecordedAt: String?

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
    public func catchUp() throws {
        var stale: [AnyProjection] = []
        try database.transaction { c in
            try StateStore.ensure(c)
            let states = try StateStore.load(c)
            for p in projections {
                let state = states[p.name]
                let present = try StateStore.tablesExist(c, p.tableNames)
                if state == nil && !present {
                    try StateStore.create(c, statements: p.schema(""))
                    try StateStore.save(c, name: p.name, state: ProjectionState(version: p.version, lastIndex: -1))
                } else if state?.version != p.version || !present {
                    stale.append(p)
                }
            }
        }
        if !stale.isEmpty { try rebuild(stale) }
        var more = true
        while more {
            more = false
            try database.transaction { c in
                let states = try StateStore.load(c)
                let lasts = projections.map { states[$0.name]?.lastIndex ?? -1 }
                let from = (lasts.min() ?? -1) + 1
                let batch = try source.entries(from: from, limit: chunkSize, connection: c)
                guard let end = batch.last?.index else { return }
                let events = decode(batch, for: projections)
                lastRecordedAt = batch.last?.entry.recordedAt
                for (p, last) in zip(projections, lasts) {
                    try p.fold(c, "", events, last)
                    try StateStore.save(c, name: p.name, state: ProjectionState(version: p.version, lastIndex: max(last, end)))
                }
                more = batch.count == chunkSize
            }
        }
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
        let suffix = Self.newSuffix
        try database.transaction { c in
            for p in targets {
                try StateStore.drop(c, p.tableNames, suffix: suffix)
                try StateStore.create(c, statements: p.schema(suffix))
            }
        }
        var last = -1
        // Fold into the fresh tables, one transaction per chunk; readers still see the old ones.
        func foldChunk(_ c: ProjectionConnection) throws -> Int {
            let batch = try source.entries(from: last + 1, limit: chunkSize, connection: c)
            guard let end = batch.last?.index else { return 0 }
            let events = decode(batch, for: targets)
            for p in targets { try p.fold(c, suffix, events, -1) }
            last = end
            return batch.count
        }
        var count = chunkSize
        while count == chunkSize {
            try database.transaction { c in count = try foldChunk(c) }
        }
        // Swap: fold what was appended meanwhile, then drop, rename and reset, atomically.
        try database.transaction { c in
            while try foldChunk(c) == chunkSize {}
            for p in targets {
                try StateStore.swap(c, p.tableNames, from: suffix)
                try StateStore.save(c, name: p.name, state: ProjectionState(version: p.version, lastIndex: last))
            }
        }
    }

    func decode(_ batch: [IndexedEntry], for targets: [AnyProjection]) -> [ProjectedEvent] {
        let wanted = targets.reduce(into: Set<String>()) { $0.formUnion($1.eventTypes) }
        return Parallel.map(batch, workers: Parallel.cores) { item in
            ProjectedEvent(index: item.index, entry: item.entry, decode: wanted.contains(item.entry.event.type))
        }
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
