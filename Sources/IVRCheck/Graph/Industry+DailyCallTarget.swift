extension Industry {
    /// Calls a day the onboarding plan expects a line of this industry to take ("100+ healthcare,
    /// 50+ fleet"); nil where the plan sets none.
    public var dailyCallTarget: Int? {
        switch self {
        case .healthcare: 100
        case .fleet: 50
        case .general: nil
        }
    }
}
