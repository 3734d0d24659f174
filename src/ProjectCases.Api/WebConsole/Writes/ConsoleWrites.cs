using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wolverine;

namespace ProjectCases.WebConsole.Writes;

/// <summary>
/// THE SEAM for console forms (docs/console.md, "Writes"). A form page builds the API's own command record
/// (e.g. RecordJapaneseBids) from its fields and sends it here; this invokes the command's Wolverine handler
/// in-process, so the decision, refusals, idempotency and audit metadata are the API's. No HTTP call to ourselves,
/// and no copy of a decision in the console.
/// Not used by any page yet: the write endpoints are being moved onto Wolverine's aggregate workflow (handlers
/// invocable through IMessageBus); forms are wired here once that lands.
/// </summary>
public sealed class ConsoleWrites(IMessageBus bus)
{
    /// <summary>Runs the command's handler; a refusal comes back as the same problem document the API would answer.</summary>
    public async Task<ConsoleWriteResult> SendAsync<TResponse>(object command, CancellationToken ct)
    {
        var response = await bus.InvokeAsync<object?>(command, ct);
        return response switch
        {
            ProblemDetails problem => new ConsoleWriteResult(default, problem),
            TResponse accepted => new ConsoleWriteResult(accepted, null),
            _ => throw new InvalidOperationException($"The handler of {command.GetType().Name} answered {response?.GetType().Name ?? "nothing"}."),
        };
    }

    /// <summary>
    /// Puts a refusal next to the fields it concerns: each `errors` entry under its field (the API's camelCase
    /// names, which the forms use as input names), and the detail of a 409 / 422 at the top of the form.
    /// </summary>
    public static void Show(ProblemDetails problem, ModelStateDictionary modelState)
    {
        if (problem is ValidationProblemDetails validation)
            foreach (var (field, messages) in validation.Errors)
                foreach (var message in messages) modelState.AddModelError(field, message);
        else modelState.AddModelError("", problem.Detail ?? problem.Title ?? "");
    }
}

/// <summary>The handler's answer (e.g. `{ id, version }`) or its refusal.</summary>
public sealed record ConsoleWriteResult(object? Accepted, ProblemDetails? Refusal)
{
    public bool Succeeded => Refusal is null;
}
