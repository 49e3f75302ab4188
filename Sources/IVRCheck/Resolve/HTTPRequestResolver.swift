import IVRLang

extension FlowResolver {
    /// `http-request URL [method=GET|POST] -> STEP`, its block holding `header NAME "VALUE"`,
    /// `body "TEXT"`, `field NAME "json.path" [default="TEXT"]` and `on failure -> STEP` lines.
    mutating func resolveHTTPRequest(_ statement: Statement, in stepName: String) -> HTTPRequest? {
        guard let url = statement.arguments.first, case .url(let address) = url.kind, statement.arguments.count == 1 else {
            error(.syntax, "`http-request` needs the URL it asks", statement.keyword.range,
                  help: "write `http-request https://dispatch.example.com/eta method=POST -> announce`")
            return nil
        }
        var request = HTTPRequest(url: address, method: nil, headers: [], body: nil, fields: [],
                                  next: statement.target.flatMap { lookup($0) })
        for option in statement.options {
            guard option.name.text == "method", let value = option.value, ["GET", "POST"].contains(value.text) else {
                error(.invalidOption, "`http-request` takes only `method=GET` or `method=POST`", option.range,
                      help: "headers, a body and the answer's fields go in its block: `header`, `body`, `field`")
                continue
            }
            request.method = value.text
        }
        for child in statement.children { resolveHTTPRequestLine(child, into: &request, in: stepName) }
        if let body = statement.children.last(where: { $0.keyword.text == "body" })?.arguments.first {
            checkBodyValues(request, at: body.range)
        }
        if let failure = request.failureRange, !request.canFail {
            error(.unreachableBranch, "`on failure` is never taken: a lookup fails when a field without `default=` is missing, and this request has none",
                  failure, help: "remove `default=` from a field the call cannot go on without, or remove `on failure`")
        }
        if statement.target == nil {
            error(.syntax, "`http-request` does not say where the call goes once the server answers", statement.range,
                  help: "add `-> STEP`; the step can use each `field` of the answer as {{NAME}}")
        }
        return request
    }

    private mutating func resolveHTTPRequestLine(_ line: Statement, into request: inout HTTPRequest, in stepName: String) {
        let strings = line.arguments.compactMap { if case .string(let text) = $0.kind { text } else { nil } }
        let words = line.arguments.compactMap { if case .word(let text) = $0.kind { text } else { nil } }
        switch line.keyword.text {
        case "header" where words.count == 1 && strings.count == 1 && line.arguments.count == 2:
            request.headers.append((words[0], strings[0]))
        case "body" where strings.count == 1 && line.arguments.count == 1 && request.body == nil:
            request.body = strings[0]
        case "field" where words.count == 1 && strings.count == 1 && line.arguments.count == 2 && Self.isValueName(words[0]):
            guard !request.fields.contains(where: { $0.name == words[0] }) else {
                error(.duplicateKey, "`field \(words[0])` is already taken from this answer", line.range,
                      help: "give each field its own name")
                return
            }
            if strings[0].isEmpty || strings[0].contains(where: \.isWhitespace) {
                error(.syntax, "the path of `field \(words[0])` is \"\(strings[0])\"; a path is names joined by dots, without spaces", line.arguments[1].range,
                      help: "write where the value is in the JSON answer, e.g. `field \(words[0]) \"patient.provider_id\"`")
                return
            }
            request.fields.append(.init(name: words[0], path: strings[0], defaultValue: fieldDefault(line)))
        case "on" where line.arguments.count == 1 && line.arguments[0].text == "failure":
            if let first = request.failureRange {
                error(.duplicateKey, "this `http-request` already has an `on failure` line", line.range,
                      notes: [.init("the first one", at: span(first))])
                return
            }
            if let option = line.options.first {
                error(.syntax, "`on failure` takes no options, and `\(option.name.text)` would be ignored", option.range,
                      help: "write `on failure -> STEP`")
            }
            request.failureRange = line.range
            request.failure = branchTarget(line, label: "failure", anonymousName: "\(stepName).failure")
        default:
            error(.syntax, "`\(source.text(line.range))` is not a line of an `http-request`", line.range,
                  help: "its block holds `header NAME \"VALUE\"`, one `body \"TEXT\"`, `field NAME \"json.path\" [default=\"TEXT\"]` lines and `on failure -> STEP`")
        }
    }

    /// A value in a body is escaped by the body's declared `Content-Type` (`HTTPBodyEncoding`):
    /// without one it could not be, and in JSON it must stand inside a string.
    private mutating func checkBodyValues(_ request: HTTPRequest, at range: SourceRange) {
        guard let body = request.body, let first = Placeholder.names(in: body).first else { return }
        let help = "declare `header Content-Type \"application/json\"` (values go inside JSON strings, JSON-escaped) "
            + "or `header Content-Type \"application/x-www-form-urlencoded\"` (values percent-encoded)"
        guard let contentType = HTTPBodyEncoding.contentType(in: request.headers) else {
            error(.bodyContentType, "the body holds `{{\(first)}}` but the request declares no Content-Type to escape it by", range,
                  help: help)
            return
        }
        guard let encoding = HTTPBodyEncoding(contentType: contentType) else {
            error(.bodyContentType, "a value cannot be escaped for a `\(contentType)` body (`{{\(first)}}`)", range,
                  help: help + "; a body of another type cannot hold values")
            return
        }
        if encoding == .json, let unquoted = HTTPBodyEncoding.unquotedPlaceholders(inJSON: body).first {
            error(.bodyContentType, "`{{\(unquoted)}}` stands outside a JSON string: a value such as `true` or `[…]` would become JSON", range,
                  help: "put it between quotes, `\"{{\(unquoted)}}\"`: inside a string a value is JSON-escaped and stays one string")
        }
    }

    /// `default="TEXT"` of a `field` line: plain text, since nothing fills a default.
    private mutating func fieldDefault(_ line: Statement) -> String? {
        var found: String?
        for option in line.options {
            guard option.name.text == "default", let value = option.value, case .string(let text) = value.kind else {
                error(.invalidOption, "a `field` takes only `default=\"TEXT\"`", option.range,
                      help: "write `field NAME \"json.path\" default=\"unknown\"`; the default is used when the answer lacks the field or the request fails")
                continue
            }
            if text.contains("{{") {
                error(.invalidOption, "a field's default is spoken as written, so `{{…}}` in it would never be filled", value.range,
                      help: "write the default as plain text, or leave it out and send a failed lookup elsewhere with `on failure -> STEP`")
                continue
            }
            found = text
        }
        return found
    }

    /// A value's name: a letter or `_`, then letters, digits and `_` (it is written `{{NAME}}`).
    static func isValueName(_ name: String) -> Bool {
        name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
