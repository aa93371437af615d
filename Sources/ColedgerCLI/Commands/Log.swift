import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List entries in log order.",
        discussion: HelpText.reflow("""
            --type, --stream, --since and --until keep only the entries that match all of them; --since and
            --until are dates of effective time (when it happened, occurredAt), inclusive. --limit counts the
            entries shown.
            """))
    @OptionGroup var options: LedgerOptions
    @Option(help: "The first index to list.") var from = 0
    @Option(help: "How many entries to list at most.") var limit = 50
    @Option(help: ArgumentHelp("Only this event type, or a family ending in a dot (feedback.).", valueName: "type")) var type: String?
    @Option(help: ArgumentHelp("Only this stream, e.g. feedback/F-2025-0001.", valueName: "stream")) var stream: String?
    @Option(help: ArgumentHelp("Only events that happened on or after this date.", valueName: "YYYY-MM-DD")) var since: String?
    @Option(help: ArgumentHelp("Only events that happened on or before this date.", valueName: "YYYY-MM-DD")) var until: String?
    @Flag(help: "Print one JSON object per line: index, leafHash and the entry.") var json = false

    /// Whether an entry passes the filters.
    func keeps(_ event: Event) -> Bool {
        if let type, type.hasSuffix(".") ? !event.type.hasPrefix(type) : event.type != type { return false }
        if let stream, event.stream != stream { return false }
        let day = EffectiveTime.of(event).prefix(10)
        if let since, day < since { return false }
        if let until, day > until { return false }
        return true
    }

    func run() throws {
        try reporting {
            for (name, value) in [("--since", since), ("--until", until)] {
                if let value, value.count != 10 || CivilDate(parsing: value) == nil { throw CLIError("\(name) must be a date YYYY-MM-DD, got \(value)") }
            }
            let ledger = try options.open()
            let filtered = type != nil || stream != nil || since != nil || until != nil
            var rows: [StoredEntry] = []
            if filtered {
                var next = from
                while rows.count < limit {
                    let chunk = try ledger.entries(from: next, limit: 10_000)
                    guard let last = chunk.last else { break }
                    rows += chunk.filter { keeps($0.entry.event) }.prefix(limit - rows.count)
                    next = last.index + 1
                }
            } else {
                rows = try ledger.entries(from: from, limit: limit)
            }
            if json {
                for row in rows {
                    print("{\"index\":\(row.index),\"leafHash\":\"\(Base64.encode(row.leafHash))\",\"entry\":\(String(decoding: row.entry.bytes, as: UTF8.self))}")
                }
                return
            }
            let total = try ledger.size()
            print("INDEX  RECORDED AT               TYPE                        STREAM@VERSION                 SIGNER")
            for row in rows {
                let e = row.entry.event
                print(
                    Self.pad(String(row.index), 6) + " " + Self.pad(row.entry.recordedAt, 25) + " " + Self.pad(e.type, 27) + " "
                        + Self.pad("\(e.stream)@\(e.streamVersion)", 30) + " " + e.signer)
            }
            let shown = rows.last.map { $0.index + 1 } ?? from
            if filtered {
                if rows.isEmpty { print("No entry from index \(from) matches.") }
                if rows.count == limit, shown < total { print("… more may match; use --from \(shown)") }
            } else if shown < total {
                print("… \(total - shown) more; use --from \(shown)")
            }
        }
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one entry by index or event id.")
    @OptionGroup var options: LedgerOptions
    @Argument(help: "An entry index or an event id.") var ref: String
    @Flag(help: "Print the exact entry bytes (canonical JSON) only.") var json = false

    func run() throws {
        try reporting {
            let ledger = try options.open()
            let found = try Int(ref).map { try ledger.entry(at: $0) } ?? ledger.entry(id: ref)
            guard let row = found else { throw CLIError("no entry \(ref) in \(options.path)") }
            if json {
                print(String(decoding: row.entry.bytes, as: UTF8.self))
                return
            }
            let e = row.entry.event
            print("index:       \(row.index)")
            print("leaf hash:   \(Base64.encode(row.leafHash))")
            print("recorded at: \(row.entry.recordedAt)")
            print("id:          \(e.id)")
            print("type:        \(e.type) v\(e.typeVersion)")
            print("stream:      \(e.stream) @ \(e.streamVersion)")
            print("occurred at: \(e.occurredAt)")
            print("signer:      \(e.signer)")
            if let p = e.privatePart {
                print("private:     subject \(p.subject), commitment \(p.commitment)")
                switch try ledger.privateRecord(at: row.index) {
                case .available(_, _, let data)?:
                    let text = (try? CanonicalJSON.serialize(data)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                    print("             (held outside the log) \(text)")
                case .erased?: print("             erased: the subject's personal data and key were deleted")
                case nil: print("             not held by this ledger")
                }
            }
            let payload = (try? CanonicalJSON.serialize(.object(e.payload))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            print("payload:     \(payload)")
        }
    }
}
