import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
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

    @Test func theDefaultCalendarIsTheSharedEnglandAndWalesList() throws {
        let (policy, _) = try AuditPolicy.standard()
        #expect(policy.bankHolidays.calendar == "england-and-wales")
        #expect(policy.calendar.holidays == WorkingCalendar.englandAndWales.holidays)
        // Friday 1 May 2026; Monday 4 May is a bank holiday: three working days later is Thursday 7 May.
        let friday = try #require(CivilDate(parsing: "2026-05-01"))
        #expect(policy.calendar.adding(workingDays: 3, to: friday).description == "2026-05-07")
        #expect(try #require(CivilDate(parsing: "2025-08-31")).adding(months: 6).description == "2026-02-28")
        #expect(try #require(CivilDate(parsing: "2024-02-29")).adding(years: 1).description == "2025-02-28")
        #expect(try #require(CivilDate(parsing: "2026-01-31")).adding(months: -2).description == "2025-11-30")
    }

    @Test func aPolicyFileNeedsOnlyWhatItChangesAndCanAddHolidays() throws {
        let text = #"{"policy": "coledger-audit/v1", "feedback": {"acknowledgeWithinWorkingDays": 5}, "bankHolidays": {"dates": ["2026-05-05"]}}"#
        let (policy, sha) = try AuditPolicy.load(Array(text.utf8))
        #expect(policy.feedback.acknowledgeWithinWorkingDays == 5)
        #expect(policy.feedback.respondWithinDays == 90, "left out, so the default")
        #expect(policy.bankHolidays.calendar == "england-and-wales", "the calendar is kept and the date added to it")
        // Friday 1 May 2026 + 3 working days, skipping Monday 4 (bank holiday) and Tuesday 5 (extra): Friday 8 May.
        #expect(policy.calendar.adding(workingDays: 3, to: try #require(CivilDate(parsing: "2026-05-01"))).description == "2026-05-08")
        #expect(sha == Hex.encode(SHA256.hash(Array(text.utf8))), "the hash is of the file given, not of the merged policy")
        let weekendsOnly = try AuditPolicy.load(Array(#"{"policy": "coledger-audit/v1", "bankHolidays": {"calendar": null}}"#.utf8)).policy
        #expect(weekendsOnly.calendar.holidays.isEmpty)
    }

    @Test(arguments: [
        (#"{"policy":"other"}"#, "/policy"),
        (#"{"policy":"coledger-audit/v1","feedback":{"acknowledgeWithinWorkingdays":2}}"#, "/feedback/acknowledgeWithinWorkingdays"),
        (#"{"policy":"coledger-audit/v1","plan":{"planStart":"2023-02-30"}}"#, "/plan/planStart"),
        (#"{"policy":"coledger-audit/v1","bankHolidays":{"calendar":"scotland"}}"#, "/bankHolidays/calendar"),
        (#"{"policy":"coledger-audit/v1","governance":{"maxVacancyDays":"thirty"}}"#, "/governance/maxVacancyDays"),
        (#"{"policy":"coledger-audit/v1","governance":{"ebeMinShare":1.5}}"#, "/governance/ebeMinShare"),
        (#"{"policy":"coledger-audit/v1","governance":{"maxVacancyDays":-1}}"#, "/governance/maxVacancyDays"),
    ])
    func aBadPolicyIsRefusedNamingTheMember(text: String, pointer: String) {
        do {
            _ = try AuditPolicy.load(Array(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(pointer), "\(error)")
        }
    }
}
