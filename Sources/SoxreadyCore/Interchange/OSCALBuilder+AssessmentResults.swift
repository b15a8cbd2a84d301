extension OSCALBuilder {
    /// The OSCAL `assessment-results` document of the run: metadata, `import-ap` pointing at
    /// the questionnaire resource (soxready has no assessment plan), one result with the run's
    /// time as its start and end, an observation per answer with an evidence reference, a
    /// finding and a risk per gap, and back-matter resources for the questionnaire (with its
    /// SHA-256) and the evidence references.
    public func assessmentResults() -> CanonicalJSON {
        let result = run.result
        let questionnaireUUID = ids.element("resource:questionnaire")
        var summary = [
            "soxready run \(run.number) of \(run.appName), scored under rules version \(result.rules == .v2 ? 2 : 1) against questionnaire \(result.questionnaire.id)@\(result.questionnaire.version).",
            "Readiness: \(result.readiness.rawValue); overall score \(result.score.map(NumberText.oneDecimal) ?? "not assessed"); confidence \(NumberText.oneDecimal(result.confidence.percent)) %; \(result.gaps.count) gaps.",
        ]
        summary += result.reasons.map { reason in reason.rule.map { "Rule \($0): \(reason.text)" } ?? reason.text }
        let rules2 = result.rules2
        let resultObject: CanonicalJSON = .members([
            "uuid": .string(ids.element("result")),
            "title": .string(OSCALText.line("\(run.appName) readiness for Azure: \(result.readiness.title)")),
            "description": .string(OSCALText.markup(summary)),
            "start": .string(run.recordedAt),
            "end": .string(run.recordedAt),
            "props": props([
                prop("readiness-level", result.readiness.rawValue),
                prop("overall-score", result.score.map(NumberText.oneDecimal)),
                prop("confidence-percent", NumberText.oneDecimal(result.confidence.percent)),
                prop("as-of", rules2?.asOf.description),
                prop("stage", rules2?.stage.rawValue),
                prop("cutover-date", rules2?.calendar.cutover?.description),
                prop("fiscal-year-end", rules2?.calendar.fiscalYearEnd?.description),
            ]),
            "reviewed-controls": .members([
                "control-selections": .array([.members(["include-all": .object([:])])]),
                "remarks": .string(
                    OSCALText.markup(["Every question of the questionnaire in back-matter; soxready has no OSCAL catalog or profile."])),
            ]),
            "observations": .array(run.questionsWithEvidence.map(observation)),
            "findings": .array(result.gaps.map(finding)),
            "risks": .array(result.gaps.map { risk($0, observations: true) }),
        ])
        let evidence = run.questionsWithEvidence.map(evidenceResource)
        return .members([
            "assessment-results": .members([
                "uuid": .string(ids.element("document:assessment-results")),
                "metadata": metadata(title: "soxready assessment results: \(run.appName), run \(run.number)"),
                "import-ap": .members([
                    "href": .string("#" + questionnaireUUID),
                    "remarks": .string(
                        OSCALText.markup([
                            "No OSCAL assessment plan exists: the assessment followed the soxready questionnaire in back-matter, which this reference points at."
                        ])),
                ]),
                "results": .array([resultObject]),
                "back-matter": .members(["resources": .array([questionnaireResource] + evidence)]),
            ])
        ])
    }

    /// The observation of an answer with an evidence reference: the question, the answer and its
    /// note, the reference as relevant evidence; method `INTERVIEW` (the preparer answered).
    func observation(_ question: Question) -> CanonicalJSON {
        let id = question.id
        var description = ["Question: \(question.prompt)", "Answer: \(run.answerText(id))"]
        if let note = run.note(id) { description.append("Note: \(note)") }
        let evidence = run.evidence(id) ?? ""
        return .members([
            "uuid": .string(ids.element("observation:\(id)")),
            "title": .string(OSCALText.line(run.titled(id))),
            "description": .string(OSCALText.markup(description)),
            "props": props([prop("question-id", id), prop("key-control", question.isKey ? "true" : nil)]),
            "methods": .array([.string("INTERVIEW")]),
            "types": .array([.string("control-objective")]),
            "origins": .array([preparerOrigin]),
            "relevant-evidence": .array([
                .members([
                    "href": .string("#" + ids.element("resource:evidence:\(id)")),
                    "description": .string(OSCALText.markup(["Evidence reference recorded with the answer: \(evidence)"])),
                ])
            ]),
            "collected": .string(run.recordedAt),
        ])
    }

    /// The finding of a gap: the objective `soxready-<question id>` not satisfied (reason
    /// `fail`, or `other` when unknown or unanswered), with its priority, risk and phase.
    func finding(_ gap: AssessmentResult.GapEntry) -> CanonicalJSON {
        let id = gap.question
        var description = ["P\(gap.priority) gap, \(gap.risk.rawValue) risk: \(gap.action)", "Answer: \(run.answerText(id))"]
        if let preview = gap.deficiencyPreview { description.append("Deficiency: " + InterchangeRun.previewText(preview) + ".") }
        let notKnown = gap.unknown || gap.answer == nil
        return .members([
            "uuid": .string(ids.element("finding:\(id)")),
            "title": .string(OSCALText.line(run.titled(id))),
            "description": .string(OSCALText.markup(description)),
            "props": props([
                prop("question-id", id), prop("priority", String(gap.priority)), prop("risk", gap.risk.rawValue),
                prop("phase", gap.phase.rawValue), prop("points-lost", NumberText.oneDecimal(gap.pointsLost)),
                prop("gate", gap.gate?.rawValue ?? (gap.gating ? "gating" : nil)),
                prop("deficiency-preview", gap.deficiencyPreview?.rawValue),
            ]),
            "target": .members([
                "type": .string("objective-id"),
                "target-id": .string("soxready-\(id)"),
                "title": .string(OSCALText.line(run.title(id))),
                "status": .members([
                    "state": .string("not-satisfied"),
                    "reason": .string(notKnown ? "other" : "fail"),
                    "remarks": notKnown ? .string(gap.unknown ? "Answered don't know." : "Not answered.") : nil,
                ]),
            ]),
            "related-observations": observationUUID(id).map { .array([.members(["observation-uuid": .string($0)])]) },
            "related-risks": .array([.members(["risk-uuid": .string(ids.element("risk:\(id)"))])]),
        ])
    }

    /// The back-matter resource of an answer's evidence reference: the text as a citation, and
    /// as a link too when it is a web URL.
    func evidenceResource(_ question: Question) -> CanonicalJSON {
        let id = question.id
        let evidence = run.evidence(id) ?? ""
        return .members([
            "uuid": .string(ids.element("resource:evidence:\(id)")),
            "title": .string(OSCALText.line("Evidence reference: \(run.titled(id))")),
            "citation": .members(["text": .string(OSCALText.line(evidence))]),
            "rlinks": OSCALText.isWebURL(evidence) ? .array([.members(["href": .string(evidence)])]) : nil,
        ])
    }
}
