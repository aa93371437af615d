import ArgumentParser
import Foundation
import LedgerCore
import LedgerNotify
import LedgerStore

/// Where the outbox's emails go: shared by `notify` and `serve`.
struct SMTPOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The SMTP server that takes the emails, HOST:PORT. Plain SMTP, no TLS and no login: use a relay on "
                + "this machine or a trusted network.", valueName: "host:port"))
    var smtp: String?
    @Option(help: ArgumentHelp("The sender's email address.", valueName: "address")) var from: String?
    @Option(
        help: ArgumentHelp(
            "The public portal's address (e.g. https://example.org), for links to a feedback's status page in emails and to an entry's proof in the workspace.",
            valueName: "url"))
    var portalURL: String?
    @Option(help: "Attempts per email in one run before leaving it for the next (at least 1).") var attempts = 4
    @Option(help: "Seconds before the first retry; each later wait doubles.", transform: ledgerNumberOption)
    var backoff: Double = 1
    @Option(help: "Seconds to wait for the server at each step.", transform: ledgerNumberOption) var smtpTimeout: Double = 30

    /// The settings, or nil when no --smtp was given.
    func settings() throws -> NotifySettings? {
        guard let smtp else {
            if from != nil { throw CLIError("--from needs --smtp HOST:PORT") }
            return nil
        }
        guard let endpoint = SMTPClient.endpoint(smtp) else {
            throw CLIError("--smtp: \"\(smtp)\" is not HOST:PORT (e.g. 127.0.0.1:25)")
        }
        guard let from else { throw CLIError("--from: give the sender's email address (with --smtp)") }
        guard ContactDetails.isEmailAddress(from) else { throw CLIError("--from: \"\(from)\" is not an email address") }
        guard attempts >= 1 else { throw CLIError("--attempts must be at least 1") }
        guard backoff >= 0, smtpTimeout > 0 else { throw CLIError("--backoff must be 0 or more and --smtp-timeout more than 0") }
        if let portalURL, !(portalURL.hasPrefix("http://") || portalURL.hasPrefix("https://")) {
            throw CLIError("--portal-url: \"\(portalURL)\" must start with http:// or https://")
        }
        return NotifySettings(
            client: SMTPClient(host: endpoint.host, port: endpoint.port, timeout: smtpTimeout), from: from,
            portalURL: portalURL, attempts: attempts, backoff: backoff)
    }
}

