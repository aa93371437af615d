public import Foundation
public import LedgerCore
public import LedgerStore
import LedgerDomain

/// Runs an audit: integrity (everything `verify` checks), entitlement (the authorization policy
/// replayed, compromised keys), and the plan's accountability rules as of a date.
public enum Audit {
    /// What to audit.
    public enum Source {
        case ledger(Ledger)
        case bundle(URL)
    }

    /// Audits `source` under `policy` as of `asOf` (`YYYY-MM-DD`, default today).
    /// - Throws: ``AuditError`` when the audit could not run (unreadable input, bad date).
    public static func run(
        _ source: Source, policy: AuditPolicy, policySHA256: String, asOf: String? = nil,
        pinnedLogKey: NoteVerifierKey? = nil, keptCheckpoints: [String] = []
    ) throws(AuditError) -> AuditReport {
        let today = String(Timestamp.now().prefix(10))
        guard let asOfDay = Day.number(asOf ?? today) else { throw .badPolicy("--as-of must be a date YYYY-MM-DD") }
        let report: VerificationReport
        var entries: [(Int, Entry)] = []
        let name: String
        switch source {
        case .ledger(let ledger):
            name = ledger.path
            do {
                report = try ledger.verify(keptCheckpoints: keptCheckpoints, pinnedLogKey: pinnedLogKey)
                try ledger.forEachEntryChunk { chunk in entries += chunk.map { ($0.index, $0.entry) } }
            } catch {
                throw .unreadable("\(error)")
            }
        case .bundle(let url):
            name = url.path
            do {
                report = try Bundle.verify(directory: url, pinnedLogKey: pinnedLogKey, keptCheckpoints: keptCheckpoints, policies: [DomainPolicy.standard])
            } catch {
                throw .unreadable(error.description)
            }
            let lines = Bundle.splitLines([UInt8](FileManager.default.contents(atPath: url.appendingPathComponent("entries.jsonl").path) ?? Data())).lines
            for (i, line) in lines.enumerated() {
                if let entry = try? Entry(bytes: line) { entries.append((i, entry)) }
            }
        }
        var model = AuditModel()
        for (index, entry) in entries where (Day.number(entry.event.occurredAt) ?? 0) <= asOfDay {
            model.observe(entry.event, at: index)
        }
        let entitlementChecks: Set<String> = ["policy", "signer"]
        var entitlement = report.failures.filter { entitlementChecks.contains($0.check) }
        entitlement += compromised(model, entries: entries)
        return AuditReport(
            source: name, size: report.size, asOf: Day.text(asOfDay), policy: policy.policy, policySHA256: policySHA256,
            integrity: report.failures.filter { !entitlementChecks.contains($0.check) }, entitlement: entitlement,
            rules: Rules(model: model, policy: policy, asOf: asOfDay).all(), notImplemented: Rules.notImplemented)
    }

    /// Entries signed by a key between the time it was compromised (`effectiveAt` of a revocation
    /// whose reason mentions compromise) and its revocation.
    static func compromised(_ model: AuditModel, entries: [(Int, Entry)]) -> [VerificationFailure] {
        var out: [VerificationFailure] = []
        for (key, revocation) in model.revokedKeys.sorted(by: { $0.value.index < $1.value.index })
        where revocation.reason.lowercased().contains("compromis") {
            let since = revocation.effective ?? Int.min
            for signed in model.signedBy[key] ?? [] where signed.index < revocation.index && signed.day >= since {
                out.append(VerificationFailure(
                    index: signed.index, check: "compromised",
                    detail: "signed by key \(key), revoked at entry \(revocation.index) as compromised\(revocation.effective.map { " from \(Day.text($0))" } ?? "")"))
            }
        }
        return out
    }
}
