/// What counts as a contribution's influence, decided once (DOMAIN.md rule C-1: the contributor
/// can see what happened to their input).
///
/// A contribution is **traced** only by a `contribution.influence_traced` that names it: adopted,
/// adapted, or considered and not adopted, each with its explanation. A decision whose proposal
/// cites the contribution is not a trace: citing says the input was on the table, not what
/// became of it (the decision may be deferred, or adopt something else). The trace (`coledger
/// trace`, the portal's "What happened to my input" page) and audit rule C-1 both ask this
/// function, so they cannot disagree about whether, or when, a contribution was traced.
public enum InfluenceRule {
    /// Days a contribution may wait for its trace (C-1's default `traceContributionsWithinDays`).
    public static let defaultWithinDays = 90

    /// Where a contribution stands.
    public enum Status: Sendable, Equatable {
        /// First traced on `on`; `late` when after `due`.
        case traced(on: CivilDate, due: CivilDate)
        /// Not traced; the trace is due by `due`, which has not passed on the day asked about.
        case notYetDue(due: CivilDate)
        /// Not traced, and `due` has passed.
        case overdue(due: CivilDate)

        /// Whether a trace exists.
        public var isTraced: Bool { if case .traced = self { true } else { false } }

        /// Whether it was or is late: traced after the due day, or still untraced after it.
        public var isLate: Bool {
            switch self {
            case .traced(let on, let due): on > due
            case .notYetDue: false
            case .overdue: true
            }
        }
    }

    /// The day a trace of a contribution made on `contributed` is due.
    public static func due(contributed: CivilDate, withinDays: Int = defaultWithinDays) -> CivilDate {
        contributed.adding(days: withinDays)
    }

    /// Where a contribution made on `contributed` stands on `asOf`, given the days of the
    /// `contribution.influence_traced` entries that name it (in any order).
    public static func status(
        contributed: CivilDate, tracedOn: [CivilDate], withinDays: Int = defaultWithinDays, asOf: CivilDate
    ) -> Status {
        let due = due(contributed: contributed, withinDays: withinDays)
        if let first = tracedOn.min() { return .traced(on: first, due: due) }
        return asOf > due ? .overdue(due: due) : .notYetDue(due: due)
    }

    /// The status in a sentence for the contributor, naming decisions that cited the
    /// contribution without tracing it.
    public static func sentence(_ status: Status, citedBy decisions: [String] = []) -> String {
        let cited =
            decisions.isEmpty
            ? ""
            : " \(decisions.count == 1 ? "Decision" : "Decisions") \(decisions.joined(separator: ", ")) cited it, but citing is not tracing."
        switch status {
        case .traced(let on, let due):
            return "What it changed was first recorded on \(on)\(on > due ? ", after the \(due) it was due by" : "")."
        case .notYetDue(let due):
            return "Nobody has recorded yet what it changed; that is due by \(due).\(cited)"
        case .overdue(let due):
            return "Nobody has recorded what it changed, which was due by \(due).\(cited)"
        }
    }
}
