import Foundation
import GRDB

/// How list-valued fields are kept in one column: the items joined by a unit separator.
enum ListColumn {
    static let separator = "\u{1F}"

    static func encode(_ items: [String]) -> String { items.joined(separator: separator) }

    static func decode(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.components(separatedBy: separator)
    }
}

extension ProjectionConnection {
    /// Runs a statement (cached: table names are fixed for a connection's lifetime).
    func execute(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func fetchOne(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    func fetchAll(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
