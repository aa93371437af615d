import LedgerCore

// Feedback from every channel, through "you said, we did".
extension DemoRun {
    static let channels: [(name: FeedbackVocabulary.Channel, weight: Int)] = [
        (.survey, 10), (.sues, 12), (.forum, 6), (.advocacyService, 8), (.complaint, 10), (.careOpinion, 10),
        (.exitInterview, 4), (.staffNetwork, 6), (.inPerson, 14), (.partner, 5), (.webForm, 6),
    ]
    static let languages = ["en", "en", "en", "en", "en", "en", "en", "pa", "ur", "bn", "so", "pl", "gu", "ar", "yo", "pt"]
    /// The action each theme of ``DemoText/themes`` belongs to.
    static let themeActions = ["MHS-3", "MHS-2", "MHS-3", "MHS-3", "ST-1", "MHS-3", "DF-1", "ST-1", "LG-3", "DF-6", "DF-6", "WF-1"]

    func arrivals() {
        var n = 1
        if day == Self.lapseFeedbackDay {
            lapseFeedback()
            n = 2
        }
        let total = generator.scale.feedbackItems
        guard total > 0, day >= 3, day <= 355 else { return }
        let count = total * (day - 2) / 353 - total * (day - 3) / 353
        for _ in 0..<count {
            receiveFeedback(number: n)
            n += 1
        }
    }

    private func pickChannel() -> FeedbackVocabulary.Channel {
        var roll = rng.below(Self.channels.reduce(0) { $0 + $1.weight })
        for channel in Self.channels {
            if roll < channel.weight { return channel.name }
            roll -= channel.weight
        }
        return .inPerson
    }

    private func receiveFeedback(number: Int) {
        let id = Self.feedbackId(day: day, number)
        let channel = pickChannel()
        var region: Int?, service: Int?, body: String?
        let submitter: String, recorder: String, handler: String
        var theme = rng.below(DemoText.themes.count - 1)
        switch channel {
        case .staffNetwork:
            body = "B-REAL"
            let members = world.body("B-REAL")?.members.map(\.person).filter { $0 != world.realChair } ?? []
            submitter = members.isEmpty ? world.realChair : rng.pick(members)
            (recorder, handler) = (world.realChair, world.peopleLead)
            theme = rng.chance(0.7) ? DemoText.themes.count - 1 : 4
        case .exitInterview:
            submitter = registerLeaver()
            (recorder, handler) = (world.peopleLead, world.peopleLead)
            theme = DemoText.themes.count - 1
        case .forum, .partner:
            let r = rng.below(world.regions.count)
            region = r
            body = channel == .forum ? world.regions[r].forum : nil
            let members = world.body(world.regions[r].forum)?.members.filter { $0.category != "staff" } ?? []
            submitter = channel == .partner ? (members.last?.person ?? world.regions[r].lead)
                : (members.isEmpty ? world.regions[r].lead : rng.pick(members).person)
            (recorder, handler) = (world.regions[r].lead, world.regions[r].lead)
        default:
            let s = rng.below(world.services.count)
            let svc = world.services[s]
            (service, region) = (s, svc.region)
            let anonymous = [.survey, .careOpinion, .webForm].contains(channel) || (channel == .sues && rng.chance(0.5))
            submitter = anonymous || svc.users.isEmpty ? "anonymous" : rng.pick(svc.users)
            (recorder, handler) = (submitter == "anonymous" ? "intake" : svc.manager, svc.manager)
        }
        receive(id: id, channel: channel, region: region, service: service, body: body, submitter: submitter,
                recorder: recorder, handler: handler, theme: theme, followUp: true)
    }

    /// The planted lapse: a complaint through an advocate that nobody acknowledges or answers.
    private func lapseFeedback() {
        let region = world.regions[min(1, world.regions.count - 1)]
        guard let s = region.services.first else { return }
        let svc = world.services[s]
        receive(id: Self.feedbackId(day: day, 1), channel: .advocacyService, region: svc.region, service: s, body: nil,
                submitter: svc.users.first ?? "anonymous", recorder: svc.manager, handler: svc.manager, theme: 7, followUp: false)
    }

