import Foundation
import LedgerCore
import LedgerPortal
import Synchronization

/// A signed-in person's unsealed key, held only in memory, until ``wipe()``.
///
/// Dropping the last reference zeroes the key's secret bytes (``Ed25519SigningKey`` does so
/// when released); ``wipe()`` drops the box's reference, so once a request that is signing with
/// it ends, nothing holds it.
final class SessionKey: Sendable {
    private let key: Mutex<Ed25519SigningKey?>

    init(_ key: Ed25519SigningKey) { self.key = Mutex(key) }

    /// The key, or nil once wiped.
    var signer: Ed25519SigningKey? { key.withLock { $0 } }

    /// Forgets the key (its bytes are zeroed when the last user releases it).
    func wipe() { key.withLock { $0 = nil } }
}

/// One signed-in session.
struct Session: Sendable {
    /// The session id (the cookie's value): 32 random bytes, base64url.
    let id: String
    /// The person, without `person/`.
    let person: String
    /// Their key id.
    let keyId: String
    /// The unsealed key.
    let key: SessionKey
    /// The session's form tokens (CSRF and each form's idempotency nonce), under its own secret.
    let tokens: CSRFTokens
    /// When it was last used (seconds).
    var lastSeen: Double
}

/// The signed-in sessions, in memory only: a restart signs everyone out.
///
/// Ids are made here at sign-in and never taken from a request (no fixation); a session idle
/// longer than the timeout ends at its next use or at the next sweep, and its key is wiped.
final class Sessions: Sendable {
    private let state = Mutex<[String: Session]>([:])
    let idleTimeout: Double

    init(idleTimeout: Double) { self.idleTimeout = idleTimeout }

    /// A new session for `person`, holding `key`.
    func open(person: String, keyId: String, key: Ed25519SigningKey, now: Double) -> Session {
        let session = Session(
            id: Base64URL.encode(SecureRandom.bytes(32)), person: person, keyId: keyId, key: SessionKey(key),
            tokens: CSRFTokens(), lastSeen: now)
        state.withLock { $0[session.id] = session }
        return session
    }

    enum Lookup {
        case none, expired, live(Session)
    }

    /// The session `id` names, touched at `now`; an idle one is ended (and its key wiped).
    func use(_ id: String?, now: Double) -> Lookup {
        guard let id, !id.isEmpty else { return .none }
        return state.withLock { sessions in
            guard var session = sessions[id] else { return .none }
            guard now - session.lastSeen <= idleTimeout else {
                session.key.wipe()
                sessions[id] = nil
                return .expired
            }
            session.lastSeen = now
            sessions[id] = session
            return .live(session)
        }
    }

    /// Ends session `id` and wipes its key.
    func close(_ id: String) {
        state.withLock { sessions in
            sessions[id]?.key.wipe()
            sessions[id] = nil
        }
    }

    /// Ends every session idle longer than the timeout.
    func sweep(now: Double) {
        state.withLock { sessions in
            for (id, s) in sessions where now - s.lastSeen > idleTimeout {
                s.key.wipe()
                sessions[id] = nil
            }
        }
    }

    /// Ends every session (server stop).
    func closeAll() {
        state.withLock { sessions in
            for s in sessions.values { s.key.wipe() }
            sessions.removeAll()
        }
    }

    /// How many sessions are open.
    var count: Int { state.withLock { $0.count } }
}

/// Failed sign-ins per account: after `limit` in a row the account is locked for `seconds`,
/// whatever is typed; a success clears the count. A TOTP code, once accepted, is not accepted
/// again for the same account (replay).
final class SignInGuard: Sendable {
    let limit: Int
    let seconds: Double
    private let failures = Mutex<[String: (count: Int, lockedUntil: Double)]>([:])
    private let usedCodes = Mutex<[String: (code: String, at: Double)]>([:])

    init(limit: Int, seconds: Double) {
        self.limit = limit
        self.seconds = seconds
    }

    /// Seconds left on the account's lock, or nil when it is not locked.
    func locked(_ person: String, now: Double) -> Int? {
        failures.withLock { f in
            guard let entry = f[person], entry.lockedUntil > now else { return nil }
            return max(1, Int((entry.lockedUntil - now).rounded(.up)))
        }
    }

    /// Counts a failure; returns true when it locked the account.
    @discardableResult
    func failed(_ person: String, now: Double) -> Bool {
        failures.withLock { f in
            // Typed person ids are the keys: keep the table bounded (unlocked counts are dropped
            // first; a lock in force is kept).
            if f.count > 10_000 { f = f.filter { $0.value.lockedUntil > now } }
            var entry = f[person] ?? (0, 0)
            entry.count += 1
            let locks = entry.count >= limit
            if locks {
                entry.lockedUntil = now + seconds
                entry.count = 0
            }
            f[person] = entry
            return locks
        }
    }

    /// Clears the count after a success.
    func succeeded(_ person: String) { failures.withLock { $0[person] = nil } }

    /// Whether `code` was already used by `person` within the last 90 seconds (the TOTP window);
    /// records it when not.
    func replayed(_ person: String, code: String, now: Double) -> Bool {
        usedCodes.withLock { used in
            if let last = used[person], last.code == code, now - last.at <= 90 { return true }
            used[person] = (code, now)
            return false
        }
    }
}
