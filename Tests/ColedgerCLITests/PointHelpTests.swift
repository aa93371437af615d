import Foundation
import Testing

/// Issue 11's "README, the article and --help texts say the same thing", for the two clocks:
/// every read verb the DocC article "Time in Coledger" lists takes the same `--at` and `--as-of`
/// with the same help (one option group), the article's table names each of them, and `serve`
/// documents the pages' `?as-of=` / `?at=`.
@Suite struct PointHelpTests {
    static let verbs: [[String]] = [
        ["state"], ["plan"], ["action", "show"], ["feedback", "list"], ["trace"], ["decisions"], ["metrics"], ["cadence"],
        ["audit"],
    ]

    @Test func everyReadVerbTakesTheSameTwoClocks() throws {
        let cli = try CLI()
        defer { cli.remove() }
        var helps: [String: String] = [:]
        for verb in Self.verbs {
            let help = try cli.run(["help"] + verb).stdout
            let at = help.firstMatch(of: /--at <index\|date\|checkpoint\[:date\]>\s+([^\n]+)/)?.1
            let asOf = help.firstMatch(of: /--as-of <date>\s+([^\n]+)/)?.1
            #expect(at != nil && asOf != nil, "\(verb): \(help)")
            helps[verb.joined(separator: " ")] = "\(at ?? "") | \(asOf ?? "")"
        }
        #expect(Set(helps.values).count == 1, "one option group, one text: \(helps)")

        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let article = try String(
            contentsOf: root.appendingPathComponent("Sources/LedgerDomain/Docs.docc/Time.md"), encoding: .utf8)
        for verb in Self.verbs.map(\.[0]) { #expect(article.contains("`\(verb)"), "Time.md does not name \(verb)") }
        #expect(article.contains("`?as-of=DATE`") && article.contains("`?at=POINT`"))

        let serve = try cli.run("help", "serve").stdout
        #expect(serve.contains("?as-of=DATE") && serve.contains("--as-of <date>"), "\(serve)")
        #expect(!serve.contains("--now"), "serve --now is retired")
    }
}
