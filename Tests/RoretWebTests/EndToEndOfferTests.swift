import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// The offers' results documentation in a real Chromium, as its users work:
/// the offer's leader runs the self-evaluation and builds the theory of
/// change (issue 12's scenario); staff describe, plan and map journeys;
/// the municipality's leader reads; the administrator registers an offer.
@Suite(.serialized) struct EndToEndOfferTests {
    static func opener(_ css: String) -> String { "details:has(\(css)) > summary" }

    /// A leader account for Bostedet (`tilbudsleder`, provider staff who leads the offer); Bostedet's id.
    static func leadBostedet(_ app: Application) async throws -> UUID {
        let store = Store(database: app.db)
        let accounts = AccountService(store: store, bcryptCost: 4, threadPool: app.threadPool)
        _ = try await accounts.add(username: "tilbudsleder", displayName: "Tina Tilbudsleder", role: .provider, area: "265", password: testPassword, provider: "Bostedet", by: "test")
        let offer = try #require(try await store.offers.all(municipality: "265").first { $0.name == "Bostedet" })
        let id = try #require(UUID(uuidString: offer.id))
        _ = try await store.offers.update(id, name: "Bostedet", paragraphs: [.p85], leader: "tilbudsleder")
        return id
    }

    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func theLeaderEvaluatesAndBuildsATheoryOfChangeInTwoVersionsAndPrintsIt() async throws {
        try await EndToEndTrustTests.serving(importDemo: true) { app, site, driverPort in
            let store = Store(database: app.db)
            let bostedet = try await Self.leadBostedet(app)
            let checks = PageChecks("offer")
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "tilbudsleder", landingOn: "/borgere"))
                try await browser.click("nav a[href='/tilbud']")
                #expect(try await browser.waitForText("Din rolle"))
                try await browser.click("#offers a")
                #expect(try await browser.waitForText("Resultatdokumentationens syv faser"))
                #expect(try await browser.pageSource.contains("1. Afklaring"))
                try await checks.look(browser, "forside")

                // Afklaring: a round, answered alone, then agreed; O5 (a high risk) pulls Organisering down.
                try await browser.click("nav.sections a[href$='/selvevaluering']")
                #expect(try await browser.waitForText("Modenhed i dokumentationspraksis"))
                try await browser.type("#round-title", "Forår 2027")
                try await browser.submit("#open-round", expecting: "Selvevalueringen »Forår 2027« er oprettet.")
                for item in SelfEvaluation.items {
                    try await browser.click("input[name='a-\(item.id)'][value='\(item.id == "K1" ? "vedikke" : item.id == "O5" ? "5" : "4")']")
                }
                try await browser.submit("#save-answers", expecting: "Dine svar er gemt.")
                #expect(try await browser.pageSource.contains("Ved ikke: 1"), "the summary counts Ved ikke apart")
                try await browser.click(Self.opener("#agree-form"))
                for item in SelfEvaluation.items { try await browser.select("#s-\(item.id)", item.id == "O5" ? "5" : "4") }
                try await browser.type("#u-C2", "Data som fast punkt på personalemødet")
                try await browser.submit("#save-agreement", expecting: "alle 24 spørgsmål er nu besvaret i fællesskab")
                #expect(try await browser.pageSource.contains("fælles gennemsnit 3,4"), "Organisering: (4 + 4 + 4 + 4 + (6 − 5)) / 5 = 3,4")
                try await checks.look(browser, "selvevaluering")
                try await browser.type("#owner-C2", "Tina")
                try await browser.submit("#make-action-C2", expecting: "Handlingen er oprettet med Tina som ansvarlig.")
                #expect(try await browser.pageSource.contains("Data som fast punkt på personalemødet"))
                try await browser.click("nav.sections a[href$='/selvevaluering']")
                #expect(try await browser.waitForText("Udvikling over tid"))
                try await browser.click("#reached-2")
                try await browser.submit("#save-maturity", expecting: "Modenheden er gemt: 2. Opstilling af mål og udviklingsorienterede samtaler.")
                try await checks.look(browser, "afklaring")

