/// The demo's cast: people, regions, services, partners and bodies, built from the seed and the
/// scale before any event is generated. Pure data; the events that record it come from ``DemoRun``.
struct DemoWorld {
    struct Person {
        let id: String
        let name: String
        let categories: [String]
        let ethnicity: EthnicityCode
        /// `member` or `evaluator` for people who sign events; nil for people who only appear in them.
        let keyRole: String?
        var contact: String {
            name.lowercased().split(separator: " ").joined(separator: ".") + "@example.org"
        }
    }

    struct Service {
        let id: String
        let region: Int
        let name: String
        let type: String
        let commissioner: String
        let manager: String
        var users: [String]
    }

    struct Region {
        let id: String
        let name: String
        let forum: String
        let leadRole: String
        let lead: String
        let frontline: [String]
        var services: [Int]
        var partners: [(id: String, type: String)]
        var champion: String
    }

    struct Member {
        let person: String
        let category: String
        let voting: Bool
    }

    struct Body {
        let id: String
        let slug: String
        /// Roles that make their holder an officer of the body (chair first).
        let officerRoles: [String]
        /// Role → holder, for the officer roles.
        let officers: [String]
        var members: [Member]
        let meetingsPerYear: Int
        let firstDay: Int
        /// Whether it records decisions (advisory bodies and the staff network do not).
        let decides: Bool
        /// Whether its members' input is recorded as contributions (advisory bodies, forums).
        let contributes: Bool
        let region: Int?
    }

    var people: [Person] = []
    var regions: [Region] = []
    var services: [Service] = []
    var bodies: [Body] = []
    var nationalPartners: [(id: String, type: String, name: String)] = []

    // National officers and staff.
    var dceo = "", dirEdi = "", headRje = "", dataLead = "", peopleLead = "", opsDirector = "", eipfChair = "", realChair = ""
    var rjeTeam: [String] = [], natLeads: [String] = [], trustees: [String] = [], leab: [String] = [], cab: [String] = []
    var ebeWg: [String] = [], evaluator = "", champion = "", universityPartner = "", leabJoiner = ""

    /// Chair roles the demo adds for template bodies whose chair the plan does not name.
    static let addedChairs: [(body: String, role: String, name: String)] = [
        ("B-TRUSTEES", "R-CHAIR-TRUSTEES", "Chair of the Board of Trustees"),
        ("B-REPB", "R-CHAIR-REPB", "Chair of the Race Equality Programme Board"),
        ("B-EIPF", "R-CHAIR-EIPF", "Chair of the Equity and Inclusion Practice Forum"),
        ("B-LEAB", "R-CHAIR-LEAB", "Chair of the Lived Experience Advisory Board"),
        ("B-CAB", "R-CHAIR-CAB", "Chair of the Carers Advisory Board"),
        ("B-EBE-WG", "R-CHAIR-EBE-WG", "Convenor of the Expert by Experience working groups"),
        ("B-REAL", "R-CHAIR-REAL", "Chair of the REAL staff network"),
    ]

