import LedgerCore
public import Foundation

/// What an export wrote.
public struct ExportResult: Sendable, Codable {
    /// The bundle directory.
    public var directory: String
    /// Entries exported (the checkpoint's size).
    public var size: Int
    /// Entries in the log that are newer than the checkpoint and were left out.
    public var notYetCheckpointed: Int
}

extension Ledger {
    /// Writes a bundle (FORMAT.md section 6) of the log up to its newest signed checkpoint.
    /// - Throws: ``LedgerError/noCheckpoint(_:)`` when nothing was checkpointed yet.
    ///
    /// - Parameter includePrivate: also write `private.jsonl` with every personal-data object
    ///   still held (a *restricted* bundle: share it only with those entitled to the data).
    public func export(to directory: URL, includePrivate: Bool = false) throws(LedgerError) -> ExportResult {
        guard let checkpoint = try latestCheckpoint() else {
            throw .noCheckpoint("no signed checkpoint yet: run `coledger checkpoint` first, then export")
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: directory.path) {
            let contents = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
            guard contents.isEmpty else {
                throw .refused("\(directory.path) exists and is not empty; choose a new --out directory")
            }
        }
        let createdDirectory = !fm.fileExists(atPath: directory.path)
        // A failed export (a full disk, an I/O error) leaves no half-written bundle behind.
        func removePartialBundle() {
            if createdDirectory {
                try? fm.removeItem(at: directory)
            } else {
                for name in ["entries.jsonl", "manifest.json", "checkpoint", "log.vkey", "private.jsonl"] {
                    try? fm.removeItem(at: directory.appendingPathComponent(name))
                }
            }
        }
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            let entriesURL = directory.appendingPathComponent("entries.jsonl")
            guard fm.createFile(atPath: entriesURL.path, contents: nil) else {
                throw LedgerError.storage("cannot create \(entriesURL.path)")
            }
            let handle = try FileHandle(forWritingTo: entriesURL)
            defer { try? handle.close() }
            try forEachRawChunk(upTo: checkpoint.size) { rows in
                var out = Data()
                for row in rows {
                    out.append(contentsOf: row.bytes)
                    out.append(0x0A)
                }
                try handle.write(contentsOf: out)
            }
            let manifest: JSONValue = .object([
                "format": .string(Bundle.format), "origin": .string(origin), "size": .number(Double(checkpoint.size)),
                "root": .string(Base64.encode(checkpoint.root)), "logKey": .string(logKey.description),
                "exportedAt": .string(Timestamp.now()),
            ].merging(policyName.map { ["policy": .string($0)] } ?? [:]) { a, _ in a })
            try Data(CanonicalJSON.serialize(manifest)).write(to: directory.appendingPathComponent("manifest.json"))
            let note = try cosignedNote(size: checkpoint.size) ?? checkpoint.note
            try Data(note.utf8).write(to: directory.appendingPathComponent("checkpoint"))
            try Data((logKey.description + "\n").utf8).write(to: directory.appendingPathComponent("log.vkey"))
            if includePrivate {
                var lines = Data()
                for (index, record) in try privateRecords(below: checkpoint.size) {
                    guard case .available(_, let salt, let data) = record else { continue }
                    let line: JSONValue = .object(["index": .number(Double(index)), "salt": .string(Base64.encode(salt)), "private": data])
                    lines.append(contentsOf: try CanonicalJSON.serialize(line))
                    lines.append(0x0A)
                }
                // Personal data: created 0600, never world-readable, whatever the umask.
                try PrivateFile.write(lines, to: directory.appendingPathComponent("private.jsonl").path)
            }
        } catch let error as LedgerError {
            removePartialBundle()
            throw error
        } catch {
            removePartialBundle()
            throw .storage("cannot write the bundle to \(directory.path): \(error)")
        }
        return ExportResult(directory: directory.path, size: checkpoint.size, notYetCheckpointed: try size() - checkpoint.size)
    }
}
