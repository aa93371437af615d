import ArgumentParser
import Foundation
import LedgerCore
import LedgerProjections
import LedgerStore

/// Where projection commands read the log: the ledger file (live projections kept in it), or a
/// verified bundle folded into memory.
struct ProjectionOptions: ParsableArguments {
    @OptionGroup var ledgerOptions: LedgerOptions
    @Option(help: ArgumentHelp(
        "Read this exported bundle instead of the ledger (verified first; refused if it does not verify).", valueName: "dir"))
    var bundle: String?

    /// Live projections of the ledger file, or a replay of the bundle.
    func open() throws -> Projections {
        if bundle != nil { return try Projections.replay(MemoryEntrySource(entries: try bundleEntries())) }
        return Projections(ledger: try ledgerOptions.open())
    }

    /// The log, for a replay: the ledger (and where its private data is), or the bundle's entries.
    func source() throws -> (source: any EntrySource, ledger: Ledger?) {
        if bundle != nil { return (MemoryEntrySource(entries: try bundleEntries()), nil) }
        let ledger = try ledgerOptions.open()
        return (LedgerEntrySource(ledger: ledger), ledger)
    }

    /// The size of the checkpoint `--bundle` carries (the one its proofs would lead to).
    func bundleCheckpointSize() throws -> Int? {
        guard let bundle else { return nil }
        let text = String(decoding: try Input.read(URL(fileURLWithPath: bundle).appendingPathComponent("checkpoint").path), as: UTF8.self)
        return (try? SignedNote(parsing: text)).flatMap { try? Checkpoint(parsing: $0.text) }.map { Int($0.size) }
    }

    /// The entries of `--bundle`, after `Bundle.verify` passed.
    func bundleEntries() throws -> [Entry] {
        guard let bundle else { return [] }
        let directory = URL(fileURLWithPath: bundle)
        let report = try Bundle.verify(directory: directory, pinnedLogKey: nil, policies: Catalogues.policies)
        guard report.ok else {
            let first = report.failures.first.map { "\($0)" } ?? "unknown failure"
            throw CLIError("\(bundle) does not verify (\(report.failures.count) failure(s); first: \(first)); run coledger verify --bundle \(bundle)")
        }
        let bytes = try Input.read(directory.appendingPathComponent("entries.jsonl").path)
        return try Bundle.splitLines(bytes).lines.map { line in
            do {
                return try Entry(bytes: line)
            } catch {
                throw CLIError("\(bundle)/entries.jsonl: \(error)")
            }
        }
    }
}

enum Table {
    /// Left-aligned columns, each as wide as its widest cell.
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
