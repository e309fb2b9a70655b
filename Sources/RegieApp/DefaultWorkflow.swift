import RegieReports
/// The workflow Regie ships: `workflows/resourcegroep.yaml`, embedded in the binary.
package enum DefaultWorkflow {
    package static let name = "resourcegroep"
    package static let fileName = "resourcegroep.yaml"
}
