import LedgerCore
import LedgerDomain
import Testing

/// One id syntax per kind of entity, for creating and for referring: the member of the type that
/// creates an entity accepts an id exactly when ``EntityKind/acceptsId(_:)`` does, so a reference
/// admission lets through can name something that could exist, and nothing that could exist is
/// refused as a reference.
@Suite struct EntityIdSyntaxTests {
    /// Ids of every shape the catalogue uses, and a few no kind should take.
    static let probes = [
        "forum_1", "B-X1", "B-AMHEPF", "p-0001", "R-DIR-EDI", "north.east", "LG-1", "london", "F-2026-0001", "0123456789abcdef",
        "00000000-0000-4000-8000-0000000000e1", "-lead", "a", "B-", "x/y", "has space", "",
    ]

    @Test(arguments: Catalogue.all.map(TypeArgument.init))
    func theCreatingMemberAndTheReferenceAcceptTheSameIds(_ argument: TypeArgument) throws {
        try Self.check(argument.type)
    }

    static func check<T: EventPayload>(_ type: T.Type) throws {
        guard let defined = T.example.defines else { return }
        let member = String(defined.pointer.dropFirst())
        var payload = try #require(Catalogue.json(of: T.example).objectValue)
        for probe in probes {
            payload[member] = .string(probe)
            let created = (try? Catalogue.decode(T.self, payload: .object(payload))) != nil
            // Whatever the creating event accepts, a reference to that kind accepts.
            if created {
                #expect(defined.kind.acceptsId(probe), "\(T.eventType) creates \(defined.kind) \"\(probe)\", which references refuse")
            }
            // And the other way (a key id must also be its public key's hash, so only its syntax is compared).
            if defined.kind != .key, defined.kind.acceptsId(probe) {
                #expect(created, "references accept \(defined.kind) \"\(probe)\", which \(T.eventType) can never create")
            }
        }
    }

    @Test func aBodyReferenceTakesOnlyWhatBodyEstablishedCanCreate() {
        #expect(!EntityKind.body.acceptsId("forum_1"))
        #expect(EntityKind.body.acceptsId("B-REGFORUM-NW"))
        #expect(EntityKind.feedback.acceptsId("forum_1"), "feedback ids are F–K ids")
        #expect(EntityKind.body.idHint.hasPrefix("a body id such as B-AMHEPF"))
    }
}
