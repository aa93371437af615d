import LedgerCore

// Contributions of Experts by Experience and community members: recorded by the contributor,
// recognised (involvement payments), and traced to what they influenced within 90 days.
extension DemoRun {
    static let contributionTexts = [
        "Shared how being offered an interpreter late made the first appointment feel unsafe.",
        "Reviewed the draft guidance and suggested plainer wording for questions about ethnicity.",
        "Co-designed the questions for the next survey so they make sense in community languages.",
        "Told the story of a family member's discharge without aftercare and what would have helped.",
        "Proposed meeting in a community centre so more people could come.",
        "Asked that carers be told about care planning meetings in good time.",
        "Suggested partnering with a local mosque and a Black-led church for outreach.",
    ]

    /// The pool a body's contributions go to: its forum, or the national advisory pool.
    func contributionPoolKey(_ body: DemoWorld.Body) -> String {
        body.region.map { world.regions[$0].forum } ?? "national"
    }

    func recordContributions(_ body: DemoWorld.Body, meeting: String, present: [DemoWorld.Member]) {
        let eligible = present.filter { $0.category != "staff" }
        var chosen = eligible.filter { _ in rng.chance(0.55) }
        if chosen.isEmpty, let first = eligible.first { chosen = [first] }
        // Experts by Experience who attend always have their say recorded: at least one of them
        // contributes (what the forum's plans are then co-developed with, rule C-2).
        if !chosen.contains(where: { $0.category.hasPrefix("ebe_") }), let ebe = eligible.first(where: { $0.category.hasPrefix("ebe_") }) {
            chosen.append(ebe)
        }
        for member in chosen {
            contributionCount += 1
            let id = "CON-\(DemoCalendar.date(day).prefix(4))-\(DemoCalendar.pad(contributionCount, 5))"
            let chairing = body.officers.first == member.person
            let kind: InvolvementVocabulary.ContributionKind = chairing ? .coChairing : rng.pick([.insight, .review, .coDesign, .story])
            let ladder: InvolvementVocabulary.LadderRung = chairing || kind == .coDesign ? .coProduction : rng.pick([.coDesign, .consultation, .engagement])
            let topic: String
            switch body.id {
            case "B-AMHEPF": topic = "LG-2"
            case _ where body.region != nil: topic = "LG-4"
            default: topic = "LG-3"
            }
            let contribution = ContributionRecorded(
                contributionId: id, personId: member.person, bodyId: body.id, meetingId: meeting, kind: kind, ladderRung: ladder,
                topicRefs: [topic], hours: Double(rng.between(2, 4)), lawfulBasisRef: Self.lawfulBasis)
            emit(member.person, contribution, subject: "person/\(member.person)", privateData: ["content": J.s(rng.pick(Self.contributionTexts))])
            let item = ContributionItem(id: id, person: member.person, body: body.id)
            let key = contributionPoolKey(body)
            contributionPool[key, default: []].append(item)
            if contributionPool[key, default: []].count > 24 { contributionPool[key]?.removeFirst() }
            if let region = body.region, firstForumContribution[region] == nil { firstForumContribution[region] = id }
            if isExpertByExperience(member.person) { latestEbeContribution[key] = item }
            recognise(item)
            let fallback = day + rng.between(30, 70)
            later(fallback) { run in
                guard !item.used else { return }
                run.fallbackTrace(item, topic: topic, forum: body.region)
            }
        }
    }

    /// An involvement payment offered now and paid (or declined) within a month.
    private func recognise(_ item: ContributionItem) {
        recognitionCount += 1
        let id = "REC-\(DemoCalendar.date(day).prefix(4))-\(DemoCalendar.pad(recognitionCount, 5))"
        let level = rng.between(2, 4)
        func record(_ run: DemoRun, _ status: InvolvementVocabulary.RecognitionStatus) {
            let recognition = InvolvementRecognitionRecorded(
                recognitionId: id, contributionId: item.id, personId: item.person, status: status, roleLevel: level,
                externalRef: status == .paid ? "PAY-\(id.dropFirst(4))" : nil)
            run.emit(run.world.dirEdi, recognition)
        }
        record(self, .offered)
        let outcome: InvolvementVocabulary.RecognitionStatus = rng.chance(0.9) ? .paid : .declined
        later(day + rng.between(14, 30)) { record($0, outcome) }
    }

    /// Marks a contribution as influencing `target` and tells the contributor a few days later.
    func traceContribution(
        _ item: ContributionItem, signer: String, target: InvolvementVocabulary.InfluenceTarget, id: String, influence: InvolvementVocabulary.Influence
    ) {
        item.used = true
        let explanation: String
        switch influence {
        case .adopted: explanation = "Taken up as proposed."
        case .adapted: explanation = "Taken up with changes agreed with the contributor."
        case .consideredNotAdopted: explanation = "Considered; not taken up this year because the service is already changing this through another action."
        }
        emit(signer, ContributionInfluenceTraced(contributionId: item.id, targetType: target, targetId: id, influence: influence, explanation: explanation))
        later(day + rng.between(1, 5)) { run in
            run.emit(signer, ContributorNotified(contributionId: item.id, at: run.now, method: .email))
        }
    }

    /// A contribution no decision took up is traced to its action (or recorded as not adopted).
    private func fallbackTrace(_ item: ContributionItem, topic: String, forum: Int?) {
        let signer = forum.map { world.regions[$0].lead } ?? world.dirEdi
        let roll = rng.below(100)
        let influence: InvolvementVocabulary.Influence = roll < 55 ? .adopted : roll < 85 ? .adapted : .consideredNotAdopted
        traceContribution(item, signer: signer, target: .action, id: topic, influence: influence)
    }

    /// Whether `person` is registered as an Expert by Experience (lived experience or carer).
    func isExpertByExperience(_ person: String) -> Bool {
        world.person(person)?.categories.contains { $0.hasPrefix("ebe_") } ?? false
    }

    /// Up to `k` untraced contributions from a pool, now spoken for. With `ebeFirst`, Experts by
    /// Experience's contributions are taken before others' (what a plan or service plan that calls
    /// itself co-produced must be able to show, rules C-2 and C-4).
    func takeContributions(_ key: String, _ k: Int, ebeFirst: Bool = false) -> [ContributionItem] {
        let open = (contributionPool[key] ?? []).filter { !$0.used }
        let ebe = ebeFirst ? open.filter { isExpertByExperience($0.person) } : []
        let others = ebeFirst ? open.filter { !isExpertByExperience($0.person) } : open
        let chosen = ebe.count >= k ? rng.sample(ebe, k) : ebe + rng.sample(others, k - ebe.count)
        for item in chosen { item.used = true }
        contributionPool[key] = (contributionPool[key] ?? []).filter { !$0.used }
        return chosen
    }
}
