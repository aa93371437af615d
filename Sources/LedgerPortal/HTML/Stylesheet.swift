/// The portal's one stylesheet, served as `/static/portal.css` (no inline styles anywhere, so
/// the Content-Security-Policy can forbid them).
package enum Stylesheet {
    package static let path = "/static/portal.css"

    package static let css = """
        :root {
          --ink: #0b0c0c; --muted: #484949; --paper: #ffffff; --band: #f3f2f1; --line: #b1b4b6;
          --link: #1d4f91; --visited: #4c2c92; --focus: #ffdd00; --accent: #003078;
          --done: #00703c; --in_progress: #1d70b8; --planned: #6f777b; --blocked: #d4351c; --cancelled: #2b2b2b;
          --error: #b10e1e;
        }
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
          background: var(--paper); line-height: 1.5; }
        .wrap { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
        a { color: var(--link); text-underline-offset: 0.15em; }
        a:visited { color: var(--visited); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, main:focus-visible {
          outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 5px var(--ink); }
        main:focus { outline: none; box-shadow: none; }
        .skip-link { position: absolute; left: -999rem; top: 0; background: var(--focus); color: var(--ink); padding: 0.5rem 1rem; }
        .skip-link:focus { left: 0; z-index: 10; }
        .site-header { background: var(--accent); color: #fff; padding: 0.75rem 0; }
        .site-header a, .site-header a:visited { color: #fff; }
        .site-header a:focus { color: var(--ink); background: var(--focus); }
        .site-name { font-weight: 700; font-size: 1.25rem; margin: 0 0 0.5rem; }
        .site-name a { text-decoration: none; }
        nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
        nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
        main { padding: 1.5rem 1rem 3rem; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; }
        h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
        .lede { font-size: 1.2rem; max-width: 44rem; }
        .muted { color: var(--muted); }
        .point { border-left: 4px solid var(--ink); background: var(--band); padding: 0.5rem 0.75rem; max-width: 44rem; }
        .site-footer { border-top: 1px solid var(--line); background: var(--band); padding: 1rem 0 2rem; font-size: 0.95rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.95rem; }
        caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
        th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); }
        thead th { border-bottom: 2px solid var(--ink); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .table-scroll { overflow-x: auto; }
        figure { margin: 1rem 0; }
        figcaption { font-weight: 700; margin-bottom: 0.5rem; }
        .chart { max-width: 60rem; margin: 0; padding: 0; list-style: none; }
        .chart li { margin: 0 0 0.6rem; }
        .chart .bar-label { display: block; overflow-wrap: anywhere; }
        .chart svg.bar { display: block; width: 100%; height: 1.4em; }
        .chart svg.bar.thin { height: 0.5em; margin-top: 0.15em; }
        .seg-done, .key-done { fill: var(--done); background: var(--done); }
        .seg-in_progress, .key-in_progress { fill: var(--in_progress); background: var(--in_progress); }
        .seg-planned, .key-planned { fill: var(--planned); background: var(--planned); }
        .seg-blocked, .key-blocked { fill: var(--blocked); background: var(--blocked); }
        .seg-cancelled, .key-cancelled { fill: var(--cancelled); background: var(--cancelled); }
        .seg-bar { fill: #5d3f8f; }
        .key-progress { background: #5d3f8f; }
        .hidden-figure { font-style: italic; color: var(--muted); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .seg-track { fill: var(--band); stroke: var(--line); }
        .legend { list-style: none; padding: 0; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
        .legend span.key { display: inline-block; width: 1rem; height: 1rem; vertical-align: -0.15rem; margin-right: 0.35rem;
          border: 1px solid var(--ink); }
        .status { font-weight: 700; }
        .flag { display: inline-block; border: 2px solid var(--blocked); color: var(--error); font-weight: 700; padding: 0 0.3rem;
          font-size: 0.85rem; }
        .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; }
        .card { border: 1px solid var(--line); border-top: 5px solid var(--accent); padding: 0.75rem 1rem; background: var(--paper); }
        .card h2, .card h3 { margin-top: 0.25rem; font-size: 1.15rem; }
        .said { border-left: 5px solid var(--line); padding: 0.25rem 0 0.25rem 1rem; margin: 0.75rem 0; }
        .said dt { font-weight: 700; }
        .said dd { margin: 0 0 0.5rem; }
        dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; }
        dl.facts dt { font-weight: 700; }
        dl.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
        pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem; }
        code { overflow-wrap: anywhere; word-break: break-word; }
        main, td, th, dd, li, p, caption { overflow-wrap: break-word; }
        .code { font-size: 0.85em; color: var(--muted); overflow-wrap: anywhere; }
        .filters { max-width: none; border: 1px solid var(--line); background: var(--band); padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
        .filters .row { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); gap: 0.5rem 1rem; }
        .filters .field { margin: 0 0 0.75rem; }
        .filters input[type=date] { font: inherit; width: 100%; padding: 0.4rem; border: 2px solid var(--ink); background: #fff; }
        .filters .actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
        pre { background: var(--band); border: 1px solid var(--line); padding: 0.75rem; overflow-x: auto; white-space: pre-wrap;
          word-break: break-all; }
        .pager { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 1rem 0; }
        form { max-width: 40rem; }
        .field { margin: 0 0 1.5rem; }
        label, legend { display: block; font-weight: 700; margin-bottom: 0.25rem; }
        fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; }
        legend { font-size: 1.1rem; }
        .hint { color: var(--muted); margin: 0 0 0.35rem; }
        input[type=text], input[type=email], input[type=password], select, textarea { font: inherit; width: 100%; padding: 0.4rem; border: 2px solid var(--ink);
          background: #fff; color: var(--ink); }
        input.short { max-width: 20rem; }
        textarea { min-height: 10rem; }
        .choice { display: flex; align-items: flex-start; gap: 0.5rem; margin: 0.4rem 0; }
        .choice input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; }
        .choice label { font-weight: 400; margin: 0; }
        button { font: inherit; font-weight: 700; background: var(--done); color: #fff; border: 0; border-bottom: 3px solid #002d18;
          padding: 0.6rem 1.25rem; cursor: pointer; }
        button:hover { background: #005a30; }
        form.inline { display: inline; max-width: none; margin: 0; }
        button.link { background: none; border: 0; padding: 0; color: #fff; font-weight: 400; text-decoration: underline;
          text-underline-offset: 0.15em; }
        button.link:hover { background: none; }
        button.link:focus { color: var(--ink); background: var(--focus); }
        .error-summary { border: 5px solid var(--error); padding: 1rem; margin: 0 0 1.5rem; }
        .error-summary h2 { margin-top: 0; }
        .error-message { color: var(--error); font-weight: 700; margin: 0 0 0.35rem; }
        .field-error input, .field-error textarea, .field-error select { border-color: var(--error); }
        .panel { border: 5px solid var(--done); padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
        .panel .reference { font-size: 1.6rem; font-weight: 700; letter-spacing: 0.05em; word-break: break-all; }
        .verdict-pass { color: var(--done); font-weight: 700; }
        .verdict-fail { color: var(--error); font-weight: 700; }
        .sentences li { margin-bottom: 0.4rem; }
        @media (max-width: 40rem) {
          h1 { font-size: 1.6rem; } dl.facts { grid-template-columns: minmax(0, 1fr); }
          table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack th[scope=row] { display: block; width: 100%; }
          table.stack thead { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.stack tr { border-bottom: 2px solid var(--ink); padding: 0.25rem 0; }
          table.stack td, table.stack th[scope=row] { border: 0; padding: 0.15rem 0; text-align: left; }
          table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
        }
        @media print { .site-header nav, .skip-link, form { display: none; } }

        """
}
