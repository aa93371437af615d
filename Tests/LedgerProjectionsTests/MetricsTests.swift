import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore
import Testing

/// Builders for metric events (catalogue examples with members replaced).
enum MetricFixture {
    static func define(_ id: String, dimensions: [String], unit: String = "count", at: String = "2026-01-02T10:00:00Z") -> JSONValue {
        Fixture.draft(MetricDefined.example, [
            "metricId": .string(id), "code": "M-TEST", "name": .string("Test metric \(id)"), "unit": .string(unit),
            "dimensions": .array(dimensions.map { .string($0) }), "scope": "national", "regionId": nil, "locallyCoproducedRefs": [],
        ], occurredAt: at)
    }

    static func cell(_ dims: [String: String], n: Int, d: Int? = nil, value: Double? = nil) -> JSONValue {
        var o: [String: JSONValue] = ["dims": .object(dims.mapValues { .string($0) }), "n": .number(Double(n))]
        if let d { o["d"] = .number(Double(d)) }
        if let value { o["value"] = .number(value) }
        return .object(o)
    }

    static func observe(
        _ id: String, cells: [JSONValue], completeness: (notStated: Int, notKnown: Int, total: Int?)? = nil, region: String? = nil,
        from: String = "2026-01-01", to: String = "2026-03-31", at: String = "2026-04-05T10:00:00Z"
    ) -> JSONValue {
        var c: [String: JSONValue?] = [
            "metricId": .string(id), "cells": .array(cells), "period": ["from": .string(from), "to": .string(to)],
            "scope": .string(region == nil ? "national" : "regional"), "regionId": region.map { JSONValue.string($0) },
            "serviceId": nil, "ethnicityCodeSystem": nil, "completeness": nil,
        ]
        if let completeness {
            var o: [String: JSONValue] = ["notStated": .number(Double(completeness.notStated)), "notKnown": .number(Double(completeness.notKnown))]
            if let total = completeness.total { o["total"] = .number(Double(total)) }
            c["completeness"] = .object(o)
            c["ethnicityCodeSystem"] = "ons2021"
        }
        return Fixture.draft(MetricObserved.example, c, occurredAt: at)
    }

    static func disparity(_ id: String, metric: String, focus: [String: String], reference: [String: String], magnitude: Double, observation: String) -> JSONValue {
        Fixture.draft(DisparityIdentified.example, [
            "disparityId": .string(id), "metricId": .string(metric), "period": ["from": "2026-01-01", "to": "2026-03-31"],
            "focusGroup": .object(focus.mapValues { .string($0) }), "referenceGroup": .object(reference.mapValues { .string($0) }),
            "magnitude": .number(magnitude), "observationRef": .string(observation),
        ], occurredAt: "2026-04-06T10:00:00Z")
    }

    static func row(_ b: MetricBreakdown?, _ dimension: String, _ value: String) -> MetricRow? {
        b?.rows.first { $0.dims == [dimension: value] }
    }
}

@Suite struct MetricsTests {
    typealias M = MetricFixture
    let hidden = Disclosed<Int>.suppressed(.smallNumber)
    let derived = Disclosed<Double>.suppressed(.derivedFromSuppressed)

    func onlyObservation(_ p: Projections, _ metric: String, policy: SuppressionPolicy = .standard) throws -> ObservationReport {
        let report = try p.metrics(MetricsQuery(metric: metric), policy: policy)
        return try #require(report.metrics.first?.observations.first)
    }

    @Test func countsOf1To7AreHiddenZeroIsShownAndOthersRoundToFive() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(M.define("M-AGE", dimensions: ["age"]))
        try f.append(M.observe("M-AGE", cells: [
            M.cell(["age": "18-24"], n: 0), M.cell(["age": "25-34"], n: 1), M.cell(["age": "35-49"], n: 7),
            M.cell(["age": "50-64"], n: 8), M.cell(["age": "65+"], n: 12), M.cell(["age": "16-17"], n: 13),
        ]))
        let o = try onlyObservation(Projections(ledger: f.ledger), "M-AGE")
        let b = try #require(o.breakdowns.first { $0.by == ["age"] })
        #expect(b.measure == "share" && !b.derived)
        func count(_ band: String) -> Disclosed<Int>? { M.row(b, "age", band)?.count }
        // 0 is shown as 0: the policy hides 1-7 (as HES does); a true zero identifies no one.
        #expect(count("18-24") == .shown(0))
        #expect(count("25-34") == hidden && count("35-49") == hidden)
        // 8 → 10, 12 → 10, 13 → 15 (nearest 5).
        #expect(count("50-64") == .shown(10) && count("65+") == .shown(10) && count("16-17") == .shown(15))
        // Everyone: 0+1+7+8+12+13 = 41 → 40. Two counts of the line are hidden already: no secondary suppression.
        #expect(b.overall.count == .shown(40))
        // Shares come from the rounded counts: 10/40 = 25 %, 15/40 = 37.5 %, 0/40 = 0 %; a hidden count's share is hidden.
        #expect(M.row(b, "age", "50-64")?.percent == .shown(25) && M.row(b, "age", "16-17")?.percent == .shown(37.5))
        #expect(M.row(b, "age", "18-24")?.percent == .shown(0) && M.row(b, "age", "25-34")?.percent == derived)

