import Foundation
import Testing

/// Runs the built `coledger` binary, as a user would.
struct CLI {
    /// $COLEDGER_BIN, else the `coledger` built beside the running test bundle (the same build
    /// configuration as the tests), else the debug build next to this package.
    static let binary: String = {
        if let bin = ProcessInfo.processInfo.environment["COLEDGER_BIN"], !bin.isEmpty { return bin }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for folder in [runner.deletingLastPathComponent(), runner.deletingLastPathComponent().deletingLastPathComponent()] {
            let beside = folder.appendingPathComponent("coledger").path
            if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/coledger").path
    }()

    let directory: URL

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Makes the demo ledger (`coledger demo`) in `demo/` under the test's folder and returns
    /// that folder: its `coledger.db`, `bundle/` and `keys/`.
    func makeDemo() throws -> String {
        let dir = directory.appendingPathComponent("demo").path
        let demo = try run("demo", "--dir", dir, "--json")
        try #require(demo.status == 0, "demo failed: \(demo.stderr)")
        return dir
    }
    var ledger: String { directory.appendingPathComponent("ledger.db").path }
    var keys: URL { directory.appendingPathComponent("keys") }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["COLEDGER_PASSPHRASE"] = "test-passphrase"
        env["COLEDGER_LEDGER"] = ledger
        return env
    }

    func process(_ args: [String], stdin: String? = nil) -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        p.environment = environment
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            // Fed from another thread: a write larger than the pipe's buffer blocks until the
            // child reads, and the child has not started yet. A child that exits without reading
            // everything makes the write fail (EPIPE), not kill the test process.
            _ = Self.ignoreBrokenPipes
            let inPipe = Pipe()
            p.standardInput = inPipe
            let writer = inPipe.fileHandleForWriting
            let data = Data(stdin.utf8)
            DispatchQueue.global().async {
                try? writer.write(contentsOf: data)
                try? writer.close()
            }
        } else {
            p.standardInput = FileHandle.nullDevice
        }
        return (p, out, err)
    }

    @discardableResult
    func run(_ args: String..., stdin: String? = nil) throws -> Result {
        try run(args, stdin: stdin)
    }

    @discardableResult
    func run(_ args: [String], stdin: String? = nil) throws -> Result {
        let (p, out, err) = process(args, stdin: stdin)
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// init + one registered member key at keys/member.key.
    func setUp() throws {
        let i = try run("init", "--origin", "test.example/cli", "--catalogue", "none")
        guard i.status == 0 else { throw CLIFailure("init failed: \(i.stderr)") }
        let k = try run("key", "new", "--out", keys.appendingPathComponent("member.key").path, "--name", "person/p-0001")
        guard k.status == 0 else { throw CLIFailure("key new failed: \(k.stderr)") }
        let r = try run("key", "register", "--key", keys.appendingPathComponent("admin.key").path, keys.appendingPathComponent("member.key").path)
        guard r.status == 0 else { throw CLIFailure("key register failed: \(r.stderr)") }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static func note(stream: String, n: Int, id: String = UUID().uuidString.lowercased()) -> String {
        "{\"id\":\"\(id)\",\"type\":\"example.note\",\"typeVersion\":1,\"stream\":\"\(stream)\",\"payload\":{\"n\":\(n)}}"
    }
}

struct CLIFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
