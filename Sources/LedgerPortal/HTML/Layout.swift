import Foundation

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
package enum Layout {
    /// - Parameter point: the point the page was read at (``ReadPoint``, its words and query),
    ///   nil for the log as it is now: the page says which, and its links keep it.
    static func page(
        _ title: String, section: Section?, entries: Int, site: String, body: Markup, point: (said: String, query: String)? = nil
    ) -> Markup {
        let query = point?.query ?? ""
        let links: [Markup] = Section.allCases.filter { $0 != .home }.map { s in
            let href = Markup(trusted: PointLinks.keep(s.path, query: query))
            return s == section
                ? "<li><a href=\"\(href)\" aria-current=\"page\">\(s.title)</a></li>"
                : "<li><a href=\"\(href)\">\(s.title)</a></li>"
        }
        let banner: Markup =
            point.map { point in
                """
                <p class="point" role="note">This page shows the record \(point.said).\
                \(point.query.isEmpty ? Markup.empty : " <a href=\"\(section?.path ?? "/")\">Show the page without this point</a>.")</p>
                """
            } ?? .empty
        let main = Markup(trusted: PointLinks.keepAll(body.html, query: query))
        let footer: Markup = """
            <p>Everything on this site is read from a signed, append-only record of \(Words.count(entries, "entry", "entries")). \
            Nobody can change or remove an entry without it showing: <a href="\(Markup(trusted: PointLinks.keep("/verify", query: query)))">check the record yourself</a>.</p>
            <p>The same information is available for computers as JSON, described in <a href="/api/openapi.json">the API description</a>.</p>
            """
        return document(
            title, site: site, home: Markup(trusted: PointLinks.keep("/", query: query)),
            nav: "<nav aria-label=\"Main\"><ul>\(links)</ul></nav>", body: "\(banner)\(main)", footer: footer)
    }

    /// The HTML document every page shares, public or staff: skip link, header with the site's
    /// name (linking to `home`) and `nav`, main, footer.
    package static func document(
        _ title: String, site: String, home: Markup, nav: Markup, body: Markup, footer: Markup,
        stylesheet: String = Stylesheet.path
    ) -> Markup {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — \(site)</title>
        <link rel="stylesheet" href="\(stylesheet)">
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header">
        <div class="wrap">
        <p class="site-name"><a href="\(home)">\(site)</a></p>
        \(nav)
        </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">
        \(body)
        </main>
        <footer class="site-footer">
        <div class="wrap">
        \(footer)
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

/// Links that keep a ``ReadPoint``: from a page read at a point, the pages that show the plan's
/// state (home, plan, an action, you said we did, decisions, equity, check the record) open at the same
/// point; forms, downloads and the API do not.
enum PointLinks {
    static let paths: Set<String> = ["/", "/plan", "/you-said-we-did", "/decisions", "/equity", "/verify"]

    /// `href` with the point's query added, when it names such a page. `query` is URL-safe
    /// (``ReadPoint/query``); its `&` is written `&amp;` for an attribute.
    static func keep(_ href: String, query: String) -> String {
        guard !query.isEmpty else { return href }
        let fragmentStart = href.firstIndex(of: "#") ?? href.endIndex
        let target = href[..<fragmentStart]
        let path = target.prefix { $0 != "?" }
        guard paths.contains(String(path)) || path.hasPrefix("/decisions/") || path.hasPrefix("/actions/") else { return href }
        let joiner = target.contains("?") ? "&amp;" : "?"
        return target + joiner + query.replacingOccurrences(of: "&", with: "&amp;") + href[fragmentStart...]
    }

    /// Every `href="/…"` in `html` through ``keep(_:query:)``.
    static func keepAll(_ html: String, query: String) -> String {
        guard !query.isEmpty else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "href=\"/") {
            out += rest[..<open.upperBound].dropLast()
            let after = rest[rest.index(before: open.upperBound)...]
            guard let close = after.firstIndex(of: "\"") else {
                rest = after
                break
            }
            out += keep(String(after[..<close]), query: query)
            rest = after[close...]
        }
        return out + rest
    }
}
