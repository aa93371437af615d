import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import Testing

/// Builders for the events the cadence projection folds.
enum CadenceFixture {
    static func region(_ id: String, at: String) -> JSONValue {
        Fixture.draft(RegionRegistered.example, ["regionId": .string(id), "name": .string("Region \(id)")], occurredAt: at)
    }

    static func review(_ id: String, region: String, carers: Int = 3, at: String) -> JSONValue {
        Fixture.draft(ReviewHeld.example, [
            "reviewId": .string(id), "regionId": .string(region), "serviceId": nil, "meetingId": nil,
            "participants": ["serviceUsers": 9, "carers": .number(Double(carers)), "vcse": 3, "marginalisedCommunities": 6, "staff": 5],
            "actionsRaised": [],
        ], occurredAt: at)
    }

    static func update(_ body: String, mode: String, at: String) -> JSONValue {
        Fixture.draft(BoardUpdateGiven.example, ["bodyId": .string(body), "mode": .string(mode), "meetingId": nil, "metricsIncluded": []], occurredAt: at)
    }

    static func findings(_ id: String, at: String) -> JSONValue {
        Fixture.draft(ReportPublished.example, ["reportId": .string(id), "observationRefs": nil], occurredAt: at)
    }

    static func started(_ id: String, region: String, category: String = "community_engagement", at: String) -> JSONValue {
        Fixture.draft(PlaceBasedProjectStarted.example, [
            "projectId": .string(id), "regionId": .string(region), "category": .string(category), "partners": [],
        ], occurredAt: at)
    }

    static func completed(_ id: String, at: String) -> JSONValue {
        Fixture.draft(PlaceBasedProjectCompleted.example, ["projectId": .string(id)], occurredAt: at)
    }
}

@Suite struct CadenceTests {
    typealias C = CadenceFixture
    /// A date written in the test (an unparsable one would make every comparison fail).
    func d(_ s: String) -> CivilDate { CivilDate(parsing: s) ?? CivilDate(dayNumber: Int.min / 2) }

    @Test func addingMonthsClampsToTheEndOfTheMonth() throws {
        #expect(d("2025-08-31").adding(months: 6) == d("2026-02-28"))
        #expect(d("2027-08-31").adding(months: 6) == d("2028-02-29"))
        #expect(d("2025-08-11").adding(months: 6) == d("2026-02-11"))
        #expect(d("2025-01-15").adding(months: -2) == d("2024-11-15"))
        let policy = CadencePolicy(planStart: d("2023-04-01"))
        #expect(policy.planYear(containing: d("2026-03-31")) == (d("2025-04-01"), d("2026-03-31")))
        #expect(policy.planYear(containing: d("2026-04-01")) == (d("2026-04-01"), d("2027-03-31")))
    }

    @Test func aRegionOneReviewShortIsOverdueOnceItsGraceRunsOut() throws {
        let f = try Fixture()
        defer { f.remove() }
        for r in ["NW", "MID", "LDN"] { try f.append(C.region(r, at: "2025-04-01T09:00:00Z")) }
        try f.append(C.review("RV-NW-1", region: "NW", at: "2025-09-15T10:00:00Z"))
        let midReview = try f.append(C.review("RV-MID-1", region: "MID", at: "2025-08-11T10:00:00Z"))
        try f.append(C.review("RV-LDN-1", region: "LDN", at: "2025-11-05T10:00:00Z"))
        try f.append(C.review("RV-NW-2", region: "NW", at: "2026-03-10T10:00:00Z"))
        try f.append(C.review("RV-LDN-2", region: "LDN", carers: 0, at: "2026-03-01T10:00:00Z"))
        let policy = CadencePolicy(planStart: d("2025-04-01"))
        let p = Projections(ledger: f.ledger)

        let march = try p.cadence(now: d("2026-03-31"), policy: policy)
        #expect(march.planYearFrom == d("2025-04-01") && march.planYearTo == d("2026-03-31"))
        #expect(march.reviews.map(\.regionId) == ["NW", "MID", "LDN"])
        let nw = try #require(march.reviews.first { $0.regionId == "NW" })
        // NW: first due 2025-04-01 + 6 months + 30 days = 2025-10-31 (held 15 Sept); next due 2026-04-14 (held 10 March);
        // then 2026-09-10 + 30 = 2026-10-10.
        #expect(nw.reviews.map(\.dueBy) == [d("2025-10-31"), d("2026-04-14")])
        #expect(nw.heldThisPlanYear == 2 && nw.nextDueBy == d("2026-10-10") && nw.status == "on_track")
        // MID: one review, on 11 August; the next was due by 2026-02-11 + 30 days = 2026-03-13; 18 days overdue on 31 March.
        let mid = try #require(march.reviews.first { $0.regionId == "MID" })
        #expect(mid.heldThisPlanYear == 1 && mid.expectedPerPlanYear == 2)
        #expect(mid.lastReviewOn == d("2025-08-11") && mid.nextDueBy == d("2026-03-13"))
        #expect(mid.daysOverdue == 18 && mid.status == "overdue" && mid.reviews.map(\.review.index) == [midReview])
        // LDN: held 5 November, 5 days after it was due (31 October); its second had no carers.
        let ldn = try #require(march.reviews.first { $0.regionId == "LDN" })
        #expect(ldn.reviews.first?.daysLate == 5 && ldn.reviews.last?.missingGroups == ["carers"] && ldn.status == "late")
        #expect(march.lapses.contains("Region MID (Region MID): no review since 2025-08-11; the next was due by 2026-03-13 (18 days overdue); 1 of 2 reviews this plan year."))
        #expect(march.lapses.contains { $0.contains("RV-LDN-1 on 2025-11-05 came 5 days after it was due") })
        #expect(march.lapses.contains { $0.contains("RV-LDN-2") && $0.contains("nobody from carers") })
        #expect(!march.lapses.contains { $0.hasPrefix("Region NW") })

        // On its due date MID is not yet overdue; the day after, it is.
        #expect(try p.cadence(now: d("2026-03-13"), policy: policy).reviews.first { $0.regionId == "MID" }?.daysOverdue == 0)
        #expect(try p.cadence(now: d("2026-03-14"), policy: policy).reviews.first { $0.regionId == "MID" }?.daysOverdue == 1)
        // As of 1 September 2025 only what had happened counts: NW has no review yet but is not due until 31 October.
        let early = try p.cadence(now: d("2025-09-01"), policy: policy)
        #expect(early.reviews.first { $0.regionId == "NW" }?.reviews.isEmpty == true && early.lapses.isEmpty)
    }

