using ProjectCases.Projects;
using ProjectCases.Reports.Activity;

namespace ProjectCases.Reports.Kpi;

/// <summary>One line of the ministries' evaluation sheet: its stable key, its labels and how it is counted.</summary>
public sealed record KpiIndicator(string Key, string Label, string LabelJa, Func<ActivityCounts, decimal> Actual)
{
    /// <summary>The hotline is one desk for every ministry: its lines are in the unscoped report only.</summary>
    public bool IsHotline => Key.StartsWith("hotline.", StringComparison.Ordinal);
}

/// <summary>
/// The indicators of GET /api/reports/kpi, in sheet order. Keys are part of the HTTP contract (clients
/// and the targets file use them): add new ones, never rename one.
/// </summary>
public static class KpiIndicators
{
    public static readonly IReadOnlyList<KpiIndicator> All =
    [
        new("touchpoints.total", "Diplomatic touchpoints, all kinds", "官民による働きかけ（全種別）", a => a.Touchpoints.Values.Sum()),
        new("touchpoints.topSales", "Top sales", "トップセールス", a => a.TouchpointsOf(TouchpointKind.TopSales)),
        new("touchpoints.policyDialogues", "Policy dialogues and bilateral meetings", "政策協議等（政策対話・二国間会談）",
            a => a.TouchpointsOf(TouchpointKind.PolicyDialogue, TouchpointKind.BilateralMeeting)),
        new("touchpoints.internationalConferences", "International conferences", "国際会議", a => a.TouchpointsOf(TouchpointKind.InternationalConference)),
        new("touchpoints.seminars", "Seminars and symposia", "セミナー等", a => a.TouchpointsOf(TouchpointKind.Seminar)),
        new("touchpoints.missions", "Missions", "ミッション派遣", a => a.TouchpointsOf(TouchpointKind.Mission)),
        new("touchpoints.invitations", "Invitations", "招へい", a => a.TouchpointsOf(TouchpointKind.Invitation)),
        new("agreements.total", "Cooperation agreements", "協力覚書等の締結", a => a.PoliticalAgreements + a.AdministrativeAgreements),
        new("agreements.political", "Cooperation agreements at political level", "協力覚書等（うち政務レベル）", a => a.PoliticalAgreements),
        new("agreements.administrative", "Cooperation agreements at administrative level", "協力覚書等（うち事務レベル）", a => a.AdministrativeAgreements),
        new("studies.started", "Project discovery and formation studies started", "案件発掘・形成調査（開始）", a => a.StudiesStarted),
        new("studies.completed", "Project discovery and formation studies completed", "案件発掘・形成調査（完了）", a => a.StudiesCompleted),
        new("tenders.opened", "Tenders opened", "入札公告", a => a.TendersOpened),
        new("tenders.withJapaneseBidders", "Tenders Japanese firms reached", "本邦企業が入札に至った案件", a => a.TendersWithJapaneseBidders.Count),
        new("awards.total", "Awards", "受注件数（全体）", a => a.Awards),
        new("awards.japaneseWins", "Awards won by Japanese firms", "本邦企業の受注件数", a => a.JapaneseWins),
        new("awards.japaneseWinsAmountJpy", "Order amount won by Japanese firms (JPY, disclosed awards)", "本邦企業の受注額（円、公表分）",
            a => a.JapaneseWinsAmountJpy),
        new("hotline.received", "Hotline cases received", "ホットライン相談受付件数", a => a.HotlineReceived),
        new("hotline.resolved", "Hotline cases resolved", "ホットライン相談解決件数", a => a.HotlineResolved),
    ];

    public static readonly IReadOnlySet<string> Keys = All.Select(i => i.Key).ToHashSet();
}
