/// A log operator's (or a verifier's) witness policy: which witnesses, and which of them must have
/// cosigned a checkpoint for it to count. The text format is Sigsum's policy format
/// (sigsum.org, "policy" file), restricted to the lines a checkpoint needs:
///
/// ```
/// # comments and blank lines are ignored
/// log    KEY [URL]                   (accepted and ignored: the log key is pinned elsewhere)
/// witness NAME KEY [URL]             KEY: a cosignature/v1 vkey named NAME, or 64 hex digits (Ed25519)
/// group  NAME THRESHOLD|all|any MEMBER...   members: witnesses or groups defined above
/// quorum NAME|none                   exactly once: the witness or group that must be satisfied
/// ```
///
/// With a hex key, the cosignature key's name is NAME (type 0x04). URL, when given, is the witness's
/// c2sp.org/tlog-witness base URL (`URL/add-checkpoint`).
public struct WitnessPolicy: Sendable, Equatable {
    /// One witness: its cosignature verifier key and where to reach it.
    public struct Witness: Sendable, Equatable {
        /// The name used in the policy (and in the cosignature lines).
        public let name: String
        /// Its cosignature/v1 verifier key.
        public let key: NoteVerifierKey
        /// Its tlog-witness base URL, if the policy gives one.
        public let url: String?
    }

    /// A group: satisfied when at least `threshold` of its members are.
    public struct Group: Sendable, Equatable {
        public let name: String
        public let threshold: Int
        public let members: [String]
    }

    /// The witnesses in order of appearance.
    public let witnesses: [Witness]
    /// The groups by name.
    public let groups: [String: Group]
    /// The witness or group that must be satisfied; nil for `quorum none`.
    public let quorum: String?

    /// Parses a policy strictly: an unknown keyword, a name used twice, a member not defined
    /// above, a threshold out of range or a missing or repeated `quorum` line is refused, naming
    /// the line.
    public init(parsing text: String) throws(WitnessPolicyError) {
        var witnesses: [Witness] = []
        var groups: [String: Group] = [:]
        var quorum: String??
        var names: Set<String> = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let keyword = words.first else { continue }
            func fail(_ why: String) -> WitnessPolicyError { WitnessPolicyError(message: "line \(index + 1): \(why)") }
            switch keyword {
            case "log":
                guard words.count == 2 || words.count == 3 else { throw fail("expected `log KEY [URL]`") }
            case "witness":
                guard words.count == 3 || words.count == 4 else { throw fail("expected `witness NAME KEY [URL]`") }
                let name = words[1]
                guard !names.contains(name) else { throw fail("\(name) is defined twice") }
                let key: NoteVerifierKey
                if words[2].count == 64, let raw = Hex.decode(words[2]) {
                    do {
                        key = NoteVerifierKey(
                            name: name, publicKey: try Ed25519PublicKey(rawRepresentation: raw),
                            type: NoteVerifierKey.cosignatureV1Type)
                    } catch {
                        throw fail("\(words[2]) is not an Ed25519 public key")
                    }
                } else {
                    do {
                        key = try NoteVerifierKey(parsing: words[2])
                    } catch {
                        throw fail("KEY is neither 64 hex digits nor a verifier key: \(error)")
                    }
                    guard key.type == NoteVerifierKey.cosignatureV1Type else {
                        throw fail("\(name)'s key is not a cosignature/v1 key (type 0x04): `coledger witness vkey`")
                    }
                    guard key.name == name else { throw fail("the key is named \(key.name), not \(name)") }
                }
                names.insert(name)
                witnesses.append(Witness(name: name, key: key, url: words.count == 4 ? words[3] : nil))
            case "group":
                guard words.count >= 4 else { throw fail("expected `group NAME THRESHOLD|all|any MEMBER...`") }
                let name = words[1]
                guard !names.contains(name) else { throw fail("\(name) is defined twice") }
                let members = Array(words[3...])
                guard Set(members).count == members.count else { throw fail("a member is listed twice") }
                for member in members where !names.contains(member) {
                    throw fail("\(member) is not a witness or group defined above")
                }
                let threshold: Int
                switch words[2] {
                case "all": threshold = members.count
                case "any": threshold = 1
                default:
                    guard let k = Int(words[2]), k >= 1, k <= members.count else {
                        throw fail("the threshold must be all, any or 1...\(members.count)")
                    }
                    threshold = k
                }
                names.insert(name)
                groups[name] = Group(name: name, threshold: threshold, members: members)
            case "quorum":
                guard words.count == 2 else { throw fail("expected `quorum NAME|none`") }
                guard quorum == nil else { throw fail("quorum is given twice") }
                guard words[1] == "none" || names.contains(words[1]) else {
                    throw fail("\(words[1]) is not a witness or group defined above")
                }
                quorum = .some(words[1] == "none" ? nil : words[1])
            default:
                throw fail("unknown keyword \(keyword) (log, witness, group, quorum)")
            }
        }
        guard let quorum else { throw WitnessPolicyError(message: "no `quorum` line") }
        self.witnesses = witnesses
        self.groups = groups
        self.quorum = quorum
    }

    /// Whether cosignatures by the witnesses named `cosigners` satisfy the quorum.
    public func isSatisfied(by cosigners: Set<String>) -> Bool {
        guard let quorum else { return true }
        return satisfied(quorum, cosigners)
    }

    private func satisfied(_ name: String, _ cosigners: Set<String>) -> Bool {
        guard let group = groups[name] else { return cosigners.contains(name) }
        return group.members.filter { satisfied($0, cosigners) }.count >= group.threshold
    }

    /// The policy's witnesses with a valid cosignature/v1 on `note`.
    public func cosigners(of note: SignedNote) -> [Witness] {
        witnesses.filter { witness in
            note.signatures.contains {
                witness.key.matches($0) && Cosignature.verify($0, checkpointBody: note.text, key: witness.key) != nil
            }
        }
    }

    /// The policy's verdict on a checkpoint note: whether its valid cosignatures meet the quorum,
    /// and a one-line account. Every command and page that judges a witness policy (`checkpoint`,
    /// `verify`, `audit`, `monitor`, the portal's "Check the record") calls this.
    public func judge(note: String) -> (ok: Bool, detail: String) {
        guard let parsed = try? SignedNote(parsing: note) else { return (false, "the checkpoint is not a signed note") }
        let cosigners = cosigners(of: parsed)
        return (isSatisfied(by: Set(cosigners.map(\.name))), describe(cosigners: cosigners))
    }

    /// The `witness` failure `verify` and `audit` report when the newest checkpoint's note does
    /// not meet the policy; nil when it does.
    public func failure(newestCheckpoint note: String) -> VerificationFailure? {
        let verdict = judge(note: note)
        guard !verdict.ok else { return nil }
        return VerificationFailure(
            index: nil, check: "witness", detail: "the newest checkpoint is \(verdict.detail): quorum not met")
    }

    /// A one-line account of `cosigners` against the quorum.
    public func describe(cosigners: [Witness]) -> String {
        let names = cosigners.map(\.name).joined(separator: ", ")
        let need = quorum.map { q in groups[q].map { "\($0.threshold) of \($0.members.joined(separator: ", "))" } ?? q }
        return
            "cosigned by \(cosigners.count) of \(witnesses.count) witnesses\(names.isEmpty ? "" : " (\(names))"); quorum: \(need ?? "none")"
    }
}

/// Why a witness policy was refused: the line and the reason.
public struct WitnessPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// "line N: why".
    public let message: String
    public var description: String { "witness policy: \(message)" }
}
