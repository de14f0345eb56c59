import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// Case work in a real Chromium, as each role does it: the caseworker opens
/// a case at first contact, writes hopes and a goal under them and plans a
/// meeting; the citizen adds an agenda item on a phone; the caseworker holds
/// the meeting with the citizen's rating and records a review without
/// change; the leader sees the indicators move. Screenshots of the
/// follow-up overview, the record, *Min side* and *Praksis* at 1366 and
/// 390 px, checked for sideways scrolling and with axe-core.
@Suite(.serialized) struct EndToEndCaseWorkTests {
    /// The I1 cell of the leader's *Praksis* table (value and counts).
    static func i1(_ browser: WebDriver) async throws -> String {
        let script = "var r = Array.from(document.querySelectorAll('#indicators tbody tr')).find(function (tr) { return tr.querySelector('.code').textContent === 'I1'; }); return r.querySelector('td').textContent;"
        return try await browser.command(.POST, "/execute/sync", ["script": script, "args": []]) as? String ?? ""
    }

    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func aCaseFromFirstContactToAReviewedMeeting() async throws {
        try await EndToEndTrustTests.serving(importDemo: true) { app, site, driverPort in
            try await PracticePageTests().seed(app)
            let store = Store(database: app.db)
            let today = DanishDate.today
            let checks = PageChecks("case")
            // The leader's indicators before: 6 active records, 5 with hopes.
            let before = try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/praksis']")
                #expect(try await browser.waitForURL { $0.hasSuffix("/praksis") })
                return try await Self.i1(browser)
            }
            #expect(before == "83,3 %5 / 6")

            // The caseworker opens the case at first contact, writes hopes and a goal, plans a meeting, gives access to Min side.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.click("details.edit summary")
                try await browser.type("#pseudonym", "B-200")
                try await browser.type("#name", "Dorte")
                try await browser.typeDate("#first-contact", today.adding(days: -2))
                try await browser.type("#request", "Ensom efter flytning")
                try await browser.click("#create-citizen")
                #expect(try await browser.waitForText("Sagen for B-200 er oprettet."))
                try await browser.click("#haab .grid2 details.edit summary")
                try await browser.type("#hope-text", "At have nogen at drikke kaffe med om søndagen")
                try await browser.click("#hope-own-words")
                try await browser.click("#save-hope")
                #expect(try await browser.waitForText("teksten er gemt"))
                try await browser.click(".hope .goals > details.edit summary")
                try await browser.type(".hope .goals > details.edit input[name='text']", "Komme med i et fællesskab")
                try await browser.click(".hope .goals > details.edit button[type='submit']")
                #expect(try await browser.waitForText("Målet »Komme med i et fællesskab« er gemt."))
                try await browser.click("#moeder > details.edit summary")
                try await browser.select("#meeting-kind", "first")
                try await browser.typeDate("#meeting-date", today.adding(days: 3))
                try await browser.select("#meeting-place", "cafeOrPark")
                try await browser.click("#plan-meeting")
                #expect(try await browser.waitForText("Mødet er planlagt til \(today.adding(days: 3).danish)"))
                try await browser.type("#own-account", "borger")
                try await browser.click("form[action$='/egen-bruger'] button")
                #expect(try await browser.waitForText("borger kan nu se sin plan"))
                try await browser.command(.POST, "/refresh", [:])
                let citizen = try #require(try await store.citizens.find(accountUsername: "borger"))
                #expect(try await store.plans.goals(of: citizen.id).versions.count == 1, "a refresh resubmits nothing")
            }
            // The citizen adds an item to the meeting on a phone.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 2, windowSize: "390,844", downloads: FileManager.default.temporaryDirectory.path) { phone in
                #expect(try await phone.signIn(site, "borger", landingOn: "/min-side"))
                #expect(try await phone.pageSource.contains("Første møde \(today.adding(days: 3).danish)"))
                try await phone.type("#own-item", "Hvordan jeg kan møde andre uden at blive for træt")
                try await phone.click("#add-own-item")
                #expect(try await phone.waitForText("Dit punkt er sat på dagsordenen"))
                #expect(try await phone.pageSource.contains("Dit punkt: Hvordan jeg kan møde andre"))
                try await checks.look(phone, "min-side")
            }
            // The caseworker holds the meeting with the citizen's ratings and follows up the goal without changing it.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 3, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.click("a[href^='/borgere/']")
                #expect(try await browser.waitForText("Borgerens punkt: Hvordan jeg kan møde andre"))
                try await browser.typeDate("form[id^='hold-'] input[name='date']", today)
                try await browser.click("form[id^='hold-'] input[name='tookPart'][value='ja']")
                try await browser.click("form[id^='hold-'] input[name='goals[]']")
                try await browser.type("form[id^='hold-'] textarea[name='agreements']", "Dorte prøver caféen i Klubhuset")
                try await browser.type("form[id^='hold-'] input[name='ratingOfHelp']", "7")
                try await browser.type("form[id^='hold-'] input[name='ratingOfProgress']", "5")
                try await browser.click("form[id^='hold-'] button[type='submit']")
                #expect(try await browser.waitForText("Mødet er registreret som holdt."))
                #expect(try await browser.pageSource.contains("Borgerens vurdering: hjælpen 7/10, fremskridt 5/10"))
                try await browser.click(".goal-actions details.edit summary")
                try await browser.click(".goal-actions input[name='tookPart'][value='ja']")
                try await browser.select(".goal-actions select[name='view']", "onTheWay")
                try await browser.click(".goal-actions form[action$='/opfoelgning'] button[type='submit']")
                #expect(try await browser.waitForText("Opfølgningen er gemt"))
                #expect(try await browser.pageSource.contains("Fulgt op \(today.danish) (sagsbehandler), med borgeren. Borgeren: på vej."))
                try await checks.look(browser, "sag")
                try await browser.click("nav a[href='/opfoelgning']")
                #expect(try await browser.waitForURL { $0.hasSuffix("/opfoelgning") })
                try await checks.look(browser, "opfoelgning")
                try await browser.click("nav a[href='/borgere']")
                #expect(try await browser.waitForURL { $0.hasSuffix("/borgere") })
                try await checks.look(browser, "borgere")
            }
            let citizen = try #require(try await store.citizens.find(accountUsername: "borger"))
            let state = try await store.cases.history(of: citizen.id).current
            #expect(state.meetings.first?.ratingOfHelp == 7 && state.meetings.first?.citizenTookPart == true)
            #expect(state.reviews.first?.value.citizensView == .onTheWay)
            #expect(try await store.plans.goals(of: citizen.id).versions.count == 1, "the review changed nothing in the goal")
            // The leader sees the indicators move: 7 active records, 6 with hopes.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 4, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.open(site + "/praksis")
                #expect(try await Self.i1(browser) == "85,7 %6 / 7")
                try await checks.look(browser, "praksis")
            }
            try checks.writeReport()
        }
    }
}
}