    private func registerLeaver() -> String {
        extraPeople += 1
        let id = "p-" + DemoCalendar.pad(world.people.count + extraPeople, 4)
        let name = rng.pick(DemoText.givenNames) + " " + rng.pick(DemoText.familyNames)
        emit("admin", PersonRegistered(personId: typed(id), categories: [.staff], lawfulBasisRef: typed(Self.lawfulBasis)),
             subject: "person/\(id)", privateData: ["name": J.s(name), "contact": J.s(name.lowercased().split(separator: " ").joined(separator: ".") + "@example.org")])
        return id
    }

    private func receive(
        id: String, channel: FeedbackVocabulary.Channel, region: Int?, service: Int?, body: String?, submitter: String, recorder: String,
        handler: String, theme: Int, followUp: Bool
    ) {
        let anonymous = submitter == "anonymous"
        let language = rng.pick(Self.languages)
        let publish = rng.chance(0.6)
        let contact = !anonymous && rng.chance(0.8)
        let format: ReportingVocabulary.AccessibleFormat? = language != "en" ? .translation : rng.chance(0.05) ? .easyRead : nil
        let received = FeedbackReceived(
            feedbackId: id, channel: channel, receivedAt: now, serviceId: service.map { world.services[$0].id },
            regionId: region.map { world.regions[$0].id }, bodyId: body, submitter: submitter, language: language, accessibleFormat: format,
            consentToPublish: publish, contactConsent: contact, lawfulBasisRef: Self.lawfulBasis)
        emit(recorder, received,
             subject: anonymous ? "feedback/\(id)" : "person/\(submitter)", privateData: ["text": J.s(Self.voice(DemoText.themes[theme].said))])
        feedbackDelivered += 1
        guard followUp else { return }
        let item = FeedbackItem(id: id, region: region, service: service, channel: channel, submitter: submitter, theme: theme,
                                handler: handler, contact: contact)
        item.publish = publish
        item.subject = anonymous ? "feedback/\(id)" : "person/\(submitter)"
        let ack = rng.chance(0.2) ? day : DemoCalendar.addingWorkdays(rng.between(1, 2), to: day)
        later(ack) { $0.acknowledge(item) }
        if rng.chance(0.05) {
            let reason: FeedbackVocabulary.CloseReason = rng.pick([.duplicate, .withdrawn])
            later(ack + rng.between(2, 6)) { $0.close(item, reason: reason) }
            return
        }
        let respond = day + rng.between(5, 60)
        if respond - day > 25 { later(day + rng.between(14, 24)) { $0.statusUpdate(item) } }
        if respond - day > 55 { later(day + rng.between(40, 50)) { $0.statusUpdate(item) } }
        later(respond) { $0.respond(item) }
        // A response on the year's last days is still followed by its notification (rule F-4).
        if item.contact, respond <= DemoCalendar.lastDay {
            later(min(respond + rng.between(0, 3), DemoCalendar.lastDay)) { $0.notifySubmitter(item) }
        }
        if rng.chance(0.7) { later(respond + rng.between(3, 25)) { $0.close(item, reason: .responded) } }
    }

