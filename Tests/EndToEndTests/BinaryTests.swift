import Foundation
import Synchronization
import Testing

/// Runs the built `regie` binary the way a user types it.
struct Regie {
    static let binary: URL = {
        // The test bundle sits in the same build folder as the executable.
        let here = Bundle.main.bundleURL.deletingLastPathComponent()
        for folder in [here, here.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("regie")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.appendingPathComponent(".build/debug/regie")
    }()

    struct Result {
        var status: Int32
        var out: String
        var err: String
        /// Whether the process exited or was killed by a signal (then `status` is the signal).
        var reason: Process.TerminationReason = .exit
    }

    let folder: URL

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `regie init` in a new folder with the given person as coordinator.
    static func workspace(person: String = "anna") throws -> Regie {
        let folder = try temporaryFolder()
        let regie = Regie(folder: folder)
        let result = try regie.run(["init", ".", "--team", "west", "--person", person, "--lang", "en", "--fixed-clock"])
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return regie
    }

    /// Runs another program (through `env`), for checks from outside Regie.
    static func tool(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        return try finish(process)
    }

    /// Runs a prepared process to its end and collects what it wrote.
    static func finish(_ process: Process) throws -> Result {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self), reason: process.terminationReason)
    }

    /// - Parameter input: what the user types on standard input (else none).
    func run(_ arguments: [String], environment extra: [String: String] = ["REGIE_USER": "anna"], prefix: [String] = [],
             input: String? = nil) throws -> Result {
        let process = Process()
        if let input {
            let pipe = Pipe()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
            process.standardInput = pipe
        }
        if prefix.isEmpty {
            process.executableURL = Regie.binary
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [Regie.binary.path] + arguments
        }
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "REGIE_WORKSPACE")
        environment.merge(extra) { $1 }
        process.environment = environment
        return try Regie.finish(process)
    }
}

@Suite("The regie binary, as a user types it")
struct BinaryTests {
    @Test("the demo walks a case through all five phases into a second follow-up")
    func demo() throws {
        let folder = try Regie.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Regie(folder: folder).run(["demo", "--dir", "demo"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.isEmpty)
        #expect(result.out.contains("(refused with exit code 3, as expected)"))
        #expect(result.out.contains("paused (crisis) in phase 3/5 Activation → active in phase 3/5 Activation"))
        #expect(result.out.contains("next-round · active in phase 5/5 Follow-up → active in phase 4/5 Meeting"))
        #expect(result.out.contains("Status: active in phase 5/5 Follow-up · round 2"))
        let again = try Regie(folder: folder).run(["demo", "--dir", "demo"])
        #expect(again.status == 0, "an earlier demo is replaced")
        let show = try Regie(folder: folder.appendingPathComponent("demo")).run(["case", "show", "1", "--json"], environment: ["REGIE_USER": "sanne"])
        #expect(show.status == 0)
        #expect(show.out.contains("\"round\" : 2"))
    }

    @Test("another program can verify the trail from the documented formats alone (scripts/verify-audit.py)")
    func independentVerifier() throws {
        let folder = try Regie.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Regie(folder: folder).run(["demo", "--dir", "demo"]).status == 0)
        let demo = folder.appendingPathComponent("demo")
        let checkpoint = folder.appendingPathComponent("kept.txt").path
        #expect(try Regie(folder: demo).run(["audit", "checkpoint", "--export", checkpoint], environment: ["REGIE_USER": "karim"]).status == 0)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/verify-audit.py").path
        let database = demo.appendingPathComponent("regie.sqlite").path
        let intact = try Regie.tool(["python3", script, database, checkpoint])
        #expect(intact.status == 0, "\(intact.out) \(intact.err)")
        #expect(intact.out.contains("intact: "))
        let tamper = try Regie.tool(["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()",
                                     database, "UPDATE events SET actor = 'karim' WHERE case_id = 1 AND version = 7"])
        #expect(tamper.status == 0)
        let broken = try Regie.tool(["python3", script, database])
        #expect(broken.status == 1)
        #expect(broken.out.contains("case 1, version 7"), "\(broken.out)")
    }

