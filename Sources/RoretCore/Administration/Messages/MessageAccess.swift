extension AccessPolicy {
    /// Whether the user edits a municipality's message texts (*beskedtekster*):
    /// an administrator of that municipality or of the country. (The
    /// citizen's consent and contact for links are kept by those who work
    /// on the record: `mayWorkOnCitizen`.)
    public static func mayEditMessageTexts(role: Role, area: String, municipality: String) -> Bool {
        role == .administrator && (area == nationalArea || area == municipality) && municipality != nationalArea
    }
}
