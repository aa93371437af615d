extension Catalogue {
    /// Catalogue group E (DOMAIN.md section 7.3).
    static let groupE: [any EventPayload.Type] = []
}
