using ProjectCases.Infrastructure.OpenApi;
using System.ComponentModel.DataAnnotations;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Organisations;

/// <summary>A person at an organisation, in both scripts (a contact stream of its own).</summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string? NameJa { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
}

public sealed class ContactProjection : SingleStreamProjection<Contact, Guid>
{
    // Only its own event: otherwise Marten loads a Contact for every stream of every write (see OrganisationProjection).
    public ContactProjection() => IncludeType<ContactRegistered>();

    public override Contact? Evolve(Contact? snapshot, Guid id, IEvent e) => e.Data switch
    {
        ContactRegistered r => new Contact { Id = id, Version = e.Version, OrganisationId = r.OrganisationId, Name = r.Name, NameJa = r.NameJa, Role = r.Role, Email = r.Email },
        _ => snapshot,
    };
}

public sealed record RegisterContact(
    [property: Required, StringLength(300)] string Name,
    [property: StringLength(300)] string? NameJa,
    [property: Required] Guid? OrganisationId,
    [property: StringLength(300)] string? Role,
    [property: StringLength(320), EmailAddress] string? Email);

public static class RegisterContactEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(RegisterContact command, IQuerySession session, CancellationToken ct) =>
        await OrganisationReferences.MissingAsync(session, "organisationId", [command.OrganisationId], ct) ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/contacts"), Authorize(Roles = OrganisationReferences.Writers)]
    public static (IResult, IStartStream) Post(RegisterContact command)
    {
        var id = Guid.CreateVersion7();
        var registered = new ContactRegistered(id, command.OrganisationId!.Value, command.Name.Trim(), RegisterOrganisationEndpoint.Trimmed(command.NameJa),
            RegisterOrganisationEndpoint.Trimmed(command.Role), RegisterOrganisationEndpoint.Trimmed(command.Email));
        return (WriteResults.Created($"/api/contacts?organisationId={command.OrganisationId}", new WriteAccepted(id, 1), 1), MartenOps.StartStream<Contact>(id, registered));
    }

}

public static class ListContactsEndpoint
{
    /// <summary>Filter `organisationId`; by name.</summary>
    [Query("organisationId", typeof(Guid), "Only the contacts of this organisation."), Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<Contact>>(200)]
    [WolverineGet("/api/contacts", OperationId = "ListContacts"), Authorize(Roles = OrganisationReferences.Writers)]
    public static async Task<IResult> List(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var organisationId = query.Guid("organisationId");
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return Results.Problem(problem);
        if (format is { } file) return ListExport.AllPages(file, "contacts", (p, size) => QueryAsync(session, organisationId, p, size, ct));
        return Results.Ok(await QueryAsync(session, organisationId, page, pageSize, ct));
    }

    /// <summary>One page of contacts by name.</summary>
    public static async Task<ListPage<Contact>> QueryAsync(IQuerySession session, Guid? organisationId, int page, int pageSize, CancellationToken ct)
    {
        IQueryable<Contact> contacts = session.Query<Contact>();
        if (organisationId is { } org) contacts = contacts.Where(c => c.OrganisationId == org);
        var found = await contacts.OrderBy(c => c.Name).ThenBy(c => c.Id).ToPagedListAsync(page, pageSize, ct);
        return new ListPage<Contact>([.. found], page, pageSize, found.TotalItemCount);
    }
}
