/// Settings of one key-figure run (*beregningsindstillinger*).
public struct KeyFigureOptions: Sendable, Hashable {
    /// Which reasons count; spells outside the target group are ignored everywhere.
    public var targetGroup: TargetGroup
    /// Points of WHO-5 change that count as improved/worsened (NT18). Default 10.
    public var who5ChangeThreshold: Int
    /// Points of Brief INSPIRE-O change that count as improved/worsened (NT20).
    /// Default 10; the Danish validation study's 8 selects the same persons on
    /// the instrument's 5-point grid.
    public var inspireChangeThreshold: Int

    /// The change threshold of `instrument` (NT18 for WHO-5, NT20 for Brief INSPIRE-O).
    public func changeThreshold(_ instrument: Instrument) -> Int {
        instrument == .who5 ? who5ChangeThreshold : inspireChangeThreshold
    }

    public init(targetGroup: TargetGroup = .standard, who5ChangeThreshold: Int = 10, inspireChangeThreshold: Int = 10) {
        self.targetGroup = targetGroup
        self.who5ChangeThreshold = who5ChangeThreshold
        self.inspireChangeThreshold = inspireChangeThreshold
    }
}
