using System.Security.Claims;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects;
using ProjectCases.Projects.Agreements;
using ProjectCases.Projects.Status;
using ProjectCases.Projects.Touchpoints;
using ProjectCases.WebConsole.Writes;
using Wolverine.Http;

namespace ProjectCases.Imports;

/// <summary>
/// Runs an import's rows through the single writes' own validation (<see cref="ConsoleWrites.Validate{TCommand}"/>), the
/// endpoints' organisation checks and pure decisions, written by <see cref="ImportBatch"/> — one Marten session and one
/// SaveChanges per <see cref="BatchSize"/> rows — inside one transaction per <see cref="BatchSize"/> rows (a dry run: one
/// transaction for the whole file, rolled back, so later rows see the projects earlier rows registered and nothing stays).
/// A row that fails at the database (a concurrent write) aborts the transaction: its batch runs again row by row through
/// <see cref="InProcessWrites"/> with a savepoint per row, so that row is undone alone. Idempotent by the rows' ids (<see cref="ImportCommands"/>) and the <see cref="ImportedRow"/> ledger.
/// </summary>
public sealed class ImportRunner(IDocumentStore store, InProcessWrites writes, ConsoleWrites validation, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const int BatchSize = 100;

    public async Task<ImportReport> RunAsync(IReadOnlyList<ImportRow> rows, ClaimsPrincipal user, bool dryRun, Action<int, int>? progress,
        CancellationToken ct)
    {
        var commands = rows.Select(r => ImportCommands.Parse(r, json.Value.SerializerOptions)).ToList();
        var ledger = await RecordedAsync(commands.Select(c => c.RowId), ct);
        var results = new ImportRowResult[rows.Count];
        var earlier = new Dictionary<Guid, RowCommand>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        var size = dryRun ? Math.Max(commands.Count, 1) : BatchSize;
        for (var start = 0; start < commands.Count; start += size)
        {
            var end = Math.Min(start + size, commands.Count);
            var before = new Dictionary<Guid, RowCommand>(earlier);
            try
            {
                await BatchedAsync(start, end);
            }
            // Rare: a row failed at the database (a concurrent write), which aborts the transaction. The rows again, from the
            // start, one by one with a savepoint each (two more round trips a row), so that the failing row is undone alone.
            catch (Exception e) when (IsOvertaken(e))
            {
                await transaction.RollbackAsync(ct);
                await transaction.DisposeAsync();
                transaction = await connection.BeginTransactionAsync(ct);
                earlier = before;
                await RowByRowAsync(start, end);
            }
            if (!dryRun)
            {
                await CommitAsync(transaction, results, start, end - 1, ct);
                await transaction.DisposeAsync();
                transaction = await connection.BeginTransactionAsync(ct);
            }
        }
        await transaction.RollbackAsync(ct); // a dry run's writes; after a real run, an empty transaction
        await transaction.DisposeAsync();
        return new ImportReport(dryRun, results);

        // One SaveChanges per BatchSize rows. A row that writes to other projects too (a touchpoint's alsoForProjectIds) is
        // written on its own after saving the rows before it, as its decision fetches those projects itself.
        async Task BatchedAsync(int from, int to)
        {
            var inTransaction = writes.InTransaction(transaction);
            await using var batch = new ImportBatch(inTransaction, user);
            for (var chunk = from; chunk < to; chunk += BatchSize)
            {
                var chunkEnd = Math.Min(chunk + BatchSize, to);
                batch.Expect(ProjectsNamed(commands, ledger, chunk, chunkEnd));
                for (var i = chunk; i < chunkEnd; i++)
                {
                    IRowWrites rowWrites = batch;
                    if (TouchesOtherProjects(commands[i]))
                    {
                        await batch.SaveAsync(ct);
                        batch.Expect(ProjectsNamed(commands, ledger, i + 1, chunkEnd));
                        rowWrites = new RowByRowWrites(inTransaction, user);
                    }
                    await RowAsync(i, rowWrites, savepoints: false);
                }
                await batch.SaveAsync(ct);
            }
        }

        async Task RowByRowAsync(int from, int to)
        {
            var rowByRow = new RowByRowWrites(writes.InTransaction(transaction), user);
            for (var i = from; i < to; i++) await RowAsync(i, rowByRow, savepoints: true);
        }

        async Task RowAsync(int i, IRowWrites rowWrites, bool savepoints)
        {
            var (outcome, detail) = await DecideRowAsync(commands[i], earlier, ledger, rowWrites, savepoints ? transaction : null, user, ct);
            results[i] = new ImportRowResult(rows[i].Row, rows[i].Sheet, dryRun && outcome == ImportOutcome.Recorded ? ImportOutcome.WouldRecord : outcome, detail);
            progress?.Invoke(i + 1, rows.Count);
        }
    }

    /// <summary>The projects that rows [from, to) may write to (a project row's own project is started, not fetched; a recorded row writes nothing).</summary>
    private static IEnumerable<Guid> ProjectsNamed(List<RowCommand> commands, HashSet<Guid> ledger, int from, int to) =>
        commands.Skip(from).Take(to - from).Where(c => c.Command is not null && c.Row.Kind != ImportKind.Projects && !ledger.Contains(c.RowId))
            .Select(c => c.ProjectId);

    private static bool TouchesOtherProjects(RowCommand row) => row.Command is LogTouchpoint { AlsoForProjectIds.Count: > 0 };

    /// <summary>One batch's SaveChanges may report several rows overtaken at once (an AggregateException of them).</summary>
    private static bool IsOvertaken(Exception e) => e is ExistingStreamIdCollisionException or DocumentAlreadyExistsException or ConcurrencyException
        || e is AggregateException { InnerExceptions.Count: > 0 } many && many.InnerExceptions.All(IsOvertaken);

    /// <summary>A batch that cannot be committed (the connection failed) records none of its rows: they say so, and a re-run records them.</summary>
    private static async Task CommitAsync(NpgsqlTransaction transaction, ImportRowResult[] results, int from, int to, CancellationToken ct)
    {
        try { await transaction.CommitAsync(ct); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            for (var i = from; i <= to; i++)
                if (results[i].Outcome == ImportOutcome.Recorded)
                    results[i] = results[i] with { Outcome = ImportOutcome.Refused, Detail = $"Not recorded: the database did not commit ({e.Message}). Import the file again." };
        }
    }

    /// <summary>A row's checks and decision, written through <paramref name="rowWrites"/>; with <paramref name="savepointIn"/>, under a savepoint of its own.</summary>
    private async Task<(ImportOutcome, string?)> DecideRowAsync(RowCommand row, Dictionary<Guid, RowCommand> earlier, HashSet<Guid> ledger,
        IRowWrites rowWrites, NpgsqlTransaction? savepointIn, ClaimsPrincipal user, CancellationToken ct)
    {
        if (row.Problem is { } problem) return (ImportOutcome.Refused, problem);
        if (earlier.TryGetValue(row.RowId, out var first))
            return row.Row.Kind == ImportKind.Projects
                ? (ImportOutcome.Refused, $"The key \"{row.ProjectKey}\" is already used by {first.Row.Sheet} row {first.Row.Row}.")
                : (ImportOutcome.AlreadyRecorded, $"The same as {first.Row.Sheet} row {first.Row.Row}.");
        earlier[row.RowId] = row;
        if (ledger.Contains(row.RowId)) return (ImportOutcome.AlreadyRecorded, "An earlier import recorded this row.");
        var invalid = row.Command switch
        {
            RegisterProject command => validation.Validate(command),
            LogTouchpoint command => validation.Validate(command),
            SignAgreement command => validation.Validate(command),
            RecordAward command => validation.Validate(command),
            _ => throw new InvalidOperationException($"No validation for {row.Command?.GetType().Name}."),
        };
        if (invalid is not null) return (ImportOutcome.Refused, Describe(invalid));

        if (savepointIn is not null) await savepointIn.SaveAsync("import_row", ct);
        try
        {
            var outcome = await WriteAsync(row, rowWrites, user, ct);
            if (savepointIn is not null) await savepointIn.ReleaseAsync("import_row", ct);
            if (outcome.Problem is { } refused) return (ImportOutcome.Refused, Describe(refused, row));
            return (ImportOutcome.Recorded, null);
        }
        catch (Exception e) when (savepointIn is not null && IsOvertaken(e))
        {
            await savepointIn.RollbackAsync("import_row", ct);
            return e is ConcurrencyException
                ? (ImportOutcome.Refused, "The project changed meanwhile; import the file again.")
                : (ImportOutcome.AlreadyRecorded, "Another import recorded this row meanwhile.");
        }
    }

    private Task<WriteOutcome> WriteAsync(RowCommand row, IRowWrites rowWrites, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = row.RowId;
        return row.Command switch
        {
            RegisterProject command => rowWrites.StartAsync(row.ProjectId, (session, _) =>
            {
                var decision = RegisterProjectDecision.Decide(command, row.ProjectId);
                session.Insert(Ledger(row, user));
                return Task.FromResult(decision);
            }, ct),
            LogTouchpoint command => OnProjectAsync(rowWrites, row, user,
                (session, token) => LogTouchpointEndpoint.ValidateAsync(command, session, token),
                (session, project, token) => LogTouchpointInProcess.DecideAsync(session, project, command, id, token), ct),
            SignAgreement command => OnProjectAsync(rowWrites, row, user,
                (session, token) => SignAgreementEndpoint.ValidateAsync(command, session, token),
                (_, project, _) => Task.FromResult(SignAgreementDecision.Decide(project, command, id)), ct),
            RecordAward command => OnProjectAsync(rowWrites, row, user,
                (session, token) => RecordAwardEndpoint.ValidateAsync(command, session, token),
                (_, project, _) => Task.FromResult(RecordAwardDecision.Decide(project, command, id)), ct),
            _ => throw new InvalidOperationException($"No write for {row.Command?.GetType().Name}."),
        };
    }

    /// <summary>The endpoint's steps on an existing project: its organisation check (Wolverine's Validate step), then its decision.</summary>
    private Task<WriteOutcome> OnProjectAsync(IRowWrites rowWrites, RowCommand row, ClaimsPrincipal user,
        Func<IDocumentSession, CancellationToken, Task<ProblemDetails>> check, Func<IDocumentSession, ProjectWriteModel, CancellationToken, Task<Decision>> decide,
        CancellationToken ct) =>
        rowWrites.ExecuteAsync(row.ProjectId, async (session, project, token) =>
        {
            var problem = await check(session, token);
            if (!ReferenceEquals(problem, WolverineContinue.NoProblems))
                return new Decision([], new Refusal(problem.Status ?? 400, problem.Title ?? "Invalid", Describe(problem)));
            var decision = await decide(session, project, token);
            if (decision.IsAccepted) session.Insert(Ledger(row, user));
            return decision;
        }, ct);

    private ImportedRow Ledger(RowCommand row, ClaimsPrincipal user) =>
        new(row.RowId, row.Row.Kind, row.ProjectId, user.Identity?.Name, clock.GetUtcNow());

    private async Task<HashSet<Guid>> RecordedAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var found = new HashSet<Guid>();
        foreach (var chunk in ids.Distinct().Chunk(1000))
            foreach (var id in await session.Query<ImportedRow>().Where(r => r.Id.IsOneOf(chunk)).Select(r => r.Id).ToListAsync(ct)) found.Add(id);
        return found;
    }

    /// <summary>The refusal in words: a 400's fields one by one; a missing project named by the key the row gave.</summary>
    private static string Describe(ProblemDetails problem, RowCommand? row = null)
    {
        if (problem is ValidationProblemDetails { Errors.Count: > 0 } validation)
            return string.Join(" ", validation.Errors.SelectMany(e => e.Value.Select(message => e.Key.Length == 0 ? message : $"{e.Key}: {message}")));
        if (problem.Status == 404 && row?.ProjectKey is { } key && row.Row.Kind != ImportKind.Projects)
            return $"No project with the key \"{key}\": not in this file's Projects sheet (or refused there), nor recorded by an earlier import.";
        return problem.Detail ?? problem.Title ?? "Refused.";
    }
}
