import LedgerCore
import LedgerStore

/// Reads single entries of the log a projection was folded from, by index or by event id, inside
/// a read of the projections: through the ledger file's primary key and `entries_by_id` index
/// (O(log n)), or from memory for a bundle.
struct EntryLookup {
    let source: any EntrySource
    let connection: ProjectionConnection
    private var cache: [Int: Entry] = [:]

    init(source: any EntrySource, connection: ProjectionConnection) {
        self.source = source
        self.connection = connection
    }

    /// The entry at `index`, if the source has it.
    mutating func entry(at index: Int) throws -> Entry? {
        if let cached = cache[index] { return cached }
        guard index >= 0, let found = try source.entries(from: index, limit: 1, connection: connection).first, found.index == index else {
            return nil
        }
        cache[index] = found.entry
        return found.entry
    }

    /// The index of the entry whose event has `id`, if the source has it.
    mutating func index(ofEventID id: String) throws -> Int? {
        guard let index = try Self.index(ofEventID: id, in: source, connection) else { return nil }
        return try entry(at: index) == nil ? nil : index
    }

    static func index(ofEventID id: String, in source: any EntrySource, _ connection: ProjectionConnection) throws -> Int? {
        switch source {
        case is LedgerFileSource: return try Ledger.index(connection.db, eventID: id)
        case let s as LedgerEntrySource: return try s.ledger.entry(id: id)?.index
        case let s as MemoryEntrySource: return s.entries.firstIndex { $0.event.id == id }
        case let s as PrefixEntrySource: return try index(ofEventID: id, in: s.base, connection)
        default: return nil
        }
    }
}
