import Foundation
public import LedgerCore
import LedgerDomain
import LedgerRecording
public import LedgerStore

/// Where and how the outbox's emails go.
public struct NotifySettings: Sendable {
    /// The SMTP server.
    public var client: SMTPClient
    /// The sender's address.
    public var from: String
    /// The public portal's address, for the link to a feedback's status page (nil: no link).
    public var portalURL: String?
    /// How many times to try one email in one run before leaving it for the next.
    public var attempts: Int
    /// Seconds to wait before the first retry; each later wait is twice the one before.
    public var backoff: Double

    /// Settings; `attempts` at least 1.
    public init(client: SMTPClient, from: String, portalURL: String? = nil, attempts: Int = 4, backoff: Double = 1) {
        self.client = client
        self.from = from
        self.portalURL = portalURL
        self.attempts = max(1, attempts)
        self.backoff = max(0, backoff)
    }
}

/// What became of one owed notification in one run.
public struct DeliveryOutcome: Sendable, Equatable {
    /// How it ended.
    public enum Result: Sendable, Equatable {
        /// The server accepted it and the notification is recorded at `index` (`duplicate`: it
        /// already was, by another run).
        case sent(index: Int, duplicate: Bool)
        /// The server accepted it but recording failed (the reason): the next run sends it again.
        case sentNotRecorded(String)
        /// Not accepted (the last error): nothing recorded, the next run tries again.
        case failed(String)
        /// A phone number: a person must phone (nothing sent, nothing recorded).
        case needsPhone
        /// Contact details that are neither an email address nor a phone number.
        case needsPerson
    }

    /// The feedback or contribution id.
    public var itemId: String
    /// The stage told of.
    public var stage: OwedNotification.Stage
    /// How it ended.
    public var result: Result
    /// Connection attempts made (0 when nothing was sent).
    public var attempts: Int
}

/// One run's outcomes and their counts.
public struct DeliverySummary: Sendable, Equatable {
    /// Each owed notification's outcome, in the outbox's order.
    public var outcomes: [DeliveryOutcome] = []

    /// Emails the server accepted.
    public var sent: Int { outcomes.filter { if case .sent = $0.result { return true } else { return false } }.count }
    /// Attempts beyond the first, over every email.
    public var retried: Int { outcomes.reduce(0) { $0 + max(0, $1.attempts - 1) } }
    /// Emails not delivered (or delivered and not recorded), left for the next run.
    public var failed: Int {
        outcomes.filter {
            switch $0.result {
            case .failed, .sentNotRecorded: return true
            default: return false
            }
        }.count
    }
    /// Notifications that need a person to phone.
    public var needsPhone: Int { outcomes.filter { $0.result == .needsPhone }.count }
    /// Notifications whose contact details a person must read.
    public var needsPerson: Int { outcomes.filter { $0.result == .needsPerson }.count }
}

/// Delivers the outbox: sends each owed email and records the notification (signed by `signer`)
/// only once the server has accepted the message.
public struct Notifier {
    /// The ledger.
    public let ledger: Ledger
    /// The key that signs the notifications (the intake key, rule AUTH-7, or a staff key).
    public let signer: Ed25519SigningKey
    /// Where the emails go.
    public var settings: NotifySettings
    /// Waits between attempts (a test passes one that does not).
    public var sleep: (Double) -> Void = { seconds in if seconds > 0 { Thread.sleep(forTimeInterval: seconds) } }

    /// A notifier.
    public init(ledger: Ledger, signer: Ed25519SigningKey, settings: NotifySettings) {
        self.ledger = ledger
        self.signer = signer
        self.settings = settings
    }

    /// The notification event's id for `stageEventId`: derived from it, so recording the same
    /// notification twice is an idempotent retry, never a second entry.
    public static func notificationId(for stageEventId: String) -> String {
        Identifier.uuid(derivedFrom: SHA256.hash(Array("coledger/notified/v1 \(stageEventId)".utf8)))
    }

