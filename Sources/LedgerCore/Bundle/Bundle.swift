public import Foundation

/// A bundle: a directory handing a log to an evaluator (FORMAT.md section 6).
public enum Bundle {
    /// The manifest's format name.
    public static let format = "coledger-bundle/v1"

    /// Errors that stop a bundle from being read at all (as opposed to verification failures).
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// Splits `entries.jsonl` into lines, checking each ends with exactly one LF.
    /// - Returns: the lines and, if the file is not LF-terminated lines, a failure to record.
    public static func splitLines(_ data: [UInt8]) -> (lines: [[UInt8]], problem: VerificationFailure?) {
        var lines: [[UInt8]] = []
        var start = 0
        var problem: VerificationFailure?
        for i in 0..<data.count where data[i] == 0x0A {
            let line = Array(data[start..<i])
            if line.isEmpty && problem == nil {
                problem = VerificationFailure(index: lines.count, check: "format", detail: "entries.jsonl line \(lines.count + 1) is empty")
            }
            if line.last == 0x0D && problem == nil {
                problem = VerificationFailure(index: lines.count, check: "format", detail: "entries.jsonl line \(lines.count + 1) ends with CR LF; lines end with LF only")
            }
            lines.append(line)
            start = i + 1
        }
        if start < data.count {
            lines.append(Array(data[start...]))
            if problem == nil {
                problem = VerificationFailure(index: lines.count - 1, check: "format", detail: "the last line of entries.jsonl has no final LF")
            }
        }
        return (lines, problem)
    }

