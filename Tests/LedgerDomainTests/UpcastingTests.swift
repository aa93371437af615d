import LedgerCore
import LedgerDomain
import Testing

@Suite struct UpcastingTests {
    @Test func theShippedChainIsValid() {
        #expect(UpcasterChain.standard.newestVersion(of: "meeting.held") == 1)
        // feedback.received 1 → 2 (the effective-time rule): the payload is unchanged.
        #expect(UpcasterChain.standard.newestVersion(of: "feedback.received") == 2)
        let p: [String: JSONValue] = ["feedbackId": "F-1"]
        let upcast = UpcasterChain.standard.upcast(type: "feedback.received", version: 1, payload: p)
        #expect(upcast.version == 2 && upcast.payload == p)
        #expect(UpcasterChain.standard.upcast(type: "meeting.held", version: 1, payload: p).version == 1)
    }

    @Test func oldVersionsAreUpcastStepByStep() throws {
        let chain = try UpcasterChain(
            upcasters: [
                Upcaster(type: "x.y", from: 1) { p in var q = p; q["b"] = p["a"]; q["a"] = nil; return q },
                Upcaster(type: "x.y", from: 2) { p in var q = p; q["c"] = "added in v3"; return q },
            ],
            versions: [("x.y", 1), ("x.y", 2), ("x.y", 3)])
        let (version, payload) = chain.upcast(type: "x.y", version: 1, payload: ["a": 7])
        #expect(version == 3)
        #expect(payload == ["b": 7, "c": "added in v3"])
        #expect(chain.upcast(type: "x.y", version: 3, payload: ["b": 1]).payload == ["b": 1])
    }

    @Test func aMissingStepIsRefusedAtStartUp() {
        #expect(throws: DomainError.self) {
            try UpcasterChain(upcasters: [Upcaster(type: "x.y", from: 1) { $0 }], versions: [("x.y", 1), ("x.y", 2), ("x.y", 3)])
        }
        #expect(throws: DomainError.self) {
            try UpcasterChain(upcasters: [], versions: [("x.y", 1), ("x.y", 3)])
        }
        #expect(throws: DomainError.self) {
            try UpcasterChain(upcasters: [Upcaster(type: "x.y", from: 3) { $0 }], versions: [("x.y", 1)])
        }
    }
}
