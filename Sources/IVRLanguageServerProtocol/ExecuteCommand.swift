/// `workspace/executeCommand` parameters: one of the commands the server advertised.
public struct ExecuteCommandParams: Sendable, Hashable, Codable {
    public let command: String
    public let arguments: [JSONValue]?

    public init(command: String, arguments: [JSONValue]? = nil) {
        self.command = command
        self.arguments = arguments
    }
}

/// What `ivrc.runTest` and `ivrc.runTests` answer (the result is `LSPAny`: this shape is ivrc's):
/// every test run, as `ivrc test` reports it.
public struct TestRunResult: Sendable, Hashable, Codable {
    public struct Test: Sendable, Hashable, Codable {
        public let flow: String
        public let name: String
        public let passed: Bool
        /// `file:line:col: what went wrong`, when it failed.
        public let failure: String?
        /// The `test` block.
        public let location: Location

        public init(flow: String, name: String, failure: String?, location: Location) {
            self.flow = flow
            self.name = name
            passed = failure == nil
            self.failure = failure
            self.location = location
        }
    }

    public let passed: Int
    public let failed: Int
    public let tests: [Test]

    public init(tests: [Test]) {
        self.tests = tests
        passed = tests.count { $0.passed }
        failed = tests.count - passed
    }
}
