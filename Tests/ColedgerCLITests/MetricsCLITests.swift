import Foundation
import GRDB
import LedgerDomain
import Testing

/// `coledger metrics` and `coledger cadence` end to end, on the demo ledger.
@Suite(.serialized) struct MetricsCLITests {
    /// A raw count as the projection's tables hold it.
    struct Raw {
        var cells: [String: (n: Int, d: Int?)] = [:]
        var completeness: (notStated: Int, notKnown: Int, total: Int?)?
    }

    /// The rule worked out by hand: 1-7 hidden, others to the nearest 5.
    static func expected(_ raw: Int) -> Int? { (1...7).contains(raw) ? nil : (raw + 2) / 5 * 5 }

    /// Tallies of the figures checked.
    struct Tally {
        var checked = 0, hidden = 0, hiddenAbove7 = 0
        var problems: [String] = []

        /// Checks a published count against its raw value; returns whether it is hidden.
        @discardableResult
        mutating func check(_ figure: Any?, raw: Int, _ what: String) -> Bool {
            checked += 1
            guard let o = figure as? [String: Any] else {
                problems.append("\(what): not a figure object")
                return false
            }
            if o["suppressed"] as? Bool == true {
                if o["value"] != nil { problems.append("\(what): suppressed but carries a value") }
                hidden += 1
                if raw > 7 { hiddenAbove7 += 1 }
                return true
            }
            guard let shown = o["value"] as? Int else {
                problems.append("\(what): neither shown nor suppressed: \(o)")
                return false
            }
            if let want = MetricsCLITests.expected(raw) {
                if shown != want { problems.append("\(what): shows \(shown) for raw \(raw), expected \(want)") }
            } else {
                problems.append("\(what): shows \(shown) for a raw count of \(raw), which must be hidden")
            }
            return false
        }
    }

