/// The one rule book for attendance (DOMAIN.md 8.2, 9.1–9.2; CATALOGUE.md G-4, G-5): who counts
/// towards a quorum, who counts as an Expert by Experience, what a recusal removes, and which
/// category a person attends in. Pure functions over plain values; the meeting verb, the
/// admission policy, the governance register and the audit all call these and nothing else.
///
/// - **Quorum** counts, once each, the attendees who take part as members: not observers or
///   guests, eligible (a member of the body on the day or a holder of its chair or facilitator
///   roles, or anyone when the log records no membership of the body), of the rule's category
///   when it names one.
/// - **Expert-by-Experience presence** counts, once each, the attendees present in category
///   `ebe_lived` or `ebe_carer` (whatever their role), against the required count (never below
///   one, DOMAIN 9.2) and, when set, the required share of everyone present.
/// - **For one item**, people recused from it count for neither.
/// - **Category**: a person attends in the category the log holds for them: their membership
///   category of the body when they are a member, else one of the categories they were
///   registered with.
public enum AttendanceRule {
    /// Meeting roles that never count towards a quorum.
    public static let nonParticipatingRoles: Set<String> = [MeetingRole.observer.rawValue, MeetingRole.guest.rawValue]
    /// Categories that count as Experts by Experience.
    public static let expertByExperienceCategories: Set<String> = [PersonCategory.ebeLived.rawValue, PersonCategory.ebeCarer.rawValue]

    /// One attendee as the rules see them.
    public struct Attendee: Sendable, Hashable {
        /// The person.
        public var personId: String
        /// The category they attend in.
        public var category: String
        /// Their meeting role (`chair`, …, `observer`, `guest`).
        public var role: String
        /// Whether they may count as a member: a member of the body on the day or a holder of one
        /// of its offices, or true when the log records no membership of the body.
        public var eligible: Bool

        /// Creates an attendee.
        public init(personId: String, category: String, role: String, eligible: Bool = true) {
            self.personId = personId
            self.category = category
            self.role = role
            self.eligible = eligible
        }
    }

    /// The quorum as attendance gives it.
    public struct Quorum: Sendable, Hashable {
        /// Members needed.
        public var required: Int
        /// Counting only this category, when the rule says so.
        public var ofCategory: String?
        /// Members present who count.
        public var present: Int
        /// Whether `present ≥ required`.
        public var met: Bool { present >= required }
    }

    /// Expert-by-Experience presence as attendance gives it.
    public struct Presence: Sendable, Hashable {
        /// `ebe_lived` attendees present.
        public var lived: Int
        /// `ebe_carer` attendees present.
        public var carers: Int
        /// Everyone present (the share's denominator).
        public var outOf: Int
        /// The count required (at least one).
        public var requiredCount: Int
        /// The share required, when set.
        public var requiredShare: Double?
        /// Both kinds together.
        public var present: Int { lived + carers }
        /// Whether the count and, when set, the share are met.
        public var met: Bool {
            guard present >= requiredCount else { return false }
            guard let requiredShare, outOf > 0 else { return true }
            return Double(present) >= requiredShare * Double(outOf) - 1e-9
        }
        /// What is missing, in words (empty when met).
        public var shortfall: [String] {
            var out: [String] = []
            if present < requiredCount { out.append("\(present) Expert(s) by Experience present, \(requiredCount) required") }
            if let requiredShare, outOf > 0, Double(present) < requiredShare * Double(outOf) - 1e-9 {
                out.append("EbE share \(present)/\(outOf) below \(requiredShare)")
            }
            return out
        }
    }

    /// Whether a meeting role takes part as a member (not an observer or guest).
    public static func takesPart(role: String) -> Bool { !nonParticipatingRoles.contains(role) }

    /// Whether a category counts as Expert by Experience.
    public static func isExpertByExperience(_ category: String) -> Bool { expertByExperienceCategories.contains(category) }

    /// Whether one attendee counts towards a quorum of `ofCategory` (any category when nil).
    public static func countsForQuorum(_ a: Attendee, ofCategory: String?) -> Bool {
        takesPart(role: a.role) && a.eligible && (ofCategory == nil || a.category == ofCategory)
    }

    /// Those present for an item: each person once (their first listing), the recused left out.
    public static func present(_ attendees: [Attendee], recused: Set<String> = []) -> [Attendee] {
        var seen: Set<String> = []
        return attendees.filter { !recused.contains($0.personId) && seen.insert($0.personId).inserted }
    }

    /// The quorum for the meeting, or for one item with `recused` left out.
    public static func quorum(_ attendees: [Attendee], recused: Set<String> = [], required: Int, ofCategory: String?) -> Quorum {
        let counted = present(attendees, recused: recused).filter { countsForQuorum($0, ofCategory: ofCategory) }.count
        return Quorum(required: required, ofCategory: ofCategory, present: counted)
    }

    /// Expert-by-Experience presence for the meeting, or for one item with `recused` left out.
    /// `requiredCount` is raised to one when absent or lower (DOMAIN 9.2).
    public static func presence(
        _ attendees: [Attendee], recused: Set<String> = [], requiredCount: Int?, requiredShare: Double?
    ) -> Presence {
        let here = present(attendees, recused: recused)
        let lived = here.filter { $0.category == PersonCategory.ebeLived.rawValue }.count
        let carers = here.filter { $0.category == PersonCategory.ebeCarer.rawValue }.count
        return Presence(
            lived: lived, carers: carers, outOf: here.count, requiredCount: max(1, requiredCount ?? 1), requiredShare: requiredShare)
    }

    /// The category the log holds for a person attending a body's meeting, when it disagrees with
    /// `typed`: their membership category when they are a member, else their registered categories.
    /// Nil when `typed` agrees or the log holds nothing to compare with.
    public static func categoryDisagreement(typed: String, membership: String?, registered: [String]?) -> String? {
        if let membership { return membership == typed ? nil : membership }
        if let registered, !registered.isEmpty, !registered.contains(typed) { return registered.joined(separator: " or ") }
        return nil
    }

    /// Why `person`, typed in category `typed` at a meeting of `body`, is refused
    /// (``categoryDisagreement(typed:membership:registered:)``), naming the person and the
    /// category the log holds: `p-0001 is ebe_lived by their membership of B-AMHEPF, not staff;
    /// record them in the category the log holds`. Nil when the log agrees or holds nothing.
    public static func categoryRefusal(
        person: String, typed: String, body: String, membership: String?, registered: [String]?
    ) -> String? {
        guard let held = categoryDisagreement(typed: typed, membership: membership, registered: registered) else {
            return nil
        }
        let source = membership != nil ? "their membership of \(body)" : "their registration"
        return "\(person) is \(held) by \(source), not \(typed); record them in the category the log holds"
    }
}
