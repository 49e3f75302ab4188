/// Interns the few distinct names a log repeats (flows, steps, outcomes, languages) so a call's
/// events are a handful of integers each: memory grows with the number of calls, not the size
/// of the names. Index 0 is the absent name.
struct NameTable {
    typealias Name = Int32

    private var indices: [String: Name] = [:]
    private(set) var names: [String] = [""]

    mutating func intern(_ name: String?) -> Name {
        guard let name, !name.isEmpty else { return 0 }
        if let index = indices[name] { return index }
        let index = Name(names.count)
        names.append(name)
        indices[name] = index
        return index
    }

    subscript(name: Name) -> String? { name == 0 ? nil : names[Int(name)] }
}
