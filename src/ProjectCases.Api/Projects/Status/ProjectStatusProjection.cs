using JasperFx.Events;
using Marten.Events.Aggregation;
using ProjectCases.Troubles;

namespace ProjectCases.Projects.Status;

/// <summary>Folds a project stream into its ProjectStatus. Pure: no clock, no lookups.</summary>
public sealed class ProjectStatusProjection : SingleStreamProjection<ProjectStatus, Guid>
{
    public static ProjectStatus Create(IEvent<ProjectRegistered> e) => Start(e.Data, e.Timestamp);

    public static ProjectStatus Start(ProjectRegistered e, DateTimeOffset recordedAt) => new()
    {
        Id = e.ProjectId,
        Name = e.Name,
        NameJa = e.NameJa,
        Country = e.Country,
        Region = Countries.RegionOf(e.Country),
        Sector = e.Sector,
        Financing = e.Financing,
        LeadAgency = e.LeadAgency,
        Summary = e.Summary,
        RegisteredAt = recordedAt,
        RegisteredOn = TokyoTime.DateOf(recordedAt),
    };

    /// <summary>Folds one more event in memory (the daemon-free path, for decisions taken in a batch such as seeding).</summary>
    public static void Evolve(ProjectStatus p, object e)
    {
        switch (e)
        {
            case TouchpointLogged x: Apply(x, p); break;
            case TouchpointOutcomeRecorded x: Apply(x, p); break;
            case StudyStarted x: Apply(x, p); break;
            case StudyCompleted x: Apply(x, p); break;
            case AgreementSigned x: Apply(x, p); break;
            case TenderOpened x: Apply(x, p); break;
            case JapaneseBidsRecorded x: Apply(x, p); break;
            case ContractAwarded x: Apply(x, p); break;
            case TenderFailed x: Apply(x, p); break;
            case ProjectStatusChanged x: Apply(x, p); break;
        }
        p.Version++;
    }

    public static void Apply(TouchpointLogged e, ProjectStatus p)
    {
        p.TouchpointCount++;
        p.Touchpoints.Add(new TouchpointEntry(e.TouchpointId, e.Kind, e.OccurredOn, e.Outcome is not null));
        p.LatestTouchpointOn = Later(p.LatestTouchpointOn, e.OccurredOn);
        Touch(p, e.OccurredOn);
    }

    public static void Apply(TouchpointOutcomeRecorded e, ProjectStatus p)
    {
        var index = p.Touchpoints.FindIndex(t => t.TouchpointId == e.TouchpointId);
        if (index >= 0) p.Touchpoints[index] = p.Touchpoints[index] with { HasOutcome = true };
        Touch(p, e.RecordedOn);
    }

    public static void Apply(StudyStarted e, ProjectStatus p)
    {
        p.Studies.Add(new StudyEntry(e.StudyId, e.StudyType, e.StartedOn, null));
        if (e.StartedOn is not { } on) return;
        p.LatestStudyOn = Later(p.LatestStudyOn, on);
        Touch(p, on);
    }

    public static void Apply(StudyCompleted e, ProjectStatus p)
    {
        var index = p.Studies.FindIndex(s => s.StudyId == e.StudyId);
        if (index >= 0) p.Studies[index] = p.Studies[index] with { CompletedOn = e.CompletedOn };
        p.LatestStudyOn = Later(p.LatestStudyOn, e.CompletedOn);
        Touch(p, e.CompletedOn);
    }

    public static void Apply(AgreementSigned e, ProjectStatus p)
    {
        p.AgreementCount++;
        if (e.Level == AgreementLevel.Political) p.PoliticalAgreementCount++;
        else p.AdministrativeAgreementCount++;
        p.LatestAgreementOn = Later(p.LatestAgreementOn, e.SignedOn);
        Touch(p, e.SignedOn);
    }

    public static void Apply(TenderOpened e, ProjectStatus p)
    {
        p.Tenders.Add(new TenderEntry(e.TenderId, e.Package, e.TenderType, e.OpenedOn, e.Deadline, TenderState.Open, []));
        Touch(p, e.OpenedOn);
    }

    public static void Apply(JapaneseBidsRecorded e, ProjectStatus p)
    {
        UpdateTender(p, e.TenderId, t => t with { JapaneseBidders = [.. t.JapaneseBidders, .. e.Bidders.Except(t.JapaneseBidders)] });
        Touch(p, e.SubmittedOn);
    }

    public static void Apply(ContractAwarded e, ProjectStatus p)
    {
        if (e.TenderId is { } tenderId) UpdateTender(p, tenderId, t => t with { State = TenderState.Awarded });
        p.Awards.Add(new AwardEntry(e.AwardId, e.TenderId, e.Package, e.Winner, e.JapaneseWinner, e.AwardType, e.Scope,
            e.Amount, e.AmountJpy, e.AwardedOn));
        Touch(p, e.AwardedOn);
    }

    public static void Apply(TenderFailed e, ProjectStatus p)
    {
        UpdateTender(p, e.TenderId, t => t with { State = TenderState.Failed });
        Touch(p, e.On);
    }

    public static void Apply(ProjectStatusChanged e, ProjectStatus p)
    {
        p.Status = e.Status;
        p.StatusEffectiveOn = e.EffectiveOn;
        Touch(p, e.EffectiveOn);
    }

    // Trouble cases report onto the project's stream too (Troubles feature): reported and reopened count as open, closed does not.
    public static void Apply(TroubleReported e, ProjectStatus p) => p.OpenTroubleCount++;

    public static void Apply(TroubleReopened e, ProjectStatus p) => p.OpenTroubleCount++;

    public static void Apply(TroubleClosed e, ProjectStatus p) => p.OpenTroubleCount = Math.Max(0, p.OpenTroubleCount - 1);

    private static void UpdateTender(ProjectStatus p, Guid tenderId, Func<TenderEntry, TenderEntry> change)
    {
        var index = p.Tenders.FindIndex(t => t.TenderId == tenderId);
        if (index >= 0) p.Tenders[index] = change(p.Tenders[index]);
    }

    /// <summary>Every fact moves the last-activity date forward (by business date) and may move the stage.</summary>
    private static void Touch(ProjectStatus p, DateOnly on)
    {
        p.LatestFactOn = Later(p.LatestFactOn, on);
        p.Stage = ProjectStages.Derive(p);
    }

    private static DateOnly? Later(DateOnly? current, DateOnly candidate) =>
        current is { } c && c >= candidate ? c : candidate;
}
