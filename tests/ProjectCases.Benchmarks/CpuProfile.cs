using System.Diagnostics;
using System.Text;

namespace ProjectCases.Benchmarks;

/// <summary>
/// `--profile`: Linux perf samples the service's CPU (and, separately, PostgreSQL's) during a phase.
/// The runtime writes /tmp/perf-PID.map (DOTNET_PerfMapEnabled=1, set on the service when profiling) so JIT-compiled
/// .NET methods have names. cpu-clock is a software event, so it works where hardware counters don't.
/// </summary>
public sealed class CpuProfile
{
    private readonly List<string> _sections = [];
    public static bool Available => File.Exists("/usr/bin/perf");
    public string Markdown => string.Join("\n", _sections);

    /// <summary>Samples the whole machine while <paramref name="phase"/> runs; reports all processes, then the service (<paramref name="pid"/>) by function.</summary>
    public async Task<T> During<T>(string title, int pid, Func<Task<T>> phase)
    {
        var data = Path.Combine(Path.GetTempPath(), $"projectcases-bench-{Guid.NewGuid():N}.perf");
        using var recorder = Process.Start(new ProcessStartInfo("perf", ["record", "-F", "499", "-e", "cpu-clock", "-a", "-g", "-o", data])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await Task.Delay(500); // perf's start-up
        var result = await phase();
        Process.Start("kill", ["-INT", recorder.Id.ToString()])!.WaitForExit();
        await recorder.WaitForExitAsync();

        var byProcess = await Report(data, ["--sort", "comm", "--no-children", "-g", "none", "--percent-limit", "0.5"], 12);
        var serviceModules = await Report(data, ["--pid", pid.ToString(), "--sort", "dso", "--no-children", "-g", "none", "--percent-limit", "1"], 12);
        var serviceFunctions = await Report(data, ["--pid", pid.ToString(), "--sort", "dso,sym", "--no-children", "-g", "none", "--percent-limit", "0.4"], 40);
        var postgresFunctions = await Report(data, ["--comm", "postgres", "--sort", "dso,sym", "--no-children", "-g", "none", "--percent-limit", "0.4"], 40);
        File.Delete(data);
        _sections.Add($"""
            **{title}**: share of all CPU samples on the machine by process (perf, cpu-clock, 499 Hz, all cores)

            ```
            {byProcess}
            ```

            the service's samples by module, as shares of all samples on the machine ("[JIT]" is JIT-compiled .NET code: ours, ASP.NET Core, Marten, Npgsql, System.Text.Json;
            libcoreclr is the runtime and GC, libclrjit the JIT compiler, kernel mostly socket calls)

            ```
            {serviceModules}
            ```

            the service's busiest functions by their own samples (not what they call), as shares of all samples on the machine

            ```
            {serviceFunctions}
            ```

            PostgreSQL's busiest functions by their own samples, as shares of all samples on the machine

            ```
            {postgresFunctions}
            ```

            """);
        return result;
    }

    private static async Task<string> Report(string data, string[] options, int maxLines)
    {
        var start = new ProcessStartInfo("perf", ["report", "-i", data, "--stdio", .. options])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = output.Split('\n').Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Take(maxLines);
        return new StringBuilder().AppendJoin('\n', lines.Select(l => l.TrimEnd())).ToString();
    }
}
