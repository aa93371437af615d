import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Reads a tiled log's files from a directory or over HTTP(S).
struct TileFetcher {
    let source: String

    var isHTTP: Bool { source.hasPrefix("http://") || source.hasPrefix("https://") }

    /// The bytes at `path` under the source.
    /// - Throws: ``CLIError`` naming the path when it is missing or cannot be read.
    func get(_ path: String) throws -> [UInt8] {
        if !isHTTP {
            let file = URL(fileURLWithPath: source).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw CLIError("\(file.path) is missing or unreadable")
            }
            return Array(data)
        }
        let base = source.hasSuffix("/") ? source : source + "/"
        guard let url = URL(string: base + path) else { throw CLIError("\(base + path) is not a URL") }
        final class Box: @unchecked Sendable {
            var result: Result<(Int, Data), any Error> = .failure(CLIError("no answer"))
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.setValue("coledger-mirror", forHTTPHeaderField: "user-agent")
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(error)
            } else {
                box.result = .success(((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
            }
            done.signal()
        }.resume()
        done.wait()
        switch box.result {
        case .failure(let error): throw CLIError("GET \(url.absoluteString): \(error.localizedDescription)")
        case .success(let (status, data)):
            guard status == 200 else { throw CLIError("GET \(url.absoluteString): HTTP \(status)") }
            return Array(data)
        }
    }
}

/// `coledger mirror SOURCE --log-key VKEY`: a verified copy of a log from its tiles.
struct Mirror: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a log from its c2sp.org/tlog-tiles (a URL or a directory), verifying everything as it goes.",
        discussion: HelpText.reflow("""
            The copy is a full Coledger ledger (--into, default $COLEDGER_LEDGER or ./coledger.db): every read
            verb, `audit`, `verify`, `serve` and `export` work on it, and its export holds the same entries and
            checkpoint bytes as the source's. Each entry is checked by the code `coledger verify` uses (canonical
            bytes, event format, stream versions, the signer's key at that position, the signature, the
            admission policy), and each bundle against the hash tiles, and the tiles against the checkpoint
            signed by the pinned log key. Run it again to follow the log: it copies only the new entries
            and first checks that the new checkpoint extends the last one it kept. It resumes after an
            interruption from the entries it holds.

            A log that rewound (a checkpoint smaller than one kept) or forked (a different tree at a size
            already kept) is refused with exit status 3, and both checkpoints are saved to the evidence file
            (--evidence, default: the copy's path + .evidence.json), which anyone can check with the log key.
            """))
    @OptionGroup var options: LedgerOptions
    @Argument(help: "The log's tiles: an http(s):// URL (its `checkpoint` and `tile/` are under it) or a directory.")
    var source: String
    @Option(
        name: .customLong("log-key"),
        help: ArgumentHelp("The log's verifier key (vkey), or a file holding it.", valueName: "vkey"))
    var logKey: String
    @Option(
        help: ArgumentHelp(
            "The copy's ledger file (default: --ledger, $COLEDGER_LEDGER or ./coledger.db).", valueName: "file"))
    var into: String?
    @Option(help: ArgumentHelp("pcref (default) or none: the admission policy the source enforces.", valueName: "name"))
    var catalogue = "pcref"
    @Option(help: ArgumentHelp("Where to save the evidence of a rewind or fork.", valueName: "file"))
    var evidence: String?
    @Flag(help: "Print the result as JSON.") var json = false

    struct Summary: Encodable {
        var origin: String
        var previousSize: Int
        var size: Int
        var copied: Int
        var seconds: Double
        var entriesPerSecond: Double
    }

    func run() throws {
        try reporting {
            let key = try Verify.readVkey(logKey, code: 1)
            let path = into ?? options.path
            let summary: Summary
            do {
                (summary, _) = try Self.follow(
                    source: source, key: key, path: path, catalogue: catalogue,
                    evidence: evidence ?? path + ".evidence.json")
            } catch let refusal as MirrorRefusal {
                throw CLIError(
                    "refusing \(source): \(refusal.reason); both checkpoints saved to \(refusal.evidencePath)", code: 3)
            }
            if json {
                Output.printJSON(summary)
            } else {
                print(
                    "Mirrored \(key.name) into \(path): \(summary.copied) new entries (now \(summary.size)), checked and kept checkpoint \(summary.size), in \(String(format: "%.2f", summary.seconds)) s."
                )
            }
        }
    }

    /// Copies what `source` holds beyond what `path` holds, verifying it; keeps the source's checkpoint.
    /// - Throws: ``MirrorRefusal`` (evidence saved to `evidence`) for a rewind or fork; ``CLIError``
    ///   for anything else (unreachable source, bad signature, an entry that fails its checks).
    /// - Returns: the summary and the checkpoint note received (with any cosignatures).
    static func follow(source: String, key: NoteVerifierKey, path: String, catalogue: String, evidence: String) throws
        -> (Summary, String)
    {
        let fetch = TileFetcher(source: source)
        let start = Date()
        let text = String(decoding: try fetch.get("checkpoint"), as: UTF8.self)
        let received: Checkpoint
        do {
            let note = try SignedNote(parsing: text)
            guard !(try note.verify(trusting: [key])).isEmpty else {
                throw CLIError("the source's checkpoint is not signed by \(key.name)'s key \(key)")
            }
            received = try note.checkpoint()
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("the source's checkpoint is not a signed note: \(error)")
        }
        guard received.origin == key.name else {
            throw CLIError("the source's checkpoint is for \(received.origin), not \(key.name)")
        }
        let ledger: Ledger
        if FileManager.default.fileExists(atPath: path) {
            ledger = try Ledger.open(path: path, policies: Catalogues.policies)
            guard ledger.logKey == key else {
                throw CLIError(
                    "\(path) is a copy of \(ledger.origin) (log key \(ledger.logKey)), not of \(key.name)")
            }
        } else {
            ledger = try Ledger.createMirror(
                path: path, logKey: key, policy: try Catalogues.policy(named: catalogue))
        }
        let held = try ledger.size()
        let kept = try ledger.latestCheckpoint()
        let size = received.size
        let tiles = TileNodeSource(size: size) { tile in try fetch.get(tile.path) }
        let reader = MerkleTreeReader(source: tiles)
        func refuse(_ reason: String) throws -> Never {
            let file = evidence
            let record: JSONValue = .object([
                "origin": .string(key.name), "logKey": .string(key.description), "source": .string(source),
                "reason": .string(reason), "kept": .string(kept?.note ?? ""), "received": .string(text),
                "observedAt": .string(Timestamp.now()),
            ])
            try Data(try CanonicalJSON.serialize(record) + [0x0A]).write(to: URL(fileURLWithPath: file))
            throw MirrorRefusal(reason: reason, evidencePath: file, kept: kept?.note ?? "", received: text)
        }
        if let kept {
            if UInt64(kept.size) > size {
                try refuse(
                    "the log rewound: it now shows size \(size), but a checkpoint at size \(kept.size) was kept")
            }
            let root: [UInt8]
            do {
                root = try reader.root(size: UInt64(kept.size))
            } catch {
                throw CLIError("cannot read the source's tiles: \(error)")
            }
            if root != kept.root {
                try refuse(
                    "the log forked: its tree at size \(kept.size) differs from the checkpoint kept at that size")
            }
        }
        guard UInt64(held) <= size else {
            try refuse("the log shows size \(size) but \(held) of its entries were already copied")
        }
        do {
            guard try reader.root(size: size) == received.rootHash else {
                throw CLIError("the source's tiles do not match its signed checkpoint at size \(size)")
            }
            if held > 0, try reader.root(size: UInt64(held)) != ledger.root(size: held) {
                try refuse("the log forked: its first \(held) entries differ from those already copied")
            }
        } catch let error as CLIError {
            throw error
        } catch let refusal as MirrorRefusal {
            throw refusal
        } catch {
            throw CLIError("cannot read the source's tiles: \(error)")
        }
        // Entries are checked by the pipeline `verify` uses and stored chunk by chunk, while the
        // next bundles are fetched.
        let copy = try ledger.copier()
        var position = UInt64(held)
        var batch: [[UInt8]] = []
        func flush() {
            copy.add(batch)
            batch.removeAll(keepingCapacity: true)
        }
        while position < size, !copy.failed {
            let index = position / UInt64(TlogTiles.fullWidth)
            guard let tile = TlogTiles.tile(level: 0, index: index, size: size) else { break }
            let entries: [[UInt8]]
            let hashes: [[UInt8]]
            do {
                entries = try TlogTiles.entries(ofBundle: try fetch.get(tile.entriesPath), count: tile.width)
                hashes = try tiles.hashes(level: 0, index: index)
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("\(tile.entriesPath): \(error)")
            }
            let skip = Int(position - index * UInt64(TlogTiles.fullWidth))
            for i in skip..<entries.count {
                guard RFC6962.leafHash(entries[i]) == hashes[i] else {
                    throw CLIError(
                        "entry \(index * 256 + UInt64(i)) in \(tile.entriesPath) does not match the tiles of the signed checkpoint"
                    )
                }
                batch.append(entries[i])
            }
            position = index * UInt64(TlogTiles.fullWidth) + UInt64(tile.width)
            if batch.count >= 4096 { flush() }
        }
        flush()
        try copy.finish()
        try ledger.keepCheckpoint(note: text)
        let seconds = Date().timeIntervalSince(start)
        let summary = Summary(
            origin: key.name, previousSize: held, size: Int(size), copied: Int(size) - held, seconds: seconds,
            entriesPerSecond: seconds > 0 ? Double(Int(size) - held) / seconds : 0)
        return (summary, text)
    }
}

/// A mirror's refusal of a log that rewound or forked; the evidence is saved at ``evidencePath``.
struct MirrorRefusal: Error {
    var reason: String
    var evidencePath: String
    /// The checkpoint note kept before, and the one received.
    var kept: String
    var received: String
}
