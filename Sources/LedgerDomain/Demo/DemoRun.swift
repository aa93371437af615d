import LedgerCore

/// One pass through the demo year, a day at a time. Each day runs the setup (day 0), then the
/// calendar (meetings, reviews, reports, observations, …), then new feedback, then the follow-ups
/// that fall due (acknowledgements, responses, traces, payments). Only open items are kept.
final class DemoRun {
    let generator: DemoGenerator
    let world: DemoWorld
    let seed: UInt64
    var rng: DemoRandom
    private(set) var day = -1
    private var out: [DemoStep] = []
    private var tick = 0
    private var calendar: [Int: [(DemoRun) -> Void]] = [:]
    private var agenda: [Int: [(DemoRun) -> Void]] = [:]

    // State other events depend on.
    var meetingsByBody: [String: [String]] = [:]
    var decisionCount: [String: Int] = [:]
    var decisions: [String: String] = [:]
    var feedbackPool: [Int: [FeedbackItem]] = [:]
    var contributionPool: [String: [ContributionItem]] = [:]
    var firstForumContribution: [Int: String] = [:]
    /// The latest contribution of an Expert by Experience to each contribution pool.
    var latestEbeContribution: [String: ContributionItem] = [:]
    var observationRefs: [String] = []
    var suesObservation: String?
    var pending: [String: [DemoProposal]] = [:]
    var localActions: [String] = []
    var recognitionCount = 0
    var contributionCount = 0
    var extraPeople = 0
    var feedbackDelivered = 0

    var finished: Bool { day >= DemoCalendar.lastDay }

    init(_ generator: DemoGenerator) {
        self.generator = generator
        world = generator.world
        seed = generator.seed
        rng = DemoRandom(seed: generator.seed)
        planYear()
    }

    /// The steps of the next day.
    func nextDay() -> [DemoStep] {
        day += 1
        tick = 0
        out = []
        out.reserveCapacity(64)
        if day == 0 { setup() }
        for event in calendar.removeValue(forKey: day) ?? [] { event(self) }
        arrivals()
        var due = agenda.removeValue(forKey: day) ?? []
        var i = 0
        while i < due.count {
            due[i](self)
            i += 1
            // Follow-ups may schedule more for today.
            if i == due.count, let more = agenda.removeValue(forKey: day) { due += more }
        }
        return out
    }

    /// Puts something on the calendar (planned before the year starts).
    func plan(_ day: Int, _ event: @escaping (DemoRun) -> Void) {
        guard day >= 0, day <= DemoCalendar.lastDay else { return }
        calendar[day, default: []].append(event)
    }

    /// Schedules a follow-up; anything after the year's last day is left undone.
    func later(_ day: Int, _ event: @escaping (DemoRun) -> Void) {
        guard day <= DemoCalendar.lastDay else { return }
        agenda[max(day, self.day), default: []].append(event)
    }

    /// The current day's time for the next event (a few seconds apart, from 08:00).
    var now: String { DemoCalendar.time(day, seconds: 8 * 3600 + tick * 3) }

    /// Appends one event: a typed payload, in its own stream, encoded by ``Catalogue/json(of:)``
    /// (the one encode path). `at` backdates it: something that happened before the ledger was in
    /// use, recorded now for the record (its time is when it happened). `privateData` is sealed
    /// under `subject`; `id` fixes the event id when other events cite it.
    func emit<P: EventPayload>(
        _ signer: String, _ payload: P, subject: String? = nil, privateData: [String: JSONValue]? = nil, id: String? = nil, at: String? = nil
    ) {
        guard case .object(let members) = Catalogue.json(of: payload) else { preconditionFailure("\(P.eventType) did not encode to an object") }
        // A payload date that restates when it happened (a role held "from" the plan start, a
        // member who left last week) is the effective time: the envelope must say the same.
        var occurredAt = at ?? now
        if EffectiveTime.mismatch(type: P.eventType, occurredAt: occurredAt, payload: members) != nil,
            let implied = EffectiveTime.implied(type: P.eventType, payload: members)
        {
            occurredAt = implied
        }
        var draft: [String: JSONValue] = [
            "type": .string(P.eventType), "typeVersion": J.n(P.typeVersion), "stream": .string(payload.stream), "occurredAt": .string(occurredAt),
            "payload": .object(members),
        ]
        if let subject, let privateData {
            draft["private"] = .object(["subject": .string(subject), "data": .object(privateData)])
        }
        if let id { draft["id"] = .string(id) }
        tick += 1
        out.append(DemoStep(signer: signer, draft: .object(draft)))
    }

