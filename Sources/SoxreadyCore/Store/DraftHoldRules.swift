import Foundation

/// Who may write a draft (docs/store.md, "Drafts and sessions"), the same for every store.
///
/// A draft belongs to the user who started it (its owner) and is held by one session at a time.
/// A session is kept from it by a live holder other than itself, or, when no live session holds
/// it, by an owner other than its user (`--take-over` takes it from either). A holder whose
/// process has ended on this host holds nothing.
public enum DraftHoldRules {
    /// Who keeps `session` from the draft, or nil when `session` may take it.
    ///
    /// - Parameters:
    ///   - owner: The draft's owner ("" for drafts saved before owners were recorded).
    ///   - holderToken: The token of the session holding it, or nil.
    ///   - holder: That session's user, host, process and time, or nil.
    ///   - startedAt: When the draft was started (shown when only the owner keeps `session` out).
    ///   - session: The session that wants the draft.
    /// - Returns: The live holder when it is another session; else, when the owner is not `session`'s user,
    ///   the ended holder or the owner since `startedAt` (host `-`); nil when `session` may take the draft.
    public static func otherHolder(
        owner: String, holderToken: String?, holder: DraftHolder?, startedAt: Date,
        session: DraftSession
    ) -> DraftHolder? {
        if let holder, holderToken != session.token, !holder.hasEnded { return holder }
        if !owner.isEmpty, owner != session.user {
            return holder ?? DraftHolder(user: owner, host: "-", processID: 0, since: startedAt)
        }
        return nil
    }

    /// The holder shown to a session that writes a draft it no longer holds: the holder, else
    /// the owner since the draft's last save.
    public static func holderShown(owner: String, holder: DraftHolder?, updatedAt: Date) -> DraftHolder {
        holder ?? DraftHolder(user: owner, host: "", processID: 0, since: updatedAt)
    }
}