                // Forandringsteori: three boxes, two arrows, a first version.
                try await browser.click("nav.sections a[href$='/forandringsteori']")
                #expect(try await browser.waitForText("Kortet har ingen bokse endnu."))
                for (n, (column, text, indicator)) in [("0", "Samtaler om hverdagen", ""), ("1", "Borgeren føler sig tryg", "Antal borgere"), ("3", "Borgeren bor i egen bolig", "WHO-5 Trivselsindeks: score")].enumerated() {
                    try await browser.click(Self.opener("#new-box"))
                    try await browser.select("#new-box-column", column)
                    try await browser.type("#new-box-text", text)
                    if !indicator.isEmpty { try await browser.select("#new-box-indicator", indicator) }
                    // Each save's own message: the one before is still on the page until the next loads.
                    try await browser.submit("#add-box", expecting: "Boks B\(n + 1) er gemt.")
                }
                for (from, to, mechanism) in [("B1", "B2", "Relationen giver tryghed"), ("B2", "B3", "Tryghed giver mod til at prøve selv")] {
                    try await browser.click(Self.opener("#new-arrow"))
                    try await browser.select("#new-arrow-from", from)
                    try await browser.select("#new-arrow-to", to)
                    try await browser.type("#new-arrow-mechanism", mechanism)
                    try await browser.submit("#add-arrow", expecting: "Pilen \(from) → \(to) er gemt.")
                }
                try await browser.submit("#save-version", expecting: "Forandringsteorien er gemt som version 1.")
                // A gap: the last box is uncertain, and why.
                try await browser.click(Self.opener("#box-B3-uncertain"))
                try await browser.click("#box-B3-uncertain")
                try await browser.submit("#box-B3-save", expecting: "Boks B3 er gemt.")
                try await browser.type("#theory-gaps", "Vi ved ikke, om trygheden alene rækker til egen bolig.")
                try await browser.submit("#save-texts", expecting: "Mål, målgruppe, huller og referat er gemt.")
                #expect(try await browser.pageSource.contains("stroke-dasharray"), "the gap is drawn dashed")
                try await browser.submit("#save-version", expecting: "Forandringsteorien er gemt som version 2.")
                try await checks.look(browser, "forandringsteori")
                // A refresh after the save resubmits nothing.
                try await browser.open(try await browser.currentURL)
                #expect(try await store.offers.versions(TheoryOfChange.self, offer: bostedet, kind: .theory, key: "map").count == 2)

                // Version 1 stays as it was; version 2 prints on A4 landscape.
                try await browser.click("#versions a[href$='/version/1']")
                #expect(try await browser.waitForText("version 1"))
                #expect(try await !browser.pageSource.contains("Vi ved ikke, om trygheden"))
                try await browser.open(site + "/tilbud/\(bostedet.uuidString)/forandringsteori")
                try await browser.click("#versions a[href$='/version/2']")
                #expect(try await browser.waitForText("Vi ved ikke, om trygheden alene rækker til egen bolig."))
                try await browser.click("#print-view")
                #expect(try await browser.waitForURL { $0.hasSuffix("udskriv=1") })
                let printed = try await browser.pageSource
                #expect(printed.contains("<body class=\"print\"") && printed.contains("class=\"landscape\""))
                #expect(printed.contains("Indikator: WHO-5 Trivselsindeks: score") && printed.contains("B3 ?"))
                try await checks.look(browser, "udskrift")

