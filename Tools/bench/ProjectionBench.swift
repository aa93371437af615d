// The projections section of coledger-bench: read+parse, full rebuild, queries and replay, measured
// on an existing ledger (`--ledger PATH`, e.g. a `coledger demo --events 1000000` ledger).
import Foundation
import GRDB
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore

/// One figure of the projections section.
struct ProjectionFigure: Codable {
    var figure: String
    var value: Double
    var unit: String
    var note: String
    var target: String
}

/// Ids to query, collected from the log during the read+parse pass.
struct QueryIds {
    var contributions: [String] = []
    var persons: [String] = []
    var decisions: [String] = []
    var actionCodes: [String] = []

    mutating func collect(_ entry: Entry) {
        let payload = entry.event.payload
        switch entry.event.type {
        case "contribution.recorded":
            if let id = payload["contributionId"]?.stringValue { contributions.append(id) }
            if let person = payload["personId"]?.stringValue { persons.append(person) }
        case "decision.proposed":
            if let id = payload["decisionId"]?.stringValue { decisions.append(id) }
        case "action.created":
            if let code = payload["actionCode"]?.stringValue { actionCodes.append(code) }
        default:
            break
        }
    }

    /// Up to `n` ids drawn with replacement by a seeded generator (the same ids every run).
    static func sample(_ ids: [String], _ n: Int, seed: UInt64) -> [String] {
        let unique = Array(Set(ids)).sorted()
        guard !unique.isEmpty else { return [] }
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in unique[Int(rng.next() % UInt64(unique.count))] }
    }
}

