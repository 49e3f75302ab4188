import IVRCheck
import IVRRuntime
import TeXMLImport

/// Every id an ivrc command reports, in `ivrc explain` order: the checker's (rules, then the
/// front end's), then `validate` and `import`'s, then `test`'s. SARIF's rule table, `ivrc
/// explain` and the example tests read this one list.
public enum EveryDiagnostic {
    public static let all: [RuleDescription] = DiagnosticCatalog.all() + TeXMLDiagnostics.all + FlowTestDiagnostics.all
}
