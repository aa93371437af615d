import Foundation
import LedgerCore
import Testing

@Suite struct CheckpointTests {
    @Test func goldenCheckpointsVerifyAndReproduce() throws {
        let golden = try GoldenVectors.load()
        let vkey = try NoteVerifierKey(parsing: golden.log_vkey)
        #expect(vkey.name == golden.origin)
        #expect(String(format: "%08x", vkey.keyHash) == golden.keys.log_key_id_hex)
        let logKey = try Ed25519SigningKey(seed: TlogVectors.hex(golden.keys.log_seed_hex))
        #expect(NoteVerifierKey(name: golden.origin, publicKey: logKey.publicKey).description == golden.log_vkey)

        #expect(golden.checkpoints.keys.sorted() == ["4", "7", "8"])
        for (sizeText, text) in golden.checkpoints {
            let note = try SignedNote(parsing: text)
            #expect(note.serialized == text)
            #expect(try note.verify(trusting: [vkey]) == [vkey])
            let checkpoint = try note.checkpoint()
            #expect(checkpoint.origin == golden.origin)
            #expect(String(checkpoint.size) == sizeText)
            #expect(TlogVectors.base64(checkpoint.rootHash) == golden.roots_b64_by_size[sizeText])
            #expect(checkpoint.extensionLines.isEmpty)
            #expect(checkpoint.body == note.text)
            // Re-signing with the golden log seed reproduces the note byte for byte.
            let rebuilt = Checkpoint(origin: golden.origin, size: checkpoint.size, rootHash: checkpoint.rootHash)
            #expect(rebuilt.signed(name: golden.origin, key: logKey).serialized == text)
        }
    }

    @Test func checkpointBodyVectors() throws {
        let vectors = try SignedNoteVectors.load()
        #expect(vectors.checkpoint_bodies.count == 1)
        for item in vectors.checkpoint_bodies {
            let parsed = try Checkpoint(parsing: item.body)
            #expect(parsed.origin == item.origin)
            #expect(parsed.size == item.size)
            #expect(parsed.rootHash == RFC6962.leafHash(Array("hello world".utf8)))
            #expect(Checkpoint(origin: item.origin, size: item.size, rootHash: parsed.rootHash).body == item.body)
        }
    }

    @Test func sigsumFormatGoldens() throws {
        let vectors = try SigsumVectors.load()
        #expect(vectors.format_goldens.count == 1)
        for item in vectors.format_goldens {
            let origin = "sigsum.org/v1/tree/" + Hex.encode(SHA256.hash(TlogVectors.hex(item.log_public_key_hex)))
            let checkpoint = Checkpoint(origin: origin, size: item.size, rootHash: TlogVectors.hex(item.root_hex))
            #expect(checkpoint.body == item.checkpoint_body)
            #expect(try Checkpoint(parsing: item.checkpoint_body) == checkpoint)
            let message = Cosignature.message(checkpointBody: checkpoint.body, timestamp: 72_623_859_790_382_856)
            #expect(String(decoding: message, as: UTF8.self) == item.cosigned_message_at_72623859790382856)
        }
    }

    @Test func extensionLinesRoundTrip() throws {
        let root = RFC6962.leafHash([1])
        let checkpoint = Checkpoint(origin: "example.com/log", size: 0, rootHash: root, extensionLines: ["ext one", "— two"])
        #expect(checkpoint.body == "example.com/log\n0\n\(TlogVectors.base64(root))\next one\n— two\n")
        #expect(try Checkpoint(parsing: checkpoint.body) == checkpoint)
    }

    @Test func strictParsing() throws {
        let root = TlogVectors.base64(RFC6962.emptyRoot)
        #expect(try Checkpoint(parsing: "o\n18446744073709551615\n\(root)\n").size == UInt64.max)
        let bad: [String] = [
            "", "o\n1\n", "o\n1\n\(root)", "\n1\n\(root)\n",
            "o\n01\n\(root)\n", "o\n+1\n\(root)\n", "o\n 1\n\(root)\n", "o\n1 \n\(root)\n", "o\n\n\(root)\n",
            "o\n18446744073709551616\n\(root)\n", "o\n0x1\n\(root)\n",
            "o\n1\n\(TlogVectors.base64(Array(RFC6962.emptyRoot.dropLast())))\n",
            "o\n1\n\(root.dropLast())\n", "o\n1\n\(root)=\n", "o\n1\n \(root)\n",
            "o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=\n",  // non-zero pad bits
            "o\n1\n\(root)\n\n", "o\n1\n\(root)\next\n\nmore\n", "o\r\n1\n\(root)\n", "o\n1\r\n\(root)\n",
        ]
        for text in bad {
            #expect(throws: NoteError.self, "\(text.debugDescription)") { try Checkpoint(parsing: text) }
        }
    }
}
