import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new ledger with its log key and first admin key.",
        discussion: """
            Writes two sealed key files (log.key signs checkpoints; admin.key registers people and keys)
            into a keys/ folder beside the ledger, or --keys DIR, and appends the genesis entry.
            Keep the keys folder safe: the passphrase protects it at rest (Argon2id + XChaCha20-Poly1305).
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: "The log's origin, a URL-like name such as example.org/my-plan (the checkpoints' first line).")
    var origin: String
    @Option(help: ArgumentHelp("Where to write log.key and admin.key (default: keys/ beside the ledger).", valueName: "dir"))
    var keys: String?
    @Option(help: ArgumentHelp("pcref: every event must be a PCREF catalogue type signed by an entitled key (default); none: the format's rules only.", valueName: "name"))
    var catalogue = "pcref"
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try reporting {
            let path = options.path
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CLIError("a ledger already exists at \(path); choose another --ledger path")
            }
            let dir = keys.map { URL(fileURLWithPath: $0) } ?? options.defaultKeysDirectory
            let logURL = dir.appendingPathComponent("log.key")
            let adminURL = dir.appendingPathComponent("admin.key")
            for url in [logURL, adminURL] where FileManager.default.fileExists(atPath: url.path) {
                throw CLIError("\(url.path) already exists; use --keys DIR to write the new keys elsewhere")
            }
            var passphrase = try KeyFiles.newPassphrase(for: "the new log and admin keys")
            defer { SecureRandom.zero(&passphrase) }
            let logKey = Ed25519SigningKey()
            let admin = Ed25519SigningKey()
            let ledger = try Ledger.create(
                path: path, origin: origin, logKey: logKey, admins: [admin], policy: try Catalogues.policy(named: catalogue))
            try KeyFiles.write(logKey, name: origin, role: "log", to: logURL, passphrase: passphrase)
            try KeyFiles.write(admin, name: "admin", role: "admin", to: adminURL, passphrase: passphrase)
            if json {
                Output.printJSON([
                    "ledger": path, "origin": origin, "logKey": logURL.path, "adminKey": adminURL.path,
                    "logVkey": ledger.logKey.description, "adminKeyId": admin.keyID,
                ])
            } else {
                print("Created ledger \(path) for \(origin)")
                print("  log key:   \(logURL.path)  (signs checkpoints; vkey \(ledger.logKey.description))")
                print("  admin key: \(adminURL.path)  (key id \(admin.keyID))")
                print("Next: coledger checkpoint, or register people's keys with `coledger key new` and `coledger key register`.")
            }
        }
    }
}
