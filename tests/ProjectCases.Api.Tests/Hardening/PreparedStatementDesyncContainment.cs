using Marten;
using Npgsql;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Postgres;

namespace ProjectCases.Api.Tests.Hardening;

/// <summary>
/// Why a NUL in `q` once broke a pooled connection for the next user (issue 22, item 4), reproduced below
/// the HTTP edge (which now refuses the NUL) on a single pooled connection: the statement's fifth run, the one
/// on which Npgsql prepares it, fails at Bind; Npgsql keeps it as prepared without its row description, and the
/// next run of that SQL misreads its rows. If Npgsql fixes this, the "without" case fails: then the retry in
/// PreparedStatementDesync can go.
/// </summary>
public class PreparedStatementDesyncContainment(ApiFixture fixture) : ApiTest(fixture)
{
    public sealed class Note
    {
        public Guid Id { get; set; }
        public string Text { get; set; } = "";
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)] // the service's sessions hold one connection each (MartenSetup): the retry must still heal
    [InlineData(false, false)]
    public async Task a_statement_refused_while_being_prepared_does_not_fail_the_next_read(bool withRetry, bool sticky)
    {
        var connection = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithStatementPreparation(Fixture.ConnectionString)) { MaxPoolSize = 1 };
        await using var store = DocumentStore.For(opts =>
        {
            opts.Connection(connection.ConnectionString);
            opts.DatabaseSchemaName = "desync_check";
            if (withRetry) opts.RetryReadsOnceAfterDesync();
            opts.UseStickyConnectionLifetimes = sticky;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using (var session = store.LightweightSession())
        {
            session.Store(new Note { Id = Guid.NewGuid(), Text = "Rail" });
            await session.SaveChangesAsync();
        }

        async Task<Exception?> Search(string text)
        {
            try
            {
                await using var session = store.QuerySession();
                await session.Query<Note>().Where(n => n.Text.Contains(text)).ToListAsync();
                return null;
            }
            catch (Exception e) { return e; }
        }

        for (var i = 0; i < 4; i++) Assert.Null(await Search("Rai"));
        Assert.NotNull(await Search("\u0000")); // the fifth run: Parse accepted, Bind refused (22021)
        var next = await Search("Rai");

        if (withRetry) Assert.Null(next);
        else Assert.True(PreparedStatementDesync.IsDesync(next), $"expected Npgsql's desync, got {next?.Message ?? "success"}");
        Assert.Null(await Search("Rai"));
    }
}
