import Foundation
import LedgerCore
public import LedgerDomain

/// The parameters of the accountability rules (`Schemas/audit/policy.v1.json`, described by
/// `Schemas/audit/policy.v1.schema.json`; DOMAIN.md section 9 defaults). The report prints the
/// SHA-256 of the policy file it used.
///
/// A policy file needs only the members it changes: ``load(_:)`` lays it over the shipped
/// defaults, and refuses a member the defaults do not have (a misspelt parameter would otherwise
/// be silently ignored).
public struct AuditPolicy: Codable, Sendable {
    /// Feedback loop clocks (F-1, F-2, F-4).
    public struct Feedback: Codable, Sendable {
        public var acknowledgeWithinWorkingDays: Int
        public var respondWithinDays: Int
        public var statusUpdateEveryDays: Int
    }
    /// Governance rules (G-1 … G-10).
    public struct Governance: Codable, Sendable {
        public var ebeMinCount: Int
        public var ebeMinShare: Double?
        public var ebeCategories: [String]
        public var staffCategories: [String]
        public var exemptBodyTypes: [String]
        public var championRole: String
        public var championBody: String
        public var maxVacancyDays: Int
        public var practiceForum: String
        public var practiceForumFacilitatorRoles: [String]
        public var inclusionBoard: String
        public var inclusionBoardChairRole: String
        public var boardUpdateBodies: [String]
        public var boardUpdateEveryMonths: Int
        public var boardUpdateModes: [String]
        public var representationReviewEveryMonths: Int
        public var representationReviewGraceDays: Int
        public var regionalForumBodyType: String
        public var regionalLeadRole: String
        public var regionalSetUpWithinMonths: Int
        public var minutesApprovedWithinMeetings: Int
    }
    /// Coproduction tracing (C-1 … C-6).
    public struct Coproduction: Codable, Sendable {
        public var traceContributionsWithinDays: Int
        public var fromBodies: [String]
        public var ebeBodyTypes: [String]
        public var exemptFoundingPlan: Bool
        public var coproducedMetricScopes: [String]
        public var disparityMetricCodes: [String]
        public var disparityActionWithinDays: Int
        public var recognitionSettledWithinDays: Int
    }
    /// Plan coverage and cadence (M-1 … M-8, M-15, M-16).
    public struct Plan: Codable, Sendable {
        public var seedActions: [String]
        public var competencies: [String]
        public var staleActionDays: Int
        public var reviewEveryMonths: Int
        public var reviewGraceDays: Int
        public var publishEveryMonths: Int
        public var publishGraceDays: Int
        public var placeBasedProjectsTarget: Int
        public var placeBasedProjectsDue: String
        public var planStart: String
        public var servicePlanWithinMonths: Int
        public var servicePlanPartnerTypes: [String]
        public var regionalPartnerTypes: [[String]]
        public var planReportWithinDays: Int
    }
    /// Monitoring: evaluation, metrics and the reports built on them (M-5, M-9 … M-14).
    public struct Monitoring: Codable, Sendable {
        public var evaluatorCategory: String
        public var payGapMetricCode: String
        public var payGapEveryMonths: Int
        public var currentReportTypes: [String]
        public var currentReportMaxAgeYears: Int
        public var exitInterviewMetricCode: String
        public var completenessMetricCodes: [String]
        public var impactMetricCode: String
        public var protectedCharacteristics: [String: [String]]
        public var satisfactionMetricCode: String
        public var satisfactionGroups: [String]
        public var satisfactionEveryMonths: Int
        public var graceDays: Int
    }
    /// Privacy and publication (P-1 … P-5).
    public struct Privacy: Codable, Sendable {
        public var eraseWithinDays: Int
        public var specialCategoryTypes: [String]
        public var suppressCountsFrom: Int
        public var suppressCountsTo: Int
        public var roundCountsTo: Int
    }
    /// Days that are not working days: a shipped calendar (`Schemas/calendars/`) and extra dates.
    public struct Holidays: Codable, Sendable {
        /// The calendar's name (`england-and-wales`), or nil for weekends only.
        public var calendar: String?
        /// Extra holidays on top of the calendar (`YYYY-MM-DD`).
        public var dates: [String]
    }

    /// The policy's name.
    public var policy: String
    /// What it is.
    public var description: String?
    /// Feedback loop parameters.
    public var feedback: Feedback
    /// Governance parameters.
    public var governance: Governance
    /// Coproduction parameters.
    public var coproduction: Coproduction
    /// Plan parameters.
    public var plan: Plan
    /// Monitoring parameters.
    public var monitoring: Monitoring
    /// Privacy parameters.
    public var privacy: Privacy
    /// Bank holidays.
    public var bankHolidays: Holidays

    /// Reads a policy file laid over the shipped defaults; returns it with the hex SHA-256 of the
    /// file's bytes.
    /// - Throws: ``AuditError/badPolicy(_:)`` naming the member that is wrong.
    public static func load(_ bytes: [UInt8]) throws(AuditError) -> (policy: AuditPolicy, sha256: String) {
        let given: JSONValue
        let defaults: JSONValue
        do {
            given = try CanonicalJSON.parse(bytes)
            defaults = try CanonicalJSON.parse(Array(defaultText.utf8))
        } catch {
            throw .badPolicy("the policy file is not JSON: \(error)")
        }
        guard case .object = given else { throw .badPolicy("a policy file is a JSON object") }
        guard given["policy"]?.stringValue == "coledger-audit/v1" else {
            throw .badPolicy("/policy: expected \"coledger-audit/v1\", got \(given["policy"].map { "\($0)" } ?? "nothing")")
        }
        let merged = try overlay(given, on: defaults, at: "")
        let policy: AuditPolicy
        do {
            policy = try JSONDecoder().decode(AuditPolicy.self, from: Data(try CanonicalJSON.serialize(merged)))
        } catch let error as DecodingError {
            throw .badPolicy(Self.describe(error))
        } catch {
            throw .badPolicy("\(error)")
        }
        try policy.validate()
        return (policy, Hex.encode(SHA256.hash(bytes)))
    }

