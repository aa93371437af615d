import Dispatch
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore

/// The ledger, its projections and the portal's caches, owned by one serial queue.
///
/// Every request first reads the log's size (one indexed SQL read). When it changed, the
/// projections catch up and every cached answer is dropped; otherwise the answer comes from the
/// cache, which is exact because the log only grows. Work runs on this
/// queue, never on Swift's cooperative threads, so a slow read cannot stall the server.
final class PortalStore: @unchecked Sendable {
    private let queue = DispatchQueue(label: "coledger.portal.store", qos: .userInitiated)
    private let worker: PortalWorker

    init(configuration: PortalConfiguration) throws {
        worker = try PortalWorker(configuration: configuration)
    }

    /// Runs `body` on the store's queue.
    func perform<T: Sendable>(_ body: @escaping @Sendable (PortalWorker) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.worker) })
            }
        }
    }
}

/// A page or document as sent, kept until the log grows.
struct CachedBody: Sendable {
    var contentType: String
    var bytes: [UInt8]
}

/// The state behind ``PortalStore``; used only on its queue.
///
/// Everything it shows comes from the projections (folded into the ledger file and caught up
/// incrementally): it keeps no fold of its own and never reads the whole log, so a start costs
/// what catching the projections up costs (nothing when they are current).
final class PortalWorker {
    let configuration: PortalConfiguration
    let ledger: Ledger
    let projections: Projections
    /// Log entries when last refreshed.
    private(set) var size = -1
    /// The newest checkpoint's size when last refreshed (-1: none).
    private(set) var checkpointSize = -1
    /// The date clocks are judged on.
    private(set) var today = CivilDate(dayNumber: 0)
    /// Answers for this size and date, by route and query.
    private var bodies: [String: CachedBody] = [:]
    /// The log as it is now, judged today.
    private(set) var live: PointView
    /// Replays at points asked for (``ReadPoint``), until the log grows; a few at a time.
    private var points: [ReadPoint: PointView] = [:]
    /// Contribution id by its code, for the contributions up to log index ``codedThrough``.
    var contributionByCode: [String: String] = [:]
    var codedThrough = -1

    init(configuration: PortalConfiguration) throws {
        self.configuration = configuration
        ledger = try Ledger.open(path: configuration.ledgerPath, policies: [DomainPolicy.standard])
        projections = Projections(ledger: ledger)
        live = PointView(projections: projections, today: CivilDate(dayNumber: 0), entries: 0, point: .now, said: nil, pageSize: configuration.pageSize)
    }

    /// The ledger's origin (the log's name).
    var origin: String { ledger.origin }

    /// Catches the projections up with the log; drops cached answers when it grew, a checkpoint
    /// was signed or the date changed.
    func refresh() throws {
        let now = configuration.now ?? CivilDate(parsing: Timestamp.now()) ?? today
        let n = try ledger.size()
        let c = try ledger.latestCheckpoint()?.size ?? -1
        guard n != size || c != checkpointSize || now != today else { return }
        try projections.catchUp()
        if n != size || now != today { points.removeAll() }
        size = n
        checkpointSize = c
        today = now
        bodies.removeAll(keepingCapacity: true)
        live = PointView(projections: projections, today: now, entries: n, point: .now, said: nil, pageSize: configuration.pageSize)
        if !configuration.defaultPoint.isNow { live = try view(configuration.defaultPoint) }
    }

    /// Whether the answer at `point` is at hand without reading the log again.
    func hasView(_ point: ReadPoint) -> Bool { point.isNow || points[point] != nil }

    /// The projections at `point` (``Projections/read(at:ledger:entries:live:today:bundleCheckpointSize:spelling:projections:)``,
    /// the function the CLI's `--as-of` / `--at` use), kept until the log grows.
    /// - Throws: ``ReadPointError`` when nothing had been recorded or had happened by then.
    func view(_ point: ReadPoint) throws -> PointView {
        if point.isNow { return live }
        if let hit = points[point] { return hit }
        let reading = try Projections.read(at: point, ledger: ledger, today: today, spelling: .query)
        let view = PointView(
            projections: reading.projections, today: reading.judgedOn, entries: try reading.projections.entriesFolded(), point: point,
            said: reading.said, pageSize: configuration.pageSize)
        if points.count >= 8 { points.removeAll() }
        points[point] = view
        return view
    }

    /// The cached answer for `key`, or `make`'s (cached for next time).
    func cached(_ key: String, _ make: () throws -> CachedBody) rethrows -> CachedBody {
        if let hit = bodies[key] { return hit }
        let body = try make()
        if bodies.count > 4096 { bodies.removeAll(keepingCapacity: true) }
        bodies[key] = body
        return body
    }
}

/// The projections at one ``ReadPoint`` and the answers made from them (kept as long as the view).
final class PointView {
    let projections: Projections
    /// The day clocks (overdue, stale) are judged on.
    let today: CivilDate
    /// Entries (events, for an as-of point) the projections hold.
    let entries: Int
    let point: ReadPoint
    /// The point in words (``PointReading/said``); nil for the log as it is now.
    let said: String?
    let pageSize: Int
    var planCache: PlanProgress?
    var youSaidCache: [Int: Paged<YouSaidWeDid>] = [:]
    var decisionCache: [String: DecisionDetail] = [:]
    var registerCache: [DecisionSummary]?
    var equityCache: [EquityTable]?
    var reviewCache: [DecisionReviewDate]?
    var facetCache: [String: [String]] = [:]
    /// Names for codes, read from the names projection at this point (``Namer``).
    lazy var names = Namer(projections: projections)

    init(projections: Projections, today: CivilDate, entries: Int, point: ReadPoint, said: String?, pageSize: Int) {
        self.projections = projections
        self.today = today
        self.entries = entries
        self.point = point
        self.said = said
        self.pageSize = pageSize
    }
}
