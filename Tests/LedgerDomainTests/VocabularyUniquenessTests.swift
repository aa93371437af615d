import Foundation
import Testing

/// No vocabulary is defined twice: every `String` enum in `Sources/LedgerDomain` (a closed value
/// list such as ``EthnicityCodeSystem`` or ``ChangeStatus``; coding keys aside) has a set of raw
/// values no other such enum has. Two enums with the same values are one vocabulary spelled twice;
/// one of them should be a `typealias` of the other.
///
/// The enums are found in the source text, so a new vocabulary is checked without being listed.
@Suite struct VocabularyUniquenessTests {
    @Test func noTwoVocabularyEnumsHaveTheSameValues() throws {
        let sources = PayloadMemberLint.root.appendingPathComponent("Sources/LedgerDomain")
        let enums = try VocabularyScan.enums(under: sources)
        #expect(enums.count > 20, "the scan found only \(enums.count) vocabulary enums; does it still read the sources?")
        let bySet = Dictionary(grouping: enums.filter { !$0.values.isEmpty }, by: \.values)
        let twice = bySet.values.filter { $0.count > 1 }.map { $0.map(\.name).sorted().joined(separator: " and ") }
        #expect(twice.isEmpty, "one vocabulary defined more than once: \(twice.sorted().joined(separator: "; "))")
    }

    @Test func theScanReadsRawValuesAndSkipsCodingKeys() {
        let text = """
            public enum Outer {
                public enum Spelled: String, CatalogueEnum {
                    /// A doc comment.
                    case ons2021, nhsDataDictionary = "nhs_data_dictionary"
                    var other: Int { switch self { case .ons2021: 1
                        case .nhsDataDictionary: 2 } }
                }
                enum CodingKeys: String, CodingKey { case a, b }
            }
            """
        let found = VocabularyScan.enums(in: text, file: "T.swift")
        #expect(found.map(\.name) == ["T.swift Outer.Spelled"])
        #expect(found.first?.values == ["ons2021", "nhs_data_dictionary"])
    }
}

/// Finds the `String`-valued enums of Swift source text (not `CodingKey` enums) and their raw values.
enum VocabularyScan {
    struct Vocabulary {
        var name: String
        var values: Set<String>
    }

    static func enums(under directory: URL) throws -> [Vocabulary] {
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var out: [Vocabulary] = []
        for case let path as String in walker where path.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
            out += enums(in: text, file: path)
        }
        return out
    }

    static func enums(in text: String, file: String) -> [Vocabulary] {
        let declaration =
            /^\s*(?:public |package |internal |fileprivate |private )?(?:indirect )?(enum|struct|extension|class|actor) +(\w+)(?: *: *([^{]*))?/
        var found: [Vocabulary] = []
        var open: [(name: String, depth: Int, vocabulary: Int?)] = []
        var depth = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let code = line.trimmingCharacters(in: .whitespaces)
            if !code.hasPrefix("//"), let m = line.firstMatch(of: declaration) {
                let name = (open.map(\.name) + [String(m.2)]).joined(separator: ".")
                let conformances = (m.3.map(String.init) ?? "").split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                var index: Int?
                if m.1 == "enum", conformances.contains("String") || conformances.contains("CatalogueEnum"),
                    !conformances.contains("CodingKey")
                {
                    found.append(Vocabulary(name: "\(file) \(name)", values: []))
                    index = found.count - 1
                }
                open.append((String(m.2), depth, index))
            } else if let current = open.last, let index = current.vocabulary, depth == current.depth + 1,
                code.hasPrefix("case ")
            {
                for part in code.dropFirst(5).split(separator: ",") {
                    let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    let quote = CharacterSet(charactersIn: "\"")
                    let value = pieces.count == 2 ? pieces[1].trimmingCharacters(in: quote) : pieces[0]
                    found[index].values.insert(value.trimmingCharacters(in: CharacterSet(charactersIn: "`")))
                }
            }
            if !code.hasPrefix("//") {
                depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
            }
            while let last = open.last, depth <= last.depth, line.contains("}") { open.removeLast() }
        }
        return found
    }
}
