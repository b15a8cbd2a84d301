import ArgumentParser
import Foundation

/// Options every command accepts (PRODUCT.md §2).
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store: a SQLite file (default .soxready/soxready.sqlite, or $SOXREADY_STORE) or a PostgreSQL URL postgresql://user@host:port/database.",
            valueName: "path|url"))
    var store: String?

    @Flag(name: .long, help: "Print no colour (also when NO_COLOR is set).")
    var noColor = false

    /// Colour is allowed: no --no-color and no non-empty NO_COLOR. (It is used only with line
    /// editing, which already requires a terminal.)
    var useColor: Bool {
        !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
    }
}
