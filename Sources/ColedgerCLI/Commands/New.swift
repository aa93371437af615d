import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain

struct NewEvent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Print a filled-in JSON event of any catalogue type, to edit and `append`.",
        discussion: HelpText.reflow("""
            The skeleton has type, typeVersion, stream and the type's example payload; a type with personal
            data also has "private": {"subject", "data"}, whose data the ledger commits to and stores
            encrypted outside the log. Replace the example values, then:
              coledger new feedback.closed > e.json && $EDITOR e.json && coledger append --key K e.json
            """))
    @Argument(help: "The event type, e.g. feedback.received (`coledger types` lists them).") var type: String
    @Option(help: "The payload version (default: the newest).") var version: Int?

    func run() throws {
        try reporting {
            let versions = Catalogue.all.filter { $0.eventType == type }
            guard let newest = versions.max(by: { $0.typeVersion < $1.typeVersion }) else {
                let close = Catalogue.closeMatches(to: type)
                let hint = close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?"
                throw CLIError("unknown event type \(type)\(hint) (`coledger types` lists the catalogue)")
            }
            var chosen = newest
            if let version {
                guard let match = versions.first(where: { $0.typeVersion == version }) else {
                    let known = versions.map { String($0.typeVersion) }.sorted().joined(separator: ", ")
                    throw CLIError("\(type) has no version \(version) (known: \(known))")
                }
                chosen = match
            }
            print(Self.skeleton(chosen))
        }
    }

    /// The pretty-printed skeleton of `type`.
    static func skeleton(_ type: any EventPayload.Type) -> String {
        let example = type.example
        let payload = Catalogue.json(of: example)
        var members: [(String, JSONValue)] = [
            ("type", .string(type.eventType)), ("typeVersion", .number(Double(type.typeVersion))),
            ("stream", .string(example.stream)), ("payload", payload),
        ]
        if !type.privateFields.isEmpty {
            let names = [
                MemberJoined.CodingKeys.personId.stringValue, FeedbackReceived.CodingKeys.submitter.stringValue,
            ]
            let person = names.lazy.compactMap { payload[$0]?.stringValue }.first { $0 != FeedbackReceived.anonymous }
            let data = JSONValue.object(
                Dictionary(uniqueKeysWithValues: type.privateFields.map { ($0, JSONValue.string("…")) }))
            members.append(("private", .object(["subject": .string("person/\(person ?? "…")"), "data": data])))
        }
        return PrettyJSON.render(members)
    }
}

/// Indented JSON with members in a chosen order at the top and sorted below.
enum PrettyJSON {
    static func render(_ members: [(String, JSONValue)]) -> String {
        let body = members.map { "  \(string($0.0)): \(render($0.1, indent: 1))" }
        return "{\n" + body.joined(separator: ",\n") + "\n}"
    }

    static func render(_ value: JSONValue, indent: Int) -> String {
        let inner = String(repeating: "  ", count: indent + 1)
        let outer = String(repeating: "  ", count: indent)
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return CanonicalJSON.numberString(n) ?? "0"
        case .string(let s): return string(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + render($0, indent: indent + 1) }.joined(separator: ",\n") + "\n\(outer)]"
        case .object(let object):
            if object.isEmpty { return "{}" }
            let body = object.keys.sorted().map { key in
                "\(inner)\(string(key)): \(render(object[key] ?? .null, indent: indent + 1))"
            }
            return "{\n" + body.joined(separator: ",\n") + "\n\(outer)}"
        }
    }

    static func string(_ s: String) -> String {
        (try? CanonicalJSON.serialize(.string(s))).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
