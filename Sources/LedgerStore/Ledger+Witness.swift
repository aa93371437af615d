public import LedgerCore
import Foundation
import GRDB

extension Ledger {
    /// The checkpoint note for `size` with every cosignature attached so far (nil when no checkpoint
    /// was signed at that size).
    public func cosignedNote(size: Int) throws(LedgerError) -> String? {
        guard let checkpoint = try checkpoint(size: size) else { return nil }
        let lines = try read { db in
            try String.fetchAll(db, sql: "SELECT line FROM cosignatures WHERE size = ? ORDER BY line", arguments: [size])
        }
        return Self.attach(lines, to: checkpoint.note)
    }

    static func attach(_ lines: [String], to note: String) -> String {
        lines.isEmpty ? note : note + lines.map { $0 + "\n" }.joined()
    }

    /// Attaches witness cosignatures to the newest checkpoint.
    ///
    /// Each signature in `cosignedNote` (a note whose text is the newest checkpoint) that is a valid
    /// cosignature/v1 by one of `witnesses` is kept; anything else is refused.
    /// - Returns: the number of new cosignatures stored.
    public func attachCosignatures(from cosignedNote: String, witnesses: [NoteVerifierKey]) throws(LedgerError) -> Int {
        guard let latest = try latestCheckpoint() else { throw .noCheckpoint("no signed checkpoint to cosign yet") }
        let note: SignedNote
        let ours: SignedNote
        do {
            note = try SignedNote(parsing: cosignedNote)
            ours = try SignedNote(parsing: latest.note)
        } catch {
            throw .refused("not a signed note: \(error)")
        }
        guard note.text == ours.text else {
            throw .refused("the cosigned note is not the newest checkpoint (size \(latest.size)); ask the witness to cosign that one")
        }
        var lines: [String] = []
        for signature in note.signatures where !ours.signatures.contains(signature) {
            guard let key = witnesses.first(where: { $0.name == signature.name && $0.keyHash == signature.keyHash }) else {
                throw .refused("the signature by \(signature.name) is from no witness key you named with --witness")
            }
            guard Cosignature.verify(signature, checkpointBody: note.text, key: key) != nil else {
                throw .refused("the cosignature by \(signature.name) does not verify over the checkpoint")
            }
            lines.append(signature.line)
        }
        guard !lines.isEmpty else { throw .refused("the note carries no cosignature to attach") }
        return try write { db, _ in
            var added = 0
            for line in lines {
                try db.execute(sql: "INSERT OR IGNORE INTO cosignatures(size, line) VALUES (?, ?)", arguments: [latest.size, line.trimmingCharacters(in: .newlines)])
                added += db.changesCount
            }
            return added
        }
    }
}

/// Counts the witnesses that validly cosigned a checkpoint note.
public enum WitnessQuorum {
    /// The distinct witness keys among `witnesses` with a valid cosignature/v1 on `note`.
    public static func cosigners(of note: String, witnesses: [NoteVerifierKey]) -> [NoteVerifierKey] {
        guard let parsed = try? SignedNote(parsing: note) else { return [] }
        return witnesses.filter { key in
            parsed.signatures.contains { $0.name == key.name && $0.keyHash == key.keyHash && Cosignature.verify($0, checkpointBody: parsed.text, key: key) != nil }
        }
    }
}
