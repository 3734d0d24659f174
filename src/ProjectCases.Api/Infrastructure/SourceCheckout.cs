namespace ProjectCases.Infrastructure;

/// <summary>The repository a program runs from, when it runs from a checkout (development, tests, benchmarks).</summary>
public static class SourceCheckout
{
    /// <summary>The nearest folder at or above <paramref name="directory"/> holding ProjectCases.sln, or null outside a checkout.</summary>
    public static string? RootAbove(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProjectCases.sln"))) return dir.FullName;
        return null;
    }
}