        // The JSON of a hidden cell has no number in it; a shown one has the rounded number only.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let small = String(decoding: try encoder.encode(try #require(M.row(b, "age", "25-34"))), as: UTF8.self)
        #expect(small.contains(#""count":{"reason":"small_number","suppressed":true}"#))
        #expect(!small.contains("1") && !small.contains("value"))
        let thirteen = String(decoding: try encoder.encode(try #require(M.row(b, "age", "16-17"))), as: UTF8.self)
        #expect(thirteen.contains(#""count":{"value":15}"#) && !thirteen.contains("13"))
        let decoded = try JSONDecoder().decode(MetricsReport.self, from: try encoder.encode(try Projections(ledger: f.ledger).metrics()))
        #expect(decoded.metrics.first?.observations.first == o)
    }

    @Test func aRowWithOneHiddenCellHidesTheNextSmallestToo() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(M.define("M-REL", dimensions: ["religion_belief"]))
        try f.append(M.observe("M-REL", cells: [
            M.cell(["religionBelief": "christian"], n: 40), M.cell(["religionBelief": "muslim"], n: 25),
            M.cell(["religionBelief": "hindu"], n: 3), M.cell(["religionBelief": "sikh"], n: 9),
            M.cell(["religionBelief": "no_religion"], n: 30), M.cell(["religionBelief": "other"], n: 0),
        ]))
        let p = Projections(ledger: f.ledger)
        let b = try #require(try onlyObservation(p, "M-REL").breakdowns.first)
        func count(_ v: String) -> Disclosed<Int>? { M.row(b, "religion_belief", v)?.count }
        // Total 107 → 105. Hindu (3) alone hidden would be 107 − 40 − 25 − 9 − 30 − 0 = 3 by subtraction,
        // so the smallest non-zero shown count of the row, Sikh (9), is hidden too; 0 is not a candidate.
        #expect(count("hindu") == hidden && count("sikh") == hidden)
        #expect(count("christian") == .shown(40) && count("muslim") == .shown(25) && count("no_religion") == .shown(30))
        #expect(count("other") == .shown(0) && b.overall.count == .shown(105))
        // Without secondary suppression Sikh would be shown (9 → 10): it is hidden only to protect Hindu.
        var noSecondary = SuppressionPolicy.standard
        noSecondary.secondarySuppression = false
        let plain = try #require(try onlyObservation(p, "M-REL", policy: noSecondary).breakdowns.first)
        #expect(M.row(plain, "religion_belief", "sikh")?.count == .shown(10) && M.row(plain, "religion_belief", "hindu")?.count == hidden)
        // A policy exempting national figures shows them raw.
        var exempt = SuppressionPolicy.standard
        exempt.exemptNational = true
        let raw = try onlyObservation(p, "M-REL", policy: exempt)
        #expect(!raw.suppressionApplied && M.row(raw.breakdowns.first, "religion_belief", "hindu")?.count == .shown(3))
    }

