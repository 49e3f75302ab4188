import Foundation
import IVRRuntime

/// The person at the terminal: asked at every menu for keys and at every dial for its outcome.
struct InteractiveCaller: Caller {
    mutating func respond(to request: InputRequest) -> CallerEvent? {
        switch request {
        case .record:
            return ask("recording… Enter to stop, or `hang-up`", parse: { $0.isEmpty ? .silence : event($0) })
        case .dial:
            return ask("dial outcome? [a]nswer, [n]o-answer, [b]usy, [f]ailed, hang-up") { line in
                switch line {
                case "a", "": .answer
                case "n": .noAnswer
                case "b": .busy
                case "f": .failed
                default: event(line)
                }
            }
        case .httpRequest(let url, let fields):
            return ask("answer from \(url)? " + fields.map { "\($0)=VALUE" }.joined(separator: " ")) { line in
                var answer: [String: String] = [:]
                for pair in line.split(separator: " ") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2, fields.contains(String(parts[0])) else { return event(line) }
                    answer[String(parts[0])] = String(parts[1])
                }
                return .respond(answer)
            }
        case .gather:
            return ask("keys? (Enter = silence, `speak WORDS`, `hang-up`)") { line in
                if line.isEmpty { return .silence }
                if line.hasPrefix("speak ") { return .speak(String(line.dropFirst(6))) }
                if CallerEvent.isDTMF(line) { return .press(line) }
                return event(line)
            }
        }
    }

    /// Asks until the answer parses; nil at end of input.
    private func ask(_ prompt: String, parse: (String) -> CallerEvent?) -> CallerEvent? {
        while true {
            print("? \(prompt) ", terminator: "")
            fflush(nil)  // the prompt has no newline; show it before reading
            guard let line = readLine() else { return nil }
            if let event = parse(line.trimmingCharacters(in: .whitespaces)) { return event }
            print("  not understood: \(line)")
        }
    }

    private func event(_ line: String) -> CallerEvent? {
        try? CallerScript.parse(line).first
    }
}
