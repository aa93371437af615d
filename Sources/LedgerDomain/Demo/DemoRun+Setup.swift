import LedgerCore

// Day 0 and 1: what the organisation registers when it starts using the ledger.
extension DemoRun {
    static let lawfulBasis = "ROPA-2025-01"
    static let joiningDay = 160

    /// The person who joins the LEAB mid-year (registered then, not on day 0).
    var joiner: String { world.leabJoiner }

    func setup() {
        for region in world.regions {
            emit("admin", "region.registered", stream: "region/\(region.id)",
                 ["regionId": J.s(region.id), "name": J.s(region.name), "servicesProvided": true])
        }
        for service in world.services {
            emit("admin", "service.registered", stream: "service/\(service.id)", [
                "serviceId": J.s(service.id), "regionId": J.s(world.regions[service.region].id), "name": J.s(service.name),
                "type": J.s(service.type), "commissioner": J.s(service.commissioner), "publiclyFunded": .bool(service.commissioner != "other"),
            ])
        }
        for region in world.regions {
            for partner in region.partners {
                registerPartner(partner.id, type: partner.type, name: Self.partnerName(partner.type, region.name), regions: [region.id])
            }
        }
        for partner in world.nationalPartners {
            registerPartner(partner.id, type: partner.type, name: partner.name, regions: [])
        }
        for chair in DemoWorld.addedChairs { defineRole(chair.role, chair.name) }
        for region in world.regions { defineRole(region.leadRole, "Regional lead, \(region.name)") }
        for person in world.people where person.id != joiner { registerPerson(person) }
        emit("admin", "key.registered", stream: "key/\(keyID("intake"))", [
            "keyId": J.s(keyID("intake")), "publicKey": J.s(publicKey("intake")), "holder": "system/feedback-form",
            "role": "intake", "allowedEventTypes": J.strings(["feedback.received"]), "validFrom": J.s(now),
        ])
        for person in world.people where person.keyRole != nil && person.id != joiner { registerKey(person) }
        for region in world.regions {
            emit("admin", "body.established", stream: "body/\(region.forum)", [
                "bodyId": J.s(region.forum), "bodyType": "B-REGFORUM", "name": J.s("\(region.name) Regional Forum"),
                "aliases": [], "parentBodyId": "B-REGFORUM", "regionId": J.s(region.id), "chairRoleId": J.s(region.leadRole),
                "facilitatorRoleIds": [], "torDocHash": J.s(J.hash("tor/\(region.forum)")), "quorumRule": ["min": 3],
                "ebePresenceRule": ["minCount": 1], "decisionScope": "operational",
            ])
        }
        assignStandingRoles()
        for body in world.bodies {
            for member in body.members where member.person != joiner {
                emit("admin", "member.joined", stream: "body/\(body.id)", [
                    "bodyId": J.s(body.id), "personId": J.s(member.person), "membershipCategory": J.s(member.category),
                    "votingRights": .bool(member.voting), "from": J.s(body.region == nil ? "2023-04-01" : DemoCalendar.date(0)),
                ])
            }
        }
        later(1) { $0.dayOne() }
        later(2) { $0.defineNationalMetrics() }
        later(Self.joiningDay) { $0.leabJoins() }
    }

    func keyID(_ name: String) -> String { generator.publicKeys[name]?.keyID ?? "0000000000000000" }
    func publicKey(_ name: String) -> String { Base64.encode(generator.publicKeys[name]?.rawRepresentation ?? []) }

    static func partnerName(_ type: String, _ region: String) -> String {
        switch type {
        case "local_authority": return "\(region) local authorities' adult social care"
        case "icb": return "\(region) Integrated Care Board"
        case "advocacy": return "\(region) Culturally Appropriate Advocacy Service"
        case "ethnically_led_vcse": return "\(region) African, Caribbean and Asian Wellbeing Network"
        case "faith": return "\(region) Interfaith Mental Health Alliance"
        default: return "\(region) partner"
        }
    }

    func registerPartner(_ id: String, type: String, name: String, regions: [String]) {
        var payload: [String: JSONValue] = ["partnerId": J.s(id), "type": J.s(type), "name": J.s(name), "regionIds": J.strings(regions)]
        if type == "advocacy" { payload["culturallyAppropriate"] = true }
        emit("admin", "partner.registered", stream: "partner/\(id)", payload)
    }

    func defineRole(_ id: String, _ name: String) {
        emit("admin", "role.defined", stream: "role/\(id)", ["roleId": J.s(id), "name": J.s(name), "aliases": [], "singleOccupant": true])
    }

    func registerPerson(_ person: DemoWorld.Person) {
        emit("admin", "person.registered", stream: "person/\(person.id)",
             ["personId": J.s(person.id), "categories": J.strings(person.categories), "lawfulBasisRef": J.s(Self.lawfulBasis)],
             subject: "person/\(person.id)", privateData: ["name": J.s(person.name), "contact": J.s(person.contact)])
    }

