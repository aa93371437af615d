import Foundation
import LedgerCore
import LedgerDomain
import LedgerNotify
import LedgerRecording
import LedgerStore
import Testing

/// The outbox rule (Docs.docc/Outbox.md): which stages are owed a notification, from the log alone.
@Suite struct OutboxTests {
    struct World {
        let directory: URL
        let ledger: Ledger
        let admin = Ed25519SigningKey()
        var recorder: Recorder { Recorder(ledger: ledger) }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-outbox-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            ledger = try Ledger.create(
                path: directory.appendingPathComponent("ledger.db").path, origin: "test.example/outbox", logKey: Ed25519SigningKey(),
                admins: [admin], policy: DomainPolicy.standard)
            try record(
                RoleDefined(roleId: "R-HEAD-RJE", name: "Head of race equality", aliases: [], singleOccupant: false),
                at: "2026-04-01T00:00:00Z")
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }

        @discardableResult
        func record<R: RecordingRequest>(_ request: R, at time: String = "2026-05-01T10:00:00Z", causation: String? = nil)
            throws -> Receipt
        {
            try recorder.append(recorder.prepare(request, at: time, causation: causation), signer: admin)
        }

        /// Web-form-like feedback from someone who asked to hear back at `contact`.
        @discardableResult
        func receive(_ id: String, contact: String?, consent: Bool = true, publish: Bool = true) throws -> Receipt {
            try record(
                ReceiveFeedback(
                    feedbackId: id, channel: .webForm, consentToPublish: publish, contactConsent: consent,
                    text: "What \(id) said.", name: "Person \(id)", contact: contact),
                at: "2026-05-01T09:00:00Z")
        }

        func answer(_ id: String) -> RespondToFeedback {
            RespondToFeedback(
                feedbackId: id, youSaid: "You said \(id).", weDid: "We did \(id).", changeStatus: .changeMade,
                changeDescription: "Changed for \(id).", moderatedByRoleId: "R-HEAD-RJE")
        }

