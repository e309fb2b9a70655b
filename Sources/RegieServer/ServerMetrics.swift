import Metrics
import Prometheus

/// The process's metrics, exported for Prometheus at `/metrics`: request counts and durations
/// per route pattern and status (Hummingbird's MetricsMiddleware). Route patterns hold no case
/// data. swift-metrics takes one backend per process, so it is set up once, on first use.
enum ServerMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
