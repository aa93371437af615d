import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerPortal
import LedgerProjections
import LedgerStore

/// `coledger feedback [list]` (the default subcommand of `feedback`).
struct FeedbackListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The feedback loop: each item's stage and clocks, overdue acknowledgements and responses.",
        discussion: HelpText.reflow("""
            Acknowledge within 3 working days of receipt (Monday to Friday, minus England and Wales bank
            holidays; day 0 is the day it arrived, as a UTC date); respond or close within 90 days.
            The feedback text itself is personal data and never shown here.
            """))
    @OptionGroup var options: ProjectionOptions
    @OptionGroup var point: PointOptions
    @Flag(help: "Only items whose acknowledgement or response is overdue.") var overdue = false
    @Flag(help: "Print the report as JSON.") var json = false

    func run() throws {
        try reporting {
            let (projections, judged, said) = try point.read(options)
            let report = try projections.feedback(now: judged, overdueOnly: overdue)
            if json { return Output.printJSON(report) }
            print("Feedback \(said), judged as of \(report.asOf) (\(report.entriesFolded) log entries): \(report.received) received, \(report.acknowledged) acknowledged, \(report.responded) answered, \(report.closed) closed, \(report.open) open.")
            print("Overdue: \(report.acknowledgementsOverdue) acknowledgement(s), \(report.responsesOverdue) response(s).")
            if !report.responsesByChange.isEmpty {
                print("Answers: " + report.responsesByChange.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ".")
            }
            guard !report.items.isEmpty else { return }
            print("")
            print(Table.render(
                ["FEEDBACK", "CHANNEL", "RECEIVED", "STAGE", "ACK BY", "ACK", "RESPOND BY", "ANSWER", "FLAGS"],
                report.items.map { v in
                    let flags = [
                        v.acknowledgementOverdue ? "ack overdue" : nil, v.acknowledgedLate ? "ack late" : nil,
                        v.responseOverdue ? "response overdue" : nil, v.respondedLate ? "answered late" : nil,
                    ].compactMap { $0 }.joined(separator: ",")
                    return [v.item.feedbackId, v.item.channel, v.receivedOn.description, v.stage, v.acknowledgeBy.description,
                            v.acknowledgedAfterWorkingDays.map { "\($0)wd" } ?? "-", v.respondBy.description,
                            v.item.changeStatus ?? v.item.closeReason ?? "-", flags]
                }))
        }
    }
}

struct YouSaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yousaid",
        abstract: "The public \"you said, we did\" list.",
        discussion: HelpText.reflow("""
            Only feedback whose submitter agreed to publication and whose summary was moderated; the
            summary, never the feedback's own text; the month it arrived, not the day.
            """))
    @OptionGroup var options: ProjectionOptions
    @Flag(help: "Print the list as JSON.") var json = false

    func run() throws {
        try reporting {
            let list = try options.open().youSaidWeDid()
            if json { return Output.printJSON(list) }
            if list.isEmpty { print("Nothing to publish yet.") }
            for (n, item) in list.enumerated() {
                if n > 0 { print("") }
                print("\(item.feedbackId) (\(item.receivedIn), \(item.channel.replacingOccurrences(of: "_", with: " ")))")
                print("  You said: \(item.youSaid)")
                print("  We did:   \(item.weDid)")
                let status = item.changeStatus.replacingOccurrences(of: "_", with: " ")
                print("  Outcome:  \(status)\(item.whatChanged.map { ": \($0)" } ?? "")\(item.actionRef.map { " (action \($0))" } ?? "")")
            }
        }
    }
}

extension TraceCommand {
    /// The contribution a code leads to (the portal's "My contributions" rule: the HMAC of its id
    /// under the ledger's code secret), or `text` itself when it cannot be a code.
    static func contributionId(
        _ text: String, options: ProjectionOptions, secret: String?, projections: Projections
    ) throws -> String {
        guard let code = ContributionCodes.normalise(text) else { return text }
        guard options.bundle == nil else { throw CLIError("a contribution code needs the ledger and its code secret, not a bundle; give the contribution id") }
        let path = secret ?? ContributionCodes.defaultSecretPath(ledgerPath: options.ledgerOptions.path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("\(text) looks like a contribution code, but there is no code secret at \(path) (--code-secret FILE)")
        }
        let codes = try ContributionCodes.loadOrCreate(at: path)
        // The contributions the projections hold (the portal's look-up), not a scan of the log.
        for c in try projections.contributions(after: -1) where codes.code(for: c.contributionId) == code {
            return c.contributionId
        }
        throw CLIError("no contribution in \(options.ledgerOptions.path) has the code \(code)")
    }
}

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "What became of a contribution: where it was discussed, which decisions cited it, what it changed, what is open.",
        discussion: HelpText.reflow("""
            Give a contribution id, or --person PSEUDONYM for all of one person's contributions. The
            contributor's own words are held privately; --show-content prints them when they are still
            held (never after erasure, and never from a bundle). A contribution counts as traced only
            when a contribution.influence_traced records what it changed (a decision citing it is not
            enough), the same rule as audit rule C-1; the trace is due within 90 days.
            """))
    @OptionGroup var options: ProjectionOptions
    @OptionGroup var point: PointOptions
    @Argument(help: "A contribution id, or the code the contributor was given (16 characters, e.g. 7KQ3-M9XD-1P4T-ZB2C).")
    var contribution: String?
    @Option(
        help: ArgumentHelp(
            "With a code: the secret it was made with (default: keys/portal-codes.secret beside the ledger, as for `contribution code`).",
            valueName: "file"))
    var codeSecret: String?
    @Option(help: ArgumentHelp("Trace every contribution of this person (pseudonym).", valueName: "pseudonym")) var person: String?
    @Flag(help: "Show the contributor's own words, if held.") var showContent = false
    @Flag(help: "Print the trace as JSON.") var json = false

    func validate() throws {
        if (contribution == nil) == (person == nil) { throw ValidationError("give a contribution id or --person, not both") }
    }

    func run() throws {
        try reporting {
            let (projections, judged, said) = try point.read(options)
            let report: TraceReport
            if let person {
                report = try projections.trace(person: person, showContent: showContent, now: judged)
            } else {
                let id = try Self.contributionId(
                    contribution ?? "", options: options, secret: codeSecret, projections: projections)
                report = try projections.trace(contribution: id, showContent: showContent, now: judged)
            }
            if json { return Output.printJSON(report) }
            print("Trace \(said), judged as of \(judged).")
            if report.contributions.isEmpty { print("No contributions by \(report.subject) are in the log.") }
            for (n, t) in report.contributions.enumerated() {
                if n > 0 { print("") }
                for sentence in t.sentences { print(sentence) }
            }
        }
    }
}