        func owed() throws -> [OwedNotification] { try Outbox.owed(in: ledger, asOf: "2026-06-01") }
    }

    @Test func eachStageIsOwedUntilANotificationNamesIt() throws {
        let w = try World()
        defer { w.remove() }
        try w.receive("WEB-1", contact: "one@example.org")
        #expect(try w.owed().isEmpty, "received is not a stage")
        let ack = try w.record(AcknowledgeFeedback(feedbackId: "WEB-1", method: .email), at: "2026-05-02T09:00:00Z")
        let answered = try w.record(w.answer("WEB-1"), at: "2026-05-10T09:00:00Z")
        let closed = try w.record(FeedbackClosed.make(feedbackId: "WEB-1", reason: .responded, note: "Done."), at: "2026-05-11T09:00:00Z")
        let owed = try w.owed()
        #expect(owed.map(\.stage) == [.acknowledged, .answered, .closed])
        #expect(owed.map(\.stageEventId) == [ack.id, answered.id, closed.id])
        #expect(owed.allSatisfy { $0.contact == .email("one@example.org") && $0.name == "Person WEB-1" })
        #expect(owed[1].answer?.weDid == "We did WEB-1." && owed[1].answer?.published == true)
        #expect(owed[2].closeNote == "Done.")

        // The outbox's notification names its stage as its causation: that stage only is settled.
        try w.record(NotifySubmitter(feedbackId: "WEB-1", method: .email, kind: .statusUpdate), causation: closed.id)
        #expect(try w.owed().map(\.stage) == [.acknowledged, .answered], "a later status update does not settle the earlier one")
        // At an earlier point of the log, all three were owed.
        #expect(try Outbox.owed(in: w.ledger, size: closed.index + 1, asOf: "2026-06-01").count == 3)
    }

    @Test func aNotificationRecordedByHandSettlesEarlierStagesOfItsKind() throws {
        let w = try World()
        defer { w.remove() }
        try w.receive("WEB-2", contact: "two@example.org")
        try w.record(AcknowledgeFeedback(feedbackId: "WEB-2", method: .email))
        try w.record(w.answer("WEB-2"))
        try w.record(NotifySubmitter(feedbackId: "WEB-2", method: .phone, kind: .response))
        try w.record(FeedbackClosed.make(feedbackId: "WEB-2", reason: .responded))
        #expect(try w.owed().map(\.stage) == [.acknowledged, .closed], "told of the response by hand; not of the rest")
        try w.record(NotifySubmitter(feedbackId: "WEB-2", method: .phone, kind: .statusUpdate))
        #expect(try w.owed().isEmpty)
    }

    @Test func withoutConsentOrContactNothingIsOwedAndAPhoneIsNotAnEmail() throws {
        let w = try World()
        defer { w.remove() }
        try w.record(ReceiveFeedback(feedbackId: "F-NO", channel: .webForm, contactConsent: false, text: "No contact."))
        try w.receive("F-PHONE", contact: "07700 900123")
        for id in ["F-NO", "F-PHONE"] { try w.record(AcknowledgeFeedback(feedbackId: id, method: .email)) }
        let owed = try w.owed()
        #expect(owed.map(\.itemId) == ["F-PHONE"])
        #expect(owed.first?.contact == .phone("07700 900123"))
    }

    @Test func anAnswerWithoutConsentToPublishIsOwedFromItsPrivatePart() throws {
        let w = try World()
        defer { w.remove() }
        try w.receive("WEB-3", contact: "three@example.org", publish: false)
        let answered = try w.record(w.answer("WEB-3"))
        let payload = try #require(try w.ledger.entry(at: answered.index)).entry.event.payload
        #expect(payload["response"] == nil, "the answer is not public")
        let owed = try #require(try w.owed().first)
        #expect(owed.answer == .init(
            youSaid: "You said WEB-3.", weDid: "We did WEB-3.", changeStatus: "change_made", changeDescription: "Changed for WEB-3.",
            reason: nil, published: false))
        let email = NotificationEmail(owed, portalURL: "https://example.org")
        #expect(email.body.contains("We did: We did WEB-3."))
        #expect(email.body.contains("is not published"))
    }

    @Test func erasingTheSubjectLeavesNothingOwed() throws {
        let w = try World()
        defer { w.remove() }
        try w.receive("WEB-4", contact: "four@example.org")
        try w.receive("WEB-5", contact: "five@example.org")
        for id in ["WEB-4", "WEB-5"] { try w.record(AcknowledgeFeedback(feedbackId: id, method: .email)) }
        #expect(try w.owed().count == 2)
        _ = try w.ledger.erase(subject: "feedback/WEB-4", signer: w.admin)
        let owed = try w.owed()
        #expect(owed.map(\.itemId) == ["WEB-5"], "the erased person is owed nothing; the other still is")
    }

    @Test func theEmailHoldsOnlyThisPersonsItem() throws {
        let w = try World()
        defer { w.remove() }
        try w.receive("WEB-20261207-AAAAAAAA", contact: "a@example.org")
        try w.receive("WEB-20261207-BBBBBBBB", contact: "b@example.org")
        for id in ["WEB-20261207-AAAAAAAA", "WEB-20261207-BBBBBBBB"] { try w.record(w.answer(id)) }
        let owed = try w.owed()
        #expect(owed.count == 2)
        let a = NotificationEmail(try #require(owed.first { $0.itemId.hasSuffix("AAAAAAAA") }), portalURL: "https://example.org/")
        #expect(a.subject == "Your feedback WEB-20261207-AAAAAAAA: our answer")
        #expect(a.body.contains("https://example.org/feedback/WEB-20261207-AAAAAAAA"))
        #expect(a.body.contains("Hello Person WEB-20261207-AAAAAAAA,"))
        #expect(!a.body.contains("BBBBBBBB") && !a.body.contains("b@example.org"))
    }
}
