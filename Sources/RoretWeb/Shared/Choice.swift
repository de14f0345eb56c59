/// One option of a `<select>` (*valgmulighed*).
struct Choice: Encodable {
    var value: String
    var label: String
    var selected: Bool

    init(value: String, label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}
