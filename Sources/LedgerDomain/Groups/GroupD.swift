extension Catalogue {
    /// Catalogue group D (DOMAIN.md section 7.3).
    static let groupD: [any EventPayload.Type] = []
}
