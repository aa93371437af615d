import ArgumentParser
import Foundation

@main
struct Coledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coledger",
        abstract: "The coproduction ledger: a signed, append-only, verifiable log of a plan's decisions and feedback.",
        discussion: HelpText.reflow("""
            Every event is canonical JSON (RFC 8785) signed with Ed25519, stored in one SQLite file and
            committed into an RFC 6962 Merkle tree whose signed checkpoints prove history was never rewritten.

            The ledger file comes from --ledger PATH, else $COLEDGER_LEDGER, else ./coledger.db.
            Key passphrases come from $COLEDGER_PASSPHRASE, else an interactive prompt.

            Start with:  coledger init --origin example.org/my-plan
            """),
        version: "0.1.0",
        subcommands: [
            Init.self, KeyCommand.self, Append.self, Import.self, Log.self, Show.self, CheckpointCommand.self,
            Prove.self, Verify.self, AuditCommand.self, ProvenanceCommand.self, Export.self, Erase.self, WitnessCommand.self,
            Canonicalize.self, Demo.self, Serve.self,
            Publish.self, Mirror.self, Monitor.self,
            Types.self, NewEvent.self, PersonCommand.self, RoleCommand.self, BodyCommand.self, MeetingCommand.self,
            DecisionCommand.self, FeedbackCommand.self, RegionCommand.self, ContributionCommand.self, ActionCommand.self, MetricCommand.self,
            ReviewCommand.self, ReportCommand.self, ProjectCommand.self, EvaluationCommand.self,
            PlanCommand.self, YouSaidCommand.self, TraceCommand.self, BodiesCommand.self, MeetingsCommand.self, DecisionsCommand.self,
            MetricsCommand.self, CadenceCommand.self, StateCommand.self, DiffCommand.self, RebuildCommand.self,
            Backup.self, Restore.self, Check.self, StaffCommand.self, NotifyCommand.self,
        ]
    )

    static func main() {
        // `--ledger PATH` may also come before the subcommand (`coledger --ledger x.db log`): it
        // then applies to whichever command follows, through $COLEDGER_LEDGER.
        var args = Array(CommandLine.arguments.dropFirst())
        if let i = args.firstIndex(where: { $0 == "--ledger" || $0.hasPrefix("--ledger=") }),
            !args[..<i].contains(where: { !$0.hasPrefix("-") })
        {
            let option = args.remove(at: i)
            var value: String?
            if let eq = option.firstIndex(of: "=") {
                value = String(option[option.index(after: eq)...])
            } else if i < args.count {
                value = args.remove(at: i)
            }
            if let value { setenv("COLEDGER_LEDGER", value, 1) }
        }
        do {
            var command = try parseAsRoot(args)
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
