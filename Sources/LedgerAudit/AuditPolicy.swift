import LedgerCore
import Foundation

/// The parameters of the accountability rules (`Schemas/audit/policy.v1.json`; DOMAIN.md section 9
/// defaults). The report prints the SHA-256 of the policy file it used.
public struct AuditPolicy: Codable, Sendable {
    /// Feedback loop clocks.
    public struct Feedback: Codable, Sendable {
        public var acknowledgeWithinWorkingDays: Int
        public var respondWithinDays: Int
        public var statusUpdateEveryDays: Int
    }
    /// Governance rules.
    public struct Governance: Codable, Sendable {
        public var ebeMinCount: Int
        public var ebeMinShare: Double?
        public var ebeCategories: [String]
        public var exemptBodyTypes: [String]
    }
    /// Coproduction tracing.
    public struct Coproduction: Codable, Sendable {
        public var traceContributionsWithinDays: Int
        public var fromBodies: [String]
    }
    /// Plan coverage and cadence.
    public struct Plan: Codable, Sendable {
        public var seedActions: [String]
        public var staleActionDays: Int
        public var reviewEveryMonths: Int
        public var reviewGraceDays: Int
        public var publishEveryMonths: Int
        public var publishGraceDays: Int
        public var placeBasedProjectsTarget: Int
        public var placeBasedProjectsDue: String
        public var planStart: String
    }
    /// Privacy.
    public struct Privacy: Codable, Sendable {
        public var eraseWithinDays: Int
    }
    /// Bank holidays that are not working days.
    public struct Holidays: Codable, Sendable {
        public var source: String
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
    /// Privacy parameters.
    public var privacy: Privacy
    /// Bank holidays.
    public var bankHolidays: Holidays

    /// Reads a policy file; returns it with the hex SHA-256 of its bytes.
    public static func load(_ bytes: [UInt8]) throws -> (policy: AuditPolicy, sha256: String) {
        let policy = try JSONDecoder().decode(AuditPolicy.self, from: Data(bytes))
        guard policy.policy == "coledger-audit/v1" else {
            throw AuditError.badPolicy("unknown policy \(policy.policy); expected coledger-audit/v1")
        }
        for date in policy.bankHolidays.dates + [policy.plan.planStart, policy.plan.placeBasedProjectsDue] where Day.number(date) == nil {
            throw AuditError.badPolicy("\(date) is not a date YYYY-MM-DD")
        }
        return (policy, Hex.encode(SHA256.hash(bytes)))
    }

    /// The shipped defaults.
    public static func standard() throws -> (policy: AuditPolicy, sha256: String) {
        try load(Array(defaultText.utf8))
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

/// Calendar days as integers (days since 1970-01-01, UTC).
public enum Day {
    /// The day of `YYYY-MM-DD` or of an RFC 3339 timestamp.
    public static func number(_ text: String) -> Int? {
        let date = text.count >= 10 ? String(text.prefix(10)) : text
        guard let seconds = Timestamp.unixSeconds(date + "T00:00:00Z") else { return nil }
        return seconds / 86_400
    }

    /// `YYYY-MM-DD` of a day number.
    public static func text(_ day: Int) -> String {
        String(Timestamp.format(seconds: day * 86_400).prefix(10))
    }

    /// The same day `months` later (clamped to the month's end).
    public static func adding(months: Int, to day: Int) -> Int {
        let t = text(day)
        let parts = t.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return day + months * 30 }
        var year = parts[0], month = parts[1] + months
        year += (month - 1) / 12
        month = (month - 1) % 12 + 1
        let dd = min(parts[2], [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
        return number(String(format: "%04d-%02d-%02d", year, month, dd)) ?? day
    }

    /// Monday = 0 … Sunday = 6.
    public static func weekday(_ day: Int) -> Int { ((day % 7) + 7 + 3) % 7 }
}

/// Working days: Monday to Friday, minus bank holidays.
public struct WorkingDays: Sendable {
    let holidays: Set<Int>

    /// Creates a calendar with these holidays.
    public init(holidays: [String]) {
        self.holidays = Set(holidays.compactMap(Day.number))
    }

    /// Whether `day` is a working day.
    public func isWorkingDay(_ day: Int) -> Bool { Day.weekday(day) < 5 && !holidays.contains(day) }

    /// The day `n` working days after `day` (the day itself does not count).
    public func adding(_ n: Int, to day: Int) -> Int {
        var d = day
        var left = n
        while left > 0 {
            d += 1
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }
}
