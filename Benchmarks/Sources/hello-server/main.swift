// Hummingbird's plain "hello" route, the ceiling the server's load test is read against:
// hello-server PORT. It prints "Listening on http://127.0.0.1:PORT" when it is ready.
import Foundation
import Hummingbird

let port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 8089 : 8089
let router = Router()
router.get("/") { _, _ in "hello" }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                      onServerRunning: { _ in FileHandle.standardOutput.write(Data("Listening on http://127.0.0.1:\(port)\n".utf8)) })
try await app.runService()
