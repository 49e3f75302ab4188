/// Appending text's bytes to a byte array at once. Through `String.UTF8View` an append is a
/// generic sequence's, byte by byte: for the eighteen short pieces of a response head that cost
/// half of writing it.
extension Array<UInt8> {
    mutating func append(_ literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
