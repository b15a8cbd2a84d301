/// Builds a run's OSCAL documents (PRODUCT.md §7.5, docs/export.md): the assessment results
/// (``assessmentResults()``) and the plan of action and milestones
/// (``planOfActionAndMilestones()``), in the OSCAL version of compliance-trestle 5.2.0's models
/// (``oscalVersion``), from the stored run only: its result, answers and questionnaire.
///
/// Every UUID is name-based (``OSCALIdentifiers``), so the same run always gives byte-identical
/// documents (``CanonicalJSON``).
public struct OSCALBuilder: Sendable {
    /// The OSCAL version written in `metadata.oscal-version`: compliance-trestle 5.2.0's
    /// `trestle.oscal.OSCAL_VERSION`.
    public static let oscalVersion = "1.2.1"
    /// soxready's namespace for props (`ns`) and facets (`system`).
    public static let namespace = "urn:soxready:oscal"

    /// A person named in the documents.
    struct Party: Sendable, Equatable {
        var uuid: String
        var name: String
        var email: String?
        var remarks: String?
    }

    let run: InterchangeRun
    let ids: OSCALIdentifiers
    /// Who prepared the run, or a party that says no preparer was recorded.
    let preparer: Party
    /// The commitment owners, one per person (name key), sorted by that key.
    let owners: [Party]

    /// The builder of `run`'s documents; `preparedBy` is the preparer's name the run records
    /// (PRODUCT.md §7.2), nil for a run that records none.
    ///
    /// - Throws: ``QuestionnaireLoadError`` when the stored questionnaire no longer loads.
    public init(run: StoredRun, preparedBy: String?) throws(QuestionnaireLoadError) {
        try self.init(InterchangeRun(run), preparedBy: preparedBy)
    }

    init(_ run: InterchangeRun, preparedBy: String?) {
        self.run = run
        ids = OSCALIdentifiers(fingerprint: run.stored.fingerprint)
        if let preparedBy, !preparedBy.collapsingWhitespace.isEmpty {
            let person = CommitmentOwner(preparedBy)
            preparer = Party(uuid: OSCALIdentifiers.person(preparedBy), name: person.name, email: person.email)
        } else {
            preparer = Party(
                uuid: ids.element("party:preparer-not-recorded"), name: "Preparer not recorded", email: nil,
                remarks: "This run records no preparer (runs recorded before soxready asked for one).")
        }
        var byKey: [String: Party] = [:]
        for gap in run.result.gaps {
            guard let commitment = gap.commitment else { continue }
            let owner = CommitmentOwner(commitment.owner)
            guard !owner.name.isEmpty else { continue }
            // The first spelling of a person wins; an address given once is kept.
            let existing = byKey[owner.key]
            byKey[owner.key] = Party(
                uuid: OSCALIdentifiers.person(commitment.owner), name: existing?.name ?? owner.name,
                email: existing?.email ?? owner.email)
        }
        // A preparer who also owns a commitment is one party, the preparer's.
        let preparerUUID = preparer.uuid
        owners = byKey.keys.sorted().compactMap { byKey[$0] }.filter { $0.uuid != preparerUUID }
    }

    // MARK: - Shared parts

    /// A prop in soxready's namespace; nil when the value is empty.
    func prop(_ name: String, _ value: String?) -> CanonicalJSON? {
        guard let value, !value.collapsingWhitespace.isEmpty else { return nil }
        return .members(["name": .string(name), "ns": .string(Self.namespace), "value": .string(OSCALText.token(value))])
    }

    /// The props among `props` that have a value.
    func props(_ props: [CanonicalJSON?]) -> CanonicalJSON { .array(props.compactMap { $0 }) }

    /// `origins`: the preparer, as the party in the `prepared-by` role.
    var preparerOrigin: CanonicalJSON {
        .members([
            "actors": .array([
                .members([
                    "type": .string("party"), "actor-uuid": .string(preparer.uuid),
                    "role-id": .string("prepared-by"),
                ])
            ])
        ])
    }

    func party(_ party: Party) -> CanonicalJSON {
        .members([
            "uuid": .string(party.uuid), "type": .string("person"), "name": .string(OSCALText.token(party.name)),
            "email-addresses": party.email.map { .array([.string($0)]) },
            "remarks": party.remarks.map { .string(OSCALText.markup([$0])) },
        ])
    }

