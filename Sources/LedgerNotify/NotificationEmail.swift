import Foundation

/// The plain-text email for one owed notification: what happened, the answer the person is owed,
/// the reference and where to see it. It holds nothing but this person's own item.
public struct NotificationEmail: Sendable, Equatable {
    /// The subject line (ASCII apart from what the person's own item holds).
    public var subject: String
    /// The body, lines separated by `\n`.
    public var body: String

    /// The email for `n`; `portalURL` (such as `https://example.org`), when given, makes the link
    /// to the feedback's status page (feedback from the web form only: other ids are not public).
    public init(_ n: OwedNotification, portalURL: String?) {
        let base = portalURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        var lines: [String] = [n.name.map { "Hello \($0)," } ?? "Hello,", ""]
        let ref = n.itemId
        func day(_ time: String?) -> String { time.map { String($0.prefix(10)) } ?? "" }
        switch n.stage {
        case .acknowledged:
            subject = "Your feedback \(ref): we have acknowledged it"
            lines.append("We have acknowledged your feedback (reference \(ref)).")
            lines.append("We received it on \(day(n.receivedAt)) and acknowledged it on \(day(n.stageAt)).")
            lines.append("We will tell you again when we answer it.")
        case .answered:
            subject = "Your feedback \(ref): our answer"
            lines.append("We have answered your feedback (reference \(ref)) on \(day(n.stageAt)).")
            if let a = n.answer {
                lines.append("")
                if let said = a.youSaid { lines.append("You said: \(said)") }
                if let did = a.weDid { lines.append("We did: \(did)") }
                if let change = a.changeDescription { lines.append("What changes: \(change)") }
                if let reason = a.reason { lines.append("Why nothing changes: \(reason)") }
                lines.append("")
                lines.append(
                    a.published
                        ? "You agreed that we could publish a summary, so this answer is also on \"You said, we did\"."
                        : "You did not agree that we publish a summary, so this answer is for you only and is not published.")
            }
        case .closed:
            subject = "Your feedback \(ref): we have closed it"
            let why = n.closeReason.map { " (\($0.replacingOccurrences(of: "_", with: " ")))" } ?? ""
            lines.append("We have closed your feedback (reference \(ref)) on \(day(n.stageAt))\(why).")
            if let note = n.closeNote { lines.append(note) }
        case .influenceTraced:
            subject = "Your contribution \(ref): what it changed"
            lines.append("We have recorded what your contribution (reference \(ref)) led to, on \(day(n.stageAt)).")
            if let i = n.influence {
                lines.append("")
                lines.append(
                    "It was \(i.influence.replacingOccurrences(of: "_", with: " ")) in \(i.targetType.replacingOccurrences(of: "_", with: " ")) \(i.targetId).")
                lines.append(i.explanation)
            }
        }
        lines.append("")
        if n.isFeedback, let base, ref.hasPrefix("WEB-") {
            lines.append("See where your feedback is: \(base)/feedback/\(ref)")
            lines.append("To add a reply, open that page and choose \"Add a reply to your feedback\".")
        } else if !n.isFeedback, let base {
            lines.append("See what your contributions changed: \(base)/contributions")
        }
        lines.append("Your reference is \(ref). Keep it to follow your \(n.isFeedback ? "feedback" : "contribution") up.")
        lines.append("")
        lines.append("You are getting this email because you asked to be told what happened.")
        lines.append("This email is sent automatically: replies to it are not read.")
        body = lines.joined(separator: "\n")
    }
}
