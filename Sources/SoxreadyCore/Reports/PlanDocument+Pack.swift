/// The executive summary as the two-page sign-off pack shows it.
extension PlanDocument {
    /// Rows of each list the pack shows at most: ICFR blockers, technical blockers and other
    /// commitments; conditions get ``packConditions`` rows, or ``packConditionsTight`` when the
    /// page also carries the named owners or earlier sign-off decisions. Measured by printing
    /// packs on A4 and Letter with headless Chromium (Tests/reports): the bundled examples' longest
    /// lists are 16 blockers and 32 conditions, and stores with more owners, decisions and
    /// commitments than any example still print on two pages at these figures.
    static let packICFRBlockers = 16, packTechnicalBlockers = 2, packCommitments = 6
    static let packConditions = 32, packConditionsTight = 16

    /// This document with the executive summary's lists cut to what two printed pages hold, each
    /// cut list ending with "and N more — see the plan" (``moreConditions`` and so on); the plan
    /// itself always lists every row.
    public func forPack() -> PlanDocument {
        var pack = self
        func cut(_ rows: [ItemRow], _ limit: Int) -> (rows: [ItemRow], more: Int) {
            rows.count > limit ? (Array(rows.prefix(limit)), rows.count - limit) : (rows, 0)
        }
        (pack.icfrBlockers, pack.moreICFRBlockers) = cut(icfrBlockers, Self.packICFRBlockers)
        (pack.technicalBlockers, pack.moreTechnicalBlockers) = cut(technicalBlockers, Self.packTechnicalBlockers)
        let tight = hasOwners || signOff.hasHistory
        (pack.conditions, pack.moreConditions) = cut(conditions, tight ? Self.packConditionsTight : Self.packConditions)
        (pack.commitments, pack.moreCommitments) = cut(commitments, Self.packCommitments)
        pack.hasMoreICFRBlockers = pack.moreICFRBlockers > 0
        pack.hasMoreTechnicalBlockers = pack.moreTechnicalBlockers > 0
        pack.hasMoreConditions = pack.moreConditions > 0
        pack.hasMoreCommitments = pack.moreCommitments > 0
        // A cut list no longer shows every gap the commitment sentence counts.
        if pack.moreICFRBlockers + pack.moreTechnicalBlockers + pack.moreConditions > 0 {
            pack.commitmentText = Self.commitmentSentence(icfrBlockers + technicalBlockers + conditions, placement: "of this run")
        }
        return pack
    }
}