    init(scale: DemoScale, seed: UInt64) {
        var rng = DemoRandom(seed: seed ^ 0x5EED_0F_DE30_C0DE)
        func person(_ categories: [String], key: String? = "member") -> String {
            let id = "p-" + DemoCalendar.pad(people.count + 1, 4)
            let name = rng.pick(DemoText.givenNames) + " " + rng.pick(DemoText.familyNames)
            people.append(Person(id: id, name: name, categories: categories, ethnicity: Self.ethnicity(&rng), keyRole: key))
            return id
        }
        dceo = person(["staff"])
        dirEdi = person(["staff"])
        headRje = person(["staff", "ebe_lived"])
        rjeTeam = [person(["staff"]), person(["staff"])]
        natLeads = [person(["staff"]), person(["staff"])]
        dataLead = person(["staff"])
        peopleLead = person(["staff"])
        opsDirector = person(["staff"])
        eipfChair = person(["staff"])
        realChair = person(["staff"])
        trustees = [person(["community_rep"]), person(["ebe_lived"]), person(["ebe_lived"]), person(["ebe_carer"]),
                    person(["community_rep"]), person(["vcse_rep"]), person(["community_rep"])]
        champion = trustees[1]
        leab = (0..<8).map { _ in person(["ebe_lived"]) }
        leabJoiner = person(["ebe_lived", "service_user"])
        cab = (0..<6).map { _ in person(["ebe_carer"]) }
        ebeWg = [person(["ebe_lived"]), person(["ebe_carer"]), person(["ebe_lived", "service_user"]), person(["ebe_lived"]),
                 person(["ebe_carer"])]
        evaluator = person(["independent_evaluator"], key: "evaluator")
        universityPartner = "PT-UNI-1"
        nationalPartners = [(universityPartner, "other", "Centre for Race and Mental Health Research, Northbridge University")]

        // Regions, their services and people.
        for r in 0..<scale.regions {
            let spec = DemoText.regions[r % DemoText.regions.count]
            let lead = person(["staff"])
            let frontline = [person(["staff"]), person(["staff"]), person(["staff", "ebe_lived"])]
            var region = Region(
                id: spec.id, name: spec.name, forum: "B-REGFORUM-\(spec.id)", leadRole: "R-REG-LEAD-\(spec.id)", lead: lead,
                frontline: frontline, services: [], partners: [], champion: "")
            for k in 0..<scale.servicesPerRegion {
                let type = DemoText.serviceTypes[(k + r) % DemoText.serviceTypes.count]
                let town = spec.towns[k % spec.towns.count]
                let round = k / spec.towns.count
                let manager = person(["staff"])
                let users = (0..<scale.usersPerService).map { u in
                    person(u % 3 == 0 ? ["service_user", "ebe_lived"] : ["service_user"], key: nil)
                }
                region.services.append(services.count)
                services.append(Service(
                    id: "svc-\(spec.id.lowercased())-\(DemoCalendar.pad(k + 1, 2))", region: r,
                    name: "\(town) \(type.label)" + (round > 0 ? " \(round + 1)" : ""), type: type.type,
                    commissioner: type.commissioner, manager: manager, users: users))
            }
            let prefix = "PT-\(spec.id)-"
            region.partners = [
                (prefix + "LA", "local_authority"), (prefix + "ICB", "icb"), (prefix + "ADV", "advocacy"),
                (prefix + "VCSE", "ethnically_led_vcse"), (prefix + "FAITH", "faith"),
            ]
            let forumMembers = [
                Member(person: lead, category: "staff", voting: true),
                Member(person: services[region.services[0]].manager, category: "staff", voting: true),
                Member(person: person(["ebe_lived", "service_user"]), category: "ebe_lived", voting: true),
                Member(person: person(["ebe_lived"]), category: "ebe_lived", voting: true),
                Member(person: person(["ebe_carer"]), category: "ebe_carer", voting: true),
                Member(person: person(["community_rep"]), category: "community_rep", voting: true),
                Member(person: person(["community_rep"]), category: "community_rep", voting: true),
                Member(person: person(["vcse_rep"]), category: "vcse_rep", voting: true),
            ]
            region.champion = forumMembers[5].person
            regions.append(region)
            bodies.append(Body(
                id: region.forum, slug: "REGFORUM-\(spec.id)", officerRoles: [region.leadRole], officers: [lead],
                members: forumMembers, meetingsPerYear: 6, firstDay: 9 + r % 5, decides: true, contributes: true, region: r))
        }

        // National bodies, each with its officers (chair first) and members.
        func m(_ p: String, _ c: String, voting: Bool = true) -> Member { Member(person: p, category: c, voting: voting) }
        let regionalLead = regions.first?.lead ?? dirEdi
        let realMembers = [realChair] + regions.prefix(4).flatMap { $0.frontline.prefix(2) } + [rjeTeam[1], natLeads[1]]
        bodies += [
            Body(id: "B-TRUSTEES", slug: "TRUSTEES", officerRoles: ["R-CHAIR-TRUSTEES"], officers: [trustees[0]],
                 members: [m(trustees[0], "community_rep"), m(trustees[1], "ebe_lived"), m(trustees[2], "ebe_lived"),
                           m(trustees[3], "ebe_carer"), m(trustees[4], "community_rep"), m(trustees[5], "vcse_rep"),
                           m(trustees[6], "community_rep")],
                 meetingsPerYear: 4, firstDay: 7, decides: true, contributes: false, region: nil),
            Body(id: "B-EIB", slug: "EIB", officerRoles: ["R-DCEO"], officers: [dceo],
                 members: [m(dceo, "staff"), m(dirEdi, "staff"), m(headRje, "staff"), m(natLeads[0], "staff"),
                           m(leab[0], "ebe_lived"), m(leab[1], "ebe_lived"), m(cab[0], "ebe_carer")],
                 meetingsPerYear: 4, firstDay: 3, decides: true, contributes: false, region: nil),
            Body(id: "B-REPB", slug: "REPB", officerRoles: ["R-CHAIR-REPB"], officers: [opsDirector],
                 members: [m(opsDirector, "staff"), m(headRje, "staff"), m(rjeTeam[0], "staff"), m(dataLead, "staff"),
                           m(peopleLead, "staff"), m(leab[2], "ebe_lived"), m(cab[1], "ebe_carer")],
                 meetingsPerYear: 6, firstDay: 15, decides: true, contributes: false, region: nil),
            Body(id: "B-AMHEPF", slug: "AMHEPF", officerRoles: ["R-DIR-EDI", "R-HEAD-RJE"], officers: [dirEdi, headRje],
                 members: [m(dirEdi, "staff"), m(headRje, "staff"), m(natLeads[1], "staff"), m(rjeTeam[1], "staff"),
                           m(regionalLead, "staff"), m(leab[3], "ebe_lived"), m(leab[4], "ebe_lived"), m(cab[2], "ebe_carer"),
                           m(ebeWg[0], "ebe_lived")],
                 meetingsPerYear: 12, firstDay: 8, decides: true, contributes: true, region: nil),
            Body(id: "B-EIPF", slug: "EIPF", officerRoles: ["R-CHAIR-EIPF"], officers: [eipfChair],
                 members: [m(eipfChair, "staff"), m(peopleLead, "staff"), m(natLeads[0], "staff"), m(leab[5], "ebe_lived"),
                           m(cab[3], "ebe_carer")],
                 meetingsPerYear: 4, firstDay: 20, decides: true, contributes: false, region: nil),
            Body(id: "B-LEAB", slug: "LEAB", officerRoles: ["R-CHAIR-LEAB"], officers: [leab[0]],
                 members: (leab + [leabJoiner]).map { m($0, "ebe_lived") } + [m(dirEdi, "staff", voting: false)],
                 meetingsPerYear: 6, firstDay: 12, decides: false, contributes: true, region: nil),
            Body(id: "B-CAB", slug: "CAB", officerRoles: ["R-CHAIR-CAB"], officers: [cab[0]],
                 members: cab.map { m($0, "ebe_carer") } + [m(headRje, "staff", voting: false)],
                 meetingsPerYear: 4, firstDay: 14, decides: false, contributes: true, region: nil),
            Body(id: "B-EBE-WG", slug: "EBE-WG", officerRoles: ["R-CHAIR-EBE-WG"], officers: [ebeWg[0]],
                 members: zip(ebeWg, ["ebe_lived", "ebe_carer", "ebe_lived", "ebe_lived", "ebe_carer"]).map { m($0, $1) },
                 meetingsPerYear: 6, firstDay: 16, decides: false, contributes: true, region: nil),
            Body(id: "B-REAL", slug: "REAL", officerRoles: ["R-CHAIR-REAL"], officers: [realChair],
                 members: Array(Set(realMembers)).sorted().map { m($0, "staff") },
                 meetingsPerYear: 4, firstDay: 18, decides: false, contributes: false, region: nil),
        ]
    }

