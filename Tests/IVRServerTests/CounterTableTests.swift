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

    /// Label values that join into the same text, or hash alike, are still different series.
    @Test func seriesWhoseValuesJoinAlikeAreCountedApart() {
        let table = CounterTable(name: "ivrc_pairs_total", labels: ["flow", "step"], help: "Pairs.")
        table.increment(["ab", "c"])
        table.increment(["a", "bc"])
        table.increment(["a", "bc"])
        table.increment(["", "abc"])
        table.increment(["intake_line_with_a_long_name", "é"])
        #expect(table.exposition().split(separator: "\n").dropFirst(2) == [
            #"ivrc_pairs_total{flow="",step="abc"} 1"#, #"ivrc_pairs_total{flow="a",step="bc"} 2"#,
            #"ivrc_pairs_total{flow="ab",step="c"} 1"#, #"ivrc_pairs_total{flow="intake_line_with_a_long_name",step="é"} 1"#,
        ])
        #expect(SeriesLabels(values: ["ab", "c"]).hashValue != SeriesLabels(values: ["a", "bc"]).hashValue)
    }

    /// Declaring the series of a 1,000-flow bundle is linear: 100,000 series here, which the
    /// registry's copy per new series made a minute of CPU (no timing asserted: it must finish).
    @Test func aHundredThousandSeriesAreDeclared() {
        let table = CounterTable(name: "ivrc_many_total", labels: ["flow", "outcome"], help: "Many.")
        for flow in 0..<10_000 { for outcome in 0..<10 { table.declare(["line_\(flow)", "o\(outcome)"]) } }
        #expect(table.exposition().split(separator: "\n").count == 100_002)
    }
}
