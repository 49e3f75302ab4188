@testable import IVRServer
import Testing

/// The counter families kept outside the Prometheus registry write what the registry would:
/// HELP and TYPE, one line per series in label order, declared series at 0 and never reset.
@Suite struct CounterTableTests {
    @Test func seriesAreDeclaredAtZeroCountedAndWrittenInOrderWithTheirLabelsEscaped() {
        let table = CounterTable(name: "ivrc_things_total", labels: ["flow", "step"], help: "Things, by flow and step.")
        table.declare(["b", "one"])
        table.declare(["a", #"say "hi"\now"#])
        table.increment(["b", "one"])
        table.declare(["b", "one"])
        #expect(table.exposition() == """
            # HELP ivrc_things_total Things, by flow and step.
            # TYPE ivrc_things_total counter
            ivrc_things_total{flow="a",step="say \\"hi\\"\\\\now"} 0
            ivrc_things_total{flow="b",step="one"} 1

            """)
    }

    /// Declaring the series of a 1,000-flow bundle is linear: 100,000 series here, which the
    /// registry's copy per new series made a minute of CPU (no timing asserted: it must finish).
    @Test func aHundredThousandSeriesAreDeclared() {
        let table = CounterTable(name: "ivrc_many_total", labels: ["flow", "outcome"], help: "Many.")
        for flow in 0..<10_000 { for outcome in 0..<10 { table.declare(["line_\(flow)", "o\(outcome)"]) } }
        #expect(table.exposition().split(separator: "\n").count == 100_002)
    }
}
