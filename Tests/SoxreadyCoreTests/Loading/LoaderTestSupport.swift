import Foundation

@testable import SoxreadyCore

/// A one-domain questionnaire around `questions` (YAML list items indented by 6 spaces).
func questionnaireYAML(questions: String, top: String = "", domain: String = "") -> String {
    """
    format: soxready/questionnaire@1
    id: sample
    version: 1.0.0
    title: Sample
    \(top)
    domains:
      - id: access
        title: Access
        criticality: critical
    \(domain)
        questions:
    \(questions)
    """
}

/// A scored yes-partial-no question with a remediation, indented as a list item of `questions`.
func scoredQuestion(_ id: String, extra: String = "") -> String {
    """
          - id: \(id)
            prompt: Question \(id)?
            type: yes-partial-no
            remediation: {action: Fix \(id).}
    \(extra)
    """
}

/// The diagnostics of loading `yaml`, or an empty list when it loads.
func diagnostics(_ yaml: String) -> [Diagnostic] {
    do {
        _ = try QuestionnaireLoader.parse(yaml, file: "q.yaml")
        return []
    } catch {
        if case .invalid(let list) = error { return list }
        return [Diagnostic(file: "q.yaml", location: nil, message: error.description)]
    }
}

/// Loads `yaml`, which must be valid.
func load(_ yaml: String) throws -> Questionnaire {
    try QuestionnaireLoader.parse(yaml, file: "q.yaml").questionnaire
}
