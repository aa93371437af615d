import Foundation
import LedgerCore
import LedgerDomain
import Testing

@Suite struct AuthorizationPolicyTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schemas/policy/authorization.v1.json")

    @Test func theEmbeddedPolicyIsTheSchemasFile() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(text == AuthorizationPolicy.defaultText)
    }

    @Test func everyCatalogueTypeIsCoveredByARule() {
        let policy = AuthorizationPolicy.standard
        for type in Catalogue.all {
            let covered = policy.rules.contains { rule in
                rule.types.contains { $0 == type.eventType || ($0.hasSuffix(".*") && type.eventType.hasPrefix(String($0.dropLast(1)))) }
            }
            #expect(covered, "no rule covers \(type.eventType)")
        }
    }

    @Test func unknownPrincipalsAreRefused() {
        #expect(throws: DomainError.self) {
            try AuthorizationPolicy(json: #"{"policy":"x","rules":[{"id":"R","types":["a.b"],"allow":["janitor"]}]}"#)
        }
    }
}
