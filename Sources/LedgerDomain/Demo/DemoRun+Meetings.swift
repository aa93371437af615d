import LedgerCore

/// A decision between its proposal and the meeting that records it.
struct DemoProposal {
    enum Kind { case ordinary, chairs, evaluation, target, framework, regionalPlan, disparity }
    let id: String
    let kind: Kind
    let action: String
    let proposer: String
    let contributions: [ContributionItem]
    let feedback: [FeedbackItem]
}

// Meetings and decisions.
extension DemoRun {
    func officer(_ body: DemoWorld.Body, _ index: Int) -> String { body.officers[index % max(1, body.officers.count)] }

    func scheduleMeeting(_ b: Int, held: Int, adminSigns: Bool) {
        let body = world.bodies[b]
        let meeting = Self.meetingId(body.id, held)
        emit(adminSigns ? "admin" : officer(body, held), MeetingScheduled(
            meetingId: typed(meeting), bodyId: typed(body.id), scheduledFor: typed(DemoCalendar.time(held, seconds: 14 * 3600)),
            agendaHash: typed(J.hash("agenda/\(meeting)"))))
    }

    /// What a body decides at its `index`-th meeting of the year.
    func decisionKind(_ body: DemoWorld.Body, index: Int, held: Int) -> DemoProposal.Kind {
        switch (body.id, index) {
        case ("B-TRUSTEES", 0): return .chairs
        case ("B-EIB", 0): return .evaluation
        case ("B-EIB", 1): return .target
        case ("B-AMHEPF", 4): return .framework
        case ("B-AMHEPF", _) where held > Self.suesWaveOne && held <= Self.suesWaveOne + 30: return .disparity
        case (_, 1) where body.region != nil: return .regionalPlan
        default: return .ordinary
        }
    }

    func proposeDecisions(_ b: Int, held: Int, index: Int, adminSigns: Bool) {
        let body = world.bodies[b]
        let meeting = Self.meetingId(body.id, held)
        let count = body.id == "B-AMHEPF" && index % 3 == 1 ? 2 : 1
        var proposals: [DemoProposal] = []
        for n in 1...count {
            let kind = n == 1 ? decisionKind(body, index: index, held: held) : .ordinary
            let id = Self.decisionId(meeting: meeting, n)
            let voters = body.members.filter { $0.voting && isMember($0.person, of: body.id) }
            let ebe = voters.filter { $0.category.hasPrefix("ebe_") }
            let proposer = (rng.chance(0.5) && !ebe.isEmpty ? rng.pick(ebe) : rng.pick(voters)).person
            let poolKey = body.region ?? -1
            let feedback = kind == .chairs ? [] : takeFeedback(poolKey, rng.between(0, 2), channel: kind == .disparity ? .sues : nil)
            let contributions = kind == .chairs ? [] : takeContributions(body.region.map { world.regions[$0].forum } ?? "national", rng.between(1, 2))
            let title: String, text: String, action: String
            var competencies: [Competency] = [.coproduction], pillars: [Pillar] = [], objectives: [Objective] = []
            switch kind {
            case .chairs:
                (title, text, action) = ("Chairs of the plan's governance bodies",
                                         "Record a chair for each governance body whose chair the plan does not name.", "LG-1")
            case .regionalPlan:
                let region = world.regions[body.region ?? 0]
                (title, text, action) = ("Approve the \(region.name) AMHE plan",
                                         "Approve the regional plan coproduced with the forum, for publication.", "LG-4")
            case .disparity:
                (title, text, action) = ("Coproduce action on the SUES disparity",
                                         "Black African respondents were less likely to feel listened to; coproduce a tailored action with the LEAB.", "DF-3")
                competencies = [.coproduction, .coLearning]
            case .ordinary where body.region != nil:
                let topic = DemoText.localDecisions[(index + n + (body.region ?? 0)) % DemoText.localDecisions.count]
                (title, text, action) = (topic.title, topic.text, topic.action)
            default:
                let fixed: [DemoProposal.Kind: Int] = [.evaluation: 8, .target: 9, .framework: 5]
                let pick = fixed[kind] ?? (b * 7 + index * 3 + n) % DemoText.decisions.count
                let topic = DemoText.decisions[pick]
                (title, text, action) = (topic.title, topic.text, topic.action)
                (competencies, pillars, objectives) = (typed(topic.competencies), typed(topic.pillars), typed(topic.objectives))
            }
            var inputs = feedback.map { EntityRef(.feedback, typed($0.id)) } + contributions.map { EntityRef(.contribution, typed($0.id)) }
            if kind == .disparity, let ref = suesObservation { inputs.append(EntityRef(.event, typed(ref))) }
            emit(adminSigns ? "admin" : officer(body, held), DecisionProposed(
                decisionId: typed(id), bodyId: typed(body.id), title: typed(title), text: typed(text), proposer: typed(proposer), inputs: inputs,
                competencies: competencies, pillars: pillars, objectives: objectives))
            for item in feedback {
                emit(adminSigns ? "admin" : officer(body, held), FeedbackLinked(feedbackId: item.id, targetType: .decision, targetId: id))
            }
            proposals.append(DemoProposal(id: id, kind: kind, action: action, proposer: proposer, contributions: contributions, feedback: feedback))
        }
        pending[meeting] = proposals
    }

