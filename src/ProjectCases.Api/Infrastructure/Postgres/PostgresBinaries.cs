namespace ProjectCases.Infrastructure.Postgres;

/// <summary>Finds the installed PostgreSQL server programs (initdb, pg_ctl).</summary>
public static class PostgresBinaries
{
    public const string HowToFix =
        "No PostgreSQL is configured and no PostgreSQL server binaries were found. Either set the connection " +
        "string (environment variable ConnectionStrings__Marten=\"Host=...;Database=...;Username=...;Password=...\") " +
        "or install the server binaries (Debian/Ubuntu: apt-get install postgresql-15; they must provide initdb and pg_ctl).";

    /// <summary>The folder holding initdb and pg_ctl, or null when none is installed.</summary>
    public static string? FindDirectory()
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (fromPath is not null) return fromPath;

        // Debian and Ubuntu keep the server programs off PATH, one folder per major version.
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot)) return null;
        return Directory.GetDirectories(debianRoot)
            .Select(dir => Path.Combine(dir, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }
}
