import IVRBundle
import IVRCheck

/// Maps a bundle path back to the `.ivr` step it was lowered from. The lowering names
/// documents `STEP.xml`, in a language other than the flow's first `STEP.TAG.xml`,
/// continuations `….partN.xml`, and an anonymous branch block is the step `STEP.KEY` itself;
/// `hangup.call.xml` ends a completed call and belongs to no step.
public enum DocumentStep {
    static let completedCall = "hangup.call"

    public static func step(of path: String) -> String? {
        guard let file = path.split(separator: "/").last, file.hasSuffix(".xml") else { return nil }
        var name = String(file.dropLast(".xml".count))
        if name == completedCall { return nil }
        if let dot = name.lastIndex(of: "."), name[name.index(after: dot)...].hasPrefix("part"),
           let number = Int(name[name.index(dot, offsetBy: 5)...]), number >= 2 {
            name = String(name[..<dot])
        }
        // Step names hold no `.`, and no branch key reads as a language tag.
        if let dot = name.lastIndex(of: "."), LanguageTag.isValid(String(name[name.index(after: dot)...])) {
            name = String(name[..<dot])
        }
        return name
    }
}
