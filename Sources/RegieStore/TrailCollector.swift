import RegieAudit


/// Keeps what a read of the audit trail streams that `keepEvent` and `keepAccess` accept.
package final class TrailCollector: AuditTrailVisitor {
    package private(set) var snapshot: AuditTrailSnapshot?
    package private(set) var events: [AuditedEvent] = []
    package private(set) var accesses: [AuditedAccess] = []
    private let keepEvent: (AuditedEvent) -> Bool
    private let keepAccess: (AuditedAccess) -> Bool

    package init(keepEvent: @escaping (AuditedEvent) -> Bool = { _ in true },
                 keepAccess: @escaping (AuditedAccess) -> Bool = { _ in true }) {
        self.keepEvent = keepEvent
        self.keepAccess = keepAccess
    }

    package func begin(_ snapshot: AuditTrailSnapshot) { self.snapshot = snapshot }

    package func visit(_ event: AuditedEvent) {
        if keepEvent(event) { events.append(event) }
    }

    package func visit(_ access: AuditedAccess) {
        if keepAccess(access) { accesses.append(access) }
    }
}
