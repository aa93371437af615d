public import Foundation
import LedgerCore
public import LedgerStore

extension Provenance {
    /// The provenance of `decision` in `ledger`, from its live projections (caught up first).
    public static func of(decision: String, in ledger: Ledger) throws -> Provenance? {
        try Projections(ledger: ledger).provenance(decision: decision)
    }

    /// Writes an evidence pack: every entry it rests on with a c2sp.org/tlog-proof to the newest
    /// (cosigned) checkpoint, the log key, and a manifest. `Tools/verify_evidence.py` checks it
    /// offline. Each proof comes from the store's Merkle nodes in O(log n).
    /// - Throws: ``LedgerError/noCheckpoint(_:)`` before the first checkpoint.
    public func writeEvidence(to directory: URL, ledger: Ledger) throws(LedgerError) {
        guard let checkpoint = try ledger.latestCheckpoint() else {
            throw .noCheckpoint("no signed checkpoint yet: run `coledger checkpoint` first")
        }
        let note = try ledger.cosignedNote(size: checkpoint.size) ?? checkpoint.note
        let indexes = evidenceIndexes.filter { $0 < checkpoint.size }
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("entries"), withIntermediateDirectories: true)
            let signed = try SignedNote(parsing: note)
            for index in indexes {
                guard let row = try ledger.entry(at: index) else { continue }
                let proof = TlogProof(index: UInt64(index), proof: try ledger.inclusionProof(index: index, size: checkpoint.size), checkpoint: signed)
                try Data(row.entry.bytes).write(to: directory.appendingPathComponent("entries/\(index).json"))
                try Data(proof.serialized.utf8).write(to: directory.appendingPathComponent("entries/\(index).tlog-proof"))
            }
            try Data((ledger.logKey.description + "\n").utf8).write(to: directory.appendingPathComponent("log.vkey"))
            try Data(note.utf8).write(to: directory.appendingPathComponent("checkpoint"))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var manifest = try encoder.encode(EvidenceManifest(
                format: "coledger-evidence/v1", origin: ledger.origin, decision: decision, checkpointSize: checkpoint.size, entries: indexes,
                provenance: self))
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
