using System.Text.RegularExpressions;

namespace ProjectCases.Benchmarks;

/// <summary>
/// The runtime settings the service's image gives it: the `DOTNET_` variables of the `ENV` instructions in
/// `deploy/Dockerfile` of the checkout measured (e.g. the collector's gen0 budget). Read from that checkout, so that an
/// older commit measured with `--service` runs as it was deployed then. Only `ENV KEY=VALUE` pairs without quotes,
/// which is how the Dockerfile writes them.
/// </summary>
public static partial class ImageEnvironment
{
    public static IReadOnlyDictionary<string, string> RuntimeSettings(string repositoryRoot)
    {
        var dockerfile = Path.Combine(repositoryRoot, "deploy", "Dockerfile");
        if (!File.Exists(dockerfile)) return new Dictionary<string, string>();
        // Continuation lines (a trailing backslash) belong to the instruction above them.
        var instructions = File.ReadAllText(dockerfile).Replace("\\\r\n", " ").Replace("\\\n", " ").Split('\n');
        return instructions
            .Where(line => line.TrimStart().StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(line => Pair().Matches(line))
            .Where(pair => pair.Groups["key"].Value.StartsWith("DOTNET_", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Groups["key"].Value, pair => pair.Groups["value"].Value);
    }

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>[^\s""']+)")]
    private static partial Regex Pair();
}
