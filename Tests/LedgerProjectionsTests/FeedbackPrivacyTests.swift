import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import Testing

/// Defect 13 of issue 10: the feedback projection (the source of `feedback.csv`, the portal and
/// the "you said, we did" table) holds no answer text for feedback received without consent to
/// publish, even from a version 1 `feedback.responded` whose payload still carries it.
@Suite struct FeedbackPrivacyTests {
    @Test func anAnswerWithoutConsentIsNeverInTheProjection() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(Fixture.feedback("F-1", receivedAt: "2026-02-02T10:00:00Z", consent: true))
        try f.append(Fixture.feedback("F-2", receivedAt: "2026-02-02T11:00:00Z", consent: false))
        // Both answered with version 1 entries: texts in the public payload.
        try f.append(Fixture.responded("F-1", at: "2026-02-20T10:00:00Z"))
        try f.append(Fixture.responded("F-2", at: "2026-02-20T11:00:00Z"))
        let p = Projections(ledger: f.ledger)
        let items = Dictionary(uniqueKeysWithValues: try p.feedbackItems().map { ($0.feedbackId, $0) })
        let said = FeedbackResponded.example.publicSummary
        #expect(items["F-1"]?.publicSummary == said && items["F-1"]?.response == FeedbackResponded.example.response)
        #expect(items["F-2"]?.publicSummary == nil && items["F-2"]?.response == nil)
        #expect(items["F-2"]?.respondedAt == "2026-02-20T11:00:00Z" && items["F-2"]?.changeStatus == "change_made")
        #expect(try p.youSaidWeDid().map(\.feedbackId) == ["F-1"])
    }
}
