import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new ledger with its log key and first admin key.",
        discussion: HelpText.reflow("""
            Writes two sealed key files (log.key signs checkpoints; admin.key registers people and keys)
            into a keys/ folder beside the ledger, or --keys DIR, and appends the genesis entry.
            Keep the keys folder safe: the passphrase protects it at rest (Argon2id + XChaCha20-Poly1305).
            With --template NAME (PCREF catalogue only) the published plan itself is recorded next: its roles,
            plan version, governance bodies and actions, signed by the admin key in one transaction.
            """))

    @OptionGroup var options: LedgerOptions
    @Option(help: "The log's origin, a URL-like name such as example.org/my-plan (the checkpoints' first line).")
    var origin: String
    @Option(help: ArgumentHelp("Where to write log.key and admin.key (default: keys/ beside the ledger).", valueName: "dir"))
    var keys: String?
    @Option(help: ArgumentHelp("pcref: every event must be a PCREF catalogue type signed by an entitled key (default); none: the format's rules only.", valueName: "name"))
    var catalogue = "pcref"
    @Option(help: ArgumentHelp(
        "Record a published plan's roles, plan version, bodies and actions after the genesis: \(PlanTemplate.names.joined(separator: ", ")).",
        valueName: "name"))
    var template: String?
    @OptionGroup var when: EffectiveDateOption
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try reporting {
            let effective = try when.timestamp()
            let path = options.path
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CLIError("a ledger already exists at \(path); choose another --ledger path")
            }
            let plan = try template.map { name in
                guard catalogue == "pcref" else {
                    throw CLIError(
                        "--template records PCREF catalogue events; it needs --catalogue pcref, not \(catalogue)")
                }
                return try PlanTemplate.named(name)
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
                path: path, origin: origin, logKey: logKey, admins: [admin], occurredAt: effective,
                policy: try Catalogues.policy(named: catalogue), genesisPayload: plan?.genesisPayload ?? [:])
            if let plan {
                do {
                    _ = try ledger.append(plan.events.map { (Self.dated($0, effective), admin) })
                } catch {
                    // Nothing is left half made: no keys were written yet, so the ledger goes too.
                    for suffix in ["", "-wal", "-shm"] {
                        try? FileManager.default.removeItem(atPath: path + suffix)
                    }
                    throw CLIError("template \(plan.name) was refused, so no ledger was created: \(error)")
                }
            }
            try KeyFiles.write(logKey, name: origin, role: "log", to: logURL, passphrase: passphrase)
            try KeyFiles.write(admin, name: "admin", role: "admin", to: adminURL, passphrase: passphrase)
            let recorded = plan.map(Self.count) ?? [:]
            if json {
                Output.printJSON(Created(
                    ledger: path, origin: origin, logKey: logURL.path, adminKey: adminURL.path,
                    logVkey: ledger.logKey.description, adminKeyId: admin.keyID, template: plan?.name,
                    recorded: plan == nil ? nil : recorded))
            } else {
                print("Created ledger \(path) for \(origin)")
                print("  log key:   \(logURL.path)  (signs checkpoints; vkey \(ledger.logKey.description))")
                print("  admin key: \(adminURL.path)  (key id \(admin.keyID))")
                if let plan {
                    let n = { (type: String) in recorded[type] ?? 0 }
                    print(
                        "Recorded template \(plan.name): \(n("body.established")) bodies, \(n("action.created")) actions, "
                            + "\(n("role.defined")) roles, \(n("plan.version_published")) plan version (\(plan.events.count) events).")
                }
                print("Next: coledger checkpoint, or register people's keys with `coledger key new` and `coledger key register`.")
            }
        }
    }

    /// What `init --json` prints; `template` and `recorded` (events by type) only with --template.
    /// A template draft dated `effective` (`--on`), unless it states its own date.
    static func dated(_ draft: JSONValue, _ effective: String?) -> JSONValue {
        guard let effective, var o = draft.objectValue, o["occurredAt"] == nil else { return draft }
        if let type = o["type"]?.stringValue, EffectiveTime.members[type] != nil { return draft }
        o["occurredAt"] = .string(effective)
        return .object(o)
    }

    struct Created: Encodable {
        var ledger, origin, logKey, adminKey, logVkey, adminKeyId: String
        var template: String?
        var recorded: [String: Int]?
    }

    /// How many events of each type a template records.
    static func count(_ plan: PlanTemplate) -> [String: Int] {
        plan.events.reduce(into: [:]) { counts, event in
            if let type = event["type"]?.stringValue { counts[type, default: 0] += 1 }
        }
    }
}