    /// The metadata of either document: title, the run's time as last-modified, `run-N` as the
    /// version, the OSCAL version, the run's identity as props, the roles, the preparer and the
    /// commitment owners as parties, the preparer as the party responsible for `prepared-by`.
    func metadata(title: String) -> CanonicalJSON {
        let result = run.result
        var roles: [CanonicalJSON] = [.members(["id": .string("prepared-by"), "title": .string("Prepared by")])]
        if result.gaps.contains(where: { $0.commitment != nil }) {
            roles.append(
                .members([
                    "id": .string("remediation-owner"), "title": .string("Remediation owner"),
                    "description": .string("A person committed to close a gap by a due date."),
                ]))
        }
        return .members([
            "title": .string(OSCALText.line(title)),
            "last-modified": .string(run.recordedAt),
            "version": .string("run-\(run.number)"),
            "oscal-version": .string(Self.oscalVersion),
            "props": props([
                prop("application", run.appName),
                prop("run-number", String(run.number)),
                prop("run-fingerprint", run.stored.fingerprint),
                prop("rules-version", result.rules == .v2 ? "2" : "1"),
                prop("result-format", result.format),
                prop("questionnaire", "\(result.questionnaire.id)@\(result.questionnaire.version)"),
            ]),
            "roles": .array(roles),
            "parties": .array([party(preparer)] + owners.map(party)),
            "responsible-parties": .array([.members(["role-id": .string("prepared-by"), "party-uuids": .array([.string(preparer.uuid)])])]),
            "remarks": .string(
                OSCALText.markup([
                    "Exported by soxready from run \(run.number) of \(run.appName), recorded \(run.recordedAt), fingerprint \(run.stored.fingerprint) (SHA-256).",
                    "soxready records what the preparer answered and scores it; it examines no evidence itself. This is not an audit opinion; deficiency previews are for management and the auditor to judge.",
                ])),
        ])
    }

    /// The back-matter resource of the questionnaire the run answered, with its SHA-256; it
    /// stands in for the assessment plan (`import-ap` points at it).
    var questionnaireResource: CanonicalJSON {
        let reference = run.result.questionnaire
        return .members([
            "uuid": .string(ids.element("resource:questionnaire")),
            "title": .string(OSCALText.line("soxready questionnaire: \(run.questionnaire.title) (\(reference.id)@\(reference.version))")),
            "description": .string(
                OSCALText.markup([
                    "The questionnaire this run was scored against, exactly as stored with the run in the soxready store; the SHA-256 is that of its content. It stands in for an assessment plan."
                ])),
            "props": props([prop("questionnaire-id", reference.id), prop("questionnaire-version", reference.version)]),
            "rlinks": .array([
                .members([
                    "href": .string("urn:soxready:questionnaire:\(reference.id):\(reference.version)"),
                    "media-type": .string("application/yaml"),
                    "hashes": .array([
                        .members(["algorithm": .string("SHA-256"), "value": .string(run.stored.questionnaireHash.lowercased())])
                    ]),
                ])
            ]),
        ])
    }

    /// The UUID of the observation of question `id`, when its answer records evidence.
    func observationUUID(_ id: String) -> String? { run.evidence(id) == nil ? nil : ids.element("observation:\(id)") }

