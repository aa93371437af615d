import Foundation
import LedgerCore
import Testing

struct SignedNoteVectors: Decodable {
    struct Key: Decodable {
        let id: String
        let vkey: String
        let name: String
        let key_id_hex: String
        let public_key_hex: String
        let skey: String?
        let private_seed_hex: String?
    }
    struct CheckpointInfo: Decodable, Sendable {
        let origin: String
        let size: UInt64
        let root_b64: String
    }
    struct Note: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let verify_with: [String]
        let note: String?
        let note_hex: String?
        let text: String?
        let expect: String
        let expect_verified: [String]?
        let expect_unverified: [String]?
        let error: String?
        let checkpoint: CheckpointInfo?
        var testDescription: String { id }
    }
    struct Signing: Decodable {
        let skey: String
        let text: String
        let expected_note: String
    }
    struct BadVkey: Decodable {
        let vkey: String
        let why: String
    }
    struct CheckpointBody: Decodable {
        let body: String
        let origin: String
        let size: UInt64
    }
    let keys: [Key]
    let notes: [Note]
    let signing: [Signing]
    let bad_vkeys: [BadVkey]
    let checkpoint_bodies: [CheckpointBody]

    static func load() throws -> SignedNoteVectors {
        try TlogVectors.load(SignedNoteVectors.self, "signed-note/signed-note-vectors.json")
    }

    func verifierKeys(_ ids: [String]) throws -> [NoteVerifierKey] {
        try ids.map { id in
            let key = try #require(keys.first { $0.id == id }, "unknown key id \(id)")
            return try NoteVerifierKey(parsing: key.vkey)
        }
    }
}

/// Decodes a golang.org/x/mod/sumdb/note test private key: PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>.
private func parseSkey(_ skey: String) throws -> (name: String, key: Ed25519SigningKey) {
    let parts = skey.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
    try #require(parts.count == 5 && parts[0] == "PRIVATE" && parts[1] == "KEY")
    let material = TlogVectors.b64(String(parts[4]))
    try #require(material.count == 33 && material[0] == 0x01)
    return (String(parts[2]), try Ed25519SigningKey(seed: Array(material.dropFirst())))
}

private let noteVectors = (try? SignedNoteVectors.load().notes) ?? []

@Suite struct SignedNoteTests {
    @Test func vectorCounts() throws {
        let vectors = try SignedNoteVectors.load()
        #expect(vectors.notes.filter { $0.expect == "valid" }.count == 8)
        #expect(vectors.notes.filter { $0.expect == "invalid" }.count == 13)
        #expect(noteVectors.count == 21)
    }

    @Test func verifierKeysParseAndRoundTrip() throws {
        let vectors = try SignedNoteVectors.load()
        for entry in vectors.keys {
            let key = try NoteVerifierKey(parsing: entry.vkey)
            #expect(key.name == entry.name)
            #expect(String(format: "%08x", key.keyHash) == entry.key_id_hex)
            #expect(key.type == NoteVerifierKey.ed25519Type)
            #expect(Hex.encode(key.publicKey.rawRepresentation) == entry.public_key_hex)
            #expect(key.description == entry.vkey)
            let rebuilt = NoteVerifierKey(name: entry.name, publicKey: key.publicKey)
            #expect(rebuilt == key)
            if let seed = entry.private_seed_hex {
                let signer = try Ed25519SigningKey(seed: TlogVectors.hex(seed))
                #expect(signer.publicKey == key.publicKey, "seed of \(entry.id)")
            }
        }
    }

    @Test func badVerifierKeysAreRefused() throws {
        let vectors = try SignedNoteVectors.load()
        #expect(vectors.bad_vkeys.count == 3)
        for bad in vectors.bad_vkeys {
            #expect(throws: NoteError.self, "\(bad.why)") { try NoteVerifierKey(parsing: bad.vkey) }
        }
        let good = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
        let malformed = [
            "", "PeterNeumann", "PeterNeumann+c74f20a3", "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // upper-case id
            "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW ",
            "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "PeterNeumann+c74f20a3+",
        ]
        for vkey in malformed {
            #expect(throws: NoteError.self, "\(vkey)") { try NoteVerifierKey(parsing: vkey) }
        }
        _ = try NoteVerifierKey(parsing: good)
        // Every single-character change of a good vkey is refused (as the Go test does).
        let bytes = Array(good.utf8)
        for i in bytes.indices {
            var mangled = bytes
            mangled[i] = mangled[i] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            let text = String(decoding: mangled, as: UTF8.self)
            #expect(throws: NoteError.self, "mangled at \(i)") { try NoteVerifierKey(parsing: text) }
        }
    }