    /// One pass over the outbox: every owed email sent (with retries and exponential backoff)
    /// and recorded once accepted. `progress` gets one line per notification, naming no one.
    public func runOnce(progress: (String) -> Void = { _ in }) throws -> DeliverySummary {
        var summary = DeliverySummary()
        for owed in try Outbox.owed(in: ledger) {
            let outcome = deliver(owed, progress: progress)
            let what = "\(owed.isFeedback ? "feedback" : "contribution") \(owed.itemId) (\(owed.stage.rawValue))"
            switch outcome.result {
            case .sent(let index, let duplicate):
                progress("\(what): sent\(outcome.attempts > 1 ? " after \(outcome.attempts) attempts" : ""), \(duplicate ? "already recorded" : "recorded") at index \(index)")
            case .sentNotRecorded(let reason): progress("\(what): sent, but not recorded (\(reason)); it will be sent again")
            case .failed(let reason): progress("\(what): not delivered after \(outcome.attempts) attempt\(outcome.attempts == 1 ? "" : "s") (\(reason)); left for the next run")
            case .needsPhone: progress("\(what): needs a person to phone")
            case .needsPerson: progress("\(what): the contact details are not an email address; needs a person")
            }
            summary.outcomes.append(outcome)
        }
        return summary
    }

    /// Where a watching notifier left off: the log's size after its last pass, and whether that
    /// pass left an email to retry.
    public struct Watermark: Sendable, Equatable {
        /// The log's size after the pass (its own notifications included).
        public var size: Int
        /// True when the pass left something undelivered.
        public var retryDue: Bool
    }

    /// ``runOnce(progress:)`` when the log grew since `mark` or the last pass left something to
    /// retry; nil (and no read of the log beyond its size) otherwise. `--watch` and `serve
    /// --smtp` pass this way, so an idle ledger is not scanned every interval.
    public func runWhenChanged(since mark: inout Watermark?, progress: (String) -> Void = { _ in }) throws
        -> DeliverySummary?
    {
        if let mark, try ledger.size() == mark.size, !mark.retryDue { return nil }
        let summary = try runOnce(progress: progress)
        mark = Watermark(size: try ledger.size(), retryDue: summary.failed > 0)
        return summary
    }

    /// Sends one notification and records it.
    func deliver(_ owed: OwedNotification, progress: (String) -> Void) -> DeliveryOutcome {
        var outcome = DeliveryOutcome(itemId: owed.itemId, stage: owed.stage, result: .needsPerson, attempts: 0)
        let address: String
        switch owed.contact {
        case .email(let a): address = a
        case .phone:
            outcome.result = .needsPhone
            return outcome
        case .other:
            return outcome
        }
        let id = Self.notificationId(for: owed.stageEventId)
        let email = NotificationEmail(owed, portalURL: settings.portalURL)
        let domain = settings.from.split(separator: "@").last.map(String.init) ?? "coledger.localhost"
        let message = SMTPMessage(
            from: settings.from, to: address, subject: email.subject, body: email.body, date: Self.rfc5322(Date()),
            messageId: "\(id)@\(domain)")
        var wait = settings.backoff
        var lastError = ""
        for attempt in 1...settings.attempts {
            outcome.attempts = attempt
            do {
                _ = try settings.client.send(message)
                outcome.result = record(owed, id: id)
                return outcome
            } catch {
                lastError = error.description
                guard error.isRetryable, attempt < settings.attempts else { break }
                progress("  attempt \(attempt) failed (\(lastError)); trying again in \(Self.seconds(wait))")
                sleep(wait)
                wait *= 2
            }
        }
        outcome.result = .failed(lastError)
        return outcome
    }

    /// Records that the person was told of `owed`'s stage, by email, caused by the stage's event.
    func record(_ owed: OwedNotification, id: String) -> DeliveryOutcome.Result {
        let recorder = Recorder(ledger: ledger)
        do {
            let now = Timestamp.now()
            let event: PreparedEvent
            if let kind = owed.stage.notificationKind {
                event = try recorder.prepare(
                    NotifySubmitter(feedbackId: owed.itemId, method: .email, kind: kind), at: now, eventId: id,
                    causation: owed.stageEventId)
            } else {
                event = try recorder.prepare(
                    NotifyContributor(contributionId: owed.itemId, method: .email), at: now, eventId: id,
                    causation: owed.stageEventId)
            }
            let receipt = try recorder.append(event, signer: signer)
            return .sent(index: receipt.index, duplicate: receipt.duplicate)
        } catch {
            // Another run recorded it first (the same id at another time): it is recorded once.
            if let existing = try? ledger.entry(id: id) { return .sent(index: existing.index, duplicate: true) }
            return .sentNotRecorded("\(error)")
        }
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : "\(s) s" }

    /// `Tue, 08 Dec 2026 00:50:00 +0000`
    static func rfc5322(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }
}
