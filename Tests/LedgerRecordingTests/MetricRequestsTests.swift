import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore
import Testing

/// A metric observation recorded through the recording API: scope and region from the metric's
/// definition in the log, the ethnicity code system and completeness worked out from the cells.
@Suite struct MetricRequestsTests {
    /// Region london and the example metric M-SUD-london (regional) defined in it.
    static func defineMetric(_ w: RecordingAPITests.World) throws {
        try w.record(RegionRegistered(regionId: "london", name: "London", servicesProvided: true), at: "2026-04-01T00:00:00Z")
        var definition = MetricDefined.example
        definition.locallyCoproducedRefs = []
        _ = try w.ledger.append(
            draft: .object([
                "type": .string(MetricDefined.eventType), "typeVersion": .number(Double(MetricDefined.typeVersion)),
                "stream": .string(definition.stream), "occurredAt": "2026-04-02T00:00:00Z",
                "payload": Catalogue.json(of: definition),
            ]), signer: w.admin)
    }

    @Test func anObservationTakesScopeAndRegionFromTheDefinition() throws {
        let w = try RecordingAPITests.World()
        defer { w.remove() }
        try Self.defineMetric(w)
        let observe = ObserveMetric(
            metricId: "M-SUD-london", period: .init(from: "2026-04-01", to: "2026-06-30"),
            cells: [
                .init(dims: .init(ethnicity: .asianIndian), n: 40, d: 80), .init(dims: .init(ethnicity: .notStated), n: 25, d: 80),
                .init(dims: .init(ethnicity: .notKnown), n: 15, d: 80),
            ],
            total: 80)
        let receipt = try w.record(observe, at: "2026-07-01T00:00:00Z")
        #expect(receipt.summary == "Observed metric M-SUD-london for 2026-04-01 to 2026-06-30: 3 cells.")
        let stored = try #require(try w.payload(at: receipt.index) as? MetricObserved)
        #expect(stored.scope == .regional)
        #expect(stored.regionId == "london")
        #expect(stored.ethnicityCodeSystem == .ons2021)
        #expect(stored.completeness == MetricVocabulary.Completeness(notStated: 25, notKnown: 15, total: 80))
    }

    @Test func aNegativeCountIsRefusedNamingTheFieldAndNothingIsAppended() throws {
        let w = try RecordingAPITests.World()
        defer { w.remove() }
        try Self.defineMetric(w)
        let before = try w.ledger.size()
        let observe = ObserveMetric(
            metricId: "M-SUD-london", period: .init(from: "2026-04-01", to: "2026-06-30"), scope: .national,
            cells: [.init(dims: .init(), n: -1)])
        let error = try #require(throws: RecordingError.self) { try w.record(observe, at: "2026-07-01T00:00:00Z") }
        #expect(error.kind == .invalid)
        #expect(error.pointer == "/payload/cells/0/n")
        #expect(error.field == "--cell")
        #expect(try w.ledger.size() == before)
    }
}
