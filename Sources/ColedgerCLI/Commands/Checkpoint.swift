import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign a new checkpoint if the log grew, and print the newest signed checkpoint note.",
        discussion: "Keep a copy of a checkpoint: `coledger verify --checkpoint FILE` later proves the log still extends it.")
    @OptionGroup var options: LedgerOptions
    @Option(name: .customLong("log-key"), help: ArgumentHelp("The log key file (default: keys/log.key beside the ledger).", valueName: "file"))
    var logKeyFile: String?

    func run() throws {
        try reporting {
            let ledger = try options.open()
            let size = try ledger.size()
            if let latest = try ledger.latestCheckpoint(), latest.size == size {
                print(latest.note, terminator: "")
                return
            }
            let keyPath = logKeyFile ?? options.defaultKeysDirectory.appendingPathComponent("log.key").path
            let key = try KeyFiles.open(keyPath)
            let (checkpoint, _) = try ledger.signCheckpoint(with: key)
            print(checkpoint.note, terminator: "")
        }
    }
}
