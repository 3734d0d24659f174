using Npgsql;
using ProjectCases.Infrastructure.Postgres;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// The PostgreSQL that `dotnet run`, the tests and the benchmark start for themselves runs with glibc's allocator
/// settings (PostgresServer.AllocatorTunables): without them a backend returned its heap to the kernel after every read
/// of a large stored project (docs/operations.md, "PostgreSQL's memory allocator"). The setting only works if it reaches
/// the server through pg_ctl (and, as root, through runuser), so it is read back from the running server's environment:
/// the postmaster's, which every backend inherits when it is forked (a backend's own /proc environ is overwritten by its
/// process title).
/// </summary>
public class LocalServerAllocatorSettings : IAsyncLifetime
{
    private readonly PostgresServer _server =
        PostgresServer.Create(Path.Combine(Path.GetTempPath(), $"projectcases-allocator-{Guid.NewGuid():N}"), PostgresServer.FreePort());

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        try { Directory.Delete(_server.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task the_local_server_runs_with_the_allocator_settings()
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString("postgres"));
        await connection.OpenAsync(); // the server answers
        var postmaster = (await File.ReadAllLinesAsync(Path.Combine(_server.DataDirectory, "postmaster.pid")))[0];

        var environment = await File.ReadAllTextAsync($"/proc/{postmaster}/environ");

        // glibc parses GLIBC_TUNABLES in place when the program starts, ending each setting at its ':' with a NUL.
        Assert.Contains($"\0GLIBC_TUNABLES={PostgresServer.AllocatorTunables.Replace(':', '\0')}\0", environment);
    }
}
