import Foundation
import LedgerCore
import Testing

@testable import LedgerDomain

/// The repository root, three levels above this file.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let schemaDirectory = repositoryRoot.appendingPathComponent("Schemas/events")
private let exampleDirectory = repositoryRoot.appendingPathComponent("Schemas/examples")

/// Every payload type of groups F–K.
private let fkTypes: [any EventPayload.Type] =
    Catalogue.groupF + Catalogue.groupG + Catalogue.groupH + Catalogue.groupI + Catalogue.groupJ + Catalogue.groupK

private func readJSON(_ url: URL) throws -> JSONValue {
    try CanonicalJSON.parse([UInt8](try Data(contentsOf: url)))
}

private func decodes(_ type: any EventPayload.Type, _ payload: JSONValue) -> Bool {
    (try? Catalogue.decode(type: type.eventType, version: type.typeVersion, payload: payload)) != nil
}

private func exampleJSON(_ type: any EventPayload.Type) -> JSONValue {
    func encode<T: EventPayload>(_: T.Type) -> JSONValue { Catalogue.json(of: T.example) }
    return encode(type)
}

private func schema(_ type: any EventPayload.Type) throws -> [String: JSONValue] {
    let url = schemaDirectory.appendingPathComponent("\(type.eventType).v\(type.typeVersion).schema.json")
    return try #require(try readJSON(url).objectValue, "\(url.lastPathComponent) is not an object")
}

/// Example files of a type: (file name, expected to be valid).
private func exampleFiles(_ type: any EventPayload.Type) throws -> [(String, Bool)] {
    let prefix = "\(type.eventType).v\(type.typeVersion)."
    return try FileManager.default.contentsOfDirectory(atPath: exampleDirectory.path)
        .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
        .sorted()
        .compactMap { name in
            let kind = name.dropFirst(prefix.count)
            if kind.hasPrefix("valid") { return (name, true) }
            if kind.hasPrefix("invalid") { return (name, false) }
            return nil
        }
}

/// Member names listed under `required` anywhere inside `value` (the `allOf` conditions).
private func conditionallyRequired(_ value: JSONValue) -> Set<String> {
    switch value {
    case .object(let members):
        var out = Set<String>()
        for (name, child) in members {
            if name == "required", let list = child.arrayValue { out.formUnion(list.compactMap(\.stringValue)) }
            out.formUnion(conditionallyRequired(child))
        }
        return out
    case .array(let items): return items.reduce(into: Set<String>()) { $0.formUnion(conditionallyRequired($1)) }
    default: return []
    }
}

private func value(at pointer: String, in json: JSONValue) -> JSONValue? {
    var current: JSONValue? = json
    for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
        let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        if let object = current?.objectValue {
            current = object[name]
        } else if let array = current?.arrayValue, let i = Int(name), array.indices.contains(i) {
            current = array[i]
        } else {
            return nil
        }
    }
    return current
}

@Suite struct GroupFKCatalogueTests {
    @Test func typesAreNamedVersionedAndUnique() {
        // 37 types; feedback.responded has versions 1 and 2 (upcast 1 → 2).
        #expect(fkTypes.count == 38)
        var names = Set<String>()
        for type in fkTypes { names.insert(type.eventType) }
        #expect(names.count == 37)
        var seen = Set<String>()
        for type in fkTypes {
            #expect(Identifier.isEventType(type.eventType), "\(type.eventType)")
            let version = type.typeVersion
            // feedback.responded, and the types whose payload restates the effective time (version 2 since that rule).
            let newer = type.summary == FeedbackResponded.summary || EffectiveTime.members[type.eventType] != nil
            #expect(version == (newer ? 2 : 1))
            #expect(seen.insert("\(type.eventType)@\(type.typeVersion)").inserted, "\(type.eventType) v\(type.typeVersion) twice")
            #expect(Catalogue.type(type.eventType, version: 1) != nil, "\(type.eventType) not registered")
            #expect(!type.summary.isEmpty)
        }
        #expect(Catalogue.groupF.allSatisfy { $0.group == .feedback })
        #expect(Catalogue.groupG.allSatisfy { $0.group == .contributions })
        #expect(Catalogue.groupH.allSatisfy { $0.group == .metrics })
        #expect(Catalogue.groupI.allSatisfy { $0.group == .reviews })
        #expect(Catalogue.groupJ.allSatisfy { $0.group == .partnerships })
        #expect(Catalogue.groupK.allSatisfy { $0.group == .privacy })
    }

