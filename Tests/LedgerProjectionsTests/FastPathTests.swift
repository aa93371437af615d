import Foundation
import GRDB
import LedgerCore
import LedgerDomain
@testable import LedgerProjections
import LedgerStore
import Testing

/// The runner's fast path (``JSONTape``, ``PayloadDecoder``, ``EntryPeek``, ``RecordCache``,
/// ``BatchProjection``) against the slow path it replaces.
@Suite struct FastPathTests {
    /// Whether two payloads are equal (the same type and equal values).
    static func same(_ a: (any EventPayload)?, _ b: (any EventPayload)?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        func open<T: EventPayload>(_ a: T) -> Bool { (b as? T) == a }
        return open(a)
    }

    /// Whether two events carry equal payloads.
    static func samePayloads(_ a: ProjectedEvent?, _ b: ProjectedEvent) -> Bool {
        let pa = a?.payload
        let pb = b.payload
        return same(pa, pb)
    }

    /// Decodes canonical payload bytes through the tape.
    static func tapeDecode(_ type: any EventPayload.Type, _ payload: JSONValue) throws -> any EventPayload {
        let tape = try JSONTape(try CanonicalJSON.serialize(payload))
        return try PayloadDecoder.decode(PayloadDecoder.Shape(type), tape: tape, node: 0)
    }

