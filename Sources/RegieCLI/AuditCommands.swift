import RegieApp
import RegieCore
import ArgumentParser

struct AuditGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The tamper-evident record: transitions, who read what, checkpoints and verification.",
        subcommands: [
            AuditLogCommand.self, AuditAccessCommand.self, AuditCheckpointCommand.self, AuditVerifyCommand.self,
            AuditExportCommand.self, AuditWitnessCommand.self, AuditWitnessKeyCommand.self, AuditRotateKeyCommand.self,
        ])
}
