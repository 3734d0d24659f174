using System.Diagnostics;

namespace ProjectCases.Benchmarks;

/// <summary>The real service, built in Release and run as its own process against the benchmark's database.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    public Uri BaseAddress { get; }
    public int Pid => _process.Id;

    private ServiceProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public static string Dll(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "src", "ProjectCases.Api", "bin", "Release", "net10.0", "ProjectCases.Api.dll");

    public static async Task BuildAsync(string repositoryRoot)
    {
        var exit = await Run("dotnet", ["build", "-c", "Release", "-v", "q", "--nologo", Path.Combine(repositoryRoot, "src", "ProjectCases.Api")], repositoryRoot, null);
        if (exit != 0) throw new InvalidOperationException("`dotnet build -c Release src/ProjectCases.Api` failed.");
    }

    /// <summary>The environment a production host would give the checkout at <paramref name="repositoryRoot"/>: its image's
    /// runtime settings (<see cref="ImageEnvironment"/>), plus development tokens (API and console) and no rate limit for the load.</summary>
    public static Dictionary<string, string> Environment(string connectionString, int port, string repositoryRoot) => new(ImageEnvironment.RuntimeSettings(repositoryRoot))
    {
        ["ConnectionStrings__Marten"] = connectionString,
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Auth__AcceptDevelopmentTokens"] = "true",
        ["Console__DevelopmentSignIn"] = "true", // the console pages' figures sign in on the development form

        ["RateLimiting__PermitsPerSecond"] = "0",
        ["SampleData__LoadOnEmptyDatabase"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>
    /// With --profile: the runtime writes /tmp/perf-PID.map (names of JIT-compiled methods for perf) and keeps
    /// that code outside .NET's write-xor-execute double mapping, so perf can name it. Off otherwise: the map
    /// is work and files the measured service need not have.
    /// </summary>
    public static bool Profiling { get; set; }

    public static async Task<ServiceProcess> StartAsync(string repositoryRoot, string connectionString)
    {
        var port = Infrastructure.Postgres.PostgresServer.FreePort();
        var start = new ProcessStartInfo("dotnet", [Dll(repositoryRoot)])
        {
            WorkingDirectory = Path.GetDirectoryName(Dll(repositoryRoot))!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment(connectionString, port, repositoryRoot)) start.Environment[key] = value;
        if (Profiling)
        {
            start.Environment["DOTNET_PerfMapEnabled"] = "1";
            start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [service] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(90); await Task.Delay(250))
        {
            if (process.HasExited) throw new InvalidOperationException($"The service exited with code {process.ExitCode} while starting.");
            try { if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return service; }
            catch (HttpRequestException) { }
        }
        throw new TimeoutException("The service was not ready within 90 s.");
    }

    /// <summary>
    /// Ends every other session of the database, such as those of a service just stopped: PostgreSQL notices a dead
    /// client only at its next read, and the service's lock-monitoring connections sit in pg_sleep(60), holding a
    /// snapshot (and their advisory locks) until then.
    /// </summary>
    public static async Task EndLeftoverSessionsAsync(string connectionString)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        await dataSource.CreateCommand("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
            .ExecuteNonQueryAsync();
    }

    /// <summary>Peak resident memory (VmHWM) of the service process so far, in MB.</summary>
    public double PeakResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public static async Task<int> Run(string file, string[] arguments, string workingDirectory, IDictionary<string, string>? environment,
        Action<string>? output = null)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output?.Invoke(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output?.Invoke(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true); // SIGKILL: a benchmark does not need a graceful drain
        await _process.WaitForExitAsync();
        File.Delete($"/tmp/perf-{_process.Id}.map"); // the runtime's symbol map for perf (tens of MB)
        _process.Dispose();
    }
}