    @Test func theTapeDecoderAgreesWithCatalogueDecodeOnEveryDemoPayload() throws {
        let generator = try DemoGenerator(seed: 7, events: 3000) { try DemoKeys.signingKey(seed: 7, name: $0).publicKey }
        var checked: [String: Int] = [:]
        for chunk in generator.steps() {
            for step in chunk {
                let type = try #require(step.draft["type"]?.stringValue)
                let payload = try #require(step.draft["payload"])
                let version = step.draft["typeVersion"]?.intValue ?? 1
                let slow = try Catalogue.decode(type: type, version: version, payload: payload)
                let fast = try Self.tapeDecode(try #require(Catalogue.type(type, version: version)), payload)
                let equal = Self.same(slow, fast)
                #expect(equal, "\(type)")
                checked[type, default: 0] += 1
            }
        }
        // The demo year has most of the catalogue in it, feedback by the hundred.
        #expect(checked.count >= 40)
        #expect((checked["feedback.received"] ?? 0) > 100)
        // And every catalogue example (all 68 types).
        for type in Catalogue.all {
            let payload = Catalogue.json(of: type.example)
            let slow = try Catalogue.decode(type, payload: payload)
            let fast = try Self.tapeDecode(type, payload)
            let equal = Self.same(slow, fast)
            #expect(equal, "\(type.eventType)")
        }
    }

    @Test func brokenPayloadsAreRefusedByBothDecoders() throws {
        let example = Catalogue.json(of: FeedbackResponded.example).objectValue ?? [:]
        var unknown = example
        unknown["colour"] = "red"
        var null = example
        null["actionRef"] = .null
        var wrongType = example
        wrongType["response"] = 42
        var badEnum = example
        badEnum["changeStatus"] = "maybe"
        var badFormat = example
        badFormat["moderatedByRoleId"] = "has spaces"
        var missing = example
        missing.removeValue(forKey: "moderatedByRoleId")
        var ruleBroken = example
        ruleBroken["changeStatus"] = "no_change_with_reason"
        ruleBroken.removeValue(forKey: "reason")
        for broken in [unknown, null, wrongType, badEnum, badFormat, missing, ruleBroken] {
            #expect(throws: (any Error).self) { try Catalogue.decode(FeedbackResponded.self, payload: .object(broken)) }
            #expect(throws: (any Error).self) { try Self.tapeDecode(FeedbackResponded.self, .object(broken)) }
        }
        // Nested objects are strict too: an unknown member inside an input of a proposal.
        var proposal = Catalogue.json(of: DecisionProposed.example).objectValue ?? [:]
        proposal["inputs"] = [["kind": "contribution", "id": "CON-1", "extra": true]]
        #expect(throws: (any Error).self) { try Catalogue.decode(DecisionProposed.self, payload: .object(proposal)) }
        #expect(throws: (any Error).self) { try Self.tapeDecode(DecisionProposed.self, .object(proposal)) }
    }

    @Test func theTapeReadsWhatTheCanonicalParserReads() throws {
        let text = #"{"a":"plain","b":"tab\tquote\"slash\\ é \ud83d\ude00 \u00e9","c":[1,-2,3.5,1e+21,0],"d":{"e":true,"f":false,"g":null},"h":[],"i":{}}"#
        let bytes = Array(text.utf8)
        let tape = try JSONTape(bytes)
        let value = try CanonicalJSON.parse(bytes)
        #expect(tape.member("a", of: 0).flatMap(tape.string) == "plain")
        #expect(tape.member("b", of: 0).flatMap(tape.string) == value["b"]?.stringValue)
        let numbers = try #require(tape.member("c", of: 0))
        #expect(tape.elements(of: numbers).map { tape.double($0) } == [1, -2, 3.5, 1e21, 0])
        #expect(tape.elements(of: numbers).map { tape.integer($0) } == [1, -2, nil, nil, 0])
        let d = try #require(tape.member("d", of: 0))
        #expect(tape.member("e", of: d).flatMap(tape.bool) == true)
        #expect(tape.member("f", of: d).flatMap(tape.bool) == false)
        #expect(tape.firstNull(in: d) != nil && tape.firstNull(in: numbers) == nil)
        #expect(tape.member("h", of: 0).map { tape.elements(of: $0) } == [])
        #expect(tape.member("zz", of: 0) == nil)
        // Long strings go through the eight-bytes-at-a-time scan; the quote can fall anywhere.
        for n in 0..<40 {
            let s = String(repeating: "x", count: n) + "\\n" + String(repeating: "é", count: n % 7)
            let doc = Array("{\"k\":\"\(s)\",\"z\":1}".utf8)
            let t = try JSONTape(doc)
            #expect(t.member("k", of: 0).flatMap(t.string) == (try CanonicalJSON.parse(doc))["k"]?.stringValue)
            #expect(t.member("z", of: 0).flatMap(t.integer) == 1)
        }
        for bad in [#"{"a":"open"#, "{\"a\":\"x\u{01}\"}", #"{"a":tru}"#, #"{"a":1} x"#, #"{"a":01}"#, #"{"a":"\q"}"#, #"{"a" 1}"#, #"[1,]"#] {
            #expect(throws: TapeError.self) { try JSONTape(Array(bad.utf8)) }
        }
    }

    @Test func recordedAtIsPeekedFromTheTailOfEveryEntry() throws {
        let f = try Fixture()
        defer { f.remove() }
        for e in EngineTests.history() { try f.append(e) }
        for stored in try f.ledger.entries(from: 0, limit: 100) {
            #expect(EntryPeek.peek(stored.entry.bytes) == stored.entry.recordedAt)
            #expect(try EntryPeek.recordedAt(stored.entry.bytes) == stored.entry.recordedAt)
        }
        #expect(EntryPeek.peek(Array(#"{"event":{},"signature":"x"}"#.utf8)) == nil)
        #expect(throws: LedgerError.self) { try EntryPeek.recordedAt(Array("not an entry at all, but long enough to be looked at closely".utf8)) }
    }

    @Test func theFastEventMatchesTheSlowOneAndHidesFieldsOfPayloadsThatDoNotDecode() throws {
        let f = try Fixture()
        defer { f.remove() }
        for e in EngineTests.history() { try f.append(e) }
        // A payload this ledger (no policy) accepts but the catalogue refuses.
        var broken = Catalogue.json(of: FeedbackAcknowledged.example).objectValue ?? [:]
        broken["method"] = "carrier pigeon"
        try f.append(.object([
            "type": "feedback.acknowledged", "typeVersion": .number(Double(FeedbackAcknowledged.typeVersion)), "stream": "feedback/F-1",
            "payload": .object(broken),
            "occurredAt": "2026-05-06T10:00:00Z",
        ]))
        // Version 1 of types whose version 2 only added the effective-time rule: read on the fast
        // path as version 2, with the payload's date as the effective time, as the slow path does.
        for (type, payload, occurredAt) in [
            (FeedbackReceived.eventType, Catalogue.json(of: FeedbackReceived.example), "2026-06-01T08:00:00Z"),
            (MemberJoined.eventType, Catalogue.json(of: MemberJoined.example), "2026-06-02T08:00:00Z"),
        ] {
            try f.append(.object([
                "type": .string(type), "typeVersion": 1, "stream": .string("old/\(type)"), "payload": payload,
                "occurredAt": .string(occurredAt),
            ]))
        }
        let all = Set(Catalogue.all.map { $0.eventType })
        let eager = DecodePlan(types: all)
        let lazy = DecodePlan(types: all, lazy: all)
        let stored = try f.ledger.entries(from: 0, limit: 100)
        var compared = 0
        for s in stored {
            let slow = ProjectedEvent(index: s.index, entry: s.entry)
            let decoded = try eager.event(index: s.index, bytes: s.entry.bytes)
            guard let fast = decoded else { continue }
            compared += 1
            #expect(fast.id == slow.id && fast.type == slow.type && fast.stream == slow.stream && fast.index == slow.index)
            #expect(fast.occurredAt == slow.occurredAt && fast.recordedAt == slow.recordedAt)
            #expect(fast.privateSubject == slow.privateSubject)
            let samePayload = Self.samePayloads(fast, slow)
            #expect(samePayload)
            let decodes = slow.problem == nil
            let fastHasFields = fast.fields != nil
            let slowHasFields = slow.fields != nil
            #expect(fastHasFields == decodes)
            #expect(slowHasFields == decodes)
            // Lazily: the same payload once asked for; fields offered without decoding.
            let deferred = try lazy.event(index: s.index, bytes: s.entry.bytes)
            let deferredHasFields = deferred?.fields != nil
            #expect(deferredHasFields)
            let sameLater = Self.samePayloads(deferred, slow)
            #expect(sameLater)
        }
        #expect(compared >= stored.count - 1)
        for s in stored.suffix(2) {
            let fast = try #require(try eager.event(index: s.index, bytes: s.entry.bytes))
            #expect(s.entry.event.typeVersion == 1)
            #expect(fast.occurredAt != s.entry.event.occurredAt, "the payload's date is a version-1 entry's effective time")
            #expect(fast.occurredAt == EffectiveTime.of(s.entry.event))
            #expect(fast.fields != nil)
        }
        let last = try #require(stored.dropLast(2).last)
        let refusedEvent = try eager.event(index: last.index, bytes: last.entry.bytes)
        let refused = try #require(refusedEvent)
        let refusedHasFields = refused.fields != nil
        #expect(!refusedHasFields)
        #expect(refused.problem?.contains("/method") == true)
        // Only the types asked for come out.
        let other = try DecodePlan(types: ["action.created"]).event(index: last.index, bytes: last.entry.bytes)
        let otherCameOut = other != nil
        #expect(!otherCameOut)
    }

    @Test func theRecordCacheLoadsOnceWritesChangesInKeyOrderAndForgetsIdleRecords() throws {
        var cache = RecordCache<String>(limit: 4)
        var loads: [String] = []
        let table = ["a": "A", "b": "B", "c": "C", "d": "D", "e": "E"]
        func load(_ key: String) -> String? {
            loads.append(key)
            return table[key]
        }
        #expect(cache.contains("b", load: load) && !cache.contains("zz", load: load))
        #expect(cache.update("b", load: load) { $0 += "1" })
        #expect(cache.update("a", load: load) { $0 += "1" })
        #expect(!cache.update("zz", load: load) { $0 += "1" })
        cache.set("new", "N")
        #expect(loads == ["b", "zz", "a", "zz"])
        var saved: [String] = []
        cache.flush { saved.append($0) }
        #expect(saved == ["A1", "B1", "N"])
        saved = []
        cache.flush { saved.append($0) }
        #expect(saved.isEmpty)
        // Three held (over half the limit of 4): the next flushIfFull starts a new generation;
        // a record read from the old one moves back without a load.
        cache.flushIfFull { saved.append($0) }
        #expect(cache.get("a", load: load) == "A1" && loads.count == 4)
        cache.update("c", load: load) { $0 += "2" }
        cache.update("d", load: load) { $0 += "2" }
        cache.flushIfFull { saved.append($0) }
        #expect(saved == ["C2", "D2"])
        // "b" and "new" were idle for a whole generation: gone; "b" loads again from the table.
        #expect(cache.get("b", load: load) == "B" && loads.last == "b")
    }
}

/// A projection written the old way (one event at a time, straight to its table), which the
/// runner must keep folding exactly as before.
enum EventCountProjection: Projection {
    static let name = "event_counts"
    static let version = 1
    static let eventTypes: Set<String> = [FeedbackReceived.eventType, FeedbackAcknowledged.eventType, ActionStatusChanged.eventType]

