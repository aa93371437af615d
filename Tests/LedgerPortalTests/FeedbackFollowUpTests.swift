import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import Testing

@testable import LedgerPortal

/// Follow-up by reference (issue 15): `GET /feedback/REF` shows where web-form feedback stands,
/// on ``PortalFixture``'s ledger (clocks judged on 2026-03-31), as staff record each stage
/// through the ``Recorder``.
struct FeedbackFollowUpTests {
    /// Records web-form feedback received on 2 March 2026 (a Monday: acknowledge by Thursday
    /// 5 March, answer by 31 May).
    static func receive(_ f: PortalFixture, id: String, publish: Bool) throws {
        _ = try Recorder(ledger: f.ledger).record(
            ReceiveFeedback(
                feedbackId: id, channel: .webForm, submitter: FeedbackReceived.anonymous, language: "en",
                consentToPublish: publish, contactConsent: false, lawfulBasisRef: f.portal.configuration.lawfulBasis,
                text: "The private words of \(id)"),
            at: "2026-03-02T10:00:00Z", signer: f.intake)
    }

    static func record<R: RecordingRequest>(_ f: PortalFixture, _ request: R, at time: String) throws {
        _ = try Recorder(ledger: f.ledger).record(request, at: time, signer: f.admin)
    }

    static func respond(_ f: PortalFixture, id: String) throws {
        try record(
            f,
            RespondToFeedback(
                feedbackId: id, youSaid: "Said summary of \(id)", weDid: "Did something for \(id)",
                changeStatus: .changeMade, changeDescription: "Interpreters booked", moderatedByRoleId: "R-HEAD-RJE"),
            at: "2026-03-20T10:00:00Z")
    }

    /// The stage's card (`<li>` under its heading), so each assertion is about one stage.
    static func stage(_ page: String, _ title: String) -> String {
        guard let start = page.range(of: "<h2>\(title)<") else { return "" }
        let rest = page[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</li>")?.lowerBound ?? rest.endIndex)])
    }

    @Test func theStatusFollowsTheLogAsItGrows() async throws {
        let f = try PortalFixture()
        let id = "WEB-20260302-7K3QX9ZD"
        try Self.receive(f, id: id, publish: true)
        var page = await f.get("/feedback/\(id)")
        #expect(page.status == 200 && page.header("cache-control") == "no-store")
        #expect(Self.stage(page.text, "Received").contains("We received it on 2 March 2026 through this website."))
        #expect(
            Self.stage(page.text, "Acknowledged").contains(
                "We should have acknowledged it by 5 March 2026 (3 working days after it arrived), and have not yet."))
        #expect(Self.stage(page.text, "Answered").contains("Not yet. We will answer it by 31 May 2026"))
        #expect(Self.stage(page.text, "Closed").contains("Not yet: it is still open."))
        #expect(!page.text.contains("The private words"))

        try Self.record(f, AcknowledgeFeedback(feedbackId: id, method: .email), at: "2026-03-04T09:00:00Z")
        page = await f.get("/feedback/\(id)")
        #expect(Self.stage(page.text, "Acknowledged").contains("We acknowledged it on 4 March 2026.</p>"), "\(page.text)")
        #expect(!Self.stage(page.text, "Acknowledged").contains("Late"))

        try Self.respond(f, id: id)
        page = await f.get("/feedback/\(id)")
        let answered = Self.stage(page.text, "Answered")
        #expect(answered.contains("We answered it on 20 March 2026."), "\(page.text)")
        #expect(answered.contains("<dd>Said summary of \(id)</dd>") && answered.contains("<dd>Did something for \(id)</dd>"))
        #expect(answered.contains("<dd>Interpreters booked</dd>"))

        try Self.record(
            f, FeedbackClosed.make(feedbackId: id, reason: .responded, note: nil), at: "2026-03-21T09:00:00Z")
        page = await f.get("/feedback/\(id)")
        #expect(Self.stage(page.text, "Closed").contains("We closed it on 21 March 2026, after answering it."))
        #expect(!page.text.contains("The private words"))

        // Read at an earlier point, the page shows the stages as they were then, its clocks judged then.
        let then = await f.get("/feedback/\(id)?as-of=2026-03-03")
        #expect(then.status == 200 && then.text.contains("This page shows the record as of 2026-03-03"), "\(then.text)")
        #expect(Self.stage(then.text, "Acknowledged").contains("Not yet. We will acknowledge it by 5 March 2026"))
        #expect(Self.stage(then.text, "Answered").contains("Not yet."))
        // Before it arrived: the same 404 as for a reference never given, saying nothing of other points.
        let before = await f.get("/feedback/\(id)?as-of=2026-03-01")
        #expect(before.status == 404)
        #expect(before.text.contains("We have no feedback with the reference \(id). Check it and try again."))
        #expect(!before.text.contains("2026-03-02"))
    }

