import Foundation
import LedgerProjections

/// Names for the codes the log uses — bodies, meetings, services, regions, roles and actions —
/// read from the names projection (``Projections/name(kind:id:)``). This is the one place a code
/// becomes a name: every page shows ``markup(_:_:)`` (the name, the code in smaller text beside
/// it, an action as a link to its page) and the JSON carries ``text(_:_:)``.
final class Namer {
    /// What a code names.
    enum Kind: String {
        case region, service, body, meeting, role, action
    }

    private let projections: Projections
    private var cache: [String: EntityName?] = [:]

    init(projections: Projections) { self.projections = projections }

    /// The projection's record of `kind` `id`, or nil when nothing in the log named it.
    func entity(_ kind: Kind, _ id: String) -> EntityName? {
        let key = kind.rawValue + "\u{0}" + id
        if let hit = cache[key] { return hit }
        let found: EntityName? = (try? projections.name(kind: kind.rawValue, id: id)) ?? nil
        cache[key] = .some(found)
        return found
    }

    /// The name of `kind` `id` in words, nil when the log names it nowhere: a meeting is its
    /// body's name and day (`Lived Experience Advisory Board meeting, 14 April 2025`); a
    /// service without a registered name is its type and region.
    func text(_ kind: Kind, _ id: String) -> String? {
        guard let e = entity(kind, id) else { return nil }
        switch kind {
        case .meeting:
            let body = e.bodyId.flatMap { text(.body, $0) } ?? "A"
            return "\(body) meeting\(e.day.map { ", \(Words.date($0))" } ?? "")"
        case .service:
            if let name = e.name { return name }
            let region = e.regionId.flatMap { text(.region, $0) }
            return (e.code.map { $0.replacingOccurrences(of: "_", with: " ").capitalizedFirst } ?? "Service")
                + (region.map { " in \($0)" } ?? "")
        default:
            return e.name
        }
    }

    /// The name with the code in smaller text beside it; an action links to its page. A code
    /// nothing names is shown as it is.
    func markup(_ kind: Kind, _ id: String) -> Markup {
        let code = kind == .action ? entity(kind, id)?.code ?? id : id
        let label: Markup =
            text(kind, id).map { "\($0) <span class=\"code\">(\(code))</span>" } ?? "<span class=\"code\">\(code)</span>"
        guard kind == .action, entity(kind, id) != nil else { return label }
        return "<a href=\"/actions/\(HTML.urlComponent(id))\">\(label)</a>"
    }

    /// ``markup(_:_:)`` for an optional code, `otherwise` when there is none.
    func markup(_ kind: Kind, _ id: String?, otherwise: Markup) -> Markup {
        id.map { markup(kind, $0) } ?? otherwise
    }

    /// An action named by its id or its plan code (a feedback answer's `actionRef` may be either).
    func action(ref: String) -> Markup {
        if entity(.action, ref) != nil { return markup(.action, ref) }
        return "<span class=\"code\">\(ref)</span>"
    }
}
