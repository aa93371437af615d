import LedgerCore
public import LedgerDomain
public import LedgerStore

/// The projections of one log, caught up before every query.
///
/// Live projections sit in the ledger file (``init(ledger:)``); a replay folds a log, or a
/// prefix of it, into a fresh in-memory database (``replay(_:at:ledger:)``). Both answer the
/// same queries. Personal data is never projected: where a query needs it (a contributor's
/// own words), it is read on demand from the ledger, or reported as erased.
public final class Projections {
    /// Every projection this build has, in the order they are folded.
    public static var all: [any Projection.Type] {
        [
            PlanProjection.self, FeedbackProjection.self, TraceProjection.self, GovernanceProjection.self, DecisionsProjection.self,
            MetricsProjection.self, CadenceProjection.self, NamesProjection.self,
        ]
    }

    /// Where the tables are.
    public let database: ProjectionDatabase
    /// The runner that keeps them caught up.
    public let runner: ProjectionRunner
    /// The ledger personal data is read from, if any (none for a bundle).
    let ledger: Ledger?

    /// The live projections of `ledger`, in its own file (a read-only ledger's are folded into
    /// memory from its log, once per ``Ledger`` opened, and caught up the same way).
    public init(ledger: Ledger, projections: [any Projection.Type] = Projections.all) {
        database = ProjectionDatabase(ledger: ledger)
        let source: any EntrySource = database.isLedgerFile ? LedgerFileSource() : LedgerEntrySource(ledger: ledger)
        runner = ProjectionRunner(database: database, source: source, projections: projections)
        self.ledger = ledger
    }

    init(database: ProjectionDatabase, runner: ProjectionRunner, ledger: Ledger?) {
        self.database = database
        self.runner = runner
        self.ledger = ledger
    }

    /// Folds `source` (up to `point`, when given) into a fresh in-memory database.
    /// - Parameter ledger: where to read personal data on demand (nil for a bundle).
    public static func replay(
        _ source: any EntrySource, at point: ReplayPoint? = nil, ledger: Ledger? = nil,
        projections: [any Projection.Type] = Projections.all
    ) throws -> Projections {
        let database = try ProjectionDatabase()
        let bounded: any EntrySource = point.map { PrefixEntrySource(base: source, point: $0) } ?? source
        let p = Projections(
            database: database, runner: ProjectionRunner(database: database, source: bounded, projections: projections), ledger: ledger)
        try p.catchUp()
        return p
    }

    /// Folds every entry not yet folded.
    public func catchUp() throws { try runner.catchUp() }

    /// Rebuilds the named projections (all when empty) from entry 0 and swaps them in.
    public func rebuild(names: [String] = []) throws { try runner.rebuild(names: names) }

    /// The number of entries every projection has folded (the lowest, if they differ).
    public func entriesFolded() throws -> Int {
        try database.read { c in
            let states = try StateStore.load(c)
            return (runner.names.map { states[$0]?.lastIndex ?? -1 }.min() ?? -1) + 1
        }
    }

    /// Catches up, then reads.
    func query<T>(_ body: (ProjectionConnection) throws -> T) throws -> T {
        try catchUp()
        return try database.read(body)
    }

    // MARK: Plan

    /// The plan as of `now`.
    public func plan(now: CivilDate) throws -> PlanReport {
        let actions = try query { try PlanTables($0, suffix: "").allActions() }
        return PlanReport(actions: actions, now: now, entriesFolded: try entriesFolded())
    }

    /// The action with id `ref`, or every action with code `ref`, with its status history.
    public func action(_ ref: String, now: CivilDate) throws -> [ActionDetail] {
        try query { c in
            let tables = PlanTables(c, suffix: "")
            let matches = try tables.action(ref).map { [$0] } ?? tables.allActions().filter { $0.code == ref }
            return try matches.map { ActionDetail(action: ActionView($0, now: now), history: try tables.history(of: $0.actionId)) }
        }
    }

