import Foundation
import Testing

/// I/O errors injected for real: the ledger is copied onto a small tmpfs (in a private mount
/// namespace) and the disk is filled, so SQLite's writes fail with ENOSPC in the middle of the
/// append, checkpoint and export paths. Each failure is one clear error line and a non-zero exit
/// (never a crash), nothing half-done is left, and once space is freed the same ledger verifies,
/// holds every acknowledged append and takes the next one.
@Suite(.serialized) struct DiskFullTests {
    @Test func failingWritesLeaveNothingHalfDone() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let mount = cli.directory.appendingPathComponent("small").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let note = cli.directory.appendingPathComponent("note.json").path
        try Data(
            CLI.note(stream: "disk", n: 1).replacingOccurrences(
                of: "\"id\":\"[^\"]*\",", with: "", options: .regularExpression
            ).utf8
        )
        .write(to: URL(fileURLWithPath: note))
        // A subject with personal data, for the erase path.
        let personal = cli.directory.appendingPathComponent("personal.json").path
        try Data(
            #"{"type":"example.note","typeVersion":1,"stream":"personal","payload":{"n":1},"private":{"subject":"person/p-0009","data":{"name":"A. Person"}}}"#
                .utf8
        ).write(to: URL(fileURLWithPath: personal))
        let recorded = try cli.run("append", "--key", cli.key("member"), personal)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let log = cli.directory.appendingPathComponent("results.txt").path
        let script = #"""
            D="$1"; BIN="$2"; SRC="$3"; NOTE="$4"; LOG="$5"
            mount -t tmpfs -o size=1m tmpfs "$D" || exit 90
            cp "$SRC/ledger.db" "$D/ledger.db" && cp -r "$SRC/keys" "$D/keys" || exit 91
            export COLEDGER_LEDGER="$D/ledger.db"
            step() { name="$1"; shift; "$@" >/dev/null 2>"$SRC/err-$name"; echo "$name $?" >> "$LOG"; }
            # Fill the disk, leaving about 96 KiB, then append until a write fails.
            dd if=/dev/zero of="$D/fill" bs=4096 2>/dev/null
            truncate -s -98304 "$D/fill"
            acked=0; i=0
            while [ $i -lt 400 ]; do
              i=$((i+1))
              if "$BIN" append --key "$D/keys/member.key" "$NOTE" >/dev/null 2>"$SRC/err-append"; then acked=$((acked+1)); else break; fi
            done
            echo "acked $acked" >> "$LOG"
            echo "attempts $i" >> "$LOG"
            dd if=/dev/zero of="$D/fill2" bs=4096 2>/dev/null
            step append2 "$BIN" append --key "$D/keys/member.key" "$NOTE"
            step checkpoint "$BIN" checkpoint
            step export "$BIN" export --out "$D/bundle"
            [ -e "$D/bundle" ] && echo "bundle-left 1" >> "$LOG"
            step erase "$BIN" erase --key "$D/keys/admin.key" person/p-0009
            rm -f "$D/fill" "$D/fill2"
            "$BIN" verify > "$SRC/verify-after.txt" 2>&1; echo "verify $?" >> "$LOG"
            step eraseAfter "$BIN" erase --key "$D/keys/admin.key" person/p-0009
            step appendAfter "$BIN" append --key "$D/keys/member.key" "$NOTE"
            step checkpointAfter "$BIN" checkpoint
            step exportAfter "$BIN" export --out "$D/bundle"
            "$BIN" verify > "$SRC/verify-final.txt" 2>&1; echo "verifyFinal $?" >> "$LOG"
            """#
        let before = try cli.run("verify")
        #expect(before.status == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments = ["-m", "sh", "-c", script, "sh", mount, CLI.binary, cli.directory.path, note, log]
        p.environment = cli.environment
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        var results: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let n = Int(parts[1]) { results[String(parts[0])] = n }
        }
        func stderr(_ name: String) -> String {
            (try? String(contentsOfFile: cli.directory.appendingPathComponent("err-\(name)").path, encoding: .utf8))
                ?? ""
        }
        let acked = try #require(results["acked"], "the harness did not run: \(text)")
        let attempts = try #require(results["attempts"])
        #expect(attempts > acked, "the disk never filled: \(acked) appends acknowledged")
        var failures = 0
        for name in ["append", "append2", "checkpoint", "export", "erase"] {
            let message = stderr(name)
            let status = name == "append" ? (attempts > acked ? 1 : 0) : results[name] ?? -1
            if status != 0 {
                failures += 1
                #expect(status == 1, "\(name) exited \(status)")
                #expect(
                    message.hasPrefix("coledger: error: ") && message.split(separator: "\n").count == 1,
                    "\(name): \(message)")
                #expect(
                    message.contains("full") || message.contains("disk") || message.contains("No space"),
                    "\(name): \(message)")
            }
        }
        #expect(results["append2"] == 1, "an append on a full disk succeeded")
        #expect(results["export"] == 1, "an export to a full disk succeeded")
        #expect(results["bundle-left"] == nil, "a failed export left a half-written bundle")
        #expect(results["erase"] == 1, "an erase on a full disk succeeded")
        // The failed erase deleted nothing: the subject's key and data are there to erase now.
        #expect(results["eraseAfter"] == 0, "erase after freeing space: \(stderr("eraseAfter"))")
        #expect(results["verify"] == 0, "after space was freed: \(text)")
        let verified =
            (try? String(contentsOfFile: cli.directory.appendingPathComponent("verify-after.txt").path, encoding: .utf8))
            ?? ""
        let sizeBefore = Int(before.stdout.split(separator: " ")[1]) ?? -1
        #expect(
            verified.hasPrefix("OK: \(sizeBefore + acked) entries"),
            "every acknowledged append and nothing else: \(verified)")
        #expect(results["appendAfter"] == 0 && results["checkpointAfter"] == 0 && results["exportAfter"] == 0)
        #expect(results["verifyFinal"] == 0)
        print(
            "disk full: \(acked) appends acknowledged before ENOSPC, \(failures) writes failed cleanly (append, append, checkpoint, export, erase), "
                + "all \(acked) present after freeing space, next erase/append/checkpoint/export green")
    }
}
