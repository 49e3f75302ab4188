import HTTPTypes
import Hummingbird

/// While draining, every webhook response asks its client to close the connection, so a proxy's
/// kept-alive connections move to a replica that is staying; each such answer is counted.
struct DrainMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let drain: Drain

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        drain.finishing(&response.headers)
        return response
    }
}

extension Drain {
    /// Every webhook answer passes here (`DrainMiddleware`, `TeXMLFastPath`).
    func finishing(_ headers: inout HTTPFields) {
        if since != nil {
            headers[.connection] = "close"
        }
        answered()
    }
}
