import LedgerCore

// The plan's delivery over the year: action progress, reviews, reports, the evaluation,
// training, partners' good practice, projects, champions, service plans and representation.
extension DemoRun {
    static let seedActions = [
        "LG-1", "LG-2", "LG-3", "LG-4", "LG-5", "ST-1", "ST-2", "PW-1", "PW-2", "WF-1", "WF-2", "WF-3", "WF-4", "WF-5",
        "MHS-1", "MHS-2", "MHS-3", "DF-1", "DF-2", "DF-3", "DF-4", "DF-5", "DF-6",
    ]

    func planMonitoring() {
        let regions = world.regions.count
        for (q, quarter) in Self.quarters.enumerated() {
            plan(quarter.observed) { $0.observeQuarter(q) }
            plan(quarter.observed - 8 - (q == 3 ? 2 : 0)) { $0.actionProgress(q) }
        }
        plan(Self.suesWaveOne) { $0.suesWave(1) }
        plan(Self.suesWaveTwo) { $0.suesWave(2) }
        plan(190) { $0.impact(1) }
        plan(352) { $0.impact(2) }
        plan(210) { $0.payGap() }
        plan(300) { $0.satisfaction() }
        plan(120) { $0.workforcePlans() }
        plan(60) { $0.ethnicityGuidance() }
        plan(1) { run in
            // The plan itself was published when it started (recorded now, dated then).
            run.publishReport(run.world.dirEdi, id: "RP-2023-AMHE-PLAN", type: .plan, title: "Advancing Mental Health Equalities Plan 2023-28",
                              from: DemoCalendar.day(2023, 4, 1), to: DemoCalendar.day(2028, 3, 31), plan: "amhe-plan",
                              at: DemoCalendar.time(DemoCalendar.day(2023, 4, 3), seconds: 10 * 3600))
            run.recordHistory()
            // The plan's first two years happened before this ledger: their annual findings are
            // recorded for the record (historical), so the cadence rule (M-6) sees them.
            for (year, from) in [(2023, DemoCalendar.day(2023, 4, 1)), (2024, DemoCalendar.day(2024, 4, 1))] {
                run.publishReport(run.world.headRje, id: "RP-\(year)-ANNUAL", type: .annualFindings,
                                  title: "Advancing Mental Health Equalities: annual findings \(year)-\(year - 1999)",
                                  from: from, to: DemoCalendar.day(year + 1, 3, 31), historical: true)
            }
        }
        plan(240) { $0.representationReview() }
        plan(340) { $0.evaluationReported() }
        plan(362) { $0.annualReport() }
        plan(363) { $0.dataOutcome() }
        for k in 0..<4 { plan(80 + 90 * k) { $0.goodPractice(k) } }
        let lapse = Self.lapseRegion(world)
        for r in 0..<regions {
            if let body = world.body(world.regions[r].forum), let first = Self.meetingDays(body).first {
                plan(first + 3) { $0.defineRegionalMetric(r) }
            }
            if r == lapse {
                plan(DemoCalendar.workday(130)) { $0.review(r, half: 1, from: 0) }
            } else {
                let h1 = DemoCalendar.workday(183 + r % 5)
                plan(h1) { $0.review(r, half: 1, from: 0) }
                plan(DemoCalendar.workday(350 + r % 5)) { $0.review(r, half: 2, from: h1 + 1) }
            }
            plan(40 + r) { $0.appointChampion(r) }
            plan(60 + 3 * r) { $0.training(r, 1, topic: .culturalAwareness) }
            plan(240 + 3 * r) { $0.training(r, 2, topic: .antiRacism) }
            if r < 4 { plan(100 + 7 * r) { $0.startProject(r) } }
            if r < 2 { plan(300 + 7 * r) { $0.completeProject(r) } }
        }
        let services = world.services.count
        for s in 0..<services { plan(150 + s * 150 / max(1, services)) { $0.servicePlan(s) } }
    }

    func milestone(_ signer: String, action: String, title: String, report: String) {
        emit(signer, MilestoneRecorded(
            actionId: typed(action), title: typed(title), date: typed(DemoCalendar.date(day)), evidenceRef: EntityRef(.report, typed(report))))
    }

    func publishReport(
        _ signer: String, id: String, type: ReportingVocabulary.ReportType, title: String, from: Int, to: Int, region: String? = nil,
        plan: String? = nil, observations: [String] = [], historical: Bool = false, at: String? = nil
    ) {
        let report = ReportPublished(
            reportId: id, type: type, title: title, period: J.period(from, to), url: "https://www.rethink.example/amhe/\(id.lowercased())",
            docHash: J.hash("report/\(id)"), sdcAttestation: .init(policyRef: "SDC-1", checkedBy: "R-HEAD-RJE"),
            accessibleFormats: [.easyRead, .largePrint], regionId: region, planId: plan, planVersion: plan == nil ? nil : "1",
            observationRefs: observations.isEmpty ? nil : observations, historical: historical ? true : nil)
        emit(signer, report, at: at)
    }