    /// Every action, by id.
    public func actions() throws -> [ActionRecord] {
        try query { try PlanTables($0, suffix: "").allActions() }
    }

    // MARK: Feedback

    /// The feedback loop as of `now`.
    public func feedback(now: CivilDate, clocks: FeedbackClocks = FeedbackClocks(), overdueOnly: Bool = false) throws -> FeedbackReport {
        let items = try feedbackItems()
        return FeedbackReport(items: items, now: now, clocks: clocks, entriesFolded: try entriesFolded(), overdueOnly: overdueOnly)
    }

    /// Every piece of feedback, by receipt time.
    public func feedbackItems() throws -> [FeedbackRecord] {
        try query { try FeedbackTables($0, suffix: "").all() }
    }

    /// One piece of feedback by id, or nil when there is none.
    public func feedbackItem(_ id: String) throws -> FeedbackRecord? {
        try query { try FeedbackTables($0, suffix: "").item(id) }
    }

    /// The public "you said, we did" list, by receipt time (the projection's published list).
    public func youSaidWeDid() throws -> [YouSaidWeDid] {
        try query { try FeedbackTables($0, suffix: "").published(newestFirst: false) }
    }

    // MARK: Trace

    /// Traces one contribution.
    /// - Parameters:
    ///   - showContent: read the contributor's own words from the ledger, when held.
    ///   - now: the day whether its trace is overdue is judged on (default: today, UTC).
    public func trace(contribution id: String, showContent: Bool = false, now: CivilDate? = nil) throws -> TraceReport {
        let now = now ?? Self.today
        let traces = try query { c in
            let tables = TraceTables(c, suffix: "")
            guard let record = try tables.contribution(id) else {
                throw ProjectionError.notFound("no contribution \(id) in the log")
            }
            return [try tables.trace(record, content: PrivateContent(status: "none"), now: now)]
        }
        return TraceReport(subject: id, contributions: try withContent(traces, show: showContent))
    }

    /// Traces every contribution of a person (pseudonym).
    public func trace(person: String, showContent: Bool = false, now: CivilDate? = nil) throws -> TraceReport {
        let now = now ?? Self.today
        let traces = try query { c in
            let tables = TraceTables(c, suffix: "")
            return try tables.contributions(of: person).map { try tables.trace($0, content: PrivateContent(status: "none"), now: now) }
        }
        return TraceReport(subject: person, contributions: try withContent(traces, show: showContent))
    }

    /// Today's UTC date.
    static var today: CivilDate { CivilDate(parsing: Timestamp.now()) ?? CivilDate(dayNumber: 0) }

    /// Fills in whether each contribution's own words are held (read from the ledger after the
    /// projection read, never stored).
    func withContent(_ traces: [ContributionTrace], show: Bool) throws -> [ContributionTrace] {
        try traces.map { t in
            var t = t
            t.content = try content(of: t.contribution, show: show)
            t.sentences = TraceSentences.sentences(t)
            return t
        }
    }

    /// Decision outcomes recorded by entries `from ..< below`.
    public func decisionOutcomes(from: Int, below: Int) throws -> [(outcome: DecisionOutcomeRecord, title: String?)] {
        try query { c in
            let tables = TraceTables(c, suffix: "")
            return try tables.outcomes(from: from, below: below).map { ($0, try tables.decision($0.decisionId)?.title) }
        }
    }

    func content(of c: ContributionRecord, show: Bool) throws -> PrivateContent {
        guard c.hasPrivateContent else { return PrivateContent(status: "none") }
        guard let ledger else { return PrivateContent(status: "not_held_here") }
        switch try ledger.privateRecord(at: c.index) {
        case .available(_, _, let data)?:
            return PrivateContent(status: "held", text: show ? data["content"]?.stringValue ?? "(no content field)" : nil)
        case .erased?: return PrivateContent(status: "erased")
        case nil: return PrivateContent(status: "not_held_here")
        }
    }
}
