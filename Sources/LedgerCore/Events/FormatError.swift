/// A violation of the Coledger interchange format (FORMAT.md), with where it was found.
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// RFC 6901 JSON pointer of the offending value inside the entry or event ("" for the whole).
    public var pointer: String
    /// What was wrong, as a sentence fragment ("must be a lower-case UUID").
    public var reason: String

    /// Creates a format error at `pointer`.
    public init(_ pointer: String, _ reason: String) {
        self.pointer = pointer
        self.reason = reason
    }

    /// `"/event/id: must be a lower-case UUID"`.
    public var description: String {
        pointer.isEmpty ? reason : "\(pointer): \(reason)"
    }

    /// The same error with `prefix` removed from the front of its pointer.
    public func droppingPrefix(_ prefix: String) -> FormatError {
        pointer.hasPrefix(prefix) ? FormatError(String(pointer.dropFirst(prefix.count)), reason) : self
    }

    /// The same error, with `prefix` put in front of its pointer.
    public func nested(under prefix: String) -> FormatError {
        FormatError(prefix + pointer, reason)
    }
}
