import Foundation
import LedgerCore
import LedgerStore

/// Reads a witness policy file (Sigsum's format; see ``WitnessPolicy``).
enum WitnessPolicyFile {
    static func load(_ path: String) throws -> WitnessPolicy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read the witness policy \(path)")
        }
        do {
            return try WitnessPolicy(parsing: String(decoding: data, as: UTF8.self))
        } catch {
            throw CLIError("\(path): \(error)")
        }
    }

}

/// The log side of c2sp.org/tlog-witness: asks each witness of a policy to cosign the newest
/// checkpoint over HTTP and keeps the cosignatures it returns.
enum WitnessCollector {
    /// One witness's answer.
    struct Outcome: Encodable {
        var witness: String
        var status: Int
        var detail: String
    }

    /// Sends the newest checkpoint to every witness with a URL; a 409 is answered once with a
    /// consistency proof from the size the witness reports. Valid cosignatures are attached.
    static func collect(ledger: Ledger, policy: WitnessPolicy) throws -> [Outcome] {
        guard let latest = try ledger.latestCheckpoint() else { throw CLIError("no signed checkpoint yet") }
        let note = try SignedNote(parsing: latest.note)
        var outcomes: [Outcome] = []
        for witness in policy.witnesses {
            guard let base = witness.url else { continue }
            let url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/add-checkpoint"
            do {
                var old = 0
                var answer = try post(url, AddCheckpointRequest(oldSize: 0, consistencyProof: [], checkpoint: note))
                if answer.status == 409, let seen = Int(answer.text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    guard seen <= latest.size else {
                        outcomes.append(
                            Outcome(
                                witness: witness.name, status: 409,
                                detail: "the witness has cosigned size \(seen), larger than this log's \(latest.size)"))
                        continue
                    }
                    old = seen
                    let proof = try ledger.consistencyProof(oldSize: seen, newSize: latest.size)
                    answer = try post(
                        url, AddCheckpointRequest(oldSize: UInt64(seen), consistencyProof: proof, checkpoint: note))
                }
                guard answer.status == 200 else {
                    outcomes.append(
                        Outcome(
                            witness: witness.name, status: answer.status,
                            detail:
                                "refused (old \(old)): \(answer.text.trimmingCharacters(in: .whitespacesAndNewlines))"
                        ))
                    continue
                }
                let added = try ledger.attachCosignatures(from: latest.note + answer.text, witnesses: [witness.key])
                outcomes.append(Outcome(witness: witness.name, status: 200, detail: "cosigned (\(added) new)"))
            } catch let error as CLIError {
                outcomes.append(Outcome(witness: witness.name, status: 0, detail: error.description))
            } catch {
                outcomes.append(Outcome(witness: witness.name, status: 0, detail: "\(error)"))
            }
        }
        return outcomes
    }

    private static func post(_ url: String, _ request: AddCheckpointRequest) throws -> HTTPClient.Answer {
        try HTTPClient.send("POST", url, body: Array(request.serialized.utf8), contentType: "text/plain; charset=utf-8")
    }
}
