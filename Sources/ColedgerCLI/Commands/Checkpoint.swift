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
    @Option(name: .customLong("cosign"), help: ArgumentHelp("Attach the cosignatures in this note (a witness's answer) to the newest checkpoint.", valueName: "file"))
    var cosign: String?
    @Option(name: .customLong("witness"), help: ArgumentHelp("A witness's verifier key (vkey, type 0x04) whose cosignatures --cosign may attach (repeatable).", valueName: "vkey"))
    var witnesses: [String] = []
    @Option(
        name: .customLong("witness-policy"),
        help: ArgumentHelp(
            "Ask the witnesses of this policy (Sigsum's format, FORMAT.md section 14) to cosign over HTTP; exit 4 if the quorum is not met.",
            valueName: "file"))
    var witnessPolicy: String?
    @Flag(help: "Print JSON: origin, size, rootHash (base64) and the signed note.") var json = false

    /// Prints the note, or what it states as JSON.
    func emit(_ note: String) {
        guard json else { return print(note, terminator: "") }
        let checkpoint = (try? SignedNote(parsing: note)).flatMap { try? Checkpoint(parsing: $0.text) }
        Output.printJSON(
            CheckpointJSON(
                origin: checkpoint?.origin ?? "", size: Int(checkpoint?.size ?? 0), rootHash: Base64.encode(checkpoint?.rootHash ?? []), note: note))
    }

    struct CheckpointJSON: Encodable {
        var origin: String
        var size: Int
        var rootHash: String
        var note: String
    }

    func run() throws {
        try reporting {
            let ledger = try options.open()
            if let cosign {
                guard !witnesses.isEmpty else { throw CLIError("--cosign needs the witnesses' keys: --witness VKEY") }
                let keys = try witnesses.map { try Verify.readVkey($0, code: 1) }
                let text = String(decoding: try Input.read(cosign), as: UTF8.self)
                let added = try ledger.attachCosignatures(from: text, witnesses: keys)
                guard let latest = try ledger.latestCheckpoint(), let note = try ledger.cosignedNote(size: latest.size) else { return }
                FileHandle.standardError.write(Data("coledger: attached \(added) cosignature(s) to checkpoint \(latest.size)\n".utf8))
                emit(note)
                return
            }
            let policy = try witnessPolicy.map(WitnessPolicyFile.load)
            let size = try ledger.size()
            if let latest = try ledger.latestCheckpoint(), latest.size == size {
                if policy == nil {
                    emit(try ledger.cosignedNote(size: latest.size) ?? latest.note)
                    return
                }
            } else {
                let keyPath = logKeyFile ?? options.defaultKeysDirectory.appendingPathComponent("log.key").path
                let key = try KeyFiles.open(keyPath)
                let (checkpoint, _) = try ledger.signCheckpoint(with: key)
                if policy == nil {
                    emit(checkpoint.note)
                    return
                }
            }
            guard let policy, let latest = try ledger.latestCheckpoint() else { return }
            for outcome in try WitnessCollector.collect(ledger: ledger, policy: policy) {
                FileHandle.standardError.write(
                    Data("coledger: witness \(outcome.witness): \(outcome.status) \(outcome.detail)\n".utf8))
            }
            let note = try ledger.cosignedNote(size: latest.size) ?? latest.note
            emit(note)
            let verdict = policy.judge(note: note)
            guard verdict.ok else { throw CLIError("checkpoint \(latest.size): \(verdict.detail): quorum not met", code: 4) }
            FileHandle.standardError.write(Data("coledger: checkpoint \(latest.size): \(verdict.detail)\n".utf8))
        }
    }
}
