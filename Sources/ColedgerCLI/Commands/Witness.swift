import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// A witness: a board member, the evaluator or a partner who keeps their own record of each log's
/// newest checkpoint and cosigns only consistent extensions of it (c2sp.org/tlog-witness).
struct WitnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Keep your own witness state and cosign checkpoints that extend what you saw before.",
        discussion: HelpText.reflow("""
            1. coledger key new --out me.key --name witness.example/me --role witness
            2. coledger witness init --state me.json --log-key LOG-VKEY
            3. the log side: coledger witness request --old N > request.txt   (N: your last cosigned size)
            4. coledger witness cosign --key me.key --state me.json request.txt > cosigned.txt
            5. the log side: coledger checkpoint --cosign cosigned.txt --witness YOUR-VKEY
            Your verifier key for step 5: coledger witness vkey me.key
            """),
        subcommands: [InitState.self, Cosign.self, Request.self, VKey.self, Serve.self])

    /// The witness state file: per log origin, its keys and the newest cosigned size and root.
    struct StateFile: Codable {
        struct Log: Codable {
            var origin: String
            var logKeys: [String]
            var size: UInt64
            var root: String
        }
        var format = "coledger-witness/v1"
        var logs: [Log]

        static func load(_ path: String) throws -> StateFile {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError("cannot read witness state \(path); create it with `coledger witness init`")
            }
            do {
                let state = try JSONDecoder().decode(StateFile.self, from: data)
                guard state.format == "coledger-witness/v1" else { throw CLIError("\(path): unknown format \(state.format)") }
                return state
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("\(path): not a witness state file: \(error)")
            }
        }

        /// Writes atomically (temporary file, then rename), so a crash leaves the old state or the new.
        func save(_ path: String) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let tmp = path + ".tmp-\(getpid())"
            try encoder.encode(self).write(to: URL(fileURLWithPath: tmp))
            guard rename(tmp, path) == 0 else { throw CLIError("cannot replace \(path)") }
        }

        func witnessState() throws -> WitnessState {
            try WitnessState(logs: logs.map { log in
                guard let root = Base64.decode(log.root), root.count == 32 else { throw CLIError("bad root for \(log.origin) in the state file") }
                return WitnessState.Log(origin: log.origin, keys: try log.logKeys.map { try Verify.readVkey($0, code: 1) }, size: log.size, rootHash: root)
            })
        }
    }

    struct InitState: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: "Start a witness state for one or more logs.")
        @Option(help: "The witness state file to create.") var state: String
        @Option(name: .customLong("log-key"), help: ArgumentHelp("A log's verifier key (repeatable); its name is the log's origin.", valueName: "vkey"))
        var logKeys: [String]

        func run() throws {
            try reporting {
                guard !FileManager.default.fileExists(atPath: state) else { throw CLIError("\(state) exists; refusing to reset a witness state") }
                var logs: [StateFile.Log] = []
                for text in logKeys {
                    let key = try Verify.readVkey(text, code: 1)
                    logs.append(StateFile.Log(origin: key.name, logKeys: [key.description], size: 0, root: Base64.encode(RFC6962.emptyRoot)))
                }
                try StateFile(logs: logs).save(state)
                print("Witness state \(state) follows \(logs.map(\.origin).joined(separator: ", ")) from size 0.")
            }
        }
    }

    struct Cosign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an add-checkpoint request against your state and print the cosigned checkpoint.",
            discussion: "Refuses an unknown origin, a bad log signature, a missing or wrong consistency proof, or a tree that went backwards; the state advances only when it cosigns.")
        @Option(help: "Your witness key file (cosignature/v1, Ed25519).") var key: String
        @Option(help: "Your witness state file.") var state: String
        @Argument(help: "The c2sp.org/tlog-witness add-checkpoint body, or - for standard input.") var request: String = "-"
        @Flag(help: "Print JSON: verdict, status, and the cosigned note.") var json = false

        func run() throws {
            try reporting {
                var file = try StateFile.load(state)
                var witness = try file.witnessState()
                let body = String(decoding: try Input.read(request), as: UTF8.self)
                let verdict = witness.process(body: body)
                guard case .cosign(let checkpoint) = verdict else {
                    throw CLIError("refused (\(verdict.httpStatus)): \(Self.describe(verdict))")
                }
                let signer = try KeyFiles.open(key)
                let keyFile = try KeyCommand.ShowKey.read(key)
                let timestamp = UInt64(Date().timeIntervalSince1970)
                let cosignature = Cosignature.sign(checkpointBody: checkpoint.body, timestamp: timestamp, name: keyFile.name, key: signer)
                let request = try AddCheckpointRequest(parsing: body)
                var note = request.checkpoint
                note.signatures.append(cosignature)
                file.logs = witness.logs.values.sorted { $0.origin < $1.origin }.map {
                    StateFile.Log(origin: $0.origin, logKeys: $0.keys.map(\.description), size: $0.size, root: Base64.encode($0.rootHash))
                }
                try file.save(state)
                if json {
                    Output.printJSON(["verdict": "cosign", "status": "200", "cosignature": cosignature.line, "note": note.serialized])
                } else {
                    print(note.serialized, terminator: "")
                }
            }
        }

        static func describe(_ verdict: WitnessVerdict) -> String {
            switch verdict {
            case .cosign: return "cosigned"
            case .badRequest(let why): return "bad request: \(why)"
            case .forbidden(let error): return "the checkpoint is not signed by the log's key: \(error)"
            case .unknownOrigin(let origin): return "this witness does not follow \(origin)"
            case .conflict(let size): return "this witness last cosigned size \(size); send a request with old \(size) (the tree cannot go backwards)"
            case .inconsistent(let error): return "the consistency proof does not hold: \(error)"
            }
        }
    }

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the add-checkpoint request for a witness (the log side).")
        @OptionGroup var options: LedgerOptions
        @Option(help: "The size the witness last cosigned (0 for a new witness).") var old = 0

        func run() throws {
            try reporting {
                let ledger = try options.open()
                guard let latest = try ledger.latestCheckpoint() else { throw CLIError("no signed checkpoint yet: run `coledger checkpoint`") }
                let proof = try ledger.consistencyProof(oldSize: old, newSize: latest.size)
                let request = AddCheckpointRequest(oldSize: UInt64(old), consistencyProof: old == 0 ? [] : proof, checkpoint: try SignedNote(parsing: latest.note))
                print(request.serialized, terminator: "")
            }
        }
    }

    struct VKey: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "vkey", abstract: "Print a witness key file's cosignature verifier key (type 0x04).")
        @Argument(help: "The witness key file.") var file: String

        func run() throws {
            try reporting {
                let keyFile = try KeyCommand.ShowKey.read(file)
                print(NoteVerifierKey(name: keyFile.name, publicKey: keyFile.publicKey, type: 0x04).description)
            }
        }
    }
}
