/// One thing a verifier found wrong, tied to an entry where it can be.
public struct VerificationFailure: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 0-based entry index, or nil for log-wide failures (checkpoint, root, size).
    public var index: Int?
    /// Which check failed: `format`, `jcs`, `duplicateId`, `streamVersion`, `signer`, `policy`,
    /// `keyEvent`, `signature`, `leafHash`, `treeNode`, `missing`, `root`, `checkpoint`,
    /// `consistency`, `private`, `size`, `manifest`, `logKey`.
    public var check: String
    /// What was wrong, in plain words.
    public var detail: String

    /// Creates a failure.
    public init(index: Int?, check: String, detail: String) {
        self.index = index
        self.check = check
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey { case index, check, detail }

    /// Encodes the failure, writing `"index": null` for log-wide failures.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let index { try c.encode(index, forKey: .index) } else { try c.encodeNil(forKey: .index) }
        try c.encode(check, forKey: .check)
        try c.encode(detail, forKey: .detail)
    }

    /// `entry 7: signer: key … was revoked at entry 6`.
    public var description: String {
        if let index { return "entry \(index): \(check): \(detail)" }
        return "\(check): \(detail)"
    }

    /// Orders failures by entry index, log-wide failures last, keeping discovery order otherwise.
    public static func sorted(_ failures: [VerificationFailure]) -> [VerificationFailure] {
        failures.enumerated().sorted { a, b in
            switch (a.element.index, b.element.index) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
