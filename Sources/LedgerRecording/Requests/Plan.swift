public import LedgerDomain

/// An action's status and progress change (`action.status_changed`, rule M-3).
public struct UpdateAction: RecordingRequest {
    typealias K = ActionStatusChanged.CodingKeys
    /// The action id, e.g. `LG-1`.
    public var actionId: EntityID
    /// The new status.
    public var status: ActionStatusChanged.Status
    /// Progress, 0 to 100.
    public var progress: Percentage?
    /// What happened (required, rule M-3).
    public var note: LongText
    /// Evidence.
    public var evidenceRefs: [EntityRef]

    /// Creates the request.
    public init(
        actionId: EntityID, status: ActionStatusChanged.Status, progress: Percentage? = nil, note: LongText,
        evidenceRefs: [EntityRef] = []
    ) {
        self.actionId = actionId
        self.status = status
        self.progress = progress
        self.note = note
        self.evidenceRefs = evidenceRefs
    }

    /// The fields, by member.
    public static let fields = [
        K.actionId.stringValue: "--action", K.status.stringValue: "--status", K.progressPct.stringValue: "--progress",
        K.note.stringValue: "--note", K.evidenceRefs.stringValue: "--evidence",
    ]

    /// The member evidence is refused at, for a parser of `KIND:ID` text.
    public static func evidencePointer(_ index: Int) -> String { "/payload/\(K.evidenceRefs.stringValue)/\(index)" }

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> ActionStatusChanged {
        ActionStatusChanged(
            actionId: actionId, status: status, progressPct: progress, note: note, evidenceRefs: evidenceRefs)
    }

    /// `Action LG-1 is now in_progress (40%).`
    public func summary(of payload: ActionStatusChanged) -> String {
        "Action \(actionId) is now \(status.rawValue)" + (progress.map { " (\($0.value)%)" } ?? "") + "."
    }
}
