import Foundation
import LedgerDomain
import Testing

/// No payload member name as a string literal outside the payload types: a reader switches on the
/// typed payload (``Catalogue/decode(_:)``), so renaming a member fails to compile wherever it is
/// used. This test finds every `"memberName"` literal in `Sources/` and fails, naming file, line
/// and member, unless the file is
/// - a payload type (`Sources/LedgerDomain/Groups/`, `Sources/LedgerDomain/Support/`),
/// - or genuinely wire format: LedgerCore reads the genesis and key events of FORMAT.md itself (it
///   cannot depend on the catalogue), and the store writes the genesis payload.
///
/// A file that must spell some member names because they are its own wire format (the envelope,
/// the key events of FORMAT.md, the portal API's OpenAPI document) is listed in
/// ``PayloadMemberLint/wireFormat`` with exactly those names and the reason.
///
/// Member names are the catalogue's top-level member names written in camelCase (`bodyId`,
/// `consentToPublish`): one-word names (`from`, `type`, `status`) are also ordinary words.
@Suite struct PayloadMemberLintTests {
    @Test func noPayloadMemberNameOutsideThePayloadTypes() throws {
        let found = try PayloadMemberLint.scan()
        var problems: [String] = []
        for (file, allHits) in found.sorted(by: { $0.key < $1.key }) {
            let hits = allHits.filter { hit in !(PayloadMemberLint.wireFormat[file].map { $0.members?.contains(hit.member) ?? true } ?? false) }
            if hits.isEmpty { continue }
            let lines = hits.map { "\(file):\($0.line): \"\($0.member)\"" }.joined(separator: "\n  ")
            problems.append(
                "\(file) names payload members as strings \(hits.count) times; read the typed payload instead:\n  \(lines)")
        }
        for file in PayloadMemberLint.wireFormat.keys.sorted() where found[file] == nil {
            problems.append("\(file) no longer names payload members: remove it from PayloadMemberLint.wireFormat")
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theLintFindsALiteral() throws {
        let hits = PayloadMemberLint.hits(in: #"let id = p["feedbackId"]?.stringValue // "contactConsent""#, members: PayloadMemberLint.members)
        #expect(hits.map(\.member) == ["feedbackId", "contactConsent"])
        #expect(PayloadMemberLint.hits(in: "    /// reads \"feedbackId\"", members: PayloadMemberLint.members).isEmpty, "documentation is not code")
        #expect(PayloadMemberLint.hits(in: #"let t = "type""#, members: PayloadMemberLint.members).isEmpty, "one-word names are ordinary words")
    }
}

enum PayloadMemberLint {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where member names belong: the payload types, and wire-format code.
    static let exempt = [
        "Sources/LedgerDomain/Groups/", "Sources/LedgerDomain/Support/",
        // Wire format (FORMAT.md): the genesis and key events as LedgerCore reads them, and the
        // genesis payload the store writes.
        "Sources/LedgerCore/", "Sources/LedgerStore/Ledger.swift",
    ]

    /// Files whose own wire format spells these member names (nil: every name in the file), and why.
    static let wireFormat: [String: (members: Set<String>?, reason: String)] = [
        "Sources/LedgerStore/Seam/LogStorage.swift": (["keyId"], "a key event's keyId, read by the store to keep its key registry (FORMAT.md key events)"),
        "Sources/LedgerStore/Ledger+Export.swift": (["logKey"], "the bundle manifest's logKey (FORMAT.md bundle)"),
        "Sources/LedgerStore/Ledger+Verify.swift": (["logKey"], "the check named logKey, the genesis member it compares (FORMAT.md genesis)"),
        "Sources/LedgerStore/LedgerFile.swift": (["logKey"], "the genesis payload's logKey, read to recognise a ledger file (FORMAT.md genesis)"),
        "Sources/LedgerStore/PrivateStore.swift": (["requestRef"], "the subject.erased payload the store itself writes when it shreds a key (FORMAT.md erasure)"),
        "Sources/ColedgerCLI/Commands/Mirror.swift": (["logKey"], "the mirror's refusal evidence record names the log it mirrors by origin and logKey, as the genesis does (FORMAT.md genesis)"),
        "Sources/ColedgerCLI/Commands/Serve.swift": (["contributionId"], "the `contribution-codes` output's column, part of the command's JSON output"),
        "Sources/ColedgerCLI/Commands/Key.swift": (
            ["keyId", "publicKey"], "`key new --json` and `key show` print a key file's keyId and publicKey (the key file, not a payload)"
        ),
        "Sources/LedgerPortal/API/OpenAPIDocument.swift": (nil, "the portal API's published OpenAPI document: its response fields are the API's own wire format"),
    ]


    /// The catalogue's camelCase top-level member names.
    static let members: Set<String> = Set(Catalogue.all.flatMap { type in Array(type.memberNames) }.filter { $0.contains { $0.isUppercase } })

    struct Hit {
        var line: Int
        var member: String
    }

    /// Hits per file (path relative to the repository root).
    static func scan() throws -> [String: [Hit]] {
        var out: [String: [Hit]] = [:]
        let sources = root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(atPath: sources.path) else { return [:] }
        for case let path as String in walker where path.hasSuffix(".swift") {
            let file = "Sources/" + path
            if exempt.contains(where: { file.hasPrefix($0) }) { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            var hits: [Hit] = []
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                hits += Self.hits(in: String(line), members: members).map { Hit(line: n + 1, member: $0.member) }
            }
            if !hits.isEmpty { out[file] = hits }
        }
        return out
    }

    /// The member names quoted as whole string literals on one line of code (not documentation).
    static func hits(in line: String, members: Set<String>) -> [Hit] {
        let code = line.drop { $0 == " " }
        if code.hasPrefix("//") { return [] }
        var out: [Hit] = []
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "\"") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "\"") else { break }
            let word = String(after[..<close])
            if members.contains(word) { out.append(Hit(line: 0, member: word)) }
            rest = after[after.index(after: close)...]
        }
        return out
    }
}
