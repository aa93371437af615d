import Foundation
import GRDB
import LedgerCore
import LedgerProjections
import LedgerStore
import Testing

@Suite struct EngineTests {
    func d(_ s: String) throws -> CivilDate { try #require(CivilDate(parsing: s)) }

    /// A mixed history: plan, feedback and a traced contribution.
    static func history() -> [JSONValue] {
        [
            Fixture.action("LG-1", due: "2026-03-31", at: "2026-01-05T10:00:00Z"),
            Fixture.action("ST-1", area: "ST", due: "2026-09-30", competencies: ["C-CA"], at: "2026-01-06T10:00:00Z"),
            Fixture.feedback("F-1", receivedAt: "2026-05-01T16:00:00Z"),
            Fixture.contribution("CON-1", person: "p-9f3a", at: "2026-03-03T18:00:00Z"),
            Fixture.status("LG-1", "in_progress", progress: 20, at: "2026-02-01T10:00:00Z"),
            Fixture.acknowledged("F-1", at: "2026-05-05T10:00:00Z"),
            Fixture.proposed("dec-1", citing: "CON-1", at: "2026-03-20T10:00:00Z"),
            Fixture.status("LG-1", "done", progress: 100, at: "2026-03-25T10:00:00Z"),
            Fixture.decided("dec-1", at: "2026-04-02T10:00:00Z"),
            Fixture.responded("F-1", at: "2026-05-20T10:00:00Z"),
            Fixture.influence("CON-1", decision: "dec-1", at: "2026-04-03T10:00:00Z"),
            Fixture.status("LG-1", "in_progress", progress: 90, at: "2026-04-10T10:00:00Z"),
            Fixture.feedback("F-2", receivedAt: "2026-06-01T10:00:00Z", consent: false),
            Fixture.status("ST-1", "blocked", at: "2026-06-02T10:00:00Z"),
        ]
    }

    @Test func anIncrementalRunAndARebuildGiveIdenticalOutput() throws {
        let f = try Fixture()
        defer { f.remove() }
        let events = Self.history()
        let now = try d("2026-06-15")
        let live = Projections(ledger: f.ledger)
        live.runner.chunkSize = 3  // many transactions
        for e in events.prefix(events.count / 2) { try f.append(e) }
        _ = try live.plan(now: now)  // build half
        #expect(try live.entriesFolded() == 1 + events.count / 2)
        for e in events.dropFirst(events.count / 2) { try f.append(e) }
        let incremental = try Fixture.outputs(live, now: now)
        #expect(try live.entriesFolded() == 1 + events.count)
        try live.rebuild()
        let rebuilt = try Fixture.outputs(live, now: now)
        #expect(incremental == rebuilt)
        try live.rebuild(names: ["plan"])
        #expect(try Fixture.outputs(live, now: now) == rebuilt)
        // A fresh process (new runner) agrees too, and so does a replay in memory.
        #expect(try Fixture.outputs(Projections(ledger: f.ledger), now: now) == rebuilt)
        #expect(try Fixture.outputs(Projections.replay(LedgerEntrySource(ledger: f.ledger), ledger: f.ledger), now: now) == rebuilt)
        // No fresh tables are left behind; the state names the last entry.
        let leftovers = try f.ledger.database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE '%\\_\\_new' ESCAPE '\\'")
        }
        #expect(leftovers.isEmpty)
        let last = try f.ledger.database.read { db in try Int.fetchAll(db, sql: "SELECT last_index FROM projection_state") }
        #expect(last == Array(repeating: events.count, count: Projections.all.count))
        #expect(throws: ProjectionError.self) { try live.rebuild(names: ["nonsense"]) }
    }