    static func readRaw(_ path: String) throws -> [String: Raw] {
        var config = Configuration()
        config.readonly = true
        let db = try DatabaseQueue(path: path, configuration: config)
        return try db.read { db in
            var out: [String: Raw] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT metric_id, log_index, dims, n, d FROM metric_cells") {
                let key = "\(r["metric_id"] as String)#\(r["log_index"] as Int)"
                out[key, default: Raw()].cells[r["dims"]] = (r["n"], r["d"])
            }
            for r in try Row.fetchAll(db, sql: "SELECT metric_id, log_index, not_stated, not_known, completeness_total FROM metric_observations") {
                let key = "\(r["metric_id"] as String)#\(r["log_index"] as Int)"
                if let ns = r["not_stated"] as Int?, let nk = r["not_known"] as Int? {
                    out[key, default: Raw()].completeness = (ns, nk, r["completeness_total"])
                }
            }
            return out
        }
    }

    /// The raw (n, d) of a row: a cell, or for a rolled-up ethnic group the sum of its categories.
    static func raw(of dims: [String: String], derived: Bool, in raw: Raw) -> (n: Int, d: Int?)? {
        if derived, let g = dims["ethnicity_group"] {
            let members = raw.cells.filter { key, _ in
                guard key.hasPrefix("ethnicity="), let code = EthnicityCode(rawValue: String(key.dropFirst("ethnicity=".count))) else { return false }
                return (code.group?.rawValue ?? code.rawValue) == g
            }.map(\.value)
            guard !members.isEmpty else { return nil }
            let d = members.allSatisfy { $0.d != nil } ? members.reduce(0) { $0 + ($1.d ?? 0) } : nil
            return (members.reduce(0) { $0 + $1.n }, d)
        }
        let key = dims.keys.sorted { a, b in
            let order = MetricVocabulary.Dimension.allCases.map(\.rawValue)
            return (order.firstIndex(of: a) ?? 99) < (order.firstIndex(of: b) ?? 99)
        }.map { "\($0)=\(dims[$0] ?? "")" }.joined(separator: ",")
        return raw.cells[key]
    }

    @Test func noSuppressedCountOfTheDemoLeavesAndCommandsAgree() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let dir = try cli.makeDemo()
        let ledger = dir + "/coledger.db"

        let live = try cli.run("metrics", "--ledger", ledger, "--json")
        try #require(live.status == 0, "metrics failed: \(live.stderr)")
        let raw = try Self.readRaw(ledger)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(live.stdout.utf8)) as? [String: Any])
        let metrics = try #require(report["metrics"] as? [[String: Any]])
        #expect(metrics.count == 14)
        var tally = Tally()
        var observations = 0
        for m in metrics {
            let id = try #require((m["definition"] as? [String: Any])?["metricId"] as? String)
            for o in m["observations"] as? [[String: Any]] ?? [] {
                observations += 1
                let index = try #require(o["index"] as? Int)
                let r = try #require(raw["\(id)#\(index)"], "no raw cells for \(id) at \(index)")
                if let h = o["headline"] as? [String: Any], let cell = r.cells[""] {
                    tally.check(h["count"], raw: cell.n, "\(id)#\(index) headline")
                    if let d = cell.d, h["denominator"] != nil { tally.check(h["denominator"], raw: d, "\(id)#\(index) headline denominator") }
                }
                for b in o["breakdowns"] as? [[String: Any]] ?? [] {
                    let derived = b["derived"] as? Bool ?? false
                    let rate = b["measure"] as? String == "rate"
                    var hiddenN = 0, hiddenD = 0, sumN = 0, sumD = 0
                    for row in b["rows"] as? [[String: Any]] ?? [] {
                        let dims = row["dims"] as? [String: String] ?? [:]
                        let what = "\(id)#\(index) \(dims)"
                        guard let cell = Self.raw(of: dims, derived: derived, in: r) else {
                            tally.problems.append("\(what): no raw cell")
                            continue
                        }
                        sumN += cell.n
                        if tally.check(row["count"], raw: cell.n, what) { hiddenN += 1 }
                        if rate, let d = cell.d {
                            sumD += d
                            if tally.check(row["denominator"], raw: d, what + " denominator") { hiddenD += 1 }
                        }
                    }
                    let overall = b["overall"] as? [String: Any] ?? [:]
                    // A row with exactly one hidden count could be worked out from the total: never.
                    if hiddenN == 1 && overall["count"].flatMap({ ($0 as? [String: Any])?["value"] }) != nil {
                        tally.problems.append("\(id)#\(index) by \(b["by"] ?? ""): one hidden count beside a shown total")
                    }
                    if hiddenD == 1 { tally.problems.append("\(id)#\(index) by \(b["by"] ?? ""): one hidden denominator") }
                    tally.check(overall["count"], raw: sumN, "\(id)#\(index) overall")
                    if rate { tally.check(overall["denominator"], raw: sumD, "\(id)#\(index) overall denominator") }
                }
                if let c = o["completeness"] as? [String: Any], let rc = r.completeness {
                    tally.check(c["notStated"], raw: rc.notStated, "\(id)#\(index) not stated")
                    tally.check(c["notKnown"], raw: rc.notKnown, "\(id)#\(index) not known")
                    if let t = rc.total { tally.check(c["total"], raw: t, "\(id)#\(index) total") }
                }
            }
        }
        #expect(tally.problems.isEmpty, "\(tally.problems.prefix(10))")
        // The demo has small cells: some counts are hidden, some of them by secondary suppression.
        #expect(observations > 60 && tally.checked > 2000 && tally.hidden > 20 && tally.hiddenAbove7 > 0)

        // Live == rebuilt == from the exported bundle (the restricted one too).
        #expect(try cli.run("rebuild", "--ledger", ledger, "metrics").status == 0)
        #expect(try cli.run("metrics", "--ledger", ledger, "--json").stdout == live.stdout)
        for bundle in ["bundle", "bundle-restricted"] {
            #expect(try cli.run("metrics", "--bundle", dir + "/" + bundle, "--json").stdout == live.stdout)
        }

        // Cadence: region MID held one review (August) and never the second.
        let cadence = try cli.run("cadence", "--ledger", ledger, "--as-of", "2026-03-31", "--json")
        try #require(cadence.status == 0, "cadence failed: \(cadence.stderr)")
        let c = try #require(try JSONSerialization.jsonObject(with: Data(cadence.stdout.utf8)) as? [String: Any])
        let regions = c["reviews"] as? [[String: Any]] ?? []
        let mid = try #require(regions.first { $0["regionId"] as? String == "MID" })
        #expect(mid["status"] as? String == "overdue" && mid["heldThisPlanYear"] as? Int == 1 && mid["expectedPerPlanYear"] as? Int == 2)
        #expect(regions.filter { $0["regionId"] as? String != "MID" }.allSatisfy { $0["status"] as? String == "on_track" && $0["heldThisPlanYear"] as? Int == 2 })
        let lapses = c["lapses"] as? [String] ?? []
        #expect(lapses.count == 1 && lapses.first?.hasPrefix("Region MID (Midlands): no review since 2025-08-") == true)
        #expect(try cli.run("rebuild", "--ledger", ledger, "cadence").status == 0)
        #expect(try cli.run("cadence", "--ledger", ledger, "--as-of", "2026-03-31", "--json").stdout == cadence.stdout)
        #expect(try cli.run("cadence", "--bundle", dir + "/bundle", "--as-of", "2026-03-31", "--json").stdout == cadence.stdout)
        let table = try cli.run("cadence", "--ledger", ledger, "--as-of", "2026-03-31")
        let midLine = table.stdout.split(separator: "\n").first { $0.hasPrefix("MID ") } ?? ""
        #expect(midLine.contains("1 of 2") && midLine.contains("OVERDUE"))
        // Replayed to just before and just after MID's review (by entry index), judged on 1 October 2025.
        let midIndex = try #require(((mid["reviews"] as? [[String: Any]])?.first?["review"] as? [String: Any])?["index"] as? Int)
        for (point, reviews) in [(midIndex, 0), (midIndex + 1, 1)] {
            let replay = try cli.run("cadence", "--ledger", ledger, "--at", "\(point)", "--as-of", "2025-10-01", "--json")
            let r = try #require(try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any])
            let m = (r["reviews"] as? [[String: Any]])?.first { $0["regionId"] as? String == "MID" }
            #expect((m?["reviews"] as? [Any])?.count == reviews && r["entriesFolded"] as? Int == point && (r["lapses"] as? [Any])?.isEmpty == true)
        }

        // People's tables: hidden counts print as *, never a number.
        let detail = try cli.run("metrics", "--ledger", ledger, "M-SUD-MID", "--latest", "--by", "ethnicity")
        #expect(detail.status == 0 && detail.stdout.contains("Completeness: not stated") && detail.stdout.contains("*"))
    }

    @Test func badInputIsRefusedNamingTheField() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let byColour = try cli.run("metrics", "--by", "colour")
        #expect(byColour.status != 0 && byColour.stderr.contains("--by") && byColour.stderr.contains("colour"))
        let period = try cli.run("metrics", "--period", "2025-13")
        #expect(period.status != 0 && period.stderr.contains("--period"))
        let unknown = try cli.run("metrics", "M-NOPE")
        #expect(unknown.status != 0 && unknown.stderr.contains("no metric M-NOPE"))
        let asOf = try cli.run("cadence", "--as-of", "yesterday")
        #expect(asOf.status != 0 && asOf.stderr.contains("--as-of"))
        // An empty ledger has no metrics and nothing behind yet.
        #expect(try cli.run("metrics", "--json").stdout.contains("\"metrics\":[]"))
        // A date before anything happened (the ledger was made today) is refused, saying so;
        // from the day it was made the cadence answers.
        let before = try cli.run("cadence", "--as-of", "2000-01-01")
        #expect(before.status != 0 && before.stderr.contains("nothing had happened by 2000-01-01"))
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        #expect(try cli.run("cadence", "--as-of", today).status == 0)
        // The write verb is still there.
        #expect(try cli.run("metric", "observe", "--help").status == 0)
    }
}
