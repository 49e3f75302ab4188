/// `{{PREFIX.NAME}}` inside text (`{{env.company}}`, `{{param.company}}`): each replaced by
/// what `replacement` gives for NAME, or kept as written when it gives nothing.
enum PrefixedPlaceholders {
    static func fill(_ text: String, prefix: String, _ replacement: (String) -> String?) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{" + prefix), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            result += replacement(name) ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
