import Foundation

/// Standard base64 (RFC 4648 section 4, with padding), strict on decode.
public enum Base64 {
    /// Encodes bytes.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// Decodes canonical padded base64; `nil` for anything else (whitespace, missing
    /// padding, non-zero trailing bits, URL alphabet).
    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 4 == 0, let data = Data(base64Encoded: text) else { return nil }
        let bytes = [UInt8](data)
        // Reject non-canonical encodings (non-zero padding bits) by re-encoding.
        guard data.base64EncodedString() == text else { return nil }
        return bytes
    }
}
