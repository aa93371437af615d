import ArgumentParser
import Foundation
import LedgerCore
import LedgerProjections
import LedgerStore

struct ProvenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provenance",
        abstract: "Show where a decision came from: who proposed it, who was present, what it cited, what it changed.",
        discussion: HelpText.reflow("""
            Each item names its log index and signer. Who was present comes from the meeting's attendance \
            less those recused from the decision (the governance register), never from what the recorder \
            claimed; where the two disagree, both are shown. The answer comes from the decisions and \
            governance projections plus the entries it names, read by index, so it takes about as long on \
            a million-entry log as on a small one.

            With --evidence DIR, writes everything needed to check the decision offline — its entries, the \
            entries it cites and its signers' key registrations, each with a c2sp.org/tlog-proof to the newest \
            (cosigned) checkpoint. Check a pack with `python3 Tools/verify_evidence.py DIR --log-key VKEY`.
            """))
    @OptionGroup var options: ProjectionOptions
    @Argument(help: "The decision id, e.g. dec-2026-009.") var decision: String
    @Option(help: ArgumentHelp("Write an evidence pack to this new directory.", valueName: "dir")) var evidence: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reporting {
            if evidence != nil, options.bundle != nil {
                throw CLIError("--evidence needs the ledger (its Merkle tree gives the proofs); leave out --bundle")
            }
            guard var p = try options.open().provenance(decision: decision) else {
                throw CLIError("no decision \(decision) in \(options.bundle ?? options.ledgerOptions.path)")
            }
            if options.bundle != nil { p.checkpointSize = try options.bundleCheckpointSize() }
            if let evidence {
                let url = URL(fileURLWithPath: evidence)
                if FileManager.default.fileExists(atPath: url.path) { throw CLIError("\(evidence) exists; choose a new directory") }
                try p.writeEvidence(to: url, ledger: try options.ledgerOptions.open())
                FileHandle.standardError.write(Data("coledger: evidence pack written to \(evidence)\n".utf8))
            }
            if json {
                print(Output.json(p, pretty: true))
                return
            }
            func line(_ i: Provenance.Item) -> String {
                "#\(i.index) \(i.occurredAt.prefix(10)) \(i.summary) — signed by \(i.signer)\(i.holder.map { " (\($0))" } ?? "")"
            }
            print("Decision \(p.decision): \(p.title ?? "(untitled)")")
            print("Proposed by \(p.proposer ?? "unknown") to \(p.body ?? "unknown body").")
            for e in p.decisionEntries { print("  \(line(e))") }
            if let m = p.meeting {
                print("Meeting: \(line(m))")
                let present = p.presentByCategory.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                print("  present: \(present.isEmpty ? "nobody recorded" : present)\(p.recused.isEmpty ? "" : "; recused: \(p.recused.joined(separator: ", "))")")
            } else {
                print("Meeting: no attendance recorded")
            }
            if let presence = p.presence, let computed = presence.computed {
                let quorum = computed.quorum.map { "\($0.present) of \($0.required) needed, \($0.met ? "quorate" : "NOT quorate")" } ?? "no quorum rule in the log"
                print("  from attendance: \(GovernanceText.experts(computed.ebe)); quorum \(quorum)")
                print("  as recorded: \(presence.recorded.ebePresent) Expert(s) by Experience, \(presence.recorded.quorumMet ? "quorate" : "not quorate")")
                for d in presence.disagreements { print("  DISAGREES: \(d)") }
            }
            print("Cited (\(p.cited.count)):")
            for c in p.cited { print("  \(line(c))") }
            for m in p.citedMissing { print("  \(m): not in the log") }
            print("Actions it created or changed (\(p.actions.count)):")
            for a in p.actions { print("  \(line(a))") }
            for a in p.actionsNow {
                print("  now: \(a.actionId) (\(a.code)) is \(a.status.replacingOccurrences(of: "_", with: " "))\(a.progressPct.map { ", \($0)%" } ?? "") as of entry \(a.lastChangeIndex)")
            }
            print(p.checkpointSize.map { "Every entry above is in the log's Merkle tree; `coledger prove inclusion INDEX` proves it to checkpoint \($0)." }
                ?? "No checkpoint yet: run `coledger checkpoint` to make the entries provable.")
        }
    }
}
