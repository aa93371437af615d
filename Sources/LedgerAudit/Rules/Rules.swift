import LedgerCore
import LedgerDomain

/// The accountability rules of DOMAIN.md section 8 that the catalogue can express, judged on an
/// ``AuditModel`` as of a day. One file per group: governance (G), feedback (F), coproduction
/// (C), plan (M-1 … M-8, M-15, M-16), monitoring (M-5, M-9 … M-14) and privacy (P).
struct Rules {
    let model: AuditModel
    let policy: AuditPolicy
    let asOf: Int
    let calendar: WorkingCalendar
    let planStart: Int
    /// Private objects still held per erased subject (P-3), when the source could tell.
    let heldPrivate: [String: Int]

    init(model: AuditModel, policy: AuditPolicy, asOf: Int, heldPrivate: [String: Int] = [:]) {
        self.model = model
        self.policy = policy
        self.asOf = asOf
        self.heldPrivate = heldPrivate
        calendar = policy.calendar
        planStart = policy.planStartDay
    }

    func all() -> [RuleResult] {
        [
            g1(), g2(), g3(), g4(), g5(), g6(), g7(), g8(), g9(), g10(),
            f1(), f2(), f3(), f4(),
            c1(), c2(), c3(), c4(), c5(), c6(),
            m1(), m2(), m3(), m4(), m5(), m6(), m7(), m8(), m9(), m10(), m11(), m12(), m13(), m14(), m15(), m16(),
            p1(), p2(), p3(), p4(), p5(),
        ]
    }

    /// Rules of section 8 the audit does not judge, with the fact the catalogue lacks.
    static let notImplemented: [String: String] = [
        "F-5": "the catalogue has no separate loop to route into: staff-network and advocacy-service feedback are values of feedback.received's channel, and F-1, F-2 and F-4 already judge every channel with the same clocks, so a rule of its own could only repeat their findings",
        "F-6": "a property of the public \"you said, we did\" output, not of the log: the log holds consentToPublish and the moderated publicSummary (feedback.responded requires moderatedByRoleId), and the output is built by the yousaid projection (LedgerProjections), which the audit does not run",
        "P-6": "public exports are files `coledger export` writes, not log facts: the log itself holds only pseudonyms (the catalogue's personId syntax; names and contacts in private parts, which P-1 checks), and whether two exports agree on pseudonyms is a property of the export code, not of any event",
    ]

    /// A result whose verdict follows from what was judged: fail with any finding, pass when
    /// something was judged; otherwise not yet due when `pending` items (or duties) exist whose
    /// deadline has not passed, and nothing to judge when the log holds nothing of the kind.
    func result(
        _ id: String, _ title: String, _ seed: String, _ parameters: [String: String], checked: Int, findings: [Finding],
        notes: [Finding] = [], limitation: String? = nil, pending: Int = 0
    ) -> RuleResult {
        RuleResult(
            id: id, title: title, seed: seed, parameters: parameters,
            verdict: Self.verdict(checked: checked, failed: !findings.isEmpty, pending: pending),
            checked: max(checked, findings.isEmpty ? 0 : 1), findings: findings, notes: notes, limitation: limitation)
    }

    /// The one verdict rule: any finding fails; anything judged without a finding passes; with
    /// nothing judged, the rule is not yet due when something is waiting for its deadline, and
    /// has nothing to judge otherwise.
    static func verdict(checked: Int, failed: Bool, pending: Int) -> Verdict {
        if failed { return .fail }
        if checked > 0 { return .pass }
        return pending > 0 ? .notYetDue : .nothingToJudge
    }

    /// A rule whose duty has not begun or whose first deadline has not passed: not yet due, with
    /// a note saying when it is.
    func notYetDue(_ id: String, _ title: String, _ seed: String, _ parameters: [String: String], _ when: String) -> RuleResult {
        RuleResult(
            id: id, title: title, seed: seed, parameters: parameters, verdict: .notYetDue, checked: 0, findings: [],
            notes: [Finding(index: nil, detail: "not yet due: \(when)")])
    }

    /// A rule that starts with the plan, before the plan start.
    func beforePlanStart(_ id: String, _ title: String, _ seed: String, _ parameters: [String: String]) -> RuleResult {
        notYetDue(id, title, seed, parameters, "the plan starts on \(Day.text(planStart))")
    }