                // The draft again: an arrow's mechanism changed, a box and an arrow added and deleted.
                try await browser.open(site + "/tilbud/\(bostedet.uuidString)/forandringsteori")
                try await browser.click(Self.opener("#arrow-B2-B3-save"))
                try await browser.clear("form:has(#arrow-B2-B3-save) textarea[name='mechanism']")
                try await browser.type("form:has(#arrow-B2-B3-save) textarea[name='mechanism']", "Tryghed giver mod til at bo selv")
                try await browser.submit("#arrow-B2-B3-save", expecting: "Pilen B2 → B3 er gemt.")
                try await browser.click(Self.opener("#new-box"))
                try await browser.select("#new-box-column", "2")
                try await browser.type("#new-box-text", "Borgeren klarer hverdagen")
                try await browser.submit("#add-box", expecting: "Boks B4 er gemt.")
                try await browser.click(Self.opener("#new-arrow"))
                try await browser.select("#new-arrow-from", "B2")
                try await browser.select("#new-arrow-to", "B4")
                try await browser.type("#new-arrow-mechanism", "Øvelse")
                try await browser.submit("#add-arrow", expecting: "Pilen B2 → B4 er gemt.")
                try await browser.click(Self.opener("form[action$='/pil/slet'] input[name='to'][value='B4']"))
                try await browser.submit("details:has(input[name='to'][value='B4']) form[action$='/pil/slet'] button", expecting: "Pilen B2 → B4 er slettet.")
                try await browser.click(Self.opener("#box-B4-save"))
                try await browser.submit("details:has(#box-B4-save) form[action$='/boks/slet'] button", expecting: "Boks B4 og dens pile er slettet.")
                #expect(try await browser.pageSource.contains("Tryghed giver mod til at bo selv"))

