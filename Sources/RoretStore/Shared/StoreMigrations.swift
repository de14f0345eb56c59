import FluentKit

/// Every migration of Roret's schema, in order. Each lives in its own
/// numbered file; a released migration is never edited, only followed.
public enum StoreMigrations {
    public static let all: [any Migration] = [
        M001CreateAccounts(),
        M002CreateSessions(),
        M003CreateAuditEvents(),
        M004CreateExtractImports(),
        M005CreateExtractFiles(),
        M006CreateAPITokens(),
        M007CreateCitizens(),
        M008CreateMeasurements(),
        M009CreateMeasurementLinks(),
        M010CreateReminders(),
        M011CreateGoalVersions(),
        M012CreatePlanEntries(),
        M013AddAccountProvider(),
        M014AddCitizenAccount(),
        M015CreateCitizenInterventions(),
        M016CreateMeasurementRequests(),
        M017CreateMunicipalitySettings(),
        M018PlanEntryEdits(),
        M019CreateFigurePublications(),
        M020CreateCaseEvents(),
        M021AddGoalHopes(),
        M022CreateCaseWorkSettings(),
        M023AddReminderGoal(),
        M024CreateLeadershipItemSets(),
        M025CreateLeadershipRounds(),
        M026CreateRoundAnswers(),
        M027CreateLeadershipActions(),
        M028CreateRoundReflections(),
        M029CreateReflectionMeetings(),
        M030CreateReflectionNotes(),
        M031CreateCaseReviews(),
        M032CreateActionReminders(),
        M033CreateOffers(),
        M034LinkProvidersToOffers(),
        M035CreateOfferDocuments(),
        M036CreateBudgetScenarios(),
    ]
}
