import RegieApp
import RegieCore
import ArgumentParser

struct AuditGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "audit",
            abstract: H("The tamper-evident record: transitions, who read what, checkpoints and verification.",
                        "Het fraudebestendige dossier: overgangen, wie wat inzag, controlepunten en controle."),
            subcommands: [
                AuditLogCommand.self, AuditAccessCommand.self, AuditCheckpointCommand.self, AuditVerifyCommand.self,
                AuditExportCommand.self, AuditWitnessCommand.self, AuditWitnessKeyCommand.self, AuditRotateKeyCommand.self,
            ])
    }
}
