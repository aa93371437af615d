import Foundation
public import LedgerDomain

/// How the staff workspace is set up: which ledger and staff store, its session and sign-in limits.
public struct WorkspaceConfiguration: Sendable {
    /// The ledger file.
    public var ledgerPath: String
    /// The staff key store (default: `staff/` beside the ledger).
    public var staff: StaffStore
    /// The workspace's name in every page's header.
    public var siteName = "Staff workspace"
    /// Seconds a session may stay idle before it ends and its key is wiped (default 15 minutes).
    public var idleTimeout: Double = 15 * 60
    /// The largest request body accepted, in bytes (larger: 413).
    public var maxBodyBytes = 16 * 1024
    /// Sign-in attempts allowed per client address per minute (more: 429).
    public var signInsPerAddressPerMinute = 10
    /// Consecutive failed sign-ins that lock an account.
    public var lockoutFailures = 5
    /// Seconds an account stays locked after ``lockoutFailures`` failures.
    public var lockoutSeconds: Double = 15 * 60
    /// Mark the session cookie `Secure`: set when the workspace is reached over TLS (a
    /// TLS-terminating proxy in front of it), as it must be anywhere but this machine.
    public var secureCookies = false
    /// The public portal's address, for links to an entry and its proof (e.g.
    /// `http://127.0.0.1:8080`); empty: the same host's public portal is not linked.
    public var publicBase = ""
    /// The date clocks are judged on; nil for today (UTC).
    public var now: CivilDate?
    /// The clock in seconds (sessions' idle time, rate limits, lockouts, TOTP steps, form
    /// tokens): the wall clock; a test moves it.
    public var clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }

    /// A configuration for `ledgerPath`, its staff store beside it.
    public init(ledgerPath: String) {
        self.ledgerPath = ledgerPath
        staff = StaffStore(besideLedgerAt: ledgerPath)
    }
}
