import Foundation
import LedgerCore
import LedgerDomain
import LedgerNotify
import LedgerRecording
import LedgerStore
import Testing

/// Delivery: retried with exponential backoff, recorded only once a server accepted it.
@Suite struct NotifierTests {
    final class Waits: @unchecked Sendable {
        private var seconds: [Double] = []
        private let lock = NSLock()
        func append(_ s: Double) { lock.withLock { seconds.append(s) } }
        var all: [Double] { lock.withLock { seconds } }
    }

    @Test func aDeliveryThatFailsIsRetriedWithBackoffAndRecordsNothing() throws {
        let w = try OutboxTests.World()
        defer { w.remove() }
        try w.receive("WEB-9", contact: "nine@example.org")
        try w.record(AcknowledgeFeedback(feedbackId: "WEB-9", method: .email))
        let size = try w.ledger.size()
        var notifier = Notifier(
            ledger: w.ledger, signer: w.admin,
            settings: NotifySettings(
                client: SMTPClient(host: "127.0.0.1", port: 9, timeout: 2), from: "ledger@example.org", attempts: 3, backoff: 0.5))
        let waits = Waits()
        notifier.sleep = { waits.append($0) }
        let summary = try notifier.runOnce()
        #expect(summary.sent == 0 && summary.failed == 1 && summary.retried == 2)
        #expect(waits.all == [0.5, 1.0], "each wait doubles")
        #expect(try w.ledger.size() == size, "nothing recorded")
        #expect(try w.owed().count == 1, "still owed: the next run tries again")
    }

    @Test func aWatchingNotifierPassesOnlyWhenTheLogGrewOrARetryIsDue() throws {
        let w = try OutboxTests.World()
        defer { w.remove() }
        var notifier = Notifier(
            ledger: w.ledger, signer: w.admin,
            settings: NotifySettings(
                client: SMTPClient(host: "127.0.0.1", port: 9, timeout: 2), from: "ledger@example.org", attempts: 1))
        notifier.sleep = { _ in }
        var mark: Notifier.Watermark?
        #expect(try notifier.runWhenChanged(since: &mark)?.outcomes == [], "the first pass always runs")
        #expect(try notifier.runWhenChanged(since: &mark) == nil, "nothing changed: no pass")
        try w.receive("WEB-10", contact: "ten@example.org")
        try w.record(AcknowledgeFeedback(feedbackId: "WEB-10", method: .email))
        #expect(try notifier.runWhenChanged(since: &mark)?.failed == 1, "the log grew: a pass, which fails")
        #expect(mark?.retryDue == true)
        #expect(try notifier.runWhenChanged(since: &mark)?.failed == 1, "a retry is due: another pass")
    }

    @Test func theNotificationIdIsDerivedFromItsStage() {
        let a = Notifier.notificationId(for: "01a25207-799e-7000-8000-33c4a32a0d14")
        #expect(a == Notifier.notificationId(for: "01a25207-799e-7000-8000-33c4a32a0d14"))
        #expect(a != Notifier.notificationId(for: "01a25207-799e-7000-8000-33c4a32a0d15"))
        #expect(Identifier.isUUID(a))
    }
}
