/// `finishOnKey` → `finish-on-key`: the spelling of TeXML attributes in .ivr options.
/// An uppercase letter starts a new word after a lowercase letter or digit, or when it ends
/// an acronym that is followed by a lowercase letter (`useURLScheme` → `use-url-scheme`).
public func kebabCase(_ camelCase: String) -> String {
    let characters = Array(camelCase)
    var result = ""
    for (index, character) in characters.enumerated() {
        if character.isUppercase, index > 0 {
            let previous = characters[index - 1]
            let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
            if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                result.append("-")
            }
        }
        result += character.lowercased()
    }
    return result
}
