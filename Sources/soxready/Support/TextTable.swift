import SoxreadyCore

/// Left-aligned plain-text tables for terminal output, fitted to a width when one is given.
///
/// Without a width (a pipe or a file) every row is printed in full, as scripts expect. With one
/// (a terminal, or `COLUMNS`), the table is narrowed step by step until it fits: first shorter
/// headers and compact cells (a date for a time), then the columns that may be cut are cut with
/// "…" (widest first, never below their minimum, never into the part of a cell that must stay,
/// such as a version or a due date), then low-value columns are left out in their order. Numbers,
/// dates, levels and ids are never cut: their columns have no minimum.
struct TextTable {
    /// A column: its header and how it may narrow.
    struct Column {
        /// The header.
        var header: String
        /// A shorter header for a narrow table (`P1` for `BLOCKERS`); nil keeps the header.
        var shortHeader: String?
        /// The fewest columns the cells may be cut to with "…"; nil: never cut.
        var minimum: Int?
        /// When the column may be left out at narrow widths: lower goes first; nil: never.
        var dropOrder: Int?

        init(_ header: String, short: String? = nil, minimum: Int? = nil, drop: Int? = nil) {
            self.header = header
            shortHeader = short
            self.minimum = minimum
            dropOrder = drop
        }
    }

    /// A cell: its text, a compact form for narrow tables, and how many characters at its end
    /// are never cut.
    struct Cell: ExpressibleByStringLiteral {
        var text: String
        var compact: String?
        var keep: Int

        init(_ text: String, compact: String? = nil, keep: Int = 0) {
            self.text = text
            self.compact = compact
            self.keep = keep
        }

        init(stringLiteral value: String) { self.init(value) }
    }

    /// A table laid out: its lines (header, rule, one per row, no newlines) and the headers of
    /// the columns left out to fit.
    struct Rendered {
        var lines: [String]
        var dropped: [String]
        /// The lines, each with a newline.
        var text: String { lines.map { $0 + "\n" }.joined() }
        /// The header line, the rule and the rows apart.
        var header: [String] { Array(lines.prefix(2)) }
        var rows: [String] { Array(lines.dropFirst(2)) }
    }

    var columns: [Column]
    var rows: [[Cell]]

    init(_ columns: [Column], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Renders rows of plain text (the first is the header) in full, with two spaces between
    /// columns and a rule under the header; every line ends with a newline.
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        return TextTable(header.map { Column($0) }, rows: rows.dropFirst().map { $0.map { Cell($0) } }).render(width: nil).text
    }

    /// The table laid out to fit `width` columns (nil: in full). When even the narrowest layout
    /// is wider (a very narrow terminal), that layout is given.
    func render(width: Int?) -> Rendered {
        guard let width else {
            return layout(
                Layout(columns: Array(columns.indices), compact: false, widths: naturalWidths(of: Array(columns.indices), compact: false)))
        }
        let droppable = columns.indices.filter { columns[$0].dropOrder != nil }.sorted {
            (columns[$0].dropOrder ?? 0) < (columns[$1].dropOrder ?? 0)
        }
        var attempts: [(shown: [Int], compact: Bool)] = [(Array(columns.indices), false)]
        for count in 0...droppable.count {
            let gone = Set(droppable.prefix(count))
            attempts.append((columns.indices.filter { !gone.contains($0) }, true))
        }
        var narrowest: Layout?
        for attempt in attempts {
            let natural = naturalWidths(of: attempt.shown, compact: attempt.compact)
            let plan = Layout(columns: attempt.shown, compact: attempt.compact, widths: natural)
            if plan.total <= width { return layout(plan) }
            guard attempt.compact else { continue }
            let cut = cutToFit(plan, width: width)
            if cut.total <= width { return layout(cut) }
            narrowest = cut
        }
        return layout(
            narrowest
                ?? Layout(columns: Array(columns.indices), compact: true, widths: naturalWidths(of: Array(columns.indices), compact: true)))
    }

    /// Which columns are shown, in which form, at which widths.
    struct Layout {
        var columns: [Int]
        var compact: Bool
        var widths: [Int: Int]
        var total: Int { widths.values.reduce(0, +) + 2 * Swift.max(columns.count - 1, 0) }
    }

    func header(_ column: Int, compact: Bool) -> String {
        compact ? columns[column].shortHeader ?? columns[column].header : columns[column].header
    }

