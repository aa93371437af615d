import Foundation
import GRDB
public import LedgerCore

#if canImport(Glibc)
    import Glibc
#endif

/// What a backup or a restore wrote, and the verification of what it wrote.
public struct BackupResult: Sendable {
    /// The file written.
    public var path: String
    /// The verification of that file, end to end (``Ledger/verify(keptCheckpoints:pinnedLogKey:parallelism:progress:)``).
    public var report: VerificationReport
}

extension Ledger {
    /// Copies the ledger into a new file at `destination` while other processes may keep
    /// appending: SQLite's online backup API copies one consistent snapshot (a read
    /// transaction, which never blocks writers in WAL mode). The copy is one self-contained file
    /// (rollback-journal mode, no -wal or -shm to carry along), created 0600, synced, then
    /// opened read-only and verified end to end.
    /// - Throws: ``LedgerError/alreadyExists(path:)`` when `destination` exists; a
    ///   ``LedgerError/corrupt(_:)`` naming the first failure when the copy does not verify (the
    ///   copy is then removed).
    public func backup(to destination: String, keptCheckpoints: [String] = []) throws(LedgerError) -> BackupResult {
        try Self.copy(from: db, to: destination, walMode: false)
        return try Self.verifyCopy(
            at: destination, policies: policy.map { [$0] } ?? [], keptCheckpoints: keptCheckpoints, what: "backup")
    }

    /// Restores a backup into a new ledger file at `destination`, after checking that the backup
    /// verifies end to end and is consistent with every checkpoint in `keptCheckpoints` (signed
    /// notes kept from the live ledger, by you or by witnesses): a backup older than a kept
    /// checkpoint (a rewound log) or from another history (a fork) is refused and nothing is
    /// written. The restored file is created 0600, in WAL mode, and verified again.
    /// - Throws: ``LedgerError/alreadyExists(path:)`` when `destination` exists (move a damaged
    ///   ledger aside first: a restore never overwrites one).
    public static func restore(
        backup: String, to destination: String, keptCheckpoints: [String] = [], policies: [any AdmissionPolicy] = []
    ) throws(LedgerError) -> BackupResult {
        guard !FileManager.default.fileExists(atPath: destination) else { throw .alreadyExists(path: destination) }
        let source = try Ledger.open(path: backup, policies: policies, readOnly: true)
        let report = try source.verify(keptCheckpoints: keptCheckpoints)
        if let failure = report.failures.first {
            throw .refused(
                "the backup \(backup) is refused, nothing was restored: \(failure)"
                    + (report.failures.count > 1 ? " (and \(report.failures.count - 1) more failure(s))" : ""))
        }
        try copy(from: source.db, to: destination, walMode: true)
        return try verifyCopy(
            at: destination, policies: policies, keptCheckpoints: keptCheckpoints, what: "restored ledger")
    }

    /// Copies `source` page by page into a new 0600 file at `destination`.
    static func copy(from source: DatabaseQueue, to destination: String, walMode: Bool) throws(LedgerError) {
        for suffix in ["", "-wal", "-shm", "-journal"]
        where FileManager.default.fileExists(atPath: destination + suffix) {
            throw .alreadyExists(path: destination + suffix)
        }
        try PrivateFile.create(destination)
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            let target = try DatabaseQueue(path: destination, configuration: configuration)
            try source.backup(to: target)
            // The copy carries the source's WAL flag in its header: choose its mode explicitly.
            try target.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: walMode ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE")
            }
            try target.close()
            let fd = Glibc.open(destination, O_RDONLY | O_CLOEXEC)
            if fd >= 0 {
                _ = fsync(fd)
                close(fd)
            }
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: destination + suffix)
            }
            throw .storage("cannot copy the ledger to \(destination): \(error)")
        }
    }

    /// Opens the copy read-only and verifies it; removes it when it does not verify.
    static func verifyCopy(
        at path: String, policies: [any AdmissionPolicy], keptCheckpoints: [String], what: String
    ) throws(LedgerError) -> BackupResult {
        let report: VerificationReport
        do throws(LedgerError) {
            let copy = try Ledger.open(path: path, policies: policies, readOnly: true)
            report = try copy.verify(keptCheckpoints: keptCheckpoints)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
            throw error
        }
        if let failure = report.failures.first {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
            throw .corrupt("the \(what) at \(path) does not verify and was removed: \(failure)")
        }
        return BackupResult(path: path, report: report)
    }
}
