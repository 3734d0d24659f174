using System.Collections.Concurrent;
using System.Diagnostics;

namespace ProjectCases.Benchmarks;

/// <summary>Operations per second, latency percentiles and failures of one measured phase.</summary>
public sealed record Measurement(int Operations, int Failures, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>Runs <paramref name="workers"/> loops of <paramref name="operation"/> for <paramref name="duration"/>.
    /// The operation returns false (or throws) on failure; failures are counted, never retried.</summary>
    public static async Task<Measurement> ForDuration(int workers, TimeSpan duration, Func<int, long, Task<bool>> operation)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var total = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (long i = 0; total.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await operation(worker, i); }
                catch (Exception) { ok = false; }
                if (ok) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else Interlocked.Increment(ref failures);
            }
        }));
        await Task.WhenAll(tasks);
        return Of([.. latencies], failures, total.Elapsed);
    }

    /// <summary>Runs <paramref name="count"/> operations one after another (latency of a single client).</summary>
    public static async Task<Measurement> Sequential(int count, Func<long, Task<bool>> operation)
    {
        var latencies = new List<double>();
        var failures = 0;
        var total = Stopwatch.StartNew();
        for (long i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            if (await operation(i)) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            else failures++;
        }
        return Of(latencies, failures, total.Elapsed);
    }

    private static Measurement Of(List<double> latencies, int failures, TimeSpan elapsed)
    {
        latencies.Sort();
        double At(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return new Measurement(latencies.Count, failures, elapsed, At(0.50), At(0.95), At(0.99));
    }
}