    /// Whether `person` is a member of `body` on the current day (the LEAB has one change mid-year).
    func isMember(_ person: String, of body: String) -> Bool {
        guard body == "B-LEAB" else { return true }
        if person == world.leabJoiner { return day >= Self.joiningDay }
        if person == world.leab.last { return day < Self.joiningDay - 10 }
        return true
    }

    func holdMeeting(_ b: Int, held: Int, index: Int, adminSigns: Bool) {
        let body = world.bodies[b]
        let meeting = Self.meetingId(body.id, held)
        let signer = adminSigns ? "admin" : officer(body, held)
        let lapse = Self.lapseMeeting(world) == (body.id, index)
        let proposals = pending.removeValue(forKey: meeting) ?? []
        // Attendance: officers always; others mostly; at least one Expert by Experience (except the lapse).
        let members = body.members.filter { isMember($0.person, of: body.id) }
        var present: [DemoWorld.Member] = []
        var apologies: [String] = []
        for member in members {
            let isOfficer = body.officers.contains(member.person)
            let ebe = member.category.hasPrefix("ebe_")
            if isOfficer || (!(lapse && ebe) && rng.chance(0.85)) { present.append(member) } else { apologies.append(member.person) }
        }
        if !lapse, !present.contains(where: { $0.category.hasPrefix("ebe_") }),
            let ebe = members.first(where: { $0.category.hasPrefix("ebe_") })
        {
            present.append(ebe)
            apologies.removeAll { $0 == ebe.person }
        }
        while present.count < 3, let next = members.first(where: { m in !present.contains { $0.person == m.person } && !(lapse && m.category.hasPrefix("ebe_")) }) {
            present.append(next)
            apologies.removeAll { $0 == next.person }
        }
        let officerRole: MeetingRole = body.id == "B-AMHEPF" ? .facilitator : .chair
        var attendees = present.map { m in
            let role: MeetingRole = body.officers.contains(m.person) ? officerRole : m.voting ? .member : .observer
            return Attendee(personId: typed(m.person), category: typed(m.category), role: role)
        }
        let givesUpdate = body.id == "B-TRUSTEES" || body.id == "B-REPB"
        if givesUpdate, !present.contains(where: { $0.person == world.rjeTeam[0] }) {
            attendees.append(Attendee(personId: typed(world.rjeTeam[0]), category: .staff, role: .guest))
        }
        let ebePresent = present.filter { $0.category.hasPrefix("ebe_") }.count
        // Declarations of interest by those present.
        var declarations: [MeetingDeclaration] = []
        var recused: [String] = []
        let presentEbe = Set(present.filter { $0.category.hasPrefix("ebe_") }.map(\.person))
        for (person, _, type, _) in interests where present.contains(where: { $0.person == person }) {
            let item = proposals.first?.id ?? meeting
            // The chair lets the only Expert by Experience present take part after declaring, so a
            // recusal never silently empties the room of lived experience (rule G-4 excludes recused members).
            let onlyEbe = presentEbe == [person]
            let recuse = !proposals.isEmpty && (type == .financial || type == .indirect) && !onlyEbe
            if recuse { recused.append(person) }
            declarations.append(MeetingDeclaration(personId: typed(person), itemRef: typed(item), action: recuse ? .recused : .participated))
        }
        let record = MeetingHeld(
            meetingId: typed(meeting), bodyId: typed(body.id), attendees: attendees, apologies: typed(apologies),
            quorumMet: present.filter { $0.voting || body.officers.contains($0.person) }.count >= 3, ebePresent: typed(ebePresent),
            declarationsMade: declarations.isEmpty ? nil : declarations, noneDeclared: declarations.isEmpty ? true : nil)
        emit(signer, record)
        if let previous = meetingsByBody[body.id]?.last {
            emit(signer, MinutesApproved(meetingId: typed(previous), minutesHash: typed(J.hash("minutes/\(previous)")), approvedAtMeetingId: typed(meeting)))
        }
        meetingsByBody[body.id, default: []].append(meeting)
        for proposal in proposals {
            recordDecision(proposal, body: body, meeting: meeting, signer: signer, present: present, ebePresent: ebePresent, recused: recused)
        }
        if givesUpdate { boardUpdate(body.id, meeting: meeting, index: index) }
        if body.contributes { recordContributions(body, meeting: meeting, present: present) }
    }

