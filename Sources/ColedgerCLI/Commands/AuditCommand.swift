import ArgumentParser
import Foundation
import LedgerAudit
import LedgerCore
import LedgerProjections
import LedgerStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "One report: integrity, who was entitled to sign what, and the plan's accountability rules.",
        discussion: HelpText.reflow("""
            Integrity is everything `verify` checks. Entitlement replays the authorization policy over the
            whole log (who signed what, and whether they were entitled to) and flags what compromised keys
            signed. Accountability judges the 41 rules of the domain map (section 8) that the catalogue can
            express, each with its findings' log indexes, with the parameters of the audit policy file
            (Schemas/audit/policy.v1.json by default; its SHA-256 is printed), as of --as-of. A policy file
            needs only the members it changes; Schemas/audit/policy.v1.schema.json describes them.
            Each rule says pass, fail, not yet due (nothing it requires has reached its deadline, e.g.
            before the plan start or the first yearly report) or nothing to judge (the log holds
            nothing the rule applies to), in the same words in text, json (pass, fail, not_yet_due,
            nothing_to_judge) and html.
            --at POINT judges the rules (and the recording delays) on the entries the log held at that point
            (an index, a date of recordedAt, checkpoint or checkpoint:DATE, as for `state --at`); with
            --as-of too: "as of 2025-10-01, as known at the checkpoint of 2025-11-01". Integrity and
            entitlement are always of the whole log. The report says which point it used; a point before
            anything was recorded is refused.
            Exit status: 0 when everything passes, 1 when anything fails, 2 when the audit could not run.
            """))
    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("Audit this bundle directory instead of the ledger.", valueName: "dir")) var bundle: String?
    @Option(name: .customLong("log-key"), help: ArgumentHelp("Pin the log's verifier key (vkey or file).", valueName: "vkey")) var logKey: String?
    @Option(name: .customLong("checkpoint"), help: ArgumentHelp("A checkpoint you kept (repeatable).", valueName: "file")) var checkpoints: [String] = []
    @Option(help: ArgumentHelp("An audit policy file (JSON) instead of the defaults.", valueName: "file")) var policy: String?
    /// `--as-of` (judge the rules on that date, counting what had happened by then; default today)
    /// and `--at` (only the entries the log held then), as every read verb takes them.
    @OptionGroup var point: PointOptions
    @Option(
        name: .customLong("witness-policy"),
        help: ArgumentHelp(
            "Judge the newest checkpoint's cosignatures by this witness policy, as `verify` does (FORMAT.md section 14).",
            valueName: "file"))
    var witnessPolicy: String?
    @Option(help: "text (default), json or html (one self-contained page for a board pack).") var format = "text"
    @Flag(help: "Print the report as JSON (the same as --format json).") var json = false
    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file")) var out: String?

    func validate() throws {
        guard ["text", "json", "html"].contains(format) else { throw ValidationError("--format must be text, json or html") }
        if json, format != "text", format != "json" { throw ValidationError("--json and --format \(format) ask for two formats; give one") }
    }

    func run() throws {
        var report: AuditReport
        do {
            let (auditPolicy, sha) = try policy.map { try AuditPolicy.load(try Input.read($0)) } ?? AuditPolicy.standard()
            let pinned = try logKey.map { try Verify.readVkey($0) }
            let kept = try checkpoints.map { String(decoding: try Input.read($0), as: UTF8.self) }
            let ledger = try bundle == nil ? options.open() : nil
            let source: Audit.Source = ledger.map { .ledger($0) } ?? .bundle(URL(fileURLWithPath: bundle ?? ""))
            let witnesses = try witnessPolicy.map(WitnessPolicyFile.load)
            let (asOf, cut) = try Self.point(point, ledger: ledger, bundle: bundle)
            let progress = ProgressLine("audited", quiet: json || format == "json")
            defer { progress.finish() }
            report = try Audit.run(
                source, policy: auditPolicy, policySHA256: sha, asOf: asOf?.description, pinnedLogKey: pinned, keptCheckpoints: kept,
                witnessPolicy: witnesses, held: cut.map { cut in { index, entry in cut.point.includes(IndexedEntry(index: index, entry: entry)) } },
                progress: { done, total in progress.update(done, of: total) })
            report.point = ReadPoint.said(asOf: CivilDate(parsing: report.asOf) ?? CivilDate(dayNumber: 0), cut: cut?.said)
        } catch {
            Output.error("error: the audit could not run: \(error)")
            throw ExitCode(2)
        }
        let text: String
        switch json ? "json" : format {
        case "json": text = Output.json(report, pretty: true) + "\n"
        case "html": text = report.html
        default: text = report.text
        }
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                Output.error("error: cannot write \(out)")
                throw ExitCode(2)
            }
            FileHandle.standardError.write(Data("coledger: audit report written to \(out): \(report.passed ? "PASS" : "FAIL")\n".utf8))
        } else {
            print(text, terminator: "")
        }
        if !report.passed { throw ExitCode(1) }
    }

    /// The date and the point of the log `--as-of` / `--at` name (parsed by the library, as every
    /// read verb's are); a point of the log before its first entry is refused.
    static func point(_ options: PointOptions, ledger: Ledger?, bundle: String?) throws -> (
        asOf: CivilDate?, cut: (point: ReplayPoint, said: String)?
    ) {
        let point = try options.readPoint()
        do {
            let cut = try point.logPoint(ledger: ledger) {
                guard let bundle else { return nil }
                let note = String(decoding: try Input.read(URL(fileURLWithPath: bundle).appendingPathComponent("checkpoint").path), as: UTF8.self)
                return (try? SignedNote(parsing: note)).flatMap { try? Checkpoint(parsing: $0.text) }.map { Int($0.size) }
            }
            if let cut {
                let first = try ledger?.entries(from: 0, limit: 1).first
                let held = first.map { cut.point.includes(IndexedEntry(index: 0, entry: $0.entry)) } ?? (cut.point != .index(0))
                if !held { throw ReadPointError.nothingRecorded(cut.point, firstRecordedAt: first?.entry.recordedAt, spelling: .options) }
            }
            return (point.asOf, cut)
        } catch let error as ReadPointError {
            throw CLIError(error.message)
        }
    }
}