    /// Who reports progress on an action (its owner role's holder, or someone in that role).
    func reporter(_ action: String) -> String {
        let w = world
        switch action {
        case "LG-1": return w.rjeTeam[0]
        case "LG-4", "MHS-1", "DF-6": return w.regions[0].lead
        case "MHS-3", "DF-1": return w.services[0].manager
        case "MHS-2", "DF-4": return w.natLeads[0]
        case "DF-3": return w.natLeads[1]
        case _ where action.hasPrefix("ST") || action.hasPrefix("PW") || action.hasPrefix("DF"): return w.headRje
        case _ where action.hasPrefix("WF"): return w.peopleLead
        default: return w.dirEdi
        }
    }

    func actionProgress(_ q: Int) {
        for action in Self.seedActions + localActions {
            let pct = min(95, 15 + 20 * q + rng.between(-5, 5))
            let evidence = decisions[action].map { [EntityRef(.decision, typed($0))] } ?? []
            emit(reporter(action), ActionStatusChanged(
                actionId: typed(action), status: .inProgress, progressPct: typed(pct),
                note: typed("Quarter \(q + 1) update: \(pct)% of this year's milestones met."), evidenceRefs: evidence))
        }
    }

    func review(_ r: Int, half: Int, from: Int) {
        let region = world.regions[r]
        let participants = ReportingVocabulary.Participants(
            serviceUsers: rng.between(6, 14), carers: rng.between(2, 6), vcse: rng.between(2, 5), marginalisedCommunities: rng.between(3, 9),
            staff: rng.between(3, 7))
        emit(region.lead, ReviewHeld(
            reviewId: "RV-\(region.id)-2025H\(half)", scope: .regional, regionId: region.id, period: J.period(from, day),
            participants: participants, findingsHash: J.hash("review/\(region.id)/\(half)"), actionsRaised: ["DF-2", "MHS-3"]))
    }

    func commissionEvaluation(decision: String?, id: String = "EV-2025", at: String? = nil) {
        let commission = IndependentEvaluationCommissioned(
            evaluationId: id, evaluatorOrg: world.nationalPartners[0].name, evaluatorPartnerId: world.universityPartner,
            independenceStatement: "No staff, trustee or funding relationship with the charity in the last three years.", scope: .national,
            decisionRef: decision)
        emit("admin", commission, at: at)
    }

    func evaluationReported() {
        reportEvaluation(
            "EV-2025",
            findings: "Most feedback is acknowledged on time and Experts by Experience are present at nearly all decisions; one region missed a review and one complaint was never answered.",
            recommendations: ["Hold every regional review twice a year.", "Check weekly for unacknowledged feedback.",
                              "Do not take decisions when no Expert by Experience is present."])
        later(day + 3) { run in
            run.publishReport(run.world.headRje, id: "RP-2025-EVAL", type: .independentEvaluation,
                              title: "Independent evaluation of the AMHE plan, 2025-26", from: 0, to: run.day)
            run.milestone(run.world.headRje, action: "DF-2", title: "Independent evaluation published", report: "RP-2025-EVAL")
        }
    }

    func reportEvaluation(_ id: String, findings: String, recommendations: [String], at: String? = nil) {
        emit(world.evaluator, IndependentEvaluationReported(
            evaluationId: id, reportHash: J.hash("evaluation/\(id)"), findings: findings, recommendations: recommendations), at: at)
    }

    func annualReport() {
        publishReport(world.headRje, id: "RP-2025-ANNUAL", type: .annualFindings,
                      title: "Advancing Mental Health Equalities: annual findings 2025-26", from: 0, to: DemoCalendar.lastDay,
                      observations: Array(observationRefs.prefix(8)))
        milestone(world.headRje, action: "DF-2", title: "Annual findings published", report: "RP-2025-ANNUAL")
    }

    func dataOutcome() {
        emit(reporter("DF-1"), ActionOutcomeRecorded(
            actionId: "DF-1", outcome: "Ethnicity is now recorded for most service users in every region; 'not known' fell by about half over the year.",
            metricRefs: world.regions.map { typed("M-SUD-\($0.id)") }, changeStatus: .changeMade))
    }

