import Foundation
import RoretCore

/// Renders a `RegisterData` as the CSV files of register-extract.md, so that
/// reading them back gives the same data. Optional files are written only
/// when the data has them.
public enum ExtractCSVWriter {
    /// File name → CSV text (LF line endings, header first).
    public static func files(_ data: RegisterData) -> [String: String] {
        var files: [String: String] = [:]
        let codes = data.municipalities.map(\.code)
        let ids = data.personIDs

        var text = "municipality_code,name\n"
        for m in data.municipalities { text += "\(m.code),\(quoted(m.name))\n" }
        files["municipalities.csv"] = text

        text = "municipality_code,year,adults\n"
        for (i, m) in data.municipalities.enumerated() {
            for year in data.years { text += "\(m.code),\(year),\(data.adults[i * data.yearCount + year - data.firstYear])\n" }
        }
        files["population.csv"] = text

        let iv = data.interventions
        text = "person_id,municipality_code,paragraph,start_date,end_date,reason\n"
        text.reserveCapacity(iv.count * 60)
        for i in 0..<iv.count {
            text += "\(ids[Int(iv.person[i])]),\(codes[Int(iv.municipality[i])]),\(iv.paragraph[i].code),\(iv.start[i]),\(date(iv.end[i])),\(iv.reason[i].code)\n"
        }
        files["interventions.csv"] = text

        if let em = data.employment {
            text = "person_id,year,status\n"
            for i in 0..<em.count { text += "\(ids[Int(em.person[i])]),\(em.year[i]),\(em.status[i].code)\n" }
            files["employment.csv"] = text
        }
        if let ad = data.admissions {
            text = "person_id,admission_date,discharge_date\n"
            for i in 0..<ad.count { text += "\(ids[Int(ad.person[i])]),\(ad.admission[i]),\(date(ad.discharge[i]))\n" }
            files["admissions.csv"] = text
        }
        if let ex = data.expenditures {
            text = "municipality_code,year,paragraph,amount_dkk\n"
            for i in 0..<ex.count { text += "\(codes[Int(ex.municipality[i])]),\(ex.year[i]),\(ex.paragraph[i].code),\(ex.amount[i])\n" }
            files["expenditures.csv"] = text
        }
        if let ms = data.measurements {
            files["measurements.csv"] = MeasurementsCSV.text((0..<ms.count).map { i in
                MeasurementsCSV.Row(personID: ids[Int(ms.person[i])], municipality: codes[Int(ms.municipality[i])],
                                    instrument: ms.instrument[i].code, date: ms.date[i].description, items: ms.answers(row: i))
            })
        }
        return files
    }

    private static func date(_ day: Day) -> String { day == .openEnd ? "" : day.description }

    /// RFC 4180 quoting when the text needs it (also used for the audit log's CSV).
    public static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
