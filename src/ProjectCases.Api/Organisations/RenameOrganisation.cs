using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Organisations;

/// <summary>A ministry reorganised, a company renamed: the former names stay in the organisation's history.</summary>
public sealed record RenameOrganisation(
    [property: Required, StringLength(300)] string Name,
    [property: StringLength(300)] string? NameJa,
    [property: StringLength(1000)] string? Reason);

public static class RenameOrganisationDecision
{
    public static Decision Decide(OrganisationWriteModel organisation, RenameOrganisation command)
    {
        var (name, nameJa) = (command.Name.Trim(), RegisterOrganisationEndpoint.Trimmed(command.NameJa));
        return name == organisation.Name && nameJa == organisation.NameJa
            ? Decision.Conflict($"The organisation is already named '{name}'{(nameJa is null ? "" : $" / '{nameJa}'")}.")
            : Decision.Accept(new OrganisationRenamed(organisation.Id, name, nameJa, RegisterOrganisationEndpoint.Trimmed(command.Reason)));
    }
}

public static class RenameOrganisationEndpoint
{
    /// <summary>The new name may not be another organisation's (409 naming it); the organisation's own former names are fine.</summary>
    public static async Task<ProblemDetails> ValidateAsync(Guid id, RenameOrganisation command, IQuerySession session, CancellationToken ct) =>
        await OrganisationReferences.DuplicateAsync(session, command.Name, command.NameJa, except: id, ct) ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/organisations/{id}/rename"), Authorize(Roles = OrganisationReferences.Writers)]
    public static (IResult, Events, OutgoingMessages) Post(RenameOrganisation command, [WriteAggregate(Required = false)] OrganisationWriteModel organisation) =>
        WriteResults.Answer(RenameOrganisationDecision.Decide(organisation, command), organisation.Id, organisation.Version);
}
