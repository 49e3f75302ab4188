import Foundation
import IVRBundle
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
        let known = Set(paths)
        guard case .local(let target) = BundleAddress.target(of: url, from: path, isKnown: known.contains) else { return nil }
        return known.contains(target) ? target : nil
    }

    /// Where a verb's `action` leads from `path`: the bundle's route when there is one, else
    /// the given document the URL names.
    public func actionTarget(of element: XMLElement, from path: String, context: BundleContext) -> ActionTarget {
        guard let action = element.attribute("action") else { return .none }
        if let route = context.routes[path] { return .route(route) }
        if let document = document(for: action, from: path) { return .document(document) }
        return .external(action)
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