    private func recordDecision(
        _ p: DemoProposal, body: DemoWorld.Body, meeting: String, signer: String, present: [DemoWorld.Member], ebePresent: Int,
        recused: [String]
    ) {
        let voters = present.filter { $0.voting && !recused.contains($0.person) }.count
        // The snapshot counts as the catalogue says: observers and guests never count towards
        // quorum, and those recused from the item count for neither quorum nor EbE presence.
        let taking = present.filter { !recused.contains($0.person) }
        let quorate = taking.filter { $0.voting || body.officers.contains($0.person) }.count
        let ebeTaking = taking.filter { $0.category.hasPrefix("ebe_") }.count
        let vote = rng.chance(0.3)
        let against = vote ? rng.between(0, max(0, voters / 4)) : 0
        // Co-production needs Experts by Experience in the room and from the outset: proposing it or
        // in the contributions it cites (rule C-4). Without them in the room it was consultation.
        let fromOutset = isExpertByExperience(p.proposer) || p.contributions.contains { isExpertByExperience($0.person) }
        let ladder: LadderRung = ebePresent == 0 ? .consultation : p.contributions.isEmpty || !fromOutset ? .coDesign : .coProduction
        let outcome: DecisionRecorded.Outcome = rng.chance(0.15) ? .amended : .approved
        let review = rng.chance(0.3)
        let decision = DecisionRecorded(
            decisionId: typed(p.id), meetingId: typed(meeting), outcome: outcome, method: vote ? .vote : .consensus,
            tally: vote ? DecisionRecorded.Tally(inFavour: typed(max(0, voters - against)), against: typed(against), abstained: 0) : nil,
            quorumSnapshot: DecisionRecorded.QuorumSnapshot(present: typed(quorate), required: 3, met: quorate >= 3),
            ebePresentCount: typed(ebeTaking), recusals: typed(recused),
            rationale: p.feedback.isEmpty && p.contributions.isEmpty
                ? "Agreed to keep the plan's delivery on track."
                : "Agreed in response to what people told us through feedback and Experts by Experience' contributions.",
            ladderRung: ladder, reviewOn: review ? typed(DemoCalendar.date(day + 365)) : nil)
        emit(signer, decision)
        decisions[p.action] = p.id
        for item in p.contributions {
            traceContribution(item, signer: signer, target: .decision, id: p.id, influence: rng.chance(0.6) ? .adopted : .adapted)
        }
        afterDecision(p, body: body, signer: signer)
    }

    private func afterDecision(_ p: DemoProposal, body: DemoWorld.Body, signer: String) {
        switch p.kind {
        case .chairs:
            for chair in DemoWorld.addedChairs {
                guard let target = world.body(chair.body), let holder = target.officers.first else { continue }
                emit("admin", BodyTermsAmended(
                    bodyId: typed(chair.body), changes: typed("The \(chair.name.lowercased()) chairs the body and records its meetings."),
                    torDocHash: typed(J.hash("tor/\(chair.body)/v2")), decisionRef: typed(p.id), chairRoleId: typed(chair.role)))
                assign(chair.role, holder, from: DemoCalendar.date(day), body: chair.body, decision: p.id)
            }
        case .evaluation: later(day + 21) { $0.commissionEvaluation(decision: p.id) }
        case .target:
            emit(world.dataLead, TargetSet(targetCode: "T-1", value: 3, direction: .atLeast, deadline: "2028-03-31", decisionRef: p.id))
        case .framework: later(day + 10) { $0.adoptFramework(decision: p.id) }
        case .regionalPlan: later(day + 5) { $0.publishRegionalPlan(body.region ?? 0, decision: p.id) }
        case .disparity: later(day + 7) { $0.createDisparityAction(decision: p) }
        case .ordinary: break
        }
    }

    private func boardUpdate(_ body: String, meeting: String, index: Int) {
        let written = index % 2 == 0
        emit(world.rjeTeam[0], BoardUpdateGiven(
            bodyId: body, mode: written ? .written : .verbal, paperHash: written ? J.hash("board-paper/\(meeting)") : nil,
            metricsIncluded: day > 2 ? ["M-SUES", "M-WFD"] : [], meetingId: meeting, givenByRoleId: "R-RJE-TEAM"))
    }

    /// Standing interests (person, body, type, description), declared on day 1.
    var interests: [(person: String, body: String?, type: InterestDeclared.InterestType, text: String)] {
        let w = world
        let national: [(person: String, body: String?, type: InterestDeclared.InterestType, text: String)] = [
            (w.trustees[5], "B-TRUSTEES", .financial, "Paid director of a VCSE organisation that bids for the charity's community grants."),
            (w.opsDirector, "B-REPB", .nonFinancialProfessional, "Unpaid trustee of a local Black-led mental health charity."),
            (w.leab[2], nil, .nonFinancialPersonal, "A close family member works in one of the charity's services."),
            (w.cab[1], "B-CAB", .indirect, "Partner is employed by an Integrated Care Board that commissions services."),
        ]
        return national + w.regions.prefix(2).compactMap { region in
            w.body(region.forum)?.members.last.map { ($0.person, region.forum, InterestDeclared.InterestType.financial, "Employed by a VCSE partner of the \(region.name) forum.") }
        }
    }
}
