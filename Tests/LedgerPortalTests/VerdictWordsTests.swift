import Testing

@testable import LedgerPortal

/// The portal's "Check the record" page says a rule's verdict in the audit report's words:
/// pass, fail, not yet due, nothing to judge (never "not applicable").
@Suite struct VerdictWordsTests {
    @Test func theCheckTheRecordPageUsesTheAuditsWords() {
        let rules = [("G-5", "fail"), ("G-8", "not_yet_due"), ("G-9", "nothing_to_judge"), ("F-1", "pass")].map {
            VerifyStatus.Rule(id: $0.0, title: "Rule \($0.0)", verdict: $0.1, checked: 0, findings: [])
        }
        let audit = VerifyStatus.AuditResult(
            state: "done", asOf: "2026-12-07", entries: 10, passed: false, integrityFailures: 0, entitlementFailures: 0, rules: rules,
            finishedAt: nil, error: nil)
        let html = Pages.audit(audit).html
        for (id, words) in [("G-5", "Fail"), ("G-8", "Not yet due"), ("G-9", "Nothing to judge"), ("F-1", "Pass")] {
            #expect(html.contains("<th scope=\"row\">\(id)</th>"))
            #expect(html.contains(">\(words)</td></tr>"), "\(id): \(words)")
        }
        #expect(!html.contains("Not applicable"))
    }
}
