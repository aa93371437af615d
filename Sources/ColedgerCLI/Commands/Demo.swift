import ArgumentParser
import Dispatch
import Foundation
import LedgerCore
import LedgerDomain
import LedgerStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a year of the Rethink AMHE plan in a fresh folder and walk through what Coledger proves.",
        discussion: HelpText.reflow("""
            Creates a PCREF ledger with the rethink-amhe template (as `init --template rethink-amhe` does), then
            appends a generated year of the plan's life (2025-04-01 to 2026-03-31): people, roles, meetings,
            decisions, feedback through "you said, we did", contributions, metrics by ethnicity, reviews,
            reports and an independent evaluation, with three deliberate lapses for an audit to find. Then it
            signs a checkpoint, proves one entry's inclusion, exports a public and a restricted bundle and
            verifies all three.

            The same --seed and --events give the same events. Keys are derived from the seed (each key's
            seed is SHA-256 of "coledger-demo/key/v1", the seed and the key's name); the keys a reader is
            likely to use are sealed into DIR/keys with $COLEDGER_PASSPHRASE, or with the passphrase
            "coledger-demo" when it is not set.
            """))
    @Option(help: "The folder to create the demo in (must not exist yet; default: a new folder under ./demo).") var dir: String?
    @Option(help: "About how many events to generate; 3000 is one plausible year, more adds regions, services and feedback.")
    var events = DemoGenerator.defaultEvents
    @Option(help: "The seed for every choice the generator makes.") var seed: UInt64 = 2026
    @Flag(help: "Print a JSON summary instead of the walk-through.") var json = false

    static let origin = "demo.coledger.example/amhe"

    func run() throws {
        try reporting {
            let started = DispatchTime.now()
            guard events > 0 else { throw CLIError("--events must be at least 1") }
            let base = URL(fileURLWithPath: dir ?? "demo/run-\(Timestamp.now().replacingOccurrences(of: ":", with: "-"))")
            guard !FileManager.default.fileExists(atPath: base.path) else {
                throw CLIError("\(base.path) already exists; pass --dir with a new folder")
            }
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            let given = ProcessInfo.processInfo.environment["COLEDGER_PASSPHRASE"].flatMap { $0.isEmpty ? nil : $0 }
            let fromEnvironment = given != nil
            var passphrase = Array((given ?? "coledger-demo").utf8)
            defer { SecureRandom.zero(&passphrase) }
            let ledgerPath = base.appendingPathComponent("coledger.db").path
            let keysDir = base.appendingPathComponent("keys")

            // 1. Keys, the ledger and the template.
            var keys: [String: Ed25519SigningKey] = [:]
            let seed = self.seed
            func key(_ name: String) throws -> Ed25519SigningKey {
                if let key = keys[name] { return key }
                let key = try DemoKeys.signingKey(seed: seed, name: name)
                keys[name] = key
                return key
            }
            let generator = try DemoGenerator(seed: seed, events: events) { try key($0).publicKey }
            let template = try PlanTemplate.named("rethink-amhe")
            let logKey = try key("log")
            let admin = try key("admin")
            let ledger = try Ledger.create(
                path: ledgerPath, origin: Self.origin, logKey: logKey, admins: [admin], occurredAt: "2025-04-01T08:00:00Z",
                policy: DomainPolicy.standard, genesisPayload: template.genesisPayload)
            _ = try ledger.append(template.events.map { ($0, admin) })
            say("1. Created a PCREF ledger at \(ledgerPath) for \(Self.origin) and recorded the rethink-amhe plan: "
                + "\(template.events.count) events (roles, the plan, 10 bodies, 23 actions), signed by the admin key.")

            // 2. The year, in large transactions.
            var counts: [String: Int] = [:]
            var appended = 0
            var lapseIndex: Int?
            let lapses = generator.lapses
            let progress = ProgressLine("appended", unit: "of about \(events) events", quiet: json)
            for chunk in generator.steps() {
                let items = try chunk.map { (draft: $0.draft, signer: try key($0.signer)) }
                let results = try ledger.append(items)
                for (step, result) in zip(chunk, results) {
                    counts[step.type, default: 0] += 1
                    if step.type == DecisionRecorded.eventType, let payload = step.draft["payload"],
                        let decision = try? Catalogue.decode(DecisionRecorded.self, payload: payload),
                        decision.decisionId.rawValue == lapses.decisionWithoutEbE
                    {
                        lapseIndex = result.index
                    }
                }
                appended += chunk.count
                progress.update(appended, of: nil)
            }
            progress.finish()
            let generatedAt = DispatchTime.now()
            say("2. Appended a generated year, 2025-04-01 to 2026-03-31 (seed \(seed)): \(appended) events in "
                + "\((appended + DemoGenerator.defaultChunk - 1) / DemoGenerator.defaultChunk) transaction(s), every one admitted by "
                + "the PCREF policy (schema, references, transitions and who may sign what), in \(Self.seconds(started, generatedAt)) s.")
            say(Self.table(counts, scale: generator.scale))

            // 3. Keys a reader may want, sealed.
            let sealed = try seal(generator.notableKeys, keys: keys, logKey: logKey, into: keysDir, passphrase: passphrase)
            say("3. Sealed \(sealed.count) keys into \(keysDir.path) with "
                + (fromEnvironment ? "the passphrase in $COLEDGER_PASSPHRASE" : "the passphrase \"coledger-demo\"") + ":")
            for (file, holds) in sealed { say("     \(file)  \(holds)") }
            say("   The other \(generator.keyNames.count + 1 - sealed.count) keys come from the seed the same way (`coledger demo --seed \(seed)`).")

            // 4. Checkpoint and inclusion proof.
            let (checkpoint, _) = try ledger.signCheckpoint(with: logKey)
            try Data(checkpoint.note.utf8).write(to: base.appendingPathComponent("kept-checkpoint.txt"))
            say("4. Signed a checkpoint of \(checkpoint.size) entries (kept a copy in kept-checkpoint.txt):")
            say(checkpoint.note.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "     " + $0 }.joined(separator: "\n"))
            let index = lapseIndex ?? checkpoint.size / 2
            let path = try ledger.inclusionProof(index: index, size: checkpoint.size)
            guard let entry = try ledger.entry(at: index) else { throw CLIError("entry \(index) missing") }
            try RFC6962.verifyInclusion(
                leafHash: entry.leafHash, index: UInt64(index), treeSize: UInt64(checkpoint.size), proof: path, root: checkpoint.root)
            let decision = (try? Catalogue.decode(entry.entry.event)) as? DecisionRecorded
            say("5. Proved that entry \(index) (\(entry.entry.event.type) \(decision?.decisionId.rawValue ?? "")) "
                + "is in the signed tree with \(path.count) hashes (checked). It is the decision taken with no Expert by Experience present: "
                + "it cannot be removed or edited now without breaking the checkpoint.")

            // 5. Bundles and verification.
            let bundle = base.appendingPathComponent("bundle")
            let restricted = base.appendingPathComponent("bundle-restricted")
            let exportStarted = DispatchTime.now()
            _ = try ledger.export(to: bundle)
            _ = try ledger.export(to: restricted, includePrivate: true)
            let verifyStarted = DispatchTime.now()
            say("6. Exported a public bundle (\(bundle.path)) and a restricted one with the personal data (\(restricted.path)/private.jsonl), "
                + "in \(Self.seconds(exportStarted, verifyStarted)) s.")
            let live = try ledger.verify(keptCheckpoints: [checkpoint.note])
            let offline = try Bundle.verify(directory: bundle, pinnedLogKey: ledger.logKey, keptCheckpoints: [checkpoint.note], policies: Catalogues.policies)
            let offlineRestricted = try Bundle.verify(directory: restricted, pinnedLogKey: ledger.logKey, keptCheckpoints: [checkpoint.note], policies: Catalogues.policies)
            let ok = live.ok && offline.ok && offlineRestricted.ok
            func word(_ r: VerificationReport) -> String { r.ok ? "OK" : "FAILED: \(r.failures[0])" }
            let finished = DispatchTime.now()
            say("7. Verified the ledger: \(word(live)); the public bundle offline with the pinned log key: \(word(offline)); "
                + "the restricted bundle, with its personal data against the entries' commitments: \(word(offlineRestricted)) "
                + "(\(Self.seconds(verifyStarted, finished)) s for all three).")
            say(Self.lapseText(lapses))
            if !json { try Self.showWhatPeopleSee(ledgerPath: ledgerPath, ledger: ledger, asOf: Self.yearEnd) }
            say("""
                Done in \(Self.seconds(started, finished)) s (the walk-through above not counted).

                Try it yourself:
                  export COLEDGER_LEDGER=\(ledgerPath)
                  coledger log --limit 5
                  coledger show \(index)
                  coledger prove inclusion \(index)
                  coledger verify --checkpoint \(base.appendingPathComponent("kept-checkpoint.txt").path)
                  python3 Tools/verify_bundle.py \(bundle.path) --log-key '\(ledger.logKey)'
                """)
            if json {
                Output.printJSON(Summary(
                    directory: base.path, ledger: ledgerPath, origin: Self.origin, logKey: ledger.logKey.description, seed: seed,
                    requested: events, templateEvents: template.events.count, generated: appended, size: checkpoint.size,
                    eventsByType: counts, lapses: lapses, inclusionProofIndex: index, keysSealed: sealed.map(\.file),
                    verified: ok, seconds: Double(finished.uptimeNanoseconds - started.uptimeNanoseconds) / 1e9))
            }
            if !ok { throw ExitCode(1) }
        }
    }

    /// The last day of the demo year, when the rules and clocks are judged.
    static let yearEnd = "2026-03-31"

    /// Ends the demo with what the plan's people see: the plan summary, the overdue feedback, one
    /// adviser's trace, and the audit, which must find exactly the planted lapses.
    static func showWhatPeopleSee(ledgerPath: String, ledger: Ledger, asOf: String) throws {
        print("\n8. The plan as of \(asOf) (coledger plan --as-of \(asOf)), first lines:")
        try captured { let c = try PlanCommand.parse(["--ledger", ledgerPath, "--as-of", asOf]); try c.run() }
            .split(separator: "\n").prefix(8).forEach { print("     " + $0) }
        print("\n9. Overdue feedback (coledger feedback --overdue --as-of \(asOf)):")
        try captured { let c = try FeedbackListCommand.parse(["--ledger", ledgerPath, "--overdue", "--as-of", asOf]); try c.run() }
            .split(separator: "\n").prefix(8).forEach { print("     " + $0) }
        if let adviser = try firstContributor(ledger) {
            print("\n10. What happened to what \(adviser) said (coledger trace --person \(adviser)):")
            try captured { let c = try TraceCommand.parse(["--ledger", ledgerPath, "--person", adviser]); try c.run() }
                .split(separator: "\n").prefix(12).forEach { print("     " + $0) }
        }
        print("\n11. The audit as of \(asOf) (coledger audit --as-of \(asOf)) finds the planted lapses and nothing else:")
        let audit = try captured {
            let c = try AuditCommand.parse(["--ledger", ledgerPath, "--as-of", asOf])
            do { try c.run() } catch let exit as ExitCode where exit.rawValue == 1 {}
        }
        var failing = false
        for line in audit.split(separator: "\n") {
            if line.hasPrefix("   ") && !line.hasPrefix("        ") { failing = line.contains("FAIL") }
            if line.hasPrefix("1.") || line.hasPrefix("2.") || line.hasPrefix("RESULT") || (failing && (line.contains("FAIL") || line.hasPrefix("        - "))) {
                print("     " + line)
            }
        }
    }

    static func firstContributor(_ ledger: Ledger) throws -> String? {
        var from = 0
        while true {
            let rows = try ledger.entries(from: from, limit: 5_000)
            guard let last = rows.last else { return nil }
            if let row = rows.first(where: { $0.entry.event.type == ContributionRecorded.eventType }) {
                return ((try? Catalogue.decode(row.entry.event)) as? ContributionRecorded)?.personId
            }
            from = last.index + 1
        }
    }

    /// Runs `body` with standard output captured in a temporary file (the commands print their reports).
    static func captured(_ body: () throws -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-demo-\(getpid())-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let file = try? FileHandle(forWritingTo: url) else {
            throw CLIError("cannot create a temporary file")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        fflush(nil)
        let saved = dup(1)
        dup2(file.fileDescriptor, 1)
        var failure: (any Error)?
        do { try body() } catch { failure = error }
        fflush(nil)
        dup2(saved, 1)
        close(saved)
        try? file.close()
        if let failure { throw failure }
        return String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
    }

    private func say(_ text: String) {
        if !json { print(text) }
    }

    /// Seals the log key and the notable keys, in parallel (Argon2id takes a moment each).
    private func seal(
        _ notable: [(name: String, role: String, holds: String)], keys: [String: Ed25519SigningKey], logKey: Ed25519SigningKey, into dir: URL,
        passphrase: [UInt8]
    ) throws -> [(file: String, holds: String)] {
        var jobs: [(key: Ed25519SigningKey, name: String, role: String, file: String, holds: String)] = [
            (logKey, Self.origin, "log", "log.key", "the log key: signs checkpoints")
        ]
        for (name, role, holds) in notable {
            guard let key = keys[name] else { continue }
            jobs.append((key, name == "admin" || name == "intake" ? name : "person/\(name)", role, "\(name).key", holds))
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let sealed = SealedFiles(count: jobs.count)
        let work = jobs.map { ($0.key, $0.name, $0.role) }
        let secret = passphrase
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            sealed.set(i, try? SealedKeyFile.seal(work[i].0, name: work[i].1, role: work[i].2, passphrase: secret))
        }
        for (i, job) in jobs.enumerated() {
            guard let bytes = sealed.get(i) else { throw CLIError("could not seal the key \(job.name)") }
            let url = dir.appendingPathComponent(job.file)
            guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                throw CLIError("cannot write \(url.path)")
            }
        }
        return jobs.map { ($0.file, $0.holds) }
    }

    /// Key files sealed on several threads.
    final class SealedFiles: @unchecked Sendable {
        private var files: [[UInt8]?]
        private let lock = NSLock()
        init(count: Int) { files = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ bytes: [UInt8]?) { lock.withLock { files[i] = bytes } }
        func get(_ i: Int) -> [UInt8]? { lock.withLock { files[i] } }
    }

    static func seconds(_ a: DispatchTime, _ b: DispatchTime) -> String {
        String(format: "%.1f", Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9)
    }

    /// The counts per event type, largest first, in two columns.
    static func table(_ counts: [String: Int], scale: DemoScale) -> String {
        let rows = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        let half = (rows.count + 1) / 2
        let width = (rows.prefix(half).map(\.count).max() ?? 0) + 4
        var lines = ["   \(scale.regions) regions, \(scale.regions * scale.servicesPerRegion) services, \(scale.feedbackItems) feedback items; events by type:"]
        for i in 0..<half {
            let left = rows[i]
            let right = i + half < rows.count ? rows[i + half] : ""
            lines.append("     " + left + String(repeating: " ", count: max(1, width - left.count)) + right)
        }
        return lines.joined(separator: "\n")
    }

    static func lapseText(_ lapses: DemoLapses) -> String {
        """

        Lapses planted for an audit to find (the rest of the year is meant to pass):
          - Decision \(lapses.decisionWithoutEbE) was recorded at meeting \(lapses.meetingWithoutEbE), where every Expert by
            Experience had sent apologies (rule G-4: EbE present at every decision).
          - Feedback \(lapses.unansweredFeedback), a complaint raised through an advocate, was never acknowledged, answered
            or closed (rules F-1 and F-2).
          - Region \(lapses.regionWithOneReview) held its first bi-annual review early, in August, and never the second
            (rule M-4: reviews at most six months apart).
        """
    }

    struct Summary: Encodable {
        var directory, ledger, origin, logKey: String
        var seed: UInt64
        var requested, templateEvents, generated, size: Int
        var eventsByType: [String: Int]
        var lapses: DemoLapses
        var inclusionProofIndex: Int
        var keysSealed: [String]
        var verified: Bool
        var seconds: Double
    }
}
