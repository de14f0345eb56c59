import Prometheus
import Vapor

/// What operations watch (*driftsmålinger*), in Prometheus's text format
/// on `/metrics`: requests by route and status with their latency, the key
/// figures' computations and their time, the outbox by state, and failed
/// sign-ins. One registry per application (not the process-wide
/// MetricsSystem: the tests run many applications in one process).
final class RoretMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    private static let latencyBuckets: [Duration] = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000].map { .milliseconds($0) }
    private static let computeBuckets: [Duration] = [100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000].map { .milliseconds($0) }

    private static var requests: MetricNameDescriptor { MetricNameDescriptor(namespace: "roret", subsystem: "http", metricName: "requests", unitName: "total",
                                                       helpText: "HTTP requests by method, route pattern and status") }
    private static var latency: MetricNameDescriptor { MetricNameDescriptor(namespace: "roret", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                                      helpText: "Time to answer a request, by method and route pattern") }
    private static var figureBuilds: MetricNameDescriptor { MetricNameDescriptor(namespace: "roret", subsystem: "figure_cache", metricName: "builds", unitName: "total",
                                                           helpText: "Key figure sets computed (an extract version and publication not yet in memory)") }
    private static var figureTime: MetricNameDescriptor { MetricNameDescriptor(namespace: "roret", subsystem: "figure_cache", metricName: "build_duration", unitName: "seconds",
                                                         helpText: "Time to compute a key figure set") }
    private static var signInFailures: MetricNameDescriptor { MetricNameDescriptor(namespace: "roret", subsystem: "signin", metricName: "failures", unitName: "total",
                                                             helpText: "Refused or throttled sign-ins") }
    private static var outbox: MetricNameDescriptor { MetricNameDescriptor(namespace: "roret", subsystem: "outbox", metricName: "messages", unitName: "",
                                                     helpText: "Messages in the outbox by kind and state, read at the scrape") }

    /// One answered request; `route` is the route's pattern (`tilbud/:offer`), never the path with its ids.
    func request(method: String, route: String, status: UInt, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets).record(duration)
    }

    func figuresComputed(in duration: Duration) {
        registry.makeCounter(descriptor: Self.figureBuilds, labels: []).increment()
        registry.makeDurationHistogram(descriptor: Self.figureTime, labels: [], buckets: Self.computeBuckets).record(duration)
    }

    func signInFailed() {
        registry.makeCounter(descriptor: Self.signInFailures, labels: []).increment()
    }

    func outbox(kind: String, state: String, count: Int) {
        registry.makeGauge(descriptor: Self.outbox, labels: [("kind", kind), ("state", state)]).set(to: Double(count))
    }

    func text() -> String { registry.emitToString() }
}

/// Counts every request and its latency by route pattern and status.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: RoretMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        func route() -> String { request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(ingen rute)" }
        do {
            let response = try await next.respond(to: request)
            metrics.request(method: request.method.rawValue, route: route(), status: response.status.code, duration: ContinuousClock.now - started)
            return response
        } catch {
            let status = (error as? any AbortError)?.status.code ?? 500
            metrics.request(method: request.method.rawValue, route: route(), status: status, duration: ContinuousClock.now - started)
            throw error
        }
    }
}
