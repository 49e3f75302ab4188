import Hummingbird

/// While draining, every webhook response asks its client to close the connection, so a proxy's
/// kept-alive connections move to a replica that is staying; each such answer is counted.
struct DrainMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let drain: Drain

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if drain.since != nil {
            response.headers[.connection] = "close"
        }
        drain.answered()
        return response
    }
}
