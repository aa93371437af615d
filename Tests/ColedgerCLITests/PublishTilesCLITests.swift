import Foundation
import Testing

@Suite("coledger publish --tiles")
struct PublishTilesCLITests {
    @Test("publish writes the demo log's tiles, is a no-op when nothing grew, and refuses another log's directory")
    func publishDemo() throws {
        let cli = try CLI()
        let demo = try cli.makeDemo()
        let ledger = demo + "/coledger.db"
        let tiles = cli.directory.appendingPathComponent("tiles").path
        let first = try cli.run("publish", "--ledger", ledger, "--tiles", tiles, "--json")
        try #require(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\"previousSize\":0"))
        let checkpoint = try String(contentsOfFile: tiles + "/checkpoint", encoding: .utf8)
        let printed = try cli.run("checkpoint", "--ledger", ledger)
        #expect(printed.stdout == checkpoint)
        #expect(FileManager.default.fileExists(atPath: tiles + "/tile/entries/000"))
        let again = try cli.run("publish", "--ledger", ledger, "--tiles", tiles)
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 file(s) written"), "\(again.stdout)")

        // Another ledger may not publish over this directory.
        let other = try cli.run("init", "--origin", "other.example/plan")
        try #require(other.status == 0, "\(other.stderr)")
        _ = try cli.run("checkpoint")
        let refused = try cli.run("publish", "--tiles", tiles)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is not a checkpoint of this log"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: tiles + "/checkpoint", encoding: .utf8) == checkpoint)
    }
}