    @Test func withoutConsentTheAnswerIsNotShown() async throws {
        let f = try PortalFixture()
        let id = "WEB-20260302-AAAABBBB"
        try Self.receive(f, id: id, publish: false)
        try Self.respond(f, id: id)
        let page = await f.get("/feedback/\(id)")
        let answered = Self.stage(page.text, "Answered")
        #expect(answered.contains("We answered it on 20 March 2026."), "\(page.text)")
        #expect(answered.contains("You did not agree that we publish a summary, so the answer is not shown here."))
        #expect(!page.text.contains("Said summary") && !page.text.contains("Did something"))
        #expect(!page.text.contains("Interpreters booked"))
    }

    @Test func malformedIsRefusedByNameUnknownIsNotFoundAndLookUpsAreLimited() async throws {
        let f = try PortalFixture()
        // Staff ids are guessable, so they are not public by id; nor is anything not shaped like a reference.
        for typed in ["F-2026-0001", "WEB-20260230-7K3QX9ZD", "WEB-20260302-7K3QX9Z", "WEB-20260302-7K3QX9ZU", "<b>"] {
            let page = await f.get("/feedback/\(HTML.urlComponent(typed))")
            #expect(page.status == 400, "\(typed)")
            #expect(page.text.contains("\u{201C}\(HTML.escape(typed))\u{201D} is not a feedback reference"), "\(typed)")
        }
        // Every look-up counts against the client's limit, as a contribution code's does.
        let g = try PortalFixture(postsPerMinute: 2, clockStill: true)
        let unknown = await g.get("/feedback/web-20260302-7k3qx9zd")
        #expect(unknown.status == 404)
        #expect(unknown.text.contains("We have no feedback with the reference WEB-20260302-7K3QX9ZD."))
        #expect((await g.get("/feedback/WEB-20260302-7K3QX9ZD")).status == 404)
        let refused = await g.get("/feedback/WEB-20260302-7K3QX9ZD")
        #expect(refused.status == 429 && refused.header("retry-after").flatMap(Int.init) == 60)
    }

    @Test func theFormsSendAReferenceToItsPage() async throws {
        let f = try PortalFixture()
        let (token, cookie) = try await f.formToken()
        let thanks = await f.post(
            "/feedback", form: [("csrf", token), ("feedback", "hello"), ("language", "en")], cookie: cookie)
        let reference = String(try #require(thanks.text.firstMatch(of: /class="reference">([^<]+)</)?.1))
        #expect(thanks.text.contains("<a href=\"/feedback/\(reference)\">See where your feedback is</a>"))
        #expect(thanks.text.contains("action=\"/contributions\"") && thanks.text.contains("value=\"\(reference)\""))
        let lookup = await f.post("/contributions", form: [("code", " \(reference.lowercased()) ")], cookie: nil)
        #expect(lookup.status == 303 && lookup.header("location") == "/feedback/\(reference)")
        let page = await f.get("/feedback/\(reference)")
        #expect(page.status == 200 && page.text.contains("Reference \(reference)."))
        // A contribution code is still looked up as before.
        #expect((await f.post("/contributions", form: [("code", "0000-0000-0000-0000")], cookie: nil)).status == 404)
    }
}
