import ArgumentParser
import Dispatch
import Foundation
import LedgerCore
import LedgerNotify
import LedgerPortal
import LedgerProjections
import LedgerStore
import LedgerWorkspace

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Serve the web portal: plan progress, you said we did, contributions, decisions, equity, the record's checks, and the feedback form.",
        discussion: HelpText.reflow("""
            Pages are plain HTML that work without JavaScript, with the same data as JSON under /api/
            (described at /api/openapi.json and in Schemas/openapi/portal.v1.json). Reading is public and
            shows public fields only. The one thing the portal writes is feedback from its form, recorded as
            feedback.received signed by the intake key (default: keys/intake.key beside the ledger, when it
            exists; its passphrase comes from $COLEDGER_PASSPHRASE or a prompt). Without an intake key the
            form is closed. Everything else is written with the CLI.

            Contribution reference codes (the "My contributions" page) are made with a secret kept in
            keys/portal-codes.secret beside the ledger (created when missing); print a contribution's code
            with `coledger contribution code ID`.

            Every page that shows the plan's state (home, plan, you said we did, decisions, equity, check the
            record) and its JSON take ?as-of=DATE (what had happened by that day, judged on it) and
            ?at=INDEX|DATE|checkpoint[:DATE] (what the log said then), with the meaning of the read verbs'
            --as-of and --at (coledger help state); the page says which point it shows and its links keep it.

            The staff workspace (--workspace-port) is served on a second listener, under /staff/ only; the public
            listener never serves it. Staff enrolled with `coledger staff add` sign in with their person id,
            their key's passphrase and a TOTP code; the key is unsealed in memory for the session only and
            wiped at sign-out, after --workspace-idle-timeout minutes idle (default 15) and when the server
            stops. What they record is signed with their own key, and the workspace offers and accepts only
            what the log's authorization policy lets that key sign today. Sign-in is limited to 10 attempts
            per client address per minute and 10 per account per minute; after 5 failed sign-ins in a row an
            account is locked for 15 minutes. The session cookie is HttpOnly and SameSite=Strict; it is marked
            Secure with --workspace-tls, which says the workspace is reached over TLS: anywhere but this
            machine, put it behind a TLS-terminating proxy and give --workspace-tls.

            With --smtp HOST:PORT and --from ADDRESS the server also delivers the outbox in the background
            (a pass every --notify-interval seconds), as `coledger notify --watch` does, signing the
            notifications with the intake key (see `coledger notify --help`; plain SMTP, no TLS).

            Stop the server with Ctrl-C (or SIGTERM).
            """))
    @OptionGroup var options: LedgerOptions
    @Option(help: "The TCP port to listen on (0: any free port, printed when ready).") var port = 8080
    @Option(help: "The address to listen on (127.0.0.1: this machine only).") var bind = "127.0.0.1"
    @Option(
        help: ArgumentHelp(
            "The intake key that signs feedback from the form (default: keys/intake.key beside the ledger).",
            valueName: "file"))
    var intakeKey: String?
    @Flag(help: "Serve without the feedback form, even when an intake key exists.") var noForm = false
    @Option(
        help: ArgumentHelp(
            "The contribution code secret (default: keys/portal-codes.secret beside the ledger).", valueName: "file"))
    var codeSecret: String?
    /// The retired `--now`: pages take `?as-of=DATE` and `?at=POINT` instead (refused in ``run()``).
    @Option(name: .customLong("now"), help: .hidden) var now: String?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Show pages as of this date when the address names no point: what had happened by then, judged on it "
                + "(as ?as-of=DATE and the read verbs' --as-of; default: the whole log, judged today).",
            valueName: "date"))
    var asOf: String?
    @Option(help: "The site's name in every page's header.") var title: String?
    @Option(help: "The lawful basis recorded with feedback text from the form (rule P-1).") var lawfulBasis =
        "LB-ART9-2H"
    @Option(help: "Posts (feedback, contribution look-ups) allowed per client address per minute.") var postsPerMinute =
        10
    @Option(
        help: "Re-run the audit in the background at most this often, in seconds, when the log grew (0: never run it).")
    var auditInterval = 600
    @Option(help: "The largest request body accepted, in bytes.") var maxBody = 16 * 1024
    @Option(
        name: .customLong("witness-policy"),
        help: ArgumentHelp(
            "Judge the newest checkpoint on the \"Check the record\" page by this witness policy.", valueName: "file"))
    var witnessPolicy: String?
    @OptionGroup var smtp: SMTPOptions
    @Option(help: "With --smtp: seconds between passes over the outbox.", transform: ledgerNumberOption)
    var notifyInterval: Double = 60

    @Option(
        help: ArgumentHelp(
            "Serve the staff workspace on this port too, under /staff/ (0: any free port; default: no workspace).",
            valueName: "port"))
    var workspacePort: Int?
    @Option(help: "The address the workspace listens on.") var workspaceBind = "127.0.0.1"
    @Option(help: "Minutes a workspace session may stay idle before it ends and its key is wiped.")
    var workspaceIdleTimeout = 15
    @Flag(help: "The workspace is reached over TLS (a proxy in front of it): mark its session cookie Secure.")
    var workspaceTls = false

    func validate() throws {
        if let workspacePort, !(0...65535).contains(workspacePort) {
            throw ValidationError("--workspace-port must be from 0 to 65535")
        }
        guard workspaceIdleTimeout >= 1 else { throw ValidationError("--workspace-idle-timeout must be at least 1") }
        guard notifyInterval > 0 else { throw ValidationError("--notify-interval must be more than 0") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard postsPerMinute >= 1 else { throw ValidationError("--posts-per-minute must be at least 1") }
        guard auditInterval >= 0 else { throw ValidationError("--audit-interval must be 0 or more") }
        guard maxBody >= 1024 else { throw ValidationError("--max-body must be at least 1024") }
    }

    func run() throws {
        try reporting {
            if now != nil {
                throw CLIError(
                    "--now is no longer an option: give --as-of DATE (the date pages show when the address names no point); every page that shows the plan takes ?as-of=DATE (what had happened by that day, "
                        + "judged on it) and ?at=POINT (what the log said then), as the CLI's --as-of and --at do; "
                        + "e.g. http://127.0.0.1:8080/plan?as-of=2025-10-01")
            }
            let ledgerPath = options.path
            guard FileManager.default.fileExists(atPath: ledgerPath) else {
                throw CLIError("no ledger at \(ledgerPath); give --ledger PATH or run `coledger demo` first")
            }
            let secretPath = codeSecret ?? ContributionCodes.defaultSecretPath(ledgerPath: ledgerPath)
            var configuration = PortalConfiguration(
                ledgerPath: ledgerPath, codes: try ContributionCodes.loadOrCreate(at: secretPath))
            do {
                configuration.defaultPoint = try ReadPoint(asOf: asOf, at: nil)
            } catch let error as ReadPointError {
                throw CLIError(error.message)
            }
            configuration.now = configuration.defaultPoint.asOf
            if let title { configuration.siteName = title }
            configuration.lawfulBasis = lawfulBasis
            configuration.postsPerMinute = postsPerMinute
            configuration.auditInterval = auditInterval == 0 ? nil : Double(auditInterval)
            configuration.maxBodyBytes = maxBody
            configuration.witnessPolicy = try witnessPolicy.map(WitnessPolicyFile.load)
            let keyPath = intakeKey ?? options.defaultKeysDirectory.appendingPathComponent("intake.key").path
            if !noForm {
                if intakeKey != nil || FileManager.default.fileExists(atPath: keyPath) {
                    configuration.intakeKey = try KeyFiles.open(keyPath)
                } else {
                    Output.error(
                        "note: no intake key at \(keyPath): the feedback form is closed (give --intake-key FILE)")
                }
            }
            var outboxSettings: (settings: NotifySettings, signer: Ed25519SigningKey)?
            if let settings = try smtp.settings() {
                guard let signer = configuration.intakeKey else {
                    throw CLIError("--smtp: the outbox's notifications are signed by the intake key; give --intake-key FILE")
                }
                outboxSettings = (settings, signer)
            }
            let outbox = outboxSettings
            let notifyInterval = self.notifyInterval
            let portal = try Portal(configuration: configuration)
            let workspace: Workspace?
            if workspacePort != nil {
                var settings = WorkspaceConfiguration(ledgerPath: ledgerPath)
                settings.idleTimeout = Double(workspaceIdleTimeout * 60)
                settings.secureCookies = workspaceTls
                settings.maxBodyBytes = maxBody
                settings.publicBase = smtp.portalURL ?? ""
                workspace = try Workspace(configuration: settings)
            } else {
                workspace = nil
            }
            let publicUrl = smtp.portalURL
            let workspaceHost = workspaceBind
            let workspacePort = self.workspacePort
            let form = configuration.intakeKey == nil ? "closed" : "open, signed by \(keyPath)"
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            let host = bind
            let port = self.port
            Task.detached {
                do {
                    FileHandle.standardError.write(Data("coledger serve: reading \(ledgerPath)…\n".utf8))
                    let size = try await portal.warmUp()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            try await PortalServer.run(portal, host: host, port: port) { bound in
                                if publicUrl == nil { workspace?.publicBase = "http://\(host):\(bound)" }
                                let line =
                                    "Serving \(ledgerPath) (\(size) entries) at http://\(host):\(bound)/ — feedback form \(form). Ctrl-C stops.\n"
                                FileHandle.standardOutput.write(Data(line.utf8))
                                if var outbox {
                                    // The emails link to this portal unless --portal-url names the public address.
                                    if outbox.settings.portalURL == nil { outbox.settings.portalURL = "http://\(host):\(bound)" }
                                    Self.deliverInBackground(
                                        ledgerPath: ledgerPath, settings: outbox.settings, signer: outbox.signer,
                                        every: notifyInterval)
                                }
                            }
                        }
                        if let workspace, let workspacePort {
                            group.addTask {
                                defer { workspace.stop() }
                                let sweeper = Task {
                                    while !Task.isCancelled {
                                        try? await Task.sleep(for: .seconds(10))
                                        workspace.sweep()
                                    }
                                }
                                defer { sweeper.cancel() }
                                try await PortalServer.run(
                                    workspace, host: workspaceHost, port: workspacePort, label: "coledger.workspace"
                                ) { bound in
                                    let line = "Staff workspace on http://\(workspaceHost):\(bound)/staff/\n"
                                    FileHandle.standardOutput.write(Data(line.utf8))
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                } catch {
                    outcome.set("\(error)")
                }
                done.signal()
            }
            done.wait()
            if let failure = outcome.get() { throw CLIError("the portal stopped: \(failure)") }
        }
    }

    /// Runs the outbox on a thread of its own, a pass every `seconds` (``NotifyCommand``'s `--watch`).
    static func deliverInBackground(
        ledgerPath: String, settings: NotifySettings, signer: Ed25519SigningKey, every seconds: Double
    ) {
        Thread.detachNewThread {
            let notifier: Notifier
            do {
                notifier = Notifier(ledger: try Ledger.open(path: ledgerPath, policies: Catalogues.policies), signer: signer, settings: settings)
            } catch {
                Output.error("notify: cannot open \(ledgerPath): \(error); the outbox is not delivered")
                return
            }
            var mark: Notifier.Watermark?
            while true {
                do {
                    let summary = try notifier.runWhenChanged(since: &mark) { Output.error("notify: \($0)") }
                    if let summary, !summary.outcomes.isEmpty { Output.error("notify: \(NotifyCommand.line(summary))") }
                } catch {
                    Output.error("notify: the outbox could not be read: \(error)")
                }
                Thread.sleep(forTimeInterval: seconds)
            }
        }
    }

    /// The error a server task ended with, handed to the waiting thread.
    final class Outcome: @unchecked Sendable {
        private var message: String?
        private let lock = NSLock()
        func set(_ m: String) { lock.withLock { message = m } }
        func get() -> String? { lock.withLock { message } }
    }
}

/// `coledger contribution code ID…`: the reference codes to give contributors for the portal.
struct ContributionCode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Print the portal reference code of contributions, to give to the people who made them.",
        discussion: HelpText.reflow("""
            The code (16 characters, e.g. 7KQ3-M9XD-1P4T-ZB2C) opens the contribution's trace on the portal's
            "My contributions" page and nothing else. It is an HMAC of the contribution id under the secret in
            keys/portal-codes.secret beside the ledger (created when missing; the portal must use the same file).
            """))
    @OptionGroup var options: LedgerOptions
    @Argument(help: "Contribution ids, e.g. CON-2025-00001.") var ids: [String]
    @Option(
        help: ArgumentHelp("The secret file (default: keys/portal-codes.secret beside the ledger).", valueName: "file"))
    var codeSecret: String?
    @Flag(help: "Print JSON: [{contributionId, code}].") var json = false

    func run() throws {
        try reporting {
            guard !ids.isEmpty else { throw CLIError("give at least one contribution id") }
            let ledger = try options.open()
            let projections = Projections(ledger: ledger)
            for id in ids {
                do {
                    _ = try projections.trace(contribution: id)
                } catch {
                    throw CLIError("no contribution \(id) in \(options.path)")
                }
            }
            let codes = try ContributionCodes.loadOrCreate(
                at: codeSecret ?? ContributionCodes.defaultSecretPath(ledgerPath: options.path))
            let rows = ids.map { ["contributionId": $0, "code": codes.code(for: $0)] }
            if json {
                Output.printJSON(rows)
            } else {
                for row in rows { print("\(row["contributionId"] ?? "")  \(row["code"] ?? "")") }
            }
        }
    }
}
