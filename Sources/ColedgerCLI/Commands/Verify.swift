import ArgumentParser
import Foundation
import LedgerAudit
import LedgerCore
import LedgerProjections
import LedgerStore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify a ledger or an exported bundle end to end.",
        discussion: HelpText.reflow("""
            Recomputes every leaf hash and the tree, checks every entry's canonical form, signature and
            signer validity at its position, unique ids and stream versions, every signed checkpoint, and,
            given checkpoints you kept (--checkpoint), that the log still extends each of them.
            Exit status: 0 when everything holds, 1 when anything fails (the first failing index is named),
            2 when the verification could not run.
            """))
    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("Verify this bundle directory instead of the ledger.", valueName: "dir")) var bundle: String?
    @Option(name: .customLong("checkpoint"), help: ArgumentHelp("A signed checkpoint you kept earlier (repeatable).", valueName: "file"))
    var checkpoints: [String] = []
    @Option(name: .customLong("log-key"), help: ArgumentHelp("Pin the log's verifier key: a vkey or a file holding one.", valueName: "vkey"))
    var logKey: String?
    @Option(name: .customLong("witness"), help: ArgumentHelp("A witness you trust (vkey, cosignature type 0x04); repeatable.", valueName: "vkey"))
    var witnesses: [String] = []
    @Option(help: "How many of the --witness keys must have cosigned the newest checkpoint (default: all of them).")
    var quorum: Int?
    @Option(
        name: .customLong("witness-policy"),
        help: ArgumentHelp("Judge the newest checkpoint's cosignatures by this witness policy (FORMAT.md section 14).", valueName: "file"))
    var witnessPolicy: String?
    @Flag(help: "Print the report as JSON.") var json = false

    func validate() throws {
        if let quorum, quorum < 1 || quorum > witnesses.count {
            throw ValidationError("--quorum must be between 1 and the number of --witness keys (\(witnesses.count))")
        }
    }

    func run() throws {
        var report: VerificationReport
        do {
            let pinned = try logKey.map { try Self.readVkey($0) }
            let kept = try checkpoints.map { path -> String in
                guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read checkpoint file \(path)", code: 2) }
                return String(decoding: data, as: UTF8.self)
            }
            let witnessKeys = try witnesses.map { try Self.readVkey($0) }
            let policy = try witnessPolicy.map { path in
                do { return try WitnessPolicyFile.load(path) } catch let error as CLIError { throw CLIError(error.description, code: 2) }
            }
            let progress = ProgressLine("verified", quiet: json)
            if let bundle {
                report = try Bundle.verify(
                    directory: URL(fileURLWithPath: bundle), pinnedLogKey: pinned, keptCheckpoints: kept, policies: Catalogues.policies)
                let note = String(decoding: try Input.read(URL(fileURLWithPath: bundle).appendingPathComponent("checkpoint").path), as: UTF8.self)
                Self.checkQuorum(note: note, witnesses: witnessKeys, quorum: quorum, report: &report)
                if let policy { Self.checkPolicy(note: note, policy: policy, report: &report) }
            } else {
                let ledger = try options.open()
                report = try ledger.verify(keptCheckpoints: kept, pinnedLogKey: pinned) { done, total in progress.update(done, of: total) }
                progress.finish()
                if !witnessKeys.isEmpty {
                    let note = try ledger.latestCheckpoint().flatMap { try ledger.cosignedNote(size: $0.size) } ?? ""
                    Self.checkQuorum(note: note, witnesses: witnessKeys, quorum: quorum, report: &report)
                }
                if let policy {
                    let note = try ledger.latestCheckpoint().flatMap { try ledger.cosignedNote(size: $0.size) } ?? ""
                    Self.checkPolicy(note: note, policy: policy, report: &report)
                }
            }
        } catch let error as CLIError {
            Output.error("error: \(error.description)")
            throw ExitCode(2)
        } catch {
            Output.error("error: \(error)")
            throw ExitCode(2)
        }
        if json {
            Output.printJSON(report)
        } else if report.ok {
            let pin = report.logKeyPinned ? "pinned log key" : "the log key stored with the data (not pinned: pass --log-key to pin it)"
            print("OK: \(report.size) entries verified; root \(report.root); \(report.checkpointsChecked) signed checkpoint(s) checked against \(pin).")
        } else {
            print("FAIL: \(report.failures[0])")
            if report.failures.count > 1 { print("  and \(report.failures.count - 1) more failure(s); --json lists them all") }
        }
        if !report.ok { throw ExitCode(1) }
    }

    /// Adds a `witness` failure when the newest checkpoint's cosignatures do not satisfy `policy`.
    static func checkPolicy(note: String, policy: WitnessPolicy, report: inout VerificationReport) {
        if let failure = policy.failure(newestCheckpoint: note) { report.failures.append(failure) }
    }

    /// Adds a `witness` failure when fewer than `quorum` of `witnesses` validly cosigned `note`.
    static func checkQuorum(note: String, witnesses: [NoteVerifierKey], quorum: Int?, report: inout VerificationReport) {
        guard !witnesses.isEmpty else { return }
        let needed = quorum ?? witnesses.count
        let cosigners = WitnessQuorum.cosigners(of: note, witnesses: witnesses)
        if cosigners.count < needed {
            report.failures.append(VerificationFailure(
                index: nil, check: "witness",
                detail: "\(cosigners.count) of the trusted witnesses cosigned the newest checkpoint; \(needed) required"
                    + (cosigners.isEmpty ? "" : " (cosigned by \(cosigners.map(\.name).joined(separator: ", ")))")))
        }
    }

    static func readVkey(_ text: String, code: Int32 = 2) throws -> NoteVerifierKey {
        var value = text
        if FileManager.default.fileExists(atPath: text), let data = FileManager.default.contents(atPath: text) {
            value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        do {
            return try NoteVerifierKey(parsing: value)
        } catch {
            throw CLIError("\(text): not a verifier key: \(error)", code: code)
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a bundle for evaluators: entries, checkpoint, log key and manifest (FORMAT.md section 6).",
        discussion: "The bundle covers the log up to the newest signed checkpoint; run `coledger checkpoint` first to include everything.")
    @OptionGroup var options: LedgerOptions
    @Option(help: "The new bundle directory.") var out: String
    @Flag(help: "Also write private.jsonl with the personal data still held: a restricted bundle, only for those entitled to it.")
    var includePrivate = false
    @Flag(help: "Also write prov.json (W3C PROV-JSON of feedback and contributions → decisions → actions → outcomes) and a README.md.")
    var prov = false
    @Flag(help: "Also write one CSV file per projection (actions.csv, feedback.csv, yousaid.csv) and a README.md.")
    var csv = false
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try reporting {
            let ledger = try options.open()
            let result = try ledger.export(to: URL(fileURLWithPath: out), includePrivate: includePrivate)
            let dir = URL(fileURLWithPath: out)
            var readme = ProvExport.readmeHeader
            if prov {
                let document = try ProvExport.document(ledger)
                try Data(try CanonicalJSON.serialize(document)).write(to: dir.appendingPathComponent("prov.json"))
                readme += ProvExport.readmeProv
            }
            if csv {
                let projections = Projections(ledger: ledger)
                try Data(CSV.table(try projections.actions()).utf8).write(to: dir.appendingPathComponent("actions.csv"))
                try Data(CSV.table(try projections.feedbackItems()).utf8).write(to: dir.appendingPathComponent("feedback.csv"))
                try Data(CSV.table(try projections.youSaidWeDid()).utf8).write(to: dir.appendingPathComponent("yousaid.csv"))
                readme += ProvExport.readmeCSV
            }
            if prov || csv { try Data((readme + ProvExport.readmeFooter).utf8).write(to: dir.appendingPathComponent("README.md")) }
            if json {
                Output.printJSON(result)
            } else {
                print("Exported \(result.size) entries to \(out).")
                if result.notYetCheckpointed > 0 {
                    print("\(result.notYetCheckpointed) newer entries are not in the bundle: run `coledger checkpoint` and export again to include them.")
                }
                print("Verify it anywhere: coledger verify --bundle \(out) --log-key '\(ledger.logKey)'")
            }
        }
    }
}

struct Canonicalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the RFC 8785 canonical form of a JSON document (no trailing newline).")
    @Argument(help: "The JSON file, or - for standard input.") var file: String = "-"

    func run() throws {
        try reporting {
            let bytes = try Input.read(file)
            do {
                let out = try CanonicalJSON.canonicalize(bytes)
                FileHandle.standardOutput.write(Data(out))
            } catch {
                throw CLIError("\(file == "-" ? "<stdin>" : file): \("\(error)")")
            }
        }
    }
}
