import Synchronization

/// At most `limit` requests per client in any `window` seconds (a sliding window per client).
///
/// Used for posts (the feedback form and contribution look-ups), keyed by the client's IP
/// address as the connection shows it. Behind a reverse proxy every client shares the proxy's
/// address, so there rate limiting belongs in the proxy.
package final class RateLimiter: Sendable {
    let limit: Int
    let window: Double
    private let state = Mutex<[String: [Double]]>([:])

    package init(limit: Int, window: Double = 60) {
        self.limit = limit
        self.window = window
    }

    /// Records a request from `client` at `now` (seconds) and says whether it is allowed;
    /// refused requests are not counted. Returns the seconds to wait when refused.
    package func allow(_ client: String, now: Double) -> (allowed: Bool, retryAfter: Int) {
        state.withLock { clients in
            if clients.count > 10_000 {
                clients = clients.filter { $0.value.contains { now - $0 < window } }
            }
            var times = clients[client, default: []].filter { now - $0 < window }
            guard times.count < limit else {
                let wait = Int((times[0] + window - now).rounded(.up))
                clients[client] = times
                return (false, max(1, wait))
            }
            times.append(now)
            clients[client] = times
            return (true, 0)
        }
    }
}
