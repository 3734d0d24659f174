using JasperFx.Events;
using Marten.Events.Projections;
using ProjectCases.Projects;
using ProjectCases.Projects.Corrections;
using ProjectCases.Troubles;

namespace ProjectCases.Reports.Activity;

/// <summary>
/// Async multi-stream projection: every counted event goes to the fiscal year of its business date
/// (occurredOn, signedOn, startedOn, completedOn, openedOn, submittedOn, awardedOn; for the hotline the
/// Tokyo day a case was reported or resolved). Counting is a pure fold, so a rebuild gives the same numbers.
/// </summary>
public sealed class FiscalYearActivityProjection : MultiStreamProjection<FiscalYearActivity, int>
{
    public FiscalYearActivityProjection()
    {
        Identities<TouchpointLogged>(YearsOf);
        Identities<AgreementSigned>(YearsOf);
        // A sample study known only from its completion has no start date: it counts as completed only.
        Identities<StudyStarted>(YearsOf);
        Identities<StudyCompleted>(YearsOf);
        Identities<TenderOpened>(YearsOf);
        Identities<JapaneseBidsRecorded>(YearsOf);
        Identities<ContractAwarded>(YearsOf);
        Identity<TroubleReported>(e => FiscalYear.Of(e.ReportedAt));
        Identity<TroubleResolved>(e => FiscalYear.Of(e.At));
        // Corrections take the fact out of the year it counted in and (corrected) put it into its new year.
        Identities<FactVoided>(e => YearsOf(e.Original.Value));
        Identities<FactCorrected>(e => [.. YearsOf(e.Original.Value).Union(YearsOf(e.Corrected.Value))]);
        Identities<ProjectVoided>(e => [.. e.Withdrawn.SelectMany(f => YearsOf(f.Value)).Distinct()]);
    }

    /// <summary>The fiscal year a project fact counts in (none for facts the KPI does not count).</summary>
    public static IReadOnlyList<int> YearsOf(object fact) => fact switch
    {
        TouchpointLogged x => [FiscalYear.Of(x.OccurredOn)],
        AgreementSigned x => [FiscalYear.Of(x.SignedOn)],
        StudyStarted x => x.StartedOn is { } on ? [FiscalYear.Of(on)] : [],
        StudyCompleted x => [FiscalYear.Of(x.CompletedOn)],
        TenderOpened x => x.OpenedOn is { } opened ? [FiscalYear.Of(opened)] : [],
        JapaneseBidsRecorded x => [FiscalYear.Of(x.SubmittedOn)],
        ContractAwarded x => [FiscalYear.Of(x.AwardedOn)],
        _ => [],
    };

    public override FiscalYearActivity? Evolve(FiscalYearActivity? snapshot, int id, IEvent e)
    {
        var year = snapshot ?? new FiscalYearActivity { Id = id };
        switch (e.Data)
        {
            // TroubleReported is also on the project's stream: count the copy on the case's own stream only.
            case TroubleReported x when e.StreamId == x.TroubleId: year.HotlineReceived++; break;
            case TroubleResolved: year.HotlineResolved++; break;
            case FactVoided x: CountIfHere(x.Original.Value, year, -1); break;
            case FactCorrected x:
                CountIfHere(x.Original.Value, year, -1);
                CountIfHere(x.Corrected.Value, year, +1);
                break;
            case ProjectVoided x:
                foreach (var fact in x.Withdrawn) CountIfHere(fact.Value, year, -1);
                break;
            default: Count(e.Data, year, +1); break;
        }
        return year;
    }

    /// <summary>A correction is routed to every year it touches: each year takes only the facts of its own.</summary>
    private static void CountIfHere(object fact, FiscalYearActivity year, int sign) => CountIfIn(fact, year.Id, year, sign);

    /// <summary>Counts a fact in or out of <paramref name="counts"/> when it belongs to <paramref name="fiscalYear"/>.</summary>
    public static void CountIfIn(object fact, int fiscalYear, ActivityCounts counts, int sign)
    {
        if (YearsOf(fact).Contains(fiscalYear)) Count(fact, counts, sign);
    }

    /// <summary>Counts a fact in (+1) or out again (-1, a voided or corrected fact).</summary>
    public static void Count(object fact, ActivityCounts year, int sign)
    {
        switch (fact)
        {
            // The same touchpoint is on every project it concerns; it counts once, on the project it was logged on.
            case TouchpointLogged x when x.ProjectIds.Count == 0 || x.ProjectIds[0] == x.ProjectId:
                year.Touchpoints[x.Kind] = year.Touchpoints.GetValueOrDefault(x.Kind) + sign;
                break;
            case AgreementSigned { Level: AgreementLevel.Political }: year.PoliticalAgreements += sign; break;
            case AgreementSigned: year.AdministrativeAgreements += sign; break;
            case StudyStarted: year.StudiesStarted += sign; break;
            case StudyCompleted: year.StudiesCompleted += sign; break;
            case TenderOpened: year.TendersOpened += sign; break;
            // A set of tender ids: taking one out again forgets the tender, even if an award also had put it in
            // (docs/projects.md, "Corrections": the known approximation).
            case JapaneseBidsRecorded x when sign > 0: year.TendersWithJapaneseBidders.Add(x.TenderId); break;
            case JapaneseBidsRecorded x: year.TendersWithJapaneseBidders.Remove(x.TenderId); break;
            case ContractAwarded x: On(x, year, sign); break;
        }
    }

    private static void On(ContractAwarded award, ActivityCounts year, int sign)
    {
        // Checked before anything is counted, so that a refused event leaves the year as it was.
        var amount = Amounts.Summable(award);
        if (award.JapaneseWinner && award.TenderId is { } tenderId)
        {
            if (sign > 0) year.TendersWithJapaneseBidders.Add(tenderId);
            else year.TendersWithJapaneseBidders.Remove(tenderId);
        }
        year.Awards += sign;
        if (!award.JapaneseWinner) return;
        year.JapaneseWins += sign;
        year.JapaneseWinsAmountJpy += sign * amount;
    }
}
