import Foundation
import GRDB
import RegieCore

/// One row of the case list (`cases`) column by column, as the store writes it. `audit verify`
/// works out the row each case's events give and compares it with the stored one, so that a
/// label, team, status or round edited behind Regie's back is found.
public struct CaseListRow: Sendable, Equatable {
    public var team: String
    public var clientLabel: String
    public var state: String
    public var phase: String
    /// `status_json` read back (nil when it cannot be): compared as a value, as older rows
    /// were written with their keys in no fixed order.
    public var status: CaseStatus?
    public var round: Int
    public var version: Int
    public var complex: Bool
    public var workflowHash: String
    public var pluginHashes: String
    public var openedAt: Int64
    public var updatedAt: Int64

    /// The row the store writes for this summary and these plugin pins.
    public init(_ summary: CaseSummary, pluginHashes: [String]) {
        team = summary.team
        clientLabel = summary.clientLabel
        state = summary.status.state
        phase = summary.status.phase.rawValue
        status = summary.status
        round = summary.round
        version = summary.version
        complex = summary.complex
        workflowHash = summary.workflowHash
        self.pluginHashes = pluginHashes.joined(separator: " ")
        openedAt = SQLiteEventStore.millis(summary.openedAt)
        updatedAt = SQLiteEventStore.millis(summary.updatedAt)
    }

    package init(team: String, clientLabel: String, state: String, phase: String, statusJSON: String, round: Int, version: Int,
                 complex: Bool, workflowHash: String, pluginHashes: String, openedAt: Int64, updatedAt: Int64) {
        self.team = team
        self.clientLabel = clientLabel
        self.state = state
        self.phase = phase
        status = try? JSONDecoder().decode(CaseStatus.self, from: Data(statusJSON.utf8))
        self.round = round
        self.version = version
        self.complex = complex
        self.workflowHash = workflowHash
        self.pluginHashes = pluginHashes
        self.openedAt = openedAt
        self.updatedAt = updatedAt
    }

    init(row: Row) throws {
        team = try row.decode(forColumn: "team")
        clientLabel = try row.decode(forColumn: "client_label")
        state = try row.decode(forColumn: "state")
        phase = try row.decode(forColumn: "phase")
        let statusJSON: String = try row.decode(forColumn: "status_json")
        status = try? JSONDecoder().decode(CaseStatus.self, from: Data(statusJSON.utf8))
        round = try row.decode(forColumn: "round")
        version = try row.decode(forColumn: "version")
        complex = try row.decode(forColumn: "complex")
        workflowHash = try row.decode(forColumn: "workflow_hash")
        pluginHashes = try row.decode(forColumn: "plugin_hashes")
        openedAt = try row.decode(forColumn: "opened_at")
        updatedAt = try row.decode(forColumn: "updated_at")
    }

    /// The columns in which `other` differs from this row.
    public func differences(from other: CaseListRow) -> [String] {
        var fields: [String] = []
        if team != other.team { fields.append("team") }
        if clientLabel != other.clientLabel { fields.append("client_label") }
        if state != other.state || phase != other.phase || status != other.status { fields.append("status") }
        if round != other.round { fields.append("round") }
        if version != other.version { fields.append("version") }
        if complex != other.complex { fields.append("complex") }
        if workflowHash != other.workflowHash { fields.append("workflow_hash") }
        if pluginHashes != other.pluginHashes { fields.append("plugin_hashes") }
        if openedAt != other.openedAt { fields.append("opened_at") }
        if updatedAt != other.updatedAt { fields.append("updated_at") }
        return fields
    }

    /// The columns fixed when the case opened, which can be checked even when a later payload
    /// cannot be read. The team and the label are fixed too unless an accepted transfer or a
    /// relabelling changed them.
    public func openingDifferences(from other: CaseListRow, teamFixed: Bool, labelFixed: Bool) -> [String] {
        let fixed = ["complex", "opened_at"] + (teamFixed ? ["team"] : []) + (labelFixed ? ["client_label"] : [])
        return differences(from: other).filter { fixed.contains($0) }
    }
}
