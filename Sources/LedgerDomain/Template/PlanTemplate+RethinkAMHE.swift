import LedgerCore

// The rethink-amhe template, built from the typed payloads: Rethink Mental Illness's Advancing
// Mental Health Equalities (AMHE) Plan, its PCREF plan, as the events that record it. The same
// events, with the decisions taken in reading the plan and the framework's reference data, are
// documented in Schemas/templates/rethink-amhe.v1.json; PlanTemplateTests checks that the two
// agree event by event. Edit both together.
extension PlanTemplate {
    /// The plan start, when every event of the template happened (the plan gives no publication date).
    static let rethinkAMHEStart: UTCTimestamp = "2023-04-01T09:00:00Z"

    /// The rethink-amhe template: the 15 roles the plan names, plan `amhe-plan` version 1 for
    /// 2023-04-01 to 2028-03-31, the 10 governance bodies and the 23 actions LG-1 to DF-6, in that
    /// order (later events refer to earlier ones).
    static var rethinkAMHE: PlanTemplate {
        // The SHA-256 of the published plan's text: the plan's docHash and, until real terms of
        // reference are recorded (body.terms_amended), every body's torDocHash.
        let planHash: DocHash = "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a"
        let roles = [
            RoleDefined(
                roleId: "R-DIR-EDI", name: "Director of EDI and Involvement", aliases: [], singleOccupant: true),
            RoleDefined(
                roleId: "R-HEAD-RJE", name: "Head of Racial Justice and Equity",
                aliases: ["Head of Equity and Racial Justice"], singleOccupant: true),
            RoleDefined(
                roleId: "R-DCEO", name: "Deputy Chief Executive and Executive Sponsor for Race",
                aliases: ["Deputy Chief Executive", "Executive Sponsor for Race"], singleOccupant: true),
            RoleDefined(
                roleId: "R-CHAMPION", name: "Advancing Mental Health Equalities champion at Board level",
                aliases: ["AMHE champion"], singleOccupant: true),
            RoleDefined(
                roleId: "R-RJE-TEAM", name: "Racial Justice and Equity team",
                aliases: ["Rethink Racial Justice and Equity team"], singleOccupant: false),
            RoleDefined(roleId: "R-REG-LEAD", name: "Regional lead", aliases: [], singleOccupant: false),
            RoleDefined(roleId: "R-NAT-LEAD", name: "National lead", aliases: [], singleOccupant: false),
            RoleDefined(roleId: "R-SVC-MGR", name: "Service manager", aliases: [], singleOccupant: false),
            RoleDefined(roleId: "R-COMM-CHAMP", name: "Community champion", aliases: [], singleOccupant: false),
            RoleDefined(roleId: "R-EBE", name: "Expert by Experience", aliases: [], singleOccupant: false),
            RoleDefined(roleId: "R-STAFF", name: "Rethink staff member", aliases: [], singleOccupant: false),
            RoleDefined(
                roleId: "R-VCSE", name: "Voluntary sector organisation representative", aliases: [],
                singleOccupant: false),
            RoleDefined(
                roleId: "R-COMMUNITY-REP", name: "Local community representative", aliases: [], singleOccupant: false),
            RoleDefined(roleId: "R-SERVICE-USER", name: "Service user", aliases: [], singleOccupant: false),
            RoleDefined(roleId: "R-CARER", name: "Carer", aliases: [], singleOccupant: false),
        ]
        let plan = PlanVersionPublished(
            planId: "amhe-plan", version: 1, scope: .national, ownerRoleId: "R-DIR-EDI",
            period: DateRange(from: "2023-04-01", to: "2028-03-31"), docHash: planHash, coDevelopedWith: [])
        let bodies = [
            BodyEstablished(
                bodyId: "B-TRUSTEES", bodyType: .trustees, name: "Board of Trustees", aliases: [],
                facilitatorRoleIds: [], torDocHash: planHash, quorumRule: QuorumRule(min: 3),
                ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .strategic),
            BodyEstablished(
                bodyId: "B-EIB", bodyType: .equityInclusionBoard, name: "Equity and Inclusion Board", aliases: [],
                parentBodyId: "B-TRUSTEES", chairRoleId: "R-DCEO", facilitatorRoleIds: [], torDocHash: planHash,
                quorumRule: QuorumRule(min: 3), ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .strategic
            ),
            BodyEstablished(
                bodyId: "B-REPB", bodyType: .raceEqualityProgrammeBoard, name: "Race Equality Programme Board",
                aliases: [], facilitatorRoleIds: [], torDocHash: planHash, quorumRule: QuorumRule(min: 3),
                ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .strategic),
            BodyEstablished(
                bodyId: "B-AMHEPF", bodyType: .amhePracticeForum,
                name: "Advancing Mental Health Equalities Practice Forum",
                aliases: [
                    "Advancing Mental Equalities Practice Forum",
                    "Rethink Advancing Mental Health Equalities Practice Forum",
                ], parentBodyId: "B-EIB", facilitatorRoleIds: ["R-DIR-EDI", "R-HEAD-RJE"], torDocHash: planHash,
                quorumRule: QuorumRule(min: 3), ebePresenceRule: EbePresenceRule(minCount: 1),
                decisionScope: .operational),
            BodyEstablished(
                bodyId: "B-EIPF", bodyType: .equityInclusionPracticeForum, name: "Equity and Inclusion Practice Forum",
                aliases: [], facilitatorRoleIds: [], torDocHash: planHash, quorumRule: QuorumRule(min: 3),
                ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .advisory),
            BodyEstablished(
                bodyId: "B-LEAB", bodyType: .livedExperienceAdvisoryBoard, name: "Lived Experience Advisory Board",
                aliases: [], facilitatorRoleIds: [], torDocHash: planHash, quorumRule: QuorumRule(min: 3),
                ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .advisory),
            BodyEstablished(
                bodyId: "B-CAB", bodyType: .carersAdvisoryBoard, name: "Carers Advisory Board", aliases: [],
                facilitatorRoleIds: [], torDocHash: planHash, quorumRule: QuorumRule(min: 3),
                ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .advisory),
            BodyEstablished(
                bodyId: "B-EBE-WG", bodyType: .ebeWorkingGroup, name: "Expert by Experience working groups",
                aliases: ["other expert by Experience working groups"], facilitatorRoleIds: [], torDocHash: planHash,
                quorumRule: QuorumRule(min: 3), ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .advisory),
            BodyEstablished(
                bodyId: "B-REGFORUM", bodyType: .regionalForum, name: "Regional Forums", aliases: [],
                facilitatorRoleIds: [], torDocHash: planHash, quorumRule: QuorumRule(min: 3),
                ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .advisory),
            BodyEstablished(
                bodyId: "B-REAL", bodyType: .realNetwork, name: "Race Equality Action Leaders (REAL) staff network",
                aliases: ["REAL staff networks"], facilitatorRoleIds: [], torDocHash: planHash,
                quorumRule: QuorumRule(min: 3), ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .advisory),
        ]
        // Every action is national, belongs to the plan and is due at its end (the plan gives no
        // due dates); none has a source decision or feedback.
        func action(
            _ code: ActionCode, _ area: ActionArea, _ title: ShortText, _ competencies: [Competency],
            _ pillars: [Pillar], _ objectives: [Objective],
            owner: RoleID
        ) -> ActionCreated {
            ActionCreated(
                actionId: EntityID(unchecked: code.rawValue), actionCode: code, area: area, title: title,
                competencies: competencies, pillars: pillars,
                objectives: objectives, scope: .national, planId: plan.planId, ownerRoleId: owner,
                dueDate: "2028-03-31", sourceFeedbackIds: [])
        }
        let actions = [
            action(
                "LG-1", .leadershipGovernance,
                "Advancing Mental Health Equalities champion at Board level; the Racial Justice and Equity team gives verbal and written updates to the Board of Trustees and Race Equality Programme Board",
                [.workforce, .staffKnowledge], [], [], owner: "R-RJE-TEAM"),
            action(
                "LG-2", .leadershipGovernance,
                "Establish the Advancing Mental Health Equalities Practice Forum of staff and Experts by Experience, facilitated by the Director of EDI and Involvement and the Head of Racial Justice and Equity",
                [.coproduction], [], [], owner: "R-DIR-EDI"),
            action(
                "LG-3", .leadershipGovernance,
                "Work with the Lived Experience Advisory Board, Carers Advisory Board and other Expert by Experience working groups to shape and influence delivery of the AMHE Plan",
                [.coproduction], [], [], owner: "R-DIR-EDI"),
            action(
                "LG-4", .leadershipGovernance,
                "Support the Regional Forums (community representatives, service users, staff, voluntary sector) to shape and influence delivery of the AMHE Plan locally",
                [.coproduction, .partnershipWorking], [], [], owner: "R-REG-LEAD"),
            action(
                "LG-5", .leadershipGovernance,
                "Strengthen the Race Equality Action Leaders (REAL) and other staff networks to give constructive challenge and feedback on delivery of the AMHE Plan",
                [.workforce], [], [], owner: "R-HEAD-RJE"),
            action(
                "ST-1", .staffTraining,
                "Cultural awareness sessions with staff, in partnership with organisations that understand the intersectional experiences of ethnically diverse, marginalised and neurodiverse communities",
                [.culturalAwareness, .staffKnowledge, .partnershipWorking], [], [], owner: "R-HEAD-RJE"),
            action(
                "ST-2", .staffTraining,
                "Embed race equality training goals in staff's personal development plans, met through workshops, conferences, events, brunch and learns and team discussions",
                [.staffKnowledge, .workforce], [], [], owner: "R-DIR-EDI"),
            action(
                "PW-1", .partnershipWorking,
                "Share best practice on delivery and race equity from external partners to strengthen services and support for Black and other underserved communities",
                [.partnershipWorking, .coLearning], [], [], owner: "R-HEAD-RJE"),
            action(
                "PW-2", .partnershipWorking,
                "Implement a partnership framework with good practice guidance on anti-racist and anti-oppressive partnership working with community organisations",
                [.partnershipWorking], [], [], owner: "R-HEAD-RJE"),
            action(
                "WF-1", .workforce,
                "Build on the mutual mentoring programme; co-design and implement activities that improve staff understanding of cultural differences",
                [.workforce, .culturalAwareness], [], [], owner: "R-DIR-EDI"),
            action(
                "WF-2", .workforce,
                "Report on the Ethnicity Pay Gap to identify and address pay disparities for the ethnic minority workforce",
                [.workforce], [], [], owner: "R-DIR-EDI"),
            action(
                "WF-3", .workforce,
                "Publish the Equity, Diversity, Inclusion Strategic Plan and the Staff Networks Action Plan",
                [.workforce], [], [], owner: "R-DIR-EDI"),
            action(
                "WF-4", .workforce,
                "Monitor and evaluate employee lifecycles, completing exit interviews to gather feedback on workplace culture and make measurable improvements",
                [.workforce], [], [], owner: "R-DIR-EDI"),
            action(
                "WF-5", .workforce,
                "Improve the collection and reporting of workforce diversity data to design, deliver and monitor interventions that increase ethnic diversity at all levels",
                [.workforce], [], [], owner: "R-DIR-EDI"),
            action(
                "MHS-1", .mentalHealthServices,
                "Identify and support community champion roles to inform service development and tell communities about early intervention services and support",
                [.coLearning, .partnershipWorking], [.access], [], owner: "R-REG-LEAD"),
            action(
                "MHS-2", .mentalHealthServices,
                "Implement the AMHE Plan in Operations' local development and delivery plans: better service user data, cultural awareness training, at least three community engagement place-based projects",
                [.culturalAwareness, .staffKnowledge, .coLearning], [], [.serviceQuality], owner: "R-NAT-LEAD"),
            action(
                "MHS-3", .mentalHealthServices,
                "Coproduce service and care plans with communities, faith leaders and ethnically led VCSE partners on language and access, cultural food, faith, aftercare and trauma-informed approaches",
                [.coproduction, .partnershipWorking, .culturalAwareness], [.access], [.serviceQuality],
                owner: "R-SVC-MGR"),
            action(
                "DF-1", .dataFeedback,
                "Improve service managers' collection of service user diversity data, with guidance for Operations, to coproduce evidence-led interventions on mental health inequalities",
                [.staffKnowledge, .coproduction], [], [], owner: "R-SVC-MGR"),
            action(
                "DF-2", .dataFeedback,
                "Bi-annual local reviews and independent evaluation of the AMHE Plan with service users, carers, voluntary sector, marginalised communities and staff; publish findings annually",
                [.coproduction, .coLearning], [], [], owner: "R-HEAD-RJE"),
            action(
                "DF-3", .dataFeedback,
                "Use the Service User Experience Survey to identify disparities in service user experience and coproduce tailored actions to address them",
                [.coproduction, .coLearning], [], [], owner: "R-NAT-LEAD"),
            action(
                "DF-4", .dataFeedback,
                "Use the Impact Framework to measure outcomes for marginalised communities, comparing data across the protected characteristics so services deliver equitable outcomes",
                [.coLearning], [], [.serviceQuality], owner: "R-NAT-LEAD"),
            action(
                "DF-5", .dataFeedback,
                "Evaluate the impact of partnership working, monitoring satisfaction of partner organisations, service users, carers and staff",
                [.partnershipWorking, .coproduction], [], [], owner: "R-HEAD-RJE"),
            action(
                "DF-6", .dataFeedback,
                "Work closely with local authorities, Integrated Care Boards and Integrated Care Systems, and use feedback from culturally appropriate advocacy services to improve services",
                [.partnershipWorking, .culturalAwareness], [], [.transformation], owner: "R-REG-LEAD"),
        ]
        let genesis = LedgerGenesis(
            origin: "", logKey: "", admins: [], organisationId: "rethink", planId: plan.planId,
            planPeriod: DateRange(from: "2023-04-01", to: "2028-03-31"))
        let events =
            roles.map { draft($0, at: rethinkAMHEStart) } + [draft(plan, at: rethinkAMHEStart)]
            + bodies.map { draft($0, at: rethinkAMHEStart) } + actions.map { draft($0, at: rethinkAMHEStart) }
        return PlanTemplate(name: "rethink-amhe", genesis: genesis, events: events)
    }
}
