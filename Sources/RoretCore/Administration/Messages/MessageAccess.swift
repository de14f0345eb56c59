extension AccessPolicy {
    /// Whether the user edits a municipality's message texts (*beskedtekster*):
    /// an administrator of that municipality or of the country. (The
    /// citizen's consent and contact for links are kept by those who work
    /// on the record: `mayWorkOnCitizen`.)
    public static func mayEditMessageTexts(role: Role, area: String, municipality: String) -> Bool {
        role == .administrator && (area == nationalArea || area == municipality) && municipality != nationalArea
    }
}

extension AccessPolicy {
    /// Whether an administrator of `area` sees and sends again a message of
    /// `municipality` on *Udbakke*: the country's administrator every one,
    /// a municipality's administrator that municipality's.
    public static func mayManageMessage(role: Role, area: String, municipality: String) -> Bool {
        role == .administrator && (area == nationalArea || area == municipality)
    }
}
