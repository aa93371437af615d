import ArgumentParser
import Dispatch
import Foundation
import LedgerCore
import LedgerPortal

extension WitnessCommand {
    /// `coledger witness serve`: the c2sp.org/tlog-witness `add-checkpoint` endpoint over HTTP.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the c2sp.org/tlog-witness add-checkpoint endpoint (POST /add-checkpoint) over HTTP.",
            discussion: HelpText.reflow("""
                Each request is checked against the state file exactly as `witness cosign` checks it, one at a
                time; the state is saved (atomically) before the cosignature is sent, so a crash never lets the
                witness cosign two histories. Answers: 200 with the cosignature line; 400 malformed body or old
                size above the checkpoint's; 403 not signed by the log's key; 404 unknown origin; 409 with the
                latest cosigned size (Content-Type text/x.tlog.size) when old is not that size or a different
                tree has that size; 422 consistency proof does not verify; 405 other methods; 413 bodies over
                64 KiB. Stop with Ctrl-C or SIGTERM.
                """))
        @Option(help: "Your witness key file (cosignature/v1, Ed25519).") var key: String
        @Option(help: "Your witness state file (`coledger witness init`).") var state: String
        @Option(help: "The TCP port to listen on (0: any free port, printed when ready).") var port = 8081
        @Option(help: "The address to listen on.") var bind = "127.0.0.1"

        func run() throws {
            try reporting {
                _ = try StateFile.load(state)
                let service = WitnessService(
                    statePath: state, signer: try KeyFiles.open(key), name: try KeyCommand.ShowKey.read(key).name)
                let outcome = Serve_Outcome()
                let done = DispatchSemaphore(value: 0)
                let (host, port, state) = (bind, self.port, self.state)
                Task.detached {
                    do {
                        try await WitnessServer.run(host: host, port: port, handle: { service.handle($0) }) { bound in
                            FileHandle.standardOutput.write(
                                Data(
                                    "Witness \(service.name) serving http://\(host):\(bound)/add-checkpoint (state \(state)).\n"
                                        .utf8))
                        }
                    } catch {
                        outcome.set("\(error)")
                    }
                    done.signal()
                }
                done.wait()
                if let failure = outcome.get() { throw CLIError("the witness stopped: \(failure)") }
            }
        }
    }
}

final class Serve_Outcome: @unchecked Sendable {
    private var message: String?
    private let lock = NSLock()
    func set(_ m: String) { lock.withLock { message = m } }
    func get() -> String? { lock.withLock { message } }
}

/// One witness: its key and durable state, answering add-checkpoint requests one at a time.
final class WitnessService: @unchecked Sendable {
    let statePath: String
    let signer: Ed25519SigningKey
    let name: String
    private let lock = NSLock()

    init(statePath: String, signer: Ed25519SigningKey, name: String) {
        self.statePath = statePath
        self.signer = signer
        self.name = name
    }

    static func text(_ status: Int, _ message: String, type: String = "text/plain; charset=utf-8") -> PortalResponse {
        PortalResponse(status: status, headers: [("content-type", type)], body: Array((message + "\n").utf8))
    }

    func handle(_ request: PortalRequest) -> PortalResponse {
        guard request.path == "/add-checkpoint" else { return Self.text(404, "not found: POST /add-checkpoint") }
        guard request.method == "POST" else {
            var r = Self.text(405, "add-checkpoint answers POST only")
            r.headers.append(("allow", "POST"))
            return r
        }
        guard let body = String(validating: request.body, as: UTF8.self) else {
            return Self.text(400, "bad request: the body is not UTF-8")
        }
        return lock.withLock {
            do {
                var file = try WitnessCommand.StateFile.load(statePath)
                var witness = try file.witnessState()
                let verdict = witness.process(body: body)
                switch verdict {
                case .cosign(let checkpoint):
                    let cosignature = Cosignature.sign(
                        checkpointBody: checkpoint.body, timestamp: UInt64(Date().timeIntervalSince1970), name: name,
                        key: signer)
                    file.logs = witness.logs.values.sorted { $0.origin < $1.origin }.map {
                        WitnessCommand.StateFile.Log(
                            origin: $0.origin, logKeys: $0.keys.map(\.description), size: $0.size,
                            root: Base64.encode($0.rootHash))
                    }
                    try file.save(statePath)
                    return PortalResponse(
                        status: 200, headers: [("content-type", "text/plain; charset=utf-8")],
                        body: Array(cosignature.line.utf8))
                case .conflict(let size):
                    return Self.text(409, "\(size)", type: "text/x.tlog.size")
                default:
                    return Self.text(verdict.httpStatus, WitnessCommand.Cosign.describe(verdict))
                }
            } catch {
                return Self.text(500, "the witness cannot use its state: \(error)")
            }
        }
    }
}
