import Foundation
import Testing

@testable import LedgerCore

/// The fuzz harnesses' seed corpora (Tests/Fuzz/<harness>/corpus), replayed in the normal suite
/// through the same round-trip properties the harnesses check under libFuzzer. An input a fuzz
/// run finds failing is added to its harness's corpus, so it is re-checked here on every
/// `swift test`, without the sanitizer build.
@Suite("Fuzz corpora replayed")
struct FuzzRegressionTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func corpus(_ harness: String) throws -> [[UInt8]] {
        let dir = fuzz.appendingPathComponent(harness).appendingPathComponent("corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return try names.map { [UInt8](try Data(contentsOf: dir.appendingPathComponent($0))) }
    }

    @Test func canonicalJSONCorpus() throws {
        let inputs = try Self.corpus("canonical-json")
        #expect(inputs.count >= 20)
        var accepted = 0
        for input in inputs {
            guard let value = try? CanonicalJSON.parse(input) else { continue }
            accepted += 1
            #expect(try CanonicalJSON.parse(input, numbers: .anyDouble) == value)
            let out = try CanonicalJSON.serialize(value)
            #expect(try CanonicalJSON.parse(out) == value)
            #expect(try CanonicalJSON.canonicalize(out) == out)
            #expect(CanonicalJSON.isCanonical(input) == (out == input))
        }
        #expect(accepted > 0)
    }

    @Test func entryAndEventCorpora() throws {
        var accepted = 0
        for input in try Self.corpus("entry") {
            guard let entry = try? Entry(bytes: input) else { continue }
            accepted += 1
            #expect(entry.bytes == input)
            #expect(
                try Entry(event: entry.event, recordedAt: entry.recordedAt, signature: entry.signature).bytes == input)
            #expect(try Event(json: entry.event.json) == entry.event)
        }
        for input in try Self.corpus("event") {
            guard let json = try? CanonicalJSON.parse(input), let event = try? Event(json: json) else { continue }
            #expect(try Event(json: CanonicalJSON.parse(event.canonicalBytes())) == event)
        }
        #expect(accepted > 0)
    }

    @Test func noteCheckpointProofAndRequestCorpora() throws {
        var accepted = 0
        for input in try Self.corpus("signed-note") {
            guard let note = try? SignedNote(parsing: input) else { continue }
            accepted += 1
            let again = try SignedNote(parsing: note.serialized)
            #expect(again == note)
            #expect(again.serialized == note.serialized)
        }
        for input in try Self.corpus("checkpoint") {
            guard let text = String(validating: input, as: UTF8.self), let checkpoint = try? Checkpoint(parsing: text)
            else { continue }
            #expect(checkpoint.body == text)
        }
        for input in try Self.corpus("tlog-proof") {
            guard let text = String(validating: input, as: UTF8.self), let proof = try? TlogProof(parsing: text) else {
                continue
            }
            #expect(try TlogProof(parsing: proof.serialized) == proof)
        }
        for input in try Self.corpus("witness-request") {
            guard let text = String(validating: input, as: UTF8.self),
                let request = try? AddCheckpointRequest(parsing: text)
            else {
                continue
            }
            #expect(try AddCheckpointRequest(parsing: request.serialized) == request)
        }
        #expect(accepted > 0)
    }

    /// Bundle corpus inputs are the bundle files joined by NUL bytes; the golden `valid` bundle is among them.
    @Test func bundleCorpus() throws {
        let pinned = try NoteVerifierKey(
            parsing: "example.org/coledger-golden+a6b28d6c+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c")
        let names = ["manifest.json", "entries.jsonl", "checkpoint", "log.vkey", "private.jsonl"]
        var valid = 0
        for input in try Self.corpus("bundle") {
            let parts = input.split(separator: 0, maxSplits: names.count - 1, omittingEmptySubsequences: false)
            var files: [String: [UInt8]] = [:]
            for (name, part) in zip(names, parts) { files[name] = Array(part) }
            let report = Bundle.verify(files: files, pinnedLogKey: pinned, parallelism: 1)
            guard report.ok else { continue }
            valid += 1
            #expect(report.size == Bundle.splitLines(files["entries.jsonl"] ?? []).lines.count)
        }
        #expect(valid >= 2)  // the golden `valid` and `erased` bundles
    }
}
