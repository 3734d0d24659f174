namespace ProjectCases.Notifications;

/// <summary>What a notification is about; the names are the API's (`off: [...]`) and never change.</summary>
public enum NotificationKind
{
    CaseReported,
    CaseAssigned,
    CaseResolved,
    TaskDueTomorrow,
    TaskOverdue,
    ServiceLevelBreached,
    /// <summary>A country risk (Warning or Crisis) now affects the project of a company's open case.</summary>
    CountryRiskOnCase,
}

/// <summary>The template languages. Japanese is the default: most recipients are Japanese officials and companies.</summary>
public static class Languages
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static bool IsKnown(string? language) => language is Japanese or English;
}
