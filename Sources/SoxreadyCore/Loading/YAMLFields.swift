import Yams

/// Reading helpers over a Yams node tree that record a ``Diagnostic`` for every problem and
/// carry on, so that one pass reports everything wrong in a file.
struct YAMLFields {
    /// The keys of one mapping, each with its key node and value node, in file order. Mappings are
    /// small (at most a couple of dozen keys), so a linear search beats hashing every key.
    struct Mapping {
        var node: Node
        var entries: [(key: String, keyNode: Node, value: Node)] = []

        subscript(key: String) -> Node? { entries.first { $0.key == key }?.value }

        /// The key node of `key`, for errors that point at the key rather than its value.
        func keyNode(_ key: String) -> Node? { entries.first { $0.key == key }?.keyNode }
    }

    let file: String
    /// The errors kept: the first ``Diagnostic/maximumListed`` found.
    var diagnostics: [Diagnostic] = []
    /// Errors found past those, counted only: a file of a million mistakes is refused in seconds
    /// and in little memory.
    var unlisted = 0

    init(file: String) { self.file = file }

    /// As many errors are kept as are listed; the rest are only counted.
    var isFull: Bool { diagnostics.count >= Diagnostic.maximumListed }

    /// The errors kept, in file order, then one line that counts the rest (if any).
    var sortedDiagnostics: [Diagnostic] {
        let sorted = diagnostics.enumerated().sorted {
            let l = $0.element.location ?? SourceLocation(line: 0, column: 0)
            let r = $1.element.location ?? SourceLocation(line: 0, column: 0)
            return l == r ? $0.offset < $1.offset : l < r
        }.map(\.element)
        return sorted + (unlisted > 0 ? [Diagnostic.unlisted(unlisted, file: file)] : [])
    }

    static func location(_ node: Node?) -> SourceLocation? {
        guard let mark = node?.mark else { return nil }
        return SourceLocation(line: mark.line, column: mark.column)
    }

    mutating func error(_ node: Node?, _ message: @autoclosure () -> String, expected: @autoclosure () -> String? = nil) {
        error(at: Self.location(node), message(), expected: expected())
    }

    mutating func error(at location: SourceLocation?, _ message: @autoclosure () -> String, expected: @autoclosure () -> String? = nil) {
        guard !isFull else {
            unlisted += 1
            return
        }
        diagnostics.append(Diagnostic(file: file, location: location, message: message(), expected: expected()))
    }

    /// Warnings: the file loads, but something in it is ignored.
    var warnings: [Diagnostic] = []

    mutating func warning(_ node: Node?, _ message: String, expected: String? = nil) {
        warnings.append(Diagnostic(file: file, location: Self.location(node), message: message, expected: expected, severity: .warning))
    }

    static func kindName(_ node: Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The value of the plain key `key` in a mapping node, comparing key text only (Yams'
    /// own subscript compares whole nodes, which costs more).
    static func value(of key: String, in node: Node?) -> Node? {
        guard case .mapping(let pairs)? = node else { return nil }
        for (keyNode, value) in pairs {
            if case .scalar(let scalar) = keyNode, scalar.string == key { return value }
        }
        return nil
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Reads a mapping's keys; reports unknown keys (with "did you mean"), repeated keys and
    /// missing required keys.
    mutating func mapping(_ node: Node, in context: String, allowed: [String], required: [String]) -> Mapping? {
        guard case .mapping(let pairs) = node else {
            error(node, "\(context) is \(Self.kindName(node))", expected: "expected a mapping of keys (\(allowed.joined(separator: ", ")))")
            return nil
        }
        var result = Mapping(node: node)
        var suggested: Set<String> = []
        for (keyNode, valueNode) in pairs {
            guard case .scalar(let keyScalar) = keyNode else {
                error(keyNode, "a key in \(context) is \(Self.kindName(keyNode))", expected: "expected a plain key")
                continue
            }
            let key = keyScalar.string
            guard allowed.contains(key) else {
                if let suggestion = EditDistance.suggestion(for: key, among: allowed) {
                    suggested.insert(suggestion)
                    error(keyNode, "unknown key '\(key)' in \(context)", expected: "did you mean '\(suggestion)'?")
                } else {
                    error(keyNode, "unknown key '\(key)' in \(context)", expected: "expected one of \(allowed.joined(separator: ", "))")
                }
                continue
            }
            result.entries.append((key, keyNode, valueNode))
        }
        // A misspelt required key is reported once, as the unknown key with its suggestion.
        for key in required where result[key] == nil && !suggested.contains(key) {
            error(node, "\(context) has no '\(key)'", expected: "expected '\(key):'")
        }
        return result
    }

    /// A text value; nil (with a diagnostic) for lists, mappings and empty values.
    mutating func text(_ node: Node?, _ field: String, in context: String, allowEmpty: Bool = false) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node, "'\(field)' in \(context) is \(Self.kindName(node))", expected: "expected text")
            return nil
        }
        if Self.isNull(scalar) || (!allowEmpty && scalar.string.allSatisfy(\.isWhitespace)) {
            error(node, "'\(field)' in \(context) is empty", expected: "expected text")
            return nil
        }
        return scalar.string
    }

