using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.Validation;
using ProjectCases.Projects.Status;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Projects;

public sealed record RegisterProject(
    [property: Required, StringLength(300)] string Name,
    [property: StringLength(300)] string? NameJa,
    [property: Required, IsoCountry] string Country,
    [property: Required] Sector? Sector,
    [property: Required] Financing? Financing,
    [property: StringLength(200)] string? LeadAgency,
    [property: StringLength(4000)] string? Summary);

public static class RegisterProjectDecision
{
    /// <summary>A new project: always accepted once its fields are valid.</summary>
    public static Decision Decide(RegisterProject command, Guid id) =>
        Decision.Accept(new ProjectRegistered(id, command.Name.Trim(), command.NameJa?.Trim(), command.Country,
            command.Sector!.Value, command.Financing!.Value, command.LeadAgency?.Trim(), command.Summary?.Trim()));
}

public static class RegisterProjectEndpoint
{
    /// <summary>Starts a project stream with ProjectRegistered.</summary>
    [WolverinePost("/api/projects"), Authorize(Roles = Roles.ProjectWriters)]
    public static (IResult, IStartStream) Post(RegisterProject command)
    {
        var id = Guid.CreateVersion7();
        var registered = RegisterProjectDecision.Decide(command, id).Events.Single();
        var response = WriteResults.Created($"/api/projects/{id}", new WriteAccepted(id, 1), version: 1);
        return (response, MartenOps.StartStream<ProjectStatus>(id, registered));
    }
}
