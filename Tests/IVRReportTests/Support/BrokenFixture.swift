import Foundation
import IVRCheck
import IVRLang
import IVRTestSupport
import IVRReport

/// `Fixtures/broken.ivr` checked with the test rule, as every format golden sees it.
enum BrokenFixture {
    static let rules: [any Rule] = [ShoutingRule()]

    /// `Tests/IVRReportTests/Fixtures/`: the flow, each format's golden output, the SARIF schema.
    static let folder = Repository.tests("IVRReportTests/Fixtures")

    static func load() throws -> (sources: [SourceFile], diagnostics: [Diagnostic]) {
        let url = folder.appendingPathComponent("broken.ivr")
        // The short path keeps the goldens independent of where the checkout lives.
        let source = SourceFile(path: "flows/broken.ivr", bytes: [UInt8](try Data(contentsOf: url)))
        return ([source], Checker.check([source], rules: rules).diagnostics)
    }

    static func sarif(_ diagnostics: [Diagnostic]) -> String {
        SARIFReport(rules: DiagnosticCatalog.all(rules: rules), toolVersion: "0.1.0",
                    informationURI: "https://example.com/ivrc").render(diagnostics)
    }
}