    @Test("an auditor can verify a read-only copy, told that the check could not be logged there")
    func readOnlyCopy() throws {
        let folder = try Regie.temporaryFolder()
        defer {
            _ = try? Regie.tool(["chmod", "-R", "u+w", folder.path])
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(try Regie(folder: folder).run(["demo", "--dir", "demo"]).status == 0)
        let demo = folder.appendingPathComponent("demo")
        // Another user, who may read the copy but not write it or its folder (the tests run as root).
        #expect(try Regie.tool(["chmod", "-R", "a+rX", folder.path]).status == 0)
        #expect(try Regie.tool(["chmod", "a-w", demo.path, demo.appendingPathComponent("regie.sqlite").path]).status == 0)
        // A copy of the binary that the other user can run wherever the build folder is.
        let binary = folder.appendingPathComponent("regie-copy")
        try FileManager.default.copyItem(at: Regie.binary, to: binary)
        #expect(try Regie.tool(["chmod", "a+rx", folder.path, binary.path]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path, "audit", "verify"]
        process.currentDirectoryURL = demo
        process.environment = ["REGIE_USER": "sanne", "HOME": "/tmp", "PATH": "/usr/bin:/bin"]
        let result = try Regie.finish(process)
        #expect(result.status == 0, "\(result.out) \(result.err)")
        #expect(result.out.contains("Intact"), "\(result.out)")
        #expect(result.out.contains("could not be recorded in its access log"), "\(result.out)")
    }

    @Test("argument errors read like Regie's own: one line, a hint, exit 2, in the workspace language", arguments: [
        (["case", "show", "C-4711"], "`C-4711` is not a case number"), (["time", "log", "1", "-1h"], "cannot be negative"),
        (["case", "show"], "<case-id> is missing"), (["case", "list", "--bogus"], "There is no option --bogus"),
        (["goal", "add", "1", "x", "--term", "forever", "--by", "client"], "`forever` is not a valid value for --term"),
        (["case", "shw", "1"], "Did you mean `regie case show`?"),
        (["case", "show", "1", "extra"], "Unexpected here: `extra`"), (["time", "log", "1", "-90m"], "cannot be negative"),
    ])
    func argumentErrors(_ arguments: [String], _ expected: String) throws {
        let regie = try Regie.workspace()
        defer { try? FileManager.default.removeItem(at: regie.folder) }
        let result = try regie.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.err)")
        #expect(result.out.isEmpty, "no help text on stdout")
        #expect(result.err.hasPrefix("regie: ") && result.err.contains(expected), "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 1, "one line: \(result.err)")
        let dutch = try regie.run(arguments + ["--lang", "nl"])
        #expect(dutch.status == 2)
        #expect(dutch.err.contains("Zie `") || dutch.err.contains("kan niet"), "\(dutch.err)")
    }

    @Test("a checkpoint is a C2SP signed note that an independent verifier accepts; a witness cosigns it, and verify demands it")
    func witnessedNote() throws {
        let folder = try Regie.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Regie(folder: folder).run(["demo", "--dir", "demo"]).status == 0)
        let demo = Regie(folder: folder.appendingPathComponent("demo"))
        let env = ["REGIE_USER": "karim"]
        let witnessKey = folder.appendingPathComponent("witness.key").path, state = folder.appendingPathComponent("witness.state").path
        let made = try demo.run(["audit", "witness-key", "--name", "fg.example.nl/regie", "--out", witnessKey], environment: env)
        #expect(made.status == 0, "\(made.err)")
        let verifierKey = made.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(verifierKey.hasPrefix("fg.example.nl/regie+"))
        #expect(try demo.run(["audit", "witness", "--key", witnessKey, "--state", state], environment: env).status == 0)
        #expect(try demo.run(["audit", "verify", "--witness", verifierKey], environment: env).status == 0)

        // More events, a new checkpoint that is not cosigned yet: verify demands the witness.
        #expect(try demo.run(["goal", "add", "1", "Samen koken", "--term", "short", "--by", "client"], environment: env).status == 0)
        let checkpoint = try demo.run(["audit", "checkpoint", "--json", "--export", folder.appendingPathComponent("kept.note").path], environment: env)
        #expect(checkpoint.status == 0, "\(checkpoint.err)")
        let missing = try demo.run(["audit", "verify", "--witness", verifierKey], environment: env)
        #expect(missing.status == 9 && missing.out.contains("is not cosigned by witness fg.example.nl/regie"), "\(missing.out)")
        let second = try demo.run(["audit", "witness", "--key", witnessKey, "--state", state], environment: env)
        #expect(second.status == 0 && second.out.contains("consistent with the"), "\(second.out) \(second.err)")
        #expect(try demo.run(["audit", "verify", "--witness", verifierKey], environment: env).status == 0)

