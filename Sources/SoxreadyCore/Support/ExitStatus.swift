/// The process exit codes of soxready (sysexits), documented in README.md and PRODUCT.md.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// 0: success.
    case success = 0
    /// 64: the command line was wrong.
    case usage = 64
    /// 65: a questionnaire or answers file is invalid.
    case dataError = 65
    /// 66: an input file is missing or unreadable.
    case noInput = 66
    /// 73: an output file or folder could not be created.
    case cannotCreate = 73
    /// 74: an I/O error while reading or writing.
    case ioError = 74
    /// 75: the store is busy (another writer holds the lock); try again.
    case storeBusy = 75
    /// 77: not permitted: a preparer may not approve their own run.
    case noPermission = 77
    /// 130: interrupted by Ctrl-C, after saving what was answered.
    case interrupted = 130
}
