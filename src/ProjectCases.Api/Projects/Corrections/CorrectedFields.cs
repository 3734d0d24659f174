using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Errors;
using ProjectCases.Projects.Agreements;
using ProjectCases.Projects.Studies;
using ProjectCases.Projects.Tenders;
using ProjectCases.Projects.Touchpoints;

namespace ProjectCases.Projects.Corrections;

/// <summary>
/// Reads the `fields` of a correction as the body of the route that recorded the original fact (the same
/// record, the same validation), and makes the corrected fact from them. Identity stays with the original:
/// the ids, the tender an award belongs to (and its package), the projects a touchpoint concerns.
/// </summary>
public static class CorrectedFields
{
    public static (ProjectFact? Corrected, ValidationProblemDetails? Problem) Read(
        ProjectFact original, JsonElement fields, JsonSerializerOptions json, IServiceProvider services)
    {
        try
        {
            return original.Value switch
            {
                TouchpointLogged o => Make<LogTouchpoint>(fields, json, services, c => new ProjectFact(TouchpointLogged: o with
                {
                    Kind = c.Kind!.Value, OccurredOn = c.OccurredOn!.Value, JapanLevel = c.JapanLevel!.Value, Counterpart = c.Counterpart.Trim(),
                    Location = c.Location?.Trim(), Summary = c.Summary.Trim(), Outcome = c.Outcome?.Trim(),
                })),
                TouchpointOutcomeRecorded o => Make<RecordTouchpointOutcome>(fields, json, services, c => new ProjectFact(TouchpointOutcomeRecorded: o with
                {
                    Outcome = c.Outcome.Trim(), RecordedOn = c.RecordedOn ?? o.RecordedOn,
                })),
                StudyStarted o => Make<StartStudy>(fields, json, services, c => new ProjectFact(StudyStarted: o with
                {
                    StudyType = c.StudyType!.Value, StartedOn = c.StartedOn, ConductedBy = c.ConductedBy?.Trim(), Summary = c.Summary?.Trim(),
                })),
                StudyCompleted o => Make<CompleteStudy>(fields, json, services, c => new ProjectFact(StudyCompleted: o with
                {
                    CompletedOn = c.CompletedOn!.Value, Findings = c.Findings?.Trim(),
                })),
                AgreementSigned o => Make<SignAgreement>(fields, json, services, c => new ProjectFact(AgreementSigned: o with
                {
                    AgreementType = c.AgreementType!.Value, Level = c.Level!.Value, Title = c.Title.Trim(),
                    Parties = [.. c.Parties.Select(p => p.Trim())], SignedOn = c.SignedOn!.Value, Tranche = c.Tranche?.Trim(),
                })),
                TenderOpened o => Make<OpenTender>(fields, json, services, c => new ProjectFact(TenderOpened: o with
                {
                    Package = c.Package.Trim(), TenderType = c.TenderType!.Value, OpenedOn = c.OpenedOn, Deadline = c.Deadline,
                })),
                JapaneseBidsRecorded o => Make<RecordJapaneseBids>(fields, json, services, c => new ProjectFact(JapaneseBidsRecorded: o with
                {
                    Bidders = [.. c.Bidders.Select(b => b.Trim()).Distinct()], SubmittedOn = c.SubmittedOn!.Value,
                })),
                ContractAwarded { TenderId: not null } o => Make<AwardTender>(fields, json, services, c => new ProjectFact(ContractAwarded: Award(o, o.Package, c))),
                ContractAwarded o => Make<RecordAward>(fields, json, services, c => new ProjectFact(ContractAwarded: Award(o, c.Package.Trim(), c))),
                TenderFailed o => Make<FailTender>(fields, json, services, c => new ProjectFact(TenderFailed: o with
                {
                    Reason = c.Reason!.Value, On = c.On!.Value,
                })),
                ProjectStatusChanged o => Make<ChangeProjectStatus>(fields, json, services, c => new ProjectFact(ProjectStatusChanged: o with
                {
                    Status = c.Status!.Value, Reason = c.Reason.Trim(), EffectiveOn = c.EffectiveOn!.Value,
                })),
                _ => (null, Invalid("fields", "this fact cannot be corrected.")),
            };
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 1 } p ? "fields" + p[1..] : "fields";
            return (null, Invalid(path, "is not valid here: give the same fields, with the same types, as the route that recorded the fact."));
        }
    }

    private static ContractAwarded Award(ContractAwarded original, string package, AwardTerms c) => original with
    {
        Package = package, Winner = c.Winner?.Trim(), JapaneseWinner = c.JapaneseWinner!.Value, AwardType = c.AwardType!.Value,
        Scope = c.Scope!.Value, Amount = c.Money, AmountJpy = c.AmountJpy, AwardedOn = c.AwardedOn!.Value,
    };

    private static (ProjectFact?, ValidationProblemDetails?) Make<TCommand>(JsonElement fields, JsonSerializerOptions json,
        IServiceProvider services, Func<TCommand, ProjectFact> make) where TCommand : class
    {
        if (fields.ValueKind != JsonValueKind.Object) return (null, Invalid("fields", "must be an object with the fields of the original route."));
        if (fields.Deserialize<TCommand>(json) is not { } command) return (null, Invalid("fields", "is required."));
        var failures = new List<ValidationResult>();
        if (!Validator.TryValidateObject(command, new ValidationContext(command, services, null), failures, validateAllProperties: true))
            return (null, FieldErrors.Problem(failures.SelectMany(f => (f.MemberNames.Any() ? f.MemberNames : [""])
                .Select(member => ("fields." + FieldErrors.JsonName(member), FieldErrors.InJsonTerms(f.ErrorMessage ?? "is invalid", member)))), jsonPaths: true));
        return (make(command), null);
    }

    private static ValidationProblemDetails Invalid(string field, string message) => FieldErrors.Problem([(field, message)], jsonPaths: true);
}
