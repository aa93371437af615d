import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore
import Testing

/// The feedback loop and contributions recorded through the recording API, as the CLI's verbs and
/// the portal's form record them: typed payloads, private parts kept apart, refusals naming the field.
@Suite struct FeedbackRecordingTests {
    typealias World = RecordingAPITests.World

    /// The private part stored for the entry at `index`.
    static func privatePart(_ w: World, at index: Int) throws -> (subject: String, data: JSONValue)? {
        guard case .available(let subject, _, let data)? = try w.ledger.privateRecord(at: index) else { return nil }
        return (subject, data)
    }

    @Test func receivedFeedbackKeepsWhatThePersonWroteInThePrivatePart() throws {
        let w = try World()
        defer { w.remove() }
        let receipt = try w.record(
            ReceiveFeedback(
                feedbackId: "F-1", channel: .survey, language: "pa", consentToPublish: true, accessibleFormat: .easyRead,
                text: "Interpreters were late."),
            at: "2026-05-01T10:00:00Z")
        #expect(receipt.summary == "Received feedback F-1 by survey.")
        #expect(receipt.stream == "feedback/F-1")
        let stored = try #require(try w.payload(at: receipt.index) as? FeedbackReceived)
        #expect(
            stored
                == .make(
                    feedbackId: "F-1", channel: .survey, receivedAt: "2026-05-01T10:00:00Z", language: "pa",
                    accessibleFormat: .easyRead, consentToPublish: true, contactConsent: false))
        let part = try #require(try Self.privatePart(w, at: receipt.index))
        #expect(part.subject == "feedback/F-1", "anonymous feedback is sealed under its own subject")
        #expect(part.data == .object(["text": .string("Interpreters were late.")]))
    }

    @Test func anUnknownFieldValueIsNamedAndNothingIsAppended() throws {
        let w = try World()
        defer { w.remove() }
        let before = try w.ledger.size()
        let language = try #require(throws: RecordingError.self) {
            try w.record(ReceiveFeedback(feedbackId: "F-1", channel: .survey, language: "not a language!"))
        }
        #expect(language.kind == .invalid)
        #expect(language.pointer == "/payload/language")
        #expect(language.field == "--language")
        let acknowledged = try #require(throws: RecordingError.self) {
            try w.record(AcknowledgeFeedback(feedbackId: "F-NEVER", method: .email))
        }
        #expect(acknowledged.kind == .refused)
        #expect(acknowledged.description.contains("/payload/feedbackId"), "\(acknowledged)")
        #expect(try w.ledger.size() == before)
    }

    @Test func feedbackIsAcknowledgedAnsweredAndClosed() throws {
        let w = try World()
        defer { w.remove() }
        try w.record(RoleDefined(roleId: "R-HEAD-RJE", name: "Head of race equality", aliases: [], singleOccupant: false), at: "2026-04-01T00:00:00Z")
        try w.record(
            ReceiveFeedback(feedbackId: "F-1", channel: .forum, consentToPublish: true, text: "The room was cold."),
            at: "2026-05-01T09:00:00Z")
        let acknowledged = try w.record(AcknowledgeFeedback(feedbackId: "F-1", method: .email), at: "2026-05-02T09:30:00Z")
        #expect(acknowledged.summary == "Acknowledged feedback F-1 by email.")
        #expect(
            try w.payload(at: acknowledged.index) as? FeedbackAcknowledged
                == .make(feedbackId: "F-1", at: "2026-05-02T09:30:00Z", method: .email),
            "the acknowledgement's time is the effective time")
        let answer = RespondToFeedback(
            feedbackId: "F-1", youSaid: "You said the room was cold.", weDid: "We fixed the heating.", changeStatus: .changeMade,
            changeDescription: "Heating repaired.", moderatedByRoleId: "R-HEAD-RJE")
        let responded = try w.record(answer, at: "2026-05-10T00:00:00Z")
        #expect(responded.summary == "Responded to feedback F-1 (change_made).")
        let stored = try #require(try w.payload(at: responded.index) as? FeedbackResponded)
        #expect(stored == answer.response, "with consent to publish, the texts are public")
        #expect(try Self.privatePart(w, at: responded.index) == nil)
        let closed = try w.record(FeedbackClosed.make(feedbackId: "F-1", reason: .responded, note: "Done."))
        #expect(closed.summary == "Closed feedback F-1 (responded).")
        #expect(try w.payload(at: closed.index) as? FeedbackClosed == .make(feedbackId: "F-1", reason: .responded, note: "Done."))
    }

    @Test func anAnswerWithoutConsentToPublishIsSealedUnderTheFeedbacksSubject() throws {
        let w = try World()
        defer { w.remove() }
        try w.record(RoleDefined(roleId: "R-HEAD-RJE", name: "Head of race equality", aliases: [], singleOccupant: false), at: "2026-04-01T00:00:00Z")
        try w.record(
            ReceiveFeedback(feedbackId: "F-2", channel: .complaint, lawfulBasisRef: "LB-ART9-2H", text: "Private."),
            at: "2026-05-01T09:00:00Z")
        let before = try w.ledger.size()
        let missing = RespondToFeedback(
            feedbackId: "F-2", youSaid: "S", weDid: "D", changeStatus: .changeMade, moderatedByRoleId: "R-HEAD-RJE")
        let error = try #require(throws: RecordingError.self) { try w.record(missing) }
        #expect(error.pointer == "/payload/changeDescription")
        #expect(error.field == "--change-description")
        #expect(try w.ledger.size() == before, "nothing appended")
        let answer = RespondToFeedback(
            feedbackId: "F-2", youSaid: "You said the wait was long.", weDid: "We added a clinic.",
            changeStatus: .noChangeWithReason, reason: "Already planned.", moderatedByRoleId: "R-HEAD-RJE")
        let responded = try w.record(answer, at: "2026-05-10T00:00:00Z")
        let stored = try #require(try w.payload(at: responded.index) as? FeedbackResponded)
        #expect(stored.publicSummary == nil)
        #expect(stored.response == nil)
        #expect(stored.lawfulBasisRef == "LB-ART9-2H", "sealed under the feedback's lawful basis")
        let part = try #require(try Self.privatePart(w, at: responded.index))
        #expect(part.subject == "feedback/F-2")
        #expect(
            part.data
                == .object([
                    FeedbackResponded.CodingKeys.publicSummary.stringValue: .string("You said the wait was long."),
                    FeedbackResponded.CodingKeys.response.stringValue: .string("We added a clinic."),
                ]))
    }

    @Test func aContributionIsRecordedAndTracedToAReport() throws {
        let w = try World()
        defer { w.remove() }
        try w.record(RoleDefined(roleId: "R-CHAIR-X", name: "Chair of the forum", aliases: [], singleOccupant: true), at: "2026-04-01T00:00:00Z")
        try w.record(
            RegisterPerson(personId: "p-0002", categories: [.staff], lawfulBasisRef: "ROPA-1"), at: "2026-04-01T00:00:00Z")
        try w.record(
            BodyEstablished(
                bodyId: "B-AMHEPF", bodyType: .amhePracticeForum, name: "Practice Forum", aliases: [], chairRoleId: "R-CHAIR-X",
                facilitatorRoleIds: [], torDocHash: DocHash(unchecked: RecordingAPITests.hash),
                quorumRule: QuorumRule(min: 2), ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .advisory),
            at: "2026-04-02T00:00:00Z")
        let before = try w.ledger.size()
        let nowhere = RecordContribution(
            .make(contributionId: "CON-0", personId: "p-0002", kind: .insight, ladderRung: .coDesign), content: "An idea.")
        let error = try #require(throws: RecordingError.self) { try w.record(nowhere) }
        #expect(error.pointer == "/payload/bodyId")
        #expect(error.field == "--body/--meeting", "a contribution needs a body or a meeting")
        #expect(try w.ledger.size() == before)

        let contribution = ContributionRecorded.make(
            contributionId: "CON-1", personId: "p-0002", bodyId: "B-AMHEPF", kind: .coDesign, ladderRung: .coDesign,
            topicRefs: ["PW-2"], hours: 3, lawfulBasisRef: "LB-ART9-2H")
        let recorded = try w.record(RecordContribution(contribution, content: "Pay partners for their time."))
        #expect(recorded.summary == "Recorded contribution CON-1 by p-0002.")
        #expect(try w.payload(at: recorded.index) as? ContributionRecorded == contribution)
        let part = try #require(try Self.privatePart(w, at: recorded.index))
        #expect(part.subject == "person/p-0002")
        #expect(part.data == .object(["content": .string("Pay partners for their time.")]))

        try w.appendRaw(
            ReportPublished.make(
                reportId: "RP-2026", type: .annualFindings, title: "Annual findings 2026",
                period: .init(from: "2026-04-01", to: "2027-03-31"), url: "https://example.org/findings-2026",
                docHash: RecordingAPITests.hash, sdcAttestation: .init(policyRef: "SDC-1", checkedBy: "R-CHAIR-X"),
                accessibleFormats: []),
            at: "2026-05-01T00:00:00Z")
        let traced = ContributionInfluenceTraced.make(
            contributionId: "CON-1", targetType: .report, targetId: "RP-2026", influence: .adapted,
            explanation: "The report's section on paying partners was rewritten.")
        let receipt = try w.record(traced)
        #expect(receipt.summary == "Traced contribution CON-1 to report:RP-2026 (adapted).")
        #expect(try w.payload(at: receipt.index) as? ContributionInfluenceTraced == traced)
        let size = try w.ledger.size()
        let unknown = ContributionInfluenceTraced.make(
            contributionId: "CON-1", targetType: .report, targetId: "RP-NONE", influence: .adopted, explanation: "Adopted.")
        let refused = try #require(throws: RecordingError.self) { try w.record(unknown) }
        #expect(refused.kind == .refused)
        #expect(refused.description.hasPrefix("/payload/targetId: "), "\(refused)")
        #expect(try w.ledger.size() == size)
    }
}
