import RoretStore
import RoretTestSupport

/// A migrated, empty store on `backend` for one test; always shut down.
func withStore<T>(_ backend: TestDatabase, _ body: (StoreHost) async throws -> T) async throws -> T {
    try await backend.withFreshStore(suite: "store") { config in
        try await StoreHost.withStore(config) { try await body($0) }
    }
}
