/// A read model folded from the log into its own tables of the ledger file.
///
/// A projection is a pure, deterministic fold: ``apply(_:to:)`` may read and write only its
/// ``Tables``, and its result may depend only on the events it is given, in log order — no
/// wall clock, no randomness, no dependence on dictionary or set order. "Now" is a parameter
/// of the queries, never of the fold. The ``ProjectionRunner`` stores the index of the last
/// entry a projection applied in `projection_state`, in the same transaction as the table
/// updates, so a projection is always exactly the fold of a log prefix.
///
/// To add one: write its tables in `Storage/` (a ``ProjectionTables`` type: the only place
/// SQL is written), a type conforming to `Projection`, and list it in ``Projections/all``.
/// Bump ``version`` whenever the fold or the tables change: the runner then rebuilds it.
public protocol Projection {
    /// The tables it folds into.
    associatedtype Tables: ProjectionTables

    /// A unique lower-case name, e.g. `plan` (used by `coledger rebuild NAME`).
    static var name: String { get }
    /// The version of its fold and tables; a stored projection of another version is rebuilt.
    static var version: Int { get }
    /// The event types it folds; others are not decoded for it.
    static var eventTypes: Set<String> { get }
    /// Folds one event (of one of ``eventTypes``) into the tables.
    static func apply(_ event: ProjectedEvent, to tables: Tables) throws
}
