import LedgerCore

// The plan started on 2023-04-01; the demo's ledger is first used for its third year. On the
// ledger's second day the organisation records, for the record, what its accountability rules
// look back on from the plan's start: the board updates (G-7), the representation reviews (G-8)
// and the independent evaluations (M-5) of the plan's first two years. Each event is dated when
// it happened; the annual findings of those years are recorded the same day as historical
// reports (M-6).
extension DemoRun {
    /// Board updates of the first two plan years: written in June, verbal in December.
    static let historicalBoardUpdates: [(body: String, dates: [(Int, Int, Int)])] = [
        ("B-TRUSTEES", [(2023, 6, 13), (2023, 12, 12), (2024, 6, 11), (2024, 12, 10)]),
        ("B-REPB", [(2023, 6, 21), (2023, 12, 20), (2024, 6, 19), (2024, 12, 18)]),
    ]
    /// Representation reviews of the first two plan years.
    static let historicalRepresentationReviews: [(Int, Int, Int)] = [(2024, 2, 20), (2025, 2, 18)]
    /// Independent evaluations of the first two plan years: id, commissioned, reported.
    static let historicalEvaluations: [(id: String, commissioned: (Int, Int, Int), reported: (Int, Int, Int))] = [
        ("EV-2023", (2023, 5, 16), (2024, 3, 12)), ("EV-2024", (2024, 5, 14), (2025, 3, 11)),
    ]

    /// 10:00 UTC on a calendar date.
    static func at(_ date: (Int, Int, Int)) -> String { DemoCalendar.time(DemoCalendar.day(date.0, date.1, date.2), seconds: 10 * 3600) }

    func recordHistory() {
        for (body, dates) in Self.historicalBoardUpdates {
            for (i, date) in dates.enumerated() {
                let written = i % 2 == 0
                let update = BoardUpdateGiven(
                    bodyId: body, mode: written ? .written : .verbal,
                    paperHash: written ? J.hash("board-paper/\(body)/\(date.0)-\(date.1)") : nil, metricsIncluded: [],
                    givenByRoleId: "R-RJE-TEAM")
                emit(world.rjeTeam[0], update, at: Self.at(date))
            }
        }
        for date in Self.historicalRepresentationReviews { representationReview(at: Self.at(date)) }
        for evaluation in Self.historicalEvaluations {
            commissionEvaluation(decision: nil, id: evaluation.id, at: Self.at(evaluation.commissioned))
            let year = evaluation.id.dropFirst(3)
            reportEvaluation(
                evaluation.id,
                findings: "Year \(year) of the plan: governance bodies met and Experts by Experience took part; regional delivery and data collection are still uneven.",
                recommendations: ["Record every regional review and publish its findings.", "Improve ethnicity recording in services."],
                at: Self.at(evaluation.reported))
        }
    }
}
