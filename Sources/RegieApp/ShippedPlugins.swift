import RegieReports
/// The plugins Regie ships (`plugins/*.lua` with their tests in `plugins/tests/`), embedded in
/// the binary: `regie init` copies them into a new workspace, and a team can use one by name
/// even when its workspace has no copy.
package enum ShippedPlugins {
    /// The shipped plugins' names, sorted.
    package static var names: [String] { sources.keys.sorted() }
}
