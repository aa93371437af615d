import Foundation
import Testing

@Suite(.serialized) struct CrashAndConcurrencyTests {
    /// Appending processes are killed with SIGKILL at random moments; every append that was
    /// acknowledged (printed its index) is in the log afterwards, and the log verifies.
    @Test func killNineLosesNoAcknowledgedEvent() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let key = cli.keys.appendingPathComponent("member.key").path
        let acked = LockedIDs()
        // At least 6 s of appends, and on until more than 5 kills and 5 acknowledgements were seen
        // (a loaded machine starts processes slowly), but never past 90 s.
        let start = Date()
        let killed = LockedIDs()
        let goOn: @Sendable () -> Bool = {
            let elapsed = Date().timeIntervalSince(start)
            return elapsed < 6 || (elapsed < 90 && (killed.count <= 5 || acked.count <= 5))
        }
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            var rng = SystemRandomNumberGenerator()
            var n = 0
            while goOn() {
                n += 1
                let id = UUID().uuidString.lowercased()
                let (p, out, _) = cli.process(["append", "--key", key, "-"], stdin: CLI.note(stream: "w/\(worker)", n: n, id: id))
                do { try p.run() } catch { continue }
                let killAfter = Double.random(in: 0.0...0.12, using: &rng)
                if Bool.random(using: &rng) {
                    usleep(UInt32(killAfter * 1_000_000))
                    kill(p.processIdentifier, SIGKILL)
                }
                let data = out.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                if p.terminationReason == .uncaughtSignal {
                    killed.insert("killed")
                }
                if p.terminationStatus == 0, p.terminationReason == .exit,
                    String(decoding: data, as: UTF8.self).contains("\"id\":\"\(id)\"")
                {
                    acked.insert(id)
                }
            }
        }
        #expect(killed.count > 5, "the test must actually kill appenders mid-way")
        #expect(acked.count > 5)
        let log = try cli.run("log", "--json", "--limit", "100000")
        #expect(log.status == 0)
        for id in acked.all {
            #expect(log.stdout.contains("\"id\":\"\(id)\""), "acknowledged event \(id) is missing")
        }
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// Two processes append to the same stream at the same time: no gaps, no duplicates,
    /// nothing lost, stream versions 1...N in log order.
    @Test func twoProcessesAppendConcurrently() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let key = cli.keys.appendingPathComponent("member.key").path
        let perWorker = 25
        let ids = LockedIDs()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for n in 1...perWorker {
                let id = UUID().uuidString.lowercased()
                let body = "{\"id\":\"\(id)\",\"type\":\"example.note\",\"typeVersion\":1,\"stream\":\"shared\",\"payload\":{\"w\":\(worker),\"n\":\(n)}}"
                if let r = try? cli.run(["append", "--key", key, "-"], stdin: body), r.status == 0 { ids.insert(id) }
            }
        }
        #expect(ids.count == 2 * perWorker)
        let log = try cli.run("log", "--json", "--limit", "100000")
        let lines = log.stdout.split(separator: "\n")
        #expect(lines.count == 2 + 2 * perWorker)
        var versions: [Int] = []
        for (i, line) in lines.enumerated() {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["index"] as? Int == i)
            let event = (object?["entry"] as? [String: Any])?["event"] as? [String: Any]
            if event?["stream"] as? String == "shared" { versions.append(event?["streamVersion"] as? Int ?? -1) }
        }
        #expect(versions == Array(1...(2 * perWorker)))
        for id in ids.all { #expect(log.stdout.contains(id)) }
        #expect(try cli.run("verify").status == 0)
    }
}

final class LockedIDs: @unchecked Sendable {
    private var ids: [String] = []
    private let lock = NSLock()
    func insert(_ id: String) { lock.lock(); ids.append(id); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return ids }
    var count: Int { all.count }
}