/// CPU seconds of the process or of the calling thread.
func cpuNow(_ clock: clockid_t = CLOCK_PROCESS_CPUTIME_ID) -> Double {
    var t = timespec()
    clock_gettime(clock, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Wall and process CPU seconds of `body` (CPU shows what the run cost when others share the cores).
func cpuAndWall(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let c0 = cpuNow()
    let wall = try seconds(body)
    return (wall, cpuNow() - c0)
}

enum ProjectionBench {
    static func run(ledgerPath: String, queries: Int, provenanceQueries: Int, runs: Int, log: (String) -> Void) throws -> [ProjectionFigure] {
        let ledger = try Ledger.open(path: ledgerPath, policies: [DomainPolicy.standard])
        let size = try ledger.size()
        var figures: [ProjectionFigure] = []
        if ProcessInfo.processInfo.environment["COLEDGER_BENCH_ONLY"] == "rebuild" {
            let t0 = cpuNow(CLOCK_THREAD_CPUTIME_ID)
            let (wall, cpu) = try cpuAndWall { try Projections(ledger: ledger).rebuild() }
            let fold = cpuNow(CLOCK_THREAD_CPUTIME_ID) - t0
            log(String(format: "rebuild: %.2f s wall, %.2f s CPU (%.2f s on the folding thread), %.0f events/s", wall, cpu, fold, Double(size) / wall))
            return []
        }

        // Read+parse and rebuild alternate, `runs` times; each figure is the median run.
        var ids = QueryIds()
        var parses: [(wall: Double, cpu: Double)] = []
        var scans: [(wall: Double, cpu: Double)] = []
        var rebuilds: [(wall: Double, cpu: Double)] = []
        var foldThread: [Double] = []
        let projections = Projections(ledger: ledger)
        for run in 1...max(1, runs) {
            log("run \(run): read and parse every entry of \(size) (Ledger.forEachEntryChunk: SQLite, JSON parse, entry and canonical checks, every core)")
            var parsed = 0
            var collected = QueryIds()
            parses.append(try cpuAndWall {
                try ledger.forEachEntryChunk { chunk in
                    parsed += chunk.count
                    for (_, entry) in chunk { collected.collect(entry) }
                }
            })
            precondition(parsed == size, "every entry must parse")
            ids = collected
            log("run \(run): read and scan every entry as the projections' reader does (envelope only, every core)")
            var scanned = 0
            scans.append(try cpuAndWall { scanned = try ProjectionRunner.readAndScan(ledger) })
            precondition(scanned == size, "every entry must scan")
            log("run \(run): full rebuild of every projection from entry 0 (Projections.rebuild, as `coledger rebuild` calls it)")
            let t0 = cpuNow(CLOCK_THREAD_CPUTIME_ID)
            rebuilds.append(try cpuAndWall { try projections.rebuild() })
            foldThread.append(cpuNow(CLOCK_THREAD_CPUTIME_ID) - t0)
            let folded = try projections.entriesFolded()
            precondition(folded == size, "the rebuild must fold every entry")
        }
        func median(_ xs: [(wall: Double, cpu: Double)]) -> (wall: Double, cpu: Double) {
            xs.sorted { $0.wall < $1.wall }[xs.count / 2]
        }
        func note(_ x: (wall: Double, cpu: Double)) -> String {
            String(format: "%.2f s wall, %.2f s CPU%@", x.wall, x.cpu, runs > 1 ? ", median of \(runs)" : "")
        }
        let parse = median(parses)
        let scan = median(scans)
        let rebuild = median(rebuilds)
        let parseRate = Double(size) / parse.wall
        let scanRate = Double(size) / scan.wall
        let rebuildRate = Double(size) / rebuild.wall
        figures.append(ProjectionFigure(figure: "read + parse every entry (Entry)", value: parseRate, unit: "entries/s", note: note(parse), target: ""))
        figures.append(ProjectionFigure(
            figure: "read + scan every entry (projections' reader)", value: scanRate, unit: "entries/s", note: note(scan), target: ""))
        figures.append(ProjectionFigure(
            figure: "full rebuild (\(projections.runner.names.joined(separator: ", ")))", value: rebuildRate, unit: "events/s",
            note: note(rebuild) + String(format: " (%.2f s on the folding thread)", foldThread.sorted()[foldThread.count / 2]),
            target: ">= 200000"))
        figures.append(ProjectionFigure(
            figure: "rebuild / read+parse", value: rebuildRate / parseRate, unit: "ratio", note: "", target: ">= 0.50"))
        figures.append(ProjectionFigure(
            figure: "rebuild / read+scan", value: rebuildRate / scanRate, unit: "ratio", note: "", target: ""))

        // Queries: each through the library call its CLI command makes, on a fresh `Projections`
        // as a command would open (so each catches up first, as every query does).
        func measure(_ name: String, _ sample: [String], _ body: (String) throws -> Void) rethrows {
            guard !sample.isEmpty else {
                log("\(name): no ids in this ledger, skipped")
                return
            }
            log("\(sample.count) \(name) queries")
            var times: [Double] = []
            for id in sample { times.append(try seconds { try body(id) } * 1000) }
            figures.append(ProjectionFigure(
                figure: "\(name) median", value: percentile(times, 0.5), unit: "ms", note: "\(sample.count) random ids", target: ""))
            figures.append(ProjectionFigure(
                figure: "\(name) p99", value: percentile(times, 0.99), unit: "ms", note: "", target: "< 20 ms"))
        }
        let now = CivilDate(parsing: "2026-04-01") ?? CivilDate(dayNumber: 0)
        let live = Projections(ledger: ledger)
        try measure("trace CONTRIBUTION", QueryIds.sample(ids.contributions, queries, seed: 1)) {
            _ = try live.trace(contribution: $0)
        }
        try measure("trace --person", QueryIds.sample(ids.persons, queries, seed: 2)) { _ = try live.trace(person: $0) }
        try measure("action CODE", QueryIds.sample(ids.actionCodes, queries, seed: 3)) { _ = try live.action($0, now: now) }
        let provenanceSample = QueryIds.sample(ids.decisions, provenanceQueries, seed: 4)
        try measure("provenance DECISION", provenanceSample) { id in
            guard try Provenance.of(decision: id, in: ledger) != nil else { throw ProjectionError.notFound(id) }
        }

        let midpoint = size / 2
        log("state --at \(midpoint): replay into memory and summarise (Projections.replay + StateSummary, as `coledger state` does)")
        var summary: StateSummary?
        let (stateTime, stateCPU) = try cpuAndWall {
            let replay = try Projections.replay(LedgerEntrySource(ledger: ledger), at: .index(midpoint), ledger: ledger)
            summary = try StateSummary(replay, point: "before entry \(midpoint)", now: now)
        }
        precondition(summary?.entries == midpoint)
        figures.append(ProjectionFigure(
            figure: "state --at \(midpoint)", value: stateTime, unit: "s",
            note: String(format: "%.2f s CPU; %d feedback items then", stateCPU, summary?.feedback.received ?? 0), target: "< 10 s"))
        return figures
    }
}

extension ProjectionBench {
    /// Where one entry's time goes, one core, on `count` entries from the middle of the log
    /// (`COLEDGER_PROFILE=1`).
    static func profile(ledgerPath: String, count: Int) throws -> String {
        let ledger = try Ledger.open(path: ledgerPath, policies: [DomainPolicy.standard])
        let from = max(0, try ledger.size() / 2 - count / 2)
        var raw: [(index: Int, bytes: [UInt8])] = []
        let tRead = try seconds { raw = try ledger.database.read { try Ledger.rawEntries($0, from: from, below: from + count, types: nil) } }
        var jsons: [JSONValue] = []
        let tParse = try seconds { for r in raw { jsons.append(try CanonicalJSON.parse(r.bytes)) } }
        var entries: [Entry] = []
        let tEntry = try seconds { for (j, r) in zip(jsons, raw) { entries.append(try Entry(json: j, bytes: r.bytes, checkCanonical: false)) } }
        let tCanon = seconds { for (j, r) in zip(jsons, raw) { _ = CanonicalJSON.isCanonical(j, bytes: r.bytes) } }
        var failures = 0
        let tDecode = seconds {
            for e in entries {
                if (try? Catalogue.decode(type: e.event.type, version: e.event.typeVersion, payload: .object(e.event.payload))) == nil { failures += 1 }
            }
        }
        let n = Double(raw.count) / 1e6
        return String(
            format: "per entry (%d entries, one core): SQLite read %.2f µs, JSON parse %.2f µs, entry checks %.2f µs, canonical check %.2f µs, typed payload decode %.2f µs (%d failed)",
            raw.count, tRead / n, tParse / n, tEntry / n, tCanon / n, tDecode / n, failures)
    }
}
