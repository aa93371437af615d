import Foundation
public import LedgerCore

extension Ledger {
    /// Every key the log has registered, with its holder and the index of its revocation if any
    /// (the registry the append path checks signers against).
    public func keyRegistry() throws(LedgerError) -> KeyRegistry {
        try read { db in try SQLiteLog(db).registry(origin: origin, logKey: logKey.description) }
    }
}
