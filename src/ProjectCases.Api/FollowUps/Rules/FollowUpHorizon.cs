namespace ProjectCases.FollowUps.Rules;

/// <summary>Settings of the follow-up rules (section "FollowUps").</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUps";

    /// <summary>A fact whose business date is more than this many days before the day it was recorded opens no task.</summary>
    public int HorizonDays { get; set; } = 30;
}

/// <summary>
/// Back-filling history must not create tasks that are overdue the day they appear: a rule opens a task only
/// for a fact whose business date is within the horizon of the (Tokyo) day the fact was recorded. The event's
/// recording time is used, not the clock at the time the rule runs, so a replay or a rebuild decides the same.
/// Tasks opened by the hotline (no business date: the case is reported now) are always opened.
/// </summary>
public static class FollowUpHorizon
{
    public static bool Admits(OpenTask open, DateTimeOffset recordedAt, int horizonDays) =>
        open.FactOn is not { } on || on >= TokyoTime.DateOf(recordedAt).AddDays(-horizonDays);
}
