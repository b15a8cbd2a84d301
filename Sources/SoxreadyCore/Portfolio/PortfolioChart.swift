/// The portfolio's inline SVG: level counts at each month's end as stacked bars (no script, no
/// external file; text labels carry every figure so that the chart reads in grey print too).
enum PortfolioChart {
    /// Stacked bars, one per month, bottom to top Ready, Ready with conditions, Not ready,
    /// Readiness unknown; the total above each bar. Empty when there is no month.
    static func levels(_ months: [Portfolio.MonthCounts]) -> String {
        guard !months.isEmpty else { return "" }
        let levels = ReadinessLevel.allCases
        let most = max(1, months.map { month in levels.reduce(0) { $0 + (month.counts[$1] ?? 0) } }.max() ?? 1)
        let step = 46, barWidth = 30, top = 20, plot = 140, width = months.count * step + 20, height = top + plot + 36
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"levels\" role=\"img\" width=\"\(width)\" height=\"\(height)\" "
        svg += "viewBox=\"0 0 \(width) \(height)\" "
        svg += "aria-labelledby=\"levels-title\"><title id=\"levels-title\">Applications by readiness level at each month's end</title>"
        svg += "<line x1=\"10\" y1=\"\(top + plot)\" x2=\"\(width - 10)\" y2=\"\(top + plot)\" class=\"axis-line\"/>"
        for (index, month) in months.enumerated() {
            let x = 20 + index * step
            var y = top + plot, total = 0
            for level in levels {
                let count = month.counts[level] ?? 0
                guard count > 0 else { continue }
                total += count
                let h = max(1, Int((Double(count) / Double(most) * Double(plot)).rounded()))
                y -= h
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(h)\" class=\"bar \(level.rawValue)\">"
                svg += "<title>\(month.month): \(count) \(level.title.htmlEscaped)</title></rect>"
            }
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(y - 4)\" text-anchor=\"middle\" class=\"value\">\(total)</text>"
            svg +=
                "<text x=\"\(x + barWidth / 2)\" y=\"\(top + plot + 14)\" text-anchor=\"middle\" class=\"axis\">\(month.month.suffix(2))</text>"
            if index == 0 || month.month.hasSuffix("-01") {
                svg +=
                    "<text x=\"\(x + barWidth / 2)\" y=\"\(top + plot + 28)\" text-anchor=\"middle\" class=\"axis\">\(month.month.prefix(4))</text>"
            }
        }
        return svg + "</svg>"
    }
}
