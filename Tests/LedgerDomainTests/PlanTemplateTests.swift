import Foundation
import LedgerCore
import Testing
@testable import LedgerDomain

@Suite struct PlanTemplateTests {
    static let actionCodes = [
        "LG-1", "LG-2", "LG-3", "LG-4", "LG-5", "ST-1", "ST-2", "PW-1", "PW-2", "WF-1", "WF-2", "WF-3", "WF-4", "WF-5",
        "MHS-1", "MHS-2", "MHS-3", "DF-1", "DF-2", "DF-3", "DF-4", "DF-5", "DF-6",
    ]
    static let bodyIds = [
        "B-TRUSTEES", "B-EIB", "B-REPB", "B-AMHEPF", "B-EIPF", "B-LEAB", "B-CAB", "B-EBE-WG", "B-REGFORUM", "B-REAL",
    ]
    static let roleIds = [
        "R-DIR-EDI", "R-HEAD-RJE", "R-DCEO", "R-CHAMPION", "R-RJE-TEAM", "R-REG-LEAD", "R-NAT-LEAD", "R-SVC-MGR",
        "R-COMM-CHAMP", "R-EBE", "R-STAFF", "R-VCSE", "R-COMMUNITY-REP", "R-SERVICE-USER", "R-CARER",
    ]

    static func template() throws -> PlanTemplate { try PlanTemplate.named("rethink-amhe") }

    static func payloads(_ template: PlanTemplate, of type: String) -> [JSONValue] {
        template.events.filter { $0["type"]?.stringValue == type }.compactMap { $0["payload"] }
    }

    /// The typed template records exactly the events its documentation lists: event by event, the
    /// same type, version, stream, time and payload, and the same genesis members.
    @Test func theTypedTemplateIsTheSchemasFile() throws {
        let url = SchemaFiles.root.appendingPathComponent("Schemas/templates/rethink-amhe.v1.json")
        let file = try CanonicalJSON.parse(Array(try Data(contentsOf: url)))
        let template = try Self.template()
        #expect(file["template"] == .string(template.name))
        #expect(file["genesis"] == .object(template.genesisPayload))
        let documented = try #require(file["events"]?.arrayValue)
        #expect(documented.count == template.events.count)
        for (i, (built, listed)) in zip(template.events, documented).enumerated() {
            #expect(built == listed, "/events/\(i): the typed template and Schemas/templates/rethink-amhe.v1.json differ")
        }
    }

    @Test func everyNameParsesAndUnknownNamesAreRefused() throws {
        for name in PlanTemplate.names {
            let template = try PlanTemplate.named(name)
            #expect(template.name == name)
            #expect(!template.events.isEmpty)
        }
        #expect(throws: DomainError.self) { try PlanTemplate.named("no-such-plan") }
    }

    @Test func theGenesisMembersDecodeAsLedgerGenesis() throws {
        let template = try Self.template()
        #expect(template.genesisPayload["planId"] == "amhe-plan")
        #expect(template.genesisPayload["organisationId"] == "rethink")
        #expect(template.genesisPayload["planPeriod"] == .object(["from": "2023-04-01", "to": "2028-03-31"]))
        guard case .object(let base) = Catalogue.json(of: LedgerGenesis.example) else {
            Issue.record("the genesis example does not encode to an object")
            return
        }
        let payload = base.filter { ["origin", "logKey", "admins"].contains($0.key) }.merging(template.genesisPayload) { a, _ in a }
        let genesis = try Catalogue.decode(LedgerGenesis.self, payload: .object(payload))
        #expect(genesis.planPeriod == DateRange(from: "2023-04-01", to: "2028-03-31"))
    }