    static func apply(_ event: ProjectedEvent, to tables: EventCountTables) throws {
        guard event.payload != nil else { return }
        try tables.count(event.type, index: event.index)
    }
}

struct EventCountTables: ProjectionTables {
    static let tableNames = ["event_counts"]
    static func schema(suffix: String) -> [String] {
        ["CREATE TABLE event_counts\(suffix) (type TEXT PRIMARY KEY, n INTEGER NOT NULL, last_index INTEGER NOT NULL) WITHOUT ROWID"]
    }

    let c: ProjectionConnection
    let table: String
    init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        table = "event_counts" + suffix
    }

    func count(_ type: String, index: Int) throws {
        try c.execute(
            "INSERT INTO \(table) VALUES (?, 1, ?) ON CONFLICT(type) DO UPDATE SET n = n + 1, last_index = excluded.last_index",
            [type, index])
    }

    func all() throws -> [String] {
        try c.fetchAll("SELECT type, n, last_index FROM \(table) ORDER BY type").map { "\($0[0] as String)=\($0[1] as Int)@\($0[2] as Int)" }
    }
}

extension FastPathTests {
    @Test func anOldStyleProjectionIsFoldedBesideTheBatchOnes() throws {
        let f = try Fixture()
        defer { f.remove() }
        let history = EngineTests.history()
        let projections: [any Projection.Type] = Projections.all + [EventCountProjection.self]
        let live = Projections(ledger: f.ledger, projections: projections)
        live.runner.chunkSize = 2
        for e in history.prefix(5) { try f.append(e) }
        try live.catchUp()
        for e in history.dropFirst(5) { try f.append(e) }
        try live.catchUp()
        func counts(_ p: Projections) throws -> [String] {
            try p.database.read { try EventCountTables($0, suffix: "").all() }
        }
        // Worked out from EngineTests.history(): entries 1... are its events in order (0 is genesis).
        // feedback.received at 3 and 13; acknowledged at 6; status changes at 5, 8, 12, 14.
        let expected = ["action.status_changed=4@14", "feedback.acknowledged=1@6", "feedback.received=2@13"]
        #expect(try counts(live) == expected)
        try live.rebuild()
        #expect(try counts(live) == expected)
        let replay = try Projections.replay(LedgerEntrySource(ledger: f.ledger), ledger: f.ledger, projections: projections)
        #expect(try counts(replay) == expected)
        #expect(try Fixture.outputs(replay, now: CivilDate(dayNumber: 20_600)) == Fixture.outputs(live, now: CivilDate(dayNumber: 20_600)))
    }

    @Test func stateByTimeOnTheLedgerEqualsTheSameCutOfABundle() throws {
        let f = try Fixture()
        defer { f.remove() }
        for e in EngineTests.history() { try f.append(e) }
        let all = try f.ledger.entries(from: 0, limit: 1000).map(\.entry)
        let now = try #require(CivilDate(parsing: "2026-06-15"))
        for k in [0, 3, 8, all.count - 1] {
            let point = ReplayPoint.recordedBy(all[k].recordedAt)
            let ledger = try Projections.replay(LedgerEntrySource(ledger: f.ledger), at: point)
            let bundle = try Projections.replay(MemoryEntrySource(entries: all), at: point)
            #expect(try ledger.entriesFolded() == bundle.entriesFolded())
            #expect(try ledger.entriesFolded() >= k + 1)
            #expect(ledger.runner.lastRecordedAt == bundle.runner.lastRecordedAt)
            #expect(try Fixture.outputs(ledger, now: now) == Fixture.outputs(bundle, now: now))
        }
    }
}