    /// "You said the wait was too long." → "The wait was too long."
    static func voice(_ said: String) -> String {
        let words = said.dropFirst("You said ".count).split(separator: " ").map { word -> String in
            switch word {
            case "you": return "I"
            case "your": return "my"
            default: return String(word)
            }
        }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private func acknowledge(_ item: FeedbackItem) {
        guard !item.closed else { return }
        let anonymous = item.submitter == "anonymous"
        let method: FeedbackVocabulary.ContactMethod =
            anonymous ? (item.channel == .careOpinion ? .online : .anonymousNoContact) : rng.pick([.email, .letter, .phone, .textMessage])
        emit(item.handler, FeedbackAcknowledged(feedbackId: item.id, at: now, method: method))
        let theme = DemoText.themes[item.theme]
        let criticality = rng.between(0, 3)
        let triage = FeedbackTriaged(
            feedbackId: item.id, themes: [theme.code], pillars: [typed(theme.pillar)], competencies: [typed(theme.competency)],
            criticality: criticality, safeguardingFlag: rng.chance(0.02), ownerRoleId: item.service == nil ? "R-HEAD-RJE" : "R-SVC-MGR")
        emit(item.handler, triage)
        if rng.chance(0.4) {
            emit(item.handler, FeedbackLinked(feedbackId: item.id, targetType: .action, targetId: Self.themeActions[item.theme]))
        }
        for key in Set([item.region ?? -1, -1]) {
            feedbackPool[key, default: []].append(item)
            if feedbackPool[key, default: []].count > 24 { feedbackPool[key]?.removeFirst() }
        }
    }

    private func statusUpdate(_ item: FeedbackItem) {
        guard !item.closed else { return }
        emit(item.handler, FeedbackStatusUpdated(
            feedbackId: item.id, status: rng.pick([.underReview, .awaitingDecision, .actionInProgress]),
            note: "We are still looking into this and will update you within 30 days."))
    }

    private func respond(_ item: FeedbackItem) {
        guard !item.closed else { return }
        let theme = DemoText.themes[item.theme]
        let roll = rng.below(100)
        var response = FeedbackResponded(
            feedbackId: item.id, publicSummary: theme.said,
            moderatedByRoleId: item.service != nil ? "R-SVC-MGR" : item.region != nil ? "R-REG-LEAD" : "R-HEAD-RJE", changeStatus: .referred)
        switch roll {
        case ..<35:
            response.changeStatus = .changeMade
            response.response = theme.did
            response.changeDescription = theme.did
            response.actionRef = Self.themeActions[item.theme]
        case ..<65:
            response.changeStatus = .changePlanned
            response.response = "We have agreed a change and will tell you when it is in place."
            response.changeDescription = "Planned: " + theme.did
            response.actionRef = Self.themeActions[item.theme]
        case ..<90:
            response.changeStatus = .noChangeWithReason
            response.response = "We looked into this carefully and explained why we are not changing it."
            response.reason = "The service already offers this; we have explained how to ask for it and told staff to offer it every time."
        default:
            response.changeStatus = .referred
            response.response = "We have passed this to the organisation responsible and will follow it up."
            response.changeDescription = "Referred to the commissioning local authority, which runs this part of the service."
        }
        // Without consent to publish, "you said" and "we did" are sealed in the private part.
        if item.publish {
            emit(item.handler, response)
        } else {
            let (sealed, texts) = response.sealingConsentedTexts(lawfulBasisRef: Self.lawfulBasis)
            emit(item.handler, sealed, subject: item.subject, privateData: texts.mapValues { .string($0) })
        }
    }

    private func notifySubmitter(_ item: FeedbackItem) {
        guard !item.closed else { return }
        emit(item.handler, SubmitterNotified(feedbackId: item.id, at: now, method: rng.pick([.email, .letter, .phone]), kind: .response))
    }

    private func close(_ item: FeedbackItem, reason: FeedbackVocabulary.CloseReason) {
        guard !item.closed else { return }
        item.closed = true
        emit(item.handler, FeedbackClosed(feedbackId: item.id, reason: reason))
    }

    /// Up to `k` open, acknowledged feedback items from a pool, for a decision's inputs.
    func takeFeedback(_ key: Int, _ k: Int, channel: FeedbackVocabulary.Channel?) -> [FeedbackItem] {
        let open = (feedbackPool[key] ?? []).filter { !$0.closed && !$0.cited && (channel == nil || $0.channel == channel) }
        let chosen = rng.sample(open, k)
        for item in chosen { item.cited = true }
        return chosen
    }
}
