import LedgerCore

// Feedback from every channel, through "you said, we did".
extension DemoRun {
    static let channels: [(name: String, weight: Int)] = [
        ("survey", 10), ("sues", 12), ("forum", 6), ("advocacy_service", 8), ("complaint", 10), ("care_opinion", 10),
        ("exit_interview", 4), ("staff_network", 6), ("in_person", 14), ("partner", 5), ("web_form", 6),
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

    private func pickChannel() -> String {
        var roll = rng.below(Self.channels.reduce(0) { $0 + $1.weight })
        for channel in Self.channels {
            if roll < channel.weight { return channel.name }
            roll -= channel.weight
        }
        return "in_person"
    }

    private func receiveFeedback(number: Int) {
        let id = Self.feedbackId(day: day, number)
        let channel = pickChannel()
        var region: Int?, service: Int?, body: String?
        let submitter: String, recorder: String, handler: String
        var theme = rng.below(DemoText.themes.count - 1)
        switch channel {
        case "staff_network":
            body = "B-REAL"
            let members = world.body("B-REAL")?.members.map(\.person).filter { $0 != world.realChair } ?? []
            submitter = members.isEmpty ? world.realChair : rng.pick(members)
            (recorder, handler) = (world.realChair, world.peopleLead)
            theme = rng.chance(0.7) ? DemoText.themes.count - 1 : 4
        case "exit_interview":
            submitter = registerLeaver()
            (recorder, handler) = (world.peopleLead, world.peopleLead)
            theme = DemoText.themes.count - 1
        case "forum", "partner":
            let r = rng.below(world.regions.count)
            region = r
            body = channel == "forum" ? world.regions[r].forum : nil
            let members = world.body(world.regions[r].forum)?.members.filter { $0.category != "staff" } ?? []
            submitter = channel == "partner" ? (members.last?.person ?? world.regions[r].lead)
                : (members.isEmpty ? world.regions[r].lead : rng.pick(members).person)
            (recorder, handler) = (world.regions[r].lead, world.regions[r].lead)
        default:
            let s = rng.below(world.services.count)
            let svc = world.services[s]
            (service, region) = (s, svc.region)
            let anonymous = ["survey", "care_opinion", "web_form"].contains(channel) || (channel == "sues" && rng.chance(0.5))
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
        receive(id: Self.feedbackId(day: day, 1), channel: "advocacy_service", region: svc.region, service: s, body: nil,
                submitter: svc.users.first ?? "anonymous", recorder: svc.manager, handler: svc.manager, theme: 7, followUp: false)
    }

    private func registerLeaver() -> String {
        extraPeople += 1
        let id = "p-" + DemoCalendar.pad(world.people.count + extraPeople, 4)
        let name = rng.pick(DemoText.givenNames) + " " + rng.pick(DemoText.familyNames)
        emit("admin", "person.registered", stream: "person/\(id)",
             ["personId": J.s(id), "categories": ["staff"], "lawfulBasisRef": J.s(Self.lawfulBasis)],
             subject: "person/\(id)", privateData: ["name": J.s(name), "contact": J.s(name.lowercased().split(separator: " ").joined(separator: ".") + "@example.org")])
        return id
    }

    private func receive(
        id: String, channel: String, region: Int?, service: Int?, body: String?, submitter: String, recorder: String,
        handler: String, theme: Int, followUp: Bool
    ) {
        let anonymous = submitter == "anonymous"
        let language = rng.pick(Self.languages)
        var payload: [String: JSONValue] = [
            "feedbackId": J.s(id), "channel": J.s(channel), "receivedAt": J.s(now), "submitter": J.s(submitter),
            "language": J.s(language), "consentToPublish": .bool(rng.chance(0.6)), "contactConsent": .bool(!anonymous && rng.chance(0.8)),
            "lawfulBasisRef": J.s(Self.lawfulBasis),
        ]
        if let service { payload["serviceId"] = J.s(world.services[service].id) }
        if let region { payload["regionId"] = J.s(world.regions[region].id) }
        if let body { payload["bodyId"] = J.s(body) }
        if language != "en" { payload["accessibleFormat"] = "translation" } else if rng.chance(0.05) { payload["accessibleFormat"] = "easy_read" }
        emit(recorder, "feedback.received", stream: "feedback/\(id)", payload,
             subject: anonymous ? "feedback/\(id)" : "person/\(submitter)", privateData: ["text": J.s(Self.voice(DemoText.themes[theme].said))])
        feedbackDelivered += 1
        guard followUp else { return }
        let item = FeedbackItem(id: id, region: region, service: service, channel: channel, submitter: submitter, theme: theme,
                                handler: handler, contact: payload["contactConsent"] == .bool(true))
        item.publish = payload["consentToPublish"] == .bool(true)
        item.subject = anonymous ? "feedback/\(id)" : "person/\(submitter)"
        let ack = rng.chance(0.2) ? day : DemoCalendar.addingWorkdays(rng.between(1, 2), to: day)
        later(ack) { $0.acknowledge(item) }
        if rng.chance(0.05) {
            let reason = rng.pick(["duplicate", "withdrawn"])
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
        if rng.chance(0.7) { later(respond + rng.between(3, 25)) { $0.close(item, reason: "responded") } }
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
        let method = anonymous ? (item.channel == "care_opinion" ? "online" : "anonymous_no_contact") : rng.pick(["email", "letter", "phone", "text_message"])
        emit(item.handler, "feedback.acknowledged", stream: "feedback/\(item.id)",
             ["feedbackId": J.s(item.id), "at": J.s(now), "method": J.s(method)])
        let theme = DemoText.themes[item.theme]
        emit(item.handler, "feedback.triaged", stream: "feedback/\(item.id)", [
            "feedbackId": J.s(item.id), "themes": J.strings([theme.code]), "pillars": J.strings([theme.pillar]),
            "competencies": J.strings([theme.competency]), "criticality": J.n(rng.between(0, 3)),
            "safeguardingFlag": .bool(rng.chance(0.02)), "ownerRoleId": J.s(item.service == nil ? "R-HEAD-RJE" : "R-SVC-MGR"),
        ])
        if rng.chance(0.4) {
            emit(item.handler, "feedback.linked", stream: "feedback/\(item.id)",
                 ["feedbackId": J.s(item.id), "targetType": "action", "targetId": J.s(Self.themeActions[item.theme])])
        }
        for key in Set([item.region ?? -1, -1]) {
            feedbackPool[key, default: []].append(item)
            if feedbackPool[key, default: []].count > 24 { feedbackPool[key]?.removeFirst() }
        }
    }

    private func statusUpdate(_ item: FeedbackItem) {
        guard !item.closed else { return }
        emit(item.handler, "feedback.status_updated", stream: "feedback/\(item.id)", [
            "feedbackId": J.s(item.id), "status": J.s(rng.pick(["under_review", "awaiting_decision", "action_in_progress"])),
            "note": "We are still looking into this and will update you within 30 days.",
        ])
    }

    private func respond(_ item: FeedbackItem) {
        guard !item.closed else { return }
        let theme = DemoText.themes[item.theme]
        let roll = rng.below(100)
        var payload: [String: JSONValue] = [
            "feedbackId": J.s(item.id), "publicSummary": J.s(theme.said),
            "moderatedByRoleId": J.s(item.service != nil ? "R-SVC-MGR" : item.region != nil ? "R-REG-LEAD" : "R-HEAD-RJE"),
        ]
        switch roll {
        case ..<35:
            payload["changeStatus"] = "change_made"
            payload["response"] = J.s(theme.did)
            payload["changeDescription"] = J.s(theme.did)
            payload["actionRef"] = J.s(Self.themeActions[item.theme])
        case ..<65:
            payload["changeStatus"] = "change_planned"
            payload["response"] = "We have agreed a change and will tell you when it is in place."
            payload["changeDescription"] = J.s("Planned: " + theme.did)
            payload["actionRef"] = J.s(Self.themeActions[item.theme])
        case ..<90:
            payload["changeStatus"] = "no_change_with_reason"
            payload["response"] = "We looked into this carefully and explained why we are not changing it."
            payload["reason"] = "The service already offers this; we have explained how to ask for it and told staff to offer it every time."
        default:
            payload["changeStatus"] = "referred"
            payload["response"] = "We have passed this to the organisation responsible and will follow it up."
            payload["changeDescription"] = "Referred to the commissioning local authority, which runs this part of the service."
        }
        // Without consent to publish, "you said" and "we did" are sealed in the private part.
        if item.publish {
            emit(item.handler, "feedback.responded", stream: "feedback/\(item.id)", payload, version: FeedbackResponded.typeVersion)
        } else {
            var texts: [String: JSONValue] = [:]
            for field in FeedbackResponded.consentedTextFields { texts[field] = payload.removeValue(forKey: field) }
            payload["lawfulBasisRef"] = J.s(Self.lawfulBasis)
            emit(
                item.handler, "feedback.responded", stream: "feedback/\(item.id)", payload, subject: item.subject, privateData: texts,
                version: FeedbackResponded.typeVersion)
        }
    }

    private func notifySubmitter(_ item: FeedbackItem) {
        guard !item.closed else { return }
        emit(item.handler, "feedback.submitter_notified", stream: "feedback/\(item.id)", [
            "feedbackId": J.s(item.id), "at": J.s(now), "method": J.s(rng.pick(["email", "letter", "phone"])), "kind": "response",
        ])
    }

    private func close(_ item: FeedbackItem, reason: String) {
        guard !item.closed else { return }
        item.closed = true
        emit(item.handler, "feedback.closed", stream: "feedback/\(item.id)", ["feedbackId": J.s(item.id), "reason": J.s(reason)])
    }

    /// Up to `k` open, acknowledged feedback items from a pool, for a decision's inputs.
    func takeFeedback(_ key: Int, _ k: Int, channel: String?) -> [FeedbackItem] {
        let open = (feedbackPool[key] ?? []).filter { !$0.closed && !$0.cited && (channel == nil || $0.channel == channel) }
        let chosen = rng.sample(open, k)
        for item in chosen { item.cited = true }
        return chosen
    }
}