    /// A plausible mix of ONS 2021 codes (not a model of any real population).
    static func ethnicity(_ rng: inout DemoRandom) -> EthnicityCode {
        let weighted: [(EthnicityCode, Int)] = [
            (.whiteBritish, 30), (.whiteIrish, 3), (.whiteOther, 6), (.whiteGypsyOrIrishTraveller, 1), (.mixedWhiteAndBlackCaribbean, 4),
            (.mixedWhiteAndBlackAfrican, 2), (.mixedWhiteAndAsian, 2), (.mixedOther, 2), (.asianIndian, 8), (.asianPakistani, 8),
            (.asianBangladeshi, 5), (.asianChinese, 2), (.asianOther, 3), (.blackCaribbean, 8), (.blackAfrican, 9),
            (.blackOther, 2), (.otherArab, 2), (.otherAny, 3),
        ]
        var roll = rng.below(weighted.reduce(0) { $0 + $1.1 })
        for (code, weight) in weighted {
            if roll < weight { return code }
            roll -= weight
        }
        return .whiteBritish
    }

    /// The person with pseudonym `p-NNNN` (people are numbered in order).
    func person(_ id: String) -> Person? {
        guard let n = Int(id.dropFirst(2)), n >= 1, n <= people.count else { return nil }
        return people[n - 1]
    }
    func body(_ id: String) -> Body? { bodies.first { $0.id == id } }
    var nationalBodies: [Body] { bodies.filter { $0.region == nil } }
}
