extension Catalogue {
    /// Catalogue group F (DOMAIN.md section 7.3).
    static let groupF: [any EventPayload.Type] = []
}
