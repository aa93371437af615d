import Dispatch
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A minimal blocking HTTP/1.1 client over Foundation's URLSession, for the witness, checkpoint
/// and monitor commands (the mirror's ``TileFetcher`` also reads directories).
enum HTTPClient {
    struct Answer {
        var status: Int
        var contentType: String
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends one request and waits for the answer.
    /// - Throws: ``CLIError`` naming the URL when it cannot be reached.
    static func send(
        _ method: String, _ address: String, body: [UInt8]? = nil, contentType: String? = nil, timeout: Double = 30
    )
        throws -> Answer
    {
        guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https" else {
            throw CLIError("\(address) is not an http(s) URL")
        }
        final class Box: @unchecked Sendable {
            var result: Result<Answer, any Error> = .failure(CLIError("no answer"))
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("coledger", forHTTPHeaderField: "user-agent")
        if let body { request.httpBody = Data(body) }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "content-type") }
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(error)
            } else {
                let http = response as? HTTPURLResponse
                box.result = .success(
                    Answer(
                        status: http?.statusCode ?? 0,
                        contentType: http?.value(forHTTPHeaderField: "content-type") ?? "",
                        body: Array(data ?? Data())))
            }
            done.signal()
        }.resume()
        done.wait()
        switch box.result {
        case .failure(let error): throw CLIError("\(method) \(address): \(error.localizedDescription)")
        case .success(let answer): return answer
        }
    }
}
