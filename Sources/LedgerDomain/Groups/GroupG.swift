extension Catalogue {
    /// Catalogue group G (DOMAIN.md section 7.3).
    static let groupG: [any EventPayload.Type] = []
}
