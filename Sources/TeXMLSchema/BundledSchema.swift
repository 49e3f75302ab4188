/// The bundled XSD is part of the compiler, not user input: if it does not load, ivrc was
/// built wrong, and every command would be meaningless. Tests load it on every run.
extension TeXMLVocabulary {
    public static var shared: TeXMLVocabulary {
        switch bundled {
        case .success(let vocabulary): vocabulary
        case .failure(let error): fatalError("ivrc's bundled TeXML schema does not load: \(error)")
        }
    }
}

extension TeXMLSchemaValidator {
    public static var shared: TeXMLSchemaValidator {
        switch bundled {
        case .success(let validator): validator
        case .failure(let error): fatalError("ivrc's bundled TeXML schema does not load: \(error)")
        }
    }
}
