import HTTPTypes
import Hummingbird

/// The server's route patterns, so that a known address asked with a method it does not take
/// answers 405 with `Allow`, not 404.
struct RouteTable: Sendable {
    private let routes: [(segments: [String], method: HTTPRequest.Method)]

    init(_ descriptions: [Router<RegieRequestContext>.RouteDescription]) {
        routes = descriptions.map { description in
            (description.path.description.split(separator: "/").map(String.init), description.method)
        }
    }

    /// The methods the route at `path` takes (empty: there is no such route).
    func methods(at path: String) -> [HTTPRequest.Method] {
        let asked = path.split(separator: "/").map(String.init)
        return routes.filter { route in
            route.segments.count == asked.count && zip(route.segments, asked).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }.map(\.method)
    }
}
