extension Catalogue {
    /// Catalogue group I (DOMAIN.md section 7.3).
    static let groupI: [any EventPayload.Type] = []
}
