import LedgerCore

/// RFC 8785 parser and serialiser under both number rules. Properties: what the ledger rule
/// accepts, plain RFC 8785 accepts as the same value; an accepted value serialises; its canonical
/// form is accepted, is a fixed point and re-parses to the same value; `isCanonical` agrees with
/// byte comparison.
enum CanonicalJSONHarness {
    static let run: Harness = { data in
        let ledger = try? CanonicalJSON.parse(data)
        let plain = try? CanonicalJSON.parse(data, numbers: .anyDouble)
        if let ledger {
            expect(plain == ledger, "the ledger rule accepted a value plain RFC 8785 reads differently")
            guard let out = try? CanonicalJSON.serialize(ledger) else {
                return expect(false, "an accepted value does not serialise")
            }
            guard let again = try? CanonicalJSON.parse(out) else { return expect(false, "canonical output is refused") }
            expect(again == ledger, "the canonical form re-parses to a different value")
            expect((try? CanonicalJSON.canonicalize(out)) == out, "the canonical form is not a fixed point")
            expect(CanonicalJSON.isCanonical(out), "isCanonical refuses canonical output")
            expect(CanonicalJSON.isCanonical(data) == (out == data), "isCanonical disagrees with byte comparison")
            expect(CanonicalJSON.isCanonical(ledger, bytes: data) == (out == data), "isCanonical(value:bytes:) disagrees")
        }
        if let plain {
            guard let out = try? CanonicalJSON.serialize(plain, numbers: .anyDouble) else {
                return expect(false, "a plain RFC 8785 value does not serialise")
            }
            expect((try? CanonicalJSON.parse(out, numbers: .anyDouble)) == plain, "plain canonical form re-parses differently")
            // The serialiser and the parser apply the same rule to canonical text.
            let parsedUnderRule = (try? CanonicalJSON.parse(out)) != nil
            let serialisedUnderRule = (try? CanonicalJSON.serialize(plain)) != nil
            expect(parsedUnderRule == serialisedUnderRule, "the parser and the serialiser disagree on the number rule")
        }
    }
}
