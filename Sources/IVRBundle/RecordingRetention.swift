import Foundation

/// How long a flow's recordings are kept (`retention 7y`, `18mo`, `90d`): written in the
/// manifest, turned into each stored recording's retain-until date by `ivrc serve`.
public struct RecordingRetention: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Codable, CaseIterable {
        case years = "y", months = "mo", days = "d"

        var component: Calendar.Component {
            switch self {
            case .years: .year
            case .months: .month
            case .days: .day
            }
        }
    }

    public let count: Int
    public let unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// `7y`, `18mo`, `90d`: a whole number from 1 to 100 years' worth, then its unit.
    public init?(spelling: String) {
        let digits = spelling.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 5, let count = Int(digits), count > 0,
              let unit = Unit(rawValue: String(spelling.dropFirst(digits.count))) else { return nil }
        let limit = switch unit {
        case .years: 100
        case .months: 1200
        case .days: 36_600
        }
        guard count <= limit else { return nil }
        self.init(count: count, unit: unit)
    }

    /// What the plan's production settings ask for: healthcare 7 years, fleet 2 years; any other
    /// line (and a bundle written before retention was recorded) 1 year. Chosen by industry in IVRCheck.
    public static let healthcare = RecordingRetention(count: 7, unit: .years)
    public static let fleet = RecordingRetention(count: 2, unit: .years)
    public static let general = RecordingRetention(count: 1, unit: .years)

    public var description: String { "\(count)\(unit.rawValue)" }

    /// The moment a recording received at `date` may be deleted, on the UTC Gregorian calendar.
    public func retainUntil(from date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: unit.component, value: count, to: date) ?? date
    }

    public init(from decoder: any Decoder) throws {
        let spelling = try decoder.singleValueContainer().decode(String.self)
        guard let retention = RecordingRetention(spelling: spelling) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "`\(spelling)` is not a retention (7y, 18mo, 90d)"))
        }
        self = retention
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
