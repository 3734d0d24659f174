using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.FollowUps.Tasks;

/// <summary>`owner`: a desk (`desk:` and a lower-case name, e.g. `desk:mlit`) or a person's subject (the token's `sub`).</summary>
public sealed partial record ReassignFollowUp([property: Required, StringLength(200, MinimumLength = 1)] string Owner) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var owner = Owner.Trim();
        if (owner.StartsWith("desk:", StringComparison.Ordinal) ? !Desk().IsMatch(owner) : !Subject().IsMatch(owner))
            yield return new ValidationResult("must be a desk ('desk:' and lower-case letters, digits or '-', e.g. 'desk:mlit') or a person's subject (no spaces).",
                [nameof(Owner)]);
    }

    [GeneratedRegex("^desk:[a-z0-9][a-z0-9-]{0,60}$")]
    private static partial Regex Desk();

    [GeneratedRegex(@"^[^\s:]{1,200}$")]
    private static partial Regex Subject();
}

public static class ReassignFollowUpDecision
{
    /// <summary>Only an open task changes hands; to its current owner → 409.</summary>
    public static Decision Decide(FollowUpWriteModel task, ReassignFollowUp command)
    {
        var owner = command.Owner.Trim();
        return task.MustBeOpen("reassign it")
               ?? (task.Owner == owner
                   ? Decision.Conflict($"The task is already owned by {owner}.")
                   : Decision.Accept(new FollowUpReassigned(task.Id, owner)));
    }
}

public static class ReassignFollowUpEndpoint
{
    [WolverinePost("/api/follow-ups/{id}/reassign"), Authorize(Roles = Roles.Officer + "," + Roles.Hotline)]
    public static (IResult, Events, OutgoingMessages) Post(ReassignFollowUp command, [WriteAggregate(Required = false)] FollowUpWriteModel task) =>
        WriteResults.Answer(ReassignFollowUpDecision.Decide(task, command), task.Id, task.Version);
}
