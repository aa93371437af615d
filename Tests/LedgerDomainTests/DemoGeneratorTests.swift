import LedgerCore
import LedgerDomain
import Testing

@Suite struct DemoGeneratorTests {
    /// Public keys derived as the demo derives them.
    static func generator(seed: UInt64 = 2026, events: Int = DemoGenerator.defaultEvents) throws -> DemoGenerator {
        try DemoGenerator(seed: seed, events: events) { try DemoKeys.signingKey(seed: seed, name: $0).publicKey }
    }

    static func steps(_ generator: DemoGenerator, chunk: Int = DemoGenerator.defaultChunk) -> [DemoStep] {
        generator.steps(chunk: chunk).flatMap { $0 }
    }

    @Test func theSameSeedGivesTheSameDrafts() throws {
        let a = Self.steps(try Self.generator())
        let b = Self.steps(try Self.generator(), chunk: 97)
        #expect(a.count == b.count)
        #expect(a == b)
        let c = Self.steps(try Self.generator(seed: 7))
        #expect(a != c)
    }

    @Test func iteratingTwiceGivesTheSameSteps() throws {
        let generator = try Self.generator()
        #expect(Self.steps(generator, chunk: 500) == Self.steps(generator, chunk: 500))
    }

    @Test func chunksHaveTheRequestedSize() throws {
        let chunks = Array(try Self.generator().steps(chunk: 1000))
        #expect(chunks.dropLast().allSatisfy { $0.count == 1000 })
        #expect((chunks.last?.count ?? 0) > 0)
    }

    @Test(arguments: [3000, 12000, 40000]) func theSizeIsAboutTheNumberAsked(events: Int) throws {
        let count = Self.steps(try Self.generator(events: events)).count
        #expect(Double(count) > Double(events) * 0.95 && Double(count) < Double(events) * 1.05, "\(count) events for \(events)")
    }

    @Test func largerSizesAddRegionsServicesAndPeople() throws {
        let small = DemoScale.forEvents(3000)
        let large = DemoScale.forEvents(1_000_000)
        #expect(small.regions == 3 && small.servicesPerRegion == 4)
        #expect(large.regions == 8 && large.servicesPerRegion > small.servicesPerRegion)
        #expect(large.feedbackItems > 100 * small.feedbackItems)
    }

    @Test func everyDraftDecodesAndNamesItsPayloadsStream() throws {
        let generator = try Self.generator()
        var types: [String: Int] = [:]
        for step in Self.steps(generator) {
            let type = step.type
            types[type, default: 0] += 1
            guard let payload = step.draft["payload"] else {
                Issue.record("no payload in \(type)")
                continue
            }
            do {
                let version = step.draft["typeVersion"]?.intValue ?? 1
                let decoded = try Catalogue.decode(type: type, version: version, payload: payload)
                #expect(step.draft["stream"]?.stringValue == decoded.stream, "\(type)")
            } catch {
                Issue.record("\(type): \(error)")
            }
            #expect(generator.keyNames.contains(step.signer), "\(step.signer) signs \(type) but has no key")
        }
        let expected: Set<String> = [
            "region.registered", "service.registered", "person.registered", "key.registered", "role.assigned", "member.joined",
            "interest.declared", "meeting.scheduled", "meeting.held", "minutes.approved", "decision.proposed", "decision.recorded",
            "feedback.received", "feedback.acknowledged", "feedback.responded", "feedback.closed", "contribution.recorded",
            "contribution.influence_traced", "action.status_changed", "metric.defined", "metric.observed", "review.held",
            "board.update_given", "report.published", "evaluation.commissioned", "evaluation.reported",
        ]
        #expect(expected.subtracting(types.keys).isEmpty, "missing: \(expected.subtracting(types.keys).sorted())")
    }

    @Test func theLapsesAreNamed() throws {
        let lapses = try Self.generator().lapses
        #expect(lapses.regionWithOneReview == "MID")
        #expect(lapses.unansweredFeedback.hasPrefix("FB-2025"))
        #expect(lapses.decisionWithoutEbE.hasPrefix("D-REPB-"))
    }
}
