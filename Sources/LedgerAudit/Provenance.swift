public import Foundation
import LedgerCore
public import LedgerStore

/// A decision's provenance: who proposed it, the meeting and who was present by category, what
/// it cited, what it created or changed — each as log entries that a proof ties to a checkpoint.
public struct Provenance: Sendable, Codable {
    /// One entry cited as evidence.
    public struct Item: Sendable, Codable {
        /// Its log index.
        public var index: Int
        /// Its event type.
        public var type: String
        /// The signing key id.
        public var signer: String
        /// The signer's holder (pseudonym), as registered.
        public var holder: String?
        /// When it happened (the author's claim).
        public var occurredAt: String
        /// A one-line description.
        public var summary: String
    }

    /// The decision id.
    public var decision: String
    /// Its title.
    public var title: String?
    /// The body it was proposed to.
    public var body: String?
    /// Who proposed it (pseudonym).
    public var proposer: String?
    /// The proposal and the record(s), in log order.
    public var decisionEntries: [Item]
    /// The meeting it was recorded at.
    public var meeting: Item?
    /// Attendance by category (from the meeting's attendance, not from what the recorder claimed).
    public var presentByCategory: [String: Int]
    /// People who recused themselves from it.
    public var recused: [String]
    /// Feedback and contributions it cited, with their entries (missing ones listed by id).
    public var cited: [Item]
    /// Cited ids with no entry in the log.
    public var citedMissing: [String]
    /// Actions it created and what became of them.
    public var actions: [Item]
    /// The checkpoint size the proofs lead to.
    public var checkpointSize: Int?
    /// Where each key was registered (genesis admins at 0), found during the scan so the evidence
    /// pack needs no second pass over the log.
    var registrations: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case decision, title, body, proposer, decisionEntries, meeting, presentByCategory, recused, cited, citedMissing, actions
        case checkpointSize
    }

    /// Scans the log for `decision`.
    public static func of(decision: String, in ledger: Ledger) throws(LedgerError) -> Provenance? {
        var entries: [(Int, Entry)] = []
        try ledger.forEachEntryChunk { entries += $0 }
        var holders: [String: String] = [:]
        var registrations: [String: Int] = [:]
        for (i, e) in entries where e.event.type == "key.registered" || e.event.type == "ledger.genesis" {
            if let id = e.event.payload["keyId"]?.stringValue {
                holders[id] = e.event.payload["holder"]?.stringValue
                registrations[id] = i
            }
            for admin in e.event.payload["admins"]?.arrayValue ?? [] {
                if let id = admin["keyId"]?.stringValue { registrations[id] = i }
            }
        }
        func item(_ index: Int, _ e: Entry, _ summary: String) -> Item {
            Item(index: index, type: e.event.type, signer: e.event.signer, holder: holders[e.event.signer], occurredAt: e.event.occurredAt, summary: summary)
        }
        var p = Provenance(
            decision: decision, title: nil, body: nil, proposer: nil, decisionEntries: [], meeting: nil, presentByCategory: [:],
            recused: [], cited: [], citedMissing: [], actions: [], checkpointSize: try ledger.latestCheckpoint()?.size,
            registrations: registrations)
        var inputs: [(kind: String, id: String)] = []
        var meetingID: String?
        for (i, e) in entries where e.event.payload["decisionId"]?.stringValue == decision && e.event.type.hasPrefix("decision.") {
            let payload = e.event.payload
            switch e.event.type {
            case "decision.proposed":
                p.title = payload["title"]?.stringValue
                p.body = payload["bodyId"]?.stringValue
                p.proposer = payload["proposer"]?.stringValue
                inputs = (payload["inputs"]?.arrayValue ?? []).compactMap { x in
                    guard let kind = x["kind"]?.stringValue, let id = x["id"]?.stringValue else { return nil }
                    return (kind, id)
                }
                p.decisionEntries.append(item(i, e, "proposed to \(p.body ?? "?"): \(p.title ?? "")"))
            case "decision.recorded":
                meetingID = payload["meetingId"]?.stringValue
                p.decisionEntries.append(item(i, e, "\(payload["outcome"]?.stringValue ?? "?") by \(payload["method"]?.stringValue ?? "?") at meeting \(meetingID ?? "?")"))
            default:
                p.decisionEntries.append(item(i, e, e.event.type))
            }
        }
        guard !p.decisionEntries.isEmpty else { return nil }
        for (i, e) in entries {
            let payload = e.event.payload
            if e.event.type == "meeting.held", let m = meetingID, payload["meetingId"]?.stringValue == m {
                var counts: [String: Int] = [:]
                let recused = Set((payload["declarationsMade"]?.arrayValue ?? []).compactMap { d -> String? in
                    d["action"]?.stringValue == "recused" && d["itemRef"]?.stringValue == decision ? d["personId"]?.stringValue : nil
                })
                for a in payload["attendees"]?.arrayValue ?? [] {
                    guard let person = a["personId"]?.stringValue, !recused.contains(person) else { continue }
                    counts[a["category"]?.stringValue ?? "unknown", default: 0] += 1
                }
                p.presentByCategory = counts
                p.recused = recused.sorted()
                p.meeting = item(i, e, "meeting \(m) of \(payload["bodyId"]?.stringValue ?? "?"): \(counts.values.reduce(0, +)) present")
            }
            for input in inputs {
                let key = input.kind == "feedback" ? "feedbackId" : input.kind == "contribution" ? "contributionId" : "\(input.kind)Id"
                if e.event.type == "\(input.kind).received" || e.event.type == "\(input.kind).recorded",
                    payload[key]?.stringValue == input.id
                {
                    p.cited.append(item(i, e, "\(input.kind) \(input.id)"))
                }
            }
            if e.event.type == "action.created", payload["sourceDecisionId"]?.stringValue == decision, let code = payload["actionCode"]?.stringValue {
                p.actions.append(item(i, e, "created action \(code)"))
            }
            if e.event.type == "action.status_changed", let id = payload["actionId"]?.stringValue,
                p.actions.contains(where: { $0.summary == "created action \(id)" || $0.summary.hasSuffix(" \(id)") })
            {
                p.actions.append(item(i, e, "action \(id) → \(payload["status"]?.stringValue ?? "?")\(payload["progressPct"]?.intValue.map { " (\($0)%)" } ?? "")"))
            }
        }
        let found = Set(p.cited.map(\.summary))
        p.citedMissing = inputs.filter { !found.contains("\($0.kind) \($0.id)") }.map { "\($0.kind) \($0.id)" }
        return p
    }

    /// Every entry index this provenance rests on, with the key registrations of their signers.
    public func indexes(in ledger: Ledger) throws(LedgerError) -> [Int] {
        var set = Set(decisionEntries.map(\.index) + cited.map(\.index) + actions.map(\.index) + (meeting.map { [$0.index] } ?? []))
        set.insert(0)  // the genesis names the log key and the first admins
        for index in set {
            if let signer = try ledger.entry(at: index)?.entry.event.signer, let registered = registrations[signer] {
                set.insert(registered)
            }
        }
        return set.sorted()
    }

    /// Writes an evidence pack: every entry it rests on with a c2sp.org/tlog-proof to the newest
    /// (cosigned) checkpoint, the log key, and a manifest. `Tools/verify_evidence.py` checks it offline.
    public func writeEvidence(to directory: URL, ledger: Ledger) throws(LedgerError) {
        guard let checkpoint = try ledger.latestCheckpoint() else {
            throw .noCheckpoint("no signed checkpoint yet: run `coledger checkpoint` first")
        }
        let note = try ledger.cosignedNote(size: checkpoint.size) ?? checkpoint.note
        let indexes = try indexes(in: ledger).filter { $0 < checkpoint.size }
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("entries"), withIntermediateDirectories: true)
            for index in indexes {
                guard let row = try ledger.entry(at: index) else { continue }
                let proof = TlogProof(
                    index: UInt64(index), proof: try ledger.inclusionProof(index: index, size: checkpoint.size), checkpoint: try SignedNote(parsing: note))
                try Data(row.entry.bytes).write(to: directory.appendingPathComponent("entries/\(index).json"))
                try Data(proof.serialized.utf8).write(to: directory.appendingPathComponent("entries/\(index).tlog-proof"))
            }
            try Data((ledger.logKey.description + "\n").utf8).write(to: directory.appendingPathComponent("log.vkey"))
            try Data(note.utf8).write(to: directory.appendingPathComponent("checkpoint"))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var manifest = try encoder.encode(EvidenceManifest(format: "coledger-evidence/v1", origin: ledger.origin, decision: decision, checkpointSize: checkpoint.size, entries: indexes, provenance: self))
            manifest.append(0x0A)
            try manifest.write(to: directory.appendingPathComponent("evidence.json"))
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .storage("cannot write the evidence pack to \(directory.path): \(error)")
        }
    }
}

/// The manifest of an evidence pack.
struct EvidenceManifest: Codable {
    var format: String
    var origin: String
    var decision: String
    var checkpointSize: Int
    var entries: [Int]
    var provenance: Provenance
}
