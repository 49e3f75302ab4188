/// One logged request of a call, its names interned (`NameTable`).
struct CallEvent {
    let time: LogTime
    let kind: NameTable.Name
    let flow: NameTable.Name
    let document: NameTable.Name
    let step: NameTable.Name
    let outcome: NameTable.Name
    let language: NameTable.Name
    let callStatus: NameTable.Name
    let hangupSource: NameTable.Name
    let emergency: Bool
    /// The HTTP status, 0 when the line has none.
    let status: Int16
    /// Latency in microseconds, -1 when the line has none.
    let latencyMicros: Int32
}
