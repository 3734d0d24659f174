using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// The service runs Wolverine's pre-generated handler and endpoint code (TypeLoadMode.Static, no Roslyn at
/// run time). This regenerates that code from the running application, as `codegen write` does, and
/// compares it with what is checked in, so a handler changed without regenerating fails here.
/// </summary>
public class GeneratedCodeIsCurrent(ApiFixture fixture) : ApiTest(fixture)
{
    private const string HowToFix = "Run `dotnet run --project src/ProjectCases.Api -- codegen write` and commit src/ProjectCases.Api/Internal/Generated.";

    [Fact]
    public void checked_in_generated_code_matches_what_the_application_generates_now()
    {
        var fresh = Path.Combine(Path.GetTempPath(), $"projectcases-codegen-{Guid.NewGuid():N}");
        try
        {
            var generated = Generate(fresh);
            var checkedIn = Path.Combine(RepositoryRoot(), "src", "ProjectCases.Api", "Internal", "Generated");

            var expected = Files(checkedIn);
            var actual = Files(fresh);
            Assert.True(actual.Count > 10, $"expected the application's handlers and endpoints to generate code, got {actual.Count} files");
            Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()),
                $"Generated files differ. Missing from the repository: {string.Join(", ", actual.Keys.Except(expected.Keys))}; " +
                $"no longer generated: {string.Join(", ", expected.Keys.Except(actual.Keys))}. {HowToFix}");
            var stale = actual.Where(file => Normalized(file.Value) != Normalized(expected[file.Key])).Select(file => file.Key).ToList();
            Assert.True(stale.Count == 0, $"Stale generated code in {string.Join(", ", stale)}. {HowToFix}");
            Assert.Equal(actual.Count, generated);
        }
        finally
        {
            if (Directory.Exists(fresh)) Directory.Delete(fresh, recursive: true);
        }
    }

    /// <summary>Writes the code into <paramref name="directory"/> with JasperFx's own writer; returns how many files it wrote.</summary>
    private int Generate(string directory)
    {
        var collections = Host.Services.GetServices<ICodeFileCollection>().ToArray();
        var rules = collections.Select(c => c.Rules).Distinct().ToList();
        var original = rules.Select(r => r.GeneratedCodeOutputPath).ToList();
        var written = 0;
        try
        {
            foreach (var rule in rules) rule.GeneratedCodeOutputPath = directory;
            new DynamicCodeBuilder(Host.Services, collections) { ServiceVariableSource = Host.Services.GetService<IServiceVariableSource>() }
                .WriteGeneratedCode(_ => written++);
        }
        finally
        {
            for (var i = 0; i < rules.Count; i++) rules[i].GeneratedCodeOutputPath = original[i];
        }
        return written;
    }

    private static Dictionary<string, string> Files(string root) => Directory.Exists(root)
        ? Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText)
        : [];

    private static string Normalized(string code) => code.Replace("\r\n", "\n").Trim();

    private static string RepositoryRoot() => SourceCheckout.RootAbove(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("ProjectCases.sln not found above the test assembly.");
}
