import Foundation
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// `equality.profile_recorded` version 1 spelled the ONS 2021 code system `ons_2021`; version 2
/// spells it as the catalogue's one ``EthnicityCodeSystem`` does (`ons2021`, as `metric.observed`
/// does). Version 1 entries written before still verify and read as the same enum.
@Suite struct EqualityProfileVersionTests {
    typealias T = DomainPolicyTests

    static func profile(version: Int, system: String, consent: String) -> JSONValue {
        .object([
            "type": "equality.profile_recorded", "typeVersion": .number(Double(version)), "stream": "person/p-0002",
            "payload": [
                "personId": "p-0002", "consentRef": .string(consent), "ethnicityCodeSystem": .string(system),
                "lawfulBasisRef": "ROPA-1",
            ],
        ])
    }

    @Test func versionOneStillVerifiesAndReadsAsTheOneEnum() throws {
        let w = try T.world()
        // Any event can be the consent the profile names; the feedback is the nearest to hand.
        let consentIndex = try w.ledger.append(draft: T.feedback("F-1", submitter: "p-0002"), signer: w.member).index
        let consent = try #require(try w.ledger.entries(from: consentIndex, limit: 1).first).entry.event.id

        let old = try w.ledger.append(
            draft: Self.profile(version: 1, system: "ons_2021", consent: consent), signer: w.admin)
        let oldEvent = try #require(try w.ledger.entries(from: old.index, limit: 1).first).entry.event
        #expect(oldEvent.typeVersion == 1 && oldEvent.payload["ethnicityCodeSystem"] == "ons_2021")
        let read = try #require(try Catalogue.decode(oldEvent) as? EqualityProfileRecorded)
        #expect(read.ethnicityCodeSystem == .ons2021)
        #expect(read.ethnicityCodeSystem.rawValue == EthnicityCode.codeSystem)
        let asStored = try #require(
            try Catalogue.decode(type: oldEvent.type, version: 1, payload: .object(oldEvent.payload))
                as? EqualityProfileRecordedV1)
        #expect(asStored.current == read)
        #expect((Catalogue.current(asStored, of: oldEvent) as? EqualityProfileRecorded) == read)

        let new = try w.ledger.append(
            draft: Self.profile(version: 2, system: "nhs_data_dictionary", consent: consent), signer: w.admin)
        let newEvent = try #require(try w.ledger.entries(from: new.index, limit: 1).first).entry.event
        #expect((try Catalogue.decode(newEvent) as? EqualityProfileRecorded)?.ethnicityCodeSystem == .nhsDataDictionary)
        #expect(try w.ledger.verify().ok)
    }

    @Test func eachVersionRefusesTheOtherSpelling() throws {
        let w = try T.world()
        let consentIndex = try w.ledger.append(draft: T.feedback("F-1", submitter: "p-0002"), signer: w.member).index
        let consent = try #require(try w.ledger.entries(from: consentIndex, limit: 1).first).entry.event.id
        try T.refused(
            w, Self.profile(version: 2, system: "ons_2021", consent: consent), by: w.admin, rule: "schema",
            pointer: "/payload/ethnicityCodeSystem", "allowed: ons2021, nhs_data_dictionary")
        try T.refused(
            w, Self.profile(version: 1, system: "ons2021", consent: consent), by: w.admin, rule: "schema",
            pointer: "/payload/ethnicityCodeSystem", "allowed: ons_2021, nhs_data_dictionary")
    }

    @Test func theDemoRecordsVersionTwo() throws {
        let generator = try DemoGenerator(seed: 2026, events: 600) {
            try DemoKeys.signingKey(seed: 2026, name: $0).publicKey
        }
        let drafts = generator.steps().joined().map(\.draft)
        let profiles = drafts.filter { $0["type"] == "equality.profile_recorded" }
        #expect(!profiles.isEmpty)
        #expect(profiles.allSatisfy { $0["typeVersion"] == .number(2) })
        #expect(profiles.allSatisfy { $0["payload"]?["ethnicityCodeSystem"] == "ons2021" })
    }
}
