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
    var planCache: PlanProgress?
    var youSaidCache: [Int: Paged<YouSaidWeDid>] = [:]
    var decisionCache: [String: DecisionDetail] = [:]
    var registerCache: [DecisionSummary]?
    var equityCache: [EquityTable]?
    /// Contribution id by its code, for the contributions up to log index ``codedThrough``.
    var contributionByCode: [String: String] = [:]
    var codedThrough = -1

    init(configuration: PortalConfiguration) throws {
        self.configuration = configuration
        ledger = try Ledger.open(path: configuration.ledgerPath, policies: [DomainPolicy.standard])
        projections = Projections(ledger: ledger)
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
        if n != size || now != today {
            planCache = nil
            youSaidCache.removeAll()
            equityCache = nil
        }
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
