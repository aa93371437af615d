public import LedgerDomain

/// An action's status and progress change (`action.status_changed`, rule M-3) is its own request:
/// it needs nothing from the log (admission refuses an action that was never created).
extension ActionStatusChanged: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.actionId.stringValue: "--action", K.status.stringValue: "--status", K.progressPct.stringValue: "--progress",
        K.note.stringValue: "--note", K.evidenceRefs.stringValue: "--evidence",
    ]

    /// The member evidence is refused at, for a parser of `KIND:ID` text.
    public static func evidencePointer(_ index: Int) -> String { "/payload/\(K.evidenceRefs.stringValue)/\(index)" }

    /// `Action LG-1 is now in_progress (40%).`
    public func summary(of payload: ActionStatusChanged) -> String {
        "Action \(actionId) is now \(status.rawValue)" + (progressPct.map { " (\($0.value)%)" } ?? "") + "."
    }
}
