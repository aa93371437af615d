internal import CSodium

/// Cryptographically secure random bytes (libsodium `randombytes_buf`).
public enum SecureRandom {
    /// Returns `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        Sodium.ensureReady()
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { buf in
            if let base = buf.baseAddress { randombytes_buf(base, buf.count) }
        }
        return out
    }

    /// Overwrites `bytes` with zeros in a way the optimiser cannot remove (`sodium_memzero`).
    public static func zero(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buf in
            if let base = buf.baseAddress { sodium_memzero(base, buf.count) }
        }
    }
}
