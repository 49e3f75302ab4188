import ArgumentParser

@main
struct IVRC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ivrc",
        abstract: "Compile phone call flows (.ivr) into validated Telnyx TeXML.",
        subcommands: []
    )
}
