import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// Every case-work form in a real Chromium, as the role that uses it:
/// the caseworker's opening, phase, resources, network, goals, meetings,
/// logbook, alerts and ending; provider staff's work without authority
/// acts; the citizen's comment and confirmation on a phone and the help
/// after "tak"; the administrator's settings; the leader's download.
@Suite(.serialized) struct EndToEndCaseFormsTests {
    static func opener(_ action: String) -> String { "details:has(form[action$='\(action)']) > summary" }

    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func everyCaseWorkFormThroughTheBrowser() async throws {
        let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("roret-case-downloads-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        try await EndToEndTrustTests.serving(importDemo: true) { app, site, driverPort in
            let store = Store(database: app.db)
            let today = DanishDate.today
            let anna = try await CitizenWebTests().anna(app)
            try await store.measurements.record(citizenID: anna.id, instrument: .who5, answeredOn: today.adding(days: -3), items: [1, 1, 1, 1, 1], channel: .interview, enteredBy: "sagsbehandler", today: today)
            let declined = "declined-" + String(repeating: "y", count: 20)
            _ = try await store.measurements.issueLink(citizenID: anna.id, instrument: .who5, tokenHash: Secrets.sha256(declined), issuedOn: today.adding(days: -2))
            try await store.measurements.declineLink(tokenHash: Secrets.sha256(declined), on: today.adding(days: -2))
            let record = site + "/borgere/\(anna.id.uuidString)"
            let shots = EndToEndTests.screenshots
            let checks = PageChecks("forms")
            func submit(_ browser: WebDriver, _ form: String, expecting text: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                try await browser.submit("\(form) button[type='submit']", expecting: text, sourceLocation: sourceLocation)
            }

            // The administrator sets Roskilde's intervals and help text; a wrong number is refused with what was typed kept.
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/admin/opfoelgning']")
                try await browser.select("#settings-municipality", "265")
                try await browser.click("form.picker button")
                #expect(try await browser.waitForURL { $0.hasSuffix("?kommune=265") })
                // The browser itself stops a number outside the field's range; the server stops a text too long.
                try await browser.type("#help-text", "Ring til Roskilde Kommunes akuttelefon 46 31 00 00. " + String(repeating: "Tal med os. ", count: 170))
                try await submit(browser, "form[method='post'][action='/admin/opfoelgning']", expecting: "Hjælpeteksten må højst være 2.000 tegn.")
                #expect(try await browser.pageSource.contains("akuttelefon 46 31 00 00"), "the typed text is kept")
                try await browser.clear("#help-text")
                try await browser.type("#help-text", "Ring til Roskilde Kommunes akuttelefon 46 31 00 00, eller Livslinien på 70 201 201.")
                try await browser.clear("#lead-days")
                try await browser.type("#lead-days", "10")
                try await submit(browser, "form[method='post'][action='/admin/opfoelgning']", expecting: "Indstillingerne for Roskilde er gemt.")
                try await checks.look(browser, "indstillinger")
            }
            #expect(try await store.cases.settings(for: "265").reminderLeadDays == 10)

            // The caseworker, section by section.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.type("#search", "b-001")
                try await browser.click("form.picker button")
                #expect(try await browser.waitForURL { $0.contains("soeg=b-001") })
                #expect(try await browser.pageSource.contains("1 borgere"))
                try await browser.click("#citizens a")
                #expect(try await browser.waitForText("Borger B-001"))
                #expect(try await browser.pageSource.contains("Borgeren sagde nej tak til WHO-5 Trivselsindeks"), "a no-thanks shows on the record")
                #expect(try await browser.attribute("#hope-own-words", "checked") == nil, "own words are never ticked for the writer")
                try await browser.click("details.items summary")
                #expect(try await browser.pageSource.contains("Har jeg været glad og i godt humør: Lidt af tiden (1)"))

                try await browser.click(Self.opener("/aabning"))
                try await browser.typeDate("form[action$='/aabning'] input[name='firstContactOn']", today.adding(days: -20))
                try await browser.typeDate("form[action$='/aabning'] input[name='openedOn']", today.adding(days: -18))
                try await browser.type("form[action$='/aabning'] input[name='request']", "Hjælp til at komme ud")
                try await submit(browser, "form[action$='/aabning']", expecting: "Henvendelsen og sagens åbning er gemt.")
                try await browser.select("#phase", "assessment")
                try await submit(browser, "form[action$='/fase']", expecting: "Sagen er nu i fasen Sagsvurdering.")
                try await browser.click(Self.opener("/opmaerksomhed"))
                try await browser.type("form[action$='/opmaerksomhed'] textarea[name='note']", "Ringet til Anna; hun har det bedre")
                try await submit(browser, "form[action$='/opmaerksomhed']", expecting: "Opmærksomheden er markeret som håndteret.")

                try await browser.click("#ressourcer > details.edit summary")
                try await browser.type("#ressourcer > details.edit textarea[name='text']", "Musikalsk og god til at holde aftaler")
                try await submit(browser, "#ressourcer > details.edit form", expecting: "Ressourcer: teksten er gemt.")
                try await browser.click(Self.opener("/ressourcer/svar"))
                try await browser.type("form[action$='/ressourcer/svar'] textarea[name='comment']", "Anna vil hellere kalde det vedholdende")
                try await submit(browser, "form[action$='/ressourcer/svar']", expecting: "Borgerens kommentar er gemt.")

                // The network: a professional without a sector is refused, with what was typed kept.
                try await browser.click(Self.opener("/netvaerk"))
                try await browser.type("#network-name", "Jobcenter, Mette")
                try await browser.select("#network-kind", "professional")
                try await browser.select("#network-wish", "yes")
                try await browser.click("form[action$='/netvaerk'] input[name='coordinator']")
                try await submit(browser, "form[action$='/netvaerk']", expecting: "Sektor: vælg sektor for en professionel.")
                #expect(try await browser.attribute("#network-name", "value") == "Jobcenter, Mette")
                try await browser.select("#network-sector", "jobCentre")
                try await browser.type("form[action$='/netvaerk'] input[name='coordinatorTasks']", "Samler trådene om job og uddannelse")
                try await submit(browser, "form[action$='/netvaerk']", expecting: "Jobcenter, Mette er primær koordinator.")
                try await browser.click(Self.opener("/netvaerk"))
                try await browser.type("#network-name", "Bror, Mikkel")
                try await browser.select("#network-kind", "personal")
                try await browser.select("#network-wish", "undecided")
                try await submit(browser, "form[action$='/netvaerk']", expecting: "Bror, Mikkel er føjet til netværket.")
                // An entry changed as a new version: the brother's relation is strained for now.
                try await browser.click(Self.opener("/netvaerk/2"))
                try await browser.select("form[action$='/netvaerk/2'] select[name='state']", "strained")
                try await submit(browser, "form[action$='/netvaerk/2']", expecting: "Ændringen af Bror, Mikkel er gemt.")

                // A goal under the hope, a sub-goal under it, and the goal paused as a new version.
                try await browser.click(".hope .goals > details.edit summary")
                try await browser.type(".hope .goals > details.edit input[name='text']", "Spille i et band")
                try await submit(browser, ".hope .goals > details.edit form", expecting: "Målet »Spille i et band« er gemt.")
                try await browser.click(".goal-actions details:has(input[name='hope']) > summary")
                try await browser.type(".goal-actions details:has(input[name='hope']) input[name='text']", "Finde et øvelokale")
                try await submit(browser, ".goal-actions details:has(input[name='hope']) form", expecting: "Delmålet »Finde et øvelokale« er gemt.")
                #expect(try await browser.pageSource.contains("goal depth-1"))
                try await browser.click(".goal-actions details:has(select[name='status']) > summary")
                try await browser.select(".goal-actions select[name='status']", "paused")
                try await submit(browser, ".goal-actions details:has(select[name='status']) form", expecting: "Målet er gemt som en ny version")

                // A network meeting with the brother, a staff item, then cancelled.
                try await browser.click("#moeder > details.edit summary")
                try await browser.select("#meeting-kind", "network")
                try await browser.typeDate("#meeting-date", today.adding(days: 10))
                try await browser.select("#meeting-place", "home")
                try await browser.click("#moeder > details.edit input[value='Bror, Mikkel']")
                try await submit(browser, "#moeder > details.edit form", expecting: "Mødet er planlagt til \(today.adding(days: 10).danish)")
                try await browser.type("details.meeting form[action$='/punkt'] input[name='text']", "Hvem gør hvad i ferien")
                try await submit(browser, "details.meeting form[action$='/punkt']", expecting: "Punktet er sat på dagsordenen.")
                try await browser.select("form[id^='hold-'] select[name='state']", "cancelled")
                try await submit(browser, "form[id^='hold-']", expecting: "Mødet er registreret som aflyst.")

                // The logbook: an agreement, then done.
                try await browser.click("#logbog > details.edit summary")
                try await browser.type("#logbog > details.edit input[name='who']", "Anna")
                try await browser.type("#logbog > details.edit input[name='what']", "Spørge musikskolen om et lokale")
                try await browser.typeDate("#logbog > details.edit input[name='dueOn']", today.adding(days: 14))
                try await submit(browser, "#logbog > details.edit form", expecting: "Aftalen er skrevet i logbogen.")
                try await submit(browser, "#logbook form", expecting: "Aftalen er markeret som udført.")

                // A paper answer entered with its items, an extra measurement asked for, an intervention registered.
                try await browser.click(Self.opener("/maaling"))
                try await browser.select("form[action$='/maaling'] select[name='channel']", "paper")
                for item in 1...5 { try await browser.select("form[action$='/maaling'] select[name='item\(item)']", "3") }
                try await submit(browser, "form[action$='/maaling']", expecting: "WHO-5 Trivselsindeks fra \(today.danish) er gemt.")
                try await browser.type("form[action$='/ekstra-maaling'] input[name='reason']", "Flytning")
                try await submit(browser, "form[action$='/ekstra-maaling']", expecting: "Der er bedt om en ekstra måling")
                try await browser.click(Self.opener("/indsats"))
                try await browser.select("form[action$='/indsats'] select[name='paragraph']", "107")
                try await browser.type("form[action$='/indsats'] input[name='provider']", "Støttecentret")
                try await submit(browser, "form[action$='/indsats']", expecting: "Indsatsen § 107 hos Støttecentret er gemt.")
                try await checks.look(browser, "sag-fuld")

                // A link for the phone.
                try await browser.click("#issue-link")
                #expect(try await browser.waitForText("vises kun denne ene gang"))
            }
            let state = try await store.cases.history(of: anna.id).current
            #expect(state.network.map(\.name) == ["Jobcenter, Mette", "Bror, Mikkel"] && state.coordinator?.name == "Jobcenter, Mette")
            #expect(state.meetings.first?.state == .cancelled && state.agenda[1]?.first?.value.byCitizen == false)
            #expect(state.logbook.first?.done == true && state.currentPhase == .assessment)
            #expect(state.network.first { $0.name == "Bror, Mikkel" }?.state == .strained && state.networkVersions[2]?.count == 2)
            #expect(try await store.measurements.measurements(of: anna.id).contains { $0.channel == .paper && $0.score == 60 })
            #expect(try await store.citizens.interventions(of: anna.id).map(\.provider).contains("Støttecentret"))
            #expect(try await store.plans.goals(of: anna.id).current(1)?.status == .paused)

