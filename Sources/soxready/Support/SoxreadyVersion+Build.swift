import Foundation

extension SoxreadyVersion {
    /// This build of soxready: the version and the executable's size and modification time, such
    /// as `0.1.0 38121344-1764608400.512345678`; nil when the executable cannot be found.
    ///
    /// The questionnaire cache keys its entries with it, so that a rebuilt binary (whose loader
    /// may check more, or differently) never reads what another build compiled.
    static let build: String? = {
        var info = stat()
        #if os(Linux)
            let found = stat("/proc/self/exe", &info) == 0
        #else
            let found = Bundle.main.executablePath.map { stat($0, &info) == 0 } ?? false
        #endif
        guard found else { return nil }
        #if os(Linux)
            let modified = info.st_mtim
        #else
            let modified = info.st_mtimespec
        #endif
        return "\(current) \(info.st_size)-\(modified.tv_sec).\(modified.tv_nsec)"
    }()
}