/// `coledger notify`: delivers the outbox.
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Email the people who asked to hear back when their feedback or contribution moves on (the outbox).",
        discussion: HelpText.reflow("""
            The outbox is derived from the log: feedback acknowledged, answered or closed, and a
            contribution's influence traced, whose person gave contact details with their consent to be
            contacted, and that no feedback.submitter_notified / contribution.contributor_notified tells of
            yet. Contact details are read from the private part, so an erased person is owed nothing.

            Each email goes to the SMTP server given with --smtp; a failure (a 4xx reply, no connection, a
            timeout) is retried with exponential backoff. Only once the server accepted the message is the
            notification recorded, signed by --key (default: keys/intake.key beside the ledger; policy rule
            AUTH-7), with the stage's event as its causation and an id derived from it: a failed delivery is
            tried again by the next run and a delivered one is recorded once.

            Phone numbers are not called: the summary lists them as "needs a person to phone".

            The SMTP connection is plain (no TLS, no login): the server's operator, and anyone on the network
            between, reads the emails and the addresses. Use a relay on this machine or a trusted network.
            """))
    @OptionGroup var options: LedgerOptions
    @OptionGroup var smtp: SMTPOptions
    @Option(help: ArgumentHelp("The key that signs the notifications (default: keys/intake.key beside the ledger).", valueName: "file"))
    var key: String?
    @Flag(help: "One pass over the outbox, then exit (the default).") var once = false
    @Flag(help: "Keep delivering: a pass every --interval seconds until stopped.") var watch = false
    @Option(help: "Seconds between passes with --watch.", transform: ledgerNumberOption) var interval: Double = 60
    @Flag(help: "List what the outbox owes (no contact details) and send nothing.") var list = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard !(once && watch) else { throw ValidationError("give --once or --watch, not both") }
        guard interval > 0 else { throw ValidationError("--interval must be more than 0") }
    }

    func run() throws {
        try reporting {
            let ledger = try options.open()
            if list {
                let owed = try Outbox.owed(in: ledger)
                let rows = owed.map(OwedRow.init)
                if json {
                    Output.printJSON(rows)
                } else if rows.isEmpty {
                    print("The outbox owes nothing.")
                } else {
                    for r in rows { print("\(r.kind) \(r.itemId)  \(r.stage)  (index \(r.stageIndex), by \(r.contact))") }
                }
                return
            }
            guard let settings = try smtp.settings() else {
                throw CLIError("--smtp: give the SMTP server, HOST:PORT (or --list to see what is owed)")
            }
            let keyPath = key ?? options.defaultKeysDirectory.appendingPathComponent("intake.key").path
            let notifier = Notifier(ledger: ledger, signer: try KeyFiles.open(keyPath), settings: settings)
            var mark: Notifier.Watermark?
            repeat {
                guard let summary = try notifier.runWhenChanged(since: &mark, progress: { if !json { print($0) } }) else {
                    Thread.sleep(forTimeInterval: interval)  // --watch: the log has not changed
                    continue
                }
                if json {
                    Output.printJSON(SummaryJSON(summary))
                } else {
                    print(Self.line(summary))
                }
                fflush(nil)
                if watch {
                    Thread.sleep(forTimeInterval: interval)
                } else if summary.failed > 0 {
                    throw ExitCode(1)  // a run that left something undelivered says so in its status
                }
            } while watch
        }
    }

    /// `Sent 3, retried 1, failed 0; 1 needs a person to phone.`
    static func line(_ s: DeliverySummary) -> String {
        var text = "Sent \(s.sent), retried \(s.retried), failed \(s.failed)"
        if s.needsPhone > 0 { text += "; \(s.needsPhone) need\(s.needsPhone == 1 ? "s" : "") a person to phone" }
        if s.needsPerson > 0 { text += "; \(s.needsPerson) with contact details that are not an email address" }
        return text + "."
    }

    /// One owed notification, without the contact details.
    struct OwedRow: Encodable {
        var kind: String
        var itemId: String
        var stage: String
        var stageIndex: Int
        var contact: String

        init(_ n: OwedNotification) {
            kind = n.isFeedback ? "feedback" : "contribution"
            itemId = n.itemId
            stage = n.stage.rawValue
            stageIndex = n.stageIndex
            switch n.contact {
            case .email: contact = "email"
            case .phone: contact = "phone"
            case .other: contact = "other"
            }
        }
    }

    /// The summary as JSON.
    struct SummaryJSON: Encodable {
        struct Row: Encodable {
            var itemId: String
            var stage: String
            var result: String
            var attempts: Int
            var index: Int?
            var reason: String?
        }
        var sent: Int
        var retried: Int
        var failed: Int
        var needsPhone: Int
        var needsPerson: Int
        var outcomes: [Row]

        init(_ s: DeliverySummary) {
            sent = s.sent
            retried = s.retried
            failed = s.failed
            needsPhone = s.needsPhone
            needsPerson = s.needsPerson
            outcomes = s.outcomes.map { o in
                var row = Row(itemId: o.itemId, stage: o.stage.rawValue, result: "", attempts: o.attempts)
                switch o.result {
                case .sent(let index, let duplicate):
                    row.result = duplicate ? "already_recorded" : "sent"
                    row.index = index
                case .sentNotRecorded(let reason):
                    row.result = "sent_not_recorded"
                    row.reason = reason
                case .failed(let reason):
                    row.result = "failed"
                    row.reason = reason
                case .needsPhone: row.result = "needs_phone"
                case .needsPerson: row.result = "needs_person"
                }
                return row
            }
        }
    }
}
