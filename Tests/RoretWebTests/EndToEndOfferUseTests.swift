import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// Results documentation part 2 in a real Chromium (issue 13): the offer's
/// leader sends a citizen a link to the offer's own instrument, the citizen
/// answers it without an account, staff read the reports and calibrate,
/// the leader holds a learning meeting whose decision lands on the action
/// board and reviews the cycle; the municipality's leader sees the offer
/// beside the key figures and the decision on the leaders' board; the
/// caseworker prints the status report.
@Suite(.serialized) struct EndToEndOfferUseTests {
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func theOfferCollectsLearnsAndReports() async throws {
        try await EndToEndTrustTests.serving(importDemo: true, configure: { $0.publicURL = "http://127.0.0.1" }) { app, site, driverPort in
            let store = Store(database: app.db)
            let bostedet = try await EndToEndOfferTests.leadBostedet(app)
            let anna = try await CitizenWebTests().anna(app)
            let mine = OfferInstrument(id: "overskud", name: "Mit overskud", kind: .simple, purpose: .measurement, targetGroups: "Alle", collectionForm: .selfCompleted,
                                       validated: false, items: ["Jeg har overskud til hverdagen", "Jeg føler mig tryg, hvor jeg bor", "Jeg har nogen at tale med"], scaleMin: 1, scaleMax: 5)
            try await store.offers.save(InstrumentCatalogue(own: [mine]), offer: bostedet, kind: .instruments, key: "catalogue", by: "tilbudsleder")
            let base = site + "/tilbud/\(bostedet.uuidString)"
            let checks = PageChecks("offer-use")
            let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("roret-offer-use-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: downloads) }

            // The offer's leader makes a personal link to "Mit overskud" for Anna's follow-up.
            var link = "", declined = ""
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "tilbudsleder", landingOn: "/borgere"))
                try await browser.open(base)
                try await browser.click("nav.sections a[href$='/indsamling']")
                #expect(try await browser.waitForText(anna.pseudonym))
                try await browser.click("#collection a")
                #expect(try await browser.waitForText("Send Mit overskud til borgeren som personligt link"))
                try await browser.click(EndToEndOfferTests.opener("#issue-link-overskud"))
                try await browser.select("#link-point-overskud", "followUp")
                try await browser.submit("#issue-link-overskud", expecting: "Linket til Mit overskud er lavet.")
                link = try #require(try await browser.pageSource.firstMatch(of: /http:\/\/127\.0\.0\.1(\/svar\/tilbud\/[^<"]+)/).map { String($0.1) })
                try await checks.look(browser, "link-lavet")
                // A second link, for the end of the course: the one Anna will say no thanks to.
                try await browser.click(EndToEndOfferTests.opener("#issue-link-overskud"))
                try await browser.select("#link-point-overskud", "end")
                try await browser.click("#issue-link-overskud")
                // The message is the same as the first link's: wait for the new page's link.
                for _ in 0..<50 where declined.isEmpty || declined == link {
                    declined = try await browser.pageSource.firstMatch(of: /http:\/\/127\.0\.0\.1(\/svar\/tilbud\/[^<"]+)/).map { String($0.1) } ?? ""
                    if declined.isEmpty || declined == link { try await Task.sleep(for: .milliseconds(200)) }
                }
                #expect(!declined.isEmpty && declined != link)
            }

            // Anna answers on her phone, without an account.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "390,844", downloads: downloads) { browser in
                try await browser.open(site + link)
                #expect(try await browser.waitForText("Jeg har overskud til hverdagen"))
                try await checks.look(browser, "borger-svarer")
                for (item, value) in [(1, "2"), (2, "4"), (3, "5")] { try await browser.click("input[name='item\(item)'][value='\(value)']") }
                try await browser.submit("#send", expecting: "Dine svar er gemt.")
                try await browser.open(site + link)
                #expect(try await browser.waitForText("Der er allerede svaret via dette link."))
                try await browser.open(site + declined)
                #expect(try await browser.waitForText("Jeg har overskud til hverdagen"))
                try await browser.submit("#decline", expecting: "Du har sagt nej tak, og der er ikke gemt noget.")
            }
            let answer = try #require(try await store.offers.current(OfferAnswer.self, offer: bostedet, kind: .answer).map(\.value).first { $0.instrument == "overskud" })
            #expect(answer.score == 11 && answer.respondent == .citizen && answer.point == .followUp, "2 + 4 + 5")
            #expect(try await store.offers.current(OfferAnswer.self, offer: bostedet, kind: .answer).filter { $0.value.instrument == "overskud" }.count == 1, "the declined link stored nothing")

            // The leader: the answer in the record at the offer, the reports, calibration, a learning meeting and the review.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 2, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "tilbudsleder", landingOn: "/borgere"))
                try await browser.open(base + "/indsamling/\(anna.id.uuidString)")
                #expect(try await browser.waitForText("Mit overskud"))
                #expect(try await browser.pageSource.contains("<td>Mit overskud</td><td>11</td><td>Spørgeskema udfyldt af borgeren</td><td>Borger</td>"))
                try await browser.submit("#report-sent", expecting: "Statusrapporten er markeret som sendt")

                try await browser.click("p.crumbs a[href='/tilbud/\(bostedet.uuidString)']")
                try await browser.click("nav.sections a[href$='/rapporter']")
                #expect(try await browser.waitForText("Dokumentation til socialtilsynet (kriterium 3)"))
                try await checks.look(browser, "rapporter")
                try await browser.click("a[href$='/rapporter/tilsyn']")
                #expect(try await browser.waitForText("Målgruppen som betjent"))
                // The courses started this year only: Anna's began in 2024, so this year's report has nobody.
                try await browser.select("#report-year", String(DanishDate.today.year))
                try await browser.click("form.picker button[type='submit']")
                #expect(try await browser.waitForURL { $0.contains("aar=\(DanishDate.today.year)") })
                #expect(try await !browser.pageSource.contains("Startet i 2024"))
                try await browser.select("#report-year", "")
                try await browser.click("form.picker button[type='submit']")
                #expect(try await browser.waitForText("Startet i 2024"))
                try await checks.look(browser, "tilsyn")
                try await browser.click("#report-xlsx")
                var workbook: String?
                for _ in 0..<50 where workbook == nil {
                    workbook = ((try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? []).first { $0.hasSuffix(".xlsx") }
                    if workbook == nil { try await Task.sleep(for: .milliseconds(200)) }
                }
                #expect(workbook == "rapport-tilsyn.xlsx", "Hent som Excel downloads the report")
                try await browser.click("#print-view")
                #expect(try await browser.waitForText("Målgruppen som betjent"))
                #expect(try await browser.pageSource.contains("<body class=\"print\">"))
                try await checks.look(browser, "tilsyn-udskrift")

                // Calibration: a case rated with the offer's own instrument.
                try await browser.open(base + "/indsamling")
                try await browser.click("#calibrations-link")
                #expect(try await browser.waitForText("Ny kalibrering"))
                try await browser.type("#calibration-title", "Kvinde i 30'erne, fire måneder i forløb")
                try await browser.select("#calibration-instrument", "overskud")
                try await browser.submit("#create-calibration", expecting: "Kalibreringen »Kvinde i 30'erne, fire måneder i forløb« er oprettet.")
                try await browser.select("select[name='item1']", "3")
                try await browser.select("select[name='item2']", "2")
                try await browser.submit("#save-rating", expecting: "Din vurdering er gemt.")
                #expect(try await browser.pageSource.contains("0 spørgsmål har forskellige vurderinger."))
                try await checks.look(browser, "kalibrering")

                // The learning meeting: the report attached, what was said, and a decision that becomes an action.
                try await browser.open(base)
                try await browser.click("nav.sections a[href$='/laering']")
                #expect(try await browser.waitForText("Nyt læringsmøde"))
                try await browser.type("#meeting-participants", "Tina, to medarbejdere og kommunens konsulent")
                try await browser.submit("#create-meeting", expecting: "er oprettet, og rapporten er vedhæftet")
                #expect(try await browser.pageSource.contains("Vedhæftet rapport: Til ledelsen"))
                try await browser.type("textarea[name='q2.1']", "Målgruppen passer, men flere kommer fra indlæggelse")
                try await browser.submit("#save-minutes", expecting: "Referatet er gemt.")
                try await browser.type("#decision-text", "Følgeskab til netværkscaféen fra første uge")
                try await browser.type("#decision-owner", "Tina")
                try await browser.typeDate("#decision-due", DanishDate.today.adding(days: 30))
                try await browser.submit("#save-decision", expecting: "Beslutningen er gemt og står nu som handling med Tina som ansvarlig")
                #expect(try await browser.pageSource.contains("Målgruppen passer, men flere kommer fra indlæggelse"))
                try await checks.look(browser, "laeringsmoede")
                try await browser.open(base)
                #expect(try await browser.waitForText("Følgeskab til netværkscaféen fra første uge"), "the decision is on the offer's action board")

                // The review of the whole cycle, whose findings open a new version of the theory of change.
                try await browser.click("nav.sections a[href$='/gennemgang']")
                #expect(try await browser.waitForText("Ny gennemgang"))
                try await browser.submit("#create-review", expecting: "Gennemgangen »Gennemgang \(DanishDate.today.year)« er oprettet.")
                try await browser.type("textarea[name='e2.2']", "Flere borgere kommer direkte fra indlæggelse")
                try await browser.type("textarea[name='a2.2']", "Beskriv undergruppen efter indlæggelse")
                try await browser.submit("#save-review", expecting: "Gennemgangen er gemt: 1 af 33 spørgsmål har svar.")
                try await checks.look(browser, "gennemgang")
                try await browser.submit("#open-theory", expecting: "En kladde til en ny version af forandringsteorien er åbnet")
            }
            let draft = try await store.offers.current(TheoryOfChange.self, offer: bostedet, kind: .theoryDraft, key: "map")?.value
            #expect(draft?.minutes.contains("Beskriv undergruppen efter indlæggelse") == true)

            // The municipality's leader: the offer beside the key figures, and the decision on the leaders' board.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 3, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/tilbud']")
                try await browser.click("#offer-results")
                #expect(try await browser.waitForText("Tilbuddenes resultater"))
                #expect(try await browser.pageSource.contains("Borgere på trin 2 i Roskilde"))
                try await checks.look(browser, "kommunens-visning")
                try await browser.click("nav a[href='/ledelse']")
                try await browser.open(site + "/ledelse/handlinger")
                #expect(try await browser.waitForText("Tilbuddenes åbne handlinger"))
                #expect(try await browser.pageSource.contains("Følgeskab til netværkscaféen fra første uge"))
                try await checks.look(browser, "ledelsens-handlinger")
            }
            // The caseworker's status report, printed.
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.open(site + "/borgere/\(anna.id.uuidString)")
                #expect(try await browser.waitForText("Statusrapporter fra tilbud"))
                try await browser.click("#status-report-xlsx")
                var statusFile: String?
                for _ in 0..<50 where statusFile == nil {
                    statusFile = ((try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? []).first { $0.hasPrefix("statusrapport-") && $0.hasSuffix(".xlsx") }
                    if statusFile == nil { try await Task.sleep(for: .milliseconds(200)) }
                }
                #expect(statusFile == "statusrapport-\(anna.pseudonym).xlsx", "Hent som Excel downloads the status report")
                try await browser.click("#status-report-print")
                #expect(try await browser.waitForText("Statusrapport til myndigheden"))
                #expect(try await browser.pageSource.contains("Siden sidste statusrapport \(DanishDate.today.danish)"))
                try await checks.look(browser, "statusrapport-udskrift")
            }
            try checks.writeReport()
        }
    }
}
}
