using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects.Status;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole.Pages.Tasks;

/// <summary>One follow-up with its actions, complete, reschedule, reassign and cancel: the endpoints' decisions through <see cref="ConsoleWrites"/>.</summary>
[Authorize(Roles = Roles.Officer + "," + Roles.Hotline)]
public sealed class TaskModel(IQuerySession session, TimeProvider clock, ConsoleWrites writes) : FormPage(writes)
{
    [BindProperty] public CompleteForm Complete { get; set; } = new();
    [BindProperty] public RescheduleForm Reschedule { get; set; } = new();
    [BindProperty] public ReassignForm Reassign { get; set; } = new();
    [BindProperty] public CancelForm Cancel { get; set; } = new();

    public FollowUpTask Task { get; private set; } = null!;
    public bool Overdue { get; private set; }
    public string? ProjectName { get; private set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostComplete(Guid id, CancellationToken ct)
    {
        var command = new CompleteFollowUp(Complete.Note);
        return Write(id, nameof(Complete), () => Writes.ExecuteAsync<FollowUpWriteModel, CompleteFollowUp>(id, FormVersion, User, command,
            task => CompleteFollowUpDecision.Decide(task, command), ct), ct);
    }

    public Task<IActionResult> OnPostReschedule(Guid id, CancellationToken ct)
    {
        var command = new RescheduleFollowUp(Reschedule.DueOn, Reschedule.Reason ?? "");
        return Write(id, nameof(Reschedule), () => Writes.ExecuteAsync<FollowUpWriteModel, RescheduleFollowUp>(id, FormVersion, User, command,
            task => RescheduleFollowUpDecision.Decide(task, command), ct), ct);
    }

    public Task<IActionResult> OnPostReassign(Guid id, CancellationToken ct)
    {
        var command = new ReassignFollowUp(Reassign.Owner ?? "");
        return Write(id, nameof(Reassign), () => Writes.ExecuteAsync<FollowUpWriteModel, ReassignFollowUp>(id, FormVersion, User, command,
            task => ReassignFollowUpDecision.Decide(task, command), ct), ct);
    }

    public Task<IActionResult> OnPostCancel(Guid id, CancellationToken ct)
    {
        var command = new CancelFollowUp(Cancel.Reason ?? "");
        return Write(id, nameof(Cancel), () => Writes.ExecuteAsync<FollowUpWriteModel, CancelFollowUp>(id, FormVersion, User, command,
            task => CancelFollowUpDecision.Decide(task, command), ct), ct);
    }

    private async Task<IActionResult> Write(Guid id, string form, Func<Task<WriteOutcome>> write, CancellationToken ct)
    {
        if (BoundCleanly(form) && Accepted(await write(), form)) return Redirect($"/tasks/{id}");
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<FollowUpTask>(id, ct) is not { } task) return false;
        Task = task;
        if (PostedForm is null) FormVersion = task.Version;
        Overdue = FollowUpTask.IsOverdue(task.Status, task.OverdueRecorded, task.DueOn, TokyoTime.Today(clock));
        if (task.ProjectId is { } projectId && await session.LoadAsync<ProjectStatus>(projectId, ct) is { } project)
            ProjectName = ConsoleCulture.NameOf(project.Name, project.NameJa);
        return true;
    }
}

public sealed class CompleteForm { public string? Note { get; set; } }

public sealed class RescheduleForm
{
    public DateOnly? DueOn { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A desk ("desk:mlit") or a person's subject.</summary>
public sealed class ReassignForm { public string? Owner { get; set; } }

public sealed class CancelForm { public string? Reason { get; set; } }