    func cell(_ row: [Cell], _ column: Int, compact: Bool) -> Cell {
        guard column < row.count else { return Cell("") }
        var cell = row[column]
        if compact, let short = cell.compact { cell = Cell(short, keep: Swift.min(cell.keep, short.count)) }
        return cell
    }

    func naturalWidths(of shown: [Int], compact: Bool) -> [Int: Int] {
        var widths: [Int: Int] = [:]
        for column in shown {
            widths[column] = rows.reduce(header(column, compact: compact).displayWidth) {
                Swift.max($0, cell($1, column, compact: compact).text.displayWidth)
            }
        }
        return widths
    }

    /// The narrowest a column may be cut to: its minimum, but never below its header, nor into
    /// the part of a cell that must stay (with one character and "…" before it).
    func floor(_ column: Int, compact: Bool, natural: Int) -> Int {
        guard let minimum = columns[column].minimum else { return natural }
        let kept =
            rows.map { row -> Int in
                let cell = cell(row, column, compact: compact)
                return cell.keep == 0 ? 0 : String(cell.text.suffix(cell.keep)).displayWidth + 2
            }.max() ?? 0
        return Swift.min(natural, Swift.max(minimum, header(column, compact: compact).displayWidth, kept))
    }

    /// Cuts the columns that may be cut, one column at a time from the widest, until the table
    /// fits or none can give more.
    func cutToFit(_ plan: Layout, width: Int) -> Layout {
        var plan = plan
        let floors = Dictionary(
            uniqueKeysWithValues: plan.columns.map { ($0, floor($0, compact: plan.compact, natural: plan.widths[$0] ?? 0)) })
        while plan.total > width {
            let candidates = plan.columns.filter { (plan.widths[$0] ?? 0) > (floors[$0] ?? 0) }
            guard let widest = candidates.max(by: { (plan.widths[$0] ?? 0) < (plan.widths[$1] ?? 0) }) else { break }
            plan.widths[widest, default: 0] -= 1
        }
        return plan
    }

    /// The lines of a layout.
    func layout(_ plan: Layout) -> Rendered {
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (position, text) in cells.enumerated() {
                let width = plan.widths[plan.columns[position]] ?? 0
                parts.append(
                    position == cells.count - 1 ? text : text + String(repeating: " ", count: Swift.max(width - text.displayWidth, 0)))
            }
            return parts.joined(separator: "  ")
        }
        var lines = [line(plan.columns.map { header($0, compact: plan.compact) })]
        lines.append(
            plan.columns.enumerated().map { position, column in
                String(
                    repeating: "-",
                    count: position == plan.columns.count - 1 ? Swift.max(plan.widths[column] ?? 0, 1) : plan.widths[column] ?? 0)
            }.joined(separator: "  "))
        for row in rows {
            // A short row ends at its last cell, as it always did.
            lines.append(
                line(
                    plan.columns.filter { $0 < row.count }.map { column in
                        Self.cut(cell(row, column, compact: plan.compact), to: plan.widths[column] ?? 0)
                    }))
        }
        return Rendered(lines: lines, dropped: columns.indices.filter { !plan.columns.contains($0) }.map { columns[$0].header })
    }

    /// The cell's text in at most `width` columns: cut before the part that stays, with "…".
    static func cut(_ cell: Cell, to width: Int) -> String {
        guard cell.text.displayWidth > width else { return cell.text }
        let tail = String(cell.text.suffix(cell.keep))
        var head = ""
        var used = 0
        for character in cell.text.dropLast(cell.keep) {
            guard used + character.displayWidth + 1 + tail.displayWidth <= width else { break }
            head.append(character)
            used += character.displayWidth
        }
        while head.last == " " { head.removeLast() }
        return head + "…" + tail
    }

    /// "(HIGH, MEDIUM and LOW are left out to fit 80 columns; …)", wrapped to `width`, with a
    /// newline; empty when no column was left out.
    static func droppedNote(_ dropped: [String], width: Int, more: String) -> String {
        guard !dropped.isEmpty, let last = dropped.last else { return "" }
        let names = dropped.count == 1 ? last : dropped.dropLast().joined(separator: ", ") + " and " + last
        let text = "(\(names) \(dropped.count == 1 ? "is" : "are") left out to fit \(width) columns; \(more).)"
        return WizardText.wrap(text, width: width) + "\n"
    }
}
