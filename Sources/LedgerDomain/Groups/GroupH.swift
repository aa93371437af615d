extension Catalogue {
    /// Catalogue group H (DOMAIN.md section 7.3).
    static let groupH: [any EventPayload.Type] = []
}