        // An independent verifier of the signed-note format, with Python's cryptography package.
        let logKey = try #require((try JSONSerialization.jsonObject(with: Data(checkpoint.out.utf8)) as? [String: Any])?["verifier_key"] as? String)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/verify-checkpoint-note.py").path
        let note = folder.appendingPathComponent("kept.note").path
        let checked = try Regie.tool(["python3", script, note, logKey])
        #expect(checked.status == 0 && checked.out.hasPrefix("verified: regie/"), "\(checked.out) \(checked.err)")
        let text = try String(contentsOfFile: note, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let forged = ([lines[0], Substring(String(Int(lines[1])! + 1))] + lines.dropFirst(2)).joined(separator: "\n")
        try forged.write(toFile: note + ".forged", atomically: true, encoding: .utf8)
        let refused = try Regie.tool(["python3", script, note + ".forged", logKey])
        #expect(refused.status == 1 && refused.out.contains("does not verify"), "\(refused.out) \(refused.err)")

        // A rollback: the log cut back and rebuilt is not cosigned.
        let database = folder.appendingPathComponent("demo/regie.sqlite").path
        let cut = try Regie.tool(["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE events SET hash = zeroblob(32) WHERE seq = 3'); c.commit()", database])
        #expect(cut.status == 0)
        #expect(try demo.run(["audit", "checkpoint"], environment: env).status == 0)
        let rolled = try demo.run(["audit", "witness", "--key", witnessKey, "--state", state], environment: env)
        #expect(rolled.status == 9 && rolled.err.contains("does not extend the one you cosigned"), "\(rolled.out) \(rolled.err)")
    }

    @Test("a missing signing key is a loud error, never a new key; verifying needs only the public key")
    func missingKey() throws {
        let regie = try Regie.workspace()
        defer { try? FileManager.default.removeItem(at: regie.folder) }
        #expect(try regie.run(["case", "open", "--team", "west", "--client", "J."]).status == 0)
        let key = regie.folder.appendingPathComponent(".regie/audit-signing-key")
        try FileManager.default.removeItem(at: key)
        let write = try regie.run(["goal", "add", "1", "Koken", "--term", "long", "--by", "client"])
        #expect(write.status == 7 && write.err.contains("is missing") && write.err.contains("never makes a new one"), "\(write.err)")
        #expect(!FileManager.default.fileExists(atPath: key.path), "no new key was made")
        #expect(try regie.run(["audit", "verify"]).status == 0, "the public key is enough to verify")
        let rotated = try regie.run(["audit", "rotate-key", "--reason", "Sleutel kwijt"])
        #expect(rotated.status == 0, "\(rotated.err)")
        #expect(try regie.run(["goal", "add", "1", "Koken", "--term", "long", "--by", "client"]).status == 0)
        let verified = try regie.run(["audit", "verify"])
        #expect(verified.status == 0, "checkpoints of the retired key still verify: \(verified.out)")
    }

    @Test("init, open, goals, show --json: data on stdout, nothing on stderr")
    func basics() throws {
        let regie = try Regie.workspace()
        defer { try? FileManager.default.removeItem(at: regie.folder) }
        #expect(try regie.run(["case", "open", "--team", "west", "--client", "J."]).out == "Opened case 1 for J. in team west, held by anna; phase 1/5 Goals.\n")
        let goal = try regie.run(["goal", "add", "1", "Weer werken", "--term", "long", "--by", "client"])
        #expect(goal.status == 0 && goal.err.isEmpty)
        let show = try regie.run(["case", "show", "1", "--json"])
        #expect(show.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any])
        let goals = try #require(object["goals"] as? [[String: Any]])
        #expect(goals.first?["worded_by"] as? String == "client")
        #expect(goals.first?["text"] as? String == "Weer werken")
    }

