using System.ComponentModel.DataAnnotations;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects.Agreements;
using ProjectCases.Projects.Studies;
using ProjectCases.Projects.Tenders;
using ProjectCases.Projects.Touchpoints;

namespace ProjectCases.Projects.SampleData;

/// <summary>
/// Turns one sample entry into the same command the API receives, validates it with the same
/// DataAnnotations, and decides it with the same decision code against the project as it stands.
/// Ids of sub-entities are derived from the project id and the entry's position, so a re-run is identical.
/// </summary>
public static class SampleTimeline
{
    public static Decision Decide(ProjectWriteModel project, SampleEntry entry, int position, IServiceProvider services)
    {
        var id = project.Id;
        var subId = Infrastructure.NameBasedGuid.Create(id, $"entry-{position}");
        var note = entry.Approx ? $"{entry.Summary} (date approximate; source {entry.SourceLines})" : $"{entry.Summary} (source {entry.SourceLines})";
        switch (entry.Type)
        {
            case "TouchpointLogged":
                var touchpoint = new LogTouchpoint(entry.Kind, entry.On, entry.JapanLevel, entry.Counterpart!, null, note, null, null);
                return Valid(touchpoint, services) ?? LogTouchpointDecision.Decide(project, touchpoint, subId, []);
            case "StudyStarted":
                var start = new StartStudy(entry.StudyType, entry.On, null, note);
                return Valid(start, services) ?? StartStudyDecision.Decide(project, start, subId);
            case "StudyCompleted":
                var completion = new CompleteStudy(entry.On, note);
                if (Valid(completion, services) is { } invalid) return invalid;
                var open = project.Studies.FirstOrDefault(s => s.StudyType == entry.StudyType && s.CompletedOn is null);
                return open is not null
                    ? CompleteStudyDecision.Decide(project, open.StudyId, completion)
                    : StartStudyDecision.DecideCompletedWithoutKnownStart(id, entry.StudyType!.Value, completion, note, subId);
            case "AgreementSigned":
                var agreement = new SignAgreement(entry.AgreementType, entry.Level, entry.Title!, entry.Parties ?? [], entry.On, entry.Tranche);
                return Valid(agreement, services) ?? SignAgreementDecision.Decide(project, agreement, subId);
            case "TenderOpened":
                var tender = new OpenTender(entry.Package!, entry.TenderType, entry.On, null);
                return Valid(tender, services) ?? OpenTenderDecision.Decide(project, tender, subId);
            case "TenderFailed":
                var failure = new FailTender(Enum.Parse<TenderFailureReason>(entry.Reason!), entry.On);
                var failing = project.Tenders.FirstOrDefault(t => t.Package == entry.Package);
                return Valid(failure, services) ?? (failing is null
                    ? Decision.NotFound($"No tender '{entry.Package}' to fail.")
                    : FailTenderDecision.Decide(project, failing.TenderId, failure));
            case "ContractAwarded":
                // The source names no winners and no amounts: recorded as undisclosed, never invented.
                var award = new RecordAward(entry.Package!, null, entry.JapaneseWinner, entry.AwardType, entry.Scope, null, null, entry.On);
                return Valid(award, services) ?? RecordAwardDecision.Decide(project, award, subId);
            case "StatusChanged":
                var status = new ChangeProjectStatus(entry.Status, entry.Reason!, entry.On);
                return Valid(status, services) ?? ChangeProjectStatusDecision.Decide(project, status);
            default:
                return Decision.Unprocessable($"Unknown sample entry type '{entry.Type}'.");
        }
    }

    /// <summary>The edge validation of the API (DataAnnotations, then IValidatableObject), or null when valid.</summary>
    public static Decision? Valid(object command, IServiceProvider services)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(command, new ValidationContext(command, services, null), results, validateAllProperties: true)
            ? null
            : Decision.Unprocessable(string.Join(" ", results.Select(r => $"{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")));
    }
}
