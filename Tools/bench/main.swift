// coledger-bench: measures the ledger against the machine's raw limits, in one run.
//
//   swift run -c release coledger-bench [--events N] [--appends M] [--proofs K] [--dir DIR] [--json]
//       [--ledger PATH [--queries Q] [--provenance-queries P] [--runs R] [--projections-only]]
//
// Prints each figure beside its limit and the ratio the targets are stated in. With --ledger, it
// also measures the projections on that existing ledger (e.g. a `coledger demo --events 1000000`
// ledger): read+parse, full rebuild, queries and `state --at` the midpoint (ProjectionBench.swift).
import CSodium
import Foundation
import GRDBSQLite
import LedgerCore
import LedgerStore

struct Options {
    var events = 100_000
    var appends = 1_000
    var proofs = 2_000
    var dir: String?
    var json = false
    var ledger: String?
    var queries = 300
    var provenanceQueries = 20
    var runs = 1
    var projectionsOnly = false

    init(_ args: [String]) {
        var i = 0
        func value() -> String { i += 1; return i < args.count ? args[i] : "" }
        while i < args.count {
            switch args[i] {
            case "--events": events = Int(value()) ?? events
            case "--appends": appends = Int(value()) ?? appends
            case "--proofs": proofs = Int(value()) ?? proofs
            case "--dir": dir = value()
            case "--json": json = true
            case "--ledger": ledger = value()
            case "--queries": queries = Int(value()) ?? queries
            case "--provenance-queries": provenanceQueries = Int(value()) ?? provenanceQueries
            case "--projections-only": projectionsOnly = true
            case "--runs": runs = Int(value()) ?? runs
            case "-h", "--help":
                print("""
                    usage: coledger-bench [--events N (100000)] [--appends M (1000)] [--proofs K (2000)] [--dir DIR] [--json]
                                          [--ledger PATH [--queries Q (300)] [--provenance-queries P (20)] [--runs R (1)]
                                                         [--projections-only]]
                      --ledger PATH        also measure the projections on this existing ledger (it rebuilds them in
                                           that file): read+parse, full rebuild, trace/action/provenance queries,
                                           state --at the midpoint
                      --runs R             repeat read+parse and the rebuild R times; report the median run
                      --projections-only   skip the raw-limit and fresh-ledger sections
                    """)
                exit(0)
            default:
                FileHandle.standardError.write(Data("coledger-bench: unknown argument \(args[i])\n".utf8))
                exit(2)
            }
            i += 1
        }
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let cores = ProcessInfo.processInfo.activeProcessorCount
let workDir = URL(fileURLWithPath: options.dir ?? NSTemporaryDirectory()).appendingPathComponent("coledger-bench-\(getpid())")
try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: workDir) }

func log(_ s: String) { FileHandle.standardError.write(Data("bench: \(s)\n".utf8)) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

/// Measures the projections of `--ledger` and prints them (a table, or JSON).
func projectionSection() throws {
    guard let path = options.ledger else { return }
    let figures = try ProjectionBench.run(
        ledgerPath: path, queries: options.queries, provenanceQueries: options.provenanceQueries, runs: options.runs, log: log)
    if options.json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(figures), as: UTF8.self))
        return
    }
    print("\nProjections of \(path) (\(cores) cores, release build)")
    print("| figure | value | note | target |")
    print("|---|---:|---|---|")
    for f in figures {
        let value: String
        switch f.unit {
        case "ms": value = String(format: "%.2f ms", f.value)
        case "s": value = String(format: "%.2f s", f.value)
        case "ratio": value = String(format: "%.2f", f.value)
        default: value = String(format: "%.0f %@", f.value, f.unit)
        }
        print("| \(f.figure) | \(value) | \(f.note) | \(f.target) |")
    }
}

if options.projectionsOnly {
    if let path = options.ledger, ProcessInfo.processInfo.environment["COLEDGER_PROFILE"] != nil {
        print(try ProjectionBench.profile(ledgerPath: path, count: 50_000))
        exit(0)
    }
    try projectionSection()
    exit(0)
}

// A ~300-byte event payload, deterministic.
func draft(_ n: Int) -> String {
    let text = "We asked for interpreters at every clinic."
    return "{\"type\":\"bench.note\",\"typeVersion\":1,\"stream\":\"bench/\(n % 1000)\",\"payload\":{\"n\":\(n),\"text\":\"\(text)\"}}"
}

