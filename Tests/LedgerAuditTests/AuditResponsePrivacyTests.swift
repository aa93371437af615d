import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// Rule P-1 and defect 13 of issue 10: an answer whose "you said" or "we did" is in the public
/// payload although the submitter did not consent to publication is personal data in the payload.
@Suite struct AuditResponsePrivacyTests {
    typealias Log = AuditRuleTests.Log

    @Test func p1ReportsAnAnswerPublishedWithoutConsent() throws {
        let log = try Log()
        for (id, consent) in [("F-1", true), ("F-2", false)] {
            try log.add(log.feedback(id, publish: consent).with { $0.lawfulBasisRef = "LB-1" }, on: "2026-05-01")
        }
        func answer(_ id: String) -> FeedbackResponded {
            log.answer(id, .referred).with {
                $0.moderatedByRoleId = "R-HEAD-RJE"
                $0.changeDescription = "Referred to the council."
                $0.publicSummary = "You said your housing was unsuitable for your family."
                $0.response = "We passed it on."
            }
        }
        try log.add(answer("F-1"), on: "2026-05-10")
        #expect(AuditRuleTests.rule(try log.audit(asOf: "2026-06-01"), "P-1")?.findings.isEmpty == true, "F-1 consented to publication")
        let leaked = try log.add(answer("F-2"), on: "2026-05-10")
        let p1 = try #require(AuditRuleTests.rule(try log.audit(asOf: "2026-06-01"), "P-1"))
        #expect(p1.verdict == .fail)
        #expect(p1.findings.map(\.index) == [leaked])
        #expect(p1.findings.first?.detail.contains("publicSummary") == true)
    }
}
