import Foundation
import LedgerCore
import LedgerDomain
import LedgerPortal
import LedgerProjections
import LedgerRecording

/// The action owner's page: an action's status and progress (`action.status_changed`), what
/// `coledger action update` records.
extension Workspace {
    /// The form's fields by the request's field (named as the CLI option that sets it).
    static let actionFormFields = ["--status": "status", "--progress": "progress", "--note": "note"]

    /// `GET /staff/actions`: the plan's actions with their status and clocks.
    func actions(_ session: Session) async throws -> PortalResponse {
        let actions = try await store.perform { w in try w.actions() }
        return page("Actions", StaffPages.actions(actions), session: session)
    }

    /// `GET /staff/actions/ID` (and the same page again with the form's problems).
    func actionItem(
        _ id: String, session: Session, problems: [String: String], form: FormData?, status: Int = 200
    ) async throws -> PortalResponse {
        guard let action = try await store.perform({ w in try w.actions().first { $0.action.actionId == id } }) else {
            throw Refusal(status: 404, title: "Action not found", message: "There is no action \(id) in the plan.")
        }
        let token = form?["csrf"] ?? session.tokens.issue(now: Int(configuration.clock()))
        return page(
            status: status, (problems.isEmpty ? "" : "Error: ") + "Action \(action.action.code)",
            StaffPages.action(action, token: token, problems: problems, form: form), session: session)
    }

    /// `POST /staff/actions/ID/update`.
    func actionPost(_ id: String, request: PortalRequest, session: Session) async throws -> PortalResponse {
        let form = try Self.formBody(request)
        let nonce = try checkToken(form, session: session)
        guard let key = session.key.signer else { return Self.redirect("/staff/sign-in") }
        func value(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [String: String] = [:]
        if value("status").isEmpty { problems["status"] = "Choose the action's status" }
        var progress: Int?
        if !value("progress").isEmpty {
            if let n = Int(value("progress")), (0...100).contains(n) {
                progress = n
            } else {
                problems["progress"] = "Enter progress as a whole number from 0 to 100"
            }
        }
        if value("note").isEmpty { problems["note"] = "Enter what happened" }
        if problems.isEmpty {
            let eventId = Identifier.uuid(derivedFrom: session.tokens.derive("event-id", nonce: "action\n\(id)\n\(nonce)"))
            let outcome: Result<Recorded, RecordingError>
            do {
                let request = ActionStatusChanged(
                    actionId: EntityID(unchecked: id),
                    status: try RecordingInput.value(
                        ActionStatusChanged.Status.self, value("status"), member: ActionStatusChanged.CodingKeys.status,
                        field: "--status"),
                    progressPct: progress.map(Percentage.init(unchecked:)), note: LongText(unchecked: value("note")),
                    evidenceRefs: [])
                outcome = try await record(request, eventId: eventId, key: key)
            } catch let error as RecordingError {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let recorded):
                return page(
                    "Recorded",
                    StaffPages.recorded(
                        recorded, back: "/staff/actions/\(HTML.urlComponent(id))", backLabel: "action \(id)",
                        list: "/staff/actions", listLabel: "the actions", publicBase: publicBase),
                    session: session)
            case .failure(let error):
                let member = error.pointer?.split(separator: "/").dropFirst().first.map(String.init) ?? ""
                let field =
                    (error.field ?? ActionStatusChanged.fields[member]).flatMap { Self.actionFormFields[$0] } ?? "status"
                problems[field] = Self.sentence(error)
            }
        }
        return try await actionItem(id, session: session, problems: problems, form: form, status: 422)
    }
}

extension WorkspaceWorker {
    /// The plan's actions as of today, with their clocks.
    func actions() throws -> [ActionView] {
        try projections.catchUp()
        return try projections.plan(now: today).actions
    }
}

extension StaffPages {
    static func actions(_ actions: [ActionView]) -> Markup {
        let rows: [Markup] = actions.map { v in
            """
            <tr><td><a href="/staff/actions/\(HTML.urlComponent(v.action.actionId))">\(v.action.code)</a></td>\
            <td>\(v.action.title)</td><td>\(words(v.action.status))\(v.action.progressPct.map { " (\($0)%)" } ?? "")</td>\
            <td>\(v.action.dueDate)\(v.overdue ? " <span class=\"flag\">Overdue</span>" as Markup : .empty)</td></tr>
            """
        }
        return """
            <h1>Actions</h1>
            <p class="lede">Record an action's status and progress, with a note of what happened.</p>
            <div class="table-scroll"><table>
            <caption>The plan's actions</caption>
            <thead><tr><th scope="col">Action</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Due</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
    }

    static func action(_ v: ActionView, token: String, problems: [String: String], form: FormData?) -> Markup {
        let a = v.action
        var values = form?.fields ?? [:]
        if form == nil {
            values["status"] = a.status
            values["progress"] = a.progressPct.map(String.init) ?? ""
        }
        let state = FormState(values: values, problems: problems, order: ["status", "progress", "note"])
        return """
            <p><a href="/staff/actions">Back to the actions</a></p>
            <h1>Action \(a.code)</h1>
            <p class="lede">\(a.title)</p>
            <dl class="facts">
            <dt>Status</dt><dd>\(words(a.status))\(a.progressPct.map { " (\($0)%)" } ?? "")</dd>
            <dt>Due</dt><dd>\(a.dueDate)\(v.overdue ? " <span class=\"flag\">Overdue</span>" as Markup : .empty)</dd>
            <dt>Owner</dt><dd>\(a.ownerRoleId)</dd>
            </dl>
            <h2 id="update-heading">Record progress</h2>
            \(state.summary)
            <form method="post" action="/staff/actions/\(HTML.urlComponent(a.actionId))/update" novalidate aria-labelledby="update-heading">
            <input type="hidden" name="csrf" value="\(token)">
            \(state.select("status", "Status", options(ActionStatusChanged.Status.self)))
            \(state.text("progress", "Progress (optional)", hint: "A whole number from 0 to 100, in per cent.", short: true))
            \(state.text("note", "What happened", hint: "Published with the update: no personal data.", multiline: true))
            <button type="submit">Record the update</button>
            </form>
            """
    }
}