    func workforcePlans() {
        publishReport(world.peopleLead, id: "RP-2025-EDI", type: .ediStrategicPlan, title: "Equity, Diversity and Inclusion Strategic Plan 2025-28",
                      from: 0, to: DemoCalendar.day(2028, 3, 31))
        publishReport(world.peopleLead, id: "RP-2025-SNAP", type: .staffNetworksActionPlan, title: "Staff Networks Action Plan 2025-26",
                      from: 0, to: DemoCalendar.lastDay)
        milestone(world.peopleLead, action: "WF-3", title: "EDI Strategic Plan and Staff Networks Action Plan published", report: "RP-2025-EDI")
    }

    func ethnicityGuidance() {
        publishReport(world.headRje, id: "RP-2025-GUIDE", type: .guidance, title: "Asking about and recording ethnicity: guidance for services",
                      from: 0, to: day)
        milestone(world.headRje, action: "DF-1", title: "Ethnicity recording guidance issued", report: "RP-2025-GUIDE")
    }

    func adoptFramework(decision: String) {
        publishReport(world.headRje, id: "RP-2025-PWF", type: .partnershipFramework, title: "Anti-racist partnership framework", from: 0, to: day)
        emit(world.headRje, PartnershipFrameworkAdopted(version: "1", docHash: J.hash("report/RP-2025-PWF"), decisionRef: decision, reportId: "RP-2025-PWF"))
        milestone(world.headRje, action: "PW-2", title: "Partnership framework adopted", report: "RP-2025-PWF")
    }

    func goodPractice(_ k: Int) {
        let region = world.regions[k % world.regions.count]
        guard let partner = region.partners.first(where: { $0.type == PartnershipVocabulary.PartnerType.ethnicallyLedVCSE.rawValue }) else { return }
        emit(region.lead, GoodPracticeShared(
            sourcePartnerId: partner.id, title: "Culturally adapted peer support: what worked in \(region.name)", docHash: J.hash("good-practice/\(k)"),
            audience: k % 2 == 0 ? .staff : .partners))
    }

    func publishRegionalPlan(_ r: Int, decision: String) {
        let region = world.regions[r]
        let plan = "amhe-plan-\(region.id.lowercased())"
        var contributions = takeContributions(region.forum, 2, ebeFirst: true)
        // Co-developed with Experts by Experience (rule C-2): when the forum's open contributions
        // are all other members', the plan also cites the latest one an Expert by Experience made
        // (a contribution may shape more than one thing).
        if !contributions.contains(where: { isExpertByExperience($0.person) }), let ebe = latestEbeContribution[region.forum] {
            contributions.append(ebe)
        }
        emit(region.lead, PlanVersionPublished(
            planId: typed(plan), version: 1, scope: .regional, regionId: typed(region.id), ownerRoleId: "R-REG-LEAD",
            period: DateRange(from: typed(DemoCalendar.date(0)), to: typed(DemoCalendar.date(DemoCalendar.day(2028, 3, 31)))),
            docHash: typed(J.hash("plan/\(plan)/1")),
            coDevelopedWith: [EntityRef(.body, typed(region.forum))] + contributions.map { EntityRef(.contribution, typed($0.id)) },
            decisionRef: typed(decision)))
        for item in contributions { traceContribution(item, signer: region.lead, target: .plan, id: plan, influence: .adopted) }
        publishReport(region.lead, id: "RP-2025-PLAN-\(region.id)", type: .plan, title: "\(region.name) AMHE plan 2025-28",
                      from: 0, to: DemoCalendar.day(2028, 3, 31), region: region.id, plan: plan)
    }

    func createDisparityAction(decision p: DemoProposal) {
        let action = "DF-3-SUES-1"
        emit(world.headRje, ActionCreated(
            actionId: typed(action), actionCode: "DF-3-SUES1", area: .dataFeedback,
            title: "Coproduce listening standards with Black African service users after the SUES disparity",
            competencies: [.coproduction, .coLearning], pillars: [.access], objectives: [.serviceQuality], scope: .national, planId: "amhe-plan",
            ownerRoleId: "R-HEAD-RJE", dueDate: "2026-09-30", sourceDecisionId: typed(p.id), sourceFeedbackIds: p.feedback.map { typed($0.id) }))
        localActions.append(action)
        for item in p.contributions + takeContributions("national", 1) {
            traceContribution(item, signer: world.headRje, target: .action, id: action, influence: .adopted)
        }
    }

    func training(_ r: Int, _ n: Int, topic: PartnershipVocabulary.TrainingTopic) {
        let region = world.regions[r]
        let partner = region.partners.first { $0.type == PartnershipVocabulary.PartnerType.ethnicallyLedVCSE.rawValue }
        emit(region.lead, TrainingSessionDelivered(
            sessionId: "TS-\(region.id)-\(n)", topic: topic, partnerId: partner?.id, attendeeCount: rng.between(12, 30),
            date: DemoCalendar.date(day), regionId: region.id, actionId: "ST-1"))
    }

