import Foundation

/// The auditor's provided-by-client (PBC) request list of a run (PRODUCT.md §7.5,
/// docs/export.md): for every key question answered as met, one request per item of its
/// `expectedEvidence` (one general request when it lists none) with the reference recorded and
/// the control owner's role; for every open gap with a commitment, the closing evidence due by
/// the commitment's date, owned by the person committed.
///
/// Requests are sorted by due date (earliest first; ties in questionnaire order, then the order
/// of the evidence list), then the undated requests of met controls in questionnaire order, and
/// numbered `PBC-001`, `PBC-002`, … in that order, so that an auditor can cite a line together
/// with the run (`PBC-004, General Ledger run 3`).
public struct PBCList: Sendable, Equatable {
    /// One request.
    public struct Request: Sendable, Equatable {
        /// `PBC-001`, …
        public var number: String
        /// The question's short title (its id when it has none).
        public var control: String
        /// The question id.
        public var questionID: String
        /// The evidence asked for.
        public var item: String
        /// Why it is asked: the key control met with its answer, or the open gap with its action.
        public var basis: String
        /// The control owner's role (met controls) or the committed person (open gaps); may be empty.
        public var owner: String
        /// The commitment's due date (open gaps); nil for met controls, whose evidence exists.
        public var due: CalendarDate?
        /// `Reference recorded`, `No reference recorded`, `Open`, `Open: overdue` or
        /// `Open: due after the cutover`.
        public var status: String
        /// The evidence reference recorded with the answer, or an empty string.
        public var reference: String
    }

    /// The requests, numbered, in order.
    public var requests: [Request]
    /// The application's name.
    public var appName: String
    /// The run number.
    public var runNumber: Int
    /// The run's time, ISO 8601 UTC.
    public var recordedAt: String
    /// The run's fingerprint.
    public var fingerprint: String
    /// `id@version` of the questionnaire.
    public var questionnaire: String
    /// The rules the run was scored under.
    public var rules: RulesVersion

    /// The list of `run`.
    ///
    /// - Throws: ``QuestionnaireLoadError`` when the stored questionnaire no longer loads.
    public init(run: StoredRun) throws(QuestionnaireLoadError) {
        self.init(try InterchangeRun(run))
    }

    init(_ run: InterchangeRun) {
        appName = run.appName
        runNumber = run.number
        recordedAt = run.recordedAt
        fingerprint = run.stored.fingerprint
        questionnaire = "\(run.result.questionnaire.id)@\(run.result.questionnaire.version)"
        rules = run.result.rules
        // (sort key, request) with the key (due date or nil, questionnaire position, item position).
        var dated: [(CalendarDate, Int, Int, Request)] = []
        var undated: [(Int, Int, Request)] = []
        for question in run.metKeyQuestions {
            let id = question.id
            let reference = run.evidence(id) ?? ""
            let items =
                question.expectedEvidence.isEmpty
                ? ["Evidence that the control operates as answered (the questionnaire lists no specific item)"] : question.expectedEvidence
            for (index, item) in items.enumerated() {
                undated.append(
                    (
                        run.order[id] ?? 0, index,
                        Request(
                            number: "", control: run.title(id), questionID: id, item: item,
                            basis: "Key control answered as met: \(run.answerText(id))", owner: question.remediation?.owner ?? "", due: nil,
                            status: reference.isEmpty ? "No reference recorded" : "Reference recorded", reference: reference)
                    ))
            }
        }
        for gap in run.result.gaps {
            guard let commitment = gap.commitment else { continue }
            let id = gap.question
            let question = run.question(id)
            let items =
                (question?.expectedEvidence ?? []).isEmpty
                ? ["Evidence that the gap is closed (the questionnaire lists no specific item)"] : question?.expectedEvidence ?? []
            let status =
                switch commitment.status {
                case .onTime: "Open"
                case .overdue: "Open: overdue"
                case .afterCutover: "Open: due after the cutover"
                }
            for (index, item) in items.enumerated() {
                dated.append(
                    (
                        commitment.due, run.order[id] ?? 0, index,
                        Request(
                            number: "", control: run.title(id), questionID: id, item: item,
                            basis: "Closing evidence for an open gap (P\(gap.priority)): \(gap.action)", owner: commitment.owner,
                            due: commitment.due, status: status, reference: run.evidence(id) ?? "")
                    ))
            }
        }
        dated.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        undated.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        requests = dated.map(\.3) + undated.map(\.2)
        for index in requests.indices { requests[index].number = Self.number(index + 1) }
    }

