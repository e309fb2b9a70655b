/// The version of Regie, as `regie --version` says it and audit exports name their source.
package enum RegieVersion {
    package static let current = "0.1.0"
}
