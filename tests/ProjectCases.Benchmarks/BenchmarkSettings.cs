namespace ProjectCases.Benchmarks;

/// <summary>How long and how big each phase is: `--quick` (under 3 minutes) or the full run; `--profile` adds CPU profiles (Linux perf).</summary>
/// <param name="Projects">A multiple of every HTTP concurrency: client w writes projects w, w + c, w + 2c, ..., so two
/// clients never append to the same stream at once (that would be an optimistic-concurrency 409, not a speed figure).</param>
/// <param name="WarmUp">Unmeasured writes and reads before the HTTP figures: the runtime compiles the service's hot code
/// twice in its first minute (quick code first, then optimised with what it saw), and a figure taken meanwhile measures
/// the compiler as much as the service (docs/benchmarks/README.md, "Sixth look at issue 15").</param>
public sealed record BenchmarkSettings(
    bool Quick, TimeSpan WriteDuration, TimeSpan ReadDuration, TimeSpan WarmUp, int Projects, int TroubleCases, int SeededEvents, int AsOfStreamEvents, int Samples)
{
    public bool Profile { get; init; }
    /// <summary>`--console`: only the console pages' figures (issue 20), with their own small data set.</summary>
    public bool ConsoleOnly { get; init; }
    /// <summary>`--cluster`: only the 1-, 2- and 3-node figures and the kill -9 takeover (issue 19).</summary>
    public bool ClusterOnly { get; init; }
    /// <summary>`--search`: only the search figure (issue 16): the project events seeded, the search index rebuilt, then GET /api/search.</summary>
    public bool SearchOnly { get; init; }
    /// <summary>`--import [rows]`: only the bulk import's throughput (issue 17), with a workbook of that many rows.</summary>
    public int? ImportRows { get; init; }
    /// <summary>`--http`: only the store ceilings and the service's HTTP writes and reads (issue 15), at full length: a before/after comparison in minutes.</summary>
    public bool HttpOnly { get; init; }
    /// <summary>`--service &lt;checkout&gt;`: measure the service built from another checkout of this repository (e.g. a
    /// `git worktree` of an older commit) with this program, so that before and after are measured the same way.</summary>
    public string? ServiceCheckout { get; init; }
    /// <summary>`--request-path` (with `--http`): the async daemon kept from running (<see cref="DaemonHeldElsewhere"/>), so the
    /// figures are the request path's alone, comparable between checkouts whose background work differs.</summary>
    public bool RequestPathOnly { get; init; }

    public static readonly int[] StoreConcurrency = [1, 4, 16];
    public static readonly int[] HttpConcurrency = [1, 4, 16, 64];

    public static readonly string[] KnownArguments = ["--quick", "--profile", "--console", "--cluster", "--search", "--import", "--http", "--service", "--request-path"];

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/ProjectCases.Benchmarks [-- [--quick] [--profile] [--console] [--cluster] [--search] [--import [rows]] [--http [--request-path]] [--service <checkout>]]
          (no option)  full run, about 6 minutes; results table printed and written under docs/benchmarks/
          --quick      short run, under 3 minutes, smaller data
          --profile    add CPU profiles with Linux perf, where perf works
          --console    only the web console's page times (case file, hotline queue); with --quick, smaller data
          --cluster    only writes and reads with 1, 2 and 3 nodes in cluster mode, and the takeover time after kill -9
          --search     only the search latency: project events seeded (100,000 with --quick, else 1,000,000), search index rebuilt, GET /api/search
          --import     only the bulk import: a workbook of rows rows (default 10,000) as a dry run, for real and again; rows/s
          --http       only the store ceilings and the HTTP writes and reads (POST touchpoints, GET project, ?asOf=), with their statements and CPU per request
          --request-path  with --http: hold the async daemon's locks as another node would, so that no projection runs and the figures are the request path's alone
          --service    measure the service of another checkout of this repository (its Release build), e.g. an older commit's worktree, for before/after
          --help       print this and exit
        """;

    /// <summary>The arguments this program does not know (an unknown one, such as --help, must not start a full run).</summary>
    public static IReadOnlyList<string> Unknown(string[] args) =>
        [.. args.Where((a, i) => !KnownArguments.Contains(a) && !(i > 0 && args[i - 1] == "--import" && int.TryParse(a, out var n) && n > 0)
        && !(i > 0 && args[i - 1] == "--service" && Directory.Exists(a)))];

    public static BenchmarkSettings From(string[] args) => (args.Contains("--quick")
        ? new BenchmarkSettings(true, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), 256, 10_000, 100_000, 1_000, 200)
        : new BenchmarkSettings(false, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(45), 1_024, 100_000, 1_000_000, 1_000, 1_000))
        with { Profile = args.Contains("--profile") && CpuProfile.Available, ConsoleOnly = args.Contains("--console"), ClusterOnly = args.Contains("--cluster"),
            SearchOnly = args.Contains("--search"), HttpOnly = args.Contains("--http"), RequestPathOnly = args.Contains("--request-path"),
            ServiceCheckout = Array.IndexOf(args, "--service") is var service and >= 0 && service + 1 < args.Length ? Path.GetFullPath(args[service + 1]) : null,
            ImportRows = Array.IndexOf(args, "--import") is var at and >= 0
                ? at + 1 < args.Length && int.TryParse(args[at + 1], out var rows) ? rows : ImportThroughput.DefaultRows
                : null };
}