    /// An identifier `[a-z0-9-]+`.
    mutating func identifier(_ node: Node?, _ field: String, in context: String) -> String? {
        guard let node, let value = text(node, field, in: context) else { return nil }
        guard Identifier.isValid(value) else {
            error(
                node, "'\(value)' is not a valid \(field)", expected: "expected lower-case letters, digits and inner hyphens ([a-z0-9-]+)")
            return nil
        }
        return value
    }

    /// A finite number.
    mutating func number(_ node: Node?, _ field: String, in context: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else {
            error(node, "'\(field)' in \(context) is \(node.scalar == nil ? Self.kindName(node) : "empty")", expected: "expected a number")
            return nil
        }
        let raw = scalar.string.trimmingWhitespace
        guard raw.unicodeScalars.allSatisfy({ "0123456789.-+eE".unicodeScalars.contains($0) }),
            let value = Double(raw), value.isFinite
        else {
            error(node, "'\(field)' in \(context) is '\(scalar.string)'", expected: "expected a number")
            return nil
        }
        return value
    }

    /// A boolean: true/false (also yes/no/on/off), any case.
    mutating func bool(_ node: Node?, _ field: String, in context: String) -> Bool? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        error(node, "'\(field)' in \(context) is not true or false", expected: "expected true or false")
        return nil
    }

    /// One of an enum's raw values, with a "did you mean" for near misses.
    mutating func enumeration<E: RawRepresentable & CaseIterable>(
        _ node: Node?, _ field: String, in context: String, as type: E.Type
    ) -> E? where E.RawValue == String {
        guard let node, let value = text(node, field, in: context) else { return nil }
        if let result = E(rawValue: value) { return result }
        let names = E.allCases.map(\.rawValue)
        if let suggestion = EditDistance.suggestion(for: value, among: names) {
            error(node, "'\(value)' is not a valid \(field) in \(context)", expected: "did you mean '\(suggestion)'?")
        } else {
            error(node, "'\(value)' is not a valid \(field) in \(context)", expected: "expected one of \(names.joined(separator: ", "))")
        }
        return nil
    }

    /// A list of nodes; a single value is reported.
    mutating func list(_ node: Node?, _ field: String, in context: String) -> [Node]? {
        guard let node else { return nil }
        if case .sequence(let items) = node { return Array(items) }
        if case .scalar(let scalar) = node, Self.isNull(scalar) { return [] }
        error(node, "'\(field)' in \(context) is \(Self.kindName(node))", expected: "expected a list such as [a, b]")
        return nil
    }

    /// A list of text values.
    mutating func textList(_ node: Node?, _ field: String, in context: String) -> [String]? {
        guard let items = list(node, field, in: context) else { return nil }
        var result: [String] = []
        for item in items {
            if let value = text(item, "an item of '\(field)'", in: context) { result.append(value) }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    public var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
