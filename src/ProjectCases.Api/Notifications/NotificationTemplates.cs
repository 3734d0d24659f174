namespace ProjectCases.Notifications;

/// <summary>What a message says about its case or task (loaded when it is queued).</summary>
public sealed record MailFacts(
    Guid Subject, string Title, string? Company = null, string? Officer = null, string? Outcome = null, string? Resolution = null,
    DateOnly? DueOn = null, DateTimeOffset? DueAt = null, string? Deadline = null, string? Link = null, string? Risk = null);

public sealed record MailText(string Title, string Body);

/// <summary>The messages in Japanese and English. Pure; times are shown in Tokyo time, as the hotline works.</summary>
public static class NotificationTemplates
{
    public static MailText Render(NotificationKind kind, string language, MailFacts f) =>
        language == Languages.English ? English(kind, f) : Japanese(kind, f);

    private static MailText Japanese(NotificationKind kind, MailFacts f) => kind switch
    {
        NotificationKind.CaseReported => new($"[ProjectCases] 新しい相談案件: {f.Title}",
            $"ホットラインに新しい相談案件が登録されました。\n\n件名: {f.Title}\n報告企業: {f.Company}\n{Tail(f, "案件")}"),
        NotificationKind.CaseAssigned => new($"[ProjectCases] 担当案件の割り当て: {f.Title}",
            $"{f.Officer} さん\n\n次の相談案件の担当になりました。\n\n件名: {f.Title}\n報告企業: {f.Company}\n{Tail(f, "案件")}"),
        NotificationKind.CaseResolved => new($"[ProjectCases] ご相談の案件が解決しました: {f.Title}",
            $"ご相談いただいた案件について、対応を完了しました。\n\n件名: {f.Title}\n結果: {f.Outcome}\n概要: {f.Resolution}\n\n内容をご確認のうえ、ご不明な点があればホットラインまでご連絡ください。\n{Tail(f, "案件")}"),
        NotificationKind.TaskDueTomorrow => new($"[ProjectCases] 明日が期限のタスク: {f.Title}",
            $"次のフォローアップ・タスクの期限は明日（{f.DueOn:yyyy年M月d日}）です。\n\nタスク: {f.Title}\n{Tail(f, "タスク")}"),
        NotificationKind.TaskOverdue => new($"[ProjectCases] 期限切れのタスク: {f.Title}",
            $"次のフォローアップ・タスクが期限（{f.DueOn:yyyy年M月d日}）を過ぎています。\n\nタスク: {f.Title}\n{Tail(f, "タスク")}"),
        NotificationKind.ServiceLevelBreached => new($"[ProjectCases] サービスレベル超過（{(f.Deadline == "resolution" ? "解決" : "初回対応")}）: {f.Title}",
            $"次の相談案件が{(f.Deadline == "resolution" ? "解決" : "初回対応")}の期限（{Tokyo(f.DueAt)}）を過ぎました。\n\n件名: {f.Title}\n報告企業: {f.Company}\n担当: {f.Officer ?? "未割り当て"}\n{Tail(f, "案件")}"),
        NotificationKind.CountryRiskOnCase => new($"[ProjectCases] カントリーリスクのお知らせ: {f.Title}",
            $"ご相談いただいている案件のプロジェクト所在国で、次のカントリーリスクが確認されました。政府として状況とプロジェクトへの影響を確認しています。\n\nリスク: {f.Risk}\n件名: {f.Title}\n\nご懸念の点があればホットラインまでご連絡ください。\n{Tail(f, "案件")}"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static MailText English(NotificationKind kind, MailFacts f) => kind switch
    {
        NotificationKind.CaseReported => new($"[ProjectCases] New case reported: {f.Title}",
            $"A new case was reported to the hotline.\n\nSummary: {f.Title}\nReported by: {f.Company}\n{Tail(f, "Case")}"),
        NotificationKind.CaseAssigned => new($"[ProjectCases] Case assigned to you: {f.Title}",
            $"Dear {f.Officer},\n\nThe following case has been assigned to you.\n\nSummary: {f.Title}\nReported by: {f.Company}\n{Tail(f, "Case")}"),
        NotificationKind.CaseResolved => new($"[ProjectCases] Your case has been resolved: {f.Title}",
            $"The case you reported has been resolved.\n\nSummary: {f.Title}\nOutcome: {f.Outcome}\nResolution: {f.Resolution}\n\nPlease review it and contact the hotline if anything is unclear.\n{Tail(f, "Case")}"),
        NotificationKind.TaskDueTomorrow => new($"[ProjectCases] Task due tomorrow: {f.Title}",
            $"The following follow-up task is due tomorrow ({f.DueOn:yyyy-MM-dd}).\n\nTask: {f.Title}\n{Tail(f, "Task")}"),
        NotificationKind.TaskOverdue => new($"[ProjectCases] Task overdue: {f.Title}",
            $"The following follow-up task is past its due date ({f.DueOn:yyyy-MM-dd}).\n\nTask: {f.Title}\n{Tail(f, "Task")}"),
        NotificationKind.ServiceLevelBreached => new($"[ProjectCases] Service level breached ({(f.Deadline == "resolution" ? "resolution" : "first response")}): {f.Title}",
            $"The following case missed its {(f.Deadline == "resolution" ? "resolution" : "first-response")} deadline ({Tokyo(f.DueAt)}).\n\nSummary: {f.Title}\nReported by: {f.Company}\nOfficer: {f.Officer ?? "not assigned"}\n{Tail(f, "Case")}"),
        NotificationKind.CountryRiskOnCase => new($"[ProjectCases] Country risk notice: {f.Title}",
            $"A country risk has been recorded in the country of the project your case concerns. The government is confirming the situation and its effect on the project.\n\nRisk: {f.Risk}\nSummary: {f.Title}\n\nPlease contact the hotline with any concern.\n{Tail(f, "Case")}"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Tail(MailFacts f, string label) =>
        $"{label}: {f.Subject}\n{(f.Link is null ? "" : f.Link + "\n")}\n-- \nProjectCases";

    private static string Tokyo(DateTimeOffset? at) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, TokyoTime.Zone).ToString("yyyy-MM-dd HH:mm") + " JST" : "";
}
