internal import CSodium

/// SHA-256 (FIPS 180-4), computed by libsodium.
public enum SHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// Hashes `data`.
    public static func hash(_ data: some Collection<UInt8>) -> [UInt8] {
        Sodium.ensureReady()
        var out = [UInt8](repeating: 0, count: byteCount)
        let done: Void? = data.withContiguousStorageIfAvailable { buf in
            _ = crypto_hash_sha256(&out, buf.baseAddress, UInt64(buf.count))
        }
        if done == nil {
            let copy = Array(data)
            _ = crypto_hash_sha256(&out, copy, UInt64(copy.count))
        }
        return out
    }

    /// Hashes the concatenation of `parts` without building it.
    public static func hash(parts: [UInt8]...) -> [UInt8] {
        hash(concatenating: parts)
    }

    /// Hashes the concatenation of `parts` without building it.
    public static func hash(concatenating parts: [[UInt8]]) -> [UInt8] {
        Sodium.ensureReady()
        var state = crypto_hash_sha256_state()
        _ = crypto_hash_sha256_init(&state)
        for part in parts {
            _ = crypto_hash_sha256_update(&state, part, UInt64(part.count))
        }
        var out = [UInt8](repeating: 0, count: byteCount)
        _ = crypto_hash_sha256_final(&state, &out)
        return out
    }

    /// Hashes one prefix byte followed by `data` (the RFC 6962 leaf and node shape).
    public static func hash(prefix: UInt8, _ data: UnsafeRawBufferPointer) -> [UInt8] {
        Sodium.ensureReady()
        var state = crypto_hash_sha256_state()
        _ = crypto_hash_sha256_init(&state)
        var p = prefix
        _ = crypto_hash_sha256_update(&state, &p, 1)
        if let base = data.baseAddress {
            _ = crypto_hash_sha256_update(&state, base.assumingMemoryBound(to: UInt8.self), UInt64(data.count))
        }
        var out = [UInt8](repeating: 0, count: byteCount)
        _ = crypto_hash_sha256_final(&state, &out)
        return out
    }
}
