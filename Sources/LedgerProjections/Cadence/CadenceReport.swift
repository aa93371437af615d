/// The rhythms the plan promises (DOMAIN.md 2.8 and decisions 9.3, 9.8). The defaults are the
/// audit policy's (`Schemas/audit/policy.v1.json`), so `coledger cadence` and `coledger audit`
/// judge alike.
public struct CadencePolicy: Codable, Sendable, Equatable {
    /// The first day of the plan (its plan years run from this day).
    public var planStart: CivilDate
    /// A region's next review is due this many months after the last (or after the region was
    /// registered or the plan started, whichever is later) …
    public var reviewEveryMonths: Int
    /// … plus this many days of grace.
    public var reviewGraceDays: Int
    /// Reviews each region should hold per plan year ("bi-annual" read as twice a year, 9.3).
    public var reviewsPerYear: Int
    /// Annual findings are due this many months after the last …
    public var publishEveryMonths: Int
    /// … plus this many days of grace.
    public var publishGraceDays: Int
    /// The boards that must hear about the plan (rule G-7) …
    public var boardBodies: [String]
    /// … at least this often, in months, in both verbal and written form each plan year.
    public var boardUpdateEveryMonths: Int
    /// Completed community engagement place-based projects the plan promises (T-1) …
    public var placeBasedProjectsTarget: Int
    /// … by this date (plan end, 9.8), unless a `metric.target_set` for T-1 says otherwise.
    public var placeBasedProjectsDue: CivilDate

    /// A policy; the defaults are the project's.
    public init(
        planStart: CivilDate = CivilDate(year: 2023, month: 4, day: 1) ?? CivilDate(dayNumber: 19_448), reviewEveryMonths: Int = 6,
        reviewGraceDays: Int = 30, reviewsPerYear: Int = 2, publishEveryMonths: Int = 12, publishGraceDays: Int = 30,
        boardBodies: [String] = ["B-TRUSTEES", "B-REPB"], boardUpdateEveryMonths: Int = 6, placeBasedProjectsTarget: Int = 3,
        placeBasedProjectsDue: CivilDate = CivilDate(year: 2028, month: 3, day: 31) ?? CivilDate(dayNumber: 21_274)
    ) {
        self.planStart = planStart
        self.reviewEveryMonths = reviewEveryMonths
        self.reviewGraceDays = reviewGraceDays
        self.reviewsPerYear = reviewsPerYear
        self.publishEveryMonths = publishEveryMonths
        self.publishGraceDays = publishGraceDays
        self.boardBodies = boardBodies
        self.boardUpdateEveryMonths = boardUpdateEveryMonths
        self.placeBasedProjectsTarget = placeBasedProjectsTarget
        self.placeBasedProjectsDue = placeBasedProjectsDue
    }

    /// The project's defaults.
    public static let standard = CadencePolicy()

    /// The plan year (`from` … `to`, inclusive) that `date` falls in.
    public func planYear(containing date: CivilDate) -> (from: CivilDate, to: CivilDate) {
        var from = planStart
        if date >= planStart {
            while from.adding(months: 12) <= date { from = from.adding(months: 12) }
        } else {
            while from > date { from = from.adding(months: -12) }
        }
        return (from, from.adding(months: 12).adding(days: -1))
    }
}

/// The plan's cadences as of a date: what ``Projections/cadence(now:policy:)`` returns and
/// `coledger cadence --json` prints.
public struct CadenceReport: Codable, Sendable, Equatable {
    /// The date everything is judged on.
    public var asOf: CivilDate
    /// Log entries folded.
    public var entriesFolded: Int
    /// The rhythms judged against.
    public var policy: CadencePolicy
    /// The plan year `asOf` falls in.
    public var planYearFrom: CivilDate, planYearTo: CivilDate
    /// Reviews per region (rule M-4), regions in registration order.
    public var reviews: [RegionReviews]
    /// Annual findings (rule M-6).
    public var annualFindings: AnnualFindings
    /// Updates to each board (rule G-7).
    public var boardUpdates: [BoardUpdates]
    /// Place-based projects against their target (T-1, rule M-7).
    public var placeBasedProjects: PlaceBasedProjects
    /// Everything behind, in plain sentences (empty when all is on time).
    public var lapses: [String]
}

