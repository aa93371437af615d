import ArgumentParser
import Foundation

@main
struct Coledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coledger",
        abstract: "The coproduction ledger: a signed, append-only, verifiable log of a plan's decisions and feedback.",
        discussion: """
            Every event is canonical JSON (RFC 8785) signed with Ed25519, stored in one SQLite file and
            committed into an RFC 6962 Merkle tree whose signed checkpoints prove history was never rewritten.

            The ledger file comes from --ledger PATH, else $COLEDGER_LEDGER, else ./coledger.db.
            Key passphrases come from $COLEDGER_PASSPHRASE, else an interactive prompt.

            Start with:  coledger init --origin example.org/my-plan
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, KeyCommand.self, Append.self, Import.self, Log.self, Show.self, CheckpointCommand.self,
            Prove.self, Verify.self, Export.self, Canonicalize.self, Demo.self,
        ]
    )

    static func main() {
        // `--ledger PATH` may come before the subcommand (`coledger --ledger x.db log`): move it after.
        var args = Array(CommandLine.arguments.dropFirst())
        if let i = args.firstIndex(where: { $0 == "--ledger" || $0.hasPrefix("--ledger=") }),
            i == 0 || !args[..<i].contains(where: { !$0.hasPrefix("-") })
        {
            var moved = [args.remove(at: i)]
            if !moved[0].contains("="), i < args.count { moved.append(args.remove(at: i)) }
            let sub = args.firstIndex(where: { !$0.hasPrefix("-") }) ?? args.count
            var end = sub + 1
            // Keep nested subcommand names (`key new`, `prove inclusion`) together.
            while end < args.count, ["new", "show", "register", "revoke", "inclusion", "consistency"].contains(args[end]),
                ["key", "prove"].contains(args[sub])
            {
                end += 1
            }
            args.insert(contentsOf: moved, at: min(end, args.count))
        }
        do {
            var command = try parseAsRoot(args)
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
