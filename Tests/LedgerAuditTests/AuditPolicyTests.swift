import Foundation
import LedgerAudit
import Testing

@Suite struct AuditPolicyTests {
    @Test func theEmbeddedPolicyIsTheSchemasFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schemas/audit/policy.v1.json")
        #expect(try String(contentsOf: file, encoding: .utf8) == AuditPolicy.defaultText)
        let (policy, sha) = try AuditPolicy.standard()
        #expect(policy.feedback.acknowledgeWithinWorkingDays == 3)
        #expect(sha.count == 64)
    }

    @Test func workingDays() {
        let calendar = WorkingDays(holidays: ["2026-05-04"])
        let friday = Day.number("2026-05-01") ?? 0
        #expect(Day.weekday(friday) == 4)
        #expect(Day.text(calendar.adding(3, to: friday)) == "2026-05-07")
        #expect(Day.text(Day.adding(months: 6, to: Day.number("2025-08-31") ?? 0)) == "2026-02-28")
    }

    @Test func aBadPolicyIsRefused() {
        #expect(throws: (any Error).self) { try AuditPolicy.load(Array(#"{"policy":"other"}"#.utf8)) }
    }
}
