import Dispatch
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The portal's pages take the CLI's two clocks (`?as-of=` and `?at=`, issue 11), through the
/// built binary: `coledger serve` on the demo ledger, over real HTTP.
///
/// Hand-worked answers (the demo script, as in ``DemoPointsTests``): the template's 23 actions are
/// all planned until the first quarterly update of 2 July 2025 moves every one to in progress;
/// entries 0…49 are the genesis and the template; nothing is dated before 1 April 2023.
@Suite(.serialized) struct PortalPointsCLITests {
    /// A running `coledger serve`, stopped by ``stop()``.
    final class Server {
        let process: Process
        let base: String

        init(_ cli: CLI, ledger: String, extra: [String] = []) throws {
            let (p, out, _) = cli.process(
                ["--ledger", ledger, "serve", "--port", "0", "--audit-interval", "0", "--no-form"] + extra)
            try p.run()
            process = p
            // "Serving … at http://127.0.0.1:PORT/ — …": the first line once it listens.
            var line = Data()
            let handle = out.fileHandleForReading
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let match = text.firstMatch(of: /at (http:\/\/127\.0\.0\.1:\d+)\//) else {
                p.terminate()
                throw CLIFailure("serve did not start: \(text)")
            }
            base = String(match.1)
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }

        func get(_ path: String) throws -> (status: Int, text: String) {
            let url = try #require(URL(string: base + path))
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var answer: (Int, String)?
            URLSession.shared.dataTask(with: url) { data, response, _ in
                if let http = response as? HTTPURLResponse {
                    answer = (http.statusCode, String(decoding: data ?? Data(), as: UTF8.self))
                }
                done.signal()
            }.resume()
            done.wait()
            let (status, text) = try #require(answer, "no answer from \(path)")
            return (status, text)
        }

        func json(_ path: String) throws -> [String: Any] {
            let (status, text) = try get(path)
            try #require(status == 200, "\(path): \(status) \(text)")
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
    }

    static func totals(_ plan: [String: Any]) -> [String: Int] {
        (plan["totals"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
    }

    @Test func pagesTakeAsOfAndAtWithTheCLIsMeaning() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let dir = try cli.makeDemo()
        let ledger = dir + "/coledger.db"
        let server = try Server(cli, ledger: ledger)
        defer { server.stop() }

        // As of 1 July 2025 every action is planned; as of 2 July every one is in progress.
        let july1 = Self.totals(try server.json("/api/plan?as-of=2025-07-01"))
        #expect(july1["total"] == 23 && july1["planned"] == 23 && july1["inProgress"] == 0, "\(july1)")
        let july2 = try server.json("/api/plan?as-of=2025-07-02")
        #expect(Self.totals(july2)["inProgress"] == 23 && Self.totals(july2)["planned"] == 0, "\(july2)")
        #expect(july2["asOf"] as? String == "2025-07-02")
        // By index: the log's first 50 entries are the genesis and the template: 23 planned actions.
        let template = try server.json("/api/plan?at=50")
        #expect(Self.totals(template)["planned"] == 23 && template["entries"] as? Int == 50, "\(template)")

        // The CLI verb and the page give the same answer for the same point.
        for (query, options) in [("as-of=2025-07-02", ["--as-of", "2025-07-02"]), ("at=50", ["--at", "50"])] {
            let verb = try cli.run(["--ledger", ledger, "plan", "--json"] + options)
            try #require(verb.status == 0, "\(verb.stderr)")
            let fromVerb = try #require(
                try JSONSerialization.jsonObject(with: Data(verb.stdout.utf8)) as? [String: Any])
            let page = try server.json("/api/plan?" + query)
            let verbActions = (fromVerb["actions"] as? [[String: Any]] ?? []).compactMap {
                ($0["action"] as? [String: Any]).map { "\($0["code"] ?? "") \($0["status"] ?? "")" }
            }
            let pageActions = (page["actions"] as? [[String: Any]] ?? []).map {
                "\($0["code"] ?? "") \($0["status"] ?? "")"
            }
            #expect(verbActions.count == 23 && verbActions == pageActions, "\(query)")
        }

        // The page says which point it shows, in the CLI's words, and its links keep the point.
        let page = try server.get("/plan?as-of=2025-07-01")
        #expect(page.status == 200)
        #expect(
            page.text.contains(
                "This page shows the record as of 2025-07-01 (events that had happened by then), in the log as it is now."
            ))
        #expect(page.text.contains("the plan has 23 actions: 0 done, 0 in progress, 23 planned"))
        #expect(page.text.contains("href=\"/decisions?as-of=2025-07-01\""))
        let byIndex = try server.get("/decisions?at=50")
        #expect(
            byIndex.status == 200 && byIndex.text.contains("This page shows the record before entry 50."),
            "\(byIndex.text)")

        // Before anything happened: a page that says so, not an empty one; the CLI refuses the same point.
        let nothing = try server.get("/plan?as-of=2023-03-31")
        #expect(nothing.status == 200 && nothing.text.contains("nothing had happened by 2023-03-31"), "\(nothing.text)")
        #expect(try cli.run("--ledger", ledger, "plan", "--as-of", "2023-03-31").status != 0)
        // Malformed: 400 naming the parameter.
        let bad = try server.get("/api/plan?as-of=2025-13-01")
        #expect(bad.status == 400 && bad.text.contains("\"field\":\"as-of\""), "\(bad.text)")
        let badAt = try server.get("/plan?at=yesterday")
        #expect(badAt.status == 400 && badAt.text.contains("at yesterday is not a point of the log"), "\(badAt.text)")

        // serve --now is refused, naming --as-of.
        let retired = try cli.run("--ledger", ledger, "serve", "--port", "0", "--now", "2026-03-31")
        #expect(retired.status != 0 && retired.stderr.contains("--as-of"), "\(retired.stderr)")
    }
}
