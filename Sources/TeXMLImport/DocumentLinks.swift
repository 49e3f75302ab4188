import Foundation
import IVRBundle
import TeXMLEmit
import TeXMLSchema

/// Resolves the URLs documents use to reach each other — `<Redirect>` text and `action`
/// attributes — to the given files. Relative URLs resolve against the referring document's
/// own path, as Telnyx resolves them against its URL; an absolute URL matches a given file
/// when it ends with that file's last two path components (`FLOW/NAME.xml`), which is how a
/// bundle built with `base-url` addresses its documents. Everything else leaves the files.
public struct DocumentLinks: Sendable {
    public let paths: [String]

    public init(paths: [String]) {
        self.paths = paths
    }

    /// The given document `url` names when requested from `path`, or nil.
    public func document(for url: String, from path: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let withoutQuery = String(trimmed.prefix { $0 != "?" && $0 != "#" })
        guard !withoutQuery.isEmpty else { return nil }
        if let schemeEnd = withoutQuery.range(of: "://") {
            let afterHost = withoutQuery[schemeEnd.upperBound...].drop { $0 != "/" }
            let components = afterHost.split(separator: "/").map(String.init)
            return paths.first { candidate in
                let tail = candidate.split(separator: "/").map(String.init).suffix(2)
                return components.count >= tail.count && Array(components.suffix(tail.count)) == Array(tail)
            }
        }
        if withoutQuery.contains(":") { return nil }  // tel:, sip:, mailto: …
        let joined = withoutQuery.hasPrefix("/") ? withoutQuery : Self.directory(of: path) + withoutQuery
        let resolved = Self.normalised(joined)
        return paths.first { Self.normalised($0) == resolved }
    }

    /// Where a verb's `action` leads from `path`: the bundle's route when there is one, else
    /// the given document the URL names.
    public func actionTarget(of element: XMLElement, from path: String, context: BundleContext) -> ActionTarget {
        guard let action = element.attribute("action") else { return .none }
        if let route = context.routes[path] { return .route(route) }
        if let document = document(for: action, from: path) { return .document(document) }
        return .external(action)
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// `a/./b/../c.xml` → `a/c.xml`.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

/// Where a verb with an `action` sends the call.
public enum ActionTarget: Sendable, Equatable {
    /// No `action` attribute.
    case none
    /// An ivrc bundle's route-table entry.
    case route(Route)
    /// One of the given documents.
    case document(String)
    /// A URL outside the given files.
    case external(String)
}
