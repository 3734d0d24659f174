using System.Security.Claims;
using JasperFx;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.WebConsole.Resources;
using Wolverine.Http;
using Wolverine.Http.Validation;
using Wolverine.Http.Validation.Internals;

namespace ProjectCases.WebConsole.Writes;

/// <summary>
/// THE ONE WAY console forms write (docs/console.md, "Writes"): a thin adapter over <see cref="InProcessWrites"/>.
/// A form builds the API's own command record, which is checked by the API's own DataAnnotations validation (the same
/// executor and problem source as the endpoints, so the same `errors` keys and messages); then the endpoint's pure
/// decision runs with the same preconditions (visibility, expected version) and the signed-in user's name as the
/// events' user name. No HTTP call to ourselves, no copy of a rule here.
/// </summary>
public sealed class ConsoleWrites(InProcessWrites writes, IServiceProvider services, IStringLocalizer<Text> text)
{
    /// <summary>A write that another one overtook between fetch and commit: the form is stale, as with an old version.</summary>
    private static readonly ProblemDetails Overtaken = new() { Status = 412, Title = "Stale version", Detail = "The record changed meanwhile." };

    /// <summary>Validates <paramref name="command"/> as the API does, then decides on stream <paramref name="id"/>.</summary>
    public async Task<WriteOutcome> ExecuteAsync<TModel, TCommand>(Guid id, long? expectedVersion, ClaimsPrincipal user, TCommand command,
        Func<TModel, Decision> decide, CancellationToken ct) where TModel : class, IWriteModel<TModel> where TCommand : notnull
    {
        if (Validate(command) is { } invalid) return new WriteOutcome(null, invalid);
        return await ExecuteAsync(id, expectedVersion, user, decide, ct);
    }

    /// <summary>Validates, then runs a decision that needs the session (a touchpoint for several projects).</summary>
    public async Task<WriteOutcome> ExecuteAsync<TModel, TCommand>(Guid id, long? expectedVersion, ClaimsPrincipal user, TCommand command,
        Func<Marten.IDocumentSession, TModel, CancellationToken, Task<Decision>> decide, CancellationToken ct)
        where TModel : class, IWriteModel<TModel> where TCommand : notnull
    {
        if (Validate(command) is { } invalid) return new WriteOutcome(null, invalid);
        try { return await writes.ExecuteAsync(id, expectedVersion, user, decide, ct); }
        catch (ConcurrencyException) { return new WriteOutcome(null, Overtaken); }
    }

    /// <summary>A command without a body (acknowledge, close): the decision and preconditions only.</summary>
    public async Task<WriteOutcome> ExecuteAsync<TModel>(Guid id, long? expectedVersion, ClaimsPrincipal user, Func<TModel, Decision> decide,
        CancellationToken ct) where TModel : class, IWriteModel<TModel>
    {
        try { return await writes.ExecuteAsync(id, expectedVersion, user, decide, ct); }
        catch (ConcurrencyException) { return new WriteOutcome(null, Overtaken); }
    }

    /// <summary>Validates <paramref name="command"/> as the API does, then starts a stream with the decision <paramref name="decide"/> makes.</summary>
    public async Task<WriteOutcome> StartAsync<TStream, TCommand>(Guid id, ClaimsPrincipal user, TCommand command, Func<Task<Decision>> decide,
        CancellationToken ct) where TStream : class where TCommand : notnull
    {
        if (Validate(command) is { } invalid) return new WriteOutcome(null, invalid);
        try { return await writes.StartAsync<TStream>(id, user, await decide(), ct); }
        // The form's key is the new stream's id: a repeated post of the same form (double click, back and resend)
        // finds its record already there and records nothing twice. Accepted, with no new version.
        catch (Marten.Exceptions.ExistingStreamIdCollisionException) { return new WriteOutcome(null, null); }
    }

    /// <summary>As above, for a decision that needs the session (it appends to other streams, e.g. an engagement's linked projects).</summary>
    public async Task<WriteOutcome> StartAsync<TStream, TCommand>(Guid id, ClaimsPrincipal user, TCommand command,
        Func<Marten.IDocumentSession, CancellationToken, Task<Decision>> decide, CancellationToken ct) where TStream : class where TCommand : notnull
    {
        if (Validate(command) is { } invalid) return new WriteOutcome(null, invalid);
        try { return await writes.StartAsync<TStream>(id, user, decide, ct); }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException) { return new WriteOutcome(null, null); }
        catch (ConcurrencyException) { return new WriteOutcome(null, Overtaken); }
    }

    /// <summary>The endpoints' DataAnnotations check (Wolverine's executor with the service's problem source): null when valid.</summary>
    public ProblemDetails? Validate<TCommand>(TCommand command) where TCommand : notnull =>
        DataAnnotationsHttpValidationExecutor.Validate(services.GetRequiredService<IProblemDetailSource<TCommand>>(), services, command) switch
        {
            null or WolverineContinue => null,
            ProblemHttpResult problem => problem.ProblemDetails,
            var other => throw new InvalidOperationException($"Validation of {typeof(TCommand).Name} answered {other.GetType().Name}."),
        };

    /// <summary>
    /// Puts a refusal on the form: each `errors` entry under its field (the API's camelCase path "amount.value" is the
    /// form property "{prefix}.Amount.Value"), anything else in the alert at the top of the form. A stale form (412)
    /// says "changed meanwhile, reload" in the user's language; other server reasons are the API's own words.
    /// </summary>
    public void Show(ProblemDetails problem, ModelStateDictionary modelState, string prefix)
    {
        if (problem.Status == 412)
        {
            modelState.AddModelError("", text["Form.Stale"]);
            return;
        }
        if (problem is ValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            foreach (var (field, messages) in validation.Errors)
                foreach (var message in messages)
                    modelState.AddModelError(field.Length == 0 ? "" : FormField(prefix, field), message);
            modelState.AddModelError("", text["Form.Invalid"]);
            return;
        }
        modelState.AddModelError("", problem.Detail ?? problem.Title ?? text["Form.Refused"]);
    }

    /// <summary>"amount.value" → "Form.Amount.Value".</summary>
    public static string FormField(string prefix, string jsonPath) =>
        string.Join('.', new[] { prefix }.Concat(jsonPath.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..])));
}
