import LedgerCore

// Day 0 and 1: what the organisation registers when it starts using the ledger.
extension DemoRun {
    static let lawfulBasis = "ROPA-2025-01"
    static let joiningDay = 160

    /// The person who joins the LEAB mid-year (registered then, not on day 0).
    var joiner: String { world.leabJoiner }

    func setup() {
        for region in world.regions {
            emit("admin", RegionRegistered(regionId: typed(region.id), name: typed(region.name), servicesProvided: true))
        }
        for service in world.services {
            emit("admin", ServiceRegistered(
                serviceId: typed(service.id), regionId: typed(world.regions[service.region].id), name: typed(service.name),
                type: typed(service.type), commissioner: typed(service.commissioner), publiclyFunded: service.commissioner != "other"))
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
        emit("admin", KeyRegistered(
            keyId: typed(keyID("intake")), publicKey: typed(publicKey("intake")), holder: "system/feedback-form", role: .intake,
            allowedEventTypes: [EventTypeFilter(unchecked: FeedbackReceived.eventType)], validFrom: typed(now)))
        for person in world.people where person.keyRole != nil && person.id != joiner { registerKey(person) }
        for region in world.regions {
            emit("admin", BodyEstablished(
                bodyId: typed(region.forum), bodyType: .regionalForum, name: typed("\(region.name) Regional Forum"), aliases: [],
                parentBodyId: "B-REGFORUM", regionId: typed(region.id), chairRoleId: typed(region.leadRole),
                facilitatorRoleIds: [], torDocHash: typed(J.hash("tor/\(region.forum)")), quorumRule: QuorumRule(min: 3),
                ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .operational))
        }
        assignStandingRoles()
        for body in world.bodies {
            for member in body.members where member.person != joiner {
                emit("admin", MemberJoined(
                    bodyId: typed(body.id), personId: typed(member.person), membershipCategory: typed(member.category),
                    votingRights: member.voting, from: typed(body.region == nil ? "2023-04-01" : DemoCalendar.date(0))))
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
        let partnerType: PartnershipVocabulary.PartnerType = typed(type)
        emit("admin", PartnerRegistered(
            partnerId: id, type: partnerType, name: name, regionIds: regions, culturallyAppropriate: partnerType == .advocacy ? true : nil))
    }

    func defineRole(_ id: String, _ name: String) {
        emit("admin", RoleDefined(roleId: typed(id), name: typed(name), aliases: [], singleOccupant: true))
    }

    func registerPerson(_ person: DemoWorld.Person) {
        emit("admin", PersonRegistered(personId: typed(person.id), categories: typed(person.categories), lawfulBasisRef: typed(Self.lawfulBasis)),
             subject: "person/\(person.id)", privateData: ["name": J.s(person.name), "contact": J.s(person.contact)])
    }

    func registerKey(_ person: DemoWorld.Person) {
        emit("admin", KeyRegistered(
            keyId: typed(keyID(person.id)), publicKey: typed(publicKey(person.id)), holder: typed("person/\(person.id)"),
            role: typed(person.keyRole ?? KeyRole.member.rawValue), validFrom: typed(now)))
    }

    func assign(_ role: String, _ person: String, from: String, body: String? = nil, region: String? = nil, decision: String? = nil) {
        emit("admin", RoleAssigned(
            roleId: typed(role), personId: typed(person), from: typed(from), bodyId: body.map { typed($0) }, regionId: region.map { typed($0) },
            appointedByDecision: decision.map { typed($0) }))
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
            let interest = InterestDeclared(
                personId: typed(person), bodyId: body.map { typed($0) }, interestType: type, from: "2025-04-01", register: true,
                lawfulBasisRef: typed(Self.lawfulBasis))
            emit(person, interest, subject: "person/\(person)", privateData: ["description": J.s(text)])
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
            emit(w.headRje, ObligationRegistered(
                obligationId: typed(id), legislation: typed(law), requirement: typed(requirement), ownerRoleId: typed(owner), evidenceRefs: [],
                reviewDue: "2026-03-31"))
        }
    }

    func recordEquality(_ person: DemoWorld.Person) {
        let consent = J.uuid(seed: seed, "consent/\(person.id)")
        emit("admin", ConsentRecorded(consentId: "CNS-\(person.id)", personId: person.id, purpose: .equalityMonitoring, coverage: .all), id: consent)
        let profile = EqualityProfileRecorded(
            personId: typed(person.id), consentRef: typed(consent), ethnicityCodeSystem: .ons2021, lawfulBasisRef: typed(Self.lawfulBasis))
        emit("admin", profile, subject: "person/\(person.id)", privateData: ["ethnicity": J.s(person.ethnicity.rawValue)])
    }

    /// Mid-year turnover on the Lived Experience Advisory Board.
    func leabJoins() {
        guard let person = world.people.first(where: { $0.id == joiner }), let leaver = world.leab.last else { return }
        let leab: BodyID = "B-LEAB"
        emit("admin", MemberLeft(bodyId: leab, personId: typed(leaver), to: typed(DemoCalendar.date(day - 10)), reason: .resigned))
        registerPerson(person)
        registerKey(person)
        recordEquality(person)
        emit("admin", MemberJoined(bodyId: leab, personId: typed(person.id), membershipCategory: .ebeLived, votingRights: true, from: typed(DemoCalendar.date(day))))
    }
}