                // Planning: the documentation strategy for a result of the saved theory.
                try await browser.click("nav.sections a[href$='/planlaegning']")
                #expect(try await browser.waitForText("Strategi for dokumentation"))
                try await browser.type("#q0-B3", "Om borgerne kan blive boende")
                try await browser.type("#q1-B3", "For at vide, om trygheden rækker")
                try await browser.type("#q2-B3", "Til samtalen med myndigheden")
                try await browser.submit("#save-strategy", expecting: "Strategien for dokumentation er gemt: 1 element har svar på alle tre spørgsmål.")
                try await checks.look(browser, "strategi")
            }
            let round = try #require(try await store.offers.current(SelfEvaluationRound.self, offer: bostedet, kind: .selfEvaluation).first?.value)
            #expect(round.isAgreed && round.agreed["O5"]?.score == 5)
            #expect(try await store.offers.current(Maturity.self, offer: bostedet, kind: .maturity, key: "maturity")?.value.reached == 2)
            let versions = try await store.offers.versions(TheoryOfChange.self, offer: bostedet, kind: .theory, key: "map")
            #expect(versions.map { $0.value.boxes.count } == [3, 3] && versions.map { $0.value.arrows.count } == [2, 2])
            #expect(!versions[0].value.boxes[2].uncertain && versions[1].value.boxes[2].uncertain && versions[1].value.gaps.hasPrefix("Vi ved ikke"))
            try checks.writeReport()
        }
    }

    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func staffDescribeAndPlanTheLeaderReadsTheAdministratorRegisters() async throws {
        try await EndToEndTrustTests.serving(importDemo: true) { app, site, driverPort in
            let store = Store(database: app.db)
            let bostedet = try await Self.leadBostedet(app)
            let anna = try await CitizenWebTests().anna(app)
            let base = site + "/tilbud/\(bostedet.uuidString)"
            let checks = PageChecks("offer-forms")
            // Staff: the checklist, an intervention, an action done, a journey, the plans.
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "udfoerer", landingOn: "/borgere"))
                try await browser.open(base)
                #expect(try await browser.waitForText("Resultatdokumentationens syv faser"))
                try await browser.click("#fase-1 details > summary")
                try await browser.click("#fase-1 input[name='items[]'][value='0']")
                try await browser.click("#fase-1 input[name='items[]'][value='1']")
                try await browser.submit("#save-checklist-1", expecting: "Huskelisten for Afklaring er gemt: 2 af 6 punkter er krydset af.")
                try await browser.click(Self.opener("#intervention-new-name"))
                try await browser.submit("#intervention-new-save", expecting: "Navn: skriv indsatsens navn.")
                try await browser.type("#intervention-new-name", "Bostøtte i eget hjem")
                try await browser.type("#intervention-new-target", "Voksne i egen bolig")
                try await browser.type("#intervention-new-subgroups", "Unge 18–29 år\nVoksne 30+")
                try await browser.submit("#intervention-new-save", expecting: "Indsatsen »Bostøtte i eget hjem« er gemt.")
                #expect(try await browser.pageSource.contains("Unge 18–29 år, Voksne 30+"))
                // The intervention changed: who is not in its target group.
                try await browser.click("section.intervention details > summary")
                try await browser.type("section.intervention textarea[name='notInTargetGroup']", "Borgere med behov for døgnstøtte")
                try await browser.submit("section.intervention button[type='submit']", expecting: "Indsatsen »Bostøtte i eget hjem« er gemt.")
                #expect(try await browser.pageSource.contains("Borgere med behov for døgnstøtte"))
                try await browser.click(Self.opener("#action-text"))
                try await browser.type("#action-text", "Introducere WHO-5 for alle nye borgere")
                try await browser.type("#action-owner", "Kontaktpersonerne")
                try await browser.submit("#save-action", expecting: "Handlingen er oprettet med Kontaktpersonerne som ansvarlig.")
                try await browser.submit("#actions button.secondary", expecting: "Handlingen er markeret som udført.")
                try await browser.submit("#actions button.textlink", expecting: "Handlingen er åbnet igen.")
                try await checks.look(browser, "forside")

                // A concrete citizen's journey: Anna, with a documentation point that the measurement plan then offers.
                try await browser.click("nav.sections a[href$='/borgerrejser']")
                #expect(try await browser.waitForText("Ny borgerrejse"))
                try await browser.type("#journey-title", "Annas første halve år")
                try await browser.select("#journey-kind", "concrete")
                try await browser.select("#journey-pseudonym", anna.pseudonym)
                try await browser.submit("#create-journey", expecting: "Borgerrejsen »Annas første halve år« er oprettet.")
                try await browser.type("#cell-0-1", "Første besøg hjemme")
                try await browser.click("#doc-1")
                try await browser.type("#journey-new-column", "9 måneder")
                try await browser.submit("#save-journey", expecting: "Borgerrejsen er gemt med tidspunktet »9 måneder«.")
                #expect(try await browser.pageSource.contains(">Første besøg hjemme</textarea>"))
                try await checks.look(browser, "borgerrejse")

                try await browser.click("nav.sections a[href$='/planlaegning']")
                #expect(try await browser.waitForText("Dataindsamlingsplan"))
                #expect(try await browser.pageSource.contains("Forandringsteorien har ingen resultater endnu."))
                try await browser.click(Self.opener("#instrument-name"))
                try await browser.type("#instrument-name", "Hverdagsskema")
                try await browser.type("#instrument-items", "Jeg handler selv ind\nJeg laver selv mad\nJeg kommer ud blandt andre")
                try await browser.submit("#add-instrument", expecting: "Redskabet »Hverdagsskema« er føjet til kataloget (sumscore 3–15).")
                try await browser.click(Self.opener("#gas-name"))
                try await browser.type("#gas-name", "Målopfyldelse")
                try await browser.submit("#add-gas", expecting: "Redskabet »Målopfyldelse« er føjet til kataloget.")
                try await browser.click(Self.opener("#points-interval"))
                try await browser.clear("#points-interval")
                try await browser.type("#points-interval", "3")
                try await browser.click("input[name='fromJourneys[]']")
                try await browser.submit("#save-points", expecting: "Målepunkterne er gemt.")
                #expect(try await browser.pageSource.contains("Opfølgningsmåling: hver 3. måned"))
                #expect(try await browser.pageSource.contains("Fra borgerrejser: Annas første halve år"))
                try await browser.type("#collection-q1", "Kontaktpersonen sammen med borgeren")
                try await browser.type("#collection-q14", "Teamlederen hvert kvartal")
                try await browser.submit("#save-collection", expecting: "Dataindsamlingsplanen er gemt: 2 af 14 spørgsmål har en aftale.")
                try await browser.select("#event-month", "6")
                try await browser.select("#event-kind", "meeting")
                try await browser.type("#event-text", "Lærings- og refleksionsmøde")
                try await browser.submit("#add-event", expecting: "»Lærings- og refleksionsmøde« er sat i årshjulet i juni.")
                try await browser.submit("#year button.textlink", expecting: "»Lærings- og refleksionsmøde« er fjernet fra årshjulet.")
                try await checks.look(browser, "planlaegning")

                // Collection: a WHO-5 answer for Anna, a goal and its follow-up.
                try await browser.click("nav.sections a[href$='/indsamling']")
                #expect(try await browser.waitForText(anna.pseudonym))
                try await browser.click("#collection a")
                #expect(try await browser.waitForText("Registrér WHO-5 Trivselsindeks"))
                // Anna follows the home support, in the young adults' sub-group.
                let intervention = try #require(try await browser.attribute("#enrol-intervention option:nth-child(2)", "value"))
                try await browser.select("#enrol-intervention", intervention)
                try await browser.select("#enrol-subgroup", "Unge 18–29 år")
                try await browser.submit("#save-enrolment", expecting: "Tilknytningen er gemt: Bostøtte i eget hjem, Unge 18–29 år.")
                try await browser.click(Self.opener("#answer-who5"))
                for item in 1...5 { try await browser.select("#answer-who5 select[name='item\(item)']", item == 5 ? "4" : "3") }
                try await browser.select("#answer-who5 select[name='point']", "start")
                try await browser.submit("#save-answer-who5", expecting: "Opstartsmåling med WHO-5 Trivselsindeks er gemt. Scoren er 64.")
                try await browser.click(Self.opener("#goal-text"))
                try await browser.type("#goal-text", "Handle ind selv")
                try await browser.submit("#save-goal", expecting: "Målet »Handle ind selv« er gemt.")
                try await browser.click("#maal ~ section.goal details > summary")
                try await browser.submit("section.goal button[type='submit']", expecting: "Opfølgningen er gemt: Mål om positiv udvikling – nået.")
                try await checks.look(browser, "indsamling")
                // A follow-up for Anna, and a result box that names WHO-5: the map shows the measured value.
                try await browser.click(Self.opener("#answer-who5"))
                for item in 1...5 { try await browser.select("#answer-who5 select[name='item\(item)']", "4") }
                try await browser.select("#answer-who5 select[name='point']", "followUp")
                try await browser.submit("#save-answer-who5", expecting: "Opfølgningsmåling med WHO-5 Trivselsindeks er gemt. Scoren er 80.")
                try await browser.open(base + "/forandringsteori")
                try await browser.click(Self.opener("#new-box"))
                try await browser.select("#new-box-column", "3")
                try await browser.type("#new-box-text", "Borgerne trives bedre")
                try await browser.select("#new-box-indicator", "WHO-5 Trivselsindeks: score")
                try await browser.submit("#add-box", expecting: "Boks B1 er gemt.")
                #expect(try await browser.pageSource.contains("64,0 → 80,0 (+16,0; 1 borgere)"), "the box shows start → latest follow-up for the same citizens")
                try await checks.look(browser, "resultatkort-med-vaerdier")
            }
            let plan = try #require(try await store.offers.current(MeasurementPlan.self, offer: bostedet, kind: .measurementPlan, key: "plan")?.value)
            #expect(plan.points.followUpMonths == 3 && plan.fromJourneys.count == 1 && plan.fromJourneys[0].hasPrefix("Annas første halve år: "))
            #expect(try await store.offers.current(InstrumentCatalogue.self, offer: bostedet, kind: .instruments, key: "catalogue")?.value.own.map(\.kind) == [.simple, .goalAttainment])

            // The municipality's leader reads without forms; Anna's journey is not theirs to see.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/tilbud']")
                #expect(try await browser.waitForText("Bostedet"))
                try await browser.click("#offers a")
                #expect(try await browser.waitForText("Bostøtte i eget hjem"))
                #expect(try await !browser.pageSource.contains("Gem huskelisten"))
                try await browser.click("nav.sections a[href$='/borgerrejser']")
                #expect(try await browser.waitForText("Skjult (kun tilbuddets medarbejdere)"))
                #expect(try await !withoutRandomParts(browser.pageSource).contains(anna.pseudonym))
                try await browser.click("nav.sections a[href$='/selvevaluering']")
                #expect(try await browser.waitForText("Modenhed i dokumentationspraksis"))
                #expect(try await !browser.pageSource.contains("Gem modenheden"))
                try await checks.look(browser, "leder-afklaring")
                try await browser.click("nav.sections a[href$='/analyse']")
                #expect(try await browser.waitForText("Gennemførte og afbrudte forløb"))
                try await checks.look(browser, "leder-analyse")
            }

            // The administrator registers an offer and ties a new staff member to it.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 2, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/admin/tilbud']")
                #expect(try await browser.waitForText("Opret tilbud"))
                try await browser.type("#offer-name", "Skovvang midlertidigt")
                try await browser.type("#offer-municipality", "265")
                try await browser.click("#offer-p107")
                try await browser.type("#offer-leader", "leder")
                try await browser.submit("#create-offer", expecting: "Tilbuddet »Skovvang midlertidigt« er oprettet i kommune 265.")
                // Renamed: the name is what staff accounts and interventions show.
                try await browser.click("details.panel:has(input[value='Skovvang midlertidigt']) > summary")
                try await browser.clear("details.panel:has(input[value='Skovvang midlertidigt']) input[name='name']")
                // (The value attribute keeps the old name while the field is typed in, so it still picks the row.)
                try await browser.type("details.panel:has(input[value='Skovvang midlertidigt']) input[name='name']", "Skovvang")
                try await browser.submit("details.panel:has(input[value='Skovvang midlertidigt']) button[type='submit']", expecting: "Tilbuddet »Skovvang« er gemt.")
                try await checks.look(browser, "admin-tilbud")
                try await browser.click("nav a[href='/admin/brugere']")
                #expect(try await browser.waitForText("Opret bruger"))
                try await browser.type("input[name='username']", "skovvang-1")
                try await browser.select("select[name='role']", "provider")
                try await browser.type("input[name='area']", "265")
                let skovvang = try #require(try await store.offers.all(municipality: "265").first { $0.name == "Skovvang" })
                try await browser.select("#user-offer", skovvang.id)
                try await browser.submit("form[action='/admin/brugere'] button[type='submit']", expecting: "Brugeren skovvang-1 er oprettet.")
            }
            #expect(try await store.accounts.find(username: "skovvang-1")?.provider == "Skovvang")

            // The caseworker picks a known offer for a new intervention.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 3, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.open(site + "/borgere/\(anna.id.uuidString)")
                // The offer's status report in the caseworker's record.
                #expect(try await browser.waitForText("Statusrapporter fra tilbud"))
                #expect(try await browser.pageSource.contains("Handle ind selv"))
                try await checks.look(browser, "statusrapport")
                try await browser.click("#indsatser details > summary")
                #expect(try await browser.pageSource.contains("<option value=\"Skovvang\">"), "the municipality's offers are suggested")
                try await browser.select("#indsatser select[name='paragraph']", "107")
                try await browser.type("#indsatser input[name='provider']", "Skovvang")
                try await browser.submit("#indsatser form[action$='/indsats'] button[type='submit']", expecting: "Indsatsen § 107 hos Skovvang er gemt.")
            }
            let skovvangID = try await store.offers.all(municipality: "265").first { $0.name == "Skovvang" }?.id
            #expect(try await store.citizens.interventions(of: anna.id).contains { $0.provider == "Skovvang" && $0.offerID?.uuidString == skovvangID })
            try checks.writeReport()
        }
    }
}
}
