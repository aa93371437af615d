import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the ledger into one new file, online, and verify the copy.",
        discussion: HelpText.reflow("""
            Uses SQLite's online backup API: one consistent snapshot, taken while other processes keep
            appending (they are not blocked). The copy is a single self-contained file (no -wal or -shm),
            created mode 0600 (it holds personal data), synced, then verified end to end; a copy that does
            not verify is removed. Keep it with a signed checkpoint (`coledger checkpoint`) from after the
            backup: `coledger restore` checks the backup against the checkpoints you kept.
            """))
    @OptionGroup var options: LedgerOptions
    @Argument(help: ArgumentHelp("The backup file to create (must not exist).", valueName: "dest")) var destination:
        String
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try reporting {
            let ledger = try options.open()
            let result = try ledger.backup(to: destination)
            BackupOutput.print(result, verb: "backed up", json: json)
        }
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore a backup into a new ledger file, refusing one that contradicts a kept checkpoint.",
        discussion: HelpText.reflow("""
            The backup is verified end to end and against every --checkpoint you kept from the live ledger
            (signed notes, e.g. `coledger checkpoint` output or a witness's copy): a backup older than a kept
            checkpoint (a rewound log) or with another history (a fork) is refused and nothing is written.
            The ledger is restored to --ledger (default ./coledger.db), which must not exist: move a damaged
            ledger aside first. The new file is mode 0600, in WAL mode, and verified again.
            Exit status: 0 restored, 1 refused or failed.
            """))
    @OptionGroup var options: LedgerOptions
    @Argument(help: ArgumentHelp("The backup file written by `coledger backup`.", valueName: "backup")) var backup:
        String
    @Option(
        name: .customLong("checkpoint"),
        help: ArgumentHelp("A signed checkpoint you kept (repeatable).", valueName: "file"))
    var checkpoints: [String] = []
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try reporting {
            let kept = try checkpoints.map { path -> String in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CLIError("cannot read checkpoint file \(path)")
                }
                return String(decoding: data, as: UTF8.self)
            }
            let result = try Ledger.restore(
                backup: backup, to: options.path, keptCheckpoints: kept, policies: Catalogues.policies)
            BackupOutput.print(result, verb: "restored", json: json, kept: kept.count)
        }
    }
}

enum BackupOutput {
    struct Summary: Encodable {
        var path: String
        var size: Int
        var root: String
        var checkpointsChecked: Int
        var verified: Bool
    }

    static func print(_ result: BackupResult, verb: String, json: Bool, kept: Int = 0) {
        let r = result.report
        if json {
            Output.printJSON(
                Summary(
                    path: result.path, size: r.size, root: r.root, checkpointsChecked: r.checkpointsChecked,
                    verified: r.ok))
        } else {
            Swift.print(
                "\(verb) \(r.size) entries to \(result.path) (mode 0600); verified: root \(r.root), \(r.checkpointsChecked) signed checkpoint(s) checked"
                    + (kept > 0 ? ", including \(kept) kept" : ""))
        }
    }
}
