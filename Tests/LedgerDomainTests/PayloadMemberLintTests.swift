import Foundation
import LedgerDomain
import Testing

/// No payload member name as a string literal outside the payload types: a reader switches on the
/// typed payload (``Catalogue/decode(_:)``), so renaming a member fails to compile wherever it is
/// used. This test finds every `"memberName"` literal in `Sources/` and fails, naming file, line
/// and member, unless the file is
/// - a payload type (`Sources/LedgerDomain/Groups/`, `Sources/LedgerDomain/Support/`),
/// - genuinely wire format: LedgerCore reads the genesis and key events of FORMAT.md itself (it
///   cannot depend on the catalogue), and the store writes the genesis payload;
/// - or listed in ``PayloadMemberLint/debt`` with exactly its count of literals today, which may
///   only go down (the test fails when a count grows, and asks to lower it when it shrank).
///
/// Sources/LedgerPortal is left out while the portal is being moved onto the projections (its
/// own folds go, issue 12); it is to be added back, with its remaining counts, when that lands.
///
/// Member names are the catalogue's top-level member names written in camelCase (`bodyId`,
/// `consentToPublish`): one-word names (`from`, `type`, `status`) are also ordinary words.
@Suite struct PayloadMemberLintTests {
    @Test func noPayloadMemberNameOutsideThePayloadTypes() throws {
        let found = try PayloadMemberLint.scan()
        var problems: [String] = []
        for (file, hits) in found.sorted(by: { $0.key < $1.key }) {
            let allowed = PayloadMemberLint.debt[file] ?? 0
            if hits.count > allowed {
                let lines = hits.map { "\(file):\($0.line): \"\($0.member)\"" }.joined(separator: "\n  ")
                problems.append(
                    "\(file) names payload members as strings \(hits.count) times (allowed \(allowed)); read the typed payload instead:\n  \(lines)")
            } else if hits.count < allowed {
                problems.append("\(file) now names payload members \(hits.count) times: lower its entry in PayloadMemberLint.debt from \(allowed) to \(hits.count)")
            }
        }
        for (file, allowed) in PayloadMemberLint.debt where found[file] == nil {
            problems.append("\(file) no longer names payload members (allowed \(allowed)): remove it from PayloadMemberLint.debt")
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
        // The portal helper's area while its folds are replaced by the projections (issue 12).
        "Sources/LedgerPortal/",
    ]

    /// Files that still name members as strings, with how many times (they may only go down).
    /// The audit model still folds raw payloads (its typed fold is the next step of issue 12);
    /// the CLI verbs build payloads as JSON objects (the recording API of issue 12 is to build
    /// typed payloads instead, as the demo and the plan template now do); the admission policy reads
    /// a few members raw; the projections' fast path reads stored members by name without
    /// decoding. No new file may join this list.
    static let debt: [String: Int] = [
        "Sources/ColedgerCLI/Commands/Demo.swift": 2,
        // The daily-work verbs (issue 11) were written beside this lint, in the verbs' DomainEvent
        // style (a payload object plus the member-to-option map that names an option in errors).
        "Sources/ColedgerCLI/Commands/DomainDailyWork.swift": 35,
        "Sources/ColedgerCLI/Commands/DomainFeedback.swift": 53,
        "Sources/ColedgerCLI/Commands/DomainMeetings.swift": 36,
        "Sources/ColedgerCLI/Commands/DomainPeople.swift": 46,
        "Sources/ColedgerCLI/Commands/DomainPlan.swift": 13,
        "Sources/ColedgerCLI/Commands/DomainSupport.swift": 1,
        "Sources/ColedgerCLI/Commands/Key.swift": 9,
        "Sources/ColedgerCLI/Commands/Mirror.swift": 1,
        "Sources/ColedgerCLI/Commands/New.swift": 1,
        "Sources/ColedgerCLI/Commands/Serve.swift": 1,
        "Sources/LedgerAudit/AuditModel+Observe.swift": 116,
        "Sources/LedgerAudit/ProvExport.swift": 16,
        "Sources/LedgerDomain/Policy/DomainPolicy+Rules.swift": 6,
        "Sources/LedgerDomain/Policy/DomainPolicy.swift": 33,
        "Sources/LedgerDomain/Policy/EffectiveTime.swift": 2,
        "Sources/LedgerProjections/Feedback/FeedbackProjection.swift": 12,
        "Sources/LedgerStore/Ledger+Batch.swift": 1,
        "Sources/LedgerStore/Ledger+Export.swift": 1,
        "Sources/LedgerStore/Ledger+Verify.swift": 1,
        "Sources/LedgerStore/LedgerFile.swift": 1,
        "Sources/LedgerStore/PrivateStore.swift": 1,
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
