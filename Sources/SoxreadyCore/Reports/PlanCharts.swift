/// Inline SVG for the HTML plan: domain bars and the score trend. Every
/// text is HTML-escaped here; shapes carry numbers and symbols so colour is never the only signal.
enum PlanCharts {
    static func escape(_ text: String) -> String { text.htmlEscaped }

    /// Horizontal bars, one per domain, 0–100 with a dashed line at the critical floor; a bar
    /// is good at or above the `ready` threshold, fair at or above `notReady`, else poor.
    ///
    /// With `wrapLabels` (the rules-2 plan) a long domain title is set on up to three lines
    /// instead of being shortened, so that no name is cut off; without it (the frozen rules-1
    /// plan) titles over 48 characters are shortened with an ellipsis, as they always were.
    static func domainBars(_ rows: [PlanDocument.DomainRow], thresholds: Thresholds, wrapLabels: Bool = false) -> String {
        guard wrapLabels else { return domainBarsRules1(rows, thresholds: thresholds) }
        let floor = thresholds.criticalDomainFloor
        let labelWidth = 330, barWidth = 300, lineHeight = 14, rowGap = 8
        let labels = rows.map { wrap($0.title, width: 44) }
        let heights = labels.map { $0.count * lineHeight + rowGap }
        let bottom = heights.reduce(0, +) + 6
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(bottom + 24)\" "
        svg += "aria-labelledby=\"chart-title\"><title id=\"chart-title\">Domain scores, percent</title>"
        var top = 4
        for (row, lines) in zip(rows, labels) {
            let height = lines.count * lineHeight + rowGap
            let middle = top + height / 2
            // The label's lines are centred on the bar.
            let firstBaseline = middle - (lines.count * lineHeight) / 2 + 11
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(firstBaseline)\" text-anchor=\"end\" class=\"label\">"
            for (index, line) in lines.enumerated() {
                svg += "<tspan x=\"\(labelWidth - 8)\" dy=\"\(index == 0 ? 0 : lineHeight)\">\(escape(line))</tspan>"
            }
            svg += "</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(middle - 7)\" width=\"\(barWidth)\" height=\"14\" class=\"track\"/>"
            if row.assessed, let value = Double(row.score) {
                let width = Int((value / 100 * Double(barWidth)).rounded())
                let band = value >= thresholds.ready ? "good" : (value >= thresholds.notReady ? "fair" : "poor")
                svg += "<rect x=\"\(labelWidth)\" y=\"\(middle - 7)\" width=\"\(width)\" height=\"14\" class=\"bar \(band)\"/>"
                svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(middle + 4)\" class=\"value\">\(escape(row.score))</text>"
            } else {
                svg += "<text x=\"\(labelWidth + 6)\" y=\"\(middle + 4)\" class=\"value muted\">not assessed</text>"
            }
            top += height
        }
        let floorX = labelWidth + Int((floor / 100 * Double(barWidth)).rounded())
        svg += "<line x1=\"\(floorX)\" y1=\"2\" x2=\"\(floorX)\" y2=\"\(bottom)\" class=\"floor\"/>"
        svg +=
            "<text x=\"\(floorX)\" y=\"\(bottom + 14)\" text-anchor=\"middle\" class=\"axis\">critical floor \(NumberText.plain(floor))</text>"
        svg += "</svg>"
        return svg
    }

    /// `text` in lines of at most `width` characters, broken between words (a longer word has a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The domain bars of the rules-1 plan, byte for byte as they were.
    static func domainBarsRules1(_ rows: [PlanDocument.DomainRow], thresholds: Thresholds) -> String {
        let floor = thresholds.criticalDomainFloor
        let labelWidth = 330, barWidth = 300, rowHeight = 22
        let height = rows.count * rowHeight + 30
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" "
        svg += "aria-labelledby=\"chart-title\"><title id=\"chart-title\">Domain scores, percent</title>"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 4
            // Long titles are shortened in the chart; the table below gives them in full.
            let label = row.title.count > 48 ? String(row.title.prefix(47)) + "…" : row.title
            svg +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\" class=\"label\"><title>\(escape(row.title))</title>\(escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barWidth)\" height=\"14\" class=\"track\"/>"
            if row.assessed, let value = Double(row.score) {
                let width = Int((value / 100 * Double(barWidth)).rounded())
                let band = value >= thresholds.ready ? "good" : (value >= thresholds.notReady ? "fair" : "poor")
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"14\" class=\"bar \(band)\"/>"
                svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 14)\" class=\"value\">\(escape(row.score))</text>"
            } else {
                svg += "<text x=\"\(labelWidth + 6)\" y=\"\(y + 14)\" class=\"value muted\">not assessed</text>"
            }
        }
        let floorX = labelWidth + Int((floor / 100 * Double(barWidth)).rounded())
        let bottom = rows.count * rowHeight + 6
        svg += "<line x1=\"\(floorX)\" y1=\"2\" x2=\"\(floorX)\" y2=\"\(bottom)\" class=\"floor\"/>"
        svg +=
            "<text x=\"\(floorX)\" y=\"\(bottom + 14)\" text-anchor=\"middle\" class=\"axis\">critical floor \(NumberText.plain(floor))</text>"
        svg += "</svg>"
        return svg
    }

    /// The overall score of every run, as points joined by a line, each labelled with its
    /// score and the level's symbol.
    static func trend(_ runs: [RunSummary]) -> String {
        guard runs.count > 1 else { return "" }
        let step = 70, width = max(2, runs.count) * step + 40, height = 150
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" "
        svg += "aria-labelledby=\"trend-title\"><title id=\"trend-title\">Overall score and readiness by run</title>"
        svg += "<line x1=\"20\" y1=\"110\" x2=\"\(width - 10)\" y2=\"110\" class=\"axis-line\"/>"
        let points = runs.enumerated().map { index, run in
            "\(40 + index * step),\(110 - Int(((run.score ?? 0) / 100 * 90).rounded()))"
        }
        svg += "<polyline points=\"\(points.joined(separator: " "))\" class=\"line\"/>"
        for (index, run) in runs.enumerated() {
            let x = 40 + index * step
            let y = 110 - Int(((run.score ?? 0) / 100 * 90).rounded())
            let label = run.score.map { NumberText.oneDecimal($0) } ?? "–"
            svg += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"4\" class=\"point \(run.readiness.rawValue)\"/>"
            svg += "<text x=\"\(x)\" y=\"\(y - 8)\" text-anchor=\"middle\" class=\"value\">\(escape(label))</text>"
            svg += "<text x=\"\(x)\" y=\"126\" text-anchor=\"middle\" class=\"axis\">run \(run.number)</text>"
            svg += "<text x=\"\(x)\" y=\"142\" text-anchor=\"middle\" class=\"axis\">\(escape(PlanDocument.symbol(run.readiness)))</text>"
        }
        svg += "</svg>"
        return svg
    }
}
