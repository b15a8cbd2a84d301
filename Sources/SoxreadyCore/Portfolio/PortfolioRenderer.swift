import Foundation
import Mustache

/// Renders a ``Portfolio`` through `portfolio.md.mustache` and `portfolio.html.mustache` (with
/// `portfolio.css`) from the plan templates folder, so that a team's copy of `Reports/templates/`
/// brands the portfolio as it brands the plans.
public struct PortfolioRenderer: Sendable {
    let markdownTemplate: MustacheTemplate?
    let htmlTemplate: MustacheTemplate?
    let stylesheet: String

    /// The questions listed under "Questions that block the most applications" in Markdown and
    /// HTML (the JSON lists every one).
    public static let blockingQuestionsShown = 15
    /// Names listed beside a blocking question before "and N more".
    public static let namesShown = 6

    /// Loads the templates of `formats` from `directory`.
    ///
    /// - Throws: ``PlanRenderer/TemplateError`` naming the file that is missing or does not parse.
    public init(directory: String, formats: Set<PlanRenderer.Format>) throws(PlanRenderer.TemplateError) {
        PlanRenderer.registerContentTypes()
        let folder = directory as NSString
        markdownTemplate =
            formats.contains(.markdown) ? try PlanTemplateSet.load(folder.appendingPathComponent("portfolio.md.mustache")).template : nil
        htmlTemplate =
            formats.contains(.html) ? try PlanTemplateSet.load(folder.appendingPathComponent("portfolio.html.mustache")).template : nil
        stylesheet = formats.contains(.html) ? try PlanTemplateSet.stylesheet(folder.appendingPathComponent("portfolio.css")) : ""
    }

    /// The portfolio as Markdown.
    public func markdown(_ portfolio: Portfolio) -> String { markdownTemplate?.render(Self.tree(portfolio)) ?? "" }

    /// The portfolio as one self-contained HTML file (prints on A4 landscape).
    public func html(_ portfolio: Portfolio) -> String {
        var tree = Self.tree(portfolio)
        tree["stylesheet"] = stylesheet
        tree["levelChart"] = PortfolioChart.levels(portfolio.levelsOverTime)
        return htmlTemplate?.render(tree) ?? ""
    }

    /// The heat-map band of a domain score: `good` (≥ 85), `fair` (≥ 60), `poor`, `none` (not
    /// assessed) or `absent` (the run's questionnaire has no such domain). docs/portfolio.md.
    public static func band(_ score: Double??) -> String {
        guard let score else { return "absent" }
        guard let score else { return "none" }
        return score >= 85 ? "good" : score >= 60 ? "fair" : "poor"
    }

    /// A heat-map column's label: the title up to its first colon or comma, at most 22 characters
    /// ("Service-organization reliance: SOC 1, …" → "Service-organization…").
    static func label(_ title: String) -> String {
        let head = title.split(whereSeparator: { $0 == ":" || $0 == "," }).first.map(String.init) ?? title
        return head.count <= 22 ? head : String(head.prefix(21)) + "…"
    }

    static func days(_ value: Int?) -> String {
        guard let value else { return "–" }
        return value == 0 ? "today" : value > 0 ? "in \(value) d" : "\(-value) d ago"
    }

    /// The view as dictionaries (Mustache looks keys up without reflection).
    static func tree(_ portfolio: Portfolio) -> [String: Any] {
        let counts = portfolio.levelCounts
        let levels: [[String: Any]] =
            ReadinessLevel.allCases.map { ["id": $0.rawValue, "title": $0.title, "count": counts[$0] ?? 0] }
            + [["id": "not-assessed", "title": "Not assessed yet", "count": portfolio.notAssessed]]
        func score(_ value: Double?) -> String { value.map { NumberText.oneDecimal($0) } ?? "–" }
        func row(_ row: Portfolio.Row) -> [String: Any] {
            [
                "name": row.name, "slug": row.slug, "run": row.run.map(String.init) ?? "–",
                "level": row.readiness?.title ?? "Not assessed yet", "levelID": row.readiness?.rawValue ?? "not-assessed",
                "score": score(row.score), "confidence": row.confidence.map { NumberText.oneDecimal($0) + " %" } ?? "–",
                "cutover": row.cutover?.description ?? "–", "days": days(row.daysToCutover),
                "cutoverText": row.cutover.map { "\($0) (\(days(row.daysToCutover)))" } ?? "–",
                "blockers": row.blockers.count, "hasBlockers": !row.blockers.isEmpty, "blockerIDs": row.blockers.joined(separator: ", "),
                "signOff": row.signOffStatus.description, "signOffID": row.signOffStatus.id,
                "cells": portfolio.domains.map { domain -> [String: Any] in
                    let value = row.domainScores[domain.id]
                    return [
                        "band": band(value), "text": value.map { $0.map { String(Int($0.rounded())) } ?? "–" } ?? "",
                        "title": domain.title,
                    ]
                },
            ]
        }
        let blocking = portfolio.blockingQuestions.prefix(blockingQuestionsShown).map { question -> [String: Any] in
            let names = question.apps.prefix(namesShown).joined(separator: ", ")
            let more = question.apps.count > namesShown ? " and \(question.apps.count - namesShown) more" : ""
            return [
                "id": question.questionID, "title": question.title, "hasTitle": question.title != question.questionID,
                "count": question.apps.count, "apps": names + more,
            ]
        }
        let months = portfolio.levelsOverTime.map { month -> [String: Any] in
            ["month": month.month, "counts": ReadinessLevel.allCases.map { month.counts[$0] ?? 0 }]
        }
        return [
            "asOf": portfolio.asOf.description, "appCount": portfolio.rows.count,
            "appCountText": portfolio.rows.count == 1 ? "1 application" : "\(portfolio.rows.count) applications", "levels": levels,
            "domains": portfolio.domains.map { ["id": $0.id, "title": $0.title, "label": label($0.title)] },
            "rows": portfolio.rows.map(row), "hasRows": !portfolio.rows.isEmpty,
            "upcoming": portfolio.upcomingCutovers.map(row), "hasUpcoming": !portfolio.upcomingCutovers.isEmpty,
            "upcomingDays": Portfolio.upcomingDays,
            "blocking": blocking, "hasBlocking": !blocking.isEmpty,
            "blockingMore": max(0, portfolio.blockingQuestions.count - blockingQuestionsShown),
            "hasBlockingMore": portfolio.blockingQuestions.count > blockingQuestionsShown,
            "months": months, "hasMonths": !months.isEmpty,
            "levelTitles": ReadinessLevel.allCases.map(\.title),
        ]
    }
}
