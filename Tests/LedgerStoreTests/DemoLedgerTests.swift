import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore
import Testing

/// The demo year, appended to a real PCREF ledger after the rethink-amhe template.
@Suite struct DemoLedgerTests {
    /// The default year in a fresh ledger.
    struct DemoLedger {
        let directory: URL
        let ledger: Ledger
        let generator: DemoGenerator
        let appended: Int

        init(seed: UInt64 = 2026, chunk: Int = DemoGenerator.defaultChunk) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var keys: [String: Ed25519SigningKey] = [:]
            func key(_ name: String) throws -> Ed25519SigningKey {
                if let key = keys[name] { return key }
                let key = try DemoKeys.signingKey(seed: seed, name: name)
                keys[name] = key
                return key
            }
            generator = try DemoGenerator(seed: seed) { try key($0).publicKey }
            let template = try PlanTemplate.named("rethink-amhe")
            let admin = try key("admin")
            ledger = try Ledger.create(
                path: directory.appendingPathComponent("ledger.db").path, origin: "demo.example/amhe",
                logKey: try key("log"), admins: [admin], occurredAt: "2023-04-01T09:00:00Z", policy: DomainPolicy.standard,
                genesisPayload: template.genesisPayload)
            _ = try ledger.append(template.events.map { ($0, admin) })
            var count = 0
            for chunk in generator.steps(chunk: chunk) {
                let items = try chunk.map { step -> (draft: JSONValue, signer: Ed25519SigningKey) in (step.draft, try key(step.signer)) }
                do {
                    _ = try ledger.append(items)
                } catch {
                    if case .inBatch(let position, let inner) = error, position < chunk.count {
                        let draft = (try? CanonicalJSON.serialize(chunk[position].draft)).map { String(decoding: $0, as: UTF8.self) } ?? ""
                        Issue.record("step \(count + position) (signer \(chunk[position].signer)) refused: \(inner)\n\(draft)")
                    }
                    throw error
                }
                count += chunk.count
            }
            appended = count
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    /// One ledger for all checks: building it is the slow part (about a second).
    @Test func theDefaultYearIsAdmittedVerifiesAndHoldsItsThreeLapses() throws {
        let demo = try DemoLedger()
        defer { demo.remove() }
        let template = try PlanTemplate.named("rethink-amhe")
        #expect(try demo.ledger.size() == 1 + template.events.count + demo.appended)
        let report = try demo.ledger.verify()
        #expect(report.ok, "\(report.failures.prefix(3))")
        let all = try events(demo)
        let lapses = demo.generator.lapses
        theDecisionWithoutAnExpertByExperienceIsThere(all, lapses)
        theUnansweredFeedbackIsThere(all, lapses)
        theRegionWithOneReviewIsThere(all, lapses)
        noAnswerIsPublishedWithoutConsent(all)
    }

    /// Defect 13 of issue 10: the demo's public export (the bundle's entries) and the feedback
    /// projection (the rows of `feedback.csv`, the portal and "you said, we did") carry no answer
    /// text for feedback whose submitter did not consent to publish; the ledger holds those texts
    /// sealed in the answers' private parts.
    @Test func theExportAndFeedbackCsvHoldNoAnswerWithoutConsent() throws {
        let demo = try DemoLedger()
        defer { demo.remove() }
        var withoutConsent: Set<String> = []
        var sealed = 0
        var from = 0
        while true {
            let batch = try demo.ledger.entries(from: from, limit: 5000)
            if batch.isEmpty { break }
            for e in batch {
                let event = e.entry.event
                if event.type == "feedback.received", event.payload["consentToPublish"]?.boolValue == false {
                    withoutConsent.insert(event.payload["feedbackId"]?.stringValue ?? "")
                }
                if event.type == "feedback.responded", case .available(_, _, let data)? = try demo.ledger.privateRecord(at: e.index),
                    data["publicSummary"] != nil
                {
                    sealed += 1
                }
            }
            from += batch.count
        }
        #expect(sealed > 20, "\(sealed) answers hold their texts in the private part")

        _ = try demo.ledger.signCheckpoint(with: try DemoKeys.signingKey(seed: 2026, name: "log"))
        let bundle = demo.directory.appendingPathComponent("export")
        _ = try demo.ledger.export(to: bundle)
        var exportedAnswers = 0
        for line in try String(contentsOf: bundle.appendingPathComponent("entries.jsonl"), encoding: .utf8).split(separator: "\n") {
            let event = try CanonicalJSON.parse(Array(line.utf8))["event"]
            guard event?["type"]?.stringValue == "feedback.responded",
                let id = event?["payload"]?["feedbackId"]?.stringValue, withoutConsent.contains(id)
            else { continue }
            exportedAnswers += 1
            #expect(
                event?["payload"]?["publicSummary"] == nil && event?["payload"]?["response"] == nil,
                "the export publishes the answer to \(id)")
        }
        #expect(exportedAnswers == sealed, "every answer without consent is in the bundle, without its texts")