    @Test func stateAtAnIndexEqualsAProjectionOfThePrefixOnly() throws {
        let f = try Fixture()
        defer { f.remove() }
        for e in Self.history() { try f.append(e) }
        let now = try d("2026-04-05")
        let all = try f.ledger.entries(from: 0, limit: 1000).map(\.entry)
        for cut in [1, 5, 9, all.count] {
            let replay = try Projections.replay(LedgerEntrySource(ledger: f.ledger), at: .index(cut), ledger: f.ledger)
            let prefixOnly = try Projections.replay(MemoryEntrySource(entries: Array(all.prefix(cut))), ledger: f.ledger)
            #expect(try replay.entriesFolded() == cut)
            #expect(try Fixture.outputs(replay, now: now) == Fixture.outputs(prefixOnly, now: now))
        }
        // By time: everything recorded by the last entry's recordedAt is everything.
        let lastTime = try #require(all.last?.recordedAt)
        let byTime = try Projections.replay(LedgerEntrySource(ledger: f.ledger), at: .recordedBy(lastTime), ledger: f.ledger)
        #expect(try byTime.entriesFolded() == all.count)
        let before = try Projections.replay(LedgerEntrySource(ledger: f.ledger), at: .recordedBy("2000-01-01T00:00:00Z"))
        #expect(try before.entriesFolded() == 0)
        #expect(ReplayPoint(parsing: "2026-05-01") == .recordedBy("2026-05-01T23:59:59.999999999Z"))
        #expect(ReplayPoint(parsing: "12") == .index(12))
        #expect(ReplayPoint(parsing: "May") == nil)
    }

    @Test func aContributionIsTracedInPlainSentences() throws {
        let f = try Fixture()
        defer { f.remove() }
        for e in Self.history() { try f.append(e) }
        let p = Projections(ledger: f.ledger)
        let report = try p.trace(contribution: "CON-1")
        let t = try #require(report.contributions.first)
        #expect(t.decisions.map(\.decision.decisionId) == ["dec-1"])
        #expect(t.decisions.first?.outcomes.map(\.outcome) == ["approved"])
        #expect(t.influences.map(\.influence) == ["adopted"])
        #expect(t.content.status == "held" && t.content.text == nil)
        #expect(t.stillOpen == ["The contributor has not yet been told how it was used."])
        let text = t.sentences.joined(separator: "\n")
        #expect(text.contains("You contributed a co-design contribution (CON-1) on 3 March 2026 at meeting MTG-LEAB-2026-03 of B-LEAB."))
        #expect(text.contains("cited it when it was proposed"))
        #expect(text.contains("it was approved"))
        #expect(text.contains("It was adopted in decision dec-1"))
        #expect(try p.trace(person: "p-9f3a").contributions.count == 1)
        #expect(try p.trace(person: "p-nobody").contributions.isEmpty)
        #expect(throws: ProjectionError.self) { try p.trace(contribution: "CON-404") }
    }

    @Test func afterErasureNoOutputHoldsTheSubjectsPrivateFields() throws {
        let f = try Fixture()
        defer { f.remove() }
        for e in Self.history() { try f.append(e) }
        let now = try d("2026-06-15")
        let p = Projections(ledger: f.ledger)
        // Before: the contributor may read their own words on request (so the check below can fail).
        #expect(try Fixture.outputs(p, now: now).contains(Fixture.contributionSecret))
        _ = try f.ledger.erase(subject: "person/p-9f3a", signer: f.admin)
        _ = try f.ledger.erase(subject: "person/p-0042", signer: f.admin)
        for projections in [p, try Projections.replay(LedgerEntrySource(ledger: f.ledger), ledger: f.ledger)] {
            let out = try Fixture.outputs(projections, now: now)
            #expect(!out.contains(Fixture.contributionSecret) && !out.contains("Amina"))
            let t = try #require(try projections.trace(contribution: "CON-1", showContent: true).contributions.first)
            #expect(t.content.status == "erased" && t.content.text == nil)
            #expect(t.sentences.contains { $0.contains("erased") })
        }
        // Nor does any projection table in the file.
        let dump = try f.ledger.database.read { db -> String in
            var text = ""
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'plan%' OR name LIKE 'feedback%' OR name LIKE 'trace%')") {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") { text += row.description }
            }
            return text
        }
        #expect(!dump.isEmpty && !dump.contains("Amina") && !dump.contains("My own story"))
    }
}
