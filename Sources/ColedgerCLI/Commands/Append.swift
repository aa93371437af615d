import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

struct Append: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sign and append one event.",
        discussion: HelpText.reflow("""
            The event is JSON with at least type, typeVersion, stream and payload; v, id, occurredAt,
            streamVersion (the next one) and signer are filled in when left out. Prints
            {"index":…,"id":…,"leafHash":…}. Appending an event whose id is already logged with the same
            content is a safe retry and returns the existing entry: give the draft an "id" (a UUID) when
            a reply may be lost (a closed pipe, a timeout), and retry with the same file.
            """))
    @OptionGroup var options: LedgerOptions
    @Option(help: "The sealed key file that signs the event.") var key: String
    @Argument(help: "The event JSON file, or - for standard input.") var file: String = "-"

    func run() throws {
        try reporting {
            let source = file == "-" ? "<stdin>" : file
            let draft = try Input.parseJSON(try Input.read(file), source: source)
            try Input.checkHygiene(draft, source: source)
            let ledger = try options.open()
            let signer = try KeyFiles.open(key)
            do {
                let result = try ledger.append(draft: draft, signer: signer)
                print(Output.json(AppendOutput(result)))
            } catch {
                throw CLIError("\(source): \(error); nothing was appended")
            }
        }
    }
}

struct AppendOutput: Encodable {
    var index: Int
    var id: String
    var leafHash: String
    var duplicate: Bool?
    init(_ r: AppendResult) {
        index = r.index
        id = r.id
        leafHash = r.leafHash
        duplicate = r.duplicate ? true : nil
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sign and append many events from a JSON Lines file, all or nothing.",
        discussion: "One event per line, as for `append`. Every line is checked before anything is committed; any error names its line and nothing is appended. Lines with an \"id\" are safe to import again: events already logged with the same content are skipped.")
    @OptionGroup var options: LedgerOptions
    @Option(help: "The sealed key file that signs the events.") var key: String
    @Argument(help: "The JSON Lines file, or - for standard input.") var file: String
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try reporting {
            let bytes = try Input.read(file)
            let source = file == "-" ? "<stdin>" : file
            // Parse every line on all cores; report the first bad line.
            var lines: [(number: Int, bytes: [UInt8])] = []
            var lineNo = 0
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                lineNo += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                lines.append((lineNo, Array(line)))
            }
            let parsed = Parallel.map(lines, workers: Parallel.cores) { line -> Result<JSONValue, CanonicalJSONError> in
                Result { () throws(CanonicalJSONError) -> JSONValue in try CanonicalJSON.parse(line.bytes) }
            }
            var drafts: [JSONValue] = []
            drafts.reserveCapacity(parsed.count)
            for (line, result) in zip(lines, parsed) {
                switch result {
                case .success(let value):
                    try Input.checkHygiene(value, source: "\(source):\(line.number)")
                    drafts.append(value)
                case .failure(let error): throw CLIError("\(source):\(line.number): \(error.description); nothing was appended")
                }
            }
            let lineNumbers = lines.map(\.number)
            let ledger = try options.open()
            let signer = try KeyFiles.open(key)
            let showProgress = Output.stderrIsTerminal && drafts.count >= 10_000
            let start = Date()
            let results: [AppendResult]
            do {
                results = try ledger.append(drafts: drafts, signer: signer) { done in
                    if showProgress {
                        FileHandle.standardError.write(Data("\rcoledger: prepared \(done)/\(drafts.count) events".utf8))
                    }
                }
            } catch let error as LedgerError {
                throw CLIError("\(Self.locate(error, drafts: drafts, lines: lineNumbers, source: source)): \(error); nothing was appended")
            }
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            let appended = results.filter { !$0.duplicate }.count
            let seconds = Date().timeIntervalSince(start)
            if json {
                Output.printJSON(ImportSummary(
                    appended: appended, duplicates: results.count - appended, first: results.first?.index, last: results.last?.index,
                    seconds: seconds))
            } else {
                print("Appended \(appended) events (\(results.count - appended) already present) in \(String(format: "%.2f", seconds)) s.")
            }
        }
    }

    /// Names the input line of the event an error is about, when it can tell.
    static func locate(_ error: LedgerError, drafts: [JSONValue], lines: [Int], source: String) -> String {
        if case .inBatch(let position, _) = error, position < lines.count { return "\(source):\(lines[position])" }
        return source
    }
}

struct ImportSummary: Encodable {
    var appended: Int
    var duplicates: Int
    var first: Int?
    var last: Int?
    var seconds: Double
}