    func startProject(_ r: Int) {
        let region = world.regions[r]
        emit(region.lead, PlaceBasedProjectStarted(
            projectId: "PBP-\(region.id)", category: .communityEngagement, regionId: region.id, partners: communityPartners(region),
            objectives: ["Tell communities in \(region.name) about early intervention services.", "Co-run six drop-in sessions at community and faith venues."],
            actionId: "MHS-2"))
    }

    func completeProject(_ r: Int) {
        let region = world.regions[r]
        emit(region.lead, PlaceBasedProjectCompleted(
            projectId: "PBP-\(region.id)",
            outcomeSummary: "Six drop-ins held; \(rng.between(25, 60)) referrals to early intervention, many from people new to services.",
            evidenceRefs: [J.hash("project/\(region.id)")]))
    }

    func appointChampion(_ r: Int) {
        let region = world.regions[r]
        assign("R-COMM-CHAMP", region.champion, from: DemoCalendar.date(day), region: region.id)
        emit(region.lead, CommunityChampionAppointed(
            personId: region.champion, regionId: region.id, serviceIds: region.services.prefix(2).map { world.services[$0].id },
            from: DemoCalendar.date(day)))
    }

    /// A region's ethnically led VCSE and faith partners (those that co-run projects and service plans).
    func communityPartners(_ region: DemoWorld.Region) -> [String] {
        let community: [PartnershipVocabulary.PartnerType] = [.ethnicallyLedVCSE, .faith]
        return region.partners.filter { community.map(\.rawValue).contains($0.type) }.map(\.id)
    }

    func servicePlan(_ s: Int) {
        let service = world.services[s]
        let region = world.regions[service.region]
        let contributions = takeContributions(region.forum, 1, ebeFirst: true)
        // Co-production only when an Expert by Experience's contribution shaped it (rule C-4).
        let coproduced = contributions.contains { isExpertByExperience($0.person) }
        let meals = [ServiceRegistered.ServiceType.supportedHousing, .residential, .crisis].map(\.rawValue).contains(service.type)
        func addressed(_ approach: String) -> PartnershipVocabulary.Need { .init(status: .addressed, approach: approach) }
        let id = "SP-\(service.id)-2025"
        let needs = PartnershipVocabulary.NeedsAddressed(
            languageAccessibility: addressed("Interpreters booked at referral; Easy Read letters."),
            culturalFood: meals
                ? addressed("Menus planned with residents, including halal and Caribbean dishes.")
                : .init(status: .notApplicable, reason: "Community service with no meals provided."),
            faithSpiritual: addressed("Quiet room for prayer; links with local faith leaders."),
            aftercare: addressed("Peer support group run with a local VCSE partner."),
            traumaInformed: addressed("All staff complete trauma-informed practice training."))
        emit(service.manager, ServicePlanCoproduced(
            servicePlanId: id, serviceId: service.id, partners: communityPartners(region), needsAddressed: needs,
            ladderRung: coproduced ? .coProduction : .coDesign, contributionRefs: contributions.map(\.id)))
        for item in contributions { traceContribution(item, signer: region.lead, target: .servicePlan, id: id, influence: .adopted) }
    }

    /// Representation on the national bodies, as small-number-suppressed aggregates.
    func representationReview(at: String? = nil) {
        func sdc(_ n: Int) -> PublishedCount { n == 0 ? .count(0) : n <= 7 ? .suppressed : .count((n + 2) / 5 * 5) }
        let bodies = world.nationalBodies
        var cells: [CompositionCell] = []
        var groups: [String: Int] = [:]
        var seen = Set<String>()
        for body in bodies {
            var categories: [String: Int] = [:]
            for member in body.members where isMember(member.person, of: body.id) {
                categories[member.category, default: 0] += 1
                if seen.insert(member.person).inserted, let group = world.person(member.person)?.ethnicity.group {
                    groups[group.rawValue, default: 0] += 1
                }
            }
            for (category, n) in categories.sorted(by: { $0.key < $1.key }) {
                cells.append(CompositionCell(bodyId: typed(body.id), dimension: .personCategory, category: typed(category), count: sdc(n)))
            }
        }
        for (group, n) in groups.sorted(by: { $0.key < $1.key }) {
            cells.append(CompositionCell(dimension: .race, category: typed(group), count: sdc(n)))
        }
        emit(world.headRje, RepresentationReviewed(
            bodyIds: bodies.map { typed($0.id) }, aggregateComposition: cells,
            findings: "Experts by Experience sit on every body; Black and Asian members remain under-represented on the Board of Trustees.",
            actionsRaised: ["LG-1"], sdcPolicyRef: "SDC-1"), at: at)
    }
}