    @Test func namesFollowTheBrief() {
        let expected: [String: String] = [
            "FeedbackReceived": "feedback.received", "FeedbackAcknowledged": "feedback.acknowledged",
            "FeedbackTriaged": "feedback.triaged", "FeedbackLinked": "feedback.linked", "FeedbackResponded": "feedback.responded",
            "SubmitterNotified": "feedback.submitter_notified", "FeedbackClosed": "feedback.closed",
            "ContributionRecorded": "contribution.recorded", "ContributionInfluenceTraced": "contribution.influence_traced",
            "MetricDefined": "metric.defined", "MetricObserved": "metric.observed", "ReviewHeld": "review.held",
            "ReportPublished": "report.published", "PlaceBasedProjectStarted": "project.started",
            "ErasureRequested": "subject.erasure_requested", "SubjectKeyShredded": "subject.erased", "EventCorrected": "event.corrected",
        ]
        for type in fkTypes {
            if let name = expected["\(type)"] { #expect(type.eventType == name, "\(type)") }
        }
    }

    @Test(arguments: fkTypes.map { $0.eventType })
    func exampleRoundTrips(_ name: String) throws {
        let type = try #require(Catalogue.type(name, version: 1))
        func check<T: EventPayload>(_: T.Type) throws {
            let json = Catalogue.json(of: T.example)
            let decoded = try Catalogue.decode(T.self, payload: json)
            #expect(decoded == T.example)
            let members = try #require(json.objectValue)
            #expect(Set(members.keys).isSubset(of: T.memberNames))
            #expect(!members.values.contains(.null), "nil members must be omitted")
            #expect(Set(T.privateFields).isDisjoint(with: T.memberNames), "sealed fields are never payload members")
            // Stream, defines and references point at the payload's own values.
            #expect(T.example.stream.contains("/"))
            for ref in T.example.references + [T.example.defines].compactMap({ $0 }) {
                #expect(value(at: ref.pointer, in: json) == .string(ref.id), "\(name): \(ref.pointer)")
            }
        }
        try check(type)
    }

    @Test(arguments: fkTypes.map { $0.eventType })
    func schemaMatchesTheType(_ name: String) throws {
        let type = try #require(Catalogue.type(name, version: 1))
        let s = try schema(type)
        #expect(s["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        #expect(s["$id"] == .string("https://coledger.example/schemas/events/\(name).v1.schema.json"))
        #expect(s["title"]?.stringValue?.isEmpty == false)
        #expect(s["description"]?.stringValue?.isEmpty == false)
        #expect(s["type"] == .string("object"))
        #expect(s["additionalProperties"] == .bool(false))
        let properties = try #require(s["properties"]?.objectValue)
        #expect(Set(properties.keys) == type.memberNames)
        let required = Set((s["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        #expect(required.isSubset(of: type.memberNames))
        // A member is required by the type exactly when the schema requires it (members that are
        // required only under a condition are checked by the conditional tests and examples).
        let conditional = conditionallyRequired(s["allOf"] ?? .null)
        let full = try #require(exampleJSON(type).objectValue)
        for member in full.keys where !conditional.contains(member) {
            var without = full
            without[member] = nil
            #expect(decodes(type, .object(without)) == !required.contains(member), "\(name): removing \(member)")
        }
        for member in required { #expect(full[member] != nil, "\(name): example lacks required \(member)") }
        // An explicit null is refused for every member, as the schema's types refuse it.
        for member in full.keys {
            var nulled = full
            nulled[member] = .null
            #expect(!decodes(type, .object(nulled)), "\(name): null \(member)")
        }
        var extra = full
        extra["unexpectedMember"] = "x"
        #expect(!decodes(type, .object(extra)))
    }

    @Test(arguments: fkTypes.map { $0.eventType })
    func examplesDecodeAsLabelled(_ name: String) throws {
        let type = try #require(Catalogue.type(name, version: 1))
        let files = try exampleFiles(type)
        #expect(files.contains { $0.1 }, "\(name) has no valid example")
        #expect(files.contains { !$0.1 }, "\(name) has no invalid example")
        for (file, valid) in files {
            let payload = try readJSON(exampleDirectory.appendingPathComponent(file))
            #expect(decodes(type, payload) == valid, "\(file)")
        }
        // The first valid example is the type's `example`.
        let golden = try readJSON(exampleDirectory.appendingPathComponent("\(name).v1.valid.json"))
        #expect(golden == exampleJSON(type), "\(name).v1.valid.json differs from \(type).example")
    }
}

@Suite struct EthnicityCodeTests {
    @Test func nineteenCategoriesPlusNotStatedAndNotKnown() {
        #expect(EthnicityCode.categories.count == 19)
        #expect(EthnicityCode.allCases.count == 21)
        #expect(Set(EthnicityCode.allCases.map(\.rawValue)).count == 21)
        let groups = Dictionary(grouping: EthnicityCode.categories, by: { $0.group })
        #expect(groups[.white]?.count == 5)
        #expect(groups[.mixed]?.count == 4)
        #expect(groups[.asian]?.count == 5)
        #expect(groups[.black]?.count == 3)
        #expect(groups[.other]?.count == 2)
    }

    @Test func notStatedAndNotKnownStayApart() {
        #expect(EthnicityCode.notStated.nhsCode == "Z")
        #expect(EthnicityCode.notKnown.nhsCode == "99")
        #expect(EthnicityCode.notStated.nhsCode != EthnicityCode.notKnown.nhsCode)
        #expect(EthnicityCode.notStated.group == nil && EthnicityCode.notKnown.group == nil)
        #expect(EthnicityCode.notStated.rawValue == "not_stated")
        #expect(EthnicityCode.notKnown.rawValue == "not_known")
    }

    @Test func everyCodeMapsToAnNHSDataDictionaryCode() {
        let nhs = Set("ABCDEFGHJKLMNPRS".map(String.init) + ["Z", "99"])
        for code in EthnicityCode.allCases {
            #expect(nhs.contains(code.nhsCode), "\(code)")
            #expect(!code.nhsLabel.isEmpty)
        }
        // Every NHS code is reached, so the mapping covers the whole NHS list.
        #expect(Set(EthnicityCode.allCases.map(\.nhsCode)) == nhs)
        #expect(EthnicityCode.whiteBritish.nhsCode == "A")
        #expect(EthnicityCode.asianChinese.nhsCode == "R")
        #expect(EthnicityCode.whiteGypsyOrIrishTraveller.nhsCode == "C")
        #expect(EthnicityCode.whiteRoma.nhsCode == "C")
        #expect(EthnicityCode.otherArab.nhsCode == "S")
        #expect(!EthnicityCode.whiteRoma.nhsMappingIsExact)
        #expect(EthnicityCode.blackCaribbean.nhsMappingIsExact)
        #expect(EthnicityCode.notStated.nhsMappingIsExact && EthnicityCode.notKnown.nhsMappingIsExact)
    }

    @Test func anUnknownEthnicityCodeIsRefused() throws {
        var json = try #require(exampleJSON(MetricObserved.self).objectValue)
        json["cells"] = [["dims": ["ethnicity": "A6"], "n": 3]]
        #expect(throws: DomainError.self) { try Catalogue.decode(MetricObserved.self, payload: .object(json)) }
        json["cells"] = [["dims": ["ethnicity": "B1"], "n": 3]]
        #expect(throws: Never.self) { try Catalogue.decode(MetricObserved.self, payload: .object(json)) }
    }
}

@Suite struct GroupFKRuleTests {
    private func responded(_ changes: [String: JSONValue?]) throws -> JSONValue {
        var json = try #require(exampleJSON(FeedbackResponded.self).objectValue)
        for (k, v) in changes { json[k] = v }
        return .object(json)
    }

    @Test func changeDescriptionIsRequiredUnlessNoChange() throws {
        for status in ["change_made", "change_planned", "referred"] {
            let without = try responded(["changeStatus": .string(status), "changeDescription": nil])
            #expect(throws: DomainError("/changeDescription", "missing: required when changeStatus is \(status)")) {
                try Catalogue.decode(FeedbackResponded.self, payload: without)
            }
            #expect(throws: Never.self) {
                try Catalogue.decode(FeedbackResponded.self, payload: try responded(["changeStatus": .string(status)]))
            }
        }
    }

    @Test func noChangeNeedsAReasonInstead() throws {
        let noReason = try responded(["changeStatus": "no_change_with_reason", "changeDescription": nil])
        #expect(throws: DomainError("/reason", "missing: required when changeStatus is no_change_with_reason")) {
            try Catalogue.decode(FeedbackResponded.self, payload: noReason)
        }
        let withReason = try responded([
            "changeStatus": "no_change_with_reason", "changeDescription": nil, "reason": "The service already offers this.",
        ])
        let decoded = try Catalogue.decode(FeedbackResponded.self, payload: withReason)
        #expect(decoded.changeStatus == .noChangeWithReason && decoded.changeDescription == nil)
    }

    @Test func errorsPointAtTheMember() throws {
        var json = try #require(exampleJSON(FeedbackReceived.self).objectValue)
        json["channel"] = "fax"
        let channels = FeedbackVocabulary.Channel.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(throws: DomainError("/channel", "unknown value \"fax\" (allowed: \(channels))")) {
            try Catalogue.decode(FeedbackReceived.self, payload: .object(json))
        }
        var triaged = try #require(exampleJSON(FeedbackTriaged.self).objectValue)
        triaged["pillars"] = ["PIL-1", "PIL-9"]
        #expect(throws: DomainError("/pillars/1", "unknown value \"PIL-9\" (allowed: PIL-1, PIL-2, PIL-3, PIL-4, PIL-5, PIL-6)")) {
            try Catalogue.decode(FeedbackTriaged.self, payload: .object(triaged))
        }
        json["channel"] = "sues"
        json["receivedAt"] = "2026-02-30T10:00:00Z"
        do {
            _ = try Catalogue.decode(FeedbackReceived.self, payload: .object(json))
            Issue.record("an impossible date decoded")
        } catch {
            #expect(error.pointer == "/receivedAt")
        }
        var observed = try #require(exampleJSON(MetricObserved.self).objectValue)
        observed["cells"] = [["dims": ["ethnicity": "W1", "colour": "x"], "n": 3]]
        do {
            _ = try Catalogue.decode(MetricObserved.self, payload: .object(observed))
            Issue.record("an unknown dims member decoded")
        } catch {
            #expect(error.pointer == "/cells/0/dims/colour")
        }
    }

    @Test func anonymousSubmittersAreNotPersonReferences() throws {
        var payload = FeedbackReceived.example
        payload.submitter = FeedbackReceived.anonymous
        #expect(!payload.references.contains { $0.kind == .person })
        #expect(FeedbackReceived.example.references.contains { $0.kind == .person && $0.id == "p-9f3a" })
        #expect(FeedbackReceived.privateFields == ["text"])
        #expect(ContributionRecorded.privateFields == ["content"])
    }

    @Test func ethnicityCellsNeedACodeSystemAndCompleteness() throws {
        var json = try #require(exampleJSON(MetricObserved.self).objectValue)
        json["completeness"] = nil
        #expect(throws: DomainError.self) { try Catalogue.decode(MetricObserved.self, payload: .object(json)) }
        json["ethnicityCodeSystem"] = nil
        json["cells"] = [["dims": ["respondentGroup": "carers"], "n": 30, "value": 71.5]]
        #expect(throws: Never.self) { try Catalogue.decode(MetricObserved.self, payload: .object(json)) }
    }

    @Test func formatsAgreeWithTheirPatterns() throws {
        // Each hand-written check gives the same answer as its pattern on a spread of strings
        // (calendar checks aside, which only `date` and `timestamp` add).
        let samples = [
            "", "a", "A-1", "-a", "a-", "F-2026-0001", "p-9f3a", "north-east", "B.LEAB_2", "a b", "é", String(repeating: "a", count: 80),
            String(repeating: "a", count: 81), "2026-01-31", "2026-1-31", "2026-13-01", "2026-00-10", "2026-02-30", "20260131",
            "2026-01-31T10:00:00Z", "2026-01-31T24:00:00Z", "2026-01-31T10:00:60Z", "2026-01-31T10:00:00.123Z", "2026-01-31T10:00:00.Z",
            "2026-01-31T10:00:00+01:00", "sha256:" + String(repeating: "0a", count: 32), "sha256:" + String(repeating: "0A", count: 32),
            "5b0e4f0c-2d7a-4c1e-9a8b-3f6d2e1c0b9a", "5B0E4F0C-2D7A-4C1E-9A8B-3F6D2E1C0B9A", "https://x.org/a?b=c", "http://x.org",
            "https://", "https://a b", "en", "en-GB", "pa-Guru-IN", "e", "engl", "en-", "en-G", "M-SUD", "M-", "M-sud", "M-SUD-2",
            "M--X", "T-1", "T-1-A", "1", "1.2.3", "1.", ".1", "report/RP-1", "sha256:abc", "18-24", "65+", "1234", "1-", "+",
            "/regionId", "/a/b~0c~1", "/a~2", "/", "//", "regionId", "interpreters", "waiting_times", "Themes", "9lives",
        ]
        for format in FKFormat.allCases {
            guard let pattern = format.pattern else {
                #expect(!format.accepts("") && format.accepts(" "))
                continue
            }
            let regex = try Regex(pattern)
            for sample in samples {
                let byPattern = sample.wholeMatch(of: regex) != nil
                let calendarOnly = (format == .date || format == .timestamp) && sample.contains("2026-02-30")
                if !calendarOnly {
                    #expect(format.accepts(sample) == byPattern, "\(format) on \"\(sample)\"")
                } else {
                    #expect(!format.accepts(sample))
                }
            }
        }
    }
}

/// Cross-checks Swift decoding against the JSON Schemas on cases made outside the test run.
///
/// `FK_DIFF_IN` names a JSON Lines file of `{"type": …, "payload": …}`; the verdicts
/// (`{"i": n, "valid": bool, "error": …}`) go to `FK_DIFF_OUT`. Without them the test does nothing.
@Test func differentialVerdicts() throws {
    let env = ProcessInfo.processInfo.environment
    guard let input = env["FK_DIFF_IN"], let output = env["FK_DIFF_OUT"] else { return }
    let text = try String(contentsOfFile: input, encoding: .utf8)
    var lines: [String] = []
    for (i, line) in text.split(separator: "\n").enumerated() {
        let case_ = try #require(try CanonicalJSON.parse([UInt8](line.utf8)).objectValue)
        let name = try #require(case_["type"]?.stringValue)
        let payload = case_["payload"] ?? .null
        var verdict: [String: JSONValue] = ["i": .number(Double(i))]
        do {
            _ = try Catalogue.decode(type: name, version: 1, payload: payload)
            verdict["valid"] = true
        } catch {
            verdict["valid"] = false
            verdict["error"] = .string(error.description)
        }
        lines.append(String(decoding: try CanonicalJSON.serialize(.object(verdict)), as: UTF8.self))
    }
    try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
}

/// Writes each type's `example` to `Schemas/examples/<type>.v1.valid.json` when `FK_WRITE_EXAMPLES` is set.
@Test func writeGoldenExamples() throws {
    guard ProcessInfo.processInfo.environment["FK_WRITE_EXAMPLES"] != nil else { return }
    for type in fkTypes {
        let bytes = try CanonicalJSON.serialize(exampleJSON(type))
        try Data(bytes).write(to: exampleDirectory.appendingPathComponent("\(type.eventType).v1.valid.json"))
    }
}
