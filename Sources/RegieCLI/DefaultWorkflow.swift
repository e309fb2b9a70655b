/// The workflow Regie ships: `workflows/resourcegroep.yaml`, embedded in the binary.
enum DefaultWorkflow {
    static let name = "resourcegroep"
    static let fileName = "resourcegroep.yaml"
}
