import Foundation

/// `application/x-www-form-urlencoded`, as Telnyx sends its fields: sorted so that requests
/// are reproducible, and every byte but `A-Z a-z 0-9 - . _ *` escaped — `+` in particular,
/// which a form decoder would read as a space (`To=+1800…` must arrive as `%2B1800…`).
enum FormBody {
    private static let unescaped = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")

    static func encode(_ fields: [String: String]) -> [UInt8] {
        let pairs = fields.sorted { $0.key < $1.key }.map { escape($0.key) + "=" + escape($0.value) }
        return Array(pairs.joined(separator: "&").utf8)
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unescaped) ?? ""
    }
}
