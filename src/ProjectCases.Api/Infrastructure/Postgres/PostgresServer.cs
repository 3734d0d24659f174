using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ProjectCases.Infrastructure.Postgres;

/// <summary>
/// A PostgreSQL server run from the installed binaries on a data folder of ours: used by `dotnet run`
/// when no connection string is configured, and by the tests for a throw-away server.
/// initdb refuses to run as root, so as root every server program runs as the `postgres` user.
/// </summary>
public sealed class PostgresServer(string dataDirectory, int port, string binDirectory)
{
    /// <summary>
    /// glibc's allocator settings for the server's processes (docs/operations.md, "PostgreSQL's memory allocator"). By
    /// default glibc gives memory back to the kernel as soon as 128 KB are free at the top of a process's heap; a backend
    /// that reads a stored project of 10–20 KB frees about 144 KB at the end of every statement, so it shrank and regrew
    /// its heap on every read (two `brk` calls and the page faults after them: a fifth of PostgreSQL's time; the benchmark's
    /// GET /api/projects/{id} at 16 clients 1,603–1,725 req/s without, 3,192–4,490 with). Freed memory is kept up to 4 MB
    /// per process; blocks up to 1 MB come from the heap (setting either disables glibc's own adjustment of both).
    /// </summary>
    public const string AllocatorTunables = "glibc.malloc.trim_threshold=4194304:glibc.malloc.mmap_threshold=1048576";

    public string DataDirectory { get; } = dataDirectory;
    public int Port { get; } = port;

    /// <summary>True when this instance started the server (and so should stop it).</summary>
    public bool StartedByUs { get; private set; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=100";

    public static PostgresServer Create(string dataDirectory, int port) =>
        new(dataDirectory, port, PostgresBinaries.FindDirectory() ?? throw new InvalidOperationException(PostgresBinaries.HowToFix));

    /// <summary>
    /// Whether the server's user can reach <paramref name="folder"/>: always when we are not root; as root, the
    /// `postgres` user needs search rights on every parent (a checkout under a private home folder has none).
    /// </summary>
    public static bool ServerUserCanReach(string folder)
    {
        if (!Environment.IsPrivilegedProcess) return true;
        using var test = Process.Start(new ProcessStartInfo("runuser", ["-u", "postgres", "--", "test", "-x", folder])
            { RedirectStandardError = true, UseShellExecute = false })!;
        test.WaitForExit();
        return test.ExitCode == 0;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="settings">Extra server settings (`name=value`), e.g. the benchmark's statement statistics.</param>
    public async Task StartAsync(CancellationToken ct = default, params string[] settings)
    {
        PrepareDataDirectory();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await RunAsync("initdb", ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], ct);
        }

        if (await IsRunningAsync(ct)) return; // e.g. a second `dotnet run` on the same data folder

        var options = $"-p {Port} -k {DataDirectory} -c listen_addresses=127.0.0.1 -c max_connections=200"
            + string.Concat(settings.Select(setting => $" -c {setting}"));
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-o", options, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "start"], ct);
        StartedByUs = true;
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (!StartedByUs) return;
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], ct, throwOnError: false);
        StartedByUs = false;
    }

    private async Task<bool> IsRunningAsync(CancellationToken ct) =>
        await RunAsync("pg_ctl", ["-D", DataDirectory, "status"], ct, throwOnError: false) == 0;

    private void PrepareDataDirectory()
    {
        Directory.CreateDirectory(DataDirectory);
        if (!Environment.IsPrivilegedProcess) return;
        // The server runs as `postgres`: it must own its folder and be able to reach it.
        RunAsync("chown", ["-R", "postgres:postgres", DataDirectory], CancellationToken.None, asServerUser: false)
            .GetAwaiter().GetResult();
        if (RunAsync("test", ["-w", DataDirectory], CancellationToken.None, throwOnError: false).GetAwaiter().GetResult() != 0)
        {
            throw new InvalidOperationException(
                $"The `postgres` user cannot write to {DataDirectory} (a parent folder is probably private to root). " +
                "Set LocalPostgres__DataDirectory to a folder it can reach, or set ConnectionStrings__Marten.");
        }
    }

    private async Task<int> RunAsync(string program, string[] arguments, CancellationToken ct,
        bool throwOnError = true, bool asServerUser = true)
    {
        var isServerProgram = program is "initdb" or "pg_ctl";
        var file = isServerProgram ? Path.Combine(binDirectory, program) : program;
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (isServerProgram) start.Environment["GLIBC_TUNABLES"] = AllocatorTunables; // pg_ctl passes it on to the server
        if (asServerUser && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var part in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(part);
        }
        else
        {
            start.FileName = file;
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{program} {string.Join(' ', arguments)}` failed with exit code {process.ExitCode}: {await error}{await output}");
        }
        return process.ExitCode;
    }
}
