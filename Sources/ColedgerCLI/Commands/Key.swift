import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Create, inspect, register and revoke signing keys.",
        subcommands: [New.self, ShowKey.self, Register.self, Revoke.self])

    /// Records a key event through the recording API (checked before the admin's passphrase is
    /// asked for), signed by the admin key in `signer`, at the effective time (default: now).
    static func record<R: RecordingRequest>(_ request: R, in ledger: Ledger, at time: String?, signer: String) throws
        -> AppendResult
    {
        let recorder = Recorder(ledger: ledger)
        let prepared = try recorder.prepare(request, at: time ?? Timestamp.now())
        return try recorder.append(prepared, signer: try KeyFiles.open(signer)).result
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a new Ed25519 key, sealed with a passphrase.")
        @Option(help: "Where to write the sealed key file.") var out: String
        @Option(help: "A label for the key (a pseudonym, or a body's name).") var name = "key"
        @Option(help: "What the key is for: member, admin, intake, evaluator, witness, ...") var role = "member"
        @Flag(help: "Print the result as JSON.") var json = false

        func run() throws {
            try reporting {
                var passphrase = try KeyFiles.newPassphrase(for: out)
                defer { SecureRandom.zero(&passphrase) }
                let key = Ed25519SigningKey()
                try KeyFiles.write(key, name: name, role: role, to: URL(fileURLWithPath: out), passphrase: passphrase)
                if json {
                    Output.printJSON([
                        "file": out, "keyId": key.keyID, "publicKey": Base64.encode(key.publicKey.rawRepresentation),
                    ])
                } else {
                    print(
                        "Wrote \(out): key id \(key.keyID). Register it with `coledger key register --key ADMIN.key \(out)`."
                    )
                }
            }
        }
    }

    struct ShowKey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a key file's id, public key and vkey (no passphrase needed).")
        @Argument(help: "The key file.") var file: String
        @Flag(help: "Print the result as JSON.") var json = false

        func run() throws {
            try reporting {
                let file = try Self.read(self.file)
                let vkey = NoteVerifierKey(name: file.name, publicKey: file.publicKey)
                let info = [
                    "keyId": file.keyID, "publicKey": Base64.encode(file.publicKey.rawRepresentation),
                    "name": file.name, "role": file.role, "vkey": vkey.description,
                ]
                if json {
                    Output.printJSON(info)
                } else {
                    for k in ["keyId", "publicKey", "name", "role", "vkey"] { print("\(k): \(info[k] ?? "")") }
                }
            }
        }

        static func read(_ path: String) throws -> SealedKeyFile {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw CLIError("cannot read key file \(path)")
            }
            do {
                return try SealedKeyFile(fileBytes: [UInt8](bytes))
            } catch {
                throw CLIError("\(path): \(error)")
            }
        }
    }

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a key in the ledger (signed by an admin key).")
        @OptionGroup var options: LedgerOptions
        @Option(help: "The admin key file that signs the registration.") var key: String
        @Argument(help: "The key file whose public key to register.") var keyFile: String
        @Option(help: "The pseudonym of the key's holder, e.g. person/p-0001.") var holder: String?
        @Option(help: "admin to let the key register and revoke keys; otherwise leave out.") var role: String?
        @OptionGroup var when: EffectiveDateOption
        @Flag(help: "Print the result as JSON.") var json = false

        func run() throws {
            try reporting {
                let effective = try when.timestamp()
                let file = try ShowKey.read(keyFile)
                let ledger = try options.open()
                let registration = KeyRegistered(
                    keyId: KeyID(unchecked: file.keyID),
                    publicKey: PublicKeyText(unchecked: Base64.encode(file.publicKey.rawRepresentation)),
                    holder: holder.map(KeyHolder.init(unchecked:)),
                    role: try role.map {
                        try RecordingInput.value(
                            KeyRole.self, $0, member: KeyRegistered.CodingKeys.role, field: "--role")
                    })
                let result = try KeyCommand.record(registration, in: ledger, at: effective, signer: key)
                if json {
                    Output.printJSON(result)
                } else {
                    print("Registered key \(file.keyID) at index \(result.index).")
                }
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key: it may sign nothing after this entry.")
        @OptionGroup var options: LedgerOptions
        @Option(help: "The admin key file that signs the revocation.") var key: String
        @Argument(help: "The key id to revoke.") var keyID: String
        @Option(help: "Why, e.g. \"device lost\" or \"compromised\".") var reason: String?
        @OptionGroup var when: EffectiveDateOption
        @Flag(help: "Print the result as JSON.") var json = false

        func run() throws {
            try reporting {
                let effective = try when.timestamp()
                let ledger = try options.open()
                let revocation = KeyRevoked(
                    keyId: KeyID(unchecked: keyID), reason: reason.map(ShortText.init(unchecked:)))
                let result = try KeyCommand.record(revocation, in: ledger, at: effective, signer: key)
                if json { Output.printJSON(result) } else { print("Revoked key \(keyID) at index \(result.index).") }
            }
        }
    }
}
