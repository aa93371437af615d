import Foundation
import Testing

/// Long work (`audit`, `verify`, `demo --events`, `rebuild`) through the built binary: its result
/// lines reach a pipe as they are produced, no progress text ever goes into a pipe or into
/// `--json`, and on a terminal one progress line (done/total, rate) is drawn on standard error.
@Suite(.serialized) struct LongWorkOutputTests {
    @Test func linesReachAPipeBeforeTheProcessEndsAndStayClean() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let dir = cli.directory.appendingPathComponent("demo").path
        let (p, out, err) = cli.process(["demo", "--dir", dir])
        try p.run()
        // The demo says "1. Created a PCREF ledger …" before it appends the year (seconds of
        // work): the line must arrive while the process still runs, not when it exits.
        var first = Data()
        let handle = out.fileHandleForReading
        while !first.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        let stillRunning = p.isRunning
        let rest = handle.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("1. Created a PCREF ledger"))
        #expect(stillRunning, "the first line arrived only when the demo ended: standard output was not flushed")
        // Buffered, it would come in a 4 KB block with the lines after it; flushed, it comes alone,
        // seconds before the year is appended and step 2 is reported.
        #expect(
            !String(decoding: first, as: UTF8.self).contains("2. Appended"), "\(String(decoding: first, as: UTF8.self))"
        )
        let all = String(decoding: first + rest, as: UTF8.self) + String(decoding: errors, as: UTF8.self)
        #expect(!all.contains("\r") && !all.contains("\u{1B}"), "no progress line into a pipe")

        // --json stays pure JSON, with nothing on standard error, for each long verb.
        let ledger = dir + "/coledger.db"
        for args in [["verify", "--json"], ["audit", "--json", "--as-of", "2026-03-31"]] {
            let r = try cli.run(["--ledger", ledger] + args)
            #expect(r.status == 0 || r.status == 1, "\(args): \(r.stderr)")
            #expect(
                (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) != nil,
                "\(args): \(r.stdout.prefix(200))")
            #expect(r.stderr.isEmpty, "\(args): \(r.stderr)")
        }
        let rebuilt = try cli.run("--ledger", ledger, "rebuild")
        #expect(
            rebuilt.status == 0 && rebuilt.stdout.hasPrefix("rebuilt ") && rebuilt.stderr.isEmpty, "\(rebuilt.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aTerminalGetsOneProgressLine() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let dir = try cli.makeDemo()
        let ledger = dir + "/coledger.db"
        // util-linux script(1) gives the command a pseudo-terminal; what it drew comes back on stdout.
        for (verb, words) in [
            ("verify", "coledger: verified "), ("audit", "coledger: audited "), ("rebuild", "coledger: rebuilt "),
        ] {
            let script = Process()
            script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            script.arguments = ["-qec", "\(CLI.binary) --ledger \(ledger) \(verb)", "/dev/null"]
            script.environment = cli.environment
            script.standardInput = FileHandle.nullDevice
            let out = Pipe()
            script.standardOutput = out
            try script.run()
            let drawn = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            script.waitUntilExit()
            #expect(drawn.contains(words), "\(verb): \(drawn.prefix(300))")
            // done/total entries and a rate: "verified 3022/3022 entries (19858/s)".
            #expect(drawn.firstMatch(of: /\d+\/\d+ entries \(\d+\/s\)/) != nil, "\(verb): \(drawn.prefix(300))")
        }
    }
}
