import Foundation
import LedgerAudit
import LedgerCore
import Testing

/// The audit of the demo year finds exactly the three lapses the generator planted, and nothing else.
@Suite struct DemoAuditTests {
    @Test func theAuditFindsThePlantedLapsesAndNothingElse() throws {
        let demo = try DemoLedgerTests.DemoLedger()
        defer { demo.remove() }
        let (policy, sha) = try AuditPolicy.standard()
        let report = try Audit.run(.ledger(demo.ledger), policy: policy, policySHA256: sha, asOf: "2026-03-31")
        #expect(report.integrity.isEmpty, "\(report.integrity)")
        #expect(report.entitlement.isEmpty, "\(report.entitlement)")
        let failing = report.rules.filter { $0.verdict == .fail }
        #expect(failing.map(\.id) == ["G-4", "F-1", "F-2", "M-4"])
        let details = failing.flatMap(\.findings).map(\.detail).joined(separator: "\n")
        #expect(failing.allSatisfy { $0.findings.count == 1 }, "\(details)")
        #expect(details.contains("D-REPB-20251013-1"))
        #expect(details.contains("FB-20250520-001"))
        #expect(details.contains("region MID"))
        #expect(report.rules.first { $0.id == "C-1" }?.verdict == .pass)
        #expect(report.rules.first { $0.id == "M-6" }?.verdict == .pass)
    }
}