    @Test(arguments: noteVectors)
    func noteVector(_ vector: SignedNoteVectors.Note) throws {
        let vectors = try SignedNoteVectors.load()
        let trusted = try vectors.verifierKeys(vector.verify_with)
        let parse = { () throws(NoteError) -> SignedNote in
            if let hex = vector.note_hex { return try SignedNote(parsing: TlogVectors.hex(hex)) }
            return try SignedNote(parsing: vector.note ?? "")
        }
        if vector.expect == "valid" {
            let note = try parse()
            let text = try #require(vector.text)
            #expect(note.text == text)
            #expect(note.serialized == vector.note, "re-serialises byte for byte")
            let verified = try note.verify(trusting: trusted)
            #expect(verified.map(\.name) == vector.expect_verified)
            let signers = note.signatures.map(\.name)
            for name in vector.expect_unverified ?? [] {
                #expect(signers.contains(name) && !verified.contains { $0.name == name })
            }
            if let info = vector.checkpoint {
                let checkpoint = try note.checkpoint()
                #expect(checkpoint.origin == info.origin)
                #expect(checkpoint.size == info.size)
                #expect(TlogVectors.base64(checkpoint.rootHash) == info.root_b64)
                #expect(checkpoint.body == text)
            }
        } else {
            #expect(vector.expect == "invalid")
            let error = try #require(vector.error)
            if error == "malformed note" {
                #expect {
                    _ = try parse()
                } throws: { error in
                    guard case NoteError.malformedNote = error else { return false }
                    return true
                }
            } else {
                // Parses, but verification fails with Go's exact message.
                let note = try parse()
                #expect {
                    _ = try note.verify(trusting: trusted)
                } throws: { thrown in
                    (thrown as? NoteError)?.description == error
                }
            }
        }
    }

    @Test func signingReproducesVectors() throws {
        let vectors = try SignedNoteVectors.load()
        #expect(vectors.signing.count == 1)
        for item in vectors.signing {
            let (name, key) = try parseSkey(item.skey)
            let note = SignedNote(text: item.text, signatures: [SignedNote.sign(text: item.text, name: name, key: key)])
            #expect(note.serialized == item.expected_note)
        }
        // Every valid-note signature made by a key whose seed is known is reproduced exactly.
        var reproduced = 0
        for vector in vectors.notes where vector.expect == "valid" {
            let note = try SignedNote(parsing: try #require(vector.note))
            for entry in vectors.keys {
                guard let seed = entry.private_seed_hex else { continue }
                let key = try Ed25519SigningKey(seed: TlogVectors.hex(seed))
                let verifier = try NoteVerifierKey(parsing: entry.vkey)
                for signature in note.signatures where signature.name == verifier.name && signature.keyHash == verifier.keyHash {
                    #expect(SignedNote.sign(text: note.text, name: entry.name, key: key) == signature)
                    reproduced += 1
                }
            }
        }
        #expect(reproduced >= 4)
    }

    @Test func grammarEdgeCases() throws {
        let key = try Ed25519SigningKey(seed: [UInt8](repeating: 7, count: 32))
        let verifier = NoteVerifierKey(name: "example.com/k", publicKey: key.publicKey)
        let text = "line one\n\nline three after an empty line\n"
        let signature = SignedNote.sign(text: text, name: "example.com/k", key: key)
        let good = SignedNote(text: text, signatures: [signature]).serialized
        let note = try SignedNote(parsing: good)
        #expect(note.text == text)
        #expect(try note.verify(trusting: [verifier]) == [verifier])

        let line = signature.line
        let bad: [String: String] = [
            "CR in text": "a\r\nb\n\n" + line,
            "tab in text": "a\tb\n\n" + line,
            "no em dash": text + "\n" + "- example.com/k " + line.split(separator: " ")[2],
            "unicode space in name": text + "\n" + line.replacingOccurrences(of: "example.com/k", with: "example.com\u{00a0}k"),
            "plus in name": text + "\n" + line.replacingOccurrences(of: "example.com/k", with: "example.com+k"),
            "empty name": text + "\n" + line.replacingOccurrences(of: "example.com/k", with: ""),
            "two spaces": text + "\n" + line.replacingOccurrences(of: " ", with: "  "),
            "short signature": text + "\n— example.com/k AAAA\n",
            "unpadded base64": text + "\n" + line.replacingOccurrences(of: "=\n", with: "\n"),
            "blank line between signatures": text + "\n" + line + "\n" + line,
            "no text": "\n— example.com/k " + line.split(separator: " ")[2],
        ]
        for (why, note) in bad {
            if why == "no text" {
                // "\n\n" never occurs: the only newline pair would need a text before it.
                #expect(throws: NoteError.self, "\(why)") { try SignedNote(parsing: note) }
                continue
            }
            #expect(throws: NoteError.self, "\(why)") {
                let parsed = try SignedNote(parsing: note)
                _ = try parsed.verify(trusting: [verifier])
            }
        }
        // At least 16 signatures are accepted, and up to maxSignatures.
        let many = SignedNote(text: text, signatures: Array(repeating: signature, count: SignedNote.maxSignatures))
        #expect(try SignedNote(parsing: many.serialized).verify(trusting: [verifier]) == [verifier])
        // A signature whose name matches but key id does not is ignored (unknown key).
        let otherID = NoteSignature(name: signature.name, keyHash: signature.keyHash ^ 1, signature: signature.signature)
        #expect(throws: NoteError.noVerifiableSignatures) {
            try SignedNote(text: text, signatures: [otherID]).verify(trusting: [verifier])
        }
        // A bad signature by a trusted key rejects the note even next to a good one.
        var flipped = signature.signature
        flipped[0] ^= 1
        let badSig = NoteSignature(name: signature.name, keyHash: signature.keyHash, signature: flipped)
        #expect(throws: NoteError.invalidSignature(name: "example.com/k", keyHash: verifier.keyHash)) {
            try SignedNote(text: text, signatures: [signature, badSig]).verify(trusting: [verifier])
        }
    }

    @Test func signatureLinesTolerateNonZeroPadBitsLikeGo() throws {
        // 68 signature bytes end in one '=': the last character's two low bits are padding.
        let vectors = try SignedNoteVectors.load()
        let original = try #require(vectors.notes.first { $0.id == "c2sp-signed-note-example" }?.note)
        let tweaked = original.replacingOccurrences(of: "aQM=\n", with: "aQN=\n")  // 'M' = 001100, 'N' = 001101
        #expect(tweaked != original)
        let note = try SignedNote(parsing: tweaked)
        #expect(note == (try SignedNote(parsing: original)))
        #expect(note.serialized == original)
        _ = try note.verify(trusting: vectors.verifierKeys(["c2sp-example-foo"]))
    }
}
