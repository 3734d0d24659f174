using System.Security.Claims;
using JasperFx.Events;
using Marten;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;

namespace ProjectCases.Imports;

/// <summary>
/// Many import rows in one Marten session inside the import's transaction, saved by one SaveChanges (<see cref="SaveAsync"/>):
/// the append and every inline projection then run once for the batch — each touched project's documents loaded once, all
/// statements in one round trip — instead of once per row. The steps per row are InProcessWrites' (fetch for writing,
/// <see cref="WritePrecondition"/>, the decision, append with the expected version), except that each project's write model
/// is kept between rows and evolved with the events decided for it, so the next row on that project decides on them.
/// A concurrent write shows at SaveChanges (ConcurrencyException); the runner then redoes the rows one by one.
/// </summary>
public sealed class ImportBatch(InProcessWrites inTransaction, ClaimsPrincipal user) : IRowWrites, IAsyncDisposable
{
    private IDocumentSession? _session;
    private readonly Dictionary<Guid, Project> _projects = [];
    private readonly HashSet<Guid> _expected = [];

    /// <summary>A project written in this batch: its stream as fetched for writing (null when started in this batch) and its model now.</summary>
    private sealed class Project(IEventStream<ProjectWriteModel>? stream, ProjectWriteModel? model)
    {
        public IEventStream<ProjectWriteModel>? Stream { get; } = stream;
        public ProjectWriteModel? Model { get; set; } = model;
    }

    private IDocumentSession Session => _session ??= inTransaction.OpenInTransaction(user);

    /// <summary>
    /// Projects the coming rows name: fetched together, in one round trip, when the first of them is needed. Rows come in kind
    /// order, so by then the projects this batch registers are already known here and are not fetched.
    /// </summary>
    public void Expect(IEnumerable<Guid> projectIds) => _expected.UnionWith(projectIds);

    public async Task<WriteOutcome> StartAsync(Guid id, Func<IDocumentSession, CancellationToken, Task<Decision>> decide, CancellationToken ct)
    {
        var decision = await decide(Session, ct);
        if (decision.Refusal is { } refusal) return new WriteOutcome(null, refusal.ToProblem());
        InProcessWrites.RefuseMessages(decision);
        Session.Events.StartStream<ProjectStatus>(id, decision.Events);
        _projects[id] = new Project(null, ProjectWriteModel.After(null, decision.Events));
        return new WriteOutcome(decision.Events.Count, null);
    }

    public async Task<WriteOutcome> ExecuteAsync(Guid id, Func<IDocumentSession, ProjectWriteModel, CancellationToken, Task<Decision>> decide,
        CancellationToken ct)
    {
        var project = await ProjectAsync(id, ct);
        if (WritePrecondition.Check(project.Model, id, user, null) is { } problem) return new WriteOutcome(null, problem);
        var decision = await decide(Session, project.Model!, ct);
        if (decision.Refusal is { } refusal) return new WriteOutcome(null, refusal.ToProblem());
        InProcessWrites.RefuseMessages(decision);
        // Appended to the one stream action of this project in the session: the expected version stays the fetched one.
        if (project.Stream is { } stream) stream.AppendMany(decision.Events);
        else Session.Events.Append(id, decision.Events);
        project.Model = ProjectWriteModel.After(project.Model, decision.Events);
        return new WriteOutcome(project.Model!.Version, null);
    }

    /// <summary>Saves the rows decided so far (not a commit: the import's transaction commits) and starts afresh.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        if (_session is null) return;
        try { await _session.SaveChangesAsync(ct); }
        finally { await DisposeAsync(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        _session = null;
        _projects.Clear();
    }

    private async Task<Project> ProjectAsync(Guid id, CancellationToken ct)
    {
        if (_projects.TryGetValue(id, out var known)) return known;
        if (id == Guid.Empty) return new Project(null, null); // no stream has it (a row without its project): 404
        _expected.Add(id);
        var ids = _expected.Where(e => e != Guid.Empty && !_projects.ContainsKey(e)).ToList();
        _expected.Clear();
        var streams = await Session.Events.FetchManyForWriting<ProjectWriteModel>(ids, ct);
        foreach (var stream in streams) _projects[stream.Id] = new Project(stream, stream.Aggregate);
        return _projects[id];
    }
}
