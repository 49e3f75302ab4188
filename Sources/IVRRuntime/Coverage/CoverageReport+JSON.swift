import IVRBundle

extension CoverageReport {
    /// `--coverage-format json`: every item with its place and hits, the counts per flow and in all.
    public var json: String {
        DeterministicJSON.string(Document(
            flows: flows.map { flow in
                Flow(flow: flow.flow, file: flow.file, steps: flow.count(.step), branches: flow.count(.branch),
                     languages: flow.count(.language), items: flow.items.map(Item.init))
            },
            steps: count(.step), branches: count(.branch), languages: count(.language)))
    }

    private struct Document: Encodable {
        let flows: [Flow]
        let steps, branches, languages: CoverageCount
    }

    private struct Flow: Encodable {
        let flow, file: String
        let steps, branches, languages: CoverageCount
        let items: [Item]
    }

    private struct Item: Encodable {
        let kind, label, file: String
        let line, column, hits: Int

        init(_ item: CoverageItem) {
            kind = item.kind.rawValue
            label = item.label
            file = item.span.file
            line = item.span.start.line
            column = item.span.start.column
            hits = item.hits
        }
    }
}
