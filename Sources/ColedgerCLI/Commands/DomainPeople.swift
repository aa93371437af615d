import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording

// People, roles and bodies (catalogue groups B and C).

private let categories = PersonCategory.allCases.map(\.rawValue).joined(separator: ", ")

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Register people under pseudonyms.", subcommands: [Register.self])

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a person (person.registered); name and contact go to the private part.",
            discussion: HelpText.reflow("""
                The payload holds only the pseudonym and categories. --name and --contact are personal data:
                the ledger commits to them and stores them encrypted outside the log under subject
                person/<id>, so `coledger erase` can delete them later.
                """))
        @OptionGroup var signing: SigningOptions
        @Option(help: "The pseudonym, e.g. p-0001.") var id: String
        @Option(help: ArgumentHelp("A part the person plays (repeatable): \(categories).", valueName: "category"))
        var category: [String] = []
        @Option(help: "Their name (private).") var name: String?
        @Option(help: "How to reach them (private).") var contact: String?
        @Option(help: "The record-of-processing entry that covers the private data, e.g. ROPA-2026-03 (rule P-1).")
        var lawfulBasis: String

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    guard !category.isEmpty else { throw CLIError("give at least one --category (\(categories))") }
                    var event = DomainEvent(
                        type: "person.registered",
                        payload: [
                            "personId": .string(id), "categories": VerbInput.strings(category),
                            "lawfulBasisRef": .string(lawfulBasis),
                        ],
                        options: ["personId": "--id", "categories": "--category", "lawfulBasisRef": "--lawful-basis"])
                    event.privateSubject = "person/\(id)"
                    if let name { event.privateData["name"] = .string(name) }
                    if let contact { event.privateData["contact"] = .string(contact) }
                    return event
                } describe: { _, _ in
                    "Registered person \(id)."
                }
            }
        }
    }
}

struct RoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Define roles and assign people to them.",
        subcommands: [Define.self, Assign.self])

    struct Define: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Define a role (role.defined).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The role id, e.g. R-HEAD-RJE.") var role: String
        @Option(help: "Its canonical name.") var name: String
        @Option(help: "Another name it goes by (repeatable).") var alias: [String] = []
        @Flag(help: "Only one person holds it at a time.") var singleOccupant = false

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    DomainEvent(
                        type: "role.defined",
                        payload: [
                            "roleId": .string(role), "name": .string(name), "aliases": VerbInput.strings(alias),
                            "singleOccupant": .bool(singleOccupant),
                        ],
                        options: ["roleId": "--role", "name": "--name", "aliases": "--alias"])
                } describe: { _, _ in
                    "Defined role \(role)."
                }
            }
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "A person takes up a role (role.assigned); a body's chair or facilitator role makes them its officer.")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The role id.") var role: String
        @Option(help: "The person's pseudonym.") var person: String
        @Option(help: .hidden) var from: String?
        @Option(help: "The body the role is held for, if any.") var body: String?
        @Option(help: "The region the role is held for, if any.") var region: String?
        @Option(help: "The decision that appointed them, if any.") var decision: String?

        func run() throws {
            try reporting {
                try EffectiveDateOption.replaced("--from", from)
                try DomainVerb.append(signing) { _ in
                    var payload: [String: JSONValue] = ["roleId": .string(role), "personId": .string(person)]
                    if let body { payload["bodyId"] = .string(body) }
                    if let region { payload["regionId"] = .string(region) }
                    if let decision { payload["appointedByDecision"] = .string(decision) }
                    return DomainEvent(
                        type: "role.assigned", payload: payload,
                        options: [
                            "roleId": "--role", "personId": "--person", "bodyId": "--body",
                            "regionId": "--region",
                            "appointedByDecision": "--decision",
                        ])
                } describe: { _, _ in
                    "Assigned role \(role) to \(person)."
                }
            }
        }
    }
}

