extension Catalogue {
    /// Catalogue group A (DOMAIN.md section 7.3).
    static let groupA: [any EventPayload.Type] = []
}
