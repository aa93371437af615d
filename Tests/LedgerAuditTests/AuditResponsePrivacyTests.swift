import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// Rule P-1 and defect 13 of issue 10: an answer whose "you said" or "we did" is in the public
/// payload although the submitter did not consent to publication is personal data in the payload.
@Suite struct AuditResponsePrivacyTests {
    typealias Log = AuditRuleTests.Log

    @Test func p1ReportsAnAnswerPublishedWithoutConsent() throws {
        let log = try Log()
        for (id, consent) in [("F-1", true), ("F-2", false)] {
            try log.add("feedback.received", "feedback/\(id)", on: "2026-05-01", [
                "feedbackId": .string(id), "receivedAt": "2026-05-01T10:00:00Z", "consentToPublish": .bool(consent), "lawfulBasisRef": "LB-1",
            ])
        }
        let answer: [String: JSONValue] = [
            "moderatedByRoleId": "R-HEAD-RJE", "changeStatus": "referred", "changeDescription": "Referred to the council.",
            "publicSummary": "You said your housing was unsuitable for your family.", "response": "We passed it on.",
        ]
        try log.add("feedback.responded", "feedback/F-1", on: "2026-05-10", answer.merging(["feedbackId": "F-1"]) { a, _ in a })
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2026-06-01"), "P-1")?.findings.isEmpty == true, "F-1 consented to publication")
        let leaked = try log.add("feedback.responded", "feedback/F-2", on: "2026-05-10", answer.merging(["feedbackId": "F-2"]) { a, _ in a })
        let p1 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2026-06-01"), "P-1"))
        #expect(p1.verdict == .fail)
        #expect(p1.findings.map(\.index) == [leaked])
        #expect(p1.findings.first?.detail.contains("publicSummary") == true)
    }
}
