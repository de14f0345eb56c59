/// The 98 Danish municipalities (*kommuner*) by their official three-digit code.
public enum DanishMunicipality {
    private static let names: [String: String] = Dictionary(uniqueKeysWithValues: DemoMunicipalities.all.map { ($0.code, $0.name) })

    /// The municipality's name, or nil when `code` is not one of the 98.
    public static func name(of code: String) -> String? { names[code] }
}

extension DanishMunicipality {
    /// Every municipality as (code, name), by name.
    public static var all: [(code: String, name: String)] {
        DemoMunicipalities.all.map { ($0.code, $0.name) }.sorted { $0.name < $1.name }
    }
}
