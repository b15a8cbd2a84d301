/// File-path text, without Foundation's `NSString.deletingLastPathComponent`, which traps on a
/// one-character relative path (`"p"`) with Swift 6.3.1's Foundation on Linux: a folder or store
/// named by the user (`--output p`, `--store s`) must never crash the tool.
public enum PathText {
    /// The folder that holds `path`, as `NSString.deletingLastPathComponent` gives it: `""` for a
    /// bare name (`"p"`), `"/"` for a name at the root (`"/p"`, `"/"`), `"a/b"` for `"a/b/c"`;
    /// trailing slashes are ignored.
    public static func parent(of path: String) -> String {
        var characters = Array(path)
        while characters.count > 1, characters.last == "/" { characters.removeLast() }
        guard let slash = characters.lastIndex(of: "/") else { return "" }
        var end = slash
        while end > 0, characters[end - 1] == "/" { end -= 1 }
        return end == 0 ? "/" : String(characters[..<end])
    }
}
