/// The portal's form and query parser (`FormData`, the same code reads request bodies and URL
/// query strings, linked here from Sources/LedgerPortal/Server/FormData.swift). Properties: a
/// decoded form, percent-encoded again, decodes to the same fields; decoding never crashes.
enum PortalFormHarness {
    static let run: Harness = { data in
        guard let form = try? FormData(body: data) else { return }
        let encoded = form.fields.map { encode($0.key) + "=" + encode($0.value) }.joined(separator: "&")
        let again = try? FormData(body: Array(encoded.utf8))
        expect(again?.fields == form.fields, "re-encoded form decodes to other fields")
        for (name, value) in form.fields {
            expect(form[name] == value, "subscript disagrees with fields")
        }
    }

    /// Percent-encodes every byte except unreserved ASCII.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }
}
