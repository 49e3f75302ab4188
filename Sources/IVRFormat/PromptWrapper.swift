import IVRLang
/// Splits long text into pieces for continued lines. The parser joins continued strings
/// with exactly one space, so a split is made only at a single space (a space with a
/// non-space on each side) and that space is dropped: joining the pieces gives the text back.
/// A space between two digits is never a split: "dial 9 1 1" stays on one line.
enum PromptWrapper {
    /// Pieces whose quoted width fits `firstWidth` (the first) and `width` (the rest) where a
    /// split point allows. A sentence end is preferred over a word boundary when it keeps
    /// the line at least half full; a word longer than the width stays whole; the last line
    /// never holds one word alone when the line above can give it another.
    static func wrap(_ text: String, firstWidth: Int, width: Int) -> [String] {
        let characters = Array(text)
        // offsets[i]: quoted width of characters[0..<i], without the quotes.
        var offsets = [0]
        offsets.reserveCapacity(characters.count + 1)
        for character in characters { offsets.append(offsets.last! + StringLiteral.width(character)) }
        let splits = characters.indices.filter { index in
            characters[index] == " " && index > 0 && index + 1 < characters.count
                && characters[index - 1] != " " && characters[index + 1] != " "
                && !(isDigit(characters[index - 1]) && isDigit(characters[index + 1]))
        }

        var pieceStarts: [Int] = []
        var start = 0
        var budget = firstWidth
        var next = 0  // first split point not yet passed
        func quoted(_ from: Int, _ to: Int) -> Int { offsets[to] - offsets[from] + 2 }

        while quoted(start, characters.count) > budget {
            while next < splits.count && splits[next] <= start { next += 1 }
            guard next < splits.count else { break }
            var fitting: Int?
            var sentence: Int?
            var candidate = next
            while candidate < splits.count && quoted(start, splits[candidate]) <= budget {
                let split = splits[candidate]
                fitting = split
                if ".?!".contains(characters[split - 1]) { sentence = split }
                candidate += 1
            }
            let cut: Int
            if let sentence, quoted(start, sentence) * 2 >= budget {
                cut = sentence
            } else {
                cut = fitting ?? splits[next]
            }
            pieceStarts.append(start)
            start = cut + 1
            budget = width
        }
        pieceStarts.append(start)
        // A last line of one word: take the word before it down too, when the line above keeps
        // a word of its own and the last line still fits.
        if pieceStarts.count >= 2, !splits.contains(where: { $0 > start }) {
            let above = pieceStarts[pieceStarts.count - 2]
            if let earlier = splits.last(where: { $0 > above && $0 < start - 1 }), quoted(earlier + 1, characters.count) <= width {
                pieceStarts[pieceStarts.count - 1] = earlier + 1
            }
        }
        let ends = pieceStarts.dropFirst().map { $0 - 1 } + [characters.count]
        return zip(pieceStarts, ends).map { String(characters[$0..<$1]) }
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }
}
