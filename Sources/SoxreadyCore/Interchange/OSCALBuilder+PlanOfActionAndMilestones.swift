extension OSCALBuilder {
    /// The OSCAL `plan-of-action-and-milestones` document of the run: metadata, the
    /// application as `system-id`, a risk per open gap (with its remediation and, for a
    /// commitment, a milestone on the due date whose responsible party is the owner), one
    /// `poam-item` per open gap, and the questionnaire resource.
    ///
    /// - Throws: ``InterchangeError/nothingToPlan(app:run:)`` when the run has no open gap:
    ///   OSCAL needs at least one `poam-item`, and soxready writes no placeholder item.
    public func planOfActionAndMilestones() throws(InterchangeError) -> CanonicalJSON {
        let gaps = run.result.gaps
        guard !gaps.isEmpty else { throw .nothingToPlan(app: run.appName, run: run.number) }
        return .members([
            "plan-of-action-and-milestones": .members([
                "uuid": .string(ids.element("document:poam")),
                "metadata": metadata(title: "soxready plan of action and milestones: \(run.appName), run \(run.number)"),
                "system-id": .members([
                    "identifier-type": .string("https://ietf.org/rfc/rfc4122"),
                    "id": .string(OSCALIdentifiers.application(run.appName)),
                ]),
                "risks": .array(gaps.map { risk($0, observations: false) }),
                "poam-items": .array(gaps.map(item)),
                "back-matter": .members(["resources": .array([questionnaireResource])]),
            ])
        ])
    }

    /// The item of an open gap: the remediation and the commitment in words, priority, phase
    /// and risk as props, the gap's risk related.
    func item(_ gap: AssessmentResult.GapEntry) -> CanonicalJSON {
        let id = gap.question
        var description = [gap.action]
        if let commitment = gap.commitment {
            description.append(
                "Commitment: \(CommitmentOwner(commitment.owner).name), due \(commitment.due) (\(InterchangeRun.statusText(commitment.status)) on \(run.asOf))."
            )
        } else {
            description.append("No commitment recorded yet: no named owner and due date.")
        }
        if !gap.owner.isEmpty { description.append("Control owner (role): \(gap.owner)") }
        return .members([
            "uuid": .string(ids.element("poam-item:\(id)")),
            "title": .string(OSCALText.line(run.titled(id))),
            "description": .string(OSCALText.markup(description)),
            "props": props([
                prop("question-id", id), prop("priority", String(gap.priority)), prop("risk", gap.risk.rawValue),
                prop("phase", gap.phase.rawValue), prop("due-date", gap.commitment?.due.description),
            ]),
            "origins": .array([preparerOrigin]),
            "related-risks": .array([.members(["risk-uuid": .string(ids.element("risk:\(id)"))])]),
        ])
    }
}
