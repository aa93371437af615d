import Foundation
import GRDB
import Testing

/// What survives a mistyped path, a read-only copy, an edited table and a lost machine: the
/// storage layer's promises (issue 10, defects 2, 3, 7 and 8; backup and restore), each run
/// against the real `coledger` binary.
@Suite(.serialized) struct StoreHardeningTests {
    /// The bytes of `path`, and whether a -wal or -shm file sits beside it.
    static func snapshot(_ path: String) -> (Data?, Bool, Bool) {
        let fm = FileManager.default
        return (fm.contents(atPath: path), fm.fileExists(atPath: path + "-wal"), fm.fileExists(atPath: path + "-shm"))
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int ?? -1) & 0o777
    }

    /// Every read verb (and `append`) on a file that is not a ledger: refused with a clear error,
    /// and the file is byte for byte what it was, with no -wal or -shm created beside it.
    @Test func filesThatAreNotLedgersAreNeverChanged() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()  // a real key for `append`; the ledger it makes is not one of the files below
        let foreign = cli.directory.appendingPathComponent("other-app.db").path
        do {
            let db = try DatabaseQueue(path: foreign)
            try db.write { db in
                try db.execute(
                    sql:
                        "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('keep me')"
                )
            }
            try db.close()
        }
        let empty = cli.directory.appendingPathComponent("empty.db").path
        let text = cli.directory.appendingPathComponent("notes.txt").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(FileManager.default.createFile(atPath: text, contents: Data("shopping list\nmilk\n".utf8)))
        let out = cli.directory.appendingPathComponent("out").path
        let verbs: [[String]] = [
            ["log"], ["show", "0"], ["verify"], ["audit"], ["plan"], ["feedback"], ["decisions"],
            ["state", "--at", "1"],
            ["export", "--out", out], ["prove", "inclusion", "0"], ["check"], ["bodies"], ["metrics"],
            ["backup", out + ".bak"],
            ["append", "--key", cli.key("member"), "-"],
        ]
        var runs = 0
        for file in [foreign, empty, text] {
            let before = Self.snapshot(file)
            for verb in verbs {
                let r = try cli.run(["--ledger", file] + verb, stdin: CLI.note(stream: "s", n: 1))
                #expect(r.status != 0, "\(verb) on \(file) succeeded")
                #expect(r.stderr.contains("is not a Coledger ledger"), "\(verb) on \(file): \(r.stderr)")
                let after = Self.snapshot(file)
                #expect(after.0 == before.0, "\(verb) changed the bytes of \(file)")
                #expect(!after.1 && !after.2, "\(verb) left a -wal or -shm beside \(file)")
                runs += 1
            }
        }
        #expect(!FileManager.default.fileExists(atPath: out + ".bak"))
        print("not-a-ledger: \(runs) verb runs on 3 foreign files, every one refused, no byte changed")
    }

    /// Runs `coledger ARGS` with `directory` re-mounted read-only in a private mount namespace
    /// (tests run as root, who ignores permission bits; a read-only mount refuses even root).
    func runReadOnly(_ cli: CLI, directory: String, _ args: [String], stdin: String? = nil) throws -> CLI.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments =
            [
                "-m", "sh", "-c",
                "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"", "sh",
                directory, CLI.binary,
            ] + args
        p.environment = cli.environment
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            let inPipe = Pipe()
            p.standardInput = inPipe
            inPipe.fileHandleForWriting.write(Data(stdin.utf8))
            try? inPipe.fileHandleForWriting.close()
        } else {
            p.standardInput = FileHandle.nullDevice
        }
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    /// An evaluator's read-only copy (file 0444 in a 0555 folder on a read-only mount) verifies,
    /// audits and answers every read verb with the same answers as the writable original, and
    /// refuses writes clearly; the file is unchanged.
    @Test func readOnlyLedgerAnswersEveryReadVerb() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let demo = try cli.makeDemo()
        let copyDir = cli.directory.appendingPathComponent("evaluator").path
        try FileManager.default.createDirectory(atPath: copyDir, withIntermediateDirectories: true)
        let ledger = copyDir + "/coledger.db"
        try FileManager.default.copyItem(atPath: demo + "/coledger.db", toPath: ledger)
        try FileManager.default.copyItem(
            atPath: demo + "/kept-checkpoint.txt", toPath: copyDir + "/kept-checkpoint.txt")
        chmod(ledger, 0o444)
        chmod(copyDir, 0o555)
        defer { chmod(copyDir, 0o755) }
        let before = Self.snapshot(ledger)
        let verbs: [[String]] = [
            ["log", "--limit", "5"], ["show", "0"], ["verify", "--checkpoint", copyDir + "/kept-checkpoint.txt"],
            ["audit"],
            ["plan", "--as-of", "2026-06-01"], ["feedback", "--as-of", "2026-06-01"], ["decisions"], ["bodies"],
            ["metrics"], ["cadence", "--as-of", "2026-06-01"], ["yousaid"], ["state", "--at", "50"],
            ["prove", "inclusion", "3"],
            ["check"],
        ]
        // The answers from a writable copy of the same ledger, to compare with.
        let writable = cli.directory.appendingPathComponent("writable.db").path
        try FileManager.default.copyItem(atPath: demo + "/coledger.db", toPath: writable)
        for verb in verbs {
            let r = try runReadOnly(cli, directory: copyDir, ["--ledger", ledger] + verb)
            if verb == ["check"] {
                #expect(r.status == 0, "check on a read-only ledger: \(r.stderr)")
                // Nothing was folded into the copied file, so check says there is nothing to
                // compare (and does not try to fold into a file it may not write).
                #expect(r.stdout.hasPrefix("Nothing to check"), "check on a read-only ledger: \(r.stdout)")
                continue
            }
            let w = try cli.run(["--ledger", writable] + verb)
            // The same exit status (the demo's audit fails some rules, read-only or not).
            #expect(r.status == w.status, "\(verb) on a read-only ledger: \(r.status) \(r.stderr)")
            #expect(r.status == 0 || verb == ["audit"], "\(verb) on a read-only ledger: \(r.stderr)")
            // The audit names the file it read; everything else must match byte for byte.
            #expect(
                r.stdout.replacingOccurrences(of: ledger, with: "LEDGER")
                    == w.stdout.replacingOccurrences(of: writable, with: "LEDGER"),
                "\(verb): the read-only answer differs from the writable one")
        }
        let export = try runReadOnly(
            cli, directory: copyDir,
            ["--ledger", ledger, "export", "--out", cli.directory.appendingPathComponent("bundle").path])
        #expect(export.status == 0, "export from a read-only ledger: \(export.stderr)")
        let append = try runReadOnly(
            cli, directory: copyDir, ["--ledger", ledger, "append", "--key", demo + "/keys/admin.key", "-"],
            stdin: CLI.note(stream: "s", n: 1))
        #expect(append.status != 0)
        #expect(append.stderr.contains("read-only"), "append on a read-only ledger: \(append.stderr)")
        let after = Self.snapshot(ledger)
        #expect(after.0 == before.0 && !after.1 && !after.2, "the read-only ledger was changed")
        print("read-only ledger: \(verbs.count + 1) read verbs answered as on a writable copy; append refused")
    }

    /// Under the usual umask 022 the ledger (subject keys beside their ciphertexts), its -wal and
    /// -shm, the restricted bundle's private.jsonl and a backup are created 0600.
    @Test func personalDataFilesAreOwnerOnly() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let old = umask(0o022)
        defer { umask(old) }
        let demo = try cli.makeDemo()
        #expect(Self.mode(demo + "/coledger.db") == 0o600)
        let restricted = cli.directory.appendingPathComponent("restricted").path
        let export = try cli.run("--ledger", demo + "/coledger.db", "export", "--out", restricted, "--include-private")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: restricted + "/private.jsonl"))
        #expect(Self.mode(restricted + "/private.jsonl") == 0o600)
        // While a connection holds the ledger open, its -wal and -shm exist: they are 0600 too.
        let db = try DatabaseQueue(path: demo + "/coledger.db")
        _ = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entries") }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: demo + "/coledger.db" + suffix) {
            #expect(Self.mode(demo + "/coledger.db" + suffix) == 0o600, "\(suffix) is not 0600")
        }
        try db.close()
        let backup = cli.directory.appendingPathComponent("backup.db").path
        let b = try cli.run("--ledger", demo + "/coledger.db", "backup", backup)
        #expect(b.status == 0, "\(b.stderr)")
        #expect(Self.mode(backup) == 0o600)
    }

    /// Editing a projection row behind the ledger's back (answering an unanswered complaint, so it
    /// leaves `feedback --overdue`) passes `verify`, which proves the log, but `check` names the
    /// projection, table and row and exits 1; `rebuild` repairs it.
    @Test func checkFindsAnEditedProjectionRow() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let demo = try cli.makeDemo()
        let ledger = demo + "/coledger.db"
        // A ledger no read verb has folded into yet: nothing was compared, and check says so
        // rather than "OK".
        let fresh = cli.directory.appendingPathComponent("fresh.db").path
        #expect(try cli.run("init", "--ledger", fresh, "--origin", "test.example/fresh").status == 0)
        let nothing = try cli.run("--ledger", fresh, "check")
        #expect(nothing.status == 0 && nothing.stdout.hasPrefix("Nothing to check: no projection has been folded"), "\(nothing.stdout)")
        // No point: the live projections (the edited row is in them), judged today.
        let overdue = ["--ledger", ledger, "feedback", "--overdue"]
        let beforeOverdue = try cli.run(overdue)
        #expect(beforeOverdue.status == 0)
        let clean = try cli.run("--ledger", ledger, "check")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.hasPrefix("OK: 8 projection(s)"), "\(clean.stdout)")
        let db = try DatabaseQueue(path: ledger)
        let target = try db.write { db -> String? in
            guard
                let id = try String.fetchOne(
                    db,
                    sql:
                        "SELECT feedback_id FROM feedback_items WHERE responded_at IS NULL ORDER BY received_at LIMIT 1"
                )
            else { return nil }
            try db.execute(
                sql:
                    "UPDATE feedback_items SET responded_at = '2026-01-02T00:00:00Z', response = 'done', closed_at = '2026-01-02T00:00:00Z' WHERE feedback_id = ?",
                arguments: [id])
            return id
        }
        try db.close()
        let id = try #require(target, "the demo has no unanswered feedback to hide")
        #expect(
            try cli.run(overdue).stdout != beforeOverdue.stdout, "the edit did not change what feedback --overdue says")
        #expect(try cli.run("--ledger", ledger, "verify").status == 0, "verify proves the log only")
        let dirty = try cli.run("--ledger", ledger, "check")
        #expect(dirty.status == 1)
        #expect(dirty.stdout.contains("feedback/feedback_items changed row feedback_id=\"\(id)\""), "\(dirty.stdout)")
        #expect(dirty.stdout.contains("responded_at"), "\(dirty.stdout)")
        #expect(try cli.run("--ledger", ledger, "rebuild", "feedback").status == 0)
        #expect(try cli.run("--ledger", ledger, "check").status == 0)
        #expect(try cli.run(overdue).stdout == beforeOverdue.stdout)
    }

    /// The restore drill: a backup taken while another process keeps appending is consistent and
    /// verifies; it restores into a new ledger that verifies against the checkpoint kept before
    /// the backup; a restore that would rewind past a later kept checkpoint is refused and writes nothing.
    @Test func backupUnderConcurrentAppendsAndRestoreDrill() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let key = cli.keys.appendingPathComponent("member.key").path
        for n in 0..<3 {
            #expect(try cli.run("append", "--key", key, "-", stdin: CLI.note(stream: "a", n: n)).status == 0)
        }
        let kept1 = cli.directory.appendingPathComponent("kept1.txt").path
        let c1 = try cli.run("checkpoint")
        #expect(c1.status == 0, "\(c1.stderr)")
        try Data(c1.stdout.utf8).write(to: URL(fileURLWithPath: kept1))
        // Another process appends all through the backup.
        let stop = LockedIDs()
        let appended = LockedIDs()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            var n = 0
            while stop.count == 0 || n < 5 {
                n += 1
                if let r = try? cli.run("append", "--key", key, "-", stdin: CLI.note(stream: "b", n: n)), r.status == 0
                {
                    appended.insert("\(n)")
                }
            }
        }
        usleep(300_000)
        let backup = cli.directory.appendingPathComponent("backup.db").path
        let b = try cli.run("backup", backup)
        stop.insert("stop")
        group.wait()
        #expect(b.status == 0, "backup: \(b.stderr)")
        #expect(b.stdout.contains("backed up"))
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"), "a backup is one self-contained file")
        #expect(appended.count >= 5)
        let kept2 = cli.directory.appendingPathComponent("kept2.txt").path
        let c2 = try cli.run("checkpoint")
        try Data(c2.stdout.utf8).write(to: URL(fileURLWithPath: kept2))
        // Restore into a new file, checked against the checkpoint kept before the backup.
        let restored = cli.directory.appendingPathComponent("restored.db").path
        let r = try cli.run("--ledger", restored, "restore", backup, "--checkpoint", kept1)
        #expect(r.status == 0, "restore: \(r.stderr)")
        #expect(Self.mode(restored) == 0o600)
        let v = try cli.run("--ledger", restored, "verify", "--checkpoint", kept1)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(
            try cli.run("--ledger", restored, "append", "--key", key, "-", stdin: CLI.note(stream: "c", n: 1)).status
                == 0)
        // The backup predates kept2: restoring it would rewind the log.
        let rewound = cli.directory.appendingPathComponent("rewound.db").path
        let refused = try cli.run("--ledger", rewound, "restore", backup, "--checkpoint", kept2)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: rewound))
        // A restore never overwrites a ledger.
        let over = try cli.run("--ledger", cli.ledger, "restore", backup)
        #expect(over.status == 1 && over.stderr.contains("already exists"), "\(over.stderr)")
        print(
            "restore drill: backup under \(appended.count) concurrent appends verified, restored, verified against the kept checkpoint; rewind refused"
        )
    }
}
