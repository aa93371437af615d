import LedgerCore
import LedgerDomain

// The feedback loop (F-1 … F-4).
extension Rules {
    /// The working-day calendar, in words.
    var holidaysLabel: String {
        let extra = policy.bankHolidays.dates.count
        return (policy.bankHolidays.calendar ?? "weekends only") + (extra == 0 ? "" : " + \(extra) extra day\(extra == 1 ? "" : "s")")
    }

    func f1() -> RuleResult {
        let n = policy.feedback.acknowledgeWithinWorkingDays
        var findings: [Finding] = []
        var checked = 0
        var pending = 0
        for id in model.feedbackOrder {
            guard let f = model.feedback[id] else { continue }
            let due = calendar.adding(workingDays: n, to: CivilDate(dayNumber: f.day)).dayNumber
            if let ack = f.acks.first {
                checked += 1
                if ack.day > due {
                    findings.append(Finding(index: ack.index, detail: "feedback \(id) acknowledged \(Day.text(ack.day)), due \(Day.text(due))"))
                }
            } else if asOf > due {
                checked += 1
                findings.append(Finding(index: f.index, detail: "feedback \(id) received \(Day.text(f.day)) was never acknowledged (due \(Day.text(due)))"))
            } else {
                pending += 1
            }
        }
        return result(
            "F-1", "Feedback acknowledged within the working-day limit", "Act on feedback and provide timely updates",
            ["workingDays": String(n), "bankHolidays": holidaysLabel], checked: checked, findings: findings, pending: pending)
    }

    func f2() -> RuleResult {
        let respond = policy.feedback.respondWithinDays, every = policy.feedback.statusUpdateEveryDays
        var findings: [Finding] = []
        var checked = 0
        var pending = 0
        for id in model.feedbackOrder {
            guard let f = model.feedback[id] else { continue }
            let answered = [f.responses.first?.day, f.closed].compactMap { $0 }.min()
            if let answered, answered <= f.day + respond {
                checked += 1
                continue
            }
            let end = min(asOf, answered ?? asOf)
            guard end > f.day + respond else {  // still within its time
                pending += 1
                continue
            }
            checked += 1
            // Late or unanswered: acceptable only with a status update at least every `every` days.
            let points = ([f.day] + f.updates.filter { $0 <= end } + [end]).sorted()
            let gap = zip(points, points.dropFirst()).map { $1 - $0 }.max() ?? 0
            if gap > every {
                findings.append(Finding(
                    index: f.index,
                    detail: "feedback \(id) received \(Day.text(f.day)): \(answered.map { "answered \(Day.text($0))" } ?? "not answered by \(Day.text(asOf))"), with a \(gap)-day gap in updates"))
            }
        }
        return result(
            "F-2", "Feedback answered or closed in time, or updated regularly", "Act on feedback and provide timely updates to improve services",
            ["respondWithinDays": String(respond), "statusUpdateEveryDays": String(every)], checked: checked, findings: findings, pending: pending)
    }

    func f3() -> RuleResult {
        var findings: [Finding] = []
        let changes = model.responses.filter { $0.changeStatus == "change_made" || $0.changeStatus == "change_planned" }
        for r in changes where (r.changeDescription ?? "").isEmpty || r.actionRef == nil {
            findings.append(Finding(index: r.index, detail: "response to \(r.feedback) (\(r.changeStatus)) has no \((r.changeDescription ?? "").isEmpty ? "change description" : "action reference")"))
        }
        return result(
            "F-3", "A change made or planned names the change and its action",
            "embed the patient and carer voice … planning, implementation and learning cycles", [:], checked: changes.count, findings: findings)
    }

    func f4() -> RuleResult {
        let every = policy.feedback.statusUpdateEveryDays
        var findings: [Finding] = []
        var checked = 0
        var pending = 0
        for id in model.feedbackOrder {
            guard let f = model.feedback[id], f.contactConsent, let response = f.responses.first else { continue }
            guard f.notified.contains(where: { $0 >= response.day }) || asOf > response.day + every else {
                pending += 1
                continue
            }
            checked += 1
            if !f.notified.contains(where: { $0 >= response.day }) {
                findings.append(Finding(index: response.index, detail: "feedback \(id): the submitter agreed to be contacted but was not told of the response"))
            }
        }
        return result("F-4", "Submitters who agreed to contact are told of the response", "timely updates", ["withinDays": String(every)], checked: checked, findings: findings, pending: pending)
    }
}
