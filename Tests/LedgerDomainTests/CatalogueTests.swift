import Foundation
import LedgerCore
import Testing
@testable import LedgerDomain

@Suite struct CatalogueTests {
    @Test func noDuplicateTypeVersions() {
        var seen: Set<String> = []
        for type in Catalogue.all {
            let key = "\(type.eventType)@\(type.typeVersion)"
            #expect(seen.insert(key).inserted, "\(key) is registered twice")
        }
    }

    @Test func namesFollowTheTypePattern() {
        for type in Catalogue.all {
            #expect(Identifier.isEventType(type.eventType), "\(type.eventType) breaks ^[a-z][a-z0-9]*(\\.[a-z][a-z0-9_]*)+$")
            #expect(type.typeVersion >= 1, "\(type.eventType) version \(type.typeVersion)")
            #expect(!type.summary.isEmpty, "\(type.eventType) has no summary")
            #expect(!type.memberNames.isEmpty, "\(type.eventType) has no members")
        }
    }

    @Test func eachGroupHoldsItsOwnTypes() {
        let groups: [(CatalogueGroup, [any EventPayload.Type])] = [
            (.ledger, Catalogue.groupA), (.organisation, Catalogue.groupB), (.bodies, Catalogue.groupC),
            (.meetings, Catalogue.groupD), (.plan, Catalogue.groupE), (.feedback, Catalogue.groupF),
            (.contributions, Catalogue.groupG), (.metrics, Catalogue.groupH), (.reviews, Catalogue.groupI),
            (.partnerships, Catalogue.groupJ), (.privacy, Catalogue.groupK),
        ]
        for (group, types) in groups {
            for type in types {
                #expect(type.group == group, "\(type.eventType) says group \(type.group.rawValue) but is listed in \(group.rawValue)")
            }
        }
    }

    @Test(arguments: Catalogue.all.map(TypeArgument.init))
    func exampleRoundTrips(_ argument: TypeArgument) throws {
        try Self.roundTrip(argument.type)
    }

    static func roundTrip<T: EventPayload>(_ type: T.Type) throws {
        let json = Catalogue.json(of: T.example)
        let decoded = try Catalogue.decode(T.self, payload: json)
        #expect(decoded == T.example, "\(T.eventType) example does not survive encode/decode")
        #expect(Catalogue.json(of: decoded) == json)
    }

    /// `defines` and `references` point (by JSON pointer) at the member that holds the id.
    @Test(arguments: Catalogue.all.map(TypeArgument.init))
    func referencesPointAtTheirIds(_ argument: TypeArgument) throws {
        try Self.checkReferences(argument.type)
    }

    static func checkReferences<T: EventPayload>(_ type: T.Type) throws {
        let example = T.example
        let json = Catalogue.json(of: example)
        #expect(!example.stream.isEmpty && !example.stream.hasSuffix("/"), "\(T.eventType) stream \(example.stream)")
        for reference in (example.defines.map { [$0] } ?? []) + example.references {
            let value = Self.resolve(reference.pointer, in: json)?.stringValue
            let matches = value == reference.id || value?.hasSuffix("/" + reference.id) == true
            #expect(matches, "\(T.eventType): \(reference.kind) \(reference.id) at \(reference.pointer) holds \(String(describing: value))")
        }
    }

