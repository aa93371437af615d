import Foundation
import GRDB
import LedgerCore
import LedgerStore
import Testing

/// Opening, permissions and backups at the library level (the CLI tests run the same through
/// the binary, on read-only mounts and under concurrent appends).
struct LedgerFileTests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int ?? -1) & 0o777
    }

    @Test func openRefusesAndLeavesUnchangedWhatIsNotALedger() throws {
        let t = try TestLedger()
        defer { t.remove() }
        let foreign = t.directory.appendingPathComponent("app.db").path
        let db = try DatabaseQueue(path: foreign)
        try db.write { db in
            try db.execute(
                sql: "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('origin', 'x')")
        }
        try db.close()
        let empty = t.directory.appendingPathComponent("empty.db").path
        let text = t.directory.appendingPathComponent("a.txt").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        _ = FileManager.default.createFile(
            atPath: text, contents: Data(String(repeating: "not a database\n", count: 20).utf8))
        for (path, reason) in [
            (foreign, "no Coledger meta table"), (empty, "the file is empty"), (text, "not an SQLite database"),
        ] {
            let before = FileManager.default.contents(atPath: path)
            for readOnly in [false, true] {
                #expect {
                    _ = try Ledger.open(path: path, readOnly: readOnly)
                } throws: { error in
                    guard case .notALedger(_, let why)? = error as? LedgerError else { return false }
                    return why.contains(reason)
                }
            }
            #expect(FileManager.default.contents(atPath: path) == before)
            #expect(
                !FileManager.default.fileExists(atPath: path + "-wal")
                    && !FileManager.default.fileExists(atPath: path + "-shm"))
        }
    }

    @Test func aReadOnlyLedgerReadsAndVerifiesAndRefusesWrites() throws {
        let t = try TestLedger()
        defer { t.remove() }
        for n in 0..<5 { _ = try t.ledger.append(draft: TestLedger.note("s", n), signer: t.admin) }
        _ = try t.ledger.signCheckpoint(with: t.logKey)
        let ro = try Ledger.open(path: t.path, readOnly: true)
        #expect(ro.isReadOnly)
        #expect(try ro.size() == 6)
        #expect(try ro.verify().ok)
        #expect {
            _ = try ro.append(draft: TestLedger.note("s", 9), signer: t.admin)
        } throws: { error in
            (error as? LedgerError)?.description.contains("read-only") == true
        }
        #expect(throws: LedgerError.self) { _ = try ro.signCheckpoint(with: t.logKey) }
        #expect(try t.ledger.size() == 6)
    }

    @Test func theLedgerAndItsWriteAheadLogAreCreatedOwnerOnly() throws {
        let old = umask(0o022)
        defer { umask(old) }
        let t = try TestLedger()
        defer { t.remove() }
        _ = try t.ledger.append(draft: TestLedger.note("s", 1), signer: t.admin)
        #expect(Self.mode(t.path) == 0o600)
        #expect(FileManager.default.fileExists(atPath: t.path + "-wal"))
        #expect(Self.mode(t.path + "-wal") == 0o600)
        #expect(Self.mode(t.path + "-shm") == 0o600)
    }

    @Test func backupVerifiesAndRestoreRefusesARewoundLog() throws {
        let t = try TestLedger()
        defer { t.remove() }
        for n in 0..<4 { _ = try t.ledger.append(draft: TestLedger.note("s", n), signer: t.admin) }
        let early = try t.ledger.signCheckpoint(with: t.logKey).checkpoint.note
        let backup = t.directory.appendingPathComponent("backup.db").path
        let result = try t.ledger.backup(to: backup)
        #expect(result.report.ok && result.report.size == 5)
        #expect(Self.mode(backup) == 0o600)
        #expect(throws: LedgerError.alreadyExists(path: backup)) { _ = try t.ledger.backup(to: backup) }
        _ = try t.ledger.append(draft: TestLedger.note("s", 9), signer: t.admin)
        let late = try t.ledger.signCheckpoint(with: t.logKey).checkpoint.note
        let restored = t.directory.appendingPathComponent("restored.db").path
        let r = try Ledger.restore(backup: backup, to: restored, keptCheckpoints: [early])
        #expect(r.report.ok && r.report.size == 5)
        #expect(try Ledger.open(path: restored).verify(keptCheckpoints: [early]).ok)
        let rewound = t.directory.appendingPathComponent("rewound.db").path
        #expect {
            _ = try Ledger.restore(backup: backup, to: rewound, keptCheckpoints: [late])
        } throws: { error in
            (error as? LedgerError)?.description.contains("refused") == true
        }
        #expect(!FileManager.default.fileExists(atPath: rewound))
    }
}