    /// Whether the plan has started by the audit date (organisation-wide duties start with it).
    var planStarted: Bool { asOf >= planStart }

    /// The first deadline of a cadence of `months` months (plus `grace` days) counted from `start`.
    static func firstDeadline(from start: Int, everyMonths months: Int, graceDays grace: Int) -> Int {
        Day.adding(months: months, to: start) + grace
    }

    // MARK: Helpers

    /// Spans of days in `start...end` that none of `spans` (inclusive; `to` nil = still open)
    /// covers, in order.
    static func gaps(_ spans: [(from: Int, to: Int?)], from start: Int, to end: Int) -> [(from: Int, to: Int)] {
        guard start <= end else { return [] }
        var out: [(Int, Int)] = []
        var cursor = start
        for span in spans.sorted(by: { $0.from < $1.from }) {
            if cursor > end { break }
            if span.from > cursor { out.append((cursor, min(span.from - 1, end))) }
            cursor = max(cursor, (span.to ?? end) + 1)
        }
        if cursor <= end { out.append((cursor, end)) }
        return out
    }

    /// "At least every `months` months (plus `grace` days)": each item must come by the deadline
    /// counted from the one before (the first from `start`), and the latest must not be overdue
    /// as of the audit date. Items are (day, index); findings name the late item, or the last one
    /// before an overdue gap.
    func cadence(
        _ items: [AuditModel.Dated], from start: Int, startLabel: String, everyMonths months: Int, graceDays grace: Int, noun: String
    ) -> [Finding] {
        var findings: [Finding] = []
        var previous = start
        var label = startLabel
        for item in items.sorted(by: { ($0.day, $0.index) < ($1.day, $1.index) }) {
            let deadline = Day.adding(months: months, to: previous) + grace
            if item.day > deadline {
                findings.append(Finding(index: item.index, detail: "\(noun) on \(Day.text(item.day)) came after the deadline \(Day.text(deadline)) following \(label)"))
            }
            if item.day >= previous {
                previous = item.day
                label = "the one of \(Day.text(item.day))"
            }
        }
        let deadline = Day.adding(months: months, to: previous) + grace
        if asOf > deadline {
            findings.append(Finding(
                index: items.max(by: { $0.day < $1.day })?.index,
                detail: "no \(noun) since \(label == startLabel ? startLabel : label); one was due by \(Day.text(deadline))"))
        }
        return findings
    }

    /// The plan years (from the plan start, a year each) that have begun by the audit date.
    var planYears: [(start: Int, end: Int, label: String)] {
        var out: [(Int, Int, String)] = []
        var start = CivilDate(dayNumber: planStart)
        while start.dayNumber <= asOf {
            let next = start.adding(years: 1)
            let y = start.components.year
            let yy = (y + 1) % 100
            out.append((start.dayNumber, next.dayNumber - 1, "\(y)-\(yy < 10 ? "0" : "")\(yy)"))
            start = next
        }
        return out
    }

    /// Whether a tenure covers `day`.
    static func holds(_ tenure: AuditModel.Tenure, on day: Int) -> Bool { tenure.from <= day && (tenure.to.map { $0 >= day } ?? true) }

    /// The holder of `role` on `day`, if any.
    func holder(of role: String, on day: Int) -> String? {
        model.roleTenures[role]?.last { Self.holds($0, on: day) }?.person
    }

    /// Whether an entity reference names an Expert-by-Experience source: a contribution by a
    /// person registered as an Expert by Experience or made in an all-EbE body, such a body
    /// itself, or such a person.
    func isEbeSource(kind: String, id: String) -> Bool {
        let ebe = policy.governance.ebeCategories
        let ebeBodies = policy.coproduction.ebeBodyTypes
        switch kind {
        case "contribution":
            guard let c = model.contributions[id] else { return false }
            return model.person(c.person, isIn: ebe) || c.body.flatMap { model.bodies[$0]?.type }.map(ebeBodies.contains) == true
        case "body": return model.bodies[id].map { ebeBodies.contains($0.type) } == true
        case "person": return model.person(id, isIn: ebe)
        default: return false
        }
    }

    /// Metrics whose code (or id) is `code`, in the order they were defined.
    func metrics(coded code: String) -> [AuditModel.Metric] {
        model.metricOrder.compactMap { model.metrics[$0] }.filter { $0.code == code || $0.id == code }
    }
}
