import Foundation
import RoretCore

extension DanishDate {
    /// Today in Denmark.
    static var today: Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Copenhagen")!, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    /// The Danish calendar day of `date`.
    static func dayOf(_ date: Date) -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Copenhagen")!, from: date)
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    /// `dd.mm.yyyy`.
    static func dayText(_ day: Day) -> String { day.danish }
}
