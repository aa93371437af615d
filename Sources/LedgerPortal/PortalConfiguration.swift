public import LedgerCore
public import LedgerProjections

/// How a portal is set up: which ledger, which keys, and its limits.
public struct PortalConfiguration: Sendable {
    /// The ledger file.
    public var ledgerPath: String
    /// The site's name in every page's header.
    public var siteName = "Race equality plan: the open record"
    /// The date clocks and overdue flags are judged on; nil for today (UTC), read per request.
    public var now: CivilDate?
    /// The point pages are read at when the request names none (`serve --as-of`); ``ReadPoint/now``
    /// for the log as it is now. A request's `?as-of=` / `?at=` replace it.
    public var defaultPoint = ReadPoint.now
    /// The intake key that signs `feedback.received` from the form; nil turns the form off.
    public var intakeKey: Ed25519SigningKey?
    /// Contribution reference codes.
    public var codes: ContributionCodes
    /// The lawful basis recorded with the form's private text (rule P-1).
    public var lawfulBasis = "LB-ART9-2H"
    /// The largest request body accepted, in bytes (larger: 413).
    public var maxBodyBytes = 16 * 1024
    /// Posts allowed per client IP address per minute (more: 429).
    public var postsPerMinute = 10
    /// The portal's clock in seconds (the rate limit's minute, a form token's age, when the
    /// background audit is due): the wall clock; a test holds it still so that a slow machine
    /// cannot let the minute pass between two posts.
    public var clock: @Sendable () -> Double = { Portal.clock() }
    /// Run the audit in the background at start and after the log grows, at most this often
    /// (seconds); nil never runs it.
    public var auditInterval: Double? = 600
    /// Seconds after start before the first audit (it reads the whole log: at a million entries it
    /// takes minutes and the machine's cores, which the first visitors need more).
    public var firstAuditDelay: Double = 30
    /// The witness policy the "Check the record" page judges the newest checkpoint by (nil: none).
    public var witnessPolicy: WitnessPolicy?
    /// Items per page in long lists.
    public var pageSize = 50

    /// A configuration for `ledgerPath` with codes made under `codes`.
    public init(ledgerPath: String, codes: ContributionCodes) {
        self.ledgerPath = ledgerPath
        self.codes = codes
    }
}
