/// The pages in the main navigation.
enum Section: String, CaseIterable, Sendable {
    case home, plan, yousaid, contributions, decisions, equity, verify, feedback

    var path: String {
        switch self {
        case .home: return "/"
        case .plan: return "/plan"
        case .yousaid: return "/you-said-we-did"
        case .contributions: return "/contributions"
        case .decisions: return "/decisions"
        case .equity: return "/equity"
        case .verify: return "/verify"
        case .feedback: return "/feedback"
        }
    }

    var title: String {
        switch self {
        case .home: return "Home"
        case .plan: return "Plan progress"
        case .yousaid: return "You said, we did"
        case .contributions: return "My contributions"
        case .decisions: return "Decisions"
        case .equity: return "Equity"
        case .verify: return "Check the record"
        case .feedback: return "Give feedback"
        }
    }
}

/// The frame every page shares: skip link, header with navigation, main, footer.
enum Layout {
    static func page(_ title: String, section: Section?, entries: Int, site: String, body: Markup) -> Markup {
        let links: [Markup] = Section.allCases.filter { $0 != .home }.map { s in
            s == section
                ? "<li><a href=\"\(s.path)\" aria-current=\"page\">\(s.title)</a></li>"
                : "<li><a href=\"\(s.path)\">\(s.title)</a></li>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) — \(site)</title>
            <link rel="stylesheet" href="\(Stylesheet.path)">
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="site-header">
            <div class="wrap">
            <p class="site-name"><a href="/">\(site)</a></p>
            <nav aria-label="Main"><ul>\(links)</ul></nav>
            </div>
            </header>
            <main id="main" class="wrap" tabindex="-1">
            \(body)
            </main>
            <footer class="site-footer">
            <div class="wrap">
            <p>Everything on this site is read from a signed, append-only record of \(Words.count(entries, "entry", "entries")). \
            Nobody can change or remove an entry without it showing: <a href="/verify">check the record yourself</a>.</p>
            <p>The same information is available for computers as JSON, described in <a href="/api/openapi.json">the API description</a>.</p>
            </div>
            </footer>
            </body>
            </html>

            """
    }

    /// Previous / next links for a list split into pages.
    static func pager(path: String, page: Int, pages: Int, query: String = "") -> Markup {
        guard pages > 1 else { return .empty }
        var links: [Markup] = []
        if page > 1 { links.append("<a href=\"\(path)?\(query)page=\(page - 1)\" rel=\"prev\">Previous page</a>") }
        links.append("<span>Page \(page) of \(pages)</span>")
        if page < pages { links.append("<a href=\"\(path)?\(query)page=\(page + 1)\" rel=\"next\">Next page</a>") }
        return "<nav class=\"pager\" aria-label=\"Pages\">\(links)</nav>"
    }
}
