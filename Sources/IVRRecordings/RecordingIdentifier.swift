/// Ids that become file names and path segments (RecordingSid, flow and step names): only
/// letters, digits, `-`, `_`, `:` and `.` not leading, so no request can name a path outside
/// the recordings directory.
public enum RecordingIdentifier {
    public static func isSafe(_ text: String, maxLength: Int = 128) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maxLength, text.first != "." else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_:.".unicodeScalars.contains($0)) }
    }
}
