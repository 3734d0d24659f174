using System.Diagnostics;

namespace ProjectCases.Api.Tests.Cluster;

/// <summary>
/// One node of the service as a real process: `dotnet ProjectCases.Api.dll --urls http://127.0.0.1:PORT` from the
/// API project's build output, in the Development environment (development tokens) with `Cluster:Enabled`.
/// It keeps its port across restarts, as a node behind a balancer keeps its address. <paramref name="dll"/>: another build
/// of the service (the benchmark's `--service` checkout); by default the one beside this test project.
/// </summary>
public sealed class ServiceNode(string name, int port, IReadOnlyDictionary<string, string> environment, string? dll = null) : IAsyncDisposable
{
    private readonly Queue<string> _lastLines = new();
    private Process? _process;

    public string Name { get; } = name;
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");
    public bool IsRunning => _process is { HasExited: false };
    public int Pid => _process?.Id ?? 0;

    /// <summary>The API's build output beside this test project's (same configuration: Debug or Release).</summary>
    public static string ApiDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ProjectCases.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No ProjectCases.sln above {AppContext.BaseDirectory}.");
        var dll = Path.Combine(root.FullName, "src", "ProjectCases.Api", "bin", configuration, framework, "ProjectCases.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        if (_process is null) File.Delete(Path.Combine(AppContext.BaseDirectory, $"cluster-{Name}.log")); // a previous run's
        var apiDll = dll ?? ApiDll();
        var start = new ProcessStartInfo("dotnet", [apiDll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < timeout; await Task.Delay(200))
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} while starting:\n{LastLines()}");
            try { if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds} s:\n{LastLines()}");
    }

    /// <summary>SIGTERM, as an orchestrator stops a container; returns how long the node took to leave.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} is not running.");
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds} s of SIGTERM:\n{LastLines()}"); }
        return clock.Elapsed;
    }

    /// <summary>SIGKILL (kill -9): no shutdown code runs, the node simply vanishes.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public string LastLines()
    {
        lock (_lastLines) return string.Join('\n', _lastLines);
    }

    /// <summary>Every line the node writes also goes to cluster-{name}.log in the test's output folder.</summary>
    private void Remember(string? line)
    {
        if (string.IsNullOrEmpty(line)) return;
        lock (_lastLines)
        {
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, $"cluster-{Name}.log"), line + "\n");
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 60) _lastLines.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