            // Provider staff work in the record — a review and an agreement — and see no authority act.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 2, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "udfoerer", landingOn: "/borgere"))
                try await browser.open(record)
                let html = try await browser.pageSource
                for act in ["/aabning", "/fase", "/afslutning", "/opmaerksomhed", "/egen-bruger", "/indsats"] {
                    #expect(!html.contains("action=\"/borgere/\(anna.id.uuidString)\(act)\""), "no \(act) for provider staff")
                }
                try await browser.click("#logbog > details.edit summary")
                try await browser.type("#logbog > details.edit input[name='who']", "Bostøtten")
                try await browser.type("#logbog > details.edit input[name='what']", "Følge Anna til lægen")
                try await submit(browser, "#logbog > details.edit form", expecting: "Aftalen er skrevet i logbogen.")
                try await checks.look(browser, "sag-udfoerer")
            }

            // The citizen on a phone: a comment on the resources, then a confirmation of them.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 3, windowSize: "390,844", downloads: downloads) { phone in
                #expect(try await phone.signIn(site, "borger", landingOn: "/min-side"))
                try await phone.click("#dine-ressourcer details.edit summary")
                try await phone.type("#dine-ressourcer textarea[name='comment']", "Skriv også, at jeg er god til dyr")
                try await submit(phone, "#dine-ressourcer details.edit form", expecting: "Din kommentar er sendt til din sagsbehandler.")
                try await phone.click("#confirm-resources")
                #expect(try await phone.waitForText("Du har bekræftet beskrivelsen af dine ressourcer."))
                #expect(try await phone.pageSource.contains("Din primære koordinator er <strong>Jobcenter, Mette</strong>."))
                try await checks.look(phone, "min-side-ressourcer")
            }
            #expect(try await store.cases.history(of: anna.id).current.resourceResponses.map(\.value.confirmed) == [false, false, true])

            // A low answer through a link: the help after "tak" is the municipality's own.
            let link = try await WebDriver.withBrowser(client: app.client, port: driverPort + 4, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.open(record)
                try await browser.click("#issue-link")
                #expect(try await browser.waitForText("vises kun denne ene gang"))
                return try await browser.command(.GET, "/element/\(try await browser.element("#new-link"))/text", nil) as? String ?? ""
            }
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 5, windowSize: "390,844", downloads: downloads) { phone in
                // The link names Roret's public address (not configured here): the same path on the test server.
                let token = try #require(link.components(separatedBy: "/svar/").last)
                try await phone.open(site + "/svar/" + token)
                for item in 1...5 { try await phone.click("input[name='item\(item)'][value='0']") }
                try await phone.click("#send")
                #expect(try await phone.waitForText("Hvis du har det svært lige nu"))
                #expect(try await phone.pageSource.contains("akuttelefon 46 31 00 00"))
                try await phone.screenshot(shots + "/forms-390-tak-hjaelp.png")
                #expect(try await !phone.overflowsHorizontally)
            }

            // The caseworker handles the new alert from the overview, then ends the case.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 6, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.click("nav a[href='/opfoelgning']")
                #expect(try await browser.waitForText("Opmærksomhed på borgerens egne svar"))
                try await browser.click("ul.follow-up details.edit summary")
                try await browser.type("ul.follow-up textarea[name='note']", "Talt med Anna samme dag")
                try await submit(browser, "ul.follow-up form", expecting: "Opmærksomheden er markeret som håndteret.")
                #expect(try await !browser.pageSource.contains("WHO-5 Trivselsindeks 0 — i båndet 0–35"))
                try await checks.look(browser, "opfoelgning-haandteret")
                try await browser.open(record)
                try await browser.click(Self.opener("/afslutning"))
                try await browser.select("form[action$='/afslutning'] select[name='reason']", "otherSupport")
                try await browser.type("form[action$='/afslutning'] textarea[name='stepDownPlan']", "Bostøtten trappes ned over to måneder, som Anna er klar")
                try await browser.click("form[action$='/afslutning'] input[name='safetyNet']")
                try await submit(browser, "form[action$='/afslutning']", expecting: "Sagen er afsluttet pr. \(today.danish).")
                try await browser.click("nav a[href='/borgere']")
                #expect(try await browser.waitForText("Ingen borgere passer til søgningen."), "an ended case is not among the active")
                try await browser.select("select[name='status']", "afsluttede")
                try await browser.click("form.picker button")
                #expect(try await browser.waitForURL { $0.contains("status=afsluttede") })
                #expect(try await browser.pageSource.contains("(afsluttet)"))
                try await checks.look(browser, "borgere-afsluttede")
            }
            #expect(try await store.cases.history(of: anna.id).current.ending?.value.reason == .otherSupport)

            // The leader downloads the indicators.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 7, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/praksis']")
                #expect(try await browser.waitForText("Indikatorerne pr."))
                try await browser.click("a[href='/praksis/praksis.csv']")
                var found = false
                for _ in 0..<50 where !found {
                    found = (try? FileManager.default.contentsOfDirectory(atPath: downloads))?.contains { $0.hasPrefix("roret-praksis-") && $0.hasSuffix(".csv") } ?? false
                    if !found { try await Task.sleep(for: .milliseconds(200)) }
                }
                #expect(found, "the CSV arrived in the downloads")
            }
            try checks.writeReport()
        }
    }
}
}