    static func resolve(_ pointer: String, in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let items = current?.arrayValue {
                current = Int(key).flatMap { $0 < items.count ? items[$0] : nil }
            } else {
                current = current?[key]
            }
        }
        return current
    }

    // MARK: - Decoding errors carry the JSON pointer of the problem

    static let member: JSONValue = [
        "bodyId": "B-AMHEPF", "personId": "p-0007", "membershipCategory": "ebe_lived", "votingRights": true,
        "from": "2026-01-05",
    ]

    static func failure(_ type: String, _ payload: JSONValue, version: Int = 1) -> DomainError? {
        do {
            _ = try Catalogue.decode(type: type, version: version, payload: payload)
            return nil
        } catch {
            return error
        }
    }

    static func with(_ value: JSONValue, _ key: String, _ member: JSONValue?) -> JSONValue {
        var object = value.objectValue ?? [:]
        object[key] = member
        return .object(object)
    }

    @Test func theBaseExampleDecodes() {
        #expect(Self.failure("member.joined", Self.member) == nil)
    }

    @Test func unknownMemberIsReportedAtItsPointer() {
        let error = Self.failure("member.joined", Self.with(Self.member, "name", "Ada"))
        #expect(error?.pointer == "/name")
        #expect(error?.reason.contains("unknown member") == true)
    }

    @Test func missingMemberIsReportedAtItsPointer() {
        let error = Self.failure("member.joined", Self.with(Self.member, "personId", nil))
        #expect(error?.pointer == "/personId")
        #expect(error?.reason == "missing required member")
    }

    @Test func badEnumValueIsReportedAtItsPointer() {
        let error = Self.failure("member.joined", Self.with(Self.member, "membershipCategory", "volunteer"))
        #expect(error?.pointer == "/membershipCategory")
        #expect(error?.reason.contains("unknown value \"volunteer\"") == true)
        #expect(error?.reason.contains("ebe_lived") == true)
    }

    @Test func wrongTypeIsReportedAtItsPointer() {
        let error = Self.failure("member.joined", Self.with(Self.member, "votingRights", "yes"))
        #expect(error?.pointer == "/votingRights")
    }

    @Test func badPatternIsReportedAtItsPointer() {
        let error = Self.failure("member.joined", Self.with(Self.member, "from", "05/01/2026"))
        #expect(error?.pointer == "/from")
        #expect(error?.reason.contains("YYYY-MM-DD") == true)
        let impossible = Self.failure("member.joined", Self.with(Self.member, "from", "2026-02-30"))
        #expect(impossible?.pointer == "/from")
    }

    @Test func nullIsRefusedEvenForOptionalMembers() {
        let error = Self.failure("member.left", [
            "bodyId": "B-AMHEPF", "personId": "p-0007", "to": "2026-06-30", "reason": nil,
        ])
        #expect(error?.pointer == "/reason")
    }

    @Test func nestedUnknownMemberIsReportedAtItsPointer() throws {
        var genesis = Catalogue.json(of: LedgerGenesis.example).objectValue ?? [:]
        genesis["planPeriod"] = ["from": "2023-04-01", "to": "2028-03-31", "extended": true]
        let error = Self.failure("ledger.genesis", .object(genesis))
        #expect(error?.pointer == "/planPeriod/extended")
    }

    @Test func nestedErrorsCarryArrayIndexes() throws {
        var held = Catalogue.json(of: MeetingHeld.example).objectValue ?? [:]
        var attendees = held["attendees"]?.arrayValue ?? []
        attendees[1] = Self.with(attendees[1], "category", "visitor")
        held["attendees"] = .array(attendees)
        let error = Self.failure("meeting.held", .object(held))
        #expect(error?.pointer == "/attendees/1/category")
    }

    @Test func unknownTypeAndVersionAreRefused() {
        #expect(Self.failure("member.vanished", Self.member)?.reason.contains("unknown event type") == true)
        #expect(Self.failure("member.joined", Self.member, version: 9)?.reason.contains("no version 9") == true)
    }

    @Test func nonObjectPayloadIsRefused() {
        #expect(Self.failure("member.joined", ["B-AMHEPF"])?.reason == "the payload must be an object")
    }

    @Test func policyValuesKeepTheirJSONType() throws {
        func value(_ json: JSONValue) throws -> PolicyValue {
            var payload = Catalogue.json(of: PolicyParameterSet.example).objectValue ?? [:]
            payload["value"] = json
            return try Catalogue.decode(PolicyParameterSet.self, payload: .object(payload)).value
        }
        #expect(try value(true) == .bool(true))
        #expect(try value(1) == .number(1))
        #expect(try value(0.25) == .number(0.25))
        #expect(try value("P6M") == .text("P6M"))
        #expect(throws: DomainError.self) { try value([1]) }
        #expect(throws: DomainError.self) { try value("") }
    }

    @Test func conditionalRulesAreEnforced() {
        var held = Catalogue.json(of: MeetingHeld.example).objectValue ?? [:]
        held["noneDeclared"] = true
        #expect(Self.failure("meeting.held", .object(held))?.reason.contains("not both") == true)
        held["declarationsMade"] = nil
        #expect(Self.failure("meeting.held", .object(held)) == nil)
        var recorded = Catalogue.json(of: DecisionRecorded.example).objectValue ?? [:]
        recorded["tally"] = nil
        #expect(Self.failure("decision.recorded", .object(recorded))?.pointer == "/tally")
        recorded["method"] = "consensus"
        #expect(Self.failure("decision.recorded", .object(recorded)) == nil)
        var action = Catalogue.json(of: ActionCreated.example).objectValue ?? [:]
        action["scope"] = "local"
        #expect(Self.failure("action.created", .object(action))?.pointer == "/regionId")
    }

    @Test func typedReferencesAndKeyHolders() {
        let refs = DecisionProposed.example.references
        #expect(refs.contains(EntityReference(.feedback, "F-2026-0142", at: "/inputs/1/id")))
        #expect(KeyRegistered.example.references == [EntityReference(.person, "p-0001", at: "/holder")])
        #expect(PlanVersionPublished.example.defines == nil)
        #expect(EventTypeFilter(validating: "feedback.*")?.admits("feedback.received") == true)
        #expect(EventTypeFilter(validating: "feedback.*")?.admits("feedbacks.received") == false)
        #expect(PersonID(validating: "P 1") == nil && PersonID(validating: "p-0001") != nil)
        #expect(Percentage(validating: 101) == nil && Fraction(validating: 0.5) != nil)
    }

    @Test func personalDataStaysOutOfPayloads() {
        #expect(PersonRegistered.privateFields.contains("name"))
        #expect(!PersonRegistered.memberNames.contains("name"))
        #expect(EqualityProfileRecorded.privateFields.contains("ethnicity"))
        #expect(InterestDeclared.privateFields == ["description"])
    }
}
