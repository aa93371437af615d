extension Catalogue {
    /// Catalogue group K (DOMAIN.md section 7.3).
    static let groupK: [any EventPayload.Type] = []
}
