import Foundation
import LedgerCore

/// RFC 4180 CSV from Codable records: one column per member (arrays joined with ';', objects as JSON).
enum CSV {
    static func table<T: Encodable>(_ records: [T]) -> String {
        let rows: [[String: JSONValue]] = records.compactMap { record in
            guard let data = try? JSONEncoder().encode(record) else { return nil }
            return (try? CanonicalJSON.parse([UInt8](data)))?.objectValue
        }
        let columns = Array(Set(rows.flatMap(\.keys))).sorted()
        var out = columns.map(escape).joined(separator: ",") + "\r\n"
        for row in rows {
            out += columns.map { escape(cell(row[$0])) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func cell(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let s)?: return s
        case .bool(let b)?: return b ? "true" : "false"
        case .number(let n)?: return CanonicalJSON.numberString(n) ?? ""
        case .array(let a)?: return a.map { cell($0) }.joined(separator: ";")
        case .object?: return (value.flatMap { try? CanonicalJSON.serialize($0) }).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    /// One cell: neutralised against formula injection, then quoted when RFC 4180 needs it.
    static func escape(_ s: String) -> String {
        let s = neutralised(s)
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A cell a spreadsheet could read as a formula (it starts with `=`, `+`, `-`, `@`, tab or
    /// carriage return) gets a leading `'`, as OWASP advises, so Excel, LibreOffice and Google
    /// Sheets show the text instead of evaluating it. Numbers written by the CSV itself (such as
    /// `-3`) are left alone: they are values, not formulas.
    static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        if Double(s) != nil && s.unicodeScalars.allSatisfy({ "+-.0123456789eE".unicodeScalars.contains($0) }) { return s }
        return "'" + s
    }
}
