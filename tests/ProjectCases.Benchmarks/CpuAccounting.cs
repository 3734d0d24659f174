using System.Diagnostics;

namespace ProjectCases.Benchmarks;

/// <summary>
/// Where the machine's CPU time went during a phase, per request: the service process, this load
/// generator, and the rest (PostgreSQL, almost entirely). Read from /proc, so it costs nothing.
/// </summary>
public sealed record CpuAccounting(double MachineBusyMs, double MachineTotalMs, double ServiceMs, double LoadGeneratorMs)
{
    private static readonly double MsPerTick = 1000.0 / 100; // USER_HZ is 100 on Linux

    public static CpuAccounting Now(int servicePid)
    {
        // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal ...
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var idle = ticks[3] + ticks[4];
        return new CpuAccounting((ticks.Sum() - idle) * MsPerTick, ticks.Sum() * MsPerTick, ProcessMs(servicePid),
            Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    }

    /// <summary>One line: CPU milliseconds per request by consumer, and how busy the machine was.</summary>
    public string PerRequestSince(CpuAccounting before, int requests)
    {
        var busy = MachineBusyMs - before.MachineBusyMs;
        var service = ServiceMs - before.ServiceMs;
        var generator = LoadGeneratorMs - before.LoadGeneratorMs;
        var rest = busy - service - generator;
        return $"CPU per request: service {service / requests:0.00} ms, load generator {generator / requests:0.00} ms, " +
               $"PostgreSQL and the rest {rest / requests:0.00} ms; the machine was {100 * busy / (MachineTotalMs - before.MachineTotalMs):0} % busy.";
    }

    private static double ProcessMs(int pid)
    {
        // /proc/PID/stat: fields 14 and 15 (utime, stime) after the ")" that ends the command name
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * MsPerTick;
    }
}
