import ArgumentParser
import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore

/// `coledger monitor SOURCE --log-key VKEY --state DIR`: follows a log over time from its tiles.
struct Monitor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Follow a log from its tiles (a URL or a directory) and report growth, rewinds, split views and staleness.",
        discussion: HelpText.reflow("""
            Each run fetches the log's checkpoint, checks it against everything the monitor kept before, and
            copies and verifies the new entries into its own copy of the log (DIR/copy.db, as `coledger mirror`
            does: every entry's signature, its signer's key at that position, so a revoked key's use is caught,
            and the admission policy). Every distinct checkpoint it saw is kept in DIR/checkpoints/. One JSON
            line per event on standard output:
              growth        the log grew (from, to)
              unchanged     the same checkpoint as last time
              rewind        the log shows fewer entries than a checkpoint kept (kept and received notes)
              split-view    the log's tree differs from a checkpoint kept (kept and received notes)
              invalid-entry a new entry fails its checks (bad signature, revoked or unknown key, policy)
              witnesses     the checkpoint's cosignatures judged by --witness-policy (ok, detail)
              audit-change  with --audit: a rule's verdict (or the audit's integrity or entitlement part)
                            changed between the last checkpoint followed and this one (rule, from, to)
              stale         no new checkpoint for longer than --stale-after seconds, or unreachable that long
              unreachable   the source could not be read
            Exit status: 0 all well; 2 unreachable or unusable (not yet stale); 3 misbehaviour (rewind, split
            view, invalid entry; the evidence is saved in DIR); 4 stale, witness quorum not met, or a verdict
            that became fail. --audit audits the whole copy at each new checkpoint (as `coledger audit` does,
            today's date, the default audit policy), so it costs what an audit of the log costs.
            Run it from cron (*/10 * * * * coledger monitor URL --log-key VKEY --state DIR >> DIR/events.jsonl)
            or a systemd timer (Sources/LedgerCore/Docs.docc/Federation.md has both).
            """))
    @Argument(help: "The log's tiles: an http(s):// URL or a directory.") var source: String
    @Option(
        name: .customLong("log-key"),
        help: ArgumentHelp("The log's verifier key (vkey), or a file holding it.", valueName: "vkey"))
    var logKey: String
    @Option(help: ArgumentHelp("The monitor's state directory (created if missing).", valueName: "dir"))
    var state: String
    @Option(
        name: .customLong("witness-policy"),
        help: ArgumentHelp("Judge each checkpoint's cosignatures by this witness policy.", valueName: "file"))
    var witnessPolicy: String?
    @Option(
        name: .customLong("stale-after"),
        help: ArgumentHelp("Seconds without a new checkpoint before the log is reported stale.", valueName: "seconds"))
    var staleAfter: Double = 86_400
    @Option(help: ArgumentHelp("pcref (default) or none: the admission policy the log enforces.", valueName: "name"))
    var catalogue = "pcref"
    @Flag(help: "Audit the copy at each new checkpoint and report each verdict that changed (audit-change).")
    var audit = false

    /// What the monitor remembers between runs.
    struct State: Codable {
        var format = "coledger-monitor/v1"
        /// POSIX seconds when the checkpoint last changed (or the monitor first saw it).
        var lastChange: Double
        /// The size of the newest checkpoint accepted.
        var size: Int
        /// With --audit: each rule's verdict (and `integrity`, `entitlement`) at that checkpoint.
        var verdicts: [String: String]? = nil
    }

    func run() throws {
        let key: NoteVerifierKey
        let policy: WitnessPolicy?
        do {
            key = try Verify.readVkey(logKey, code: 2)
            policy = try witnessPolicy.map(WitnessPolicyFile.load)
            try FileManager.default.createDirectory(
                atPath: state + "/checkpoints", withIntermediateDirectories: true)
        } catch {
            Output.error("coledger: error: \(error)")
            throw ExitCode(2)
        }
        let statePath = state + "/state.json"
        let now = Date().timeIntervalSince1970
        var remembered = FileManager.default.contents(atPath: statePath).flatMap {
            try? JSONDecoder().decode(State.self, from: $0)
        }
        var status: Int32 = 0
        func emit(_ event: String, _ fields: [String: JSONValue]) {
            var object = fields
            object["event"] = .string(event)
            object["origin"] = .string(key.name)
            object["source"] = .string(source)
            object["at"] = .string(Timestamp.now())
            if let bytes = try? CanonicalJSON.serialize(.object(object)) {
                print(String(decoding: bytes, as: UTF8.self))
            }
        }
        func keep(_ note: String) {
            guard let checkpoint = try? SignedNote(parsing: note).checkpoint() else { return }
            let name = "\(state)/checkpoints/\(checkpoint.size)-\(Hex.encode(Array(checkpoint.rootHash.prefix(8)))).txt"
            // Rewritten each time: the same checkpoint may have gathered more cosignatures.
            _ = FileManager.default.createFile(atPath: name, contents: Data(note.utf8))
        }
        do {
            let (summary, note) = try Mirror.follow(
                source: source, key: key, path: state + "/copy.db", catalogue: catalogue,
                evidence: state + "/evidence-\(Int(now)).json")
            keep(note)
            if summary.copied > 0 || remembered == nil || remembered?.size != summary.size {
                emit(
                    "growth",
                    [
                        "from": .number(Double(summary.previousSize)),
                        "to": .number(Double(summary.size)),
                        "seconds": .string(String(format: "%.3f", summary.seconds)),
                    ])
                remembered = State(lastChange: now, size: summary.size, verdicts: remembered?.verdicts)
            } else {
                emit("unchanged", ["size": .number(Double(summary.size))])
            }
            if audit, summary.copied > 0 || remembered?.verdicts == nil {
                do {
                    let verdicts = try Self.verdicts(copy: state + "/copy.db")
                    for (rule, current) in verdicts.sorted(by: { $0.key < $1.key }) {
                        guard let before = remembered?.verdicts?[rule], before != current.verdict else { continue }
                        emit(
                            "audit-change",
                            [
                                "rule": .string(rule), "title": .string(current.title), "from": .string(before),
                                "to": .string(current.verdict), "size": .number(Double(summary.size)),
                            ])
                        if current.verdict == Verdict.fail.rawValue { status = max(status, 4) }
                    }
                    remembered?.verdicts = verdicts.mapValues(\.verdict)
                } catch {
                    emit("audit-failed", ["detail": .string("\(error)")])
                    status = max(status, 2)
                }
            }
            if let policy {
                let verdict = policy.judge(note: note)
                emit("witnesses", ["ok": .bool(verdict.ok), "detail": .string(verdict.detail)])
                if !verdict.ok { status = max(status, 4) }
            }
        } catch let refusal as MirrorRefusal {
            keep(refusal.received)
            emit(
                refusal.reason.contains("rewound") ? "rewind" : "split-view",
                [
                    "reason": .string(refusal.reason), "kept": .string(refusal.kept),
                    "received": .string(refusal.received), "evidence": .string(refusal.evidencePath),
                ])
            status = 3
        } catch let error as LedgerError {
            emit("invalid-entry", ["detail": .string(error.description)])
            status = 3
        } catch {
            emit("unreachable", ["detail": .string("\(error)")])
            status = 2
        }
        if let remembered {
            let quiet = now - remembered.lastChange
            if quiet > staleAfter && status != 3 {
                emit(
                    "stale",
                    [
                        "size": .number(Double(remembered.size)),
                        "secondsWithoutNewCheckpoint": .number(Double(Int(quiet))),
                        "staleAfter": .number(Double(staleAfter)),
                    ])
                status = max(status, 4)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            if let data = try? encoder.encode(remembered) {
                try? data.write(to: URL(fileURLWithPath: statePath + ".tmp"))
                _ = rename(statePath + ".tmp", statePath)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Each verdict of an audit of the copy (as `coledger audit` makes it, as of today with the
    /// default audit policy): every rule's, and the integrity and entitlement parts' (pass or fail).
    static func verdicts(copy: String) throws -> [String: (verdict: String, title: String)] {
        let ledger = try Ledger.open(path: copy, policies: Catalogues.policies)
        let (policy, sha) = try AuditPolicy.standard()
        let report = try Audit.run(.ledger(ledger), policy: policy, policySHA256: sha)
        var out: [String: (verdict: String, title: String)] = [
            "integrity": (
                report.integrity.isEmpty ? "pass" : "fail", "Integrity: every entry, signature, key and checkpoint"
            ),
            "entitlement": (
                report.entitlement.isEmpty ? "pass" : "fail", "Entitlement: every signer was entitled to sign"
            ),
        ]
        for rule in report.rules { out[rule.id] = (rule.verdict.rawValue, rule.title) }
        return out
    }
}
