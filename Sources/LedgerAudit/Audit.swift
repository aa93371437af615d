public import Foundation
public import LedgerCore
import LedgerDomain
public import LedgerStore

/// Runs an audit: integrity (everything `verify` checks), entitlement (the authorization policy
/// replayed, compromised keys), and the plan's accountability rules as of a date.
public enum Audit {
    /// What to audit.
    public enum Source {
        case ledger(Ledger)
        case bundle(URL)
    }

    /// Audits `source` under `policy` as of `asOf` (`YYYY-MM-DD`, default today); with a
    /// `witnessPolicy`, the newest checkpoint's cosignatures are judged by it as `verify` judges
    /// them (``WitnessPolicy/failure(newestCheckpoint:)``; a failure is an integrity failure).
    /// With `held`, the rules and the recording delays see only the entries it keeps: the entries
    /// the log held at a point (a prefix, `audit --at`); integrity and entitlement are of the whole log.
    /// - Throws: ``AuditError`` when the audit could not run (unreadable input, bad date).
    public static func run(
        _ source: Source, policy: AuditPolicy, policySHA256: String, asOf: String? = nil,
        pinnedLogKey: NoteVerifierKey? = nil, keptCheckpoints: [String] = [], witnessPolicy: WitnessPolicy? = nil,
        held: ((_ index: Int, _ entry: Entry) -> Bool)? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(AuditError) -> AuditReport {
        let asOfText = asOf ?? String(Timestamp.now().prefix(10))
        guard asOfText.count == 10, let asOfDay = Day.number(asOfText) else { throw .badPolicy("--as-of must be a date YYYY-MM-DD, got \(asOfText)") }
        let report: VerificationReport
        var integrityFromWitnesses: [VerificationFailure] = []
        var entries: [(Int, Entry)] = []
        let name: String
        var privateLines: [Int] = []
        // Sizes of the checkpoints the log is held to: kept ones, and its own.
        var promised = keptCheckpoints.compactMap { Self.size(ofCheckpoint: $0) }
        var model = AuditModel(specialCategoryTypes: policy.privacy.specialCategoryTypes)
        var delays = RecordingDelayReport.Accumulator()
        switch source {
        case .ledger(let ledger):
            name = ledger.path
            // One pass: the model and the recording delays are folded from the verifier's own
            // in-order pass over the log, so the log is read and parsed once.
            do {
                report = try ledger.verify(keptCheckpoints: keptCheckpoints, pinnedLogKey: pinnedLogKey, progress: progress, onEntry: { index, entry, decoded in
                    guard held?(index, entry) ?? true else { return }
                    delays.add(entry, at: index)
                    model.observe(entry.event, decoded: decoded, at: index, asOf: asOfDay)
                })
                promised += try ledger.checkpoints().map(\.size)
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
            if let note = FileManager.default.contents(atPath: url.appendingPathComponent("checkpoint").path),
                let size = Self.size(ofCheckpoint: String(decoding: note, as: UTF8.self))
            {
                promised.append(size)
            }
            // A restricted bundle's personal data, by entry index (for rule P-3).
            let privateFile = FileManager.default.contents(atPath: url.appendingPathComponent("private.jsonl").path) ?? Data()
            for line in Bundle.splitLines([UInt8](privateFile)).lines {
                if let index = (try? CanonicalJSON.parse(line))?["index"]?.intValue { privateLines.append(index) }
            }
            for (index, entry) in entries where held?(index, entry) ?? true {
                delays.add(entry, at: index)
                model.observe(entry.event, at: index, asOf: asOfDay)
            }
        }
        if let witnessPolicy, let failure = witnessPolicy.failure(newestCheckpoint: try newestNote(source)) {
            integrityFromWitnesses.append(failure)
        }
        let held = try heldPrivate(source, model: model, entries: entries, privateLines: privateLines)
        var integrity: [VerificationFailure] = integrityFromWitnesses
        var entitlement: [VerificationFailure] = []
        for failure in report.failures {
            if isEntitlement(failure) { entitlement.append(failure) } else { integrity.append(failure) }
        }
        // A checkpoint for more entries than the log holds: the first missing one is where the
        // log stops (the verifier reports the checkpoint, which names no entry).
        if let most = promised.max(), most > report.size, !integrity.contains(where: { $0.check == "missing" }) {
            integrity = VerificationFailure.sorted(integrity + [VerificationFailure(
                index: report.size, check: "missing",
                detail: "a signed checkpoint covers \(most) entries but the log ends after \(report.size): entries \(report.size) to \(most - 1) are gone")])
        }
        entitlement += compromised(model)
        return AuditReport(
            source: name, size: report.size, asOf: Day.text(asOfDay), policy: policy.policy, policySHA256: policySHA256,
            integrity: integrity, entitlement: entitlement,
            rules: Rules(model: model, policy: policy, asOf: asOfDay, heldPrivate: held).all(), notImplemented: Rules.notImplemented,
            recordingDelay: delays.report)
    }

    /// Entries already read, each decoded once (``Catalogue/decode(_:)``; nil when its payload does
    /// not decode), for judging the rules as of many dates without decoding again.
    public struct Entries: Sendable {
        let entries: [(index: Int, entry: Entry, payload: (any EventPayload)?)]

        /// Decodes each entry's payload once.
        public init(_ entries: [(Int, Entry)]) {
            self.entries = entries.map { ($0.0, $0.1, try? Catalogue.decode($0.1.event)) }
        }
    }

    /// The plan's accountability rules alone, as of `asOf`, over entries already read (and
    /// verified by the caller): the same fold and the same rules as ``run(_:policy:policySHA256:asOf:pinnedLogKey:keptCheckpoints:)``
    /// without verifying the log again, so a caller can judge every day of a year from one read.
    /// Rule P-3 (private data still held after erasure) needs the store and is judged as if none were held.
    public static func rules(_ entries: [(Int, Entry)], policy: AuditPolicy, asOf: String) throws(AuditError) -> [RuleResult] {
        try rules(Entries(entries), policy: policy, asOf: asOf)
    }

    /// ``rules(_:policy:asOf:)`` over entries decoded once (``Entries``).
    public static func rules(_ entries: Entries, policy: AuditPolicy, asOf: String) throws(AuditError) -> [RuleResult] {
        guard asOf.count == 10, let asOfDay = Day.number(asOf) else { throw .badPolicy("--as-of must be a date YYYY-MM-DD, got \(asOf)") }
        var model = AuditModel(specialCategoryTypes: policy.privacy.specialCategoryTypes)
        for (index, entry, payload) in entries.entries { model.observe(entry.event, decoded: payload, at: index, asOf: asOfDay) }
        return Rules(model: model, policy: policy, asOf: asOfDay).all()
    }

    /// The newest checkpoint's note with the cosignatures kept for it ("" when there is none).
    static func newestNote(_ source: Source) throws(AuditError) -> String {
        switch source {
        case .ledger(let ledger):
            do {
                return try ledger.latestCheckpoint().flatMap { try ledger.cosignedNote(size: $0.size) } ?? ""
            } catch {
                throw .unreadable("\(error)")
            }
        case .bundle(let url):
            return String(decoding: FileManager.default.contents(atPath: url.appendingPathComponent("checkpoint").path) ?? Data(), as: UTF8.self)
        }
    }

    /// The size a checkpoint note states, if it parses.
    static func size(ofCheckpoint note: String) -> Int? {
        (try? SignedNote(parsing: note)).flatMap { try? Checkpoint(parsing: $0.text) }.map { Int($0.size) }
    }

    /// Whether a verifier failure is about who signed (entitlement) rather than what the log
    /// holds (integrity): an unknown, not-yet-valid or revoked signer, a key event not signed by
    /// an admin, or the authorization policy's refusal.
    static func isEntitlement(_ failure: VerificationFailure) -> Bool {
        switch failure.check {
        case "signer": return true
        case "policy": return failure.detail.hasSuffix("(authorization)") || failure.detail.contains("must be signed by an admin key")
        default: return false
        }
    }

    /// Private objects still held for each erased subject.
    static func heldPrivate(_ source: Source, model: AuditModel, entries: [(Int, Entry)], privateLines: [Int]) throws(AuditError) -> [String: Int] {
        guard !model.erasedSubjects.isEmpty else { return [:] }
        switch source {
        case .ledger(let ledger):
            do {
                return try ledger.privateObjectsHeld(for: model.erasedSubjects.keys.sorted())
            } catch {
                throw .unreadable("\(error)")
            }
        case .bundle:
            var held: [String: Int] = [:]
            let byIndex = Dictionary(entries.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
            for index in privateLines {
                if let subject = byIndex[index]?.event.privatePart?.subject, model.erasedSubjects[subject] != nil { held[subject, default: 0] += 1 }
            }
            return held
        }
    }

    /// Entries signed by a key between the time it was compromised (`effectiveAt` of a revocation
    /// whose reason mentions compromise) and its revocation.
    static func compromised(_ model: AuditModel) -> [VerificationFailure] {
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