struct BodyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "body", abstract: "Establish governance bodies and record their members.",
        subcommands: [Establish.self, AddMember.self, BoardUpdate.self])

    struct Establish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set up a body with its terms of reference (body.established).",
            discussion: "Roles, the parent body, the region and the decision must already be in the log.")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The body id, e.g. B-AMHEPF or B-REGFORUM-NW.") var body: String
        @Option(
            help: ArgumentHelp(
                "Its seed type: \(BodyType.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
        var type: String
        @Option(help: "Its canonical name.") var name: String
        @Option(help: "Another name it goes by (repeatable).") var alias: [String] = []
        @Option(help: "The body it reports to.") var parent: String?
        @Option(help: "Its region, for a regional body.") var region: String?
        @Option(help: "The role that chairs it.") var chairRole: String?
        @Option(help: "A role that facilitates it (repeatable).") var facilitatorRole: [String] = []
        @Option(help: "The terms of reference file (its SHA-256 is recorded).") var tor: String?
        @Option(help: "The terms of reference digest, sha256:<hex>, instead of --tor.") var torHash: String?
        @Option(help: "Members needed for a quorum.") var quorum: Int
        @Option(help: "Count only members of this category towards the quorum.") var quorumOf: String?
        @Option(help: "Experts by Experience who must be present for a decision (rule G-4).") var ebeMin = 1
        @Option(help: "And at least this share of attendees (0–1).", transform: ledgerNumberOption) var ebeShare: Double?
        @Option(
            help: ArgumentHelp(
                "What it may decide: \(DecisionScope.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "scope"))
        var scope: String
        @Option(help: "The decision that set it up.") var decision: String?

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    var quorumRule: [String: JSONValue] = ["min": VerbInput.int(quorum)]
                    if let quorumOf { quorumRule["ofCategory"] = .string(quorumOf) }
                    var presence: [String: JSONValue] = ["minCount": VerbInput.int(ebeMin)]
                    if let ebeShare { presence["minShare"] = .number(ebeShare) }
                    var payload: [String: JSONValue] = [
                        "bodyId": .string(body), "bodyType": .string(type), "name": .string(name),
                        "aliases": VerbInput.strings(alias),
                        "facilitatorRoleIds": VerbInput.strings(facilitatorRole),
                        "torDocHash": .string(try Digest.of(file: tor, hash: torHash, what: "--tor")),
                        "quorumRule": .object(quorumRule), "ebePresenceRule": .object(presence),
                        "decisionScope": .string(scope),
                    ]
                    if let parent { payload["parentBodyId"] = .string(parent) }
                    if let region { payload["regionId"] = .string(region) }
                    if let chairRole { payload["chairRoleId"] = .string(chairRole) }
                    if let decision { payload["decisionRef"] = .string(decision) }
                    return DomainEvent(
                        type: "body.established", payload: payload,
                        options: [
                            "bodyId": "--body", "bodyType": "--type", "name": "--name", "aliases": "--alias",
                            "parentBodyId": "--parent",
                            "regionId": "--region", "chairRoleId": "--chair-role",
                            "facilitatorRoleIds": "--facilitator-role",
                            "torDocHash": "--tor-hash", "quorumRule": "--quorum/--quorum-of",
                            "ebePresenceRule": "--ebe-min/--ebe-share",
                            "decisionScope": "--scope", "decisionRef": "--decision",
                        ])
                } describe: { _, _ in
                    "Established body \(body)."
                }
            }
        }
    }

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A person joins a body (member.joined).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The body id.") var body: String
        @Option(help: "The person's pseudonym.") var person: String
        @Option(help: ArgumentHelp("The category they sit in: \(categories).", valueName: "category")) var category:
            String
        @Option(help: .hidden) var from: String?
        @Flag(inversion: .prefixedNo, help: "Whether they vote (default: --voting).") var voting = true

        func run() throws {
            try reporting {
                try EffectiveDateOption.replaced("--from", from)
                try DomainVerb.append(signing) { _ in
                    DomainEvent(
                        type: "member.joined",
                        payload: [
                            "bodyId": .string(body), "personId": .string(person),
                            "membershipCategory": .string(category),
                            "votingRights": .bool(voting),
                        ],
                        options: [
                            "bodyId": "--body", "personId": "--person", "membershipCategory": "--category",
                        ])
                } describe: { _, _ in
                    "\(person) joined \(body) as \(category)."
                }
            }
        }
    }
}

/// Document digests (`sha256:<hex>`) for terms of reference, agendas and minutes.
enum Digest {
    /// The digest of `file`, or `hash` as given; one of them is required.
    static func of(file: String?, hash: String?, what option: String) throws -> String {
        switch (file, hash) {
        case (let file?, nil):
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError("\(option) \(file): cannot read the file")
            }
            return "sha256:" + Hex.encode(SHA256.hash([UInt8](data)))
        case (nil, let hash?):
            return hash
        case (.some, .some):
            throw CLIError("give \(option) FILE or \(option)-hash sha256:…, not both")
        case (nil, nil):
            throw CLIError("give \(option) FILE (its SHA-256 is recorded) or \(option)-hash sha256:<64 hex digits>")
        }
    }
}