    // MARK: - The lapses

    /// The REPB meeting whose Experts by Experience all send apologies.
    static func lapseMeeting(_ world: DemoWorld) -> (body: String, index: Int) { ("B-REPB", 3) }
    /// The day the unanswered complaint arrives.
    static let lapseFeedbackDay = DemoCalendar.workday(DemoCalendar.day(2025, 5, 20))
    /// The region that misses its second review.
    static func lapseRegion(_ world: DemoWorld) -> Int { min(2, world.regions.count - 1) }

    static func lapses(_ world: DemoWorld) -> DemoLapses {
        let (bodyId, index) = lapseMeeting(world)
        let body = world.body(bodyId)
        let held = body.map { meetingDays($0)[index] } ?? 0
        let meeting = meetingId(bodyId, held)
        return DemoLapses(
            decisionWithoutEbE: decisionId(meeting: meeting, 1), meetingWithoutEbE: meeting,
            unansweredFeedback: feedbackId(day: lapseFeedbackDay, 1),
            regionWithOneReview: world.regions[lapseRegion(world)].id)
    }

    // MARK: - Ids

    static func meetingId(_ body: String, _ day: Int) -> String { "MTG-\(body.dropFirst(2))-\(DemoCalendar.compact(day))" }
    static func decisionId(meeting: String, _ n: Int) -> String { "D-" + meeting.dropFirst(4) + "-\(n)" }
    static func feedbackId(day: Int, _ n: Int) -> String { "FB-\(DemoCalendar.compact(day))-\(DemoCalendar.pad(n, 3))" }

    /// The days a body meets, evenly spread from its first meeting, on weekdays.
    static func meetingDays(_ body: DemoWorld.Body) -> [Int] {
        (0..<body.meetingsPerYear).map { i in
            DemoCalendar.workday(body.firstDay + i * 360 / body.meetingsPerYear)
        }.filter { $0 <= DemoCalendar.lastDay }
    }

    // MARK: - The year's plan

    private func planYear() {
        for (b, body) in world.bodies.enumerated() {
            let days = Self.meetingDays(body)
            let chairReady = DemoWorld.addedChairs.contains { $0.body == body.id } ? 8 : 0
            for (i, held) in days.enumerated() {
                let first = body.id == "B-TRUSTEES" && i == 0
                let scheduled = first ? 0 : max(held - 14, chairReady)
                plan(scheduled) { $0.scheduleMeeting(b, held: held, adminSigns: first) }
                if body.decides { plan(max(held - 3, scheduled)) { $0.proposeDecisions(b, held: held, index: i, adminSigns: first) } }
                plan(held) { $0.holdMeeting(b, held: held, index: i, adminSigns: first) }
            }
        }
        planMonitoring()
    }
}

/// A feedback item while it is open.
final class FeedbackItem {
    let id: String
    let region: Int?
    let service: Int?
    let channel: FeedbackVocabulary.Channel
    let submitter: String
    let theme: Int
    let handler: String
    let contact: Bool
    /// Whether the submitter consented to publication, and the subject their private data is sealed under.
    var publish = true, subject = ""
    var closed = false
    var cited = false

    init(id: String, region: Int?, service: Int?, channel: FeedbackVocabulary.Channel, submitter: String, theme: Int, handler: String, contact: Bool) {
        self.id = id
        self.region = region
        self.service = service
        self.channel = channel
        self.submitter = submitter
        self.theme = theme
        self.handler = handler
        self.contact = contact
    }
}

/// A contribution until its influence is traced.
final class ContributionItem {
    let id: String
    let person: String
    let body: String
    var used = false

    init(id: String, person: String, body: String) {
        self.id = id
        self.person = person
        self.body = body
    }
}
