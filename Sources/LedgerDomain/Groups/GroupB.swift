extension Catalogue {
    /// Catalogue group B (DOMAIN.md section 7.3).
    static let groupB: [any EventPayload.Type] = []
}