/// One review as of a date.
public struct ReviewView: Codable, Sendable, Equatable {
    /// The review.
    public var review: ReviewRecord
    /// The day it was held.
    public var heldOn: CivilDate
    /// The day it was due by (after the previous review, the region's registration or the plan's start).
    public var dueBy: CivilDate
    /// Days after ``dueBy`` it was held (0 when on time).
    public var daysLate: Int
    /// The groups of the five (rule M-4) with nobody taking part.
    public var missingGroups: [String]
}

/// A region's reviews against "twice a year".
public struct RegionReviews: Codable, Sendable, Equatable {
    /// The region id.
    public var regionId: String
    /// Its name (when registered).
    public var name: String?
    /// Whether the organisation provides services there.
    public var servicesProvided: Bool
    /// Its reviews up to the date, oldest first.
    public var reviews: [ReviewView]
    /// Reviews held in the current plan year …
    public var heldThisPlanYear: Int
    /// … out of this many.
    public var expectedPerPlanYear: Int
    /// The day of the last review, if any.
    public var lastReviewOn: CivilDate?
    /// When the next review is due by.
    public var nextDueBy: CivilDate
    /// Days past ``nextDueBy`` (0 when not overdue).
    public var daysOverdue: Int
    /// `overdue` (no review by the due date), `late` (a past review came after its due date),
    /// `incomplete` (a review without one of the five groups) or `on_track`.
    public var status: String
}

/// Annual findings against "publish findings annually".
public struct AnnualFindings: Codable, Sendable, Equatable {
    /// The reports (`annual_findings`) up to the date, by the day they count from.
    public var reports: [PublicationView]
    /// Published in the current plan year.
    public var publishedThisPlanYear: Int
    /// When the next is due by.
    public var nextDueBy: CivilDate
    /// Days past ``nextDueBy`` (0 when not overdue).
    public var daysOverdue: Int
    /// `overdue`, `late` (one came after its due date) or `on_track`.
    public var status: String
}

/// One publication as of a date.
public struct PublicationView: Codable, Sendable, Equatable {
    /// The report.
    public var report: PublishedReportRecord
    /// The day it counts from: when it was published, or for a historical record the end of
    /// the period it covers.
    public var countsFrom: CivilDate
    /// When it was due by.
    public var dueBy: CivilDate
    /// Days after ``dueBy`` it came (0 when on time).
    public var daysLate: Int
}

/// One board's updates against "at least every six months, verbal and written each year".
public struct BoardUpdates: Codable, Sendable, Equatable {
    /// The body.
    public var bodyId: String
    /// Whether the policy requires updates to it.
    public var required: Bool
    /// Updates up to the date.
    public var updates: Int
    /// The last one's day, if any.
    public var lastUpdateOn: CivilDate?
    /// Verbal and written updates in the current plan year.
    public var verbalThisPlanYear: Int, writtenThisPlanYear: Int
    /// When the next is due by.
    public var nextDueBy: CivilDate
    /// Days past ``nextDueBy`` (0 when not overdue).
    public var daysOverdue: Int
    /// `overdue`, `one_mode_only` (the plan year is over without both modes), `no_updates`
    /// (a required board never updated and not yet due), or `on_track`.
    public var status: String
}

/// Place-based community engagement projects against the target of three.
public struct PlaceBasedProjects: Codable, Sendable, Equatable {
    /// Every project up to the date, in the order they started.
    public var projects: [ProjectRecord]
    /// Community engagement projects completed by the date (and by the deadline).
    public var completed: Int
    /// Community engagement projects started and not completed.
    public var inProgress: Int
    /// The target and its deadline.
    public var target: Int, deadline: CivilDate
    /// Where the target comes from: `policy`, or `target_set at entry N` (a governed decision).
    public var targetSource: String
    /// Regions with a completed community engagement project.
    public var regions: [String]
    /// `met`, `on_track` (before the deadline, not yet met) or `missed`.
    public var status: String
}
