import Foundation
import LedgerCore
@testable import LedgerDomain

/// Where the schemas and examples are, found from this file (the repository root is three
/// levels up: Tests/LedgerDomainTests/<file>).
enum SchemaFiles {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let events = root.appendingPathComponent("Schemas/events")
    static let examples = root.appendingPathComponent("Schemas/examples")

    /// `COLEDGER_WRITE_EXAMPLES=1 swift test --filter LedgerDomainTests` writes each type's
    /// `.valid.json` from its `static var example` instead of comparing them.
    static let writeExamples = ProcessInfo.processInfo.environment["COLEDGER_WRITE_EXAMPLES"] == "1"

    static func names(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    static func read(_ url: URL) throws -> JSONValue {
        let data = try Data(contentsOf: url)
        return try CanonicalJSON.parse([UInt8](data))
    }

    static func schemaName(_ type: any EventPayload.Type) -> String {
        "\(type.eventType).v\(type.typeVersion).schema.json"
    }

    static func schema(of type: any EventPayload.Type) throws -> JSONValue {
        try read(events.appendingPathComponent(schemaName(type)))
    }

    static func common() throws -> JSONValue {
        try read(events.appendingPathComponent("common.v1.schema.json"))
    }

    /// JSON text with sorted members and two-space indents, ending in a newline.
    static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", into: &out)
        return out + "\n"
    }

    private static func write(_ value: JSONValue, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch value {
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, key) in members.keys.sorted().enumerated() {
                out += inner + scalar(.string(key)) + ": "
                if let member = members[key] { write(member, indent: inner, into: &out) }
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        default:
            out += scalar(value)
        }
    }

    private static func scalar(_ value: JSONValue) -> String {
        guard let bytes = try? CanonicalJSON.serialize(value) else { return "null" }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// One file of `Schemas/examples`: `<type>.v<version>.<valid|invalid>[-N].json`.
struct ExampleFile: Sendable, CustomStringConvertible {
    let name: String
    let type: String
    let version: Int
    let valid: Bool

    /// Parses a file name; nil if it does not follow the naming scheme.
    init?(name: String) {
        guard name.hasSuffix(".json") else { return nil }
        var parts = name.dropLast(5).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4, let kind = parts.popLast(), let v = parts.popLast(), v.hasPrefix("v"),
            let version = Int(v.dropFirst()), version >= 1
        else { return nil }
        let base = kind.split(separator: "-", maxSplits: 1).map(String.init)
        guard let label = base.first, label == "valid" || label == "invalid" else { return nil }
        if base.count == 2 { guard let n = Int(base[1]), n >= 2 else { return nil } }
        self.name = name
        self.type = parts.joined(separator: ".")
        self.version = version
        self.valid = label == "valid"
    }

    var url: URL { SchemaFiles.examples.appendingPathComponent(name) }
    var description: String { name }

    static let all: [ExampleFile] = SchemaFiles.names(in: SchemaFiles.examples).compactMap(ExampleFile.init(name:))
}