    @Test func everyDraftDecodesWithTheCatalogueAndNamesItsStream() throws {
        let template = try Self.template()
        #expect(template.events.count == 49)
        for (i, draft) in template.events.enumerated() {
            let type = try #require(draft["type"]?.stringValue, "/events/\(i)/type")
            let version = try #require(draft["typeVersion"]?.intValue, "/events/\(i)/typeVersion")
            let payload = try #require(draft["payload"], "/events/\(i)/payload")
            do {
                let decoded = try Catalogue.decode(type: type, version: version, payload: payload)
                #expect(draft["stream"]?.stringValue == decoded.stream, "/events/\(i)/stream")
            } catch {
                Issue.record("/events/\(i) (\(type)): \(error)")
            }
            #expect(draft["occurredAt"] == "2023-04-01T09:00:00Z", "/events/\(i)/occurredAt")
            #expect(draft["id"] == nil, "/events/\(i) must not carry an id")
        }
    }

    @Test func everyReferenceIsDefinedEarlierAndNothingTwice() throws {
        let template = try Self.template()
        var defined: Set<String> = []
        for (i, draft) in template.events.enumerated() {
            guard let type = draft["type"]?.stringValue, let payload = draft["payload"],
                let decoded = try? Catalogue.decode(type: type, version: 1, payload: payload)
            else {
                Issue.record("/events/\(i) does not decode")
                continue
            }
            for reference in decoded.references {
                #expect(defined.contains("\(reference.kind)/\(reference.id)"), "/events/\(i)\(reference.pointer): \(reference.id) not yet defined")
            }
            if let made = decoded.defines {
                #expect(defined.insert("\(made.kind)/\(made.id)").inserted, "/events/\(i) defines \(made.id) again")
            }
        }
    }

    @Test func theTwentyThreeActionsEachHaveACompetency() throws {
        let template = try Self.template()
        let actions = try Self.payloads(template, of: "action.created").map { try Catalogue.decode(ActionCreated.self, payload: $0) }
        #expect(actions.map(\.actionCode.rawValue) == Self.actionCodes)
        #expect(actions.map(\.actionId.rawValue) == Self.actionCodes)
        for action in actions {
            #expect(!action.competencies.isEmpty, "\(action.actionCode) has no competency")
            #expect(action.area.rawValue == action.actionCode.rawValue.split(separator: "-").first.map(String.init))
            #expect(action.planId == "amhe-plan")
            #expect(action.dueDate == "2028-03-31")
            #expect(action.scope == .national)
        }
        #expect(Set(actions.flatMap(\.competencies)) == Set(Competency.allCases), "every competency has an action (rule M-2)")
    }

    @Test func theTenBodiesHaveTheSeedIdsAndDefaultRules() throws {
        let template = try Self.template()
        let bodies = try Self.payloads(template, of: "body.established").map { try Catalogue.decode(BodyEstablished.self, payload: $0) }
        #expect(bodies.map(\.bodyId.rawValue) == Self.bodyIds)
        for body in bodies {
            #expect(body.bodyType.rawValue == body.bodyId.rawValue)
            #expect(body.ebePresenceRule == EbePresenceRule(minCount: 1), "\(body.bodyId): DOMAIN 9.1-9.2 default")
        }
        let eib = try #require(bodies.first { $0.bodyId == "B-EIB" })
        #expect(eib.chairRoleId == "R-DCEO")
        let forum = try #require(bodies.first { $0.bodyId == "B-AMHEPF" })
        #expect(forum.facilitatorRoleIds == ["R-DIR-EDI", "R-HEAD-RJE"])
    }

    @Test func everySeedRoleIsDefinedAndThePlanCoversThePeriod() throws {
        let template = try Self.template()
        let roles = try Self.payloads(template, of: "role.defined").map { try Catalogue.decode(RoleDefined.self, payload: $0) }
        #expect(roles.map(\.roleId.rawValue) == Self.roleIds)
        let head = try #require(roles.first { $0.roleId == "R-HEAD-RJE" })
        #expect(head.aliases == ["Head of Equity and Racial Justice"])
        let plans = try Self.payloads(template, of: "plan.version_published").map {
            try Catalogue.decode(PlanVersionPublished.self, payload: $0)
        }
        #expect(plans.count == 1)
        #expect(plans.first?.planId == "amhe-plan")
        #expect(plans.first?.version == 1)
        #expect(plans.first?.period == DateRange(from: "2023-04-01", to: "2028-03-31"))
    }
}