    @Test("refusals, bad input and unknown things give one sentence on stderr and their exit code")
    func errors() throws {
        let regie = try Regie.workspace()
        defer { try? FileManager.default.removeItem(at: regie.folder) }
        _ = try regie.run(["case", "open", "--team", "west", "--client", "J."])
        let cases: [([String], Int32, String)] = [
            (["case", "advance", "1"], 3, "cannot advance yet"),
            (["meeting", "plan", "1", "--on", "2027-02-30"], 2, "2027-02-30"),
            (["case", "show", "42"], 4, "There is no case 42."),
            (["case", "frobnicate"], 2, "frobnicate"),
            (["case", "show", "1", "--as", "mallory"], 8, "not a person of this workspace"),
        ]
        for (arguments, status, text) in cases {
            let result = try regie.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.err)")
            #expect(result.err.contains(text), "\(arguments): \(result.err)")
            #expect(result.out.isEmpty, "\(arguments) prints nothing on stdout")
            #expect(!result.err.contains("Fatal error") && !result.err.contains("Stack"), "no crash or trace")
        }
    }

    @Test("outside a workspace Regie says how to make one")
    func noWorkspace() throws {
        let folder = try Regie.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Regie(folder: folder).run(["case", "list"])
        #expect(result.status == 7)
        #expect(result.err.contains("regie init"))
    }

    @Test("two processes writing to one file at once lose nothing")
    func twoProcesses() throws {
        let regie = try Regie.workspace()
        defer { try? FileManager.default.removeItem(at: regie.folder) }
        _ = try regie.run(["case", "open", "--team", "west", "--client", "A."])
        _ = try regie.run(["case", "open", "--team", "west", "--client", "B."])
        let perProcess = 12
        let outcomes = Mutex(Array(repeating: [Int32](), count: 3))
        // Writers 0 and 1 work on their own cases; writer 2 races writer 0 on case 1.
        DispatchQueue.concurrentPerform(iterations: 3) { writer in
            let caseID = writer == 1 ? "2" : "1"
            for n in 0..<perProcess {
                let status = (try? regie.run(["goal", "add", caseID, "Doel \(writer)-\(n)", "--term", "short", "--by", "client"]))?.status ?? -1
                outcomes.withLock { $0[writer].append(status) }
            }
        }
        let all = outcomes.withLock { $0 }
        #expect(all.allSatisfy { $0.allSatisfy { $0 == 0 || $0 == 5 } }, "every command succeeded or reported a conflict: \(all)")
        #expect(all[1].allSatisfy { $0 == 0 }, "a writer alone on its case never conflicts")
        let show1 = try regie.run(["case", "show", "1", "--json"])
        let show2 = try regie.run(["case", "show", "2", "--json"])
        let goals1 = try #require(try JSONSerialization.jsonObject(with: Data(show1.out.utf8)) as? [String: Any])["goals"] as? [Any]
        let goals2 = try #require(try JSONSerialization.jsonObject(with: Data(show2.out.utf8)) as? [String: Any])["goals"] as? [Any]
        let succeeded1 = (all[0] + all[2]).filter { $0 == 0 }.count
        #expect(goals1?.count == succeeded1, "each success on case 1 is one goal, none lost")
        #expect(goals2?.count == perProcess)
        let verify = try regie.run(["audit", "verify"])
        #expect(verify.status == 0, "every chain is intact after concurrent writers: \(verify.out)")
    }

    @Test("a writer killed in the middle of its work never leaves half an event behind")
    func killedWriters() throws {
        let regie = try Regie.workspace()
        defer { try? FileManager.default.removeItem(at: regie.folder) }
        _ = try regie.run(["case", "open", "--team", "west", "--client", "A."])
        for round in 0..<12 {
            let process = Process()
            process.executableURL = Regie.binary
            process.arguments = ["goal", "add", "1", "Doel \(round)", "--term", "short", "--by", "client"]
            process.currentDirectoryURL = regie.folder
            process.environment = ProcessInfo.processInfo.environment.merging(["REGIE_USER": "anna"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill at a different moment each round: before, during or after the transaction.
            usleep(UInt32(2_000 + round * 4_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let verify = try regie.run(["audit", "verify", "--json"])
        #expect(verify.status == 0, "\(verify.out) \(verify.err)")
        #expect(verify.out.contains("\"intact\" : true"))
    }

    @Test("a locked database is reported after the busy timeout and the command writes nothing")
    func locked() throws {
        let regie = try Regie.workspace()
        defer { try? FileManager.default.removeItem(at: regie.folder) }
        _ = try regie.run(["case", "open", "--team", "west", "--client", "A."])
        let db = regie.folder.appendingPathComponent("regie.sqlite").path
        // Another program holds the write lock for two seconds.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(2); c.execute('ROLLBACK')
            """, db]
        let ready = Pipe()
        holder.standardOutput = ready
        try holder.run()
        _ = ready.fileHandleForReading.availableData
        let result = try regie.run(["goal", "add", "1", "x", "--term", "short", "--by", "client"],
                                   environment: ["REGIE_USER": "anna", "REGIE_BUSY_TIMEOUT": "0.2"])
        holder.waitUntilExit()
        #expect(result.status == 6, "\(result.err)")
        #expect(result.err.contains("locked by another program"))
        let show = try regie.run(["case", "show", "1", "--json"])
        #expect(show.out.contains("\"goals\" : [\n\n  ]") || show.out.contains("\"goals\" : []"), "\(show.out)")
    }

    @Test("a database that cannot be written is reported; a read that cannot be logged shows nothing")
    func readOnly() throws {
        guard getuid() == 0 else {
            // As an ordinary user, file permissions make the database read-only.
            return try readOnlyAsUser()
        }
        // Root ignores file permissions: run Regie as `nobody` on a database owned by root.
        let regie = try Regie.workspace(person: "nobody")
        defer { try? FileManager.default.removeItem(at: regie.folder) }
        _ = try regie.run(["case", "open", "--team", "west", "--client", "A."], environment: ["REGIE_USER": "nobody"])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: regie.folder.path)
        for file in try FileManager.default.contentsOfDirectory(atPath: regie.folder.path) {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: regie.folder.appendingPathComponent(file).path)
        }
        let nobody = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        let probe = try regie.run(["--version"], prefix: nobody)
        try #require(probe.status == 0, "nobody can run the binary: \(probe.err)")
        let result = try regie.run(["goal", "add", "1", "x", "--term", "short", "--by", "client"], environment: ["REGIE_USER": "nobody"], prefix: nobody)
        #expect(result.status == 6, "\(result.err)")
        #expect(result.err.contains("cannot be written") || result.err.contains("locked"), "\(result.err)")
        #expect(!result.err.contains("Fatal"))
        // Reads are logged (NEN 7513): when the log cannot be written, the case is not shown.
        let show = try regie.run(["case", "show", "1"], environment: ["REGIE_USER": "nobody"], prefix: nobody)
        #expect(show.status == 6, "\(show.err)")
        #expect(show.out.isEmpty)
    }

    func readOnlyAsUser() throws {
        let regie = try Regie.workspace()
        defer { try? FileManager.default.removeItem(at: regie.folder) }
        _ = try regie.run(["case", "open", "--team", "west", "--client", "A."])
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: regie.folder.appendingPathComponent("regie.sqlite").path)
        let result = try regie.run(["goal", "add", "1", "x", "--term", "short", "--by", "client"])
        #expect(result.status == 6, "\(result.err)")
    }
}

@Suite("Plugins through the regie binary")
struct PluginBinaryTests {
    @Test("init copies the shipped plugins; their own tests pass with `regie plugin test`")
    func shippedPluginTests() throws {
        let regie = try Regie.workspace()
        for name in ["fact", "youth", "addiction", "neighbourhood", "group-chat", "quarterly"] {
            let result = try regie.run(["plugin", "test", "plugins/\(name).lua"])
            #expect(result.status == 0, "\(name): \(result.out) \(result.err)")
            #expect(result.out.contains("\(name): ") && result.out.contains("passed, 0 failed"))
        }
    }

    @Test("a hostile plugin on a team: a clean refusal in under 2 s, no crash, the case unchanged")
    func hostileTeamPlugin() throws {
        let regie = try Regie.workspace()
        let yaml = try String(contentsOf: regie.folder.appendingPathComponent("regie.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "plugins: []", with: "plugins: [spin]")
        try yaml.write(to: regie.folder.appendingPathComponent("regie.yaml"), atomically: true, encoding: .utf8)
        try "return { api = 1, name = 'spin', version = '1', guard = function() local t <close> = setmetatable({}, {__close = function() while true do end end}) while true do pcall(function() while true do end end) end end }"
            .write(to: regie.folder.appendingPathComponent("plugins/spin.lua"), atomically: true, encoding: .utf8)
        #expect(try regie.run(["case", "open", "--team", "west", "--client", "R."]).status == 0)
        let start = Date()
        let refused = try regie.run(["case", "pause", "1", "--kind", "crisis", "--reason", "admitted"])
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(refused.status == 3, "\(refused.err)")
        #expect(refused.err.contains("mention plugin spin"), "\(refused.err)")
        #expect(!refused.err.contains("instruction budget"), "the technical detail is for plugin check")
        #expect(!refused.err.contains("Fatal") && !refused.err.contains("Backtrace"))
        let shown = try regie.run(["case", "show", "1", "--json"])
        #expect(shown.status == 0)
        #expect(shown.out.contains("\"version\" : 1"))
        let check = try regie.run(["plugin", "check", "plugins/spin.lua"])
        #expect(check.status == 7)
        #expect(check.out.contains("plugins/spin.lua"))
        #expect(check.out.contains("instruction budget"), "\(check.out)")
    }
}
