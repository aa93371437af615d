import Foundation
import LedgerCore
import Testing
@testable import LedgerDomain

/// Swift decoding and the JSON Schemas in `Schemas/` agree: the same examples pass and fail,
/// the same members exist and the same ones are required. `Tests/interop/test_schemas.py` runs
/// the same examples through a JSON Schema validator.
@Suite struct SchemaExamplesTests {
    @Test(arguments: ExampleFile.all.filter(\.valid))
    func validExampleDecodes(_ file: ExampleFile) throws {
        let payload = try SchemaFiles.read(file.url)
        do {
            _ = try Catalogue.decode(type: file.type, version: file.version, payload: payload)
        } catch {
            Issue.record("\(file.name) should decode but: \(error)")
        }
    }

    @Test(arguments: ExampleFile.all.filter { !$0.valid })
    func invalidExampleIsRefused(_ file: ExampleFile) throws {
        let payload = try SchemaFiles.read(file.url)
        #expect(throws: DomainError.self, "\(file.name) should be refused") {
            _ = try Catalogue.decode(type: file.type, version: file.version, payload: payload)
        }
    }

    @Test func everyExampleFileIsNamedForACatalogueType() {
        for name in SchemaFiles.names(in: SchemaFiles.examples) {
            guard let file = ExampleFile(name: name) else {
                Issue.record("\(name) does not follow <type>.v<version>.<valid|invalid>[-N].json")
                continue
            }
            #expect(Catalogue.type(file.type, version: file.version) != nil, "\(name): no such type in the catalogue")
        }
    }

    @Test func everyTypeHasASchemaAndExamples() {
        let schemas = Set(SchemaFiles.names(in: SchemaFiles.events))
        for type in Catalogue.all {
            let key = "\(type.eventType)@\(type.typeVersion)"
            #expect(schemas.contains(SchemaFiles.schemaName(type)), "\(key) has no schema \(SchemaFiles.schemaName(type))")
            let files = ExampleFile.all.filter { $0.type == type.eventType && $0.version == type.typeVersion }
            #expect(files.contains { $0.valid }, "\(key) has no valid example")
            #expect(files.contains(where: { !$0.valid }), "\(key) has no invalid example")
        }
    }

    @Test func everySchemaBelongsToACatalogueType() {
        for name in SchemaFiles.names(in: SchemaFiles.events) where name != "common.v1.schema.json" {
            let matched = Catalogue.all.contains { SchemaFiles.schemaName($0) == name }
            #expect(matched, "\(name) has no catalogue type")
        }
    }

    @Test(arguments: Catalogue.all.map(TypeArgument.init))
    func schemaHeaderAndMembersMatchSwift(_ argument: TypeArgument) throws {
        let type = argument.type
        let schema = try SchemaFiles.schema(of: type)
        let name = SchemaFiles.schemaName(type)
        #expect(schema["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema", "\(name) $schema")
        #expect(schema["$id"]?.stringValue == "https://coledger.example/schemas/events/\(name)", "\(name) $id")
        #expect(schema["title"]?.stringValue?.isEmpty == false, "\(name) title")
        #expect(schema["description"]?.stringValue?.isEmpty == false, "\(name) description")
        #expect(schema["type"]?.stringValue == "object", "\(name) type")
        #expect(schema["additionalProperties"] == .bool(false), "\(name) additionalProperties")

        let properties = Set(schema["properties"]?.objectValue.map { Array($0.keys) } ?? [])
        #expect(properties == type.memberNames, "\(name): schema properties \(properties.sorted()) ≠ Swift members \(type.memberNames.sorted())")
        for field in type.privateFields {
            #expect(!type.memberNames.contains(field), "\(type.eventType): private field \(field) is a payload member")
        }

        let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        let examples = try ExampleFile.all.filter { $0.valid && $0.type == type.eventType && $0.version == type.typeVersion }
            .map { try SchemaFiles.read($0.url) }
        let seen = Set(examples.flatMap { $0.objectValue?.keys.map { $0 } ?? [] })
        #expect(seen == type.memberNames, "\(type.eventType): members never shown by a valid example: \(type.memberNames.subtracting(seen).sorted())")
        let swiftRequired = try Self.requiredMembers(type, examples: examples)
        #expect(swiftRequired == required, "\(name): schema requires \(required.sorted()), Swift requires \(swiftRequired.sorted())")
    }

    /// The members whose removal from a valid example makes Swift report them missing.
    static func requiredMembers(_ type: any EventPayload.Type, examples: [JSONValue]) throws -> Set<String> {
        var required: Set<String> = []
        var optional: Set<String> = []
        for example in examples {
            guard let members = example.objectValue else { continue }
            for key in members.keys {
                var trimmed = members
                trimmed[key] = nil
                do {
                    _ = try Catalogue.decode(type: type.eventType, version: type.typeVersion, payload: .object(trimmed))
                    optional.insert(key)
                } catch {
                    if error.pointer == "/" + JSONPointer.escape(key) && error.reason == "missing required member" {
                        required.insert(key)
                    } else {
                        optional.insert(key)
                    }
                }
            }
        }
        return required.subtracting(optional)
    }

    @Test(arguments: Catalogue.all.map(TypeArgument.init))
    func validExampleIsTheSwiftExample(_ argument: TypeArgument) throws {
        let type = argument.type
        let url = SchemaFiles.examples.appendingPathComponent("\(type.eventType).v\(type.typeVersion).valid.json")
        let expected = SchemaFiles.pretty(Self.exampleJSON(type))
        if SchemaFiles.writeExamples {
            try FileManager.default.createDirectory(at: SchemaFiles.examples, withIntermediateDirectories: true)
            try Data(expected.utf8).write(to: url)
            return
        }
        let stored = try SchemaFiles.read(url)
        #expect(stored == Self.exampleJSON(type), "\(url.lastPathComponent) differs from \(type).example; rerun with COLEDGER_WRITE_EXAMPLES=1")
    }

    static func exampleJSON<T: EventPayload>(_ type: T.Type) -> JSONValue {
        Catalogue.json(of: T.example)
    }

    @Test func commonDefinitionsMatchSwift() throws {
        let defs = try #require(try SchemaFiles.common()["$defs"]?.objectValue)
        for syntax in StringSyntax.all {
            guard let def = defs[syntax.name] else {
                Issue.record("common.v1.schema.json has no $defs/\(syntax.name)")
                continue
            }
            #expect(def["type"]?.stringValue == "string", "\(syntax.name) type")
            #expect(def["pattern"]?.stringValue == syntax.pattern, "\(syntax.name) pattern")
            #expect(def["minLength"]?.intValue == syntax.minLength, "\(syntax.name) minLength")
            #expect(def["maxLength"]?.intValue == syntax.maxLength, "\(syntax.name) maxLength")
            #expect(def["format"]?.stringValue == syntax.format, "\(syntax.name) format")
        }
        let enums: [String: [String]] = [
            "competency": Competency.rawValues, "pillar": Pillar.rawValues, "objective": Objective.rawValues,
            "personCategory": PersonCategory.rawValues, "ladderRung": LadderRung.rawValues, "scope": Scope.rawValues,
            "changeStatus": ChangeStatus.rawValues, "protectedCharacteristic": ProtectedCharacteristic.rawValues,
            "entityKind": EntityKind.allCases.map(\.rawValue),
        ]
        for (name, values) in enums {
            #expect(defs[name]?["enum"]?.arrayValue?.compactMap(\.stringValue) == values, "$defs/\(name) enum ≠ Swift")
        }
        #expect(defs["count"]?["minimum"]?.intValue == Count.minimum)
        #expect(defs["positiveInt"]?["minimum"]?.intValue == PositiveInt.minimum)
        #expect(defs["percentage"]?["minimum"]?.intValue == Percentage.minimum)
        #expect(defs["percentage"]?["maximum"]?.intValue == Percentage.maximum)
        #expect(defs["fraction"]?["minimum"]?.intValue == 0 && defs["fraction"]?["maximum"]?.intValue == 1)
    }

    /// Every hand-written matcher accepts exactly what its schema pattern accepts, over every
    /// string in the examples and mutations of them.
    @Test func syntaxMatchersAgreeWithTheirPatterns() throws {
        var corpus: Set<String> = [
            "", "a", "A", "-", "p-0001", "p", "P-0001", "R-DIR-EDI", "R-", "R-dir", "B-AMHEPF", "B--", "LG-1", "LG-", "lg-1",
            "MHS-3", "NW-MHS-2", "A-B-C-D-E", "G-4", "G-1000", "minCount", "MinCount", "feedback.*", "feedback.received",
            "feedback", "*.x", "a.*.b", "sha256:", "2026-02-29", "2026-13-01", "2026-1-01", "2026-03-04T10:00:00Z",
            "2026-03-04T10:00:00.123Z", "2026-03-04T24:00:00Z", "2026-03-04T10:00:00", "person/p-0001", "role/R-DCEO",
            "system/importer", "system/", "team/x", "ROPA-2026-07", "a b", "é", "x+y", "0f6c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
        ]
        for file in ExampleFile.all {
            Self.collectStrings(try SchemaFiles.read(file.url), into: &corpus)
        }
        for text in Array(corpus) {
            corpus.formUnion([
                text + "-", "-" + text, text.uppercased(), text.lowercased(), String(text.dropFirst()), String(text.dropLast()),
                text + " ", text + "x", text + "=", text.replacingOccurrences(of: "-", with: "_"),
            ])
        }
        for syntax in StringSyntax.all {
            guard let pattern = syntax.pattern else { continue }
            let regex = try Regex(pattern)
            for text in corpus.sorted() {
                let byRegex = (try? regex.wholeMatch(in: text)) != nil
                if syntax.format != nil {
                    // Swift also checks the calendar (the schema's `format`), so it may refuse more.
                    #expect(!syntax.matches(text) || byRegex, "\(syntax.name) accepts \"\(text)\" but its pattern does not")
                } else {
                    #expect(syntax.matches(text) == byRegex, "\(syntax.name) on \"\(text)\": matcher \(!byRegex), pattern \(byRegex)")
                }
            }
        }
    }

    @Test func datesAreCheckedAgainstTheCalendar() {
        #expect(StringSyntax.isoDate.matches("2024-02-29"))
        #expect(!StringSyntax.isoDate.matches("2026-02-29"))
        #expect(!StringSyntax.isoDate.matches("2026-04-31"))
        #expect(StringSyntax.utcTimestamp.matches("2026-03-04T10:00:00.250Z"))
        #expect(!StringSyntax.utcTimestamp.matches("2026-02-30T10:00:00Z"))
    }

    static func collectStrings(_ value: JSONValue, into corpus: inout Set<String>) {
        switch value {
        case .string(let text): corpus.insert(text)
        case .array(let items): items.forEach { collectStrings($0, into: &corpus) }
        case .object(let members):
            members.forEach { key, member in
                corpus.insert(key)
                collectStrings(member, into: &corpus)
            }
        default: break
        }
    }
}

/// A catalogue type as a test argument (named by its type and version).
struct TypeArgument: Sendable, CustomStringConvertible {
    let type: any EventPayload.Type
    init(_ type: any EventPayload.Type) { self.type = type }
    var description: String { "\(type.eventType)@\(type.typeVersion)" }
}
