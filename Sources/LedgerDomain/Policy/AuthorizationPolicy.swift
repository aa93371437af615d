public import LedgerCore

/// Who may sign which event type, as data (`Schemas/policy/authorization.v1.json`).
public struct AuthorizationPolicy: Sendable {
    /// One rule: event types (exact, or `prefix.*`), the principals it allows, and payload conditions.
    public struct Rule: Sendable {
        /// The rule id, e.g. `AUTH-4`.
        public var id: String
        /// What it allows, in words.
        public var description: String
        /// Type patterns.
        public var types: [String]
        /// Principals: `admin`, `member`, `intake`, `evaluator`, `bodyOfficer`.
        public var allow: [String]
        /// Payload members that must have these string values.
        public var when: [String: String]

        func matches(_ type: String) -> Bool {
            types.contains { $0 == type || ($0.hasSuffix(".*") && type.hasPrefix(String($0.dropLast(1)))) }
        }
    }

    /// The policy name, e.g. `pcref/v1`.
    public var name: String
    /// The rules, in file order.
    public var rules: [Rule]

    /// The principals the policy knows.
    public static let principals: Set<String> = ["admin", "member", "intake", "evaluator", "bodyOfficer"]

    /// Reads a policy file.
    public init(json text: String) throws(DomainError) {
        let value: JSONValue
        do {
            value = try CanonicalJSON.parse(Array(text.utf8))
        } catch {
            throw DomainError("", "the policy file is not JSON: \(error)")
        }
        guard let name = value["policy"]?.stringValue, let list = value["rules"]?.arrayValue else {
            throw DomainError("", "a policy needs \"policy\" and \"rules\"")
        }
        var rules: [Rule] = []
        for (i, r) in list.enumerated() {
            guard let id = r["id"]?.stringValue, let types = r["types"]?.arrayValue?.compactMap(\.stringValue),
                let allow = r["allow"]?.arrayValue?.compactMap(\.stringValue), !types.isEmpty, !allow.isEmpty
            else {
                throw DomainError("/rules/\(i)", "a rule needs id, types and allow")
            }
            if let unknown = allow.first(where: { !Self.principals.contains($0) }) {
                throw DomainError("/rules/\(i)/allow", "unknown principal \(unknown) (known: \(Self.principals.sorted().joined(separator: ", ")))")
            }
            var when: [String: String] = [:]
            for (k, v) in r["when"]?.objectValue ?? [:] { when[k] = v.stringValue ?? "" }
            rules.append(Rule(id: id, description: r["description"]?.stringValue ?? "", types: types, allow: allow, when: when))
        }
        self.name = name
        self.rules = rules
    }

    /// The policy shipped with Coledger.
    public static let standard: AuthorizationPolicy = {
        do {
            return try AuthorizationPolicy(json: defaultText)
        } catch {
            preconditionFailure("the embedded authorization policy does not parse: \(error)")
        }
    }()

    /// Whether `principals` (what the signer is, for this event) may sign `event`; nil when
    /// allowed, else why not.
    public func refusal(for event: Event, principals: Set<String>) -> String? {
        refusal(type: event.type, payload: event.payload, principals: principals)
    }

    /// Whether `principals` may sign an event of `type` with `payload` (only the members a rule's
    /// `when` names are read); nil when allowed, else why not.
    public func refusal(type: String, payload: [String: JSONValue], principals: Set<String>) -> String? {
        let matching = rules.filter { $0.matches(type) }
        guard !matching.isEmpty else { return "no rule of \(name) allows \(type)" }
        for rule in matching where !principals.isDisjoint(with: rule.allow) {
            if rule.when.allSatisfy({ payload[$0.key]?.stringValue == $0.value }) { return nil }
        }
        let who = principals.isEmpty ? "a key with no role here" : principals.sorted().joined(separator: ", ")
        let needs = matching.map { rule in
            rule.allow.joined(separator: " or ") + (rule.when.isEmpty ? "" : " (when " + rule.when.map { "\($0.key) is \($0.value)" }.joined(separator: ", ") + ")")
        }
        return "\(type) must be signed by \(needs.joined(separator: "; or ")) (\(matching.map(\.id).joined(separator: ", "))); the signer is \(who)"
    }
}
