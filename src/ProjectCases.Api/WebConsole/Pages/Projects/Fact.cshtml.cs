using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects;
using ProjectCases.Projects.Corrections;
using ProjectCases.Projects.Status;
using ProjectCases.WebConsole.Timeline;
using ProjectCases.WebConsole.Writes;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ProjectCases.WebConsole.Pages.Projects;

/// <summary>
/// One recorded fact of a project, to void it (with a reason) or correct it (its route's fields, prefilled from the
/// fact as it counts now, with a reason). Both run the API's correction decisions (CorrectionDecisions) on the
/// corrected view of the stream, through <see cref="ConsoleWrites"/>; refusals ("a later fact depends on it", 409)
/// are shown on the form. The registration is not a fact: a project registered by mistake is voided on the record page.
/// </summary>
[Authorize(Roles = Roles.ProjectWriters)]
public sealed class FactModel(ConsoleWrites writes, IQuerySession session, Display display, IOptions<HttpJsonOptions> json) : FormPage(writes)
{
    [BindProperty] public VoidForm Void { get; set; } = new();
    [BindProperty] public CorrectForm Correct { get; set; } = new();

    public ProjectStatus Project { get; private set; } = null!;
    public TimelineLine Line { get; private set; } = null!;
    private CountedFact Fact { get; set; } = null!;
    public bool WasCorrected { get; private set; }
    public IReadOnlyList<FactField> Fields { get; private set; } = [];
    /// <summary>The API's field errors of a refused correction, by the field's JSON name ("amount.value").</summary>
    public Dictionary<string, List<string>> FieldErrors { get; } = [];

    public IEnumerable<SelectListItem> Choices(FactField field) => Enum.GetValues(field.EnumType!).Cast<object>()
        .Select(v => new SelectListItem(FactFields.EnumLabel(display, field.EnumType!, v), v.ToString(), Correct.Fields.GetValueOrDefault(FactFields.Key(field.Name)) == v.ToString()));

    public IEnumerable<SelectListItem> YesNo(FactField field) => new[] { ("true", "Yes"), ("false", "No") }
        .Select(x => new SelectListItem(display.Text(x.Item2), x.Item1, Correct.Fields.GetValueOrDefault(FactFields.Key(field.Name)) == x.Item1));

    public async Task<IActionResult> OnGet(Guid id, long factVersion, CancellationToken ct) =>
        await Load(id, factVersion, prefill: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoid(Guid id, long factVersion, CancellationToken ct)
    {
        var command = new VoidFact(Void.Reason ?? "");
        if (BoundCleanly(nameof(Void)) && Accepted(await Writes.ExecuteAsync<ProjectWriteModel, VoidFact>(id, FormVersion, User, command,
                async (s, project, token) => CorrectionDecisions.VoidFact(project, await CorrectedStream.ReadAsync(s, id, token), factVersion, command.Reason), ct), nameof(Void)))
            return Redirect($"/projects/{id}");
        return await Load(id, factVersion, prefill: false, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCorrect(Guid id, long factVersion, CancellationToken ct)
    {
        if (!await Load(id, factVersion, prefill: false, ct)) return NotFound();
        if (!BoundCleanly(nameof(Correct))) return Page();
        var fields = Fields;
        var command = new CorrectFact(Correct.Reason ?? "", FactFields.Body(fields, Correct.Fields));
        if (Writes.Validate(command) is { } invalid) return Refused(invalid);
        // As CorrectFactEndpoint: the fact must exist before its fields are read as its route's body. Read here first
        // for the field errors (they are not a decision); decided again on the stream fetched for writing.
        var (_, early) = CorrectedFields.Read(Fact.Fact, command.Fields!.Value, json.Value.SerializerOptions, HttpContext.RequestServices);
        if (early is not null) return Refused(early);
        var outcome = await Writes.ExecuteAsync<ProjectWriteModel, CorrectFact>(id, FormVersion, User, command, async (s, project, token) =>
        {
            var record = await CorrectedStream.ReadAsync(s, id, token);
            var (fact, refusal) = CorrectionDecisions.Locate(project, record, factVersion, "correct");
            if (refusal is not null) return refusal;
            var (corrected, problem) = CorrectedFields.Read(fact!.Fact, command.Fields!.Value, json.Value.SerializerOptions, HttpContext.RequestServices);
            return problem is not null
                ? Decision.Conflict("The fact changed while the correction was being decided; try again.")
                : CorrectionDecisions.CorrectFact(project, record, factVersion, command.Reason, corrected!);
        }, ct);
        if (Accepted(outcome, nameof(Correct))) return Redirect($"/projects/{id}");
        return Page();
    }

    /// <summary>
    /// Field errors under the fields they concern ("fields.amount.value" → amount.value), a whole-body one ("fields") in
    /// the alert, the reason's under the reason (ConsoleWrites.Show).
    /// </summary>
    private IActionResult Refused(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem is ValidationProblemDetails { Errors.Count: > 0 } invalid)
        {
            var rest = new Dictionary<string, string[]> { [""] = [] };
            foreach (var (key, messages) in invalid.Errors)
            {
                if (key.StartsWith("fields.", StringComparison.Ordinal))
                {
                    var name = key["fields.".Length..];
                    if (!FieldErrors.TryGetValue(name, out var list)) FieldErrors[name] = list = [];
                    list.AddRange(messages);
                }
                else if (key == "fields") rest[""] = [.. rest[""], .. messages];
                else rest[key] = messages;
            }
            problem = new ValidationProblemDetails(rest) { Status = 400 };
        }
        Accepted(new WriteOutcome(null, problem), nameof(Correct));
        return Page();
    }

    private async Task<bool> Load(Guid id, long factVersion, bool prefill, CancellationToken ct)
    {
        if (await GetProjectEndpoint.CurrentAsync(id, User, session, ct) is not { } project) return false;
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var record = ProjectRecord.Of(id, events.Select(e => (e.Version, e.Data)));
        if (record.Find(factVersion) is not { } fact || FactFields.CommandOf(fact.Fact) is not { } command) return false;
        Project = project;
        (Fact, WasCorrected) = (fact, fact.Corrected);
        Line = ProjectTimeline.Of([.. events.Where(e => e.Version == factVersion)], display, showTroubles: false, record).Single();
        Fields = FactFields.Of(command, display);
        if (PostedForm is null) FormVersion = project.Version;
        if (prefill) Correct.Fields = FactFields.Prefill(fact.Fact, Fields, json.Value.SerializerOptions);
        return true;
    }
}

public sealed class VoidForm
{
    public string? Reason { get; set; }
}

public sealed class CorrectForm
{
    public string? Reason { get; set; }
    /// <summary>The fact's fields by form key (FactFields.Key of the JSON name).</summary>
    public Dictionary<string, string?> Fields { get; set; } = [];
}
