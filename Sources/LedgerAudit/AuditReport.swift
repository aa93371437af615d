public import LedgerCore

/// One piece of evidence: the log index that proves a finding, and what it shows.
public struct Finding: Sendable, Codable, Equatable {
    /// The entry index.
    public var index: Int?
    /// What is wrong (or notable) there.
    public var detail: String
}

/// A rule's verdict. A rule that judged nothing says why: nothing was due yet (the plan has not
/// started, or the first deadline has not passed), or there was nothing of its kind in the log.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case pass, fail
    /// Something of the rule's kind is (or will be) required, but no deadline has passed yet.
    case notYetDue = "not_yet_due"
    /// The log holds nothing the rule applies to.
    case nothingToJudge = "nothing_to_judge"

    /// The verdict in words, the same in the text report, the HTML report and the portal:
    /// `pass`, `fail`, `not yet due`, `nothing to judge`.
    public var words: String {
        switch self {
        case .pass: "pass"
        case .fail: "fail"
        case .notYetDue: "not yet due"
        case .nothingToJudge: "nothing to judge"
        }
    }
}

/// One accountability rule as judged.
public struct RuleResult: Sendable, Codable {
    /// The rule id, e.g. `G-4`.
    public var id: String
    /// What it checks.
    public var title: String
    /// The seed sentence it comes from.
    public var seed: String
    /// Its parameters, as used.
    public var parameters: [String: String]
    /// The verdict.
    public var verdict: Verdict
    /// How many items were judged.
    public var checked: Int
    /// Every offending item (for a failure) with its log index.
    public var findings: [Finding]
    /// What the verdict took into account without failing on it (exemptions, items not yet due).
    public var notes: [Finding] = []
    /// The part of the rule the log cannot show, when the verdict covers only part of it.
    public var limitation: String?
}

/// The audit report: integrity, entitlement and accountability, each with the evidence.
public struct AuditReport: Sendable, Codable {
    /// The ledger or bundle audited.
    public var source: String
    /// Entries audited.
    public var size: Int
    /// The date the rules were judged at.
    public var asOf: String
    /// The audit policy name and the SHA-256 of its file.
    public var policy: String
    /// SHA-256 (hex) of the policy file.
    public var policySHA256: String
    /// Integrity: the verifier's failures other than entitlement.
    public var integrity: [VerificationFailure]
    /// Entitlement: signers not entitled to what they signed, and what compromised keys signed.
    public var entitlement: [VerificationFailure]
    /// The accountability rules.
    public var rules: [RuleResult]
    /// Rules the catalogue cannot express yet, with why.
    public var notImplemented: [String: String]
    /// Transparency, not a rule: how long after it happened each entry was recorded.
    public var recordingDelay: RecordingDelayReport? = nil
    /// The point the rules were judged at, in words (`audit --as-of` / `--at`, as the read verbs say it).
    public var point: String? = nil

    /// True when integrity and entitlement hold and no rule fails.
    public var passed: Bool { integrity.isEmpty && entitlement.isEmpty && !rules.contains { $0.verdict == .fail } }
}
