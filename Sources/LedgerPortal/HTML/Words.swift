import Foundation
import LedgerProjections

/// Plain-English names for the codes the log uses.
package enum Words {
    static let areas: [String: String] = [
        "LG": "Leadership and governance", "ST": "Staff training", "PW": "Partnership working", "WF": "Workforce",
        "MHS": "Mental health services", "DF": "Data and feedback",
    ]

    static let competencies: [String: String] = [
        "C-CA": "Cultural awareness", "C-SKA": "Staff knowledge and awareness", "C-PW": "Partnership working",
        "C-CP": "Coproduction", "C-WF": "Workforce", "C-CL": "Co-learning",
    ]

    static let pillars: [String: String] = [
        "PIL-1": "Access to health and social care", "PIL-2": "Physical health",
        "PIL-3": "Employment, education, training and volunteering", "PIL-4": "Housing", "PIL-5": "Social connections",
        "PIL-6": "Money",
    ]

    /// Action statuses in the order charts draw them.
    static let statusOrder = ["done", "in_progress", "planned", "blocked", "cancelled"]

    static func status(_ code: String) -> String {
        switch code {
        case "done": return "Done"
        case "in_progress": return "In progress"
        case "planned": return "Planned"
        case "blocked": return "Blocked"
        case "cancelled": return "Cancelled"
        default: return code.replacingOccurrences(of: "_", with: " ")
        }
    }

    static func change(_ code: String) -> String {
        switch code {
        case "change_made": return "Change made"
        case "change_planned": return "Change planned"
        case "no_change_with_reason": return "No change, with the reason"
        case "referred": return "Passed to another organisation"
        default: return code.replacingOccurrences(of: "_", with: " ")
        }
    }

    static func channel(_ code: String) -> String {
        switch code {
        case "survey": return "a survey"
        case "sues": return "a service user experience survey"
        case "forum": return "a regional forum"
        case "advocacy_service": return "an advocacy service"
        case "complaint": return "a complaint"
        case "care_opinion": return "Care Opinion"
        case "exit_interview": return "an exit interview"
        case "staff_network": return "a staff network"
        case "in_person": return "in person"
        case "partner": return "a partner organisation"
        case "web_form": return "this website"
        default: return code.replacingOccurrences(of: "_", with: " ")
        }
    }

    static func category(_ code: String) -> String {
        switch code {
        case "staff": return "Staff"
        case "ebe_lived": return "Experts by Experience (lived experience)"
        case "ebe_carer": return "Experts by Experience (carers)"
        case "community_rep": return "Community representatives"
        case "service_user": return "Service users"
        case "vcse_rep": return "Voluntary and community sector"
        case "partner_rep": return "Partner organisations"
        case "independent_evaluator": return "Independent evaluators"
        default: return code.replacingOccurrences(of: "_", with: " ").capitalizedFirst
        }
    }

    static func outcome(_ code: String) -> String {
        switch code {
        case "approved": return "Approved"
        case "rejected": return "Rejected"
        case "deferred": return "Deferred"
        case "amended": return "Approved with changes"
        case "referred": return "Referred elsewhere"
        default: return code.replacingOccurrences(of: "_", with: " ").capitalizedFirst
        }
    }

    /// A rung of the ladder of co-production (Think Local Act Personal), with what it means.
    static func rung(_ code: String) -> String {
        switch code {
        case "coercion": return "Coercion: people were told what would happen, not asked"
        case "educating": return "Educating: people were helped to understand it"
        case "informing": return "Informing: people were told about it"
        case "consultation": return "Consultation: people were asked for their views"
        case "engagement": return "Engagement: people with lived experience could shape it"
        case "co_design": return "Co-design: designed together with people with lived experience"
        case "co_production": return "Co-production: people with lived experience were equal partners from the start"
        default: return code.replacingOccurrences(of: "_", with: " ").capitalizedFirst
        }
    }

    /// Why feedback was closed, as the end of a sentence (` because …`); empty when unknown.
    static func closeReason(_ code: String?) -> String {
        switch code {
        case "responded": return ", after answering it"
        case "duplicate": return ", because it was the same as other feedback we had"
        case "withdrawn": return ", because you withdrew it"
        case "out_of_scope": return ", because it is about something the plan does not cover"
        case "referred_elsewhere": return ", because another organisation is answering it"
        case "no_response_possible": return ", because we could not answer it"
        default: return ""
        }
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// `31 March 2026` for a date or an RFC 3339 time; the text itself when it is neither.
    static func date(_ text: String) -> String {
        guard let d = CivilDate(parsing: text) else { return text }
        return date(d)
    }

    static func date(_ d: CivilDate) -> String {
        let (y, m, day) = d.components
        return "\(day) \(months[m - 1]) \(y)"
    }

    /// `March 2026` for `2026-03`.
    static func month(_ text: String) -> String {
        let parts = text.split(separator: "-")
        guard parts.count >= 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return text }
        return "\(months[m - 1]) \(y)"
    }

    /// `1,234,567`.
    package static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `1 action`, `3 actions`.
    package static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
