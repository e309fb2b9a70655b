import Foundation
import Testing

/// The README's tour, pasted line by line into a shell in a fresh folder, as a newcomer does.
@Suite("The README's tour")
struct ReadmeTourTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The commands of the tour's first shell block, in order (blank lines and comments left out).
    static func tour() throws -> [String] {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## A five-minute tour"))
        let start = try #require(readme.range(of: "```sh\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        return readme[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
    }

    @Test("every line works, and only the advances it says are refused are refused; the case reaches follow-up")
    func pastedLineByLine() throws {
        let lines = try Self.tour()
        #expect(lines.count > 30 && lines.first?.hasPrefix("regie init") == true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-tour-\(UUID().uuidString)")
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("regie"), withDestinationURL: Regie.binary)
        // One shell for the whole tour, as a person pastes it: `cd` and `export` carry over.
        // After each line the shell prints a marker with the line's number and exit status.
        var script = "cd '\(folder.path)'\n"
        for (number, line) in lines.enumerated() {
            script += line + "\necho \"@@\(number) $?\"\n"
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["REGIE_USER"] = nil
        environment["REGIE_WORKSPACE"] = nil
        shell.environment = environment
        let output = Pipe()
        shell.standardOutput = output
        shell.standardError = output
        try shell.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        var statuses: [Int: Int] = [:]
        for match in text.matches(of: /@@(\d+) (\d+)/) { statuses[Int(match.1)!] = Int(match.2)! }
        #expect(statuses.count == lines.count, "every line ran: \(text.suffix(2000))")
        for (number, line) in lines.enumerated() {
            let refusalExpected = line.contains("# refused")
            #expect((statuses[number] == 3) == refusalExpected && (statuses[number] == 0 || refusalExpected),
                    "line \(number + 1) `\(line.prefix(60))` ended with \(statuses[number] ?? -1)")
        }
        #expect(text.contains("active in phase 5/5 Follow-up"), "the case reaches follow-up")
        #expect(text.contains("Intact"), "and the record verifies")
    }
}
