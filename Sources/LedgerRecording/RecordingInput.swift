/// Turns text a person typed (a CLI option, a form field) into the typed values a request holds,
/// refusing an unknown value with the member and the field named, as the catalogue's decoder
/// would name it.
public enum RecordingInput {
    /// The value of a closed list `E` spelled `text`.
    /// - Throws: ``RecordingError`` `/payload/<member> (<field>): unknown value "x" (allowed: …)`.
    public static func value<E: RawRepresentable & CaseIterable>(
        _: E.Type, _ text: String, member: some CodingKey, field: String
    ) throws -> E where E.RawValue == String {
        try value(E.self, text, pointer: "/payload/\(member.stringValue)", field: field)
    }

    /// Each of `texts` as a value of `E` (an error names the element, `/payload/<member>/<i>`).
    public static func values<E: RawRepresentable & CaseIterable>(
        _: E.Type, _ texts: [String], member: some CodingKey, field: String
    ) throws -> [E] where E.RawValue == String {
        try texts.enumerated().map { i, text in
            try value(E.self, text, pointer: "/payload/\(member.stringValue)/\(i)", field: field)
        }
    }

    /// The value of `E` spelled `text`, refused at `pointer` (a draft pointer, `/payload/...`).
    public static func value<E: RawRepresentable & CaseIterable>(
        _: E.Type, _ text: String, pointer: String, field: String
    ) throws -> E
    where E.RawValue == String {
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw RecordingError(
                .invalid, pointer: pointer, field: field, reason: "unknown value \"\(text)\" (allowed: \(allowed))")
        }
        return value
    }
}
