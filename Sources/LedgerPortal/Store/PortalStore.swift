import Dispatch
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore

/// The ledger, its projections and the portal's caches, owned by one serial queue.
///
/// Every request first reads the log's size (one indexed SQL read). When it changed, the
/// projections and the ``LogIndex`` catch up and every cached answer is dropped; otherwise the
/// answer comes from the cache, which is exact because the log only grows. Work runs on this
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
final class PortalWorker {
    let configuration: PortalConfiguration
    let ledger: Ledger
    let projections: Projections
    var index: LogIndex
    /// Log entries when last refreshed.
    private(set) var size = -1
    /// The newest checkpoint's size when last refreshed (-1: none).
    private(set) var checkpointSize = -1
    /// The date clocks are judged on.
    private(set) var today = CivilDate(dayNumber: 0)
    /// Answers for this size and date, by route and query.
    private var bodies: [String: CachedBody] = [:]
    var planCache: PlanProgress?
    var youSaidCache: [YouSaidItem]?
    var decisionCache: [String: DecisionDetail] = [:]
    var registerCache: [DecisionSummary]?
    var equityCache: [EquityTable]?

    init(configuration: PortalConfiguration) throws {
        self.configuration = configuration
        ledger = try Ledger.open(path: configuration.ledgerPath, policies: [DomainPolicy.standard])
        projections = Projections(ledger: ledger)
        index = LogIndex(codes: configuration.codes)
    }

    /// The ledger's origin (the log's name).
    var origin: String { ledger.origin }

    /// Catches up with the log; drops cached answers when it grew, a checkpoint was signed or
    /// the date changed.
    func refresh() throws {
        let now = configuration.now ?? CivilDate(parsing: Timestamp.now()) ?? today
        let n = try ledger.size()
        let c = try ledger.latestCheckpoint()?.size ?? -1
        guard n != size || c != checkpointSize || now != today else { return }
        try projections.catchUp()
        try index.catchUp(ledger)
        // The plan changes only with action events or the date; the published list only with
        // responses (YouSaidIndex); everything else is cheap to render again.
        if index.takePlanChanged() || now != today { planCache = nil }
        if index.youSaid.takeChanged() { youSaidCache = nil }
        if index.takeMetricsChanged() { equityCache = nil }
        size = n
        checkpointSize = c
        today = now
        bodies.removeAll(keepingCapacity: true)
        decisionCache.removeAll()
        registerCache = nil
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