    func registerKey(_ person: DemoWorld.Person) {
        emit("admin", "key.registered", stream: "key/\(keyID(person.id))", [
            "keyId": J.s(keyID(person.id)), "publicKey": J.s(publicKey(person.id)), "holder": J.s("person/\(person.id)"),
            "role": J.s(person.keyRole ?? "member"), "validFrom": J.s(now),
        ])
    }

    func assign(_ role: String, _ person: String, from: String, body: String? = nil, region: String? = nil, decision: String? = nil) {
        var payload: [String: JSONValue] = ["roleId": J.s(role), "personId": J.s(person), "from": J.s(from)]
        if let body { payload["bodyId"] = J.s(body) }
        if let region { payload["regionId"] = J.s(region) }
        if let decision { payload["appointedByDecision"] = J.s(decision) }
        emit("admin", "role.assigned", stream: "role/\(role)", payload)
    }

    private func assignStandingRoles() {
        let w = world
        assign("R-DCEO", w.dceo, from: "2023-04-01", body: "B-EIB")
        assign("R-DIR-EDI", w.dirEdi, from: "2023-04-01", body: "B-AMHEPF")
        assign("R-HEAD-RJE", w.headRje, from: "2023-09-01", body: "B-AMHEPF")
        assign("R-CHAMPION", w.champion, from: "2023-04-01", body: "B-TRUSTEES")
        for p in w.rjeTeam { assign("R-RJE-TEAM", p, from: "2024-01-08") }
        for p in w.natLeads { assign("R-NAT-LEAD", p, from: "2024-04-01") }
        for region in w.regions {
            assign("R-REG-LEAD", region.lead, from: "2024-04-01", body: region.forum, region: region.id)
            assign(region.leadRole, region.lead, from: DemoCalendar.date(0), body: region.forum, region: region.id)
        }
        for service in w.services {
            assign("R-SVC-MGR", service.manager, from: "2024-04-01", region: w.regions[service.region].id)
        }
    }

    /// Day 1: standing interests, equality-monitoring consents and profiles, legal obligations.
    func dayOne() {
        let w = world
        for (person, body, type, text) in interests {
            var payload: [String: JSONValue] = [
                "personId": J.s(person), "interestType": J.s(type), "from": "2025-04-01", "register": true,
                "lawfulBasisRef": J.s(Self.lawfulBasis),
            ]
            if let body { payload["bodyId"] = J.s(body) }
            emit(person, "interest.declared", stream: "person/\(person)", payload,
                 subject: "person/\(person)", privateData: ["description": J.s(text)])
        }
        for person in w.people where person.keyRole == "member" && person.id != joiner {
            recordEquality(person)
        }
        let obligations: [(String, String, String, String)] = [
            ("OBL-EQA-2010", "Equality Act 2010", "Make reasonable adjustments and do not discriminate in providing services.", "R-DIR-EDI"),
            ("OBL-AIS", "Accessible Information Standard (DCB1605)",
             "Identify, record, flag, share and meet the communication needs of service users and carers.", "R-SVC-MGR"),
            ("OBL-MHA-CODE", "Mental Health Act 1983 Code of Practice",
             "Have regard to the Code's guiding principles, including respect for diversity, in services working with detained people.", "R-NAT-LEAD"),
        ]
        for (id, law, requirement, owner) in obligations {
            emit(w.headRje, "obligation.registered", stream: "obligation/\(id)", [
                "obligationId": J.s(id), "legislation": J.s(law), "requirement": J.s(requirement), "ownerRoleId": J.s(owner),
                "evidenceRefs": [], "reviewDue": "2026-03-31",
            ])
        }
    }

    func recordEquality(_ person: DemoWorld.Person) {
        let consent = J.uuid(seed: seed, "consent/\(person.id)")
        emit("admin", "consent.recorded", stream: "subject/\(person.id)", [
            "consentId": J.s("CNS-\(person.id)"), "personId": J.s(person.id), "purpose": "equality_monitoring", "coverage": "all",
        ], id: consent)
        emit("admin", "equality.profile_recorded", stream: "person/\(person.id)", [
            "personId": J.s(person.id), "consentRef": J.s(consent), "ethnicityCodeSystem": "ons_2021",
            "lawfulBasisRef": J.s(Self.lawfulBasis),
        ], subject: "person/\(person.id)", privateData: ["ethnicity": J.s(person.ethnicity.rawValue)])
    }

    /// Mid-year turnover on the Lived Experience Advisory Board.
    func leabJoins() {
        guard let person = world.people.first(where: { $0.id == joiner }), let leaver = world.leab.last else { return }
        emit("admin", "member.left", stream: "body/B-LEAB", [
            "bodyId": "B-LEAB", "personId": J.s(leaver), "to": J.s(DemoCalendar.date(day - 10)), "reason": "resigned",
        ])
        registerPerson(person)
        registerKey(person)
        recordEquality(person)
        emit("admin", "member.joined", stream: "body/B-LEAB", [
            "bodyId": "B-LEAB", "personId": J.s(person.id), "membershipCategory": "ebe_lived", "votingRights": true,
            "from": J.s(DemoCalendar.date(day)),
        ])
    }
}
