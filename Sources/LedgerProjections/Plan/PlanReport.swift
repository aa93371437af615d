public import LedgerDomain

/// An action as of a date: its record and whether it is overdue or stale then.
public struct ActionView: Codable, Sendable, Equatable {
    /// The action.
    public var action: ActionRecord
    /// Due before `now` and neither done nor cancelled.
    public var overdue: Bool
    /// Open, and no status change in more than ``PlanRules/staleAfterDays`` days before `now`.
    public var stale: Bool
    /// Days from the last status change (or creation) to `now`.
    public var daysSinceLastChange: Int

    /// Evaluates `action` as of `now`.
    public init(_ action: ActionRecord, now: CivilDate) {
        self.action = action
        let open = !PlanRules.isClosed(action.status)
        let due = CivilDate(parsing: action.dueDate)
        overdue = open && due.map { $0 < now } ?? false
        let last = CivilDate(parsing: action.lastChangeAt) ?? now
        daysSinceLastChange = last.days(to: now)
        stale = open && daysSinceLastChange > PlanRules.staleAfterDays
    }
}

/// Counts for a group of actions (an area or a competency).
public struct PlanRollUp: Codable, Sendable, Equatable {
    /// The area or competency code.
    public var key: String
    /// Actions in the group.
    public var total = 0
    /// By status.
    public var planned = 0, inProgress = 0, blocked = 0, done = 0, cancelled = 0
    /// Open and past due.
    public var overdue = 0
    /// Open and without a status change for too long.
    public var stale = 0
    /// Mean reported progress of the actions that reported any (rounded down), if any did.
    public var meanProgressPct: Int?

    init(key: String, views: [ActionView]) {
        self.key = key
        total = views.count
        for v in views {
            switch v.action.status {
            case "planned": planned += 1
            case "in_progress": inProgress += 1
            case "blocked": blocked += 1
            case "done": done += 1
            case "cancelled": cancelled += 1
            default: break
            }
            if v.overdue { overdue += 1 }
            if v.stale { stale += 1 }
        }
        let reported = views.compactMap(\.action.progressPct)
        meanProgressPct = reported.isEmpty ? nil : reported.reduce(0, +) / reported.count
    }
}

/// The plan as of a date.
public struct PlanReport: Codable, Sendable, Equatable {
    /// The date overdue and stale are judged on.
    public var asOf: CivilDate
    /// Log entries folded (the projection covers entries 0 ..< this).
    public var entriesFolded: Int
    /// Every action, in plan order (area, then code).
    public var actions: [ActionView]
    /// Roll-up per area, in plan order.
    public var byArea: [PlanRollUp]
    /// Roll-up per competency (an action counts under each of its competencies), by code.
    public var byCompetency: [PlanRollUp]
    /// Ids of overdue actions.
    public var overdue: [String]
    /// Ids of stale actions.
    public var stale: [String]

    /// Builds the report from the actions as of `now`.
    public init(actions records: [ActionRecord], now: CivilDate, entriesFolded: Int) {
        asOf = now
        self.entriesFolded = entriesFolded
        let actions = records.map { ActionView($0, now: now) }.sorted { PlanReport.planOrder($0.action, $1.action) }
        self.actions = actions
        let areas = PlanRules.areaOrder + Set(actions.map(\.action.area)).subtracting(PlanRules.areaOrder).sorted()
        byArea = areas.compactMap { area in
            let views = actions.filter { $0.action.area == area }
            return views.isEmpty ? nil : PlanRollUp(key: area, views: views)
        }
        let competencies = Set(actions.flatMap(\.action.competencies)).sorted()
        byCompetency = competencies.map { code in PlanRollUp(key: code, views: actions.filter { $0.action.competencies.contains(code) }) }
        overdue = actions.filter(\.overdue).map(\.action.actionId)
        stale = actions.filter(\.stale).map(\.action.actionId)
    }

    /// Area in plan order, then code with numbers compared as numbers, then id.
    static func planOrder(_ a: ActionRecord, _ b: ActionRecord) -> Bool {
        let ia = PlanRules.areaOrder.firstIndex(of: a.area) ?? PlanRules.areaOrder.count
        let ib = PlanRules.areaOrder.firstIndex(of: b.area) ?? PlanRules.areaOrder.count
        if ia != ib { return ia < ib }
        if a.area != b.area { return a.area < b.area }
        let c = NaturalOrder.compare(a.code, b.code)
        if c != 0 { return c < 0 }
        return a.actionId < b.actionId
    }
}

/// One action with the history of its status changes.
public struct ActionDetail: Codable, Sendable, Equatable {
    /// The action as of the date.
    public var action: ActionView
    /// Its status changes, oldest first, with their log indexes.
    public var history: [StatusChangeRecord]
}

/// Compares strings with runs of digits compared as numbers (`LG-2` before `LG-10`).
enum NaturalOrder {
    static func compare(_ a: String, _ b: String) -> Int {
        let ca = chunks(a)
        let cb = chunks(b)
        for (x, y) in zip(ca, cb) where x != y {
            if let nx = Int(x), let ny = Int(y), nx != ny { return nx < ny ? -1 : 1 }
            return x < y ? -1 : 1
        }
        return ca.count == cb.count ? 0 : (ca.count < cb.count ? -1 : 1)
    }

    static func chunks(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var digits: Bool?
        for ch in s {
            let isDigit = ch.isASCII && ch.isNumber
            if digits != nil && digits != isDigit {
                out.append(current)
                current = ""
            }
            current.append(ch)
            digits = isDigit
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
