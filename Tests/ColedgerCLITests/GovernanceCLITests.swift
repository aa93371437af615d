import Foundation
import LedgerCore
import Testing

/// `bodies`, `meetings`, `decisions` and `provenance` on the demo ledger, as a user runs them.
@Suite(.serialized) struct GovernanceCLITests {
    static let lapse = "D-REPB-20251013-1"

    static func json(_ r: CLI.Result) throws -> JSONValue {
        try CanonicalJSON.parse(Array(r.stdout.utf8))
    }

    @Test func liveRebuiltAndBundleAnswersAgreeOnTheDemo() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let dir = try cli.makeDemo()
        let ledger = dir + "/coledger.db"
        let bundle = dir + "/bundle"
        let commands: [[String]] = [
            ["bodies", "--json"], ["meetings", "B-REPB", "--json"], ["decisions", "--json"], ["decisions", "--body", "B-AMHEPF", "--json"],
            ["provenance", Self.lapse, "--json"], ["provenance", "D-AMHEPF-20251105-1", "--json"],
        ]
        var live: [String] = []
        for command in commands {
            let r = try cli.run(["--ledger", ledger] + command)
            #expect(r.status == 0, "\(command): \(r.stderr)")
            live.append(r.stdout)
        }
        for (command, expected) in zip(commands, live) {
            #expect(try cli.run([command[0], "--bundle", bundle] + command.dropFirst()).stdout == expected, "\(command) from the bundle")
        }
        let rebuilt = try cli.run("--ledger", ledger, "rebuild")
        #expect(rebuilt.status == 0 && rebuilt.stdout.contains("governance, decisions"))
        for (command, expected) in zip(commands, live) {
            #expect(try cli.run(["--ledger", ledger] + command).stdout == expected, "\(command) after a rebuild")
        }

        // The planted lapse: no Expert by Experience present, worked out from attendance.
        let register = try Self.json(try cli.run("--ledger", ledger, "decisions", "--json"))
        let rows = register["decisions"]?.arrayValue ?? []
        let lapse = try #require(rows.first { $0["decisionId"]?.stringValue == Self.lapse })
        #expect(lapse["ebePresent"]?.intValue == 0 && lapse["ebeMet"]?.boolValue == false)
        #expect(register["withoutEbE"]?.arrayValue?.compactMap(\.stringValue) == [Self.lapse])
        #expect(rows.count > 40)
        // The demo records what attendance shows: every decision quorate, no recorder's claim
        // (quorum snapshot, EbE count without the recused) at odds with the attendance.
        #expect(register["notQuorate"]?.arrayValue?.isEmpty == true)
        #expect(register["withDisagreements"]?.arrayValue?.isEmpty == true)
        let table = try cli.run("--ledger", ledger, "decisions")
        #expect(table.stdout.contains("Decided with no Expert by Experience present: \(Self.lapse)"))
        #expect(table.stdout.contains("\(Self.lapse)          2025-10-13  B-REPB"))
        let provenance = try Self.json(try cli.run("--ledger", ledger, "provenance", Self.lapse, "--json"))
        #expect(provenance["presentByCategory"]?.objectValue?.keys.sorted() == ["staff"])
        #expect(provenance["presence"]?["computed"]?["ebe"]?["present"]?.intValue == 0)
        // The demo signs a checkpoint over the whole log before exporting the bundle.
        let manifest = try CanonicalJSON.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: bundle + "/manifest.json"))))
        #expect(provenance["checkpointSize"]?.intValue != nil && provenance["checkpointSize"]?.intValue == manifest["size"]?.intValue)

        // Readable tables.
        let bodies = try cli.run("--ledger", ledger, "bodies")
        #expect(bodies.stdout.contains("B-AMHEPF") && bodies.stdout.contains("R-DIR-EDI: ") && bodies.stdout.contains("Terms amended:"))
        let meetings = try cli.run("--ledger", ledger, "meetings", "B-REPB")
        #expect(meetings.stdout.contains("MTG-REPB-20251013") && meetings.stdout.contains("0!/0"))
        let shown = try cli.run("--ledger", ledger, "provenance", Self.lapse)
        #expect(shown.stdout.contains("from attendance: 0 Experts by Experience") && shown.stdout.contains("EbE rule NOT met"))

        // Bad input: a clear message and a non-zero exit.
        let noBody = try cli.run("--ledger", ledger, "meetings", "B-NOWHERE")
        #expect(noBody.status != 0 && noBody.stderr.contains("no body B-NOWHERE in the log"))
        let noDecision = try cli.run("--ledger", ledger, "provenance", "D-NOWHERE")
        #expect(noDecision.status != 0 && noDecision.stderr.contains("no decision D-NOWHERE"))
        let packFromBundle = try cli.run("provenance", Self.lapse, "--bundle", bundle, "--evidence", cli.directory.appendingPathComponent("pack").path)
        #expect(packFromBundle.status != 0 && packFromBundle.stderr.contains("--evidence needs the ledger"))
        let help = try cli.run("meetings", "--help")
        #expect(help.stdout.contains("(CALC/REC)") && help.stdout.contains("--attendance"))
    }
}
