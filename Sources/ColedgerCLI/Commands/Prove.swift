import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

struct Prove: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print inclusion and consistency proofs.", subcommands: [Inclusion.self, Consistency.self])

    struct Inclusion: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove an entry is in the log: a c2sp.org/tlog-proof@v1 file to a signed checkpoint.")
        @OptionGroup var options: LedgerOptions
        @Argument(help: "The entry index.") var index: Int
        @Option(help: "The tree size of a signed checkpoint (default: the newest checkpoint).") var size: Int?
        @Flag(help: "Print JSON: index, size, leafHash, proof, checkpoint.") var json = false

        func run() throws {
            try reporting {
                let ledger = try options.open()
                let checkpoint: StoredCheckpoint
                if let size {
                    guard let c = try ledger.checkpoint(size: size) else {
                        let sizes = try ledger.checkpoints().map { String($0.size) }.joined(separator: ", ")
                        throw CLIError("no signed checkpoint at size \(size); signed sizes: \(sizes.isEmpty ? "none" : sizes)")
                    }
                    checkpoint = c
                } else {
                    guard let c = try ledger.latestCheckpoint() else {
                        throw CLIError("no signed checkpoint yet: run `coledger checkpoint` first")
                    }
                    checkpoint = c
                }
                guard index >= 0, index < checkpoint.size else {
                    throw CLIError("index \(index) is not covered by the checkpoint of size \(checkpoint.size); run `coledger checkpoint`")
                }
                let path = try ledger.inclusionProof(index: index, size: checkpoint.size)
                let note = try SignedNote(parsing: try ledger.cosignedNote(size: checkpoint.size) ?? checkpoint.note)
                let proof = TlogProof(index: UInt64(index), proof: path, checkpoint: note)
                if json {
                    guard let entry = try ledger.entry(at: index) else { throw CLIError("no entry \(index)") }
                    Output.printJSON(InclusionOutput(
                        index: index, size: checkpoint.size, leafHash: Base64.encode(entry.leafHash),
                        proof: path.map { Base64.encode($0) }, checkpoint: checkpoint.note, tlogProof: proof.serialized))
                } else {
                    print(proof.serialized, terminator: "")
                }
            }
        }
    }

    struct Consistency: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove the tree of size NEW extends the tree of size OLD (RFC 6962 path, base64 per line).")
        @OptionGroup var options: LedgerOptions
        @Argument(help: "The older tree size.") var old: Int
        @Argument(help: "The newer tree size.") var new: Int
        @Flag(help: "Print JSON: old, new, oldRoot, newRoot, proof.") var json = false

        func run() throws {
            try reporting {
                let ledger = try options.open()
                let proof = try ledger.consistencyProof(oldSize: old, newSize: new)
                if json {
                    Output.printJSON(ConsistencyOutput(
                        old: old, new: new, oldRoot: Base64.encode(try ledger.root(size: old)),
                        newRoot: Base64.encode(try ledger.root(size: new)), proof: proof.map { Base64.encode($0) }))
                } else {
                    for hash in proof { print(Base64.encode(hash)) }
                }
            }
        }
    }
}

struct InclusionOutput: Encodable {
    var index: Int
    var size: Int
    var leafHash: String
    var proof: [String]
    var checkpoint: String
    var tlogProof: String
}

struct ConsistencyOutput: Encodable {
    var old: Int
    var new: Int
    var oldRoot: String
    var newRoot: String
    var proof: [String]
}