// MARK: - Raw limits

log("raw libsodium Ed25519 sign/verify (one core)")
_ = sodium_init()
let message = [UInt8](repeating: 0x61, count: 320)
var pk = [UInt8](repeating: 0, count: 32)
var sk = [UInt8](repeating: 0, count: 64)
crypto_sign_keypair(&pk, &sk)
var sig = [UInt8](repeating: 0, count: 64)
let signCount = 20_000
let signTime = seconds {
    for _ in 0..<signCount { crypto_sign_detached(&sig, nil, message, UInt64(message.count), sk) }
}
let rawSign = Double(signCount) / signTime
let verifyCount = 10_000
var okCount = 0
let verifyTime = seconds {
    for _ in 0..<verifyCount where crypto_sign_verify_detached(sig, message, UInt64(message.count), pk) == 0 { okCount += 1 }
}
precondition(okCount == verifyCount)
let rawVerify = Double(verifyCount) / verifyTime

log("raw SQLite inserts of same-sized rows")
func rawInserts(rows: Int, commitEach: Bool) -> Double {
    let path = workDir.appendingPathComponent("raw-\(commitEach).db").path
    var db: OpaquePointer?
    sqlite3_open(path, &db)
    defer { sqlite3_close(db) }
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(idx INTEGER PRIMARY KEY, id TEXT NOT NULL, bytes BLOB NOT NULL)", nil, nil, nil)
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, "INSERT INTO t(idx, id, bytes) VALUES (?, ?, ?)", -1, &stmt, nil)
    defer { sqlite3_finalize(stmt) }
    let row = [UInt8](repeating: 0x62, count: 450)
    let id = UUID().uuidString.lowercased()
    let time = seconds {
        if !commitEach { sqlite3_exec(db, "BEGIN", nil, nil, nil) }
        for i in 0..<rows {
            sqlite3_bind_int64(stmt, 1, Int64(i))
            sqlite3_bind_text(stmt, 2, id + String(i), -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            sqlite3_bind_blob(stmt, 3, row, Int32(row.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            sqlite3_step(stmt)
            sqlite3_reset(stmt)
        }
        if !commitEach { sqlite3_exec(db, "COMMIT", nil, nil, nil) }
    }
    return Double(rows) / time
}
let rawInsertTx = rawInserts(rows: options.events, commitEach: false)
let rawInsertCommit = rawInserts(rows: options.appends, commitEach: true)

// MARK: - Ledger

log("import \(options.events) events (parse JSON Lines, sign on \(cores) cores, append in one transaction)")
let logKey = Ed25519SigningKey()
let admin = Ed25519SigningKey()
let ledger = try Ledger.create(path: workDir.appendingPathComponent("bench.db").path, origin: "bench.example/log", logKey: logKey, admins: [admin])
let jsonl = Array((0..<options.events).map(draft).joined(separator: "\n").utf8)
let importTime = try seconds {
    let lines = jsonl.split(separator: 0x0A).map { Array($0) }
    let drafts = Parallel.map(lines, workers: cores) { try? CanonicalJSON.parse($0) }.compactMap { $0 }
    precondition(drafts.count == options.events)
    _ = try ledger.append(drafts: drafts, signer: admin)
}
let importRate = Double(options.events) / importTime
let sampleSize = try ledger.entry(at: 5)?.entry.bytes.count ?? 0

log("\(options.appends) single durable appends (one transaction and fsync each)")
let appendTime = try seconds {
    for n in 0..<options.appends {
        _ = try ledger.append(draft: try CanonicalJSON.parse(Array(draft(options.events + n).utf8)), signer: admin)
    }
}
let appendRate = Double(options.appends) / appendTime

_ = try ledger.signCheckpoint(with: logKey)
let size = try ledger.size()

log("full verify of \(size) entries on \(cores) cores")
var report: VerificationReport?
let verifyTimeFull = try seconds { report = try ledger.verify() }
precondition(report?.ok == true, "the benchmark ledger must verify")
let verifyRate = Double(size) / verifyTimeFull

log("\(options.proofs) inclusion and consistency proofs at size \(size)")
var rng = SystemRandomNumberGenerator()
var inclusion: [Double] = []
var consistency: [Double] = []
for _ in 0..<options.proofs {
    let index = Int.random(in: 0..<size, using: &rng)
    inclusion.append(try seconds { _ = try ledger.inclusionProof(index: index, size: size) } * 1000)
    let old = Int.random(in: 1..<size, using: &rng)
    consistency.append(try seconds { _ = try ledger.consistencyProof(oldSize: old, newSize: size) } * 1000)
}

// MARK: - Report

struct Row: Codable {
    var figure: String
    var value: Double
    var unit: String
    var limit: String
    var ratio: Double?
    var target: String
}
let importLimit = min(rawSign, rawInsertTx)
let rows = [
    Row(figure: "import (sign every event)", value: importRate, unit: "events/s", limit: String(format: "min(sign %.0f, insert %.0f)", rawSign, rawInsertTx), ratio: importRate / importLimit, target: ">= 0.70"),
    Row(figure: "single durable append", value: appendRate, unit: "appends/s", limit: String(format: "one-commit insert %.0f/s", rawInsertCommit), ratio: appendRate / rawInsertCommit, target: ">= 0.85"),
    Row(figure: "full verify", value: verifyRate, unit: "events/s", limit: String(format: "verify %.0f/s x %d cores", rawVerify, cores), ratio: verifyRate / (rawVerify * Double(cores)), target: ">= 0.75"),
    Row(figure: "inclusion proof median", value: percentile(inclusion, 0.5), unit: "ms", limit: "", ratio: nil, target: ""),
    Row(figure: "inclusion proof p99", value: percentile(inclusion, 0.99), unit: "ms", limit: "", ratio: nil, target: "< 1 ms at 1M"),
    Row(figure: "consistency proof median", value: percentile(consistency, 0.5), unit: "ms", limit: "", ratio: nil, target: ""),
    Row(figure: "consistency proof p99", value: percentile(consistency, 0.99), unit: "ms", limit: "", ratio: nil, target: "< 1 ms at 1M"),
    Row(figure: "raw Ed25519 sign (1 core)", value: rawSign, unit: "/s", limit: "", ratio: nil, target: ""),
    Row(figure: "raw Ed25519 verify (1 core)", value: rawVerify, unit: "/s", limit: "", ratio: nil, target: ""),
    Row(figure: "raw SQLite insert, one transaction", value: rawInsertTx, unit: "rows/s", limit: "", ratio: nil, target: ""),
    Row(figure: "raw SQLite insert, one commit each", value: rawInsertCommit, unit: "rows/s", limit: "", ratio: nil, target: ""),
]
if options.json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(["events": Double(options.events), "entryBytes": Double(sampleSize), "cores": Double(cores)]), as: UTF8.self))
    print(String(decoding: try encoder.encode(rows), as: UTF8.self))
} else {
    print("Coledger benchmark: \(size) entries of ~\(sampleSize) bytes, \(cores) cores, release build")
    print("| figure | value | limit | ratio | target |")
    print("|---|---:|---|---:|---|")
    for r in rows {
        let value = r.unit == "ms" ? String(format: "%.3f ms", r.value) : String(format: "%.0f %@", r.value, r.unit)
        print("| \(r.figure) | \(value) | \(r.limit) | \(r.ratio.map { String(format: "%.2f", $0) } ?? "") | \(r.target) |")
    }
}

try projectionSection()

if ProcessInfo.processInfo.environment["COLEDGER_PROFILE"] != nil {
    let sample = try ledger.entries(from: 10, limit: 20_000).map(\.entry.bytes)
    var jsons: [JSONValue] = []
    let tParse = try seconds { for b in sample { jsons.append(try CanonicalJSON.parse(b)) } }
    let tCanon = seconds { for (j, b) in zip(jsons, sample) { _ = CanonicalJSON.isCanonical(j, bytes: b) } }
    let tEntry = try seconds { for (j, b) in zip(jsons, sample) { _ = try Entry(json: j, bytes: b, checkCanonical: false) } }
    let tHash = seconds { for b in sample { _ = RFC6962.leafHash(b) } }
    let n = Double(sample.count) / 1e6
    print(String(format: "per entry: parse %.2f µs, canonical %.2f µs, entry %.2f µs, leaf hash %.2f µs", tParse / n, tCanon / n, tEntry / n, tHash / n))
}
