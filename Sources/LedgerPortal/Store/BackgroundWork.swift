import Dispatch
import Foundation
import LedgerAudit
import LedgerCore
import LedgerDomain
import LedgerStore
import Synchronization

/// The audit, run in the background on its own connection: once soon after start (not before
/// `notBefore`, so that it does not compete with the portal's first pages), then again when the
/// log has grown, at most every `interval` seconds. The Verify page shows the last result.
final class AuditService: Sendable {
    private let ledgerPath: String
    private let interval: Double?
    private struct State {
        var result = VerifyStatus.AuditResult(state: "not_started", rules: [])
        var running = false
        var lastStart: Double = -1e18
        var auditedSize = -1
    }
    private let state = Mutex(State())
    private let asOf: @Sendable () -> String
    /// The clock time before which no audit starts.
    let notBefore: Double

    init(ledgerPath: String, interval: Double?, notBefore: Double = 0, asOf: @escaping @Sendable () -> String) {
        self.ledgerPath = ledgerPath
        self.interval = interval
        self.notBefore = notBefore
        self.asOf = asOf
    }

    /// The last result.
    var result: VerifyStatus.AuditResult { state.withLock { $0.result } }

    /// Starts an audit when none is running, the log grew since the last one and the interval passed.
    func startIfDue(size: Int, now: Double) {
        guard let interval else { return }
        let start: Bool = state.withLock { s in
            guard now >= notBefore, !s.running, size != s.auditedSize,
                now - s.lastStart >= interval || s.auditedSize < 0
            else {
                return false
            }
            s.running = true
            s.lastStart = now
            if s.result.state == "not_started" { s.result.state = "running" }
            return true
        }
        guard start else { return }
        let path = ledgerPath
        let day = asOf()
        let thread = Thread { [self] in
            let outcome = Self.run(ledgerPath: path, asOf: day)
            state.withLock { s in
                s.running = false
                s.result = outcome.result
                if outcome.result.state == "done" { s.auditedSize = outcome.size }
            }
        }
        thread.qualityOfService = .background
        thread.start()
    }

    /// The recording delay for the page: overall, then the three slowest event types and signers.
    static func delayLines(_ delay: RecordingDelayReport) -> [String] {
        let slowest = { (groups: [RecordingDelayReport.Summary]) in groups.sorted { ($0.p90Seconds, $0.key) > ($1.p90Seconds, $1.key) }.prefix(3) }
        return (delay.overall.map { ["All entries — " + RecordingDelayReport.line($0)] } ?? [])
            + slowest(delay.byType).map { "Event type " + RecordingDelayReport.line($0) }
            + slowest(delay.bySigner).map { "Signer " + RecordingDelayReport.line($0) }
    }

    static func run(ledgerPath: String, asOf: String) -> (result: VerifyStatus.AuditResult, size: Int) {
        do {
            let ledger = try Ledger.open(path: ledgerPath, policies: [DomainPolicy.standard])
            let (policy, sha) = try AuditPolicy.standard()
            let report = try Audit.run(.ledger(ledger), policy: policy, policySHA256: sha, asOf: asOf)
            let rules = report.rules.map { r in
                VerifyStatus.Rule(
                    id: r.id, title: r.title, verdict: r.verdict.rawValue, checked: r.checked,
                    findings: r.findings.prefix(20).map { f in (f.index.map { "entry \($0): " } ?? "") + f.detail })
            }
            return (
                VerifyStatus.AuditResult(
                    state: "done", asOf: report.asOf, entries: report.size, passed: report.passed,
                    integrityFailures: report.integrity.count, entitlementFailures: report.entitlement.count,
                    rules: rules, recordingDelay: report.recordingDelay.map(Self.delayLines),
                    finishedAt: Timestamp.now()),
                report.size
            )
        } catch {
            return (
                VerifyStatus.AuditResult(state: "failed", rules: [], finishedAt: Timestamp.now(), error: "\(error)"), -1
            )
        }
    }
}
