import Foundation
import LedgerCore
import Testing

/// The golden bundles of `Tests/Vectors/coledger`, each judged as `cases.json` expects.
@Suite struct GoldenBundleTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Vectors/coledger")

    struct Case: Sendable, CustomStringConvertible {
        var bundle: String
        var expect: String
        var why: String
        var description: String { bundle }
    }

    static var cases: [Case] {
        guard let data = FileManager.default.contents(atPath: golden.appendingPathComponent("cases.json").path),
            let list = try? CanonicalJSON.parse([UInt8](data)).arrayValue
        else { return [] }
        return list.map {
            Case(bundle: $0["bundle"]?.stringValue ?? "", expect: $0["expect"]?.stringValue ?? "", why: $0["why"]?.stringValue ?? "")
        }
    }

    static func logKey() throws -> NoteVerifierKey {
        let data = try #require(FileManager.default.contents(atPath: golden.appendingPathComponent("golden.json").path))
        let json = try CanonicalJSON.parse([UInt8](data))
        return try NoteVerifierKey(parsing: try #require(json["log_vkey"]?.stringValue))
    }

    @Test func allTwelveCasesAreHere() {
        #expect(Self.cases.count == 12)
    }

    @Test(arguments: cases)
    func verdictMatches(_ c: Case) throws {
        let report = try Bundle.verify(directory: Self.golden.appendingPathComponent(c.bundle), pinnedLogKey: try Self.logKey())
        #expect(report.ok == (c.expect == "valid"), "\(c.bundle): \(report.failures)")
        guard c.expect == "invalid" else { return }
        // "entry N: ..." or "entries N and M ..." names the first failing entry; otherwise the
        // failure is log-wide (size, checkpoint) or, for swapped entries, shows at the first one.
        let words = c.why.split(separator: " ")
        if let first = words.first, first == "entry" || first == "entries", let n = Int(words[1].trimmingCharacters(in: .punctuationCharacters)) {
            #expect(report.failures.first?.index == n, "\(c.bundle): \(report.failures)")
        } else if c.why.hasPrefix("private.jsonl") {
            #expect(report.failures.first?.check == "private")
        } else {
            #expect(report.failures.first?.index == nil, "\(c.bundle): \(report.failures)")
        }
    }

    @Test func aWrongPinnedKeyFails() throws {
        let other = NoteVerifierKey(name: "example.org/coledger-golden", publicKey: Ed25519SigningKey().publicKey)
        let report = try Bundle.verify(directory: Self.golden.appendingPathComponent("bundles/valid"), pinnedLogKey: other)
        #expect(!report.ok)
        #expect(report.failures.contains { $0.check == "logKey" })
        #expect(report.logKeyPinned)
    }

    @Test func aMissingDirectoryCannotBeRead() {
        #expect(throws: Bundle.ReadError.self) {
            try Bundle.verify(directory: Self.golden.appendingPathComponent("bundles/no-such"), pinnedLogKey: nil)
        }
    }
}