    @Test func secondarySuppressionCascadesThroughEthnicGroupsAndCompleteness() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(M.define("M-ETH", dimensions: ["ethnicity"]))
        let cells: [(String, Int)] = [("W1", 40), ("W2", 10), ("W5", 12), ("A1", 30), ("A2", 6), ("B1", 25), ("B2", 20), ("not_stated", 15), ("not_known", 9)]
        try f.append(M.observe("M-ETH", cells: cells.map { M.cell(["ethnicity": $0.0], n: $0.1) }, completeness: (15, 9, 167)))
        let o = try onlyObservation(Projections(ledger: f.ledger), "M-ETH")
        let byCode = try #require(o.breakdowns.first { $0.by == ["ethnicity"] })
        let byGroup = try #require(o.breakdowns.first { $0.by == ["ethnicity_group"] })
        #expect(byGroup.derived)
        func code(_ c: String) -> Disclosed<Int>? { M.row(byCode, "ethnicity", c)?.count }
        func group(_ g: String) -> Disclosed<Int>? { M.row(byGroup, "ethnicity_group", g)?.count }
        // Worked by hand. Primary: A2 (6).
        // Line of all categories (sum 167): only A2 hidden → hide the smallest, not known (9).
        // Asian = A1 + A2 = 36: only A2 hidden → hide A1 (30).
        // Groups + not stated + not known = 167: only not known hidden → hide the smallest, not stated (15).
        // Not stated + not known + recorded (143) = 167: two hidden. Every line now has 0 or ≥ 2 hidden.
        #expect(code("A2") == hidden && code("A1") == hidden && code("not_known") == hidden && code("not_stated") == hidden)
        #expect(code("W1") == .shown(40) && code("W2") == .shown(10) && code("W5") == .shown(10))
        #expect(code("B1") == .shown(25) && code("B2") == .shown(20))
        // The roll-up: White 62 → 60, Asian 36 → 35 (both its categories hidden), Black 45; everyone 167 → 165.
        #expect(group("white") == .shown(60) && group("asian") == .shown(35) && group("black") == .shown(45))
        #expect(group("not_stated") == hidden && group("not_known") == hidden)
        #expect(byCode.overall.count == .shown(165) && byGroup.overall.count == .shown(165))
        // Completeness shows the same fate as the cells holding the same counts.
        let c = try #require(o.completeness)
        #expect(c.notStated == hidden && c.notKnown == hidden && c.total == .shown(165))
        #expect(c.notStatedPercent == derived && c.notKnownPercent == derived)
        // Rows in code order, not stated and not known last.
        #expect(byCode.rows.map { $0.dims["ethnicity"] ?? "" } == cells.map(\.0))
    }

    @Test func notStatedAndNotKnownAreReportedApart() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(Fixture.draft(MetricDefined.example, [:], occurredAt: "2026-01-02T10:00:00Z"))
        try f.append(Fixture.draft(MetricObserved.example, [:], occurredAt: "2026-07-05T10:00:00Z"))
        let o = try onlyObservation(Projections(ledger: f.ledger), "M-SUD")
        // The catalogue example: London, 540 service users, 40 declined (not stated), 35 never asked (not known).
        let c = try #require(o.completeness)
        #expect(c.notStated == .shown(40) && c.notKnown == .shown(35) && c.total == .shown(540))
        // 40/540 = 7.41 % and 35/540 = 6.48 %: two figures, never added together.
        #expect(c.notStatedPercent == .shown(7.4) && c.notKnownPercent == .shown(6.5))
        // Headline: 465 of 540 recorded, 86.1 %.
        #expect(o.headline?.count == .shown(465) && o.headline?.denominator == .shown(540) && o.headline?.percent == .shown(86.1))
        let byCode = try #require(o.breakdowns.first { $0.by == ["ethnicity"] })
        // Every cell shares the denominator 540: shares of everyone, no disparity. Bangladeshi 12 → 10: 10/540 = 1.9 %.
        #expect(byCode.measure == "share" && byCode.rows.allSatisfy { $0.disparity == nil })
        #expect(M.row(byCode, "ethnicity", "A3")?.count == .shown(10) && M.row(byCode, "ethnicity", "A3")?.percent == .shown(1.9))
        #expect(M.row(byCode, "ethnicity", "not_stated")?.count == .shown(40) && M.row(byCode, "ethnicity", "not_known")?.count == .shown(35))
        let byGroup = try #require(o.breakdowns.first { $0.by == ["ethnicity_group"] })
        // Black = 64 + 58 = 122 → 120; the two kinds of missing stay two rows.
        #expect(M.row(byGroup, "ethnicity_group", "black")?.count == .shown(120))
        #expect(byGroup.rows.suffix(2).map(\.label) == ["Not stated (asked, declined)", "Not known (not asked or not recorded)"])
        #expect(M.row(byGroup, "ethnicity_group", "not_stated")?.count == .shown(40))
    }

    @Test func disparityIsTheGroupRateAgainstEveryonesFromRoundedCounts() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(M.define("M-SUES", dimensions: ["ethnicity"], unit: "percent"))
        let first = try f.append(M.observe("M-SUES", cells: [
            M.cell(["ethnicity": "W1"], n: 60, d: 80), M.cell(["ethnicity": "B2"], n: 24, d: 40), M.cell(["ethnicity": "A1"], n: 31, d: 40),
            M.cell(["ethnicity": "not_stated"], n: 10, d: 20), M.cell(["ethnicity": "not_known"], n: 15, d: 25),
        ], completeness: (20, 25, 205), from: "2025-04-01", to: "2025-09-30"))
        let second = try f.append(M.observe("M-SUES", cells: [
            M.cell(["ethnicity": "W1"], n: 40, d: 50), M.cell(["ethnicity": "O1"], n: 3, d: 5), M.cell(["ethnicity": "A1"], n: 20, d: 25),
        ], completeness: (0, 0, 80)))
        let ids = try f.ledger.entries(from: 0, limit: 10).map(\.entry.event.id)
        try f.append(M.disparity("DSP-1", metric: "M-SUES", focus: ["ethnicity": "B2"], reference: ["ethnicity": "W1"], magnitude: 15, observation: ids[first]))
        try f.append(M.disparity("DSP-2", metric: "M-SUES", focus: ["ethnicity": "O1"], reference: ["ethnicity": "W1"], magnitude: 20, observation: ids[second]))

        let report = try Projections(ledger: f.ledger).metrics(MetricsQuery(metric: "M-SUES", by: [.ethnicity]))
        let m = try #require(report.metrics.first)
        #expect(m.observations.map(\.index) == [first, second])
        let b = try #require(m.observations.first?.breakdowns.first)
        #expect(b.measure == "rate")
        // Rounded: W1 60/80 = 75 %, B2 25/40 = 62.5 % (24 → 25), A1 30/40 = 75 %;
        // everyone 140/205 (n sum 140, d sum 205) = 68.29 %.
        #expect(b.overall.count == .shown(140) && b.overall.denominator == .shown(205) && b.overall.percent == .shown(68.3))
        let b2 = try #require(M.row(b, "ethnicity", "B2"))
        #expect(b2.percent == .shown(62.5))
        // B2: ratio 62.5 / 68.29 = 0.915 → 0.92; difference 62.5 − 68.29 = −5.79 → −5.8 points.
        #expect(b2.disparity?.ratio == .shown(0.92) && b2.disparity?.difference == .shown(-5.8))
        // W1: 75 / 68.29 = 1.098 → 1.10; +6.7 points. (From raw counts B2 would be 60 %: the rounded figures are used.)
        let w1 = M.row(b, "ethnicity", "W1")?.disparity
        #expect(w1?.ratio == .shown(1.1) && w1?.difference == .shown(6.7))
        // Not stated and not known are rows but not groups to compare.
        #expect(M.row(b, "ethnicity", "not_stated")?.disparity == nil && M.row(b, "ethnicity", "not_known")?.percent == .shown(60))
        // Completeness here counts respondents: 20 and 25 of 205, apart.
        #expect(m.observations.first?.completeness?.notStatedPercent == .shown(9.8) && m.observations.first?.completeness?.notKnownPercent == .shown(12.2))

        // Second observation: O1 is 3 of 5 (both hidden), so A1 (20 of 25) is hidden in both lines too.
        let small = try #require(m.observations.last?.breakdowns.first)
        #expect(M.row(small, "ethnicity", "O1")?.count == hidden && M.row(small, "ethnicity", "O1")?.denominator == hidden)
        #expect(M.row(small, "ethnicity", "A1")?.count == hidden && M.row(small, "ethnicity", "A1")?.denominator == hidden)
        let o1 = M.row(small, "ethnicity", "O1")?.disparity
        #expect(o1?.ratio == derived && o1?.difference == derived)
        // W1 80 % against everyone 65/80 (63 → 65) = 81.25 %: ratio 0.98, −1.25 → −1.3 points.
        let w1small = M.row(small, "ethnicity", "W1")?.disparity
        #expect(w1small?.ratio == .shown(0.98) && w1small?.difference == .shown(-1.3))
        // Recorded disparities: DSP-1 compares two shown groups; DSP-2's focus group is hidden, so is its size.
        #expect(m.disparities.map(\.disparityId) == ["DSP-1", "DSP-2"])
        #expect(m.disparities[0].magnitude == .shown(15) && m.disparities[0].focusLabel == "Black: African")
        #expect(m.disparities[1].magnitude == .suppressed(.derivedFromSuppressed))
    }

    @Test func queriesFilterByMetricRegionPeriodAndBreakdown() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(M.define("M-A", dimensions: ["sex"]))
        try f.append(M.define("M-B", dimensions: []))
        try f.append(M.observe("M-A", cells: [M.cell(["sex": "female"], n: 20), M.cell(["sex": "male"], n: 30)], region: "NW", from: "2025-04-01", to: "2025-06-30"))
        try f.append(M.observe("M-A", cells: [M.cell(["sex": "female"], n: 22), M.cell(["sex": "male"], n: 31)], region: "NW", from: "2025-07-01", to: "2025-09-30"))
        try f.append(M.observe("M-A", cells: [M.cell(["sex": "female"], n: 50), M.cell(["sex": "male"], n: 60)], region: "MID", from: "2025-07-01", to: "2025-09-30"))
        try f.append(M.observe("M-B", cells: [M.cell([:], n: 42)]))
        try f.append(M.observe("M-NOPE", cells: [M.cell([:], n: 42)]))  // no such metric: ignored
        let p = Projections(ledger: f.ledger)
        #expect(try p.metrics().metrics.map(\.definition.metricId) == ["M-A", "M-B"])
        #expect(try p.metrics(MetricsQuery(metric: "M-TEST")).metrics.count == 2)  // by code
        #expect(throws: ProjectionError.self) { try p.metrics(MetricsQuery(metric: "M-ZZZ")) }
        func periods(_ q: MetricsQuery) throws -> [String] {
            try p.metrics(q).metrics.flatMap(\.observations).map { "\($0.regionId ?? "-") \($0.period.from)" }
        }
        #expect(try periods(MetricsQuery(metric: "M-A", region: "NW")) == ["NW 2025-04-01", "NW 2025-07-01"])
        let august = try #require(MetricsQuery.period(parsing: "2025-08"))
        #expect(august == MetricVocabulary.Period(from: "2025-08-01", to: "2025-08-31"))
        #expect(try periods(MetricsQuery(metric: "M-A", period: august)) == ["MID 2025-07-01", "NW 2025-07-01"])
        #expect(try periods(MetricsQuery(metric: "M-A", latestOnly: true)) == ["MID 2025-07-01", "NW 2025-07-01"])
        #expect(MetricsQuery.period(parsing: "2025") == MetricVocabulary.Period(from: "2025-01-01", to: "2025-12-31"))
        #expect(MetricsQuery.period(parsing: "2025-04-01..2025-04-30") == MetricVocabulary.Period(from: "2025-04-01", to: "2025-04-30"))
        #expect(MetricsQuery.period(parsing: "2025-13") == nil && MetricsQuery.period(parsing: "May") == nil)
        // --by keeps only observations with that breakdown; M-B has only a headline (42 → 40).
        #expect(try p.metrics(MetricsQuery(by: [.sex])).metrics.map { $0.observations.count } == [3, 0])
        #expect(try p.metrics(MetricsQuery(metric: "M-B")).metrics.first?.observations.first?.headline?.count == .shown(40))
    }

    @Test func liveRebuiltAndReplayedMetricsAndCadenceAgree() throws {
        let f = try Fixture()
        defer { f.remove() }
        let events = [
            M.define("M-ETH", dimensions: ["ethnicity"]),
            M.observe("M-ETH", cells: [M.cell(["ethnicity": "W1"], n: 40), M.cell(["ethnicity": "A2"], n: 6), M.cell(["ethnicity": "B1"], n: 9)],
                      completeness: (0, 0, 55)),
            CadenceFixture.region("NW", at: "2025-04-01T09:00:00Z"),
            CadenceFixture.review("RV-1", region: "NW", at: "2025-09-15T10:00:00Z"),
            M.observe("M-ETH", cells: [M.cell(["ethnicity": "W1"], n: 44), M.cell(["ethnicity": "A2"], n: 16)], completeness: (0, 0, 60)),
            CadenceFixture.review("RV-2", region: "NW", at: "2026-04-20T10:00:00Z"),
        ]
        let now = try #require(CivilDate(parsing: "2026-06-30"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func out(_ p: Projections) throws -> String {
            String(decoding: try encoder.encode(try p.metrics()), as: UTF8.self) + "\n"
                + String(decoding: try encoder.encode(try p.cadence(now: now)), as: UTF8.self)
        }
        let live = Projections(ledger: f.ledger)
        live.runner.chunkSize = 2
        for e in events.prefix(3) { try f.append(e) }
        _ = try out(live)
        for e in events.dropFirst(3) { try f.append(e) }
        let incremental = try out(live)
        try live.rebuild(names: ["metrics", "cadence"])
        #expect(try out(live) == incremental)
        #expect(try out(Projections.replay(LedgerEntrySource(ledger: f.ledger))) == incremental)
        #expect(incremental.contains("\"reviews\"") && incremental.contains("small_number"))
    }
}
