import Foundation
import Mustache

/// Mustache content type for Markdown: every `{{value}}` is escaped as inline Markdown.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text.markdownEscaped }
}