    @Test func findingsBoardUpdatesAndProjectsAgainstTheirTargets() throws {
        let f = try Fixture()  // the log starts on 2026-01-01
        defer { f.remove() }
        try f.append(C.findings("RP-2026", at: "2026-03-20T10:00:00Z"))
        try f.append(C.update("B-TRUSTEES", mode: "verbal", at: "2026-02-01T10:00:00Z"))
        try f.append(C.update("B-EIB", mode: "written", at: "2026-02-02T10:00:00Z"))
        try f.append(C.started("PBP-1", region: "NW", at: "2025-06-01T10:00:00Z"))
        try f.append(C.completed("PBP-1", at: "2026-02-01T10:00:00Z"))
        try f.append(C.started("PBP-2", region: "MID", category: "other", at: "2025-06-02T10:00:00Z"))
        try f.append(C.completed("PBP-2", at: "2026-02-02T10:00:00Z"))
        try f.append(C.started("PBP-3", region: "LDN", at: "2025-07-01T10:00:00Z"))
        try f.append(C.completed("PBP-404", at: "2026-02-03T10:00:00Z"))  // never started: ignored
        let policy = CadencePolicy(planStart: d("2025-04-01"))
        let p = Projections(ledger: f.ledger)

        let march = try p.cadence(now: d("2026-03-31"), policy: policy)
        // Annual findings: the first was due by 2025-04-01 + 12 months + 30 days = 2026-05-01; published 20 March.
        #expect(march.annualFindings.reports.map(\.dueBy) == [d("2026-05-01")] && march.annualFindings.status == "on_track")
        #expect(march.annualFindings.nextDueBy == d("2027-04-19") && march.annualFindings.publishedThisPlanYear == 1)
        // Boards: the trustees heard on 1 February (next by 1 August); the programme board never, due 6 months after
        // the plan started (2025-10-01), as audit G-7 says: the clock starts at the plan's start, not when the log
        // started. B-EIB is listed but not required.
        #expect(march.boardUpdates.map(\.bodyId) == ["B-TRUSTEES", "B-REPB", "B-EIB"])
        let trustees = try #require(march.boardUpdates.first)
        #expect(trustees.nextDueBy == d("2026-08-01") && trustees.verbalThisPlanYear == 1 && trustees.writtenThisPlanYear == 0)
        // 31 March is the plan year's last day: only verbal updates that year.
        #expect(trustees.status == "one_mode_only")
        #expect(march.boardUpdates[1].nextDueBy == d("2025-10-01") && march.boardUpdates[1].daysOverdue == 181)
        #expect(march.boardUpdates[2].required == false)
        #expect(try p.cadence(now: d("2025-10-02"), policy: policy).boardUpdates[1].daysOverdue == 1)
        #expect(try p.cadence(now: d("2025-10-01"), policy: policy).boardUpdates[1].daysOverdue == 0)
        // Projects: one community engagement project done (PBP-2 is "other"), one in progress; 1 of 3 by 2028-03-31.
        let pb = march.placeBasedProjects
        #expect(pb.completed == 1 && pb.inProgress == 1 && pb.target == 3 && pb.regions == ["NW"] && pb.status == "on_track")
        #expect(pb.targetSource == "policy" && pb.projects.map(\.projectId) == ["PBP-1", "PBP-2", "PBP-3"])
        // A governed target (T-1 set to 2 by 2026-12-31) replaces the policy's; missed once the deadline passes.
        let target = try f.append(Fixture.draft(TargetSet.example, ["value": 2, "deadline": "2026-12-31"], occurredAt: "2026-04-01T10:00:00Z"))
        let later = try p.cadence(now: d("2027-01-01"), policy: policy)
        #expect(later.placeBasedProjects.target == 2 && later.placeBasedProjects.targetSource == "target_set at entry \(target)")
        #expect(later.placeBasedProjects.status == "missed")
        #expect(later.lapses.contains("Place-based projects: 1 of 2 community engagement projects completed by 2026-12-31."))
        try f.append(C.completed("PBP-3", at: "2026-12-01T10:00:00Z"))
        #expect(try p.cadence(now: d("2027-01-01"), policy: policy).placeBasedProjects.status == "met")
    }
}