    /// `PBC-001` for 1; four digits and more from 1000 on (`PBC-1000`).
    static func number(_ position: Int) -> String {
        let digits = String(position)
        return "PBC-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The CSV columns, in order.
    public static let csvColumns = [
        "Request #", "Control", "Question id", "Item requested", "Basis", "Owner", "Due date", "Status",
        "Reference recorded", "Application", "Run",
    ]

    /// The list as CSV (RFC 4180, CRLF line ends, formula-safe cells through
    /// ``BacklogCSV/cell(_:)``), UTF-8 with a byte-order mark so that a spreadsheet shows
    /// non-ASCII text as written.
    public var csv: String {
        let run = "\(runNumber) (\(fingerprint.prefix(16)))"
        var lines = [Self.csvColumns.map(BacklogCSV.cell).joined(separator: ",")]
        for request in requests {
            let row = [
                request.number, request.control, request.questionID, request.item, request.basis, request.owner,
                request.due?.description ?? "", request.status, request.reference, appName, run,
            ]
            lines.append(row.map(BacklogCSV.cell).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The list as Markdown: a heading, the run's identity, one table of six columns (`#`,
    /// Control, Item requested and why, Owner, Due, Status and reference), every cell escaped.
    public var markdown: String {
        var out = "# PBC request list: \(appName.markdownEscaped), run \(runNumber)\n\n"
        out += "Provided-by-client requests for the auditor, from soxready run \(runNumber) of \(appName.markdownEscaped) "
        out += "(questionnaire \(questionnaire.markdownEscaped), recorded \(recordedAt), fingerprint SHA-256 `\(fingerprint)`). "
        out +=
            "Cite a request by its number and the run: \"\(requests.first?.number ?? "PBC-001"), \(appName.markdownEscaped) run \(runNumber)\".\n\n"
        if requests.isEmpty {
            out += "Nothing to request: no key control is answered as met and no open gap has a commitment.\n"
        } else {
            out += "| # | Control | Item requested | Owner | Due | Status and reference |\n"
            out += "|---|---|---|---|---|---|\n"
            for request in requests {
                let control =
                    request.control == request.questionID
                    ? request.questionID.markdownEscaped : "\(request.control.markdownEscaped) (\(request.questionID.markdownEscaped))"
                let status =
                    request.reference.isEmpty
                    ? request.status.markdownEscaped
                    : "\(request.status.markdownEscaped)<br>Reference: \(request.reference.markdownEscaped)"
                let cells = [
                    request.number, control, "\(request.item.markdownEscaped)<br>*\(request.basis.markdownEscaped)*",
                    request.owner.isEmpty ? "-" : request.owner.markdownEscaped, request.due?.description ?? "-", status,
                ]
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        out +=
            "\nKey controls answered as met ask for the evidence the questionnaire lists for them (`expectedEvidence`), owned by the control owner's role; "
        out += "open gaps with a commitment ask for the closing evidence by the commitment's due date, owned by the person committed. "
        out += "Open gaps without a commitment are in the remediation plan, not here.\n"
        if rules == .v1 {
            out +=
                "\nThis run was scored under rules version 1, which records no commitments: only key controls answered as met are listed.\n"
        }
        return out
    }
}
