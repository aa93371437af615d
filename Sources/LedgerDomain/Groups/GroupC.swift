extension Catalogue {
    /// Catalogue group C (DOMAIN.md section 7.3).
    static let groupC: [any EventPayload.Type] = []
}
