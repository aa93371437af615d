import ArgumentParser
import Foundation
import LedgerDomain

struct Types: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the event catalogue: every type, its version, group, summary and private fields.",
        discussion: HelpText.reflow("""
            Groups: A ledger and keys, B organisation and roles, C bodies and membership, D meetings and
            decisions, E plan and actions, F feedback, G contributions, H metrics, I reviews and reports,
            J partnerships and projects, K privacy. `coledger new TYPE` prints a skeleton of any of them.
            """))
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only these groups: a letter A–K (repeatable, or several letters at once, e.g. DF).", valueName: "letter"))
    var group: [String] = []
    @Flag(help: "Print a JSON array of {type, version, group, groupName, summary, privateFields}.") var json = false

    struct Row: Encodable {
        var type: String
        var version: Int
        var group: String
        var groupName: String
        var summary: String
        var privateFields: [String]
    }

    func run() throws {
        try reporting {
            let wanted = try Self.groups(group)
            let rows = Catalogue.all
                .filter { wanted.isEmpty || wanted.contains($0.group) }
                .map { t in
                    Row(
                        type: t.eventType, version: t.typeVersion, group: t.group.rawValue, groupName: "\(t.group)",
                        summary: t.summary, privateFields: t.privateFields)
                }
                .sorted { ($0.group, $0.type, $0.version) < ($1.group, $1.type, $1.version) }
            if json {
                Output.printJSON(rows)
                return
            }
            let width = (rows.map { $0.type.count + 3 }.max() ?? 0) + 1
            var current = ""
            for row in rows {
                if row.group != current {
                    if !current.isEmpty { print("") }
                    current = row.group
                    print("\(row.group)  \(row.groupName)")
                }
                let name = "\(row.type) v\(row.version)"
                let pad = String(repeating: " ", count: max(1, width - name.count))
                let sealed = row.privateFields.isEmpty ? "" : " [private: \(row.privateFields.joined(separator: ", "))]"
                print("  \(name)\(pad)\(row.summary)\(sealed)")
            }
        }
    }

    /// Parses `--group` values: letters A–K (any case), several per value allowed, or group names.
    static func groups(_ values: [String]) throws -> Set<CatalogueGroup> {
        var out = Set<CatalogueGroup>()
        for value in values {
            if let named = CatalogueGroup.allCases.first(where: { "\($0)" == value.lowercased() }) {
                out.insert(named)
                continue
            }
            for letter in value.uppercased() {
                guard let g = CatalogueGroup(rawValue: String(letter)) else {
                    throw CLIError(
                        "--group \(value): use letters A–K (or a name: \(CatalogueGroup.allCases.map { "\($0)" }.joined(separator: ", ")))"
                    )
                }
                out.insert(g)
            }
        }
        return out
    }
}
