extension Catalogue {
    /// Catalogue group J (DOMAIN.md section 7.3).
    static let groupJ: [any EventPayload.Type] = []
}
