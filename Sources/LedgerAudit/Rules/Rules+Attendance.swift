import LedgerDomain

// Attendance as the domain's rule book (``AttendanceRule``) sees it, for G-4 and G-5.
extension Rules {
    /// A meeting's attendees for the rule book: eligible when a member of the body on the day, a
    /// holder of its chair or facilitator role on the day, or anyone when the log records no
    /// membership of the body (as the governance register counts them).
    func ruleAttendees(_ meeting: AuditModel.Meeting) -> [AttendanceRule.Attendee] {
        let spells = model.memberships[meeting.body] ?? []
        let terms = meeting.terms ?? model.bodies[meeting.body]
        let offices = [terms?.chairRole].compactMap { $0 } + (terms?.facilitatorRoles ?? [])
        return meeting.attendees.map { a in
            let member = spells.isEmpty || spells.contains { $0.person == a.person && $0.from <= meeting.day && ($0.to.map { meeting.day <= $0 } ?? true) }
            let office = offices.contains { role in
                model.roleTenures[role]?.contains { $0.person == a.person && Self.holds($0, on: meeting.day) } ?? false
            }
            return AttendanceRule.Attendee(personId: a.person, category: a.category, role: a.role, eligible: member || office)
        }
    }

    /// Those recused from decision `d` at `meeting`: declared there for that item, or listed with the decision.
    static func recused(from d: AuditModel.Decision, at meeting: AuditModel.Meeting) -> Set<String> {
        d.recusals.union((meeting.declarations ?? []).filter { $0.action == "recused" && $0.item == d.id }.map(\.person))
    }
}