    /// The risk of a gap: status `remediating` with a commitment, else `open`; risk level and
    /// priority as facets; the deadline and a milestone for the commitment; the remediation.
    /// `observations` links the observation of the same question (assessment results only).
    func risk(_ gap: AssessmentResult.GapEntry, observations: Bool) -> CanonicalJSON {
        let id = gap.question
        let question = run.question(id)
        var description = ["Question: \(question?.prompt ?? id)", "Answer: \(run.answerText(id))"]
        let domain = run.domainTitle(id)
        if !domain.isEmpty { description.append("Domain: \(domain)") }
        if let itgc = question?.itgc, !itgc.isEmpty { description.append("ITGC area: " + itgc.map(\.title).joined(separator: "; ")) }
        if let cuec = question?.cuec, !cuec.isEmpty { description.append("CUEC theme: " + cuec.joined(separator: ", ")) }
        var statement =
            "\(run.title(id)) is not fully in place (answer: \(run.answerText(id))): a \(gap.risk.rawValue)-risk gap of priority P\(gap.priority)"
        if gap.gating { statement += ", a gate that blocks the migration (\(gap.gate == .technical ? "technical" : "ICFR"))" }
        statement += "."
        if let preview = gap.deficiencyPreview { statement += " It is " + InterchangeRun.previewText(preview) + "." }

        var facets: [CanonicalJSON] = [
            .members(["name": .string("risk"), "system": .string(Self.namespace), "value": .string(gap.risk.rawValue)]),
            .members(["name": .string("priority"), "system": .string(Self.namespace), "value": .string(String(gap.priority))]),
        ]
        if let preview = gap.deficiencyPreview {
            facets.append(
                .members(["name": .string("deficiency-preview"), "system": .string(Self.namespace), "value": .string(preview.rawValue)]))
        }
        let related: CanonicalJSON? = observations ? observationUUID(id).map { .array([.members(["observation-uuid": .string($0)])]) } : nil
        return .members([
            "uuid": .string(ids.element("risk:\(id)")),
            "title": .string(OSCALText.line(run.titled(id))),
            "description": .string(OSCALText.markup(description)),
            "statement": .string(OSCALText.markup([statement])),
            "props": props([
                prop("question-id", id), prop("phase", gap.phase.rawValue), prop("owner-role", gap.owner),
                prop("gate", gap.gate?.rawValue ?? (gap.gating ? "gating" : nil)),
                prop("commitment-status", gap.commitment?.status.rawValue),
            ]),
            "status": .string(gap.commitment == nil ? "open" : "remediating"),
            "characterizations": .array([.members(["origin": preparerOrigin, "facets": .array(facets)])]),
            "deadline": gap.commitment.map { .string(OSCALText.dateTime($0.due)) },
            "remediations": .array([remediation(gap)]),
            "related-observations": related,
        ])
    }

    /// The remediation of a gap: `planned` with a commitment (and its milestone), else
    /// `recommendation`.
    func remediation(_ gap: AssessmentResult.GapEntry) -> CanonicalJSON {
        let id = gap.question
        let remediation = run.question(id)?.remediation
        var description = [gap.action]
        if let azure = remediation?.azure, !azure.isEmpty { description.append("Azure capability: " + azure.joined(separator: "; ")) }
        if let effort = remediation?.effort { description.append("Effort: \(effort.rawValue)") }
        if !gap.owner.isEmpty { description.append("Control owner (role): \(gap.owner)") }
        if gap.commitment == nil { description.append("No commitment recorded yet: no named owner and due date.") }
        var tasks: [CanonicalJSON] = []
        if let commitment = gap.commitment {
            let owner = CommitmentOwner(commitment.owner)
            tasks.append(
                .members([
                    "uuid": .string(ids.element("task:\(id)")),
                    "type": .string("milestone"),
                    "title": .string(OSCALText.line("Gap closed: \(run.title(id)), due \(commitment.due)")),
                    "description": .string(
                        OSCALText.markup([
                            "\(owner.name) committed to close this gap, with its closing evidence, by \(commitment.due) (\(InterchangeRun.statusText(commitment.status)) on \(run.asOf))."
                        ])),
                    "props": props([prop("due-date", commitment.due.description), prop("commitment-status", commitment.status.rawValue)]),
                    "timing": .members(["on-date": .members(["date": .string(OSCALText.dateTime(commitment.due))])]),
                    "responsible-roles": .array([
                        .members([
                            "role-id": .string("remediation-owner"),
                            "party-uuids": .array([.string(OSCALIdentifiers.person(commitment.owner))]),
                        ])
                    ]),
                ]))
        }
        return .members([
            "uuid": .string(ids.element("remediation:\(id)")),
            "lifecycle": .string(gap.commitment == nil ? "recommendation" : "planned"),
            "title": .string(OSCALText.line(gap.action, fallback: "Close the gap of \(id)")),
            "description": .string(OSCALText.markup(description)),
            "origins": .array([preparerOrigin]),
            "tasks": .array(tasks),
        ])
    }
}