    /// Verifies a bundle directory.
    ///
    /// - Parameters:
    ///   - directory: the bundle folder.
    ///   - pinnedLogKey: the log key the caller trusts; when nil, the bundle's own `log.vkey` is
    ///     used and the report says the key was not pinned.
    ///   - keptCheckpoints: signed checkpoint notes the caller kept earlier; the bundle must be
    ///     consistent with each.
    /// - Throws: ``ReadError`` only when the directory or a required file cannot be read.
    ///   - policies: admission policies this verifier knows; a bundle whose manifest names one
    ///     (`"policy": "pcref/v1"`) is replayed under it, and one naming an unknown policy fails.
    ///   - parallelism: threads to use (default: every core).
    public static func verify(
        directory: URL, pinnedLogKey: NoteVerifierKey?, keptCheckpoints: [String] = [],
        policies: [any AdmissionPolicy] = [], parallelism: Int? = nil
    ) throws(ReadError) -> VerificationReport {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw ReadError(description: "\(directory.path): no such bundle directory")
        }
        var files: [String: [UInt8]] = [:]
        for name in fileNames {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ReadError(description: "\(url.path): cannot be read")
            }
            files[name] = [UInt8](data)
        }
        return verify(
            files: files, pinnedLogKey: pinnedLogKey, keptCheckpoints: keptCheckpoints, policies: policies,
            parallelism: parallelism)
    }

    /// The files a bundle may hold; all but `private.jsonl` are required.
    public static let fileNames = ["manifest.json", "log.vkey", "checkpoint", "entries.jsonl", "private.jsonl"]

    /// Verifies a bundle held in memory, by file name (``fileNames``): the checks of
    /// ``verify(directory:pinnedLogKey:keptCheckpoints:policies:parallelism:)`` once the files are
    /// read. A missing required file is a `format` failure.
    public static func verify(
        files: [String: [UInt8]], pinnedLogKey: NoteVerifierKey?, keptCheckpoints: [String] = [],
        policies: [any AdmissionPolicy] = [], parallelism: Int? = nil
    ) -> VerificationReport {
        let verifier = LogVerifier(parallelism: parallelism ?? Parallel.cores)
        var missing: [String] = []
        func read(_ name: String, required: Bool = true) -> [UInt8]? {
            guard let bytes = files[name] else {
                if required {
                    missing.append(name)
                    return []
                }
                return nil
            }
            return bytes
        }
        let manifestBytes = read("manifest.json") ?? []
        let vkeyBytes = read("log.vkey") ?? []
        let checkpointText = String(decoding: read("checkpoint") ?? [], as: UTF8.self)
        let entriesBytes = read("entries.jsonl") ?? []
        for name in missing {
            verifier.record(VerificationFailure(
                index: nil, check: "format", detail: "\(name) is missing (a bundle has manifest.json, entries.jsonl, checkpoint and log.vkey)"))
        }

        // Manifest.
        var origin: String?
        var manifestSize: Int?
        if let manifest = try? CanonicalJSON.parse(manifestBytes), manifest["format"]?.stringValue == format {
            origin = manifest["origin"]?.stringValue
            manifestSize = manifest["size"]?.intValue
            if let name = manifest["policy"]?.stringValue {
                if let policy = policies.first(where: { $0.name == name }) {
                    verifier.policy = policy
                } else {
                    verifier.record(VerificationFailure(
                        index: nil, check: "manifest", detail: "the bundle was kept under policy \(name), which this verifier does not know"))
                }
            }
            if origin == nil || manifestSize == nil {
                verifier.record(VerificationFailure(index: nil, check: "manifest", detail: "manifest.json must name origin and size"))
            }
        } else if !missing.contains("manifest.json") {
            verifier.record(VerificationFailure(index: nil, check: "manifest", detail: "manifest.json is not a \(format) manifest"))
        }
        // Log key.
        let vkeyText = String(decoding: vkeyBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let bundleKey = try? NoteVerifierKey(parsing: vkeyText)
        if bundleKey == nil {
            verifier.record(VerificationFailure(index: nil, check: "logKey", detail: "log.vkey is not a valid verifier key"))
        }
        if let pinned = pinnedLogKey, let bundleKey, pinned != bundleKey {
            verifier.record(VerificationFailure(
                index: nil, check: "logKey", detail: "log.vkey (\(bundleKey)) is not the pinned log key (\(pinned))"))
        }
        let key = pinnedLogKey ?? bundleKey
        // Checkpoint size, to remember the root there.
        let checkpointSize = (try? SignedNote(parsing: checkpointText)).flatMap { try? Checkpoint(parsing: $0.text) }?.size
        var sizes = Set<UInt64>(keptCheckpoints.compactMap {
            (try? SignedNote(parsing: $0)).flatMap { try? Checkpoint(parsing: $0.text) }?.size
        })
        if let checkpointSize { sizes.insert(checkpointSize) }
        verifier.sizesToRecord = sizes
        // Entries.
        let (lines, problem) = splitLines(entriesBytes)
        if let problem { verifier.record(problem) }
        var start = 0
        while start < lines.count {
            let end = min(lines.count, start + 8192)
            verifier.consume(Array(lines[start..<end]))
            start = end
        }
        verifier.finish()
        if let manifestSize, manifestSize != lines.count {
            verifier.record(VerificationFailure(
                index: nil, check: "size", detail: "manifest says \(manifestSize) entries, entries.jsonl has \(lines.count)"))
        }
        if let origin, let genesisOrigin = verifier.registry.origin, origin != genesisOrigin {
            verifier.record(VerificationFailure(index: 0, check: "keyEvent", detail: "genesis origin \(genesisOrigin) differs from the manifest's \(origin)"))
        }
        // When the bundle's log.vkey is already a `logKey` failure, the key in use is known to be
        // wrong: that is the failure to name, not entry 0 (verify_bundle.py does the same).
        let logKeyFailed = bundleKey == nil || (pinnedLogKey != nil && pinnedLogKey != bundleKey)
        if let key, !logKeyFailed, let genesisKey = verifier.registry.logKey, genesisKey != key.description {
            verifier.record(VerificationFailure(index: 0, check: "keyEvent", detail: "genesis logKey \(genesisKey) differs from the log key \(key)"))
        }
        var checked = 0
        if let key {
            if let size = verifier.checkCheckpoint(note: checkpointText, logKey: key, origin: origin, check: "checkpoint") {
                checked += 1
                // (A checkpoint larger than the log is reported by checkCheckpoint.)
                if size < UInt64(lines.count) {
                    verifier.record(VerificationFailure(
                        index: nil, check: "size",
                        detail: "entries.jsonl has \(lines.count) entries but the checkpoint covers only \(size)"))
                }
            }
            for note in keptCheckpoints {
                verifier.checkCheckpoint(note: note, logKey: key, origin: origin, check: "consistency")
                checked += 1
            }
        }
        if let manifest = try? CanonicalJSON.parse(manifestBytes) {
            for failure in manifestContradictions(manifest, checkpoint: checkpointText) { verifier.record(failure) }
        }
        // Private objects.
        if let privateBytes = read("private.jsonl", required: false) {
            checkPrivate(privateBytes, verifier: verifier)
        }
        return VerificationReport(
            size: verifier.size, root: verifier.frontier.root, logKey: key?.description, logKeyPinned: pinnedLogKey != nil,
            checkpointsChecked: checked, failures: verifier.failures)
    }

    /// The manifest's `size` and `root` must be those of the signed checkpoint it travels with:
    /// a manifest that contradicts it is a `manifest` failure (FORMAT.md section 8.1), whether or
    /// not the entries agree with the checkpoint. Nothing is reported when the checkpoint itself
    /// cannot be read (that is the `checkpoint` check's failure).
    static func manifestContradictions(_ manifest: JSONValue, checkpoint note: String) -> [VerificationFailure] {
        guard manifest.objectValue != nil,
            let checkpoint = (try? SignedNote(parsing: note)).flatMap({ try? Checkpoint(parsing: $0.text) })
        else { return [] }
        var failures: [VerificationFailure] = []
        if let size = manifest["size"], size.intValue.map({ UInt64(exactly: $0) != checkpoint.size }) ?? true {
            failures.append(VerificationFailure(
                index: nil, check: "manifest",
                detail: "manifest size \(describe(size)) contradicts the signed checkpoint's size \(checkpoint.size)"))
        }
        if let root = manifest["root"] {
            let signed = Base64.encode(checkpoint.rootHash)
            if root.stringValue != signed {
                failures.append(VerificationFailure(
                    index: nil, check: "manifest",
                    detail: "manifest root \(describe(root)) contradicts the signed checkpoint's root \(signed)"))
            }
        }
        return failures
    }

    private static func describe(_ value: JSONValue) -> String {
        (try? CanonicalJSON.serialize(value, numbers: .anyDouble)).map { String(decoding: $0.prefix(80), as: UTF8.self) } ?? "?"
    }

    static func checkPrivate(_ bytes: [UInt8], verifier: LogVerifier) {
        let (lines, _) = splitLines(bytes)
        var seen = Set<Int>()
        let commitments = verifier.commitments
        let size = verifier.size
        for (n, line) in lines.enumerated() where !line.isEmpty {
            // Exactly {index, salt, private}: a whole index >= 0, 32 bytes of salt, an object (FORMAT.md 8.2).
            guard let object = try? CanonicalJSON.parse(line), object.objectValue?.count == 3,
                let index = object["index"]?.intValue, index >= 0,
                let saltText = object["salt"]?.stringValue, let salt = Base64.decode(saltText), salt.count == 32,
                let privateObject = object["private"], privateObject.objectValue != nil
            else {
                verifier.record(VerificationFailure(
                    index: nil, check: "private", detail: "private.jsonl line \(n + 1) is not {\"index\", \"salt\" (32 bytes), \"private\"}"))
                continue
            }
            // A failure names the entry only when the index is one of the log's entries.
            let named = index < size ? index : nil
            guard seen.insert(index).inserted else {
                verifier.record(VerificationFailure(
                    index: named, check: "private", detail: "private.jsonl line \(n + 1) repeats entry \(index)"))
                continue
            }
            guard let commitment = commitments[index] else {
                verifier.record(VerificationFailure(
                    index: named, check: "private", detail: "private.jsonl line \(n + 1) names an entry with no private commitment"))
                continue
            }
            guard let computed = try? PrivateCommitment.commit(privateObject, salt: salt), computed == commitment.commitment else {
                verifier.record(VerificationFailure(
                    index: index, check: "private", detail: "the private object in private.jsonl line \(n + 1) does not match the entry's commitment"))
                continue
            }
        }
    }
}
