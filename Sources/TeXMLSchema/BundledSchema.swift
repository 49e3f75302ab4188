import Foundation

/// The embedded XSD is part of the compiler, not user input, and the tests load it on every run.
/// Should it still fail to load (a broken build, libxml2 out of memory), no command could mean
/// anything, so ivrc stops with one line and exit status 2 rather than trapping.
extension TeXMLVocabulary {
    public static var shared: TeXMLVocabulary {
        switch bundled {
        case .success(let vocabulary): vocabulary
        case .failure(let error): exitBecauseSchemaIsUnusable(error)
        }
    }
}

extension TeXMLSchemaValidator {
    public static var shared: TeXMLSchemaValidator {
        switch bundled {
        case .success(let validator): validator
        case .failure(let error): exitBecauseSchemaIsUnusable(error)
        }
    }
}

private func exitBecauseSchemaIsUnusable(_ error: any Error) -> Never {
    let reason = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
    FileHandle.standardError.write(Data("ivrc: error: the TeXML schema built into ivrc does not load (\(reason)); reinstall ivrc\n".utf8))
    exit(2)
}
