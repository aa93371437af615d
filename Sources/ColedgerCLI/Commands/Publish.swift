import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `coledger publish --tiles DIR`: the log as c2sp.org/tlog-tiles static files.
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Write the log up to its newest checkpoint as c2sp.org/tlog-tiles static files any web server can serve.",
        discussion: HelpText.reflow("""
            DIR receives `checkpoint` (the newest signed checkpoint, with any cosignatures), the hash tiles
            `tile/L/N[.p/W]` and the entry bundles `tile/entries/N[.p/W]` (FORMAT.md section 13). Run it again
            after each `coledger checkpoint`: it writes only what is new or still partial, never rewrites a
            full tile, and writes the checkpoint last, so a reader never sees a checkpoint whose tiles are
            missing. Serve full tiles as immutable (cache forever) and `checkpoint` and `*.p/*` briefly.
            A DIR that holds another log, or another history of this one, is refused and left untouched.
            """))
    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("The directory to publish the tiles in (created when missing).", valueName: "dir"))
    var tiles: String
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try reporting {
            let ledger = try options.open()
            let start = Date()
            let result = try ledger.publishTiles(to: URL(fileURLWithPath: tiles))
            if json {
                Output.printJSON(result)
            } else {
                let grew = result.size == result.previousSize ? "already at" : "from \(result.previousSize) to"
                print(
                    "Published \(ledger.origin) \(grew) \(result.size) entries in \(tiles): \(result.filesWritten) file(s) written, \(result.fullTilesKept) full tile(s) kept, in \(String(format: "%.2f", Date().timeIntervalSince(start))) s."
                )
            }
        }
    }
}
