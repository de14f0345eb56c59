import RoretCore
import RoretStore
import Vapor

/// The citizen's consent and contact for links (*samtykke og kontakt*),
/// kept by those who work on the record: recorded with the consent box
/// ticked, withdrawn in one step (the contact deleted, unsent messages
/// cancelled). Both audited.
struct CitizenContactRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let one = routes.grouped("borgere", ":citizen", "kontakt")
        one.post(use: save)
        one.post("tilbagekald", use: withdraw)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        var form = FormReader(req)
        let parsed = CitizenContact.parse(phone: form.text("phone"), email: form.text("email"), consent: form.flag("consent"))
        let contact: CitizenContact
        switch parsed {
        case .failure(let problems): return try await req.recordPage(citizen, failed: form.failed("contact", more: problems.messages))
        case .success(let c): contact = c
        }
        let username = try req.requireAccount().username
        try await req.audited(.contactChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): samtykke og kontakt til links registreret" }) { store in
            try await store.contacts.save(contact, for: citizen.id, by: username, on: DanishDate.today)
        }
        return req.saved(citizen, "Borgerens samtykke og kontakt er gemt. Links til målinger kan nu sendes til borgeren.", anchor: "kontakt")
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        let withdrawn = try await req.audited(.contactChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): samtykke til links trukket tilbage, kontakt slettet" }) { store in
            try await store.contacts.withdraw(for: citizen.id)
        }
        return req.saved(citizen, withdrawn ? "Samtykket er trukket tilbage. Borgerens mobilnummer og e-mail er slettet, og beskeder, der ikke var sendt, er annulleret."
                                            : "Der var ikke noget samtykke at trække tilbage.", anchor: "kontakt")
    }
}