        let rows = try Projections(ledger: demo.ledger).feedbackItems()
        let unconsented = rows.filter { withoutConsent.contains($0.feedbackId) && $0.respondedAt != nil }
        #expect(unconsented.count == sealed)
        #expect(
            unconsented.allSatisfy { $0.publicSummary == nil && $0.response == nil }, "feedback.csv publishes an answer without consent")
        #expect(rows.contains { $0.consentToPublish && $0.publicSummary != nil }, "answers with consent stay public")
    }

    /// Another seed, appended in many small transactions, is admitted too.
    @Test func anotherSeedInSmallTransactionsIsAdmitted() throws {
        let demo = try DemoLedger(seed: 7, chunk: 997)
        defer { demo.remove() }
        #expect(demo.appended > 2500)
        #expect(try demo.ledger.verify().ok)
    }

    /// All events of the log, as (type, payload).
    func events(_ demo: DemoLedger) throws -> [(type: String, payload: [String: JSONValue])] {
        var out: [(String, [String: JSONValue])] = []
        var from = 0
        while true {
            let batch = try demo.ledger.entries(from: from, limit: 5000)
            if batch.isEmpty { break }
            out += batch.map { ($0.entry.event.type, $0.entry.event.payload) }
            from += batch.count
        }
        return out
    }

    /// Exactly one decision was recorded at a meeting with no ebe_lived or ebe_carer attendee.
    func theDecisionWithoutAnExpertByExperienceIsThere(_ all: [(type: String, payload: [String: JSONValue])], _ lapses: DemoLapses) {
        var ebeAt: [String: Int] = [:]
        for e in all where e.type == "meeting.held" {
            let attendees = e.payload["attendees"]?.arrayValue ?? []
            ebeAt[e.payload["meetingId"]?.stringValue ?? ""] = attendees.filter {
                ["ebe_lived", "ebe_carer"].contains($0["category"]?.stringValue ?? "")
            }.count
        }
        let withoutEbE = all.filter { $0.type == "decision.recorded" }.filter { ebeAt[$0.payload["meetingId"]?.stringValue ?? ""] == 0 }
        #expect(withoutEbE.map { $0.payload["decisionId"]?.stringValue } == [lapses.decisionWithoutEbE])
        #expect(withoutEbE.first?.payload["meetingId"]?.stringValue == lapses.meetingWithoutEbE)
    }

    /// Exactly one feedback item was never acknowledged, and nothing else was recorded about it.
    func theUnansweredFeedbackIsThere(_ all: [(type: String, payload: [String: JSONValue])], _ lapses: DemoLapses) {
        let received = Set(all.filter { $0.type == "feedback.received" }.compactMap { $0.payload["feedbackId"]?.stringValue })
        let acknowledged = Set(all.filter { $0.type == "feedback.acknowledged" }.compactMap { $0.payload["feedbackId"]?.stringValue })
        #expect(received.subtracting(acknowledged) == [lapses.unansweredFeedback])
        let followedUp = all.filter { $0.type.hasPrefix("feedback.") && $0.type != "feedback.received" }
            .contains { $0.payload["feedbackId"]?.stringValue == lapses.unansweredFeedback }
        #expect(!followedUp)
    }

    /// Every answer to feedback received without consent to publish keeps "you said" and "we did"
    /// out of the public payload (so out of every public bundle); answers with consent carry them.
    func noAnswerIsPublishedWithoutConsent(_ all: [(type: String, payload: [String: JSONValue])]) {
        var consent: [String: Bool] = [:]
        for e in all where e.type == "feedback.received" {
            consent[e.payload["feedbackId"]?.stringValue ?? ""] = e.payload["consentToPublish"]?.boolValue
        }
        let answers = all.filter { $0.type == "feedback.responded" }
        let unconsented = answers.filter { consent[$0.payload["feedbackId"]?.stringValue ?? ""] == false }
        let consented = answers.filter { consent[$0.payload["feedbackId"]?.stringValue ?? ""] == true }
        #expect(unconsented.count > 20 && consented.count > 20, "\(unconsented.count) without consent, \(consented.count) with")
        #expect(unconsented.allSatisfy { $0.payload["publicSummary"] == nil && $0.payload["response"] == nil })
        #expect(consented.allSatisfy { $0.payload["publicSummary"] != nil && $0.payload["response"] != nil })
    }

    /// Exactly one region has fewer than two reviews.
    func theRegionWithOneReviewIsThere(_ all: [(type: String, payload: [String: JSONValue])], _ lapses: DemoLapses) {
        var reviews: [String: Int] = [:]
        for e in all where e.type == "review.held" { reviews[e.payload["regionId"]?.stringValue ?? "", default: 0] += 1 }
        let regions = all.filter { $0.type == "region.registered" }.compactMap { $0.payload["regionId"]?.stringValue }
        #expect(regions.filter { reviews[$0, default: 0] < 2 } == [lapses.regionWithOneReview])
        #expect(reviews[lapses.regionWithOneReview] == 1)
    }
}
