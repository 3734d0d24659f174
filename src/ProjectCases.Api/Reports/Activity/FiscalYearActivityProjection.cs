using JasperFx.Events;
using Marten.Events.Projections;
using ProjectCases.Projects;
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
        Identity<TouchpointLogged>(e => FiscalYear.Of(e.OccurredOn));
        Identity<AgreementSigned>(e => FiscalYear.Of(e.SignedOn));
        // A sample study known only from its completion has no start date: it counts as completed only.
        Identities<StudyStarted>(e => e.StartedOn is { } on ? [FiscalYear.Of(on)] : []);
        Identity<StudyCompleted>(e => FiscalYear.Of(e.CompletedOn));
        Identity<TenderOpened>(e => FiscalYear.Of(e.OpenedOn));
        Identity<JapaneseBidsRecorded>(e => FiscalYear.Of(e.SubmittedOn));
        Identity<ContractAwarded>(e => FiscalYear.Of(e.AwardedOn));
        Identity<TroubleReported>(e => FiscalYear.Of(e.ReportedAt));
        Identity<TroubleResolved>(e => FiscalYear.Of(e.At));
    }

    public override FiscalYearActivity? Evolve(FiscalYearActivity? snapshot, int id, IEvent e)
    {
        var year = snapshot ?? new FiscalYearActivity { Id = id };
        switch (e.Data)
        {
            // The same touchpoint is on every project it concerns; it counts once, on the project it was logged on.
            case TouchpointLogged x when x.ProjectIds.Count == 0 || x.ProjectIds[0] == x.ProjectId:
                year.Touchpoints[x.Kind] = year.Touchpoints.GetValueOrDefault(x.Kind) + 1;
                break;
            case AgreementSigned { Level: AgreementLevel.Political }: year.PoliticalAgreements++; break;
            case AgreementSigned: year.AdministrativeAgreements++; break;
            case StudyStarted: year.StudiesStarted++; break;
            case StudyCompleted: year.StudiesCompleted++; break;
            case TenderOpened: year.TendersOpened++; break;
            case JapaneseBidsRecorded x: year.TendersWithJapaneseBidders.Add(x.TenderId); break;
            case ContractAwarded x: On(x, year); break;
            // TroubleReported is also on the project's stream: count the copy on the case's own stream only.
            case TroubleReported x when e.StreamId == x.TroubleId: year.HotlineReceived++; break;
            case TroubleResolved: year.HotlineResolved++; break;
        }
        return year;
    }

    private static void On(ContractAwarded award, FiscalYearActivity year)
    {
        // Checked before anything is counted, so that a refused event leaves the year as it was.
        var amount = Amounts.Summable(award);
        if (award.JapaneseWinner && award.TenderId is { } tenderId) year.TendersWithJapaneseBidders.Add(tenderId);
        year.Awards++;
        if (!award.JapaneseWinner) return;
        year.JapaneseWins++;
        year.JapaneseWinsAmountJpy += amount;
    }
}
