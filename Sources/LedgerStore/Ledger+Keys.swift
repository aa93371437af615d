import Foundation
public import LedgerCore

extension Ledger {
    /// Every key the log has registered, with its holder and the index of its revocation if any
    /// (the registry the append path checks signers against).
    public func keyRegistry() throws(LedgerError) -> KeyRegistry {
        try read { db in try SQLiteLog(db).registry(origin: origin, logKey: logKey.description) }
    }
}

extension Ledger {
    /// Runs `body` with the facts the log has established so far (the ones admission reads), in
    /// one read transaction: for asking the admission policy what a signer may do now without
    /// appending anything.
    public func readFacts<T>(_ body: (any FactReader) -> T) throws(LedgerError) -> T {
        try read { db in body(StorageFacts(storage: SQLiteLog(db))) }
    }
}
