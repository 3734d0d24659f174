using JasperFx.Events;
using Marten;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Infrastructure;
using ProjectCases.Projects.Status;
using Wolverine;

namespace ProjectCases.FollowUps.Rules;

/// <summary>
/// Carries out the rules' actions. Runs as a Wolverine handler fed, in strict order and after commit, by a
/// Marten subscription (FollowUpRulesSubscription), so the write that triggered it is never slowed down. Exactly
/// once in effect: a new task's id derives from its rule key, so a replayed or rebuilt event (or one handled again
/// after the subscription paused mid-page) finds the task already there; closing a task that is not open does nothing.
/// </summary>
public static class FollowUpAutomation
{
    private static readonly Guid Namespace = new("7c4b1e0a-2f3d-4a5b-8c6d-9e0f1a2b3c4d");

    public static Guid TaskId(string key) => NameBasedGuid.Create(Namespace, key);

    public static async Task CarryOutAsync(IEvent e, IDocumentSession session, IMessageBus bus, FollowUpOptions options, CancellationToken ct)
    {
        foreach (var action in FollowUpRules.For(e))
        {
            if (action is OpenTask open)
            {
                if (FollowUpHorizon.Admits(open, e.Timestamp, options.HorizonDays)) await OpenAsync(open, e.EventTypeName, session, bus, ct);
                continue;
            }
            var tasks = await session.Query<FollowUpTask>()
                .Where(t => t.Rule == action.Rule.Key && t.SubjectId == action.Subject && t.Status == FollowUpStatus.Open)
                .ToListAsync(ct);
            foreach (var task in tasks)
            {
                switch (action)
                {
                    case CloseTasks { Cancel: true } c: session.Events.Append(task.Id, new FollowUpCancelled(task.Id, c.Reason)); break;
                    case CloseTasks c: session.Events.Append(task.Id, new FollowUpCompleted(task.Id, c.Reason, c.Rule.Key)); break;
                    case MoveTasks m when m.DueOn != task.DueOn:
                        session.Events.Append(task.Id, new FollowUpRescheduled(task.Id, m.DueOn, m.Reason));
                        await FollowUpDueCheck.ScheduleAsync(bus, task.Id, m.DueOn);
                        break;
                    case ReassignTasks r when r.Owner != task.Owner: session.Events.Append(task.Id, new FollowUpReassigned(task.Id, r.Owner)); break;
                }
            }
        }
    }

    private static async Task OpenAsync(OpenTask open, string sourceType, IDocumentSession session, IMessageBus bus, CancellationToken ct)
    {
        var id = TaskId(open.Key);
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null) return; // already created: a replay
        var owner = open.Owner == FollowUpRules.ProjectDesk ? await ProjectDeskAsync(open.ProjectId, session, ct) : open.Owner;
        session.Events.StartStream<FollowUpTask>(id,
            new FollowUpScheduled(id, open.Title, owner, open.DueOn, open.Rule.Key, sourceType, open.Subject, open.ProjectId, open.TroubleId));
        await FollowUpDueCheck.ScheduleAsync(bus, id, open.DueOn);
    }

    private static async Task<string> ProjectDeskAsync(Guid? projectId, IDocumentSession session, CancellationToken ct)
    {
        var project = projectId is { } id ? await session.LoadAsync<ProjectStatus>(id, ct) : null;
        return $"desk:{(string.IsNullOrWhiteSpace(project?.LeadAgency) ? "overseas-projects" : project.LeadAgency.Trim().ToLowerInvariant())}";
    }
}
