using Microsoft.Extensions.Options;
using ProjectCases.Projects;
using ProjectCases.Reports.Kpi;

namespace ProjectCases.Reports.Targets;

/// <summary>The targets of kpi-targets.json (section KpiTargets): ministry → fiscal year → indicator key → target.</summary>
public sealed class DefaultKpiTargets
{
    public const string Section = "KpiTargets";
    public const string FileName = "kpi-targets.json";

    public Dictionary<string, Dictionary<int, Dictionary<string, decimal>>> Ministries { get; set; } = [];

    public IReadOnlyDictionary<string, decimal> For(Ministry ministry, int fiscalYear) =>
        Ministries.TryGetValue(ministry.ToString(), out var years) && years.TryGetValue(fiscalYear, out var targets)
            ? targets
            : new Dictionary<string, decimal>();
}

/// <summary>A typo in the targets file stops the service at start, instead of silently dropping a target.</summary>
public sealed class DefaultKpiTargetsValidation : IValidateOptions<DefaultKpiTargets>
{
    public ValidateOptionsResult Validate(string? name, DefaultKpiTargets options)
    {
        var errors = options.Ministries.Keys.Where(name => !Enum.TryParse<Ministry>(name, out _)).Select(name => $"'{name}' is not a ministry")
            .Concat(options.Ministries.SelectMany(ministry => ministry.Value.SelectMany(year => year.Value
                .Where(target => !KpiIndicators.Keys.Contains(target.Key) || target.Value < 0)
                .Select(target => $"{ministry.Key} FY{year.Key} '{target.Key}' = {target.Value}"))))
            .ToList();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{DefaultKpiTargets.FileName}: unknown indicator keys or negative targets: {string.Join("; ", errors)}. Known keys: {string.Join(", ", KpiIndicators.Keys)}.");
    }
}

/// <summary>Effective targets of a ministry's fiscal year: an admin's overrides over the file's defaults.</summary>
public sealed class KpiTargets(IOptions<DefaultKpiTargets> defaults)
{
    public IReadOnlyDictionary<string, decimal> Effective(Ministry ministry, int fiscalYear, IReadOnlyDictionary<string, decimal?>? overrides)
    {
        var targets = new Dictionary<string, decimal>(defaults.Value.For(ministry, fiscalYear));
        foreach (var (key, target) in overrides ?? new Dictionary<string, decimal?>())
        {
            if (target is { } value) targets[key] = value;
            else targets.Remove(key);
        }
        return targets;
    }
}
