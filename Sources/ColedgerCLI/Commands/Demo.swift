import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a sample ledger in a fresh folder and walk through what Coledger proves.",
        discussion: """
            Creates a ledger, registers keys, records sample events, signs a checkpoint, proves an entry's
            inclusion and the log's consistency, exports a bundle and verifies both. Key files are sealed
            with $COLEDGER_PASSPHRASE, or with the passphrase "coledger-demo" when it is not set.
            """)
    @Option(help: "The folder to create the demo in (must not exist yet; default: a new folder under ./demo).") var dir: String?
    @Option(help: "How many sample events to record.") var events = 300

    func run() throws {
        try reporting {
            let base = URL(fileURLWithPath: dir ?? "demo/run-\(Timestamp.now().replacingOccurrences(of: ":", with: "-"))")
            guard !FileManager.default.fileExists(atPath: base.path) else {
                throw CLIError("\(base.path) already exists; pass --dir with a new folder")
            }
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            var passphrase = Array((ProcessInfo.processInfo.environment["COLEDGER_PASSPHRASE"] ?? "coledger-demo").utf8)
            defer { SecureRandom.zero(&passphrase) }
            let keys = base.appendingPathComponent("keys")
            let ledgerPath = base.appendingPathComponent("coledger.db").path
            let origin = "demo.coledger.example/plan"

            say("1. Creating a ledger at \(ledgerPath) for origin \(origin).")
            let logKey = Ed25519SigningKey()
            let admin = Ed25519SigningKey()
            let ledger = try Ledger.create(path: ledgerPath, origin: origin, logKey: logKey, admins: [admin])
            try KeyFiles.write(logKey, name: origin, role: "log", to: keys.appendingPathComponent("log.key"), passphrase: passphrase)
            try KeyFiles.write(admin, name: "admin", role: "admin", to: keys.appendingPathComponent("admin.key"), passphrase: passphrase)
            say("   The log key (signs checkpoints) and the admin key are sealed in \(keys.path).")

            let people = ["person/p-0001", "person/p-0002", "person/p-0003"]
            var members: [Ed25519SigningKey] = []
            for (i, holder) in people.enumerated() {
                let key = Ed25519SigningKey()
                try KeyFiles.write(key, name: holder, role: "member", to: keys.appendingPathComponent("member\(i + 1).key"), passphrase: passphrase)
                _ = try ledger.append(draft: .object([
                    "type": "key.registered", "typeVersion": 1, "stream": .string("key/\(key.keyID)"),
                    "payload": .object(["keyId": .string(key.keyID), "publicKey": .string(Base64.encode(key.publicKey.rawRepresentation)), "holder": .string(holder)]),
                ]), signer: admin)
                members.append(key)
            }
            say("2. Registered \(members.count) members' keys, each signed by the admin.")

            var rng = SplitMix64(seed: 2026)
            let topics = ["waiting times", "interpreters", "prayer space", "crisis line", "carers' support"]
            for (m, member) in members.enumerated() {
                let count = events / members.count + (m < events % members.count ? 1 : 0)
                let drafts: [JSONValue] = (0..<count).map { n in
                    .object([
                        "type": "demo.note", "typeVersion": 1, "stream": .string("note/\(m + 1)-\(n / 10)"),
                        "payload": .object([
                            "topic": .string(topics[Int(rng.next() % UInt64(topics.count))]), "n": .number(Double(n)),
                        ]),
                    ])
                }
                _ = try ledger.append(drafts: drafts, signer: member)
            }
            say("3. Recorded \(events) sample events, each signed by the member who made it.")

            let (checkpoint, _) = try ledger.signCheckpoint(with: logKey)
            try Data(checkpoint.note.utf8).write(to: base.appendingPathComponent("kept-checkpoint.txt"))
            say("4. Signed a checkpoint of \(checkpoint.size) entries (kept a copy in kept-checkpoint.txt):")
            say(checkpoint.note.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "     " + $0 }.joined(separator: "\n"))

            let index = checkpoint.size / 2
            let path = try ledger.inclusionProof(index: index, size: checkpoint.size)
            guard let entry = try ledger.entry(at: index) else { throw CLIError("entry \(index) missing") }
            try RFC6962.verifyInclusion(
                leafHash: entry.leafHash, index: UInt64(index), treeSize: UInt64(checkpoint.size), proof: path, root: checkpoint.root)
            say("5. Proved entry \(index) is in the signed tree with \(path.count) hashes (checked).")

            _ = try ledger.append(draft: .object(["type": "demo.note", "typeVersion": 1, "stream": "note/late", "payload": .object(["n": 0])]), signer: members[0])
            let (second, _) = try ledger.signCheckpoint(with: logKey)
            let consistency = try ledger.consistencyProof(oldSize: checkpoint.size, newSize: second.size)
            try RFC6962.verifyConsistency(
                oldSize: UInt64(checkpoint.size), newSize: UInt64(second.size), oldRoot: checkpoint.root, newRoot: second.root, proof: consistency)
            say("6. Appended one more event and signed checkpoint \(second.size); proved it extends \(checkpoint.size) (\(consistency.count) hashes).")

            let bundle = base.appendingPathComponent("bundle")
            let exported = try ledger.export(to: bundle)
            say("7. Exported a bundle of \(exported.size) entries to \(bundle.path).")

            let live = try ledger.verify(keptCheckpoints: [checkpoint.note])
            let offline = try Bundle.verify(directory: bundle, pinnedLogKey: ledger.logKey, keptCheckpoints: [checkpoint.note])
            say("8. Verified the ledger: \(live.ok ? "OK" : "FAILED: \(live.failures[0])"); verified the bundle offline with the pinned log key: \(offline.ok ? "OK" : "FAILED: \(offline.failures[0])").")
            say("""

                Try it yourself:
                  export COLEDGER_LEDGER=\(ledgerPath)
                  coledger log --limit 5
                  coledger prove inclusion \(index)
                  coledger verify --checkpoint \(base.appendingPathComponent("kept-checkpoint.txt").path)
                  python3 Tools/verify_bundle.py \(bundle.path) --log-key '\(ledger.logKey)'
                """)
            if !live.ok || !offline.ok { throw ExitCode(1) }
        }
    }

    private func say(_ text: String) {
        print(text)
    }
}

