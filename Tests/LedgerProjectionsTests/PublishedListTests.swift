import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import Testing

/// The feedback projection's published "you said, we did" list, kept in the fold: after every
/// entry it holds exactly the items ``YouSaidWeDid`` lets through (the one rule), whether caught
/// up one entry at a time or rebuilt from the start.
struct PublishedListTests {
    @Test func thePublishedListFollowsEveryResponseAndMatchesARebuild() throws {
        let f = try Fixture()
        defer { f.remove() }
        let p = Projections(ledger: f.ledger)
        func ids() throws -> [String] { try p.youSaidWeDid().map(\.feedbackId) }
        func theRule() throws -> [YouSaidWeDid] { try p.feedbackItems().compactMap(YouSaidWeDid.init) }

        try f.append(Fixture.feedback("F-1", receivedAt: "2026-05-01T09:00:00Z"))
        try f.append(Fixture.feedback("F-2", receivedAt: "2026-05-02T09:00:00Z", consent: false))
        try f.append(Fixture.feedback("F-3", receivedAt: "2026-04-20T09:00:00Z"))
        #expect(try ids().isEmpty, "nothing answered yet")
        // No consent to publish: never listed, answered or not.
        try f.append(Fixture.responded("F-2", at: "2026-05-10T12:00:00Z"))
        #expect(try ids().isEmpty)
        try f.append(Fixture.responded("F-1", at: "2026-05-11T12:00:00Z"))
        try f.append(Fixture.responded("F-3", at: "2026-05-12T12:00:00Z", change: "no_change_with_reason"))
        #expect(try ids() == ["F-3", "F-1"], "by receipt time")
        #expect(try p.youSaidWeDid() == (try theRule()))
        // A later answer replaces the earlier one.
        try f.append(
            Fixture.draft(
                FeedbackResponded.example,
                ["feedbackId": "F-1", "response": "We now book interpreters for every appointment.", "actionRef": nil],
                occurredAt: "2026-05-20T12:00:00Z"))
        #expect(
            try p.youSaidWeDid().first { $0.feedbackId == "F-1" }?.weDid
                == "We now book interpreters for every appointment.")
        // A later answer without a "you said" summary takes the item off the list.
        try f.append(
            Fixture.draft(
                FeedbackResponded.example, ["feedbackId": "F-3", "publicSummary": nil, "actionRef": nil],
                occurredAt: "2026-05-21T12:00:00Z"))
        #expect(try ids() == ["F-1"])
        #expect(try p.youSaidWeDid() == (try theRule()))

        // Newest first, paged.
        let page = try p.youSaidWeDid(newestFirstFrom: 0, limit: 1)
        #expect(page.total == 1 && page.items.map(\.feedbackId) == ["F-1"])
        #expect(try p.youSaidWeDid(newestFirstFrom: 1, limit: 1).items.isEmpty)

        // Folded in one run from entry 0, the list is the same.
        let incremental = try p.youSaidWeDid()
        try p.rebuild(names: ["feedback"])
        #expect(try p.youSaidWeDid() == incremental)
        let replayed = try Projections.replay(LedgerEntrySource(ledger: f.ledger))
        #expect(try replayed.youSaidWeDid() == incremental)
    }

    @Test func regionsAndContributionsAreListedInLogOrder() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.append(Fixture.contribution("CON-2", person: "p-9f3a", at: "2026-03-01T10:00:00Z"))
        let p = Projections(ledger: f.ledger)
        let first = try p.contributions(after: -1)
        #expect(first.map(\.contributionId) == ["CON-2"])
        try f.append(Fixture.contribution("CON-1", person: "p-9f3a", at: "2026-03-02T10:00:00Z"))
        let all = try p.contributions(after: -1)
        #expect(all.map(\.contributionId) == ["CON-2", "CON-1"])
        #expect(
            try p.contributions(after: first[0].index).map(\.contributionId) == ["CON-1"], "only those after the index")
    }
}
