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
import LedgerDomain
import LedgerProjections
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
    var projectionFigures = false
    var cliAppends = 20
    var peerRate: Double?
    var peerName = "eventsourcing"

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
            case "--projection-figures": projectionFigures = true
            case "--cli-appends": cliAppends = Int(value()) ?? cliAppends
            case "--peer-rate": peerRate = Double(value())
            case "--peer-name": peerName = value()
            case "-h", "--help":
                print(
                    """
                    usage: coledger-bench [--events N (100000)] [--appends M (1000)] [--cli-appends C (20)] [--proofs K (2000)]
                                          [--dir DIR] [--json] [--peer-rate R --peer-name NAME]
                                          [--ledger PATH [--runs R (1)] [--projection-figures [--queries Q (300)]
                                                         [--provenance-queries P (20)]] [--projections-only]]
                      Whole-command figures run the built `coledger` beside this executable (or $COLEDGER_BIN).
                      --ledger PATH        also verify this domain ledger (policy replay) and rebuild its projections
                                           (it rebuilds them in that file), in process and as `coledger verify`/`rebuild`
                      --projection-figures also print the projections section: read+parse, trace/action/provenance
                                           queries, state --at the midpoint
                      --peer-rate R        a peer's one-projection rebuild rate (events/s, Tools/bench/peer), printed
                                           beside ours
                      --ledger PATH        also measure the projections on this existing ledger (it rebuilds them in
                                           that file): read+parse, full rebuild, trace/action/provenance queries,
                                           state --at the midpoint
                      --runs R             repeat the --ledger measurements R times; report the median run
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
let workDir = URL(fileURLWithPath: options.dir ?? NSTemporaryDirectory()).appendingPathComponent(
    "coledger-bench-\(getpid())")
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
        ledgerPath: path, queries: options.queries, provenanceQueries: options.provenanceQueries, runs: options.runs,
        log: log)
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
    return
        "{\"type\":\"bench.note\",\"typeVersion\":1,\"stream\":\"bench/\(n % 1000)\",\"payload\":{\"n\":\(n),\"text\":\"\(text)\"}}"
}

func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}
func median(_ values: [Double]) -> Double { percentile(values, 0.5) }
let startedAt = ISO8601DateFormatter().string(from: Date())
let loadAtStart = loadAverage()

// MARK: - The built CLI, run as users run it (a whole process)

/// `coledger` beside this executable, or $COLEDGER_BIN.
let coledgerBin: String = {
    if let bin = ProcessInfo.processInfo.environment["COLEDGER_BIN"], !bin.isEmpty { return bin }
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let me =
        n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("coledger").path
}()

/// CPU seconds (user + system) of every child process waited for so far.
func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
/// CPU seconds of the last `runCLI` child.
nonisolated(unsafe) var lastChildCPU = 0.0

/// Runs `coledger args…` to completion and returns its wall seconds (process start to exit).
@discardableResult
func runCLI(_ args: [String], output: UnsafeMutablePointer<String>? = nil) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: coledgerBin)
    process.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["COLEDGER_PASSPHRASE"] = "coledger-bench passphrase"
    process.environment = env
    let outURL = workDir.appendingPathComponent("cli.out")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    defer { try? out.close() }
    process.standardOutput = out
    process.standardError = out
    let cpu0 = childrenCPU()
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    process.waitUntilExit()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    lastChildCPU = childrenCPU() - cpu0
    let text = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0 else {
        log("coledger \(args.joined(separator: " ")) exited \(process.terminationStatus):\n\(text)")
        exit(1)
    }
    output?.pointee = text
    return wall
}
let haveCLI = FileManager.default.isExecutableFile(atPath: coledgerBin)
if !haveCLI {
    log(
        "no coledger binary at \(coledgerBin) (build it: swift build -c release --product coledger); whole-command figures skipped"
    )
}

// MARK: - Raw limits

log("raw libsodium Ed25519 sign/verify, one core and all \(cores) cores at once")
_ = sodium_init()
let message = [UInt8](repeating: 0x61, count: 320)
var pk = [UInt8](repeating: 0, count: 32)
var sk = [UInt8](repeating: 0, count: 64)
crypto_sign_keypair(&pk, &sk)
var sig = [UInt8](repeating: 0, count: 64)
crypto_sign_detached(&sig, nil, message, UInt64(message.count), sk)
let (publicKey, secretKey, signature) = (pk, sk, sig)

/// Operations per wall second of `perWorker` calls of `body` on each of `workers` threads at once,
/// and per CPU second.
func rate(workers: Int, perWorker: Int, _ body: @escaping @Sendable () -> Void) -> (wall: Double, cpu: Double) {
    let (wall, cpu) = cpuAndWall {
        DispatchQueue.concurrentPerform(iterations: workers) { _ in for _ in 0..<perWorker { body() } }
    }
    return (Double(workers * perWorker) / wall, Double(workers * perWorker) / cpu)
}
@Sendable func signOnce() {
    var out = [UInt8](repeating: 0, count: 64)
    crypto_sign_detached(&out, nil, message, UInt64(message.count), secretKey)
}
@Sendable func verifyOnce() {
    precondition(crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0)
}
let rawSign = rate(workers: 1, perWorker: 10_000, signOnce).wall
let (rawSignAll, signPerCPU) = rate(workers: cores, perWorker: 10_000, signOnce)
let rawVerify = rate(workers: 1, perWorker: 5_000, verifyOnce).wall
let (rawVerifyAll, verifyPerCPU) = rate(workers: cores, perWorker: 5_000, verifyOnce)

log("raw SQLite inserts of same-sized rows")
func rawInserts(rows: Int, commitEach: Bool) -> (wall: Double, cpu: Double) {
    let path = workDir.appendingPathComponent("raw-\(commitEach).db").path
    var db: OpaquePointer?
    sqlite3_open(path, &db)
    defer { sqlite3_close(db) }
    sqlite3_exec(
        db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(idx INTEGER PRIMARY KEY, id TEXT NOT NULL, bytes BLOB NOT NULL)",
        nil, nil, nil)
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, "INSERT INTO t(idx, id, bytes) VALUES (?, ?, ?)", -1, &stmt, nil)
    defer { sqlite3_finalize(stmt) }
    let row = [UInt8](repeating: 0x62, count: 450)
    let id = UUID().uuidString.lowercased()
    let (time, cpu) = cpuAndWall {
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
    return (Double(rows) / time, Double(rows) / cpu)
}
let (rawInsertTx, insertPerCPU) = rawInserts(rows: options.events, commitEach: false)
let rawInsertCommit = rawInserts(rows: options.appends, commitEach: true).wall

/// Rows per second of `SELECT bytes FROM entries` in index order, touching every byte (one core).
func rawScan(_ path: String) -> Double {
    var db: OpaquePointer?
    sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil)
    defer { sqlite3_close(db) }
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, "SELECT bytes FROM entries ORDER BY idx", -1, &stmt, nil)
    defer { sqlite3_finalize(stmt) }
    var rows = 0
    var checksum: UInt8 = 0
    let time = seconds {
        while sqlite3_step(stmt) == SQLITE_ROW {
            let n = Int(sqlite3_column_bytes(stmt, 0))
            if let p = sqlite3_column_blob(stmt, 0)?.assumingMemoryBound(to: UInt8.self) {
                for i in 0..<n { checksum &+= p[i] }
            }
            rows += 1
        }
    }
    precondition(rows > 0 || checksum == 0)
    return Double(rows) / time
}

// MARK: - Ledger, in process

log("import \(options.events) events in process (parse JSON Lines, sign on \(cores) cores, append in one transaction)")
let logKey = Ed25519SigningKey()
let admin = Ed25519SigningKey()
let benchPath = workDir.appendingPathComponent("bench.db").path
let ledger = try Ledger.create(path: benchPath, origin: "bench.example/log", logKey: logKey, admins: [admin])
let jsonlText = (0..<options.events).map(draft).joined(separator: "\n")
let jsonl = Array(jsonlText.utf8)
let (importTime, importCPU) = try cpuAndWall {
    let lines = jsonl.split(separator: 0x0A).map { Array($0) }
    let drafts = Parallel.map(lines, workers: cores) { try? CanonicalJSON.parse($0) }.compactMap { $0 }
    precondition(drafts.count == options.events)
    _ = try ledger.append(drafts: drafts, signer: admin)
}
let importRate = Double(options.events) / importTime
let sampleSize = try ledger.entry(at: 5)?.entry.bytes.count ?? 0

log("\(options.appends) single durable appends in process (one transaction and fsync each)")
let appendTime = try seconds {
    for n in 0..<options.appends {
        _ = try ledger.append(draft: try CanonicalJSON.parse(Array(draft(options.events + n).utf8)), signer: admin)
    }
}
let appendRate = Double(options.appends) / appendTime

_ = try ledger.signCheckpoint(with: logKey)
let size = try ledger.size()

log("raw scan of the entries table (\(size) rows)")
let rawScanRate = rawScan(benchPath)

log("full verify of \(size) entries in process on \(cores) cores")
var report: VerificationReport?
let (verifyTimeFull, verifyCPU) = try cpuAndWall { report = try ledger.verify() }
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

// MARK: - The same paths through the CLI, whole process

var cliImportRate: Double?
var cliImportPerCPU: Double?
var cliAppendRate: Double?
var cliVerifyRate: Double?
var cliVerifyPerCPU: Double?
let cliAppends = min(options.appends, options.cliAppends)
if haveCLI {
    let cliDB = workDir.appendingPathComponent("cli.db").path
    let keys = workDir.appendingPathComponent("keys").path
    let file = workDir.appendingPathComponent("events.jsonl")
    try Data(jsonlText.utf8).write(to: file)
    log("coledger init + import of \(options.events) events (whole process, key opening included)")
    try runCLI(["init", "--ledger", cliDB, "--keys", keys, "--origin", "bench.example/cli", "--catalogue", "none"])
    cliImportRate =
        Double(options.events) / (try runCLI(["import", "--ledger", cliDB, "--key", keys + "/admin.key", file.path]))
    cliImportPerCPU = Double(options.events) / lastChildCPU
    log("\(cliAppends) coledger append processes (one event each)")
    var appendTimes: [Double] = []
    for n in 0..<cliAppends {
        let one = workDir.appendingPathComponent("one.json")
        try Data(draft(options.events + options.appends + n).utf8).write(to: one)
        appendTimes.append(try runCLI(["append", "--ledger", cliDB, "--key", keys + "/admin.key", one.path]))
    }
    cliAppendRate = appendTimes.isEmpty ? nil : 1 / median(appendTimes)
    log("coledger verify of \(options.events + cliAppends + 1) entries (whole process)")
    cliVerifyRate = Double(options.events + cliAppends + 1) / (try runCLI(["verify", "--ledger", cliDB]))
    cliVerifyPerCPU = Double(options.events + cliAppends + 1) / lastChildCPU
}

// MARK: - A domain ledger (--ledger): verify with the policy replay, and the rebuild

struct DomainFigures {
    var size = 0
    var rawScan = 0.0
    var verify = 0.0
    var verifyPerCPU = 0.0
    var cliVerify: Double?
    var cliVerifyPerCPU: Double?
    var scan = 0.0
    var scanPerCPU = 0.0
    var rebuild = 0.0
    var rebuildPerCPU = 0.0
    var cliRebuild: Double?
    var cliRebuildPerCPU: Double?
}
var domain: DomainFigures?
if let path = options.ledger {
    var d = DomainFigures()
    let opened = try Ledger.open(path: path, policies: [DomainPolicy.standard])
    d.size = try opened.size()
    d.rawScan = rawScan(path)
    typealias Run = (wall: Double, cpu: Double)
    var verifies: [Run] = [], cliVerifies: [Run] = [], scans: [Run] = [], rebuilds: [Run] = [], cliRebuilds: [Run] = []
    for run in 1...max(1, options.runs) {
        log(
            "run \(run) on \(path) (\(d.size) entries): verify, read+scan, rebuild; in process and as coledger verify / rebuild"
        )
        var verified: VerificationReport?
        verifies.append(try cpuAndWall { verified = try opened.verify() })
        guard let verified, verified.ok else {
            log(
                "\(path) does not verify with this build's policy (a ledger written by an older build? regenerate it with "
                    + "`coledger demo --events N`): \(String(describing: verified))")
            exit(1)
        }
        if haveCLI { cliVerifies.append((try runCLI(["verify", "--ledger", path]), lastChildCPU)) }
        var scanned = 0
        scans.append(try cpuAndWall { scanned = try ProjectionRunner.readAndScan(opened) })
        precondition(scanned == d.size)
        rebuilds.append(try cpuAndWall { try Projections(ledger: opened).rebuild() })
        if haveCLI { cliRebuilds.append((try runCLI(["rebuild", "--ledger", path]), lastChildCPU)) }
    }
    let n = Double(d.size)
    /// Events per wall second and per CPU second of the median (by wall time) run.
    func rates(_ runs: [Run]) -> (Double, Double) {
        let m = runs.sorted { $0.wall < $1.wall }[runs.count / 2]
        return (n / m.wall, n / m.cpu)
    }
    (d.verify, d.verifyPerCPU) = rates(verifies)
    (d.scan, d.scanPerCPU) = rates(scans)
    (d.rebuild, d.rebuildPerCPU) = rates(rebuilds)
    if !cliVerifies.isEmpty { (d.cliVerify, d.cliVerifyPerCPU) = rates(cliVerifies) }
    if !cliRebuilds.isEmpty { (d.cliRebuild, d.cliRebuildPerCPU) = rates(cliRebuilds) }
    domain = d
}
let loadAtEnd = loadAverage()

// MARK: - Report

struct Row: Codable {
    var path: String
    var inProcess: Double?
    var command: Double?
    var unit: String
    var limitName: String
    var limit: Double?
    var target: String
    /// Events per CPU second: of the path in process, as a command, and of the limit's own work.
    var cpuInProcess: Double? = nil
    var cpuCommand: Double? = nil
    var cpuLimit: Double? = nil
    var ratioInProcess: Double? { inProcess.flatMap { v in limit.map { v / $0 } } }
    var ratioCommand: Double? { command.flatMap { v in limit.map { v / $0 } } }
    /// The limit's CPU per event over the path's: what the wall ratio would be with every core ours.
    var cpuRatioInProcess: Double? { cpuInProcess.flatMap { v in cpuLimit.map { v / $0 } } }
    var cpuRatioCommand: Double? { cpuCommand.flatMap { v in cpuLimit.map { v / $0 } } }
}
func n0(_ x: Double) -> String {
    let f = NumberFormatter()
    f.numberStyle = .decimal
    f.maximumFractionDigits = 0
    return f.string(from: NSNumber(value: x.rounded())) ?? String(format: "%.0f", x)
}
let importLimit = min(rawSignAll, rawInsertTx)
// An import must sign and insert every event: its least CPU per event is the two added.
let importCPULimit = 1 / (1 / signPerCPU + 1 / insertPerCPU)
var rows = [
    Row(
        path: "import, \(n0(Double(options.events))) events", inProcess: importRate, command: cliImportRate,
        unit: "ev/s",
        limitName: "min(sign on \(cores) cores \(n0(rawSignAll)), insert \(n0(rawInsertTx)))", limit: importLimit,
        target: "≥ 0.70",
        cpuInProcess: Double(options.events) / importCPU, cpuCommand: cliImportPerCPU, cpuLimit: importCPULimit),
    Row(
        path: "single durable append", inProcess: appendRate, command: cliAppendRate, unit: "appends/s",
        limitName: "one-commit insert \(n0(rawInsertCommit))", limit: rawInsertCommit, target: "≥ 0.85 in process"),
    Row(
        path: "verify, \(n0(Double(size))) entries, no policy", inProcess: verifyRate, command: cliVerifyRate,
        unit: "ev/s",
        limitName: "verify on \(cores) cores \(n0(rawVerifyAll))", limit: rawVerifyAll, target: "≥ 0.90 (CLI)",
        cpuInProcess: Double(size) / verifyCPU, cpuCommand: cliVerifyPerCPU, cpuLimit: verifyPerCPU),
]
if let d = domain {
    rows.append(
        Row(
            path: "verify, demo ledger \(n0(Double(d.size))) entries, domain policy replay", inProcess: d.verify,
            command: d.cliVerify,
            unit: "ev/s", limitName: "verify on \(cores) cores \(n0(rawVerifyAll))", limit: rawVerifyAll,
            target: "≥ 0.90 (CLI)",
            cpuInProcess: d.verifyPerCPU, cpuCommand: d.cliVerifyPerCPU, cpuLimit: verifyPerCPU))
    rows.append(
        Row(
            path: "rebuild, all projections, demo ledger", inProcess: d.rebuild, command: d.cliRebuild, unit: "ev/s",
            limitName: "projections' read+scan \(n0(d.scan))", limit: d.scan, target: "≥ 0.70",
            cpuInProcess: d.rebuildPerCPU, cpuCommand: d.cliRebuildPerCPU, cpuLimit: d.scanPerCPU))
    if let peer = options.peerRate {
        rows.append(
            Row(
                path: "rebuild vs the Python peer (\(options.peerName))", inProcess: d.rebuild, command: d.cliRebuild,
                unit: "ev/s",
                limitName: "peer \(n0(peer))", limit: peer, target: "≥ 10×"))
    }
}
let limits: [(String, Double, String)] =
    [
        ("Ed25519 sign, one core", rawSign, "/s"),
        ("Ed25519 sign, all \(cores) cores at once", rawSignAll, "/s"),
        ("Ed25519 verify, one core", rawVerify, "/s"),
        ("Ed25519 verify, all \(cores) cores at once", rawVerifyAll, "/s"),
        ("SQLite insert, one transaction", rawInsertTx, "rows/s"),
        ("SQLite insert, one commit each", rawInsertCommit, "rows/s"),
        ("SQLite scan of the entries table (\(n0(Double(size))) rows)", rawScanRate, "rows/s"),
    ]
    + (domain.map { [("SQLite scan of the demo ledger's entries (\(n0(Double($0.size))) rows)", $0.rawScan, "rows/s")] }
        ?? [])

if options.json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    struct Out: Encodable {
        var date: String
        var cores: Int
        var loadStart: String
        var loadEnd: String
        var entryBytes: Int
        var rows: [Row]
        var limits: [String: Double]
        var proofs: [String: Double]
    }
    let out = Out(
        date: startedAt, cores: cores, loadStart: loadAtStart, loadEnd: loadAtEnd, entryBytes: sampleSize, rows: rows,
        limits: Dictionary(limits.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }),
        proofs: [
            "inclusionMedianMs": percentile(inclusion, 0.5), "inclusionP99Ms": percentile(inclusion, 0.99),
            "consistencyMedianMs": percentile(consistency, 0.5), "consistencyP99Ms": percentile(consistency, 0.99),
        ])
    print(String(decoding: try encoder.encode(out), as: UTF8.self))
} else {
    print(
        "Coledger benchmark, \(startedAt): \(cores) cores, load average \(loadAtStart) at start and \(loadAtEnd) at end; release build"
    )
    print(
        "entries of ~\(sampleSize) bytes; every limit measured in this run; \"command\" is the built `coledger` run as a whole process"
    )
    print("")
    print(
        "| path | in process | command | limit (this run) | ratio in process | ratio command | CPU ratio in process / command | target |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---|")
    func r(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "–" }
    for row in rows {
        print(
            "| \(row.path) | \(row.inProcess.map { n0($0) + " " + row.unit } ?? "–") | \(row.command.map { n0($0) + " " + row.unit } ?? "–") | \(row.limitName) | \(r(row.ratioInProcess)) | \(r(row.ratioCommand)) | \(r(row.cpuRatioInProcess)) / \(r(row.cpuRatioCommand)) | \(row.target) |"
        )
    }
    print("")
    print("| raw limit | rate |")
    print("|---|---:|")
    for (name, value, unit) in limits { print("| \(name) | \(n0(value)) \(unit) |") }
    print("")
    print(
        String(
            format:
                "proofs at size %d: inclusion median %.3f ms, p99 %.3f ms; consistency median %.3f ms, p99 %.3f ms (target p99 < 1 ms at 1M)",
            size, percentile(inclusion, 0.5), percentile(inclusion, 0.99), percentile(consistency, 0.5),
            percentile(consistency, 0.99)))
    print(
        "CPU ratio: the limit's CPU seconds per event over the path's (import: sign + insert), i.e. the wall ratio if every core were ours; it does not depend on the others' load"
    )
    if cliAppendRate != nil {
        print(
            "command append: median of \(cliAppends) `coledger append` processes, each opening its sealed key (Argon2id)"
        )
    }
}

if options.projectionFigures { try projectionSection() }

if ProcessInfo.processInfo.environment["COLEDGER_PROFILE"] != nil {
    let sample = try ledger.entries(from: 10, limit: 20_000).map(\.entry.bytes)
    var jsons: [JSONValue] = []
    let tParse = try seconds { for b in sample { jsons.append(try CanonicalJSON.parse(b)) } }
    let tCanon = seconds { for (j, b) in zip(jsons, sample) { _ = CanonicalJSON.isCanonical(j, bytes: b) } }
    let tEntry = try seconds {
        for (j, b) in zip(jsons, sample) { _ = try Entry(json: j, bytes: b, checkCanonical: false) }
    }
    let tHash = seconds { for b in sample { _ = RFC6962.leafHash(b) } }
    let n = Double(sample.count) / 1e6
    print(
        String(
            format: "per entry: parse %.2f µs, canonical %.2f µs, entry %.2f µs, leaf hash %.2f µs", tParse / n,
            tCanon / n, tEntry / n, tHash / n))
}
