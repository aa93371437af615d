/// The id syntax of each kind of entity: the syntax of the member of the event type that creates
/// it (`body.established.bodyId` is a ``BodyID``, `feedback.received.feedbackId` an F–K id).
///
/// One table for creating and for referring: admission checks every reference with it, so an
/// id that no event of the referenced kind could ever create (`feedback.received.bodyId` =
/// `forum_1`) is refused as impossible rather than merely missing.
extension EntityKind {
    private enum IdSyntax {
        case typed(StringSyntax)
        case fk(FKFormat)
    }

    private var idSyntax: IdSyntax {
        switch self {
        case .person: return .typed(.personId)
        case .role: return .typed(.roleId)
        case .body: return .typed(.bodyId)
        case .key: return .typed(.keyId)
        case .event: return .typed(.eventId)
        case .region, .service, .meeting, .decision, .plan, .obligation, .action: return .typed(.entityId)
        case .feedback, .contribution, .metric, .review, .evaluation, .report, .partner, .project, .servicePlan:
            return .fk(.id)
        }
    }

    /// Whether an event creating this kind of entity could have `id` as its id.
    public func acceptsId(_ id: String) -> Bool {
        switch idSyntax {
        case .typed(let syntax): return syntax.matches(id)
        case .fk(let format): return format.accepts(id)
        }
    }

    /// What such an id looks like, for refusals.
    public var idHint: String {
        switch idSyntax {
        case .typed(let syntax): return syntax.hint + (syntax.pattern.map { " (pattern \($0))" } ?? "")
        case .fk(let format): return format.expectation + (format.pattern.map { " (pattern \($0))" } ?? "")
        }
    }
}