    /// The shipped defaults.
    public static func standard() throws(AuditError) -> (policy: AuditPolicy, sha256: String) {
        try load(Array(defaultText.utf8))
    }

    /// The working-day calendar of ``bankHolidays``.
    public var calendar: WorkingCalendar {
        let extra = bankHolidays.dates.compactMap { CivilDate(parsing: $0) }
        return bankHolidays.calendar.flatMap { WorkingCalendar(named: $0, extra: extra) } ?? WorkingCalendar(holidays: extra)
    }

    /// The plan's first day as a day number.
    var planStartDay: Int { CivilDate(parsing: plan.planStart)?.dayNumber ?? 0 }

    /// `given` with every member the file leaves out taken from `defaults`; a member the defaults
    /// do not have is an error (objects are merged member by member, anything else replaced).
    static func overlay(_ given: JSONValue, on defaults: JSONValue, at path: String) throws(AuditError) -> JSONValue {
        guard case .object(let g) = given, case .object(var d) = defaults else { return given }
        for (name, value) in g {
            guard let base = d[name] else {
                throw .badPolicy("\(path)/\(name): not a parameter of coledger-audit/v1 (known here: \(d.keys.sorted().joined(separator: ", ")))")
            }
            // A map of names to lists (protectedCharacteristics) is replaced whole.
            if case .object(let inner) = base, inner.values.allSatisfy({ if case .array = $0 { return true } else { return false } }), !inner.isEmpty {
                d[name] = value
            } else {
                d[name] = try overlay(value, on: base, at: "\(path)/\(name)")
            }
        }
        return .object(d)
    }

    func validate() throws(AuditError) {
        for (pointer, date) in [("/plan/planStart", plan.planStart), ("/plan/placeBasedProjectsDue", plan.placeBasedProjectsDue)]
        where CivilDate(parsing: date) == nil || date.count != 10 {
            throw .badPolicy("\(pointer): \(date) is not a date YYYY-MM-DD")
        }
        for (i, date) in bankHolidays.dates.enumerated() where CivilDate(parsing: date) == nil || date.count != 10 {
            throw .badPolicy("/bankHolidays/dates/\(i): \(date) is not a date YYYY-MM-DD")
        }
        if let name = bankHolidays.calendar, BankHolidays.named(name) == nil {
            throw .badPolicy("/bankHolidays/calendar: no calendar called \(name) (known: \(BankHolidays.calendars.keys.sorted().joined(separator: ", ")))")
        }
        let counts: [(String, Int)] = [
            ("/feedback/acknowledgeWithinWorkingDays", feedback.acknowledgeWithinWorkingDays), ("/feedback/respondWithinDays", feedback.respondWithinDays),
            ("/feedback/statusUpdateEveryDays", feedback.statusUpdateEveryDays),
            ("/governance/boardUpdateEveryMonths", governance.boardUpdateEveryMonths),
            ("/governance/representationReviewEveryMonths", governance.representationReviewEveryMonths),
            ("/governance/minutesApprovedWithinMeetings", governance.minutesApprovedWithinMeetings),
            ("/plan/reviewEveryMonths", plan.reviewEveryMonths), ("/plan/publishEveryMonths", plan.publishEveryMonths),
            ("/monitoring/payGapEveryMonths", monitoring.payGapEveryMonths), ("/monitoring/satisfactionEveryMonths", monitoring.satisfactionEveryMonths),
            ("/monitoring/currentReportMaxAgeYears", monitoring.currentReportMaxAgeYears), ("/privacy/roundCountsTo", privacy.roundCountsTo),
        ]
        for (pointer, value) in counts where value < 1 { throw .badPolicy("\(pointer): must be at least 1, got \(value)") }
        // DOMAIN.md 2.1 calls any gap a violation: 0 tolerates none.
        if governance.maxVacancyDays < 0 {
            throw .badPolicy("/governance/maxVacancyDays: must be at least 0, got \(governance.maxVacancyDays)")
        }
        if let share = governance.ebeMinShare, !(0...1).contains(share) {
            throw .badPolicy("/governance/ebeMinShare: must be between 0 and 1, got \(share)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            "/" + context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
        }
        switch error {
        case .typeMismatch(let type, let c): return "\(path(c)): expected \(type)"
        case .valueNotFound(let type, let c): return "\(path(c)): expected \(type), got null"
        case .keyNotFound(let key, let c): return "\(path(c))/\(key.stringValue): missing"
        case .dataCorrupted(let c): return "\(path(c)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Why an audit could not run.
public enum AuditError: Error, Sendable, CustomStringConvertible {
    case badPolicy(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .badPolicy(let why): return "audit policy: \(why)"
        case .unreadable(let why): return why
        }
    }
}
