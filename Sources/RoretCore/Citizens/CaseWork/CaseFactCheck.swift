/// What is wrong with a fact before it is recorded (*kontrol*): every
/// problem at once, in Danish, each naming the field it is about. Nothing
/// is recorded while there is one.
public enum CaseFactCheck {
    static let longText = 4000
    static let shortText = 500

    /// The problems with recording `fact` on the snapshot's day in the case as it stands then.
    public static func problems(_ fact: CaseFact, in s: CaseSnapshot) -> [String] {
        var p: [String] = []
        let today = s.day
        func text(_ value: String, _ field: String, required: Bool = false, max: Int = longText) {
            if required && value.allSatisfy(\.isWhitespace) { p.append("\(field): skal udfyldes.") }
            if value.count > max { p.append("\(field): højst \(max) tegn.") }
        }
        switch fact {
        case .opening(let o):
            if o.firstContactOn > o.openedOn { p.append("Henvendelse: datoen er efter sagens åbning (\(o.openedOn.danish)).") }
            if o.openedOn > today { p.append("Sagen åbnet: datoen er efter i dag.") }
            if let promised = o.answerPromisedOn, promised < o.firstContactOn { p.append("Svar lovet senest: datoen er før henvendelsen.") }
            text(o.request, "Hvad borgeren henvender sig om", max: shortText)
        case .phase:
            break
        case .review(let r):
            if let goal = s.goals.current(r.goalID) {
                if !goal.isOpen { p.append("Målet er \(goal.status.danishName.lowercased()); det følges ikke op.") }
            } else {
                p.append("Målet findes ikke i planen.")
            }
            if let next = r.nextFollowUpOn, next < today { p.append("Næste opfølgning: datoen er før i dag.") }
            text(r.note, "Notat")
        case .resources(let r):
            if !s.currentTexts(.resource).contains(where: { $0.id == r.entryID }) {
                p.append("Ressourcebeskrivelsen er ændret siden; læs den nye, og svar på den.")
            }
            if !r.confirmed && r.comment.allSatisfy(\.isWhitespace) { p.append("Kommentar: skriv en kommentar, eller bekræft beskrivelsen.") }
            text(r.comment, "Kommentar")
        case .network(let n):
            text(n.name, "Navn", required: true, max: 200)
            text(n.helpsWith, "Hvad de kan hjælpe med")
            text(n.coordinatorTasks, "Koordinatorens opgaver")
            text(n.citizenKeeps, "Opgaver, borgeren selv har")
            if n.kind == .professional && n.sector == nil { p.append("Sektor: vælg sektor for en professionel.") }
            if n.entryID != 0 && s.state.networkVersions[n.entryID] == nil { p.append("Personen eller fællesskabet findes ikke i netværket.") }
        case .meeting(let m):
            if m.meetingID != 0 && s.state.meetingVersions[m.meetingID] == nil { p.append("Mødet findes ikke.") }
            if let invited = m.invitedOn, invited > m.date { p.append("Indkaldt: datoen er efter mødet.") }
            if m.state == .held {
                if m.date > today { p.append("Mødedato: et møde kan ikke være holdt efter i dag.") }
                if m.citizenTookPart == nil { p.append("Deltog borgeren: vælg ja eller nej.") }
            }
            for (value, field) in [(m.ratingOfHelp, "Borgerens vurdering af hjælpen"), (m.ratingOfProgress, "Borgerens vurdering af fremskridt")] {
                if let value, !(0...10).contains(value) { p.append("\(field): skal være fra 0 til 10.") }
            }
            if m.participants.count > 30 { p.append("Deltagere: højst 30.") }
            for participant in m.participants { text(participant, "Deltager", max: 200) }
            for goal in m.goalsDiscussed where s.goals.current(goal) == nil { p.append("Mål drøftet: mål \(goal) findes ikke.") }
            text(m.agreements, "Aftaler")
        case .agenda(let a):
            text(a.text, "Punkt", required: true, max: shortText)
            if let meeting = s.state.meetingVersions[a.meetingID]?.last?.value {
                if meeting.state != .planned { p.append("Mødet er \(meeting.state.danishName.lowercased()); der kan ikke komme flere punkter på.") }
            } else {
                p.append("Mødet findes ikke.")
            }
        case .logbook(let l):
            text(l.who, "Hvem", required: true, max: 200)
            text(l.what, "Hvad", required: true)
            if l.entryID != 0 && s.state.logbookVersions[l.entryID] == nil { p.append("Aftalen findes ikke i logbogen.") }
        case .ending(let e):
            if s.state.ending != nil { p.append("Sagen er allerede afsluttet.") }
            if e.endedOn < s.openedOn { p.append("Afsluttet: datoen er før sagen blev åbnet (\(s.openedOn.danish)).") }
            text(e.stepDownPlan, "Plan for nedtrapning")
        case .alertHandled(let h):
            text(h.note, "Notat", required: true)
            if s.state.handledAlerts[h.measurementID] != nil { p.append("Opmærksomheden er allerede markeret som håndteret.") }
        }
        return p
    }
}
