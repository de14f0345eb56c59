import RoretCore
import RoretStore
import Vapor

extension Request {
    /// Username → display name of every account, for pages that say who saved
    /// something (an unknown username is shown as it is).
    func accountNames() async throws -> [String: String] {
        Dictionary(try await store.accounts.all().map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a })
    }
}

extension Optional {
    /// `flatMap` with an async transform.
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
